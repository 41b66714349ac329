package estimate

import (
	"github.com/redtape-vn/redtape/analyzer/cost"
)

// Costs that rest mostly on assumed inputs are printed rounded: a figure
// whose assumed share is above approxAbove percent shows approxFigures
// significant figures after "≈". The JSON keeps every exact value.
const (
	approxAbove   = 50
	approxFigures = 3
)

// mostlyAssumed reports whether shares (in percent) put a figure mostly on
// assumptions: any of them above approxAbove.
func mostlyAssumed(shares ...cost.Amount) bool {
	for _, s := range shares {
		if s.Cmp(cost.Int(approxAbove)) > 0 {
			return true
		}
	}
	return false
}

// money formats an amount of đồng: in full, or rounded after "≈" when it
// rests mostly on assumptions.
func money(v cost.Amount, approx bool) string {
	if !approx || v.IsZero() {
		return v.Format(0)
	}
	return "≈" + v.Significant(approxFigures).Format(0)
}

// column formats rows of đồng that add up to total. Exact rows are printed
// in full. Approximate ones are rounded to one unit for the column, that
// of the largest row's third figure, and apportioned (cost.Apportion) so
// that they add up to total rounded to that unit, which agrees with total
// as printed by money to its three figures; rows that do not add up to
// total are rounded one by one.
func column(rows []cost.Amount, total cost.Amount, approx bool) []string {
	out := make([]string, len(rows))
	if !approx {
		for i, r := range rows {
			out[i] = r.Format(0)
		}
		return out
	}
	var sum cost.Amount
	for _, r := range rows {
		sum = sum.Add(r)
	}
	if sum.Cmp(total) != 0 || total.IsZero() {
		for i, r := range rows {
			out[i] = money(r, true)
		}
		return out
	}
	unit := cost.Int(1)
	for _, r := range rows {
		if u := r.Unit(approxFigures); u.Cmp(unit) > 0 {
			unit = u
		}
	}
	for i, r := range cost.Apportion(rows, unit) {
		out[i] = "≈" + r.Format(0)
	}
	return out
}
