package reports

import (
	"math"
	"testing"
)

func TestNumbers(t *testing.T) {
	vi, en := numbersFor(Vietnamese), numbersFor(English)
	for _, tc := range []struct {
		name string
		got  string
		want string
	}{
		{"vi int", vi.Int(1234567), "1.234.567"},
		{"en int", en.Int(1234567), "1,234,567"},
		{"vi small", vi.Int(999), "999"},
		{"vi zero", vi.Int(0), "0"},
		{"vi negative", vi.Int(-1234), "−1.234"},
		{"min int64", en.Int(math.MinInt64), "−9,223,372,036,854,775,808"},
		{"vi money", vi.Money(1234567), "1.234.567 đ"},
		{"en money", en.Money(1234567), "1,234,567 VND"},
		{"vi pct", vi.Pct(12.5), "12,5 %"},
		{"en pct", en.Pct(12.5), "12.5%"},
		{"pct rounds half away", vi.Pct(12.25), "12,3 %"},
		{"pct no negative zero", vi.Pct(-0.01), "0,0 %"},
		{"vi pct tiny positive", vi.Pct(0.04), "<0,1 %"},
		{"en pct tiny positive", en.Pct(0.0001), "<0.1%"},
		{"pct smallest shown", vi.Pct(0.05), "0,1 %"},
		{"pct zero", vi.Pct(0), "0,0 %"},
		{"pct negative", en.Pct(-7.24), "−7.2%"},
		{"vi pct thousands", vi.Pct(1234.5), "1.234,5 %"},
		{"share", en.Share(0.906), "90.6%"},
		{"target whole", vi.Target(20), "20 %"},
		{"target decimal", en.Target(22.5), "22.5%"},
		{"num trims zeros", vi.Num(0.50), "0,5"},
		{"num whole", en.Num(5400000), "5,400,000"},
		{"vi short billions", vi.Short(975_000_000_000), "975,0 tỷ đ"},
		{"en short billions", en.Short(975_000_000_000), "VND 975.0 billion"},
		{"vi short millions", vi.Short(15_340_909), "15,3 triệu đ"},
		{"en short under a million", en.Short(999_999), "999,999 VND"},
		{"vi short negative", vi.Short(-3_010_522_727), "−3,0 tỷ đ"},
		{"nan", vi.Dec(math.NaN(), 1), "–"},
	} {
		if tc.got != tc.want {
			t.Errorf("%s: got %q, want %q", tc.name, tc.got, tc.want)
		}
	}
}
