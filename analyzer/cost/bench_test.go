package cost

import (
	"testing"

	"github.com/redtape-vn/redtape/corpus/synth"
)

// BenchmarkProcedure costs synthetic procedures; a national corpus is about
// 100k records, costed two or three times by an estimate.
func BenchmarkProcedure(b *testing.B) {
	procs := synth.Generate(1, 1000)
	m := New(nil)
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		m.Procedure(procs[i%len(procs)])
	}
}
