package compare

import (
	"github.com/redtape-vn/redtape/analyzer/cost"
	"github.com/redtape-vn/redtape/corpus"
)

// DaysUnit names the unit of [TimeCut]'s figures.
const DaysUnit = "working days"

// TimeCut is the change in total statutory processing time (thời hạn giải
// quyết), the target of Resolution 66/NQ-CP (2025) beside cost and
// conditions. Each procedure counts its longest channel's time
// ([corpus.Procedure.ProcessingTime]), in working days: 8 working hours to
// a day, 22 working days to a month, 5 working days to 7 calendar days
// ("ngày" without "làm việc" is read as calendar days).
//
// A procedure whose time is unknown is never counted as zero: a pair with
// no time stated on any side present is left out of both totals and
// counted in Unknown; a matched pair whose time is stated on one side only
// takes that time for both (a record that no longer states its time has
// not cut it) and is counted in Borrowed.
type TimeCut struct {
	// Unit is DaysUnit.
	Unit string `json:"unit"`
	// BaselineDays and CurrentDays are the total times on each side, over
	// the procedures counted.
	BaselineDays cost.Amount `json:"baseline_days"`
	CurrentDays  cost.Amount `json:"current_days"`
	// NewDays is the part of CurrentDays due to new procedures.
	NewDays cost.Amount `json:"new_days"`
	// Cut is BaselineDays − CurrentDays (negative when times grew) and
	// Percent is Cut / BaselineDays × 100.
	Cut     cost.Amount `json:"cut"`
	Percent cost.Amount `json:"percent"`
	// Gap is how many points Percent falls short of the target; 0 when met.
	Gap cost.Amount `json:"gap"`
	// Shortened and Lengthened count matched procedures whose time both
	// sides state and that got shorter or longer.
	Shortened  int `json:"shortened"`
	Lengthened int `json:"lengthened"`
	// Procedures counts the procedures (pairs) in the totals.
	Procedures int `json:"procedures"`
	// Unknown counts the procedures left out: no time stated, or none that
	// could be read, on any side present.
	Unknown int `json:"unknown"`
	// Borrowed counts matched procedures whose time is stated on one side
	// only, that time taken for both.
	Borrowed int `json:"borrowed"`
}

// ProcessingDays returns p's statutory processing time in working days
// (see [TimeCut]), and false when p states no time that could be read.
func ProcessingDays(p *corpus.Procedure) (cost.Amount, bool) {
	if p == nil {
		return cost.Amount{}, false
	}
	d := p.ProcessingTime()
	if d == nil || d.Unit == "" {
		return cost.Amount{}, false
	}
	v, err := cost.AmountOfFloat(d.Value)
	if err != nil || v.Sign() < 0 {
		return cost.Amount{}, false
	}
	switch d.Unit {
	case corpus.WorkingDays:
		return v, true
	case corpus.Days:
		return v.Mul(cost.Frac(5, 7)), true
	case corpus.Hours, corpus.WorkingHours:
		return v.Div(cost.Int(8)), true
	case corpus.Months:
		return v.MulInt(22), true
	}
	return cost.Amount{}, false
}

// add counts the times of one pair (b or c may be nil) of the given status.
func (t *TimeCut) add(b, c *corpus.Procedure, status Status) {
	bd, bok := ProcessingDays(b)
	cd, cok := ProcessingDays(c)
	t.addDays(b != nil, c != nil, bd, cd, bok, cok, status)
}

// addDays is add given the processing days of each side (hasB and hasC
// say which sides there are).
func (t *TimeCut) addDays(hasB, hasC bool, bd, cd cost.Amount, bok, cok bool, status Status) {
	b, c := hasB, hasC
	switch {
	case b && c:
		switch {
		case bok && !cok:
			cd, cok = bd, true
			t.Borrowed++
		case !bok && cok:
			bd, bok = cd, true
			t.Borrowed++
		}
	case !b:
		bok = true // a new procedure adds to the current side only
	case !c:
		cok = true // an abolished procedure's time is cut whole
	}
	if !bok || !cok {
		t.Unknown++
		return
	}
	t.Procedures++
	t.BaselineDays = t.BaselineDays.Add(bd)
	t.CurrentDays = t.CurrentDays.Add(cd)
	if status == New {
		t.NewDays = t.NewDays.Add(cd)
	}
	if b && c {
		switch cd.Cmp(bd) {
		case -1:
			t.Shortened++
		case 1:
			t.Lengthened++
		}
	}
}

// finish computes the cut, percentage and gap.
func (t *TimeCut) finish(target cost.Amount) {
	t.Unit = DaysUnit
	t.Cut, t.Percent = cost.Cut(t.BaselineDays, t.CurrentDays)
	t.Gap = gap(target, t.Percent)
}
