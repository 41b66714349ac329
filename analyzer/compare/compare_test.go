package compare

import (
	"context"
	"math/rand/v2"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/redtape-vn/redtape/analyzer/cost"
	"github.com/redtape-vn/redtape/corpus"
	"github.com/redtape-vn/redtape/corpus/vntext"
)

var fixtures = filepath.Join("..", "..", "testdata", "estimate")

func load(t *testing.T, name string) []*corpus.Procedure {
	t.Helper()
	procs, sum, err := corpus.Load(context.Background(), []string{filepath.Join(fixtures, name)}, corpus.Options{})
	if err != nil || sum.Failed() {
		t.Fatalf("load %s: %v %v", name, err, sum)
	}
	return procs
}

func testModel(t *testing.T) *cost.Model {
	t.Helper()
	p, err := cost.LoadParamsFile(filepath.Join(fixtures, "params.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	return cost.New(p)
}

func vnd(n int64) cost.Amount { return cost.Int(n) }

func checkAmount(t *testing.T, what string, got cost.Amount, want cost.Amount) {
	t.Helper()
	if got.Cmp(want) != 0 {
		t.Errorf("%s = %s, want %s", what, got.Format(2), want.Format(2))
	}
}

func checkCount(t *testing.T, c Count, baseline, current, cut, added int, pct string) {
	t.Helper()
	if c.Baseline != baseline || c.Current != current || c.Cut != cut || c.Added != added || c.Percent.Format(2) != pct {
		t.Errorf("%s = %d→%d cut %d added %d (%s%%), want %d→%d cut %d added %d (%s%%)",
			c.Unit, c.Baseline, c.Current, c.Cut, c.Added, c.Percent.Format(2), baseline, current, cut, added, pct)
	}
}

// dropDN drops every paper about a business registration certificate:
// a stand-in for the flag matcher.
func dropDN(p *corpus.Procedure, i int) bool {
	return strings.Contains(vntext.Fold(p.Papers[i].Text), "dang ky doanh nghiep")
}

// TestHandWorked checks testdata/estimate/{baseline,current}.jsonl against
// figures worked out by hand with testdata/estimate/params.yaml, where an
// hour is worth 1,760,000/22/8 = 10,000 đồng.
//
// Baseline, per dossier:
//
//	T.001 learning 1h; form 1h; judicial record 4h + 200,000; certified-copy
//	      document 0.5h, certifying 1h + 2 pages × 2,000 = 4,000; in person 4h;
//	      10 working days × 0.25h = 2.5h; fee 500,000 (measured).
//	      14h × 10,000 + 704,000 = 844,000 × 2,000/yr = 1,688,000,000
//	      assumed: all but the fee: 344,000 × 2,000 = 688,000,000
//	T.002 learning 1h; form 1h; in person 4h; no time; fee 0 = 60,000
//	      × 1,000 (assumed volume) = 60,000,000, all assumed
//	(no code) "Đăng ký hoạt động thử nghiệm": learning 1h; form 1h; online 1h;
//	      3 days × 0.25 = 0.75h; no fee stated = 37,500 × 1,000 = 37,500,000
//	T.004 learning 1h; form (by keyword) 1h; in person 4h; 5 × 0.25 = 1.25h;
//	      fee 100,000 = 172,500 × 100 = 17,250,000 (assumed 7,250,000)
//	total 1,802,750,000 (assumed 792,750,000)
//
// Current:
//
//	T.001 judicial record and one condition gone, online added (half the
//	      dossiers: 0.5×4 + 0.5×1 = 2.5h), 5 days (1.25h): 7.25h → 72,500
//	      + 4,000 + 500,000 = 576,500 × 2,000 = 1,153,000,000: simplified
//	      (assumed 76,500 × 2,000 = 153,000,000; the fee is the same online)
//	T.002 abolished
//	"ĐĂNG KÝ HOẠT ĐỘNG THỬ NGHIỆM" matched by name, unchanged: 37,500,000
//	T.004 fee 150,000: 222,500 × 100 = 22,250,000: heavier
//	T.005 new: learning 1h, form (form file) 1h, online 1h = 30,000 × 500
//	      = 15,000,000, all assumed
//	total 1,227,750,000 (assumed 212,750,000)
func TestHandWorked(t *testing.T) {
	base, cur := load(t, "baseline.jsonl"), load(t, "current.jsonl")
	res, err := Compare(context.Background(), base, cur, testModel(t), Options{Target: cost.Int(40), Drop: dropDN})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Scenarios) != 2 || res.Scenarios[0].Name != ScenarioCurrent || res.Scenarios[1].Name != ScenarioFlagsApplied {
		t.Fatalf("scenarios = %v", res.Scenarios)
	}
	s := res.Scenarios[0]

	// Procedures: T.002 abolished + T.001 simplified = 2 of 4.
	checkCount(t, s.Procedures, 4, 4, 2, 1, "50.00")
	// Conditions: one of T.001's two removed; 1 of 3.
	checkCount(t, s.Conditions, 3, 2, 1, 0, "33.33")
	// Regulations: (2 + 1) / (4 + 3) = 42.86%.
	checkCount(t, s.Regulations, 7, 6, 3, 1, "42.86")
	// Papers: T.002's one + T.001's judicial record = 2 of 6; T.005 adds one.
	checkCount(t, s.Papers, 6, 5, 2, 1, "33.33")
	// Split: T.002 abolished (with its one paper, no condition); T.001
	// simplified, with one condition and one paper removed.
	for _, c := range []struct {
		got                   Count
		abolished, simplified int
		abolPct, simplPct     string
	}{
		{s.Procedures, 1, 1, "25.00", "25.00"},
		{s.Conditions, 0, 1, "0.00", "33.33"},
		{s.Regulations, 1, 2, "14.29", "28.57"},
		{s.Papers, 1, 1, "16.67", "16.67"},
	} {
		if c.got.Abolished != c.abolished || c.got.Simplified != c.simplified || c.got.CutMeans != "abolished or simplified" ||
			c.got.AbolishedPercent.Format(2) != c.abolPct || c.got.SimplifiedPercent.Format(2) != c.simplPct {
			t.Errorf("%s: abolished %d (%s%%) simplified %d (%s%%) %q, want %d (%s%%) %d (%s%%)", c.got.Unit,
				c.got.Abolished, c.got.AbolishedPercent.Format(2), c.got.Simplified, c.got.SimplifiedPercent.Format(2), c.got.CutMeans,
				c.abolished, c.abolPct, c.simplified, c.simplPct)
		}
	}
	if g := s.Conditions.Gap.Format(2); g != "6.67" {
		t.Errorf("conditions gap to 40%% = %s, want 6.67", g)
	}
	if !s.Regulations.Gap.IsZero() || !s.Procedures.Gap.IsZero() {
		t.Errorf("met targets have gaps: %s, %s", s.Regulations.Gap.Format(2), s.Procedures.Gap.Format(2))
	}

	checkAmount(t, "cost before", s.Cost.Before, vnd(1_802_750_000))
	checkAmount(t, "cost after", s.Cost.After, vnd(1_227_750_000))
	checkAmount(t, "new cost", s.Cost.NewCost, vnd(15_000_000))
	checkAmount(t, "saving", s.Cost.Saving, vnd(575_000_000))
	// Without T.005: 1,802,750,000 − 1,212,750,000 = 590,000,000 = 32.73%.
	checkAmount(t, "baseline saving", s.Cost.BaselineSaving, vnd(590_000_000))
	if p := s.Cost.BaselinePercent.Format(2); p != "32.73" {
		t.Errorf("baseline percent = %s, want 32.73", p)
	}
	checkAmount(t, "assumed before", s.Cost.BeforeAssumed, vnd(792_750_000))
	checkAmount(t, "assumed after", s.Cost.AfterAssumed, vnd(212_750_000))
	// 575 / 1,802.75 = 31.8957...%; gap to 40% = 8.1043.
	if p, g := s.Cost.Percent.Format(2), s.Cost.Gap.Format(2); p != "31.90" || g != "8.10" {
		t.Errorf("cost cut = %s%% (gap %s), want 31.90%% (gap 8.10)", p, g)
	}
	if got := s.Cost.AssumedShareBefore().Format(4); got != "0.4397" { // 792.75 / 1,802.75
		t.Errorf("assumed share before = %s", got)
	}

	// No volume stated for T.002 and the unnamed one; T.005 states none
	// of fees or time, T.002 no time, the unnamed one no fees.
	if s.VolumeAssumed != 2 || !reflect.DeepEqual(s.Unknown, map[string]int{"fees": 2, "processing time": 2}) {
		t.Errorf("volume assumed %d, unknown %v", s.VolumeAssumed, s.Unknown)
	}
	wantStatus := map[Status]int{Simplified: 1, Abolished: 1, Unchanged: 1, Heavier: 1, New: 1}
	if !reflect.DeepEqual(s.Statuses, wantStatus) {
		t.Errorf("statuses = %v, want %v", s.Statuses, wantStatus)
	}

	// Changes by saving: T.001, T.002, the unchanged one, T.004, T.005.
	type row struct {
		id      string
		status  Status
		by      string
		saving  int64
		reasons string
	}
	want := []row{
		{"T.001", Simplified, ByCode, 535_000_000, "fewer_conditions fewer_papers moved_online shorter_time"},
		{"T.002", Abolished, "", 60_000_000, ""},
		{"Đăng ký hoạt động thử nghiệm", Unchanged, ByName, 0, ""},
		{"T.004", Heavier, ByCode, -5_000_000, "higher_fees"},
		{"T.005", New, "", -15_000_000, ""},
	}
	if len(s.Changes) != len(want) {
		t.Fatalf("%d changes, want %d", len(s.Changes), len(want))
	}
	for i, w := range want {
		ch := s.Changes[i]
		got := row{ch.ID, ch.Status, ch.MatchedBy, 0, strings.Join(ch.Reasons, " ")}
		w2 := w
		w2.saving = 0
		if got != w2 || ch.Saving.Cmp(vnd(w.saving)) != 0 {
			t.Errorf("change %d = %+v saving %s, want %+v", i, got, ch.Saving, w)
		}
	}
	if t001 := s.Changes[0]; !reflect.DeepEqual(t001.PapersRemoved, []int{1}) || !reflect.DeepEqual(t001.ConditionsRemoved, []int{0}) {
		t.Errorf("T.001 removed papers %v conditions %v, want [1] [0]", t001.PapersRemoved, t001.ConditionsRemoved)
	}
	if top := s.TopCuts(5, ""); len(top) != 2 || top[0].ID != "T.001" {
		t.Errorf("top cuts = %d", len(top))
	}
	if top := s.TopCuts(5, "Bộ Công an"); len(top) != 0 {
		t.Errorf("Bộ Công an has no saving, top cuts = %d", len(top))
	}

	// Per ministry: Tài chính 1,748,000,000 → 1,153,000,000 (34.04%);
	// Công an 54,750,000 → 74,750,000 (−36.53%).
	if len(s.Ministries) != 2 || s.Ministries[0].Name != "Bộ Tài chính" {
		t.Fatalf("ministries = %v", s.Ministries)
	}
	tc, ca := s.Ministries[0], s.Ministries[1]
	checkAmount(t, "Tài chính saving", tc.Cost.Saving, vnd(595_000_000))
	checkAmount(t, "Công an saving", ca.Cost.Saving, vnd(-20_000_000))
	if tc.Cost.Percent.Format(2) != "34.04" || ca.Cost.Percent.Format(2) != "-36.53" {
		t.Errorf("ministry cuts %s%%, %s%%", tc.Cost.Percent.Format(2), ca.Cost.Percent.Format(2))
	}
	checkCount(t, tc.Procedures, 2, 1, 2, 0, "100.00")
	checkCount(t, ca.Procedures, 2, 3, 0, 1, "0.00")

	// Flags applied: T.001's certified copy of the business registration
	// goes too (1.5h, 4,000 less): 576,500 − 15,000 − 4,000 = 557,500 × 2,000
	// = 1,115,000,000. After = 1,189,750,000; saving 613,000,000 = 34.00%.
	f := res.Scenarios[1]
	checkAmount(t, "flags after", f.Cost.After, vnd(1_189_750_000))
	if p := f.Cost.Percent.Format(2); p != "34.00" {
		t.Errorf("flags applied cost cut = %s%%, want 34.00", p)
	}
	checkCount(t, f.Papers, 6, 4, 3, 1, "50.00")
	checkCount(t, f.Procedures, 4, 4, 2, 1, "50.00")
	// The input is not changed by dropping papers.
	if len(cur[0].Papers) != 2 {
		t.Errorf("Drop changed the input: %d papers", len(cur[0].Papers))
	}
}

// A fee that a record no longer states is unknown, not lower.
func TestFeeNoLongerStated(t *testing.T) {
	fee := int64(100000)
	base := []*corpus.Procedure{{Code: "A", Name: "A", Channels: []corpus.Channel{{Mode: corpus.ModeInPerson, Fees: []corpus.Fee{{Text: "100.000", Amount: &fee}}}}}}
	cur := []*corpus.Procedure{{Code: "A", Name: "A", Channels: []corpus.Channel{{Mode: corpus.ModeInPerson}}}}
	res, err := Compare(context.Background(), base, cur, nil, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if ch := res.Scenarios[0].Changes[0]; ch.Status != Unchanged || len(ch.Reasons) != 0 || !ch.Saving.IsZero() ||
		ch.After.Fees.Cmp(cost.Int(100000)) != 0 || ch.After.UnitAssumed.Cmp(ch.After.Unit) != 0 {
		t.Errorf("status %s reasons %v saving %s fees after %s, want unchanged at the same cost, all assumed",
			ch.Status, ch.Reasons, ch.Saving, ch.After.Fees)
	}
	// A fee cut to a stated zero is lower.
	zero := int64(0)
	cur[0].Channels[0].Fees = []corpus.Fee{{Text: "Miễn phí", Amount: &zero}}
	res, _ = Compare(context.Background(), base, cur, nil, Options{})
	if ch := res.Scenarios[0].Changes[0]; ch.Status != Simplified || !reflect.DeepEqual(ch.Reasons, []string{LowerFees}) {
		t.Errorf("status %s reasons %v, want simplified by lower_fees", ch.Status, ch.Reasons)
	}
}

// A processing time that a record no longer states is not a shorter one.
func TestTimeNoLongerStated(t *testing.T) {
	base := []*corpus.Procedure{{Code: "A", Name: "A", Channels: []corpus.Channel{{Mode: corpus.ModeInPerson,
		Time: &corpus.Duration{Text: "10 ngày làm việc", Value: 10, Unit: corpus.WorkingDays}}}}}
	cur := []*corpus.Procedure{{Code: "A", Name: "A", Channels: []corpus.Channel{{Mode: corpus.ModeInPerson}}}}
	// Waiting is off by default (no opportunity cost, Circular 02/2017
	// Art. 27); it is turned on here so that a time borrowed from the
	// other side shows in the waiting cost.
	params := cost.Default()
	params.WaitingHoursPerDay.Value = cost.Int(1)
	model := cost.New(params)
	for _, pair := range [][2][]*corpus.Procedure{{base, cur}, {cur, base}} {
		res, err := Compare(context.Background(), pair[0], pair[1], model, Options{})
		if err != nil {
			t.Fatal(err)
		}
		ch := res.Scenarios[0].Changes[0]
		if ch.Status != Unchanged || !ch.Saving.IsZero() || ch.Before.Hours.Cmp(ch.After.Hours) != 0 {
			t.Errorf("status %s saving %s hours %s → %s, want unchanged", ch.Status, ch.Saving, ch.Before.Hours.Decimal(2), ch.After.Hours.Decimal(2))
		}
		var acts []string
		for _, c := range ch.After.Components {
			acts = append(acts, c.Activity)
		}
		if strings.Join(acts, " ") != "learning submission waiting fees" {
			t.Errorf("components %v", acts)
		}
	}
}

func TestMatch(t *testing.T) {
	p := func(code, name string) *corpus.Procedure { return &corpus.Procedure{Code: code, Name: name} }
	pm := func(name, ministry string) *corpus.Procedure {
		return &corpus.Procedure{Name: name, Ministry: ministry}
	}
	for _, tc := range []struct {
		name      string
		base, cur []*corpus.Procedure
		want      []Pair
	}{
		{"by code, name changed", []*corpus.Procedure{p("1", "A")}, []*corpus.Procedure{p("1", "B")},
			[]Pair{{0, 0, ByCode}}},
		{"by folded name", []*corpus.Procedure{p("", "Cấp  Giấy phép")}, []*corpus.Procedure{p("", "cap giay phep")},
			[]Pair{{0, 0, ByName}}},
		{"code differs, name same", []*corpus.Procedure{p("1", "A")}, []*corpus.Procedure{p("2", "A")},
			[]Pair{{0, 0, ByName}}},
		{"code wins over an earlier name match", []*corpus.Procedure{p("", "A"), p("1", "X")}, []*corpus.Procedure{p("1", "A")},
			[]Pair{{0, -1, ""}, {1, 0, ByCode}}},
		{"duplicate codes pair in order", []*corpus.Procedure{p("1", "A"), p("1", "A")}, []*corpus.Procedure{p("1", "A")},
			[]Pair{{0, 0, ByCode}, {1, -1, ""}}},
		{"abolished and new", []*corpus.Procedure{p("1", "A")}, []*corpus.Procedure{p("2", "B")},
			[]Pair{{0, -1, ""}, {-1, 0, ""}}},
		{"by name, the same ministry first",
			[]*corpus.Procedure{pm("Cấp phép", "Bộ Xây dựng"), pm("Cấp phép", "Bộ Y tế")},
			[]*corpus.Procedure{pm("Cấp phép", "Bộ Y tế"), pm("Cấp phép", "bo xay dung")},
			[]Pair{{0, 1, ByName}, {1, 0, ByName}}},
		{"by name, another ministry when none of its own is left",
			[]*corpus.Procedure{pm("Cấp phép", "Bộ Kế hoạch và Đầu tư")}, []*corpus.Procedure{pm("Cấp phép", "Bộ Tài chính")},
			[]Pair{{0, 0, ByName}}},
		{"empty", nil, nil, []Pair{}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := Match(tc.base, tc.cur); !reflect.DeepEqual(got, tc.want) {
				t.Errorf("Match = %v, want %v", got, tc.want)
			}
		})
	}
}

func TestKeys(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"Thủ tục cấp Giấy phép", "cap giay phep"},
		{"Cấp  giấy phép.", "cap giay phep"},
		{"THỦ TỤC", "thu tuc"},
	} {
		if got := NameKey(tc.in); got != tc.want {
			t.Errorf("NameKey(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
	// NameKey is the folded words joined by one space, whatever the text:
	// random runes of the kinds names are made of, invalid bytes and
	// combining marks included.
	wordsKey := func(name string) string {
		words := vntext.FoldedWords(name)
		if len(words) > 2 && words[0] == "thu" && words[1] == "tuc" {
			words = words[2:]
		}
		return strings.Join(words, " ")
	}
	pieces := []string{"Thủ", "tục", "thu", "tuc", "THỦ TỤC", " ", "  ", ".", ",", "-", "Đ", "đăng", "ký", "\u0301", "a\u0301", "\xff", "\xe1\xba", "Å", "Ǆ", "1.0", "İ", "\u00a0", "(", "x"}
	rng := rand.New(rand.NewPCG(7, 11))
	for range 5000 {
		var b strings.Builder
		for range rng.IntN(8) {
			b.WriteString(pieces[rng.IntN(len(pieces))])
			if rng.IntN(2) == 0 {
				b.WriteByte(' ')
			}
		}
		if got, want := NameKey(b.String()), wordsKey(b.String()); got != want {
			t.Fatalf("NameKey(%q) = %q, want the folded words %q", b.String(), got, want)
		}
	}
	if CodeKey(" 1.000005 ") != CodeKey("1.000005") || CodeKey("1.00 0005") != "1.000005" || CodeKey("abc") != "ABC" {
		t.Error("CodeKey does not normalise space and case")
	}
}

// Papers reworded between versions are neither removed nor added;
// different papers sharing words stay different.
func TestPapersReworded(t *testing.T) {
	paper := func(texts ...string) []corpus.Paper {
		var out []corpus.Paper
		for _, s := range texts {
			out = append(out, corpus.Paper{Text: s})
		}
		return out
	}
	for _, tc := range []struct {
		name                     string
		before, after            []string
		removed, added, reworded int
		status                   string
	}{
		{"reordered words", []string{"Bản sao Giấy khai sinh", "Tờ khai"}, []string{"Tờ khai", "Giấy khai sinh (bản sao)"}, 0, 0, 1, "unchanged"},
		{"form number changed", []string{"Tờ khai đăng ký theo mẫu 01"}, []string{"Tờ khai đăng ký theo mẫu 02/2025"}, 0, 0, 1, "unchanged"},
		{"a different certificate", []string{"Giấy chứng nhận đăng ký doanh nghiệp"}, []string{"Giấy chứng nhận đăng ký đầu tư"}, 1, 1, 0, "mixed"},
		{"one dropped, one reworded", []string{"Bản sao Căn cước", "Đơn đề nghị cấp phép"}, []string{"Đơn đề nghị cấp giấy phép"}, 1, 0, 1, "simplified"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			base := []*corpus.Procedure{{Code: "A", Name: "A", Papers: paper(tc.before...)}}
			cur := []*corpus.Procedure{{Code: "A", Name: "A", Papers: paper(tc.after...)}}
			res, err := Compare(context.Background(), base, cur, nil, Options{})
			if err != nil {
				t.Fatal(err)
			}
			ch := res.Scenarios[0].Changes[0]
			if len(ch.PapersRemoved) != tc.removed || len(ch.PapersAdded) != tc.added ||
				len(ch.PapersReworded) != tc.reworded || string(ch.Status) != tc.status {
				t.Errorf("removed %v added %v reworded %v status %s", ch.PapersRemoved, ch.PapersAdded, ch.PapersReworded, ch.Status)
			}
			if p := res.Scenarios[0].Papers; p.Cut != tc.removed || p.Added != tc.added {
				t.Errorf("papers cut %d added %d", p.Cut, p.Added)
			}
		})
	}
}

// Both versions of a procedure are costed at one volume: fewer dossiers
// is not a cut.
func TestOneVolumePerPair(t *testing.T) {
	vol := func(n int64) *int64 { return &n }
	for _, tc := range []struct {
		name       string
		base, cur  *int64
		wantVolume int64
	}{
		{"baseline stated", vol(2000), nil, 2000},
		{"current stated", nil, vol(500), 500},
		{"both stated: the baseline's", vol(2000), vol(1000), 2000},
		{"neither: the parameter", nil, nil, cost.Default().AnnualVolume.Value.Rat().Num().Int64()},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p := func(v *int64) []*corpus.Procedure {
				fee := int64(100000)
				return []*corpus.Procedure{{Code: "A", Name: "A", Papers: []corpus.Paper{{Text: "Tờ khai"}}, AnnualVolume: v,
					Channels: []corpus.Channel{{Mode: corpus.ModeInPerson, Fees: []corpus.Fee{{Text: "100.000 đồng", Amount: &fee}}}}}}
			}
			res, err := Compare(context.Background(), p(tc.base), p(tc.cur), nil, Options{})
			if err != nil {
				t.Fatal(err)
			}
			s := res.Scenarios[0]
			ch := s.Changes[0]
			if ch.Before.Volume != tc.wantVolume || ch.After.Volume != tc.wantVolume || !s.Cost.Saving.IsZero() || ch.Status != Unchanged {
				t.Errorf("volumes %d → %d, saving %s, status %s", ch.Before.Volume, ch.After.Volume, s.Cost.Saving, ch.Status)
			}
			if measured := tc.base != nil || tc.cur != nil; ch.After.VolumeMeasured != measured ||
				(measured && ch.After.AnnualAssumed.Cmp(ch.After.Annual) >= 0) {
				t.Errorf("measured %v, assumed %s of %s", ch.After.VolumeMeasured, ch.After.AnnualAssumed, ch.After.Annual)
			}
		})
	}
}

