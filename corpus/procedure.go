package corpus

import "strconv"

// ID returns the procedure's identity: its code, or its name when it has no code.
func (p *Procedure) ID() string {
	if p.Code != "" {
		return p.Code
	}
	return p.Name
}

// Fees returns the fees of all channels, without repeats of the same text
// and amount. The result is nil when no channel states a fee.
func (p *Procedure) Fees() []Fee {
	var out []Fee
	seen := map[string]bool{}
	for _, c := range p.Channels {
		for _, f := range c.Fees {
			key := f.Text
			if f.Amount != nil {
				key += "\x00" + itoa64(*f.Amount)
			}
			if !seen[key] {
				seen[key] = true
				out = append(out, f)
			}
		}
	}
	return out
}

// ProcessingTime returns the longest processing time stated by any channel,
// preferring parsed times; nil when no channel states one.
func (p *Procedure) ProcessingTime() *Duration {
	var best *Duration
	for _, c := range p.Channels {
		t := c.Time
		if t == nil {
			continue
		}
		switch {
		case best == nil:
			best = t
		case best.Unit == "" && t.Unit != "":
			best = t
		case t.Unit != "" && t.Hours() > best.Hours():
			best = t
		}
	}
	return best
}

// Hours returns the duration in working hours, counting 8 hours to a
// working day, 22 working days to a month and 5 working days to 7 calendar
// days. It returns 0 when the unit is unknown.
func (d *Duration) Hours() float64 {
	if d == nil {
		return 0
	}
	switch d.Unit {
	case WorkingHours, Hours:
		return d.Value
	case WorkingDays:
		return d.Value * 8
	case Days:
		return d.Value * 8 * 5 / 7
	case Months:
		return d.Value * 22 * 8
	}
	return 0
}

func itoa64(n int64) string { return strconv.FormatInt(n, 10) }
