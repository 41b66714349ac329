package compare

import (
	"context"
	"sync"
	"testing"

	"github.com/redtape-vn/redtape/analyzer/cost"
	"github.com/redtape-vn/redtape/corpus"
	"github.com/redtape-vn/redtape/corpus/synth"
)

// An unchanged corpus gives 0% everywhere, every procedure unchanged.
func TestUnchangedCorpusGivesZero(t *testing.T) {
	for _, seed := range []int64{1, 2, 3} {
		procs := synth.Generate(seed, 60)
		res, err := Compare(context.Background(), procs, procs, nil, Options{})
		if err != nil {
			t.Fatal(err)
		}
		s := res.Scenarios[0]
		for _, c := range []Count{s.Procedures, s.Conditions, s.Regulations, s.Papers} {
			if c.Cut != 0 || c.Added != 0 || !c.Percent.IsZero() || c.Baseline != c.Current {
				t.Errorf("seed %d: %s = %+v", seed, c.Unit, c)
			}
		}
		if !s.Cost.Saving.IsZero() || !s.Cost.Percent.IsZero() || s.Cost.Before.Sign() <= 0 {
			t.Errorf("seed %d: cost %s → %s", seed, s.Cost.Before, s.Cost.After)
		}
		if s.Statuses[Unchanged] != len(procs) {
			t.Errorf("seed %d: statuses %v", seed, s.Statuses)
		}
	}
}

// checkDropNeverRaises drops the papers mask selects (bit k of the mask
// for the k-th paper of the corpus, cycling) and checks that no procedure
// costs more under model and ministries (nil: the defaults) and the
// totals add up.
func checkDropNeverRaises(t *testing.T, model *cost.Model, ministries *Ministries, procs []*corpus.Procedure, mask uint64) {
	t.Helper()
	k := 0
	dropped := 0
	drop := func(p *corpus.Procedure, i int) bool {
		bit := mask>>(uint(k)%64)&1 == 1
		k++
		if bit {
			dropped++
		}
		return bit
	}
	res, err := Compare(context.Background(), procs, procs, model, Options{Drop: drop, Ministries: ministries})
	if err != nil {
		t.Fatal(err)
	}
	f := res.Scenarios[1]
	if f.Cost.Saving.Sign() < 0 {
		t.Errorf("dropping papers raised the total cost by %s", f.Cost.Saving.Sub(cost.Amount{}))
	}
	for _, ch := range f.Changes {
		if ch.Saving.Sign() < 0 {
			t.Errorf("%s: dropping papers raised the cost: %s → %s", ch.ID, ch.Before.Annual, ch.After.Annual)
		}
		if ch.After.AnnualAssumed.Cmp(ch.After.Annual) > 0 || ch.After.AnnualAssumed.Sign() < 0 {
			t.Errorf("%s: assumed part %s outside 0..%s", ch.ID, ch.After.AnnualAssumed, ch.After.Annual)
		}
	}
	if f.Papers.Baseline-f.Papers.Current != dropped || f.Papers.Cut != dropped {
		t.Errorf("papers %d → %d, cut %d; dropped %d", f.Papers.Baseline, f.Papers.Current, f.Papers.Cut, dropped)
	}
	if f.Procedures.Cut > f.Procedures.Baseline || f.Statuses[Heavier] != 0 || f.Statuses[Mixed] != 0 {
		t.Errorf("statuses after dropping papers: %v", f.Statuses)
	}
}

// Removing papers never raises a cost, on synthetic corpora.
func TestDropPapersNeverRaisesCost(t *testing.T) {
	for _, tc := range []struct {
		seed int64
		mask uint64
	}{{1, 0}, {1, ^uint64(0)}, {2, 0x5555555555555555}, {3, 0x0f0f0f0f0f0f0f0f}, {4, 0x8000000000000001}} {
		checkDropNeverRaises(t, nil, nil, synth.Generate(tc.seed, 40), tc.mask)
	}
}

// FuzzDropPapersNeverRaisesCost checks the property on synthetic corpora
// of up to 9 procedures: the property holds procedure by procedure, and
// synth.Generate's first procedures are those of a longer corpus of the
// same seed, so the seeds reach the procedures of any corpus size (the
// 40-procedure corpora are TestDropPapersNeverRaisesCost's), while the
// mask's 64 bits cover every paper. The default model and ministries are
// built once for the run: building them parses the built-in parameters,
// which took longer than comparing a small corpus.
func FuzzDropPapersNeverRaisesCost(f *testing.F) {
	f.Add(int64(1), uint8(9), uint64(0x5555))
	f.Add(int64(7), uint8(30), ^uint64(0))
	var (
		once       sync.Once
		model      *cost.Model
		ministries *Ministries
	)
	f.Fuzz(func(t *testing.T, seed int64, n uint8, mask uint64) {
		once.Do(func() { model, ministries = cost.New(nil), DefaultMinistries() })
		checkDropNeverRaises(t, model, ministries, synth.Generate(seed, int(n%10)), mask)
	})
}

// BenchmarkCompare compares 10,000 synthetic procedures with a copy
// missing every third paper (two scenarios).
func BenchmarkCompare(b *testing.B) {
	procs := synth.Generate(1, 10000)
	k := 0
	drop := func(*corpus.Procedure, int) bool { k++; return k%3 == 0 }
	ctx := context.Background()
	model := cost.New(nil)
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := Compare(ctx, procs, procs, model, Options{Drop: drop}); err != nil {
			b.Fatal(err)
		}
	}
}

func TestCompareCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := Compare(ctx, synth.Generate(1, 10), nil, nil, Options{}); err == nil {
		t.Error("a cancelled comparison returned no error")
	}
}

// BenchmarkStreamerTwoSeeds compares, pair by pair as a stream does,
// 5,000 synthetic procedures with 5,000 of another seed: different codes,
// so pairs are matched by name and their papers differ, as in
// scripts/bench-scale.sh.
func BenchmarkStreamerTwoSeeds(b *testing.B) {
	base, cur := synth.Generate(2, 5000), synth.Generate(1, 5000)
	keys := func(ps []*corpus.Procedure) []Keys {
		out := make([]Keys, len(ps))
		for i, p := range ps {
			out[i] = KeysOf(p)
		}
		return out
	}
	pairs := MatchKeys(keys(base), keys(cur))
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		s := NewStreamer(nil, Options{}, Keep{Top: 10})
		for _, pr := range pairs {
			var bp, cp *corpus.Procedure
			if pr.Base >= 0 {
				bp = base[pr.Base]
			}
			if pr.Current >= 0 {
				cp = cur[pr.Current]
			}
			s.Add(s.Diff(bp, cp, nil, pr))
		}
	}
}
