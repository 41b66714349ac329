package records

import (
	"testing"

	"github.com/redtape-vn/redtape/corpus"
)

func TestShowHelpers(t *testing.T) {
	for _, tc := range []struct {
		n    int64
		want string
	}{{0, "0"}, {999, "999"}, {1000, "1.000"}, {4500000, "4.500.000"}, {-25000, "-25.000"}} {
		if got := showGroupDigits(tc.n); got != tc.want {
			t.Errorf("showGroupDigits(%d) = %q, want %q", tc.n, got, tc.want)
		}
	}
	if got := showDuration(nil); got != "not stated" {
		t.Errorf("nil duration %q", got)
	}
	if got := showDuration(&corpus.Duration{Text: "Theo quy định"}); got != `"Theo quy định" (not parsed)` {
		t.Errorf("unparsed duration %q", got)
	}
	if got := showDuration(&corpus.Duration{Text: "1 giờ", Value: 1, Unit: corpus.Hours}); got != "1 hour" {
		t.Errorf("duration %q", got)
	}
}
