package corpus_test

import (
	"bytes"
	"context"
	"testing"

	"github.com/redtape-vn/redtape/corpus"
	"github.com/redtape-vn/redtape/corpus/synth"
)

// BenchmarkReadJSONL reads N synthetic procedures from one in-memory JSONL
// file, as indexing a large corpus does, and reports procedures per
// second. Target: 20,000 procedures/s or more on a 2-core machine, so the
// reader is never the bottleneck of indexing.
func BenchmarkReadJSONL(b *testing.B) {
	const n = 2000
	var buf bytes.Buffer
	if err := corpus.WriteJSONL(&buf, synth.Generate(1, n)); err != nil {
		b.Fatal(err)
	}
	data := buf.Bytes()
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	b.ResetTimer()
	read := 0
	for i := 0; i < b.N; i++ {
		sum, err := corpus.ReadData(context.Background(), "bench.jsonl", data, corpus.Options{}, func(*corpus.Procedure) error { return nil })
		if err != nil || sum.Failed() || sum.Procedures != n {
			b.Fatalf("read %d of %d: %v %v", sum.Procedures, n, err, sum.Errors)
		}
		read += sum.Procedures
	}
	b.ReportMetric(float64(read)/b.Elapsed().Seconds(), "procedures/s")
}

// BenchmarkWriteCSV writes N synthetic procedures as CSV.
func BenchmarkWriteCSV(b *testing.B) {
	procs := synth.Generate(1, 2000)
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		var buf bytes.Buffer
		if err := corpus.WriteCSV(&buf, procs); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.N*len(procs))/b.Elapsed().Seconds(), "procedures/s")
}
