package estimate

import (
	"strings"
	"testing"

	"github.com/redtape-vn/redtape/analyzer/cost"
)

// parseMoney reads back a figure printed by money or column.
func parseMoney(t *testing.T, s string) cost.Amount {
	t.Helper()
	a, err := cost.ParseAmount(strings.ReplaceAll(strings.TrimPrefix(s, "≈"), ",", ""))
	if err != nil {
		t.Fatalf("printed figure %q: %v", s, err)
	}
	return a
}

// The rows of a table printed rounded add up to the headline printed
// rounded, to its three figures; exact figures stay exact; rows that do not make up the total
// are rounded one by one.
func TestColumnAddsUpToHeadline(t *testing.T) {
	ints := func(vs ...int64) []cost.Amount {
		out := make([]cost.Amount, len(vs))
		for i, v := range vs {
			out[i] = cost.Int(v)
		}
		return out
	}
	sum := func(vs []cost.Amount) cost.Amount {
		var s cost.Amount
		for _, v := range vs {
			s = s.Add(v)
		}
		return s
	}
	for _, rows := range [][]cost.Amount{
		ints(107636635227, 77161031250, 25312500000, 17261818182, 15574817045, 4622430682, 4448863636),
		ints(3480386834739, 5168420407432, 412790826693, 433567807159, 238639337545, 905889873386, 392837143239),
		ints(125135795, 125135795, 125135795),
		ints(-40_000_000, 1_234_567_890, 5),
	} {
		total := sum(rows)
		head := money(total, true)
		if !strings.HasPrefix(head, "≈") {
			t.Errorf("headline %s not marked approximate", head)
		}
		printed := column(rows, total, true)
		var got cost.Amount
		for _, p := range printed {
			if !strings.HasPrefix(p, "≈") {
				t.Errorf("row %s not marked approximate", p)
			}
			got = got.Add(parseMoney(t, p))
		}
		if want := parseMoney(t, head); got.Significant(approxFigures).Cmp(want) != 0 {
			t.Errorf("rows %v add up to %s, headline says %s", printed, got.Format(0), head)
		}
		if exact := column(rows, total, false); exact[0] != rows[0].Format(0) {
			t.Errorf("exact row printed %s, want %s", exact[0], rows[0].Format(0))
		}
	}
	// Rows that are not the whole total: each to 3 figures.
	if got := column(ints(123456789, 5), cost.Int(999999999), true); got[0] != "≈123,000,000" || got[1] != "≈5" {
		t.Errorf("partial rows printed %v", got)
	}
	if got := money(cost.Amount{}, true); got != "0" {
		t.Errorf("zero printed %q", got)
	}
}