// Each unit's cut is split into abolished and simplified, and in
// regulations one change counts once: a procedure simplified only by
// dropping a condition is cut through that condition, not twice.
func TestCutSplit(t *testing.T) {
	fee := func(n int64) []corpus.Channel {
		return []corpus.Channel{{Mode: corpus.ModeInPerson, Fees: []corpus.Fee{{Text: "Phí", Amount: &n, Kind: "fee"}}}}
	}
	papers := func(texts ...string) []corpus.Paper {
		var out []corpus.Paper
		for _, s := range texts {
			out = append(out, corpus.Paper{Text: s})
		}
		return out
	}
	proc := func(ps []corpus.Paper, conds []string, ch []corpus.Channel) *corpus.Procedure {
		return &corpus.Procedure{Code: "A", Name: "A", Papers: ps, Conditions: conds, Channels: ch}
	}
	conds := []string{"Có trụ sở cố định", "Có ít nhất hai nhân viên có chứng chỉ hành nghề"}
	base := proc(papers("Tờ khai", "Bản sao hợp đồng thuê nhà (nếu có)"), conds, fee(100000))
	type split struct{ abolished, simplified int }
	for _, tc := range []struct {
		name                         string
		cur                          *corpus.Procedure // nil: abolished
		status                       Status
		procs, conditions, regs, pap split
		condOnly                     int
	}{
		{"one optional paper fewer", proc(papers("Tờ khai"), conds, fee(100000)), Simplified,
			split{0, 1}, split{0, 0}, split{0, 1}, split{0, 1}, 0},
		{"one condition fewer, nothing else", proc(base.Papers, conds[:1], fee(100000)), Simplified,
			split{0, 1}, split{0, 1}, split{0, 1}, split{0, 0}, 1},
		{"one condition fewer and a lower fee", proc(base.Papers, conds[:1], fee(50000)), Simplified,
			split{0, 1}, split{0, 1}, split{0, 2}, split{0, 0}, 0},
		{"one condition fewer, one paper more", proc(papers("Tờ khai", "Bản sao hợp đồng thuê nhà (nếu có)", "Ảnh 3x4"), conds[:1], fee(100000)), Mixed,
			split{0, 0}, split{0, 1}, split{0, 1}, split{0, 0}, 0},
		{"abolished", nil, Abolished,
			split{1, 0}, split{2, 0}, split{3, 0}, split{2, 0}, 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var cur []*corpus.Procedure
			if tc.cur != nil {
				cur = []*corpus.Procedure{tc.cur}
			}
			res, err := Compare(context.Background(), []*corpus.Procedure{base}, cur, nil, Options{})
			if err != nil {
				t.Fatal(err)
			}
			s := res.Scenarios[0]
			if st := s.Changes[0].Status; st != tc.status {
				t.Errorf("status %s, want %s", st, tc.status)
			}
			for _, c := range []struct {
				got  Count
				want split
			}{{s.Procedures, tc.procs}, {s.Conditions, tc.conditions}, {s.Regulations, tc.regs}, {s.Papers, tc.pap}} {
				if (split{c.got.Abolished, c.got.Simplified}) != c.want || c.got.Cut != c.want.abolished+c.want.simplified {
					t.Errorf("%s: abolished %d simplified %d cut %d, want %+v", c.got.Unit, c.got.Abolished, c.got.Simplified, c.got.Cut, c.want)
				}
				if sum := c.got.AbolishedPercent.Add(c.got.SimplifiedPercent); sum.Cmp(c.got.Percent) != 0 {
					t.Errorf("%s: %s%% + %s%% != %s%%", c.got.Unit, c.got.AbolishedPercent.Format(2), c.got.SimplifiedPercent.Format(2), c.got.Percent.Format(2))
				}
			}
			if s.ConditionsOnly != tc.condOnly {
				t.Errorf("simplified by conditions only = %d, want %d", s.ConditionsOnly, tc.condOnly)
			}
		})
	}
}

