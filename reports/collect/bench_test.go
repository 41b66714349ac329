package collect

import (
	"bytes"
	"context"
	"os"
	"testing"

	"github.com/redtape-vn/redtape/corpus"
	"github.com/redtape-vn/redtape/corpus/synth"
	"github.com/redtape-vn/redtape/reports"
)

// benchReport collects and writes the report of procs, as the command does
// once the records are read.
func benchReport(b *testing.B, procs []*corpus.Procedure) {
	b.Helper()
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		in, err := Collect(context.Background(), procs, Options{Generated: reportDay})
		if err != nil {
			b.Fatal(err)
		}
		var buf bytes.Buffer
		if err := reports.WriteHTML(&buf, in, reports.Options{}); err != nil {
			b.Fatal(err)
		}
		b.SetBytes(int64(buf.Len()))
	}
}

// BenchmarkSharedCorpus reports on the whole shared corpus (2,000+ real
// procedures). Target: under 5 s, reading included (see docs/reports.md).
func BenchmarkSharedCorpus(b *testing.B) {
	if _, err := os.Stat(sharedDir); err != nil {
		b.Skipf("shared corpus not found at %s: %v", sharedDir, err)
	}
	procs, _, err := corpus.Load(context.Background(), []string{sharedDir}, corpus.Options{})
	if err != nil {
		b.Fatal(err)
	}
	benchReport(b, procs)
}

// BenchmarkSharedCorpusEndToEnd is the whole of "redtape report -o r.html
// ../shared/corpus": read the records, flag, cost, compare and write the
// HTML report. Target: under 5 s (see docs/reports.md).
func BenchmarkSharedCorpusEndToEnd(b *testing.B) {
	if _, err := os.Stat(sharedDir); err != nil {
		b.Skipf("shared corpus not found at %s: %v", sharedDir, err)
	}
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		procs, sum, err := corpus.Load(context.Background(), []string{sharedDir}, corpus.Options{})
		if err != nil {
			b.Fatal(err)
		}
		in, err := Collect(context.Background(), procs, Options{Generated: reportDay, CurrentSummary: sum, Corpus: sharedDir})
		if err != nil {
			b.Fatal(err)
		}
		var buf bytes.Buffer
		if err := reports.WriteHTML(&buf, in, reports.Options{}); err != nil {
			b.Fatal(err)
		}
		b.SetBytes(int64(buf.Len()))
	}
}

// BenchmarkSynthetic10k reports on 10,000 synthetic procedures.
func BenchmarkSynthetic10k(b *testing.B) {
	benchReport(b, synth.Generate(1, 10000))
}
