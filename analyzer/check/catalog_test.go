package check_test

import (
	"testing"
)

// TestCatalogMatcherTones: the matcher compares tone marks per syllable,
// wherever the tone sits, so the checker keeps no copy of that comparison.
func TestCatalogMatcherTones(t *testing.T) {
	m := realMatcher(t)
	for _, tt := range []struct {
		text string
		want bool
	}{
		{"Hồ sơ gồm: Bản sao Giấy khai sinh.", true},
		{"Hồ sơ gồm: Bản sao Giay khai sinh.", true},    // typed without diacritics
		{"Hồ sơ gồm: Bản sao Giây khai sinh.", false},   // another tone
		{"Hồ sơ gồm: Giấy khám sức khoẻ.", true},        // tone on another vowel
		{"Hồ sơ gồm: Giấy chứng từ thanh toán.", false}, // a voucher, not a death certificate
	} {
		if got := len(m.Mentions(tt.text)) > 0; got != tt.want {
			t.Errorf("%q: found %v, want %v (%+v)", tt.text, got, tt.want, m.Mentions(tt.text))
		}
	}
}
