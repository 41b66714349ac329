package collect

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"testing"

	"github.com/redtape-vn/redtape/analyzer/assess"
	"github.com/redtape-vn/redtape/analyzer/compare"
	"github.com/redtape-vn/redtape/corpus"
	"github.com/redtape-vn/redtape/corpus/demo"
	"github.com/redtape-vn/redtape/corpus/synth"
	"github.com/redtape-vn/redtape/reports"
	"github.com/redtape-vn/redtape/reports/golden"
)

// sliceReader reads procs as a Reader, work on two goroutines at once.
func sliceReader(procs []*corpus.Procedure) Reader {
	return func(ctx context.Context, _ bool, work func(int, *corpus.Procedure) (any, error), fn func(int, *corpus.Procedure, any) error) error {
		res := make([]any, len(procs))
		errs := make(chan error, 2)
		for w := range 2 {
			go func() {
				for i := w; i < len(procs); i += 2 {
					if work != nil {
						r, err := work(i, procs[i])
						if err != nil {
							errs <- err
							return
						}
						res[i] = r
					}
				}
				errs <- nil
			}()
		}
		for range 2 {
			if err := <-errs; err != nil {
				return err
			}
		}
		for i, p := range procs {
			if err := fn(i, p, res[i]); err != nil {
				return err
			}
		}
		return nil
	}
}

// TestCollectStreamRendersTheSame: a report collected from a stream,
// keeping only the entries of each list it shows, renders byte for byte
// as the report collected from the corpora in memory, in both languages,
// with and without a baseline, narrowed to a ministry or a sector, in a
// scope, on the demo, synthetic and shared corpora. Its lists are cut
// short (Top 3, MaxList 4: 14 entries kept) so that the counts of what
// they omit are what the report prints.
func TestCollectStreamRendersTheSame(t *testing.T) {
	ctx := context.Background()
	demoProcs, err := demo.Load(ctx)
	if err != nil {
		t.Fatal(err)
	}
	syntheticBase, syntheticCur := synth.Snapshots(700, 800, 250)
	type set struct {
		base, cur []*corpus.Procedure
		opts      Options
	}
	sets := map[string]func(t *testing.T) set{
		"demo":          func(*testing.T) set { return set{nil, demoProcs, Options{}} },
		"demo ministry": func(*testing.T) set { return set{nil, demoProcs, Options{Ministry: "tu phap"}} },
		"demo business": func(*testing.T) set {
			return set{nil, demoProcs, Options{Assess: assess.Options{Scope: compare.ScopeBusiness}}}
		},
		"synthetic":        func(*testing.T) set { return set{syntheticBase, syntheticCur, Options{}} },
		"synthetic sector": func(*testing.T) set { return set{syntheticBase, syntheticCur, Options{Sector: syntheticCur[0].Sector}} },
		"synthetic citizens": func(*testing.T) set {
			return set{syntheticBase, syntheticCur, Options{Assess: assess.Options{Scope: compare.ScopeCitizen}}}
		},
		"shared": func(t *testing.T) set {
			dir := filepath.Join(sharedDir, "portal-crawl")
			if _, err := os.Stat(dir); err != nil {
				t.Skipf("shared corpus not found at %s: %v", dir, err)
			}
			if testing.Short() {
				t.Skip("reads the shared portal crawl")
			}
			procs, _ := load(t, dir)
			procs, _ = corpus.Dedupe(procs)
			var cur []*corpus.Procedure
			for i, p := range procs {
				if i%6 != 0 {
					cur = append(cur, p)
				}
			}
			return set{procs, cur, Options{}}
		},
	}
	for name, get := range sets {
		t.Run(name, func(t *testing.T) {
			s := get(t)
			opts := s.opts
			opts.Generated, opts.Corpus = reportDay, "c"
			streamed := Streamed{Current: sliceReader(s.cur), Limit: 14, SpillDir: t.TempDir()}
			if s.base != nil {
				opts.Baseline, opts.BaselineLabel = s.base, "b"
				streamed.Baseline = sliceReader(s.base)
			}
			want, err := Collect(ctx, s.cur, opts)
			if err != nil {
				t.Fatal(err)
			}
			sopts := opts
			sopts.Baseline = nil
			got, err := CollectStream(ctx, streamed, sopts)
			if err != nil {
				t.Fatal(err)
			}
			for _, lang := range []reports.Lang{reports.Vietnamese, reports.English} {
				ropts := reports.Options{Lang: lang, Top: 3, MaxList: 4}
				var w, g bytes.Buffer
				if err := reports.WriteMarkdown(&w, want, ropts); err != nil {
					t.Fatal(err)
				}
				if err := reports.WriteMarkdown(&g, got, ropts); err != nil {
					t.Fatal(err)
				}
				golden.Same(t, string(lang), w.Bytes(), g.Bytes())
			}
			if got.OpportunitiesOmitted == 0 && len(want.Opportunities) > 14 {
				t.Errorf("the streamed opportunities were not cut: %d kept of %d", len(got.Opportunities), len(want.Opportunities))
			}
		})
	}
}

