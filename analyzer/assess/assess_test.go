package assess

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/redtape-vn/redtape/analyzer/compare"
	"github.com/redtape-vn/redtape/analyzer/cost"
	"github.com/redtape-vn/redtape/analyzer/decisions"
	"github.com/redtape-vn/redtape/analyzer/flags"
	"github.com/redtape-vn/redtape/analyzer/target"
	"github.com/redtape-vn/redtape/corpus"
	"github.com/redtape-vn/redtape/corpus/demo"
)

var day = time.Date(2026, 11, 23, 0, 0, 0, 0, time.UTC)

func demoCorpus(t *testing.T) []*corpus.Procedure {
	t.Helper()
	procs, err := demo.Load(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return procs
}

func run(t *testing.T, base, cur []*corpus.Procedure, opts Options) *Assessment {
	t.Helper()
	if opts.Catalog == nil {
		cat, err := Catalog("", day)
		if err != nil {
			t.Fatal(err)
		}
		opts.Catalog = cat
	}
	a, err := Run(context.Background(), base, cur, opts)
	if err != nil {
		t.Fatal(err)
	}
	return a
}

// The flags-applied scenario drops exactly the replaceable papers: the
// count of papers it cuts is the count of replaceable papers, and the
// scenario as published cuts nothing from a set compared with itself.
func TestDropsExactlyTheReplaceable(t *testing.T) {
	procs := demoCorpus(t)
	a := run(t, nil, procs, Options{})
	now, withFlags := a.Scenario(compare.ScenarioCurrent), a.Scenario(compare.ScenarioFlagsApplied)
	if now == nil || withFlags == nil {
		t.Fatal("missing a scenario")
	}
	if now.Papers.Cut != 0 || !now.Cost.Saving.IsZero() {
		t.Errorf("the set against itself cuts %d papers, %s VND", now.Papers.Cut, now.Cost.Saving.Format(0))
	}
	replaceable, partly := 0, 0
	for _, r := range a.Flags {
		for _, p := range r.Papers {
			switch p.Status {
			case flags.StatusReplaceable:
				replaceable++
			case flags.StatusPartlyReplaceable:
				partly++
			}
		}
	}
	if replaceable == 0 {
		t.Fatal("the demo corpus has no replaceable paper")
	}
	if withFlags.Papers.Cut != replaceable || a.States().WithinReach().Papers != replaceable || a.States().MostPeople().Papers != partly {
		t.Errorf("flags applied cuts %d papers, states say %d within reach and %d for most people; the verdicts %d and %d",
			withFlags.Papers.Cut, a.States().WithinReach().Papers, a.States().MostPeople().Papers, replaceable, partly)
	}
	if withFlags.Cost.Saving.Sign() <= 0 {
		t.Errorf("dropping %d papers saves %s", replaceable, withFlags.Cost.Saving.Format(0))
	}
	// Every state counted by ministry adds up to the total.
	total := 0
	for _, g := range a.StatesBy(a.Ministry) {
		total += g.Papers
	}
	if total != a.States().Papers {
		t.Errorf("ministries count %d papers, the total %d", total, a.States().Papers)
	}
}

func TestStatusDropped(t *testing.T) {
	for _, tt := range []struct {
		s                 flags.Status
		replaceable, most bool
	}{
		{flags.StatusReplaceable, true, true},
		{flags.StatusPartlyReplaceable, false, true},
		{flags.StatusLookedUp, false, false},
		{flags.StatusRequired, false, false},
		{flags.StatusForm, false, false},
	} {
		if got := tt.s.Dropped(flags.ScenarioReplaceable); got != tt.replaceable {
			t.Errorf("%s dropped within reach: %v", tt.s, got)
		}
		if got := tt.s.Dropped(flags.ScenarioMostPeople); got != tt.most {
			t.Errorf("%s dropped for most people: %v", tt.s, got)
		}
		if tt.s.Dropped(flags.ScenarioAsPublished) {
			t.Errorf("%s dropped as published", tt.s)
		}
	}
}

// A scope keeps its procedures only, and a scope that keeps none is an
// error, not an empty result.
func TestScope(t *testing.T) {
	procs := demoCorpus(t)
	a := run(t, nil, procs, Options{Scope: compare.ScopeCitizen})
	if len(a.Current) == 0 || len(a.Current) >= len(procs) {
		t.Fatalf("citizen scope kept %d of %d", len(a.Current), len(procs))
	}
	for _, p := range a.Current {
		if s, _ := compare.ScopeOf(p); s != compare.ScopeCitizen {
			t.Errorf("%s is %s, not citizen", p.Code, s)
		}
	}
	if len(a.Flags) != len(a.Current) {
		t.Errorf("%d verdicts for %d procedures", len(a.Flags), len(a.Current))
	}
	cat, _ := Catalog("", day)
	_, err := Run(context.Background(), nil, []*corpus.Procedure{{Code: "X", Name: "X", Subjects: []string{"Công dân Việt Nam"}}},
		Options{Catalog: cat, Scope: compare.ScopeBusiness})
	if !errors.Is(err, ErrEmptyScope) {
		t.Errorf("empty scope: %v", err)
	}
}

// Official cost sheets cost the baseline with their figures before and
// the current procedures with their figures after.
func TestSheetsBeforeAndAfter(t *testing.T) {
	sheets, err := cost.ReadSheets(strings.NewReader("code,cost_before,cost_after,dossiers_per_year,source\nS.1,500000,300000,12000,test sheet\n"), "sheets.csv")
	if err != nil {
		t.Fatal(err)
	}
	p := &corpus.Procedure{Code: "S.1", Name: "Cấp phép S", Papers: []corpus.Paper{{Text: "Đơn đề nghị"}}}
	a := run(t, []*corpus.Procedure{p}, []*corpus.Procedure{p}, Options{Sheets: sheets})
	c := a.Scenario(compare.ScenarioCurrent).Cost
	if c.Before.Cmp(cost.Int(6_000_000_000)) != 0 || c.After.Cmp(cost.Int(3_600_000_000)) != 0 {
		t.Errorf("cost %s -> %s, want 6,000,000,000 -> 3,600,000,000", c.Before.Format(0), c.After.Format(0))
	}
	in := a.Inputs(5)
	if in.Coverage.FromSheet != 1 || len(in.CollectFirst) != 0 || len(in.SheetsNotIn) != 0 {
		t.Errorf("inputs %+v", in)
	}
}

// Measured volumes replace the assumed one, and rows matching nothing are
// listed rather than dropped.
func TestVolumes(t *testing.T) {
	vols, err := cost.ReadVolumes(strings.NewReader("code,dossiers_per_year,period,source\nV.1,250,2025,test\nV.9,10,2025,test\n"), "volumes.csv")
	if err != nil {
		t.Fatal(err)
	}
	v1 := &corpus.Procedure{Code: "V.1", Name: "Cấp phép V", Papers: []corpus.Paper{{Text: "Đơn đề nghị"}}}
	v2 := &corpus.Procedure{Code: "V.2", Name: "Gia hạn V", Papers: []corpus.Paper{{Text: "Đơn đề nghị"}}}
	a := run(t, nil, []*corpus.Procedure{v1, v2}, Options{Volumes: vols})
	in := a.Inputs(5)
	if in.Coverage.VolumeMeasured != 1 || in.Coverage.VolumeAssumed != 1 {
		t.Errorf("coverage %+v", in.Coverage)
	}
	if len(in.CollectFirst) != 1 || in.CollectFirst[0].Code != "V.2" {
		t.Errorf("collect first %v", in.CollectFirst)
	}
	if len(in.VolumesNotIn) != 1 || in.VolumesNotIn[0] != "V.9" {
		t.Errorf("volumes matching nothing: %v", in.VolumesNotIn)
	}
}

// The gaps cover the target asked for and every preset in force, unit by
// unit; time counts as measured only when some procedure states one.
func TestGaps(t *testing.T) {
	base := &corpus.Procedure{Code: "T.1", Name: "T", Papers: []corpus.Paper{{Text: "Đơn"}, {Text: "Bản sao Giấy khai sinh"}},
		Channels: []corpus.Channel{{Mode: corpus.ModeInPerson, Time: &corpus.Duration{Text: "10 ngày làm việc", Value: 10, Unit: corpus.WorkingDays}}}}
	cur := &corpus.Procedure{Code: "T.1", Name: "T", Papers: []corpus.Paper{{Text: "Đơn"}},
		Channels: []corpus.Channel{{Mode: corpus.ModeInPerson, Time: &corpus.Duration{Text: "5 ngày làm việc", Value: 5, Unit: corpus.WorkingDays}}}}
	tg, err := target.Parse("nq66-2026")
	if err != nil {
		t.Fatal(err)
	}
	a := run(t, []*corpus.Procedure{base}, []*corpus.Procedure{cur}, Options{Target: tg})
	gaps := a.Gaps(a.Scenario(compare.ScenarioCurrent), day)
	seen := map[string]target.Gap{}
	for _, g := range gaps {
		seen[g.Preset+" "+string(g.Unit)] = g
	}
	g, ok := seen["nq66-2026 time"]
	if !ok || !g.Measured || g.Achieved.Cmp(cost.Int(50)) != 0 || !g.Met {
		t.Errorf("time gap %+v (of %v)", g, gaps)
	}
	if g := seen["nq66-2026 conditions"]; g.Measured {
		t.Errorf("conditions measured with none in the baseline: %+v", g)
	}
	// A plain percentage asked for comes first, then every preset in force.
	pct, err := target.Parse("25")
	if err != nil {
		t.Fatal(err)
	}
	a.Target = pct
	gaps = a.Gaps(a.Scenario(compare.ScenarioCurrent), day)
	if len(gaps) == 0 || gaps[0].Preset != pct.Name || gaps[len(gaps)-1].Preset != "nq66-2026" {
		t.Errorf("gaps for 25%%: %v", gaps)
	}
	if tg.Headline().Cmp(cost.Int(50)) != 0 || a.Comparison.Target.Cmp(cost.Int(50)) != 0 {
		t.Errorf("headline %s, comparison target %s", tg.Headline(), a.Comparison.Target)
	}
}

// A listed row whose paper the record still asks for is not applied; the
// same paper said to be looked up is applied.
func TestJudgeDecisions(t *testing.T) {
	list, err := Decisions("")
	if err != nil {
		t.Fatal(err)
	}
	rows := list.ByCode("2.002093")
	if len(rows) == 0 {
		t.Fatal("the built-in list lacks 2.002093")
	}
	asks := &corpus.Procedure{Code: "2.002093", Name: rows[0].Procedure, Ministry: "Bộ Công Thương",
		Papers: []corpus.Paper{{Text: "Đơn đề nghị cấp giấy phép"}, {Text: "Bản sao Giấy chứng nhận đăng ký doanh nghiệp"}}}
	looks := &corpus.Procedure{Code: "2.002093", Name: rows[0].Procedure, Ministry: "Bộ Công Thương",
		Papers: []corpus.Paper{{Text: "Đơn đề nghị cấp giấy phép"},
			{Text: "Giấy chứng nhận đăng ký doanh nghiệp (cơ quan giải quyết tự khai thác thông tin trên Cơ sở dữ liệu quốc gia về đăng ký doanh nghiệp, không yêu cầu nộp)"}}}
	cat, _ := Catalog("", day)
	m := flags.NewMatcher(cat)
	for _, tt := range []struct {
		p    *corpus.Procedure
		want decisions.Outcome
	}{{asks, decisions.NotApplied}, {looks, decisions.Applied}} {
		sum := JudgeDecisions(list, []*corpus.Procedure{tt.p}, []flags.ProcedureResult{m.Procedure(tt.p)}, nil)
		if sum.Judged != len(rows) || len(sum.Verdicts) == 0 || sum.Verdicts[0].Outcome != tt.want {
			t.Errorf("%q: %+v, want %s", tt.p.Papers[1].Text, sum.Verdicts, tt.want)
			continue
		}
		if len(sum.Ministries) != 1 || sum.Ministries[0].Name != "Bộ Công Thương" || sum.Ministries[0].Counts.Total() != len(rows) {
			t.Errorf("ministries %+v", sum.Ministries)
		}
	}
}

// A catalog file that cannot be read is an error naming it.
func TestCatalogErrorNamesFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "bad.yaml")
	if err := os.WriteFile(path, []byte("entries: [oops"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := Catalog(path, day); err == nil || !strings.Contains(err.Error(), "bad.yaml") {
		t.Errorf("error %v does not name the file", err)
	}
	if _, err := Decisions(filepath.Join(t.TempDir(), "missing.csv")); err == nil || !strings.Contains(err.Error(), "missing.csv") {
		t.Errorf("error %v does not name the file", err)
	}
}

// A record nothing attributes to a ministry is listed, not merged
// silently into "(ministry not stated)".
func TestUnattributedListed(t *testing.T) {
	lost := &corpus.Procedure{Code: "U.1", Name: "Thủ tục không rõ cơ quan", Source: corpus.Source{File: "x/u.json"}}
	known := &corpus.Procedure{Code: "U.2", Name: "Cấp phép", Decision: "123/QĐ-BXD", Source: corpus.Source{File: "x/k.json"}}
	a := run(t, nil, []*corpus.Procedure{lost, known}, Options{})
	at := a.Attribution
	if at == nil || at.Records != 2 || len(at.Unattributed) != 1 || at.Unattributed[0].ID != "U.1" || at.Unattributed[0].File != "x/u.json" {
		t.Fatalf("attribution %+v", at)
	}
}
