package flags

import (
	"strings"
	"testing"

	"github.com/redtape-vn/redtape/analyzer/catalog"
	"github.com/redtape-vn/redtape/corpus"
)

// TestIssuedByLinear feeds procedure names that mention a catalog paper at
// every other word ("khai sinh khai sinh ...", the shape that took 11 s at
// 400 KB when each mention walked back over every earlier word) and asserts
// that the work of deciding which papers the name issues grows linearly:
// the phrase matches counted by the scan, and the allocations of judging a
// whole procedure, grow by at most 1.25 times the growth of the name.
func TestIssuedByLinear(t *testing.T) {
	c, err := catalog.Default()
	if err != nil {
		t.Fatal(err)
	}
	m := NewMatcher(c)
	tests := []struct {
		name   string
		unit   string
		prefix string
	}{
		{"mentions only", "khai sinh ", ""},
		{"after a verb of issuing", "khai sinh ", "Cấp "},
		{"after a case", "giấy khai sinh ", "Cấp lại trong trường hợp "},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			steps := func(n int) int {
				name := tokenize(tt.prefix + strings.Repeat(tt.unit, n))
				scan := newIssueScan(name, nil)
				ments := m.findMentions(name)
				if len(ments) < n/2 {
					t.Fatalf("%d mentions in %d repetitions: the input no longer has the shape under test", len(ments), n)
				}
				for _, mm := range ments {
					scan.issuedBy(mm.i)
				}
				return scan.steps
			}
			small, big := steps(1000), steps(16000)
			if ratio := float64(big) / float64(small); ratio > 16*1.25 {
				t.Errorf("16 times the name costs %.1f times the phrase matches (%d, %d): not linear", ratio, small, big)
			}
			allocs := func(n int) float64 {
				p := &corpus.Procedure{Name: tt.prefix + strings.Repeat(tt.unit, n),
					Papers: []corpus.Paper{{Text: "Bản sao Giấy khai sinh"}}}
				return testing.AllocsPerRun(2, func() { m.Procedure(p) })
			}
			a1, a2 := allocs(1000), allocs(16000)
			if a2 > 16*1.25*max(a1, 1) {
				t.Errorf("16 times the name costs %.0f allocations against %.0f: not linear", a2, a1)
			}
		})
	}
}

// TestIssuedByLongName judges a procedure whose name repeats "khai sinh "
// to 400 KB, the reproduction of issue 15, and checks the verdict: the
// name issues nothing, so the birth certificate asked for is replaceable.
func TestIssuedByLongName(t *testing.T) {
	c, err := catalog.Default()
	if err != nil {
		t.Fatal(err)
	}
	m := NewMatcher(c)
	p := &corpus.Procedure{Name: strings.Repeat("khai sinh ", 40000),
		Papers: []corpus.Paper{{Text: "Bản sao Giấy khai sinh"}}}
	r := m.Procedure(p)
	if got := r.Papers[0].Status; got != StatusReplaceable {
		t.Errorf("status %q, want %q (%s)", got, StatusReplaceable, r.Papers[0].Reason)
	}
}
