package cost

import (
	"context"
	"os"
	"path/filepath"
	"sync"
	"testing"

	"github.com/redtape-vn/redtape/corpus"
)

// sharedCorpus is ../shared/corpus from the repository root.
var sharedCorpus = filepath.Join("..", "..", "..", "shared", "corpus")

var (
	realOnce  sync.Once
	realProcs []*corpus.Procedure
	realErr   error
)

// loadReal reads the real records once per test binary, or skips.
func loadReal(tb testing.TB) []*corpus.Procedure {
	tb.Helper()
	if _, err := os.Stat(sharedCorpus); err != nil {
		tb.Skipf("real records not available at %s: %v", sharedCorpus, err)
	}
	realOnce.Do(func() {
		realProcs, _, realErr = corpus.Load(context.Background(), []string{realSample(sharedCorpus)}, corpus.Options{})
	})
	if realErr != nil {
		tb.Fatal(realErr)
	}
	return realProcs
}

// realSample returns dir, or under the race detector one ministry's records
// in it.
func realSample(dir string) string {
	if raceDetector {
		return filepath.Join(dir, "portal-crawl", "ngan-hang-nha-nuoc")
	}
	return dir
}

// BenchmarkProcedureReal costs the real records of ../shared/corpus.
func BenchmarkProcedureReal(b *testing.B) {
	procs := loadReal(b)
	m := New(nil)
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		m.Procedure(procs[i%len(procs)])
	}
}

// TestRealRecords costs every real record and checks what must hold of any
// procedure: a positive unit cost, an assumed part within it, fees the
// record states carried over, every paper given a kind.
func TestRealRecords(t *testing.T) {
	if testing.Short() {
		t.Skip("reads every real record; skipped with -short")
	}
	procs := loadReal(t)
	m := New(nil)
	kinds := map[string]int{}
	var total, assumed Amount
	withFee := 0
	for _, p := range procs {
		pc := m.Procedure(p)
		if pc.Unit.Sign() <= 0 {
			t.Errorf("%s: unit cost %s", pc.ID, pc.Unit)
		}
		if pc.UnitAssumed.Sign() < 0 || pc.UnitAssumed.Cmp(pc.Unit) > 0 {
			t.Errorf("%s: assumed %s of %s", pc.ID, pc.UnitAssumed, pc.Unit)
		}
		if pc.Annual.Cmp(pc.Unit.MulInt(pc.Volume)) != 0 {
			t.Errorf("%s: annual %s ≠ unit × %d", pc.ID, pc.Annual, pc.Volume)
		}
		var stated int64
		for _, c := range p.Channels {
			for _, f := range c.Fees {
				if f.Amount != nil && *f.Amount > stated {
					stated = *f.Amount
				}
			}
		}
		if stated > 0 {
			withFee++
			if pc.Fees.Sign() <= 0 {
				t.Errorf("%s: states a fee of %d but is costed with none", pc.ID, stated)
			}
		}
		for _, c := range pc.Components {
			if c.Activity == ActivityPaper {
				if c.Kind == "" {
					t.Errorf("%s: paper %d has no kind", pc.ID, c.Paper)
				}
				kinds[c.Kind]++
			}
		}
		total = total.Add(pc.Annual)
		assumed = assumed.Add(pc.AnnualAssumed)
	}
	t.Logf("%d procedures, %d with a fee; paper kinds %v; annual cost %s VND at assumed volumes, %s%% assumed",
		len(procs), withFee, kinds, total, assumed.Div(total).MulInt(100).Format(1))
}
