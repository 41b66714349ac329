package cost

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/redtape-vn/redtape/corpus"
)

func loadSheets(t *testing.T) *Sheets {
	t.Helper()
	s, err := LoadSheetsFile(filepath.Join("testdata", "sheets.csv"))
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func TestReadSheets(t *testing.T) {
	s := loadSheets(t)
	if s.Len() != 2 || strings.Join(s.Codes(), " ") != "1.001 HN.293" {
		t.Fatalf("codes %v", s.Codes())
	}
	x := s.Lookup("1.001")
	if x == nil || x.Before.Cost.Exact() != "500000" || x.After == nil || x.After.Fees.Exact() != "50000" ||
		x.Before.Days.Exact() != "15" || x.Volume != nil || x.Line != 3 || x.AsOf != "2025" {
		t.Errorf("1.001 = %+v", x)
	}
	if s.Lookup("9.9") != nil || (*Sheets)(nil).Lookup("1.001") != nil {
		t.Error("found a sheet that is not there")
	}
}

func TestReadSheetsErrors(t *testing.T) {
	const h = "code,cost_before,cost_after,fees_before,fees_after,days_after,dossiers_per_year,source\n"
	for _, tc := range []struct{ in, want string }{
		{"code,cost_after,source\n", "s.csv:1: header has no cost_before column"},
		{"code,cost_before,source,costs_after\n", `s.csv:1: column "costs_after" not known`},
		{h + "1,,,,,,,x\n", "s.csv:2: code 1: cost_before is required"},
		{h + "1,100,,,,,,\n", "s.csv:2: code 1: source is required"},
		{h + "1,1e1000000,,,,,,x\n", "s.csv:2: code 1: cost_before: not a number"},
		{h + "1,4p7040000,,,,,,x\n", "s.csv:2: code 1: cost_before: not a number"},
		{h + "1,-100,,,,,,x\n", "s.csv:2: code 1: cost_before: -100 is outside 0 to"},
		{h + "1,100,,200,,,,x\n", "s.csv:2: code 1: fees_before 200 exceed cost_before 100"},
		{h + "1,100,,,,5,,x\n", "s.csv:2: code 1: fees, hours or days after given without cost_after"},
		{h + "1,100,,,,,1.5,x\n", "s.csv:2: code 1: dossiers per year"},
		{h + "1,100,,,,,,x\n1,100,,,,,,y\n", "s.csv:3: code 1 given twice (first on line 2)"},
	} {
		_, err := ReadSheets(strings.NewReader(tc.in), "s.csv")
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%q: error %v, want %q", tc.in, err, tc.want)
		}
	}
}

// TestSheetsWin: where a procedure has a cost sheet, its figures replace
// the model's, and the cost says so.
func TestSheetsWin(t *testing.T) {
	s := loadSheets(t)
	p := sample()
	p.Code = "1.001"
	m := New(nil)
	model := m.Procedure(p)
	before := m.WithSheets(s, Before).Procedure(p)
	after := m.WithSheets(s, After).Procedure(p)
	if model.Source != SourceModel || model.Sheet != nil {
		t.Errorf("model cost from %s", model.Source)
	}
	if before.Source != SourceSheet || before.Sheet == nil || before.SheetSide != "before" || before.Unit.Exact() != "500000" ||
		before.Fees.Exact() != "100000" || before.Hours.Exact() != "10" || before.UnitAssumed.Sign() != 0 || before.ModelUnit.Cmp(model.Unit) != 0 {
		t.Errorf("before: %+v", before)
	}
	if after.Unit.Exact() != "300000" || after.Fees.Exact() != "50000" || after.SheetSide != "after" {
		t.Errorf("after: unit %s fees %s side %s", after.Unit.Exact(), after.Fees.Exact(), after.SheetSide)
	}
	var sum Amount
	for _, c := range before.Components {
		sum = sum.Add(c.Cost)
		if c.IsAssumed() || len(c.Measured) != 1 || c.Measured[0] != InputSheet {
			t.Errorf("component %+v: want measured from the sheet only", c)
		}
	}
	if sum.Cmp(before.Unit) != 0 {
		t.Errorf("components sum to %s, unit %s", sum, before.Unit)
	}
	// No volume in the sheet: the volume is still assumed, and says so.
	if before.VolumeMeasured || before.AssumedShare().Cmp(Int(1)) != 0 {
		t.Errorf("volume measured %v, assumed share %s", before.VolumeMeasured, before.AssumedShare().Decimal(2))
	}
	// A sheet without figures after the cut leaves the model's.
	only, err := ReadSheets(strings.NewReader("code,cost_before,source\n1.001,500000,x\n"), "s.csv")
	if err != nil {
		t.Fatal(err)
	}
	got := m.WithSheets(only, After).Procedure(p)
	if got.Source != SourceModel || got.Unit.Cmp(model.Unit) != 0 || !strings.Contains(strings.Join(got.Notes, ";"), "cost sheet gives no figures after the cut") {
		t.Errorf("no after figures: %s %s %v", got.Source, got.Unit, got.Notes)
	}
}

// TestPublishedHanoiExample recomputes a published result of the official
// method (Circular 02/2017/TT-VPCP: annual cost = cost per dossier × dossiers
// a year; cut = (before − after) / before) from a cost sheet: Hanoi's 293
// procedures, 2.39 million dossiers a year, 2,306 → 654 billion VND a year,
// a cut of 71.64%, about 965,000 VND per dossier (dantri.com.vn, 25 Dec
// 2025, in ../shared/reference/cost-model.md, "Published totals"). The
// sheet row gives the per-dossier figures to 48 decimals, as the published
// totals divided by the dossiers.
func TestPublishedHanoiExample(t *testing.T) {
	s := loadSheets(t)
	p := &corpus.Procedure{Code: "HN.293", Name: "Hanoi, 293 procedures"}
	before := New(nil).WithSheets(s, Before).Procedure(p)
	after := New(nil).WithSheets(s, After).Procedure(p)
	if before.Volume != 2_390_000 || before.VolumeOrigin != VolumeFromSheet || !before.VolumeMeasured || before.AssumedShare().Sign() != 0 {
		t.Errorf("volume %d from %s measured %v", before.Volume, before.VolumeOrigin, before.VolumeMeasured)
	}
	if got := before.Unit.Div(Int(1000)).Format(0); got != "965" {
		t.Errorf("cost per dossier %s thousand, want about 965 thousand", got)
	}
	if got := before.Annual.Div(Int(1e9)).Format(0); got != "2,306" {
		t.Errorf("annual before %s bn, want 2,306", got)
	}
	if got := after.Annual.Div(Int(1e9)).Format(0); got != "654" {
		t.Errorf("annual after %s bn, want 654", got)
	}
	for _, a := range []Amount{before.Unit, before.Annual, after.Annual} {
		if back, err := ParseAmount(a.Exact()); err != nil || back.Cmp(a) != 0 {
			t.Errorf("exact %s does not read back: %v", a.Exact(), err)
		}
	}
	saving, pct := Cut(before.Annual, after.Annual)
	if got := pct.Format(2); got != "71.64" {
		t.Errorf("cut %s%%, want 71.64%%", got)
	}
	if got := saving.Div(Int(1e9)).Format(0); got != "1,652" {
		t.Errorf("saving %s bn, want 1,652", got)
	}
}