// A procedure is unchanged only when nothing that is costed changed: a
// swap of one paper or condition for another is a change both ways, and a
// cost change none of the other reasons explains is named by the cost.
func TestStatusSeesEveryChange(t *testing.T) {
	one, three := 1, 3
	base := func() *corpus.Procedure {
		return &corpus.Procedure{Code: "A", Name: "A",
			Papers:     []corpus.Paper{{Text: "Đơn đề nghị"}, {Text: "Phiếu lý lịch tư pháp"}, {Text: "Bản sao có chứng thực Giấy khai sinh", Copies: &one}},
			Conditions: []string{"Có năng lực hành vi dân sự đầy đủ"},
			Channels:   []corpus.Channel{{Mode: corpus.ModeOnline}},
		}
	}
	for _, tc := range []struct {
		name    string
		change  func(p *corpus.Procedure)
		status  Status
		reasons []string
		saving  int // sign of the saving
	}{
		{"nothing", func(p *corpus.Procedure) {}, Unchanged, nil, 0},
		{"paper made optional", func(p *corpus.Procedure) { p.Papers[1].Optional = true }, Simplified, []string{LowerCost}, 1},
		{"more copies", func(p *corpus.Procedure) { p.Papers[2].Copies = &three }, Heavier, []string{HigherCost}, -1},
		{"paper swapped", func(p *corpus.Procedure) {
			p.Papers[1] = corpus.Paper{Text: "Giấy xác nhận của cơ quan thuế"}
		},
			Mixed, []string{FewerPapers, MorePapers}, 1}, // a judicial record costs more than a letter
		{"condition swapped", func(p *corpus.Procedure) {
			p.Conditions = []string{"Đã đóng đủ tiền thuê đất hằng năm"}
		},
			Mixed, []string{FewerConditions, MoreConditions}, 0},
		{"paper removed", func(p *corpus.Procedure) { p.Papers = p.Papers[:2] }, Simplified, []string{FewerPapers}, 1},
	} {
		t.Run(tc.name, func(t *testing.T) {
			cur := base()
			tc.change(cur)
			res, err := Compare(context.Background(), []*corpus.Procedure{base()}, []*corpus.Procedure{cur}, nil, Options{})
			if err != nil {
				t.Fatal(err)
			}
			s := res.Scenarios[0]
			ch := s.Changes[0]
			if ch.Status != tc.status || !slices.Equal(ch.Reasons, tc.reasons) || ch.Saving.Sign() != tc.saving {
				t.Errorf("status %s reasons %v saving %s, want %s %v sign %d", ch.Status, ch.Reasons, ch.Saving, tc.status, tc.reasons, tc.saving)
			}
			if want := boolInt(tc.status == Simplified); s.Procedures.Cut != want {
				t.Errorf("procedures cut %d, want %d", s.Procedures.Cut, want)
			}
			if tc.name == "condition swapped" {
				// The official figure counts the removed condition as cut; net of
				// the one added, nothing is.
				if r := s.Regulations; r.Cut != 1 || r.Added != 1 || r.Net != 0 || !r.NetPercent.IsZero() {
					t.Errorf("regulations cut %d added %d net %d (%s%%), want 1, 1, 0", r.Cut, r.Added, r.Net, r.NetPercent)
				}
			}
		})
	}
}

