package reports

import (
	"math"
	"strconv"

	"github.com/redtape-vn/redtape/analyzer/cost"
)

// Costs that rest mostly on assumed inputs are printed rounded to
// approxFigures significant figures after "≈": a figure whose assumed
// share is above approxAbove. Exact values stay in the JSON of
// `redtape estimate`.
const (
	approxAbove   = 0.5
	approxFigures = 3
)

// mostlyAssumed reports whether a cost with this assumed share (0–1) is
// printed rounded.
func mostlyAssumed(share float64) bool { return share > approxAbove }

// significant rounds v to approxFigures significant figures.
func significant(v int64) int64 {
	return cost.Int(v).Significant(approxFigures).Rat().Num().Int64()
}

// MoneyAbout formats an amount of đồng in full, or rounded after "≈" when
// approx is set: "≈ 252.000.000.000 đ".
func (n numbers) MoneyAbout(v int64, approx bool) string {
	if !approx || v == 0 {
		return n.Money(v)
	}
	return "≈ " + n.Money(significant(v))
}

// ShortAbout is [numbers.Short], to approxFigures significant figures
// after "≈" when approx is set: "≈ 252 tỷ đ", "≈ VND 46.0 billion".
func (n numbers) ShortAbout(v int64, approx bool) string {
	if !approx || v == 0 {
		return n.Short(v)
	}
	r := significant(v)
	div, _, _ := shortUnit(r)
	// Whole digits in the unit, then decimals up to approxFigures figures.
	whole := len(strconv.FormatInt(int64(math.Abs(float64(r))/div), 10))
	return "≈ " + n.short(r, max(0, approxFigures-whole))
}

// moneyColumn formats rows of đồng that add up to total: in full, or, when
// approx is set, rounded to one unit for the column, that of the largest
// row's third figure, and apportioned (cost.Apportion) so that the printed
// rows add up to total rounded to that unit, which agrees with the total
// printed by [numbers.MoneyAbout] to its three figures. Rows that are not
// the whole of total (a narrowed table) are rounded one by one. Rows are whole đồng rounded from exact
// figures, so they may miss total by up to a đồng each and still add up.
func (n numbers) moneyColumn(rows []int64, total int64, approx bool) []string {
	out := make([]string, len(rows))
	var sum int64
	for _, r := range rows {
		sum += r
	}
	if drift := sum - total; !approx || total == 0 || drift > int64(len(rows)) || -drift > int64(len(rows)) {
		for i, r := range rows {
			out[i] = n.MoneyAbout(r, approx)
		}
		return out
	}
	amounts := make([]cost.Amount, len(rows))
	unit := cost.Int(1)
	for i, r := range rows {
		amounts[i] = cost.Int(r)
		if u := amounts[i].Unit(approxFigures); u.Cmp(unit) > 0 {
			unit = u
		}
	}
	for i, r := range cost.Apportion(amounts, unit) {
		out[i] = "≈ " + n.Money(r.Rat().Num().Int64())
	}
	return out
}
