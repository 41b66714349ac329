package cost

import (
	"math"
	"math/rand/v2"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// TestParseAmountLimits: amounts are plain decimals within the documented
// range (issue 15: "4p7040000" and "1e1000000" made estimate hang).
func TestParseAmountLimits(t *testing.T) {
	ok := []struct{ in, want string }{
		{"0", "0"}, {"5400000", "5400000"}, {"0.25", "1/4"}, {"-3", "-3"}, {"+2", "2"},
		{"1e3", "1000"}, {"393.4e9", "393400000000"}, {"5e-1", "1/2"}, {"5/7", "5/7"}, {"-5/7", "-5/7"},
		{".5", "1/2"}, {"1.", "1"}, {" 12 ", "12"}, {"1e59", "1" + strings.Repeat("0", 59)}, {"0.01e60", "1" + strings.Repeat("0", 58)},
		{strings.Repeat("9", MaxWholeDigits), strings.Repeat("9", MaxWholeDigits)},
		{"0." + strings.Repeat("0", MaxAmountDigits-1) + "1", "1/1" + strings.Repeat("0", MaxAmountDigits)},
		{"1" + strings.Repeat("0", 100) + "/" + "1" + strings.Repeat("0", 50), "1" + strings.Repeat("0", 50)},
	}
	for _, c := range ok {
		a, err := ParseAmount(c.in)
		if err != nil {
			t.Errorf("ParseAmount(%q): %v", c.in, err)
			continue
		}
		if a.Exact() != c.want {
			t.Errorf("ParseAmount(%q) = %s, want %s", c.in, a.Exact(), c.want)
		}
	}
	bad := []string{"", " ", "4p7040000", "1e1000000", "1e60", "1e61", "1e-61", "10e59", "0x10", "0b101", "0o7", "1_000",
		"5,400,000", "Inf", "NaN", "-", ".", "1/0x2", "1/-2", "1e", "e5", "1.2.3", "--1", "1/2/3",
		strings.Repeat("9", MaxWholeDigits+1), "0." + strings.Repeat("1", MaxAmountDigits+1), "١٢",
		"1" + strings.Repeat("0", 100) + "/3", "1/" + strings.Repeat("1", MaxAmountDigits+1), "1/0"}
	for _, s := range bad {
		if a, err := ParseAmount(s); err == nil {
			t.Errorf("ParseAmount(%q) = %s, want an error", s, a.Exact())
		} else if !strings.Contains(err.Error(), "not a number") {
			t.Errorf("ParseAmount(%q): error %q does not say so", s, err)
		}
	}
}

// TestLoadParamsHugeExponents: the parameter files of issue 15 are refused
// with an error naming the file, at once.
func TestLoadParamsHugeExponents(t *testing.T) {
	for _, name := range []string{"params-binary-exponent.yaml", "params-huge-exponent.yaml"} {
		path := filepath.Join("testdata", name)
		_, err := LoadParamsFile(path)
		if err == nil || !strings.Contains(err.Error(), path) || !strings.Contains(err.Error(), "not a number") {
			t.Errorf("LoadParamsFile(%s) = %v, want a not-a-number error naming the file", name, err)
		}
	}
}

// AmountOfFloat gives what ParseAmount gives of the float's shortest
// form, on whole numbers (the shortcut) and others alike, errors included.
func TestAmountOfFloatIsParseAmount(t *testing.T) {
	for _, f := range []float64{0, math.Copysign(0, -1), 1, -3, 15, 1.5, 0.1, 2.25, 1e-7, 999999999999999, 1e15, -1e15, 1e15 + 2,
		123456789.125, 1e21, 1e22, 1e300, -1e300, 5e-324, math.MaxInt64, math.Inf(1), math.Inf(-1), math.NaN()} {
		want, werr := ParseAmount(strconv.FormatFloat(f, 'g', -1, 64))
		got, gerr := AmountOfFloat(f)
		if (werr == nil) != (gerr == nil) || werr == nil && got.Cmp(want) != 0 {
			t.Errorf("AmountOfFloat(%v) = %v, %v; ParseAmount gives %v, %v", f, got.Exact(), gerr, want.Exact(), werr)
		}
	}
}

// Round's int64 shortcut rounds as the big.Int arithmetic does: halves
// away from zero, negative amounts alike, at every number of decimals,
// up to the numerators that no longer fit.
func TestRoundSmallIsRoundBig(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	amounts := []Amount{Int(0), Frac(1, 2), Frac(-1, 2), Frac(5, 2), Frac(-5, 2), Frac(1, 3), Frac(2, 3), Frac(-2, 3),
		Frac(337500, 11), Frac(-337500, 11), Int(math.MaxInt64), Int(math.MinInt64 + 1), Frac(math.MaxInt64, 3), Frac(1, math.MaxInt64),
		Frac(123456789, 1000), Frac(-123455, 1000), Frac(99999, 10000)}
	for range 2000 {
		amounts = append(amounts, Frac(rng.Int64N(2e12)-1e12, 1+rng.Int64N(1e6)))
	}
	shortcuts := 0
	for _, a := range amounts {
		for _, d := range []int{0, 1, 2, 3, 6, 12, 18} {
			got, ok := a.roundSmall(d)
			if !ok {
				continue
			}
			shortcuts++
			if want := a.roundBig(d); got.Cmp(want) != 0 {
				t.Errorf("%s rounded to %d decimals: %s by int64, %s by big.Int", a.Exact(), d, got.Exact(), want.Exact())
			}
		}
	}
	if shortcuts < len(amounts) {
		t.Errorf("the int64 shortcut was taken %d times for %d amounts", shortcuts, len(amounts))
	}
}
