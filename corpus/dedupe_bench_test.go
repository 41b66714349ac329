package corpus_test

import (
	"testing"

	"github.com/redtape-vn/redtape/corpus"
	"github.com/redtape-vn/redtape/corpus/synth"
)

func BenchmarkDedupe100k(b *testing.B) {
	procs := synth.Generate(1, 100_000)
	for b.Loop() {
		corpus.Dedupe(procs)
	}
}
