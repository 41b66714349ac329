package flags

import (
	"context"
	"os"
	"path/filepath"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/redtape-vn/redtape/corpus"
	"github.com/redtape-vn/redtape/corpus/synth"
)

// benchN is the number of procedures one benchmark run flags: the issue's
// target is 100,000 in under 10 s.
const benchN = 100000

// benchSeed fixes the synthetic corpus used when ../shared is absent.
const benchSeed = 4

var benchCorpus struct {
	once  sync.Once
	procs []*corpus.Procedure
	from  string
}

// benchProcedures returns benchN varied procedures: the real records of
// ../shared/corpus cycled when present, else benchN distinct synthetic ones
// (corpus/synth, fixed seed). They are read once, before any timer starts.
func benchProcedures(b *testing.B) ([]*corpus.Procedure, string) {
	b.Helper()
	benchCorpus.once.Do(func() {
		var base []*corpus.Procedure
		dir := filepath.Join(sharedDir, "corpus")
		if _, err := os.Stat(dir); err == nil {
			procs, _, err := corpus.Load(context.Background(), []string{dir}, corpus.Options{})
			if err == nil && len(procs) > 0 {
				base, benchCorpus.from = procs, "shared corpus"
			}
		}
		if base == nil {
			benchCorpus.procs, benchCorpus.from = synth.Generate(benchSeed, benchN), "synthetic corpus"
			return
		}
		out := make([]*corpus.Procedure, benchN)
		for i := range out {
			out[i] = base[i%len(base)]
		}
		benchCorpus.procs = out
	})
	if len(benchCorpus.procs) == 0 {
		b.Fatal("no procedures to flag")
	}
	return benchCorpus.procs, benchCorpus.from
}

// BenchmarkProcedures flags 100,000 varied procedures per run, one at a
// time (serial) and with [Matcher.Procedures] over GOMAXPROCS workers
// (parallel); the target is under 10 s per run.
func BenchmarkProcedures(b *testing.B) {
	m := testMatcher(b)
	procs, from := benchProcedures(b)
	papers := 0
	for _, p := range procs {
		papers += len(p.Papers)
	}
	b.Logf("%d procedures, %d papers from the %s", len(procs), papers, from)
	check := func(b *testing.B, flagged int) {
		if flagged == 0 {
			b.Fatal("nothing flagged")
		}
	}
	b.Run("serial", func(b *testing.B) {
		b.ReportAllocs()
		defer reportCPU(b)()
		for b.Loop() {
			flagged := 0
			for _, p := range procs {
				flagged += m.Procedure(p).Flagged
			}
			check(b, flagged)
		}
	})
	b.Run("parallel", func(b *testing.B) {
		b.ReportAllocs()
		defer reportCPU(b)()
		for b.Loop() {
			res, err := m.Procedures(context.Background(), procs)
			if err != nil {
				b.Fatal(err)
			}
			flagged := 0
			for i := range res {
				flagged += res[i].Flagged
			}
			check(b, flagged)
		}
	})
}

// reportCPU reports the process's CPU time (user and system) per op from
// now to the call of the function it returns: on a shared machine the wall
// time depends on the other load, the CPU time much less.
func reportCPU(b *testing.B) func() {
	start := cpuTime()
	return func() {
		if n := b.N; n > 0 {
			b.ReportMetric((cpuTime()-start).Seconds()/float64(n), "cpu-s/op")
		}
	}
}

func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// BenchmarkTokenize tokenizes the papers of the benchmark corpus's first
// 5,000 procedures, reporting bytes per second.
func BenchmarkTokenize(b *testing.B) {
	procs, _ := benchProcedures(b)
	var texts []string
	size := 0
	for _, p := range procs[:min(5000, len(procs))] {
		for _, pa := range p.Papers {
			texts = append(texts, pa.Text)
			size += len(pa.Text)
		}
	}
	b.SetBytes(int64(size))
	b.ReportAllocs()
	defer reportCPU(b)()
	var buf []token
	for b.Loop() {
		for _, t := range texts {
			buf = tokenizeInto(buf, t)
		}
	}
}
