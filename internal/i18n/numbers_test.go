package i18n

import "testing"

func TestNumbers(t *testing.T) {
	for _, tc := range []struct{ got, want string }{
		{GroupDigits(0, "."), "0"}, {GroupDigits(999, "."), "999"}, {GroupDigits(1000, "."), "1.000"},
		{GroupDigits(4500000, ","), "4,500,000"}, {GroupDigits(-25000, "."), "-25.000"},
		{GroupDigits(-9223372036854775808, "."), "-9.223.372.036.854.775.808"},
		{FormatCount(English, 11088), "11088"}, {FormatCount(Vietnamese, 11088), "11.088"},
		{FormatCount(Vietnamese, -1200), "−1.200"}, {FormatCount(English, -1200), "-1200"},
		{FormatDay(Vietnamese, "2026-06-01"), "01/06/2026"}, {FormatDay(English, "2026-06-01"), "2026-06-01"},
		{FormatDay(Vietnamese, "soon"), "soon"},
	} {
		if tc.got != tc.want {
			t.Errorf("got %q, want %q", tc.got, tc.want)
		}
	}
}
