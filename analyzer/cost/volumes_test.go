package cost

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"github.com/redtape-vn/redtape/corpus"
)

func TestReadVolumes(t *testing.T) {
	v, err := LoadVolumesFile(filepath.Join("testdata", "volumes.csv")) // BOM, CRLF, a blank line
	if err != nil {
		t.Fatal(err)
	}
	got, ok := v.Lookup("1.001")
	if !ok || got.PerYear != 12000 || got.Period != "2024" || !strings.HasPrefix(got.Source, "Cổng Dịch vụ công") || got.Line != 2 {
		t.Errorf("1.001 = %+v %v", got, ok)
	}
	if got, ok := v.Lookup("2.002"); !ok || got.PerYear != 0 {
		t.Errorf("2.002 = %+v %v, want 0 dossiers measured", got, ok)
	}
	if v.Len() != 2 || strings.Join(v.Codes(), " ") != "1.001 2.002" {
		t.Errorf("codes %v", v.Codes())
	}
	if _, ok := (*Volumes)(nil).Lookup("1.001"); ok {
		t.Error("nil volumes found a code")
	}
	semi, err := ReadVolumes(strings.NewReader("Procedure code;Dossiers per year;Period;Source\n1.001;7;2024;x\n"), "semi.csv")
	if err != nil {
		t.Fatal(err)
	}
	if got, _ := semi.Lookup("1.001"); got.PerYear != 7 {
		t.Errorf("semicolon file: %+v", got)
	}
}

func TestReadVolumesErrors(t *testing.T) {
	const h = "code,dossiers_per_year,period,source\n"
	for _, tc := range []struct{ in, want string }{
		{"", "v.csv:1: empty file: a header row is required"},
		{"1.001,12000,2024,x\n", `v.csv:1: column "1.001" not known`},
		{"code,dossiers_per_year,period\n", "v.csv:1: header has no source column"},
		{"code,volume,dossiers,period,source\n", "v.csv:1: column dossiers_per_year given twice"},
		{h + "1.001,12.000,2024,x\n", `v.csv:2: dossiers per year: "12.000" is not a whole number`},
		{h + "1.001,-5,2024,x\n", `v.csv:2: dossiers per year: "-5" is not a whole number`},
		{h + "1.001,99999999999999999999,2024,x\n", "v.csv:2: dossiers per year: \"99999999999999999999\" is above"},
		{h + "1.001,5,2024,x\n\n1.001,6,2025,y\n", "v.csv:4: code 1.001 given twice (first on line 2)"},
		{h + "1.001,5,,x\n", "v.csv:2: code 1.001: period and source are required"},
		{h + ",5,2024,x\n", "v.csv:2: no procedure code"},
		{h + "1.001,5,2024,x,extra\n", "v.csv:2: 5 fields, the header has 4"},
		{h + "1.001,5,2024,\"x\n", "v.csv:2: extraneous or missing \" in quoted-field"},
	} {
		_, err := ReadVolumes(strings.NewReader(tc.in), "v.csv")
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%q: error %v, want %q", tc.in, err, tc.want)
		}
	}
}

func TestModelVolumes(t *testing.T) {
	v, err := LoadVolumesFile(filepath.Join("testdata", "volumes.csv"))
	if err != nil {
		t.Fatal(err)
	}
	m := New(nil)
	mv := m.WithVolumes(v)
	stated := int64(40)
	for _, tc := range []struct {
		p                    *corpus.Procedure
		model                *Model
		volume               int64
		origin, period, cite string
	}{
		{&corpus.Procedure{Code: "1.001"}, mv, 12000, VolumeFromFile, "2024", "Cổng Dịch vụ công quốc gia, thống kê hồ sơ 2024"},
		{&corpus.Procedure{Code: "1.001", AnnualVolume: &stated}, mv, 12000, VolumeFromFile, "2024", "Cổng Dịch vụ công quốc gia, thống kê hồ sơ 2024"},
		{&corpus.Procedure{Code: "1.001", AnnualVolume: &stated}, m, 40, VolumeFromRecord, "", VolumeFromRecord},
		{&corpus.Procedure{Code: "9.999"}, mv, m.Params().AnnualVolume.Value.Rat().Num().Int64(), VolumeAssumed, "", m.Params().AnnualVolume.Source},
	} {
		pc := tc.model.Procedure(tc.p)
		if pc.Volume != tc.volume || pc.VolumeOrigin != tc.origin || pc.VolumePeriod != tc.period || pc.VolumeSource != tc.cite {
			t.Errorf("%s: volume %d %s %q %q, want %d %s %q %q", tc.p.Code, pc.Volume, pc.VolumeOrigin, pc.VolumePeriod, pc.VolumeSource, tc.volume, tc.origin, tc.period, tc.cite)
		}
		if pc.VolumeMeasured != (tc.origin != VolumeAssumed) {
			t.Errorf("%s: measured %v with origin %s", tc.p.Code, pc.VolumeMeasured, pc.VolumeOrigin)
		}
		if pc.Annual.Cmp(pc.Unit.MulInt(pc.Volume)) != 0 {
			t.Errorf("%s: annual %s is not unit × volume", tc.p.Code, pc.Annual)
		}
	}
	if m.Procedure(&corpus.Procedure{Code: "1.001"}).VolumeMeasured {
		t.Error("WithVolumes changed the model it was called on")
	}
}

func TestCoverageAndCollectFirst(t *testing.T) {
	v, err := ReadVolumes(strings.NewReader("code,dossiers_per_year,period,source\nA,100,2024,s\n"), "v.csv")
	if err != nil {
		t.Fatal(err)
	}
	m := New(nil).WithVolumes(v)
	var costs []*ProcedureCost
	for i, code := range []string{"A", "B", "C", "D"} {
		p := &corpus.Procedure{Code: code, Name: code}
		for range i { // more papers, more cost
			p.Papers = append(p.Papers, corpus.Paper{Text: "Tờ khai"})
		}
		costs = append(costs, m.Procedure(p))
	}
	c := Cover(costs)
	if c.Procedures != 4 || c.VolumeMeasured != 1 || c.VolumeAssumed != 3 || c.FromSheet != 0 ||
		c.VolumeMeasuredAnnual.Add(c.VolumeAssumedAnnual).Cmp(c.Annual) != 0 || c.VolumeMeasuredAnnual.Cmp(costs[0].Annual) != 0 {
		t.Errorf("coverage %+v", c)
	}
	var got []string
	for _, pc := range CollectFirst(costs, 2) {
		got = append(got, pc.Code)
	}
	if fmt.Sprint(got) != "[D C]" {
		t.Errorf("collect first %v, want [D C]", got)
	}
	if len(CollectFirst(costs, 0)) != 3 {
		t.Error("n = 0 must list every assumed volume")
	}
}

func TestNotIn(t *testing.T) {
	v, err := LoadVolumesFile(filepath.Join("testdata", "volumes.csv"))
	if err != nil {
		t.Fatal(err)
	}
	if got := fmt.Sprint(v.NotIn([]string{"1.001", "3.003"})); got != "[2.002]" {
		t.Errorf("volumes not in the records: %s, want [2.002]", got)
	}
	s := loadSheets(t)
	if got := fmt.Sprint(s.NotIn([]string{" 1.001 "})); got != "[HN.293]" {
		t.Errorf("sheets not in the records: %s, want [HN.293]", got)
	}
	if got := (*Volumes)(nil).NotIn([]string{"x"}); got != nil {
		t.Errorf("nil volumes: %v", got)
	}
}
