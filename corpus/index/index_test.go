package index

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"strconv"
	"syscall"
	"testing"
	"time"

	"github.com/redtape-vn/redtape/corpus"
	"github.com/redtape-vn/redtape/corpus/synth"
)

// sliceSource is a Source over procedures in memory.
func sliceSource(roots []string, procs []*corpus.Procedure) Source {
	return Source{Roots: roots, Walk: func(ctx context.Context, fn func(*corpus.Procedure) error) (*corpus.Summary, error) {
		sum := &corpus.Summary{}
		for _, p := range procs {
			if err := ctx.Err(); err != nil {
				return sum, err
			}
			sum.Procedures++
			if err := fn(p); err != nil {
				return sum, err
			}
		}
		return sum, nil
	}}
}

// cpuTime returns the CPU time (user and system) the process used so far.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	_ = syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// BenchmarkBuild indexes 2,000 synthetic procedures ($REDTAPE_BENCH_N when
// set) into a new index, in batches of $REDTAPE_BENCH_BATCH records (the
// default when unset), once with one shard and once with one per core
// (with $REDTAPE_BENCH_SHARDS shards alone, when set). It reports the CPU
// time per procedure besides the wall rate: on a machine shared with
// other work the CPU time is the steadier figure. Run it with -cpuprofile
// to see where indexing spends its time.
func BenchmarkBuild(b *testing.B) {
	n := 2000
	if s := os.Getenv("REDTAPE_BENCH_N"); s != "" {
		v, err := strconv.Atoi(s)
		if err != nil || v <= 0 {
			b.Fatalf("REDTAPE_BENCH_N=%q: want a positive number", s)
		}
		n = v
	}
	// The records are generated as they are indexed, as a corpus is read
	// from disk: holding them all would weigh on the collector.
	src := Source{Walk: func(ctx context.Context, fn func(*corpus.Procedure) error) (*corpus.Summary, error) {
		sum := &corpus.Summary{}
		err := synth.Each(ctx, 1, n, func(p *corpus.Procedure) error {
			sum.Procedures++
			return fn(p)
		})
		return sum, err
	}}
	batch, _ := strconv.Atoi(os.Getenv("REDTAPE_BENCH_BATCH"))
	counts := []int{1, runtime.GOMAXPROCS(0)}
	if s, err := strconv.Atoi(os.Getenv("REDTAPE_BENCH_SHARDS")); err == nil && s > 0 {
		counts = []int{s}
	}
	// As the index command does (cmd/redtape/index.go).
	defer debug.SetGCPercent(debug.SetGCPercent(300))
	defer debug.SetMemoryLimit(debug.SetMemoryLimit(576 << 20))
	for _, shards := range counts {
		b.Run(fmt.Sprintf("shards=%d", shards), func(b *testing.B) {
			cpu0 := cpuTime()
			for b.Loop() {
				dir := b.TempDir()
				if _, err := Update(context.Background(), filepath.Join(dir, "idx"), src, UpdateOptions{BatchSize: batch, Shards: shards}); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(n*b.N)/b.Elapsed().Seconds(), "procedures/s")
			b.ReportMetric(float64((cpuTime()-cpu0).Microseconds())/float64(n*b.N), "cpu-µs/procedure")
		})
	}
}