// Dropping a flagged health certificate saves the paper, not the
// examination behind it: the flags-applied cost keeps the exam (the
// defaults' kept_when_looked_up), while a dropped judicial record saves
// its whole cost.
func TestFlagsAppliedKeepsLookedUpService(t *testing.T) {
	proc := &corpus.Procedure{Code: "A", Name: "A", Papers: []corpus.Paper{
		{Text: "Giấy khám sức khỏe"}, {Text: "Phiếu lý lịch tư pháp"}, {Text: "Đơn đề nghị"},
	}}
	model := cost.New(nil)
	saving := func(drop int) cost.Amount {
		res, err := Compare(context.Background(), []*corpus.Procedure{proc}, []*corpus.Procedure{proc}, model,
			Options{Drop: func(_ *corpus.Procedure, k int) bool { return k == drop }})
		if err != nil {
			t.Fatal(err)
		}
		s := res.Scenarios[1]
		if s.Papers.Cut != 1 || s.Changes[0].Status != Simplified {
			t.Errorf("drop %d: papers cut %d, status %s", drop, s.Papers.Cut, s.Changes[0].Status)
		}
		return s.Cost.Saving
	}
	if got := saving(0); !got.IsZero() {
		t.Errorf("dropping the health certificate saves %s, want 0 (the examination remains)", got)
	}
	pc := model.Procedure(proc)
	var record cost.Amount
	for _, c := range pc.Components {
		if c.Paper == 1 {
			record = record.Add(c.Cost)
		}
	}
	if got, want := saving(1), record.MulInt(pc.Volume); got.Cmp(want) != 0 {
		t.Errorf("dropping the judicial record saves %s, want its whole cost %s", got, want)
	}
}

