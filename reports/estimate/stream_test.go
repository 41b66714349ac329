package estimate_test

import (
	"bytes"
	"context"
	"sync"
	"testing"

	"github.com/redtape-vn/redtape/analyzer/assess"
	"github.com/redtape-vn/redtape/analyzer/compare"
	"github.com/redtape-vn/redtape/corpus"
	"github.com/redtape-vn/redtape/corpus/demo"
	"github.com/redtape-vn/redtape/corpus/synth"
	"github.com/redtape-vn/redtape/internal/i18n"
	"github.com/redtape-vn/redtape/reports/estimate"
	"github.com/redtape-vn/redtape/reports/golden"
)

// streamed assesses current against baseline as a stream (assess.Stream),
// current handed over in order by two goroutines.
func streamed(t *testing.T, baseline, current []*corpus.Procedure, opts assess.Options, keep compare.Keep) *assess.Assessment {
	t.Helper()
	ctx := context.Background()
	// The baseline goes through a spill file, as the command's does.
	spill, err := corpus.NewSpill(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	defer spill.Close()
	var cur []*corpus.Procedure
	base := assess.Baseline{Get: spill.Get}
	for _, p := range baseline {
		if opts.InScope(p) {
			if _, err := spill.Add(assess.KeepBaseline(p)); err != nil {
				t.Fatal(err)
			}
			base.Keys = append(base.Keys, compare.KeysOf(p))
		}
	}
	var keys []compare.Keys
	for _, p := range current {
		if opts.InScope(p) {
			cur = append(cur, p)
			keys = append(keys, compare.KeysOf(p))
		}
	}
	s, err := assess.NewStream(base, keys, opts, keep)
	if err != nil {
		t.Fatal(err)
	}
	items := make([]*assess.Item, len(cur))
	var wg sync.WaitGroup
	for w := range 2 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := w; j < len(cur); j += 2 {
				it, err := s.Assess(j, cur[j])
				if err != nil {
					t.Error(err)
					return
				}
				items[j] = it
			}
		}()
	}
	wg.Wait()
	for _, it := range items {
		if err := s.Add(it); err != nil {
			t.Fatal(err)
		}
	}
	a, err := s.Finish(ctx)
	if err != nil {
		t.Fatal(err)
	}
	return a
}

// TestStreamedEstimateIsTheSame: the estimate of an assessment streamed
// prints byte for byte what the estimate of the assessment run on the
// corpora in memory prints, as JSON and as text in both languages, on the
// demo corpus, the shared portal crawl against a part of itself, and
// synthetic corpora of two seeds (some procedures matched by code, some
// by name, some abolished, some new), in every scope.
func TestStreamedEstimateIsTheSame(t *testing.T) {
	ctx := context.Background()
	demoProcs, err := demo.Load(ctx)
	if err != nil {
		t.Fatal(err)
	}
	type pair struct{ base, cur []*corpus.Procedure }
	sets := map[string]func(t *testing.T) pair{
		"demo": func(*testing.T) pair { return pair{demoProcs, demoProcs} },
		"synthetic": func(*testing.T) pair {
			base, cur := synth.Snapshots(900, 1000, 300)
			return pair{base, cur}
		},
		"shared": func(t *testing.T) pair {
			procs, _ := corpus.Dedupe(sharedCrawl(t))
			// The current set lacks every fifth record of the baseline.
			var cur []*corpus.Procedure
			for i, p := range procs {
				if i%5 != 0 {
					cur = append(cur, p)
				}
			}
			return pair{procs, cur}
		},
	}
	cat, err := assess.Catalog("", day)
	if err != nil {
		t.Fatal(err)
	}
	for name, load := range sets {
		t.Run(name, func(t *testing.T) {
			in := load(t)
			for _, scope := range []compare.Scope{compare.ScopeAll, compare.ScopeBusiness} {
				opts := assess.Options{Catalog: cat, Scope: scope}
				const top = 5
				run, err := assess.Run(ctx, in.base, in.cur, opts)
				if err != nil {
					t.Fatal(err)
				}
				// The stream hands the changed procedures to a file, as the
				// command's does; the JSON copies them from it.
				file, err := estimate.NewChangeFile(t.TempDir())
				if err != nil {
					t.Fatal(err)
				}
				defer file.Close()
				str := streamed(t, in.base, in.cur, opts, compare.Keep{Top: top, OnChange: file.Add})
				eopts := estimate.Options{Baseline: []string{"b"}, Current: []string{"c"}, Top: top, Day: day}
				want, got := estimate.Build(run, eopts), estimate.Build(str, eopts)
				filed := eopts
				filed.Changes = file
				var wj, gj bytes.Buffer
				if err := estimate.WriteJSON(&wj, want); err != nil {
					t.Fatal(err)
				}
				if err := estimate.WriteJSON(&gj, estimate.Build(str, filed)); err != nil {
					t.Fatal(err)
				}
				golden.Same(t, string(scope)+" json", wj.Bytes(), gj.Bytes())
				for _, lang := range []i18n.Lang{i18n.Vietnamese, i18n.English} {
					var wt, gt bytes.Buffer
					if err := estimate.WriteText(&wt, want, lang); err != nil {
						t.Fatal(err)
					}
					if err := estimate.WriteText(&gt, got, lang); err != nil {
						t.Fatal(err)
					}
					golden.Same(t, string(scope)+" text "+string(lang), wt.Bytes(), gt.Bytes())
				}
				if n := len(want.Scenarios[len(want.Scenarios)-1].Changes); n == 0 {
					t.Errorf("%s: no change listed: the comparison measures nothing", scope)
				}
			}
		})
	}
}
