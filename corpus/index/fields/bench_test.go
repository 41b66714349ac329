package fields

import (
	"testing"

	"github.com/redtape-vn/redtape/corpus/synth"
)

// BenchmarkFolded analyses the text of 500 synthetic procedures with the
// folded analyzer (the i/y step included), as indexing does for every
// text field. It reports the CPU per megabyte of text.
func BenchmarkFolded(b *testing.B) {
	var parts []string
	for _, p := range synth.Generate(1, 500) {
		parts = append(parts, p.Name)
		for _, pp := range p.Papers {
			parts = append(parts, pp.Text)
		}
		parts = append(parts, p.Steps...)
	}
	in := []byte(Join(parts))
	b.SetBytes(int64(len(in)))
	a := Folded()
	for b.Loop() {
		if len(a.Analyze(in)) == 0 {
			b.Fatal("no tokens")
		}
	}
}
