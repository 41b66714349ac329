package corpus

// hasLongField reports whether any string of p is longer than max bytes.
// It walks the record's fields by type, without reflection, so that the
// reflective [capFields] runs only on the rare record it has to cut; a
// test sets each string field of the model in turn to make sure none is
// missed here.
func hasLongField(p *Procedure, max int) bool {
	long := func(ss ...string) bool {
		for _, s := range ss {
			if len(s) > max {
				return true
			}
		}
		return false
	}
	if long(p.Code, p.Name, p.Decision, p.Ministry, p.Sector, p.Kind) ||
		long(p.Authority...) || long(p.Agencies...) || long(p.Levels...) || long(p.Subjects...) ||
		long(p.Steps...) || long(p.Conditions...) || long(p.Results...) ||
		long(p.Source.File, p.Source.Format, p.Source.URL) {
		return true
	}
	for i := range p.Channels {
		c := &p.Channels[i]
		if long(string(c.Mode), c.Text, c.Description) {
			return true
		}
		if c.Time != nil && long(c.Time.Text, string(c.Time.Unit)) {
			return true
		}
		for j := range c.Fees {
			if long(c.Fees[j].Text, c.Fees[j].Kind) {
				return true
			}
		}
	}
	for i := range p.Papers {
		pp := &p.Papers[i]
		if long(pp.Text, pp.Case, pp.Quantity, pp.Condition) || long(pp.Forms...) || long(pp.Alternatives...) {
			return true
		}
		if pp.Span != nil && long(pp.Span.Field) {
			return true
		}
	}
	for i := range p.LegalBasis {
		r := &p.LegalBasis[i]
		if long(r.Text, r.Number, r.Type, r.Title, r.Issuer, r.Issued, r.Effective) {
			return true
		}
	}
	return false
}
