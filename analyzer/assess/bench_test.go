package assess

import (
	"context"
	"testing"

	"github.com/redtape-vn/redtape/analyzer/flags"
	"github.com/redtape-vn/redtape/corpus/synth"
)

// BenchmarkFlagWithDecisions100k flags the papers of 100,000 synthetic
// procedures and judges the Government's list on them, one procedure in
// ten given a code the list names (about the share of the real corpus).
// Target (issue 12): under 5 s on 2 cores.
func BenchmarkFlagWithDecisions100k(b *testing.B) {
	procs := synth.Generate(1, 100_000)
	list, err := Decisions("")
	if err != nil {
		b.Fatal(err)
	}
	var codes []string
	for _, r := range list.Rows {
		if len(codes) == 0 || codes[len(codes)-1] != r.Code {
			codes = append(codes, r.Code)
		}
	}
	for i := 0; i < len(procs); i += 10 {
		procs[i].Code = codes[(i/10)%len(codes)]
	}
	cat, err := Catalog("", day)
	if err != nil {
		b.Fatal(err)
	}
	m := flags.NewMatcher(cat)
	b.ResetTimer()
	for b.Loop() {
		results, err := m.Procedures(context.Background(), procs)
		if err != nil {
			b.Fatal(err)
		}
		sum := JudgeDecisions(list, procs, results, nil)
		if sum.Judged == 0 {
			b.Fatal("no listed row judged")
		}
	}
	b.ReportMetric(float64(len(procs)), "procedures/op")
}