// TestCollectStreamRefusesAsCollect: a ministry or sector matching no
// current procedure, and a scope none of them is of, are refused with the
// errors Collect gives.
func TestCollectStreamRefusesAsCollect(t *testing.T) {
	ctx := context.Background()
	procs, err := demo.Load(ctx)
	if err != nil {
		t.Fatal(err)
	}
	var citizens []*corpus.Procedure
	for _, p := range procs {
		if compare.InScope(p, compare.ScopeCitizen) && !compare.InScope(p, compare.ScopeBusiness) {
			citizens = append(citizens, p)
		}
	}
	business := assess.Options{Scope: compare.ScopeBusiness}
	for _, c := range []struct {
		procs []*corpus.Procedure
		opts  Options
		is    error
	}{
		{procs, Options{Generated: reportDay, Ministry: "Bộ Không Có"}, ErrNoMatch},
		{procs, Options{Generated: reportDay, Ministry: "tu phap", Sector: "không có"}, ErrNoMatch},
		{citizens, Options{Generated: reportDay, Assess: business}, assess.ErrEmptyScope},
		{citizens, Options{Generated: reportDay, Assess: business, Ministry: "tu phap"}, assess.ErrEmptyScope},
	} {
		_, want := Collect(ctx, c.procs, c.opts)
		_, got := CollectStream(ctx, Streamed{Current: sliceReader(c.procs), SpillDir: t.TempDir()}, c.opts)
		if want == nil || got == nil || want.Error() != got.Error() || !errors.Is(got, c.is) {
			t.Errorf("%+v: Collect says %v, CollectStream %v", c.opts, want, got)
		}
	}
}

// TestScopedReportNamesProceduresInScope: a report narrowed to a scope
// names, in its databases and opportunities, only procedures of that
// scope. Before, it named the procedure at the same place in the corpus
// before the scope was kept, another procedure.
func TestScopedReportNamesProceduresInScope(t *testing.T) {
	ctx := context.Background()
	procs, err := demo.Load(ctx)
	if err != nil {
		t.Fatal(err)
	}
	inScope := map[string]bool{}
	n := 0
	for _, p := range procs {
		code := p.Code
		if code == "" {
			code = p.ID()
		}
		if compare.InScope(p, compare.ScopeCitizen) {
			inScope[code] = true
			n++
		}
	}
	if n == 0 || n == len(procs) {
		t.Fatalf("%d of %d demo procedures are citizens' only: the test needs both kinds", n, len(procs))
	}
	in, err := Collect(ctx, procs, Options{Generated: reportDay, Assess: assess.Options{Scope: compare.ScopeCitizen}})
	if err != nil {
		t.Fatal(err)
	}
	named := 0
	for _, db := range in.Databases {
		for _, r := range db.Procedures {
			named++
			if !inScope[r.Code] {
				t.Errorf("database %s names %s (%s), not of the scope", db.Name, r.Code, r.Name)
			}
		}
	}
	for _, o := range in.Opportunities {
		named++
		if !inScope[o.Code] {
			t.Errorf("opportunity %s (%s) is not of the scope", o.Code, o.Name)
		}
	}
	if named == 0 {
		t.Error("the scoped report names no procedure: nothing was checked")
	}
}
