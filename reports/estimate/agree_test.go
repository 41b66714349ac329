package estimate_test

import (
	"context"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/redtape-vn/redtape/analyzer/assess"
	"github.com/redtape-vn/redtape/analyzer/compare"
	"github.com/redtape-vn/redtape/analyzer/cost"
	"github.com/redtape-vn/redtape/corpus"
	"github.com/redtape-vn/redtape/corpus/demo"
	"github.com/redtape-vn/redtape/reports"
	"github.com/redtape-vn/redtape/reports/collect"
	"github.com/redtape-vn/redtape/reports/estimate"
)

var day = time.Date(2026, 11, 23, 0, 0, 0, 0, time.UTC)

// TestEstimateAndReportAgree: the estimate and the report of the same
// corpus, scenario and day give the same figures, since both come from one
// assessment. Before the one pipeline, the shared portal crawl gave 175
// papers cut in the estimate and 157 in the report.
func TestEstimateAndReportAgree(t *testing.T) {
	ctx := context.Background()
	sets := map[string]func(t *testing.T) []*corpus.Procedure{
		"demo": func(t *testing.T) []*corpus.Procedure {
			procs, err := demo.Load(ctx)
			if err != nil {
				t.Fatal(err)
			}
			return procs
		},
		"shared": sharedCrawl,
	}
	for name, load := range sets {
		t.Run(name, func(t *testing.T) {
			procs := load(t)
			cat, err := assess.Catalog("", day)
			if err != nil {
				t.Fatal(err)
			}
			a, err := assess.Run(ctx, procs, procs, assess.Options{Catalog: cat})
			if err != nil {
				t.Fatal(err)
			}
			est := estimate.Build(a, estimate.Options{Baseline: []string{name}, Current: []string{name}, Top: 5, Day: day})
			in, err := collect.Collect(ctx, procs, collect.Options{Assess: assess.Options{Catalog: cat}, Generated: day})
			if err != nil {
				t.Fatal(err)
			}
			var flagsApplied *estimate.Scenario
			for i := range est.Scenarios {
				if est.Scenarios[i].Name == compare.ScenarioFlagsApplied {
					flagsApplied = &est.Scenarios[i]
				}
			}
			if flagsApplied == nil {
				t.Fatal("the estimate has no flags-applied scenario")
			}
			agree(t, "papers cut", flagsApplied.Papers.Cut, in.Total.Papers.CutFlags)
			agree(t, "procedures cut", flagsApplied.Procedures.Cut, in.Total.Procedures.CutFlags)
			agree(t, "regulations cut", flagsApplied.Regulations.Cut, in.Total.Regulations.CutFlags)
			agree(t, "papers in the baseline", flagsApplied.Papers.Baseline, in.Total.Papers.Baseline)
			agree(t, "cost before (VND)", whole(flagsApplied.Cost.Before), in.Total.Cost.Before)
			agree(t, "saving (VND)", whole(flagsApplied.Cost.Saving), in.Total.Cost.SavingFlags)
			agree(t, "papers the scenario drops", flagsApplied.Papers.Cut, in.Total.States.WithinReach.Papers)
			agree(t, "papers the scenario drops", a.States().WithinReach().Papers, in.Total.States.WithinReach.Papers)
			if flagsApplied.Papers.Cut == 0 {
				t.Errorf("no paper cut: the comparison measures nothing")
			}
			byName := map[string]reports.Tally{}
			for _, m := range in.Ministries {
				byName[m.Name] = m
			}
			for _, m := range flagsApplied.Ministries {
				name := m.Name
				if name == compare.NoMinistry {
					name = ""
				}
				r, ok := byName[name]
				if !ok {
					t.Errorf("ministry %q is in the estimate, not in the report", m.Name)
					continue
				}
				agree(t, m.Name+": papers cut", m.Papers.Cut, r.Papers.CutFlags)
				agree(t, m.Name+": saving (VND)", whole(m.Cost.Saving), r.Cost.SavingFlags)
			}
			t.Logf("%s: %d procedures, %d papers cut, %d VND/yr saved in both", name, len(procs), flagsApplied.Papers.Cut, in.Total.Cost.SavingFlags)
		})
	}
}

func agree[T comparable](t *testing.T, what string, estimate, report T) {
	t.Helper()
	if estimate != report {
		t.Errorf("%s: the estimate says %v, the report %v", what, estimate, report)
	}
}

// whole rounds an amount to whole đồng, as the report does.
func whole(a cost.Amount) int64 {
	r := a.Round(0).Rat()
	return r.Num().Int64()
}

// sharedCrawl reads the shared portal crawl; it skips the test where the
// crawl is absent, or with -short.
func sharedCrawl(t *testing.T) []*corpus.Procedure {
	t.Helper()
	dir := filepath.Join("..", "..", "..", "shared", "corpus", "portal-crawl")
	if _, err := os.Stat(dir); err != nil {
		t.Skipf("shared corpus not found at %s: %v", dir, err)
	}
	if testing.Short() {
		t.Skip("reads the shared portal crawl")
	}
	procs, _, err := corpus.Load(context.Background(), []string{dir}, corpus.Options{})
	if err != nil {
		t.Fatal(err)
	}
	return procs
}
