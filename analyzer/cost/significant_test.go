package cost

import "testing"

func TestSignificant(t *testing.T) {
	for _, tc := range []struct {
		in   string
		n    int
		want string
		unit string
	}{
		{"11032532230193", 3, "11000000000000", "100000000000"},
		{"252018096023", 3, "252000000000", "1000000000"},
		{"-252518096023", 3, "-253000000000", "1000000000"},
		{"999.6", 3, "1000", "1"},
		{"100", 3, "100", "1"},
		{"99", 3, "99", "0.1"},
		{"0.012345", 3, "0.0123", "0.0001"},
		{"1/3", 2, "0.33", "0.01"},
		{"125135795", 1, "100000000", "100000000"},
		{"5", 0, "5", "1"},
		{"0", 3, "0", "1"},
	} {
		a, err := ParseAmount(tc.in)
		if err != nil {
			t.Fatal(err)
		}
		want, _ := ParseAmount(tc.want)
		if got := a.Significant(tc.n); got.Cmp(want) != 0 {
			t.Errorf("Significant(%s, %d) = %s, want %s", tc.in, tc.n, got.Exact(), tc.want)
		}
		unit, _ := ParseAmount(tc.unit)
		if got := a.Unit(tc.n); got.Cmp(unit) != 0 {
			t.Errorf("Unit(%s, %d) = %s, want %s", tc.in, tc.n, got.Exact(), tc.unit)
		}
	}
}

func TestApportion(t *testing.T) {
	for _, tc := range []struct {
		rows []string
		unit string
		want []string
	}{
		// Each row rounds down, the sum (252.02) must be 252.
		{[]string{"107.64", "77.16", "25.31", "17.26", "15.57", "4.62", "4.45"}, "1", []string{"108", "77", "25", "17", "16", "5", "4"}},
		// Three thirds: each rounds to 0 but the sum is 1.
		{[]string{"1/3", "1/3", "1/3"}, "1", []string{"0", "0", "1"}},
		// Rounding up too far: 0.5 + 0.5 + 0.5 = 1.5 → 2, not 3.
		{[]string{"0.5", "0.5", "0.5"}, "1", []string{"1", "1", "0"}},
		// Mixed signs.
		{[]string{"-2.6", "1.4", "1.4"}, "1", []string{"-3", "1", "2"}},
		{[]string{"3480386834739", "5168420407432", "412790826693"}, "100000000000", []string{"3500000000000", "5200000000000", "400000000000"}},
		{nil, "1", nil},
	} {
		rows := make([]Amount, len(tc.rows))
		var sum Amount
		for i, r := range tc.rows {
			rows[i] = amt(t, r)
			sum = sum.Add(rows[i])
		}
		unit := amt(t, tc.unit)
		got := Apportion(rows, unit)
		var gotSum Amount
		for i, g := range got {
			gotSum = gotSum.Add(g)
			if want := amt(t, tc.want[i]); g.Cmp(want) != 0 {
				t.Errorf("Apportion(%v)[%d] = %s, want %s", tc.rows, i, g.Exact(), tc.want[i])
			}
		}
		if want := sum.Div(unit).Round(0).Mul(unit); gotSum.Cmp(want) != 0 {
			t.Errorf("Apportion(%v) sums to %s, want %s", tc.rows, gotSum.Exact(), want.Exact())
		}
	}
}