// matchKeysByScanning is MatchKeys as it was first written, scanning each
// list of a code or name from its start: the reference for the cursors.
func matchKeysByScanning(baseline, current []Keys) []Pair {
	used := make([]bool, len(current))
	matched := make([]int, len(baseline))
	by := make([]string, len(baseline))
	codes, names := map[string][]int{}, map[string][]int{}
	for j, k := range current {
		if k.Code != "" {
			codes[k.Code] = append(codes[k.Code], j)
		}
		if k.Name != "" {
			names[k.Name] = append(names[k.Name], j)
		}
	}
	take := func(list []int) int {
		for _, j := range list {
			if !used[j] {
				used[j] = true
				return j
			}
		}
		return -1
	}
	for i, k := range baseline {
		matched[i] = -1
		if k.Code != "" {
			if j := take(codes[k.Code]); j >= 0 {
				matched[i], by[i] = j, ByCode
			}
		}
	}
	for i, k := range baseline {
		if matched[i] >= 0 || k.Name == "" {
			continue
		}
		var same, other []int
		for _, j := range names[k.Name] {
			if current[j].Ministry == k.Ministry {
				same = append(same, j)
			} else {
				other = append(other, j)
			}
		}
		if j := take(append(same, other...)); j >= 0 {
			matched[i], by[i] = j, ByName
		}
	}
	pairs := []Pair{}
	for i := range baseline {
		pairs = append(pairs, Pair{Base: i, Current: matched[i], By: by[i]})
	}
	for j := range current {
		if !used[j] {
			pairs = append(pairs, Pair{Base: -1, Current: j})
		}
	}
	return pairs
}

// TestMatchKeysAsScanning holds MatchKeys to the scanning reference on
// random key sets drawn from few codes, names and ministries, so that
// codes and names repeat on both sides and lists run out.
func TestMatchKeysAsScanning(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 13))
	draw := func(n int) []Keys {
		out := make([]Keys, n)
		for i := range out {
			out[i] = Keys{
				Code:     []string{"", "1", "2", "3"}[rng.IntN(4)],
				Name:     []string{"", "cap phep", "dang ky", "gia han"}[rng.IntN(4)],
				Ministry: []string{"", "bo y te", "bo tai chinh"}[rng.IntN(3)],
			}
		}
		return out
	}
	for range 3000 {
		base, cur := draw(rng.IntN(25)), draw(rng.IntN(25))
		if got, want := MatchKeys(base, cur), matchKeysByScanning(base, cur); !reflect.DeepEqual(got, want) {
			t.Fatalf("baseline %v\ncurrent %v\n got %v\nwant %v", base, cur, got, want)
		}
	}
}
