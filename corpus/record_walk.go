package corpus

// recordWriter takes the parts of a record as writeRecord walks it: the
// deduper's key (keyWriter) and the spill file (spillWriter) write them
// each in their own form, from the one walk of the model.
type recordWriter interface {
	str(s string)
	// count writes the length of a list.
	count(n int)
	// bool writes a flag, and whether a pointer is set before its value.
	bool(v bool)
	int(n int64)
	// float reports false when the record cannot be written with f in
	// it (a key cannot hold a NaN).
	float(f float64) bool
}

// writeRecord writes every field of p to w, in the model's order, with
// its source when withSource is set and a zero Source in its place
// otherwise. It returns false when w refuses a float.
func writeRecord(w recordWriter, p *Procedure, withSource bool) bool {
	strs := func(l []string) {
		w.count(len(l))
		for _, s := range l {
			w.str(s)
		}
	}
	w.str(p.Code)
	w.str(p.Name)
	w.str(p.Decision)
	w.str(p.Ministry)
	strs(p.Authority)
	strs(p.Agencies)
	w.str(p.Sector)
	strs(p.Levels)
	w.str(p.Kind)
	strs(p.Subjects)
	strs(p.Steps)
	w.count(len(p.Channels))
	for i := range p.Channels {
		c := &p.Channels[i]
		w.str(string(c.Mode))
		w.str(c.Text)
		w.bool(c.Time != nil)
		if c.Time != nil {
			w.str(c.Time.Text)
			if !w.float(c.Time.Value) {
				return false
			}
			w.str(string(c.Time.Unit))
		}
		w.count(len(c.Fees))
		for _, f := range c.Fees {
			w.str(f.Text)
			w.bool(f.Amount != nil)
			if f.Amount != nil {
				w.int(*f.Amount)
			}
			w.str(f.Kind)
		}
		w.str(c.Description)
	}
	w.count(len(p.Papers))
	for i := range p.Papers {
		pp := &p.Papers[i]
		w.str(pp.Text)
		w.str(pp.Case)
		for _, n := range [...]*int{pp.Originals, pp.Copies} {
			w.bool(n != nil)
			if n != nil {
				w.int(int64(*n))
			}
		}
		w.str(pp.Quantity)
		w.bool(pp.CertifiedCopy)
		strs(pp.Forms)
		w.bool(pp.Optional)
		w.str(pp.Condition)
		strs(pp.Alternatives)
		w.bool(pp.Span != nil)
		if pp.Span != nil {
			w.str(pp.Span.Field)
			w.int(int64(pp.Span.Start))
			w.int(int64(pp.Span.End))
		}
	}
	w.count(len(p.LegalBasis))
	for i := range p.LegalBasis {
		l := &p.LegalBasis[i]
		for _, s := range [...]string{l.Text, l.Number, l.Type, l.Title, l.Issuer, l.Issued, l.Effective} {
			w.str(s)
		}
	}
	strs(p.Conditions)
	strs(p.Results)
	w.bool(p.AnnualVolume != nil)
	if p.AnnualVolume != nil {
		w.int(*p.AnnualVolume)
	}
	src := p.Source
	if !withSource {
		src = Source{}
	}
	w.str(src.File)
	w.str(src.Format)
	w.int(int64(src.Record))
	w.int(int64(src.Line))
	w.str(src.URL)
	return true
}
