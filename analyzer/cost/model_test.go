package cost

import (
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/redtape-vn/redtape/corpus"
)

func testParams(t *testing.T) *Params {
	t.Helper()
	p, err := LoadParamsFile(filepath.Join("..", "..", "testdata", "estimate", "params.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// TestProcedureByHand costs sample() with testdata/estimate/params.yaml
// (an hour is worth 10,000 đồng):
//
//	learning 1h; "Tờ khai" form 1h; certified copy: document 0.5h +
//	certifying 1h + 2 pages × 2,000; the average of case 1 (judicial
//	record, 4h + 200,000) and case 2 (optional photo as a document, 0.5h ×
//	0.5), each half the dossiers (Circular 02/2017/TT-VPCP Art. 27: the
//	average, not the most demanding case): 2.125h + 100,000; in person or
//	online half each: 2.5h; 3 calendar days = 15/7 working days × 0.25h =
//	15/28h; fee 150,000 (the online channel states none, so takes the
//	in-person fee: measured).
//	hours 8.125 + 15/28 = 485/56; unit = 86,607.14… + 254,000 = 340,607.142857…
func TestProcedureByHand(t *testing.T) {
	m := New(testParams(t))
	pc := m.Procedure(sample())
	wantHours := Frac(65, 8).Add(Frac(15, 28))
	checkEq(t, "hours", pc.Hours, wantHours)
	wantUnit := wantHours.MulInt(10000).Add(Int(254000))
	checkEq(t, "unit", pc.Unit, wantUnit)
	if pc.Unit.Format(2) != "340,607.14" {
		t.Errorf("unit = %s", pc.Unit.Format(2))
	}
	checkEq(t, "unit assumed", pc.UnitAssumed, wantUnit.Sub(Int(150000)))
	checkEq(t, "fees", pc.Fees, Int(150000))
	if pc.Volume != 1000 || pc.VolumeMeasured {
		t.Errorf("volume = %d measured %v", pc.Volume, pc.VolumeMeasured)
	}
	checkEq(t, "annual", pc.Annual, wantUnit.MulInt(1000))
	checkEq(t, "annual assumed", pc.AnnualAssumed, pc.Annual)

	var acts []string
	for _, c := range pc.Components {
		acts = append(acts, c.Activity+":"+c.Kind)
	}
	want := []string{"learning:", "paper:form", "paper:document", "certified_copy:document", "paper:judicial_record", "paper:document", "submission:", "waiting:", "fees:"}
	if !reflect.DeepEqual(acts, want) {
		t.Errorf("components = %v, want %v", acts, want)
	}
	cert := pc.Components[3]
	if !reflect.DeepEqual(cert.Measured, []string{InputPaper, InputCertified, InputCopies}) {
		t.Errorf("certified copy measured = %v", cert.Measured)
	}
	fees := pc.Components[len(pc.Components)-1]
	if fees.IsAssumed() || !reflect.DeepEqual(fees.Measured, []string{InputFees}) {
		t.Errorf("fees component = %+v", fees)
	}
	if len(pc.Notes) != 2 || !strings.Contains(pc.Notes[1], "average of its 2 cases") {
		t.Errorf("notes = %q", pc.Notes)
	}

	// With a measured volume only the assumed part of the unit is assumed.
	p := sample()
	v := int64(40)
	p.AnnualVolume = &v
	pc = m.Procedure(p)
	checkEq(t, "annual assumed, measured volume", pc.AnnualAssumed, pc.UnitAssumed.MulInt(40))
	if got := pc.AssumedShare().Format(4); got != pc.UnitAssumed.Div(pc.Unit).Format(4) {
		t.Errorf("assumed share = %s", got)
	}
}

func checkEq(t *testing.T, what string, got, want Amount) {
	t.Helper()
	if got.Cmp(want) != 0 {
		t.Errorf("%s = %s, want %s", what, got.Rat().RatString(), want.Rat().RatString())
	}
}

func TestProcedureUnknowns(t *testing.T) {
	m := New(testParams(t))
	free := int64(0)
	low, high := int64(100000), int64(300000)
	for _, tc := range []struct {
		name     string
		p        corpus.Procedure
		fees     int64
		unknown  []string
		assumed  bool // fee component assumed
		noteWord string
	}{
		{"nothing stated", corpus.Procedure{Name: "A"}, 0, []string{"fees", "processing time"}, true, "no channel"},
		{"free", corpus.Procedure{Name: "B", Channels: []corpus.Channel{{Mode: corpus.ModeInPerson, Fees: []corpus.Fee{{Text: "Miễn phí", Amount: &free}}}}}, 0, []string{"processing time"}, false, ""},
		{"unparsed amount", corpus.Procedure{Name: "C", Channels: []corpus.Channel{{Mode: corpus.ModePost, Fees: []corpus.Fee{{Text: "theo quy định"}}}}}, 0, []string{"fee amount", "processing time"}, true, ""},
		{"same fee twice", corpus.Procedure{Name: "D", Channels: []corpus.Channel{{Mode: corpus.ModeInPerson, Fees: []corpus.Fee{{Text: "Lệ phí 100.000", Amount: &low, Kind: "charge"}, {Text: "100.000 đồng", Amount: &low, Kind: "charge"}}}}}, 100000, []string{"processing time"}, false, ""},
		{"alternative tariffs: the mean", corpus.Procedure{Name: "F", Channels: []corpus.Channel{{Mode: corpus.ModeInPerson, Fees: []corpus.Fee{
			{Text: "Phí : 2.000.000 Đồng", Amount: i64(2000000), Kind: "fee"}, {Text: "Phí : 3.500.000 Đồng", Amount: i64(3500000), Kind: "fee"},
			{Text: "Phí : 4.000.000 Đồng", Amount: i64(4000000), Kind: "fee"}, {Text: "Phí : 5.000.000 Đồng", Amount: i64(5000000), Kind: "fee"}}}}},
			3625000, []string{"processing time"}, true, ""},
		{"fee and charge add up", corpus.Procedure{Name: "G", Channels: []corpus.Channel{{Mode: corpus.ModeInPerson, Fees: []corpus.Fee{
			{Text: "Phí thẩm định 500.000", Amount: i64(500000), Kind: "fee"}, {Text: "Lệ phí 200.000", Amount: i64(200000), Kind: "charge"}}}}},
			700000, []string{"processing time"}, false, ""},
		{"an untyped repeat is dropped, an untyped other joins the only kind", corpus.Procedure{Name: "H", Channels: []corpus.Channel{{Mode: corpus.ModeInPerson, Fees: []corpus.Fee{
			{Text: "Phí : 50.000 Đồng", Amount: i64(50000), Kind: "fee"}, {Text: "50.000 đồng/hồ sơ", Amount: i64(50000)},
			{Text: "Riêng sơ tuyển các ngành năng khiếu: 120.000 đồng/hồ sơ", Amount: i64(120000)}}}}},
			85000, []string{"processing time"}, true, ""},
		{"a cap is not averaged into the tariff", feeProc(corpus.Fee{Text: "Phí: 2.500 đồng/trang", Amount: i64(2500), Kind: "fee"},
			corpus.Fee{Text: "Phí: 2.500 đồng/trang, tối đa 200.000 đồng", Amount: i64(200000), Kind: "fee"}),
			2500, []string{"processing time"}, false, ""},
		{"a tariff above an untyped cap is held to it", feeProc(corpus.Fee{Text: "Phí: 300.000 đồng", Amount: i64(300000), Kind: "fee"},
			corpus.Fee{Text: "không quá 200.000 đồng", Amount: i64(200000)}),
			200000, []string{"processing time"}, false, ""},
		{"a floor raises a lower tariff", feeProc(corpus.Fee{Text: "Lệ phí: 20.000 đồng/trang", Amount: i64(20000), Kind: "charge"},
			corpus.Fee{Text: "tối thiểu 50.000 đồng", Amount: i64(50000), Kind: "charge"}),
			50000, []string{"processing time"}, false, ""},
		{"alternatives averaged below their cap", feeProc(corpus.Fee{Text: "Phí: 2.000.000 đồng", Amount: i64(2000000), Kind: "fee"},
			corpus.Fee{Text: "Phí: 3.500.000 đồng", Amount: i64(3500000), Kind: "fee"},
			corpus.Fee{Text: "Phí tối đa 3.000.000 đồng", Amount: i64(3000000), Kind: "fee"}),
			2750000, []string{"processing time"}, true, ""},
		{"a cap alone is the fee, assumed", feeProc(corpus.Fee{Text: "Phí: không quá 1.000.000 đồng", Amount: i64(1000000), Kind: "fee"}),
			1000000, []string{"processing time"}, true, ""},
		{"an untyped cap beside two kinds bounds neither", feeProc(corpus.Fee{Text: "Phí 100.000", Amount: i64(100000), Kind: "fee"},
			corpus.Fee{Text: "Lệ phí 50.000", Amount: i64(50000), Kind: "charge"}, corpus.Fee{Text: "tối đa 120.000 đồng", Amount: i64(120000)}),
			150000, []string{"processing time"}, false, ""},
		{"a limit word before another number is no limit", feeProc(corpus.Fee{Text: "145 USD(Thẻ tạm trú có thời hạn không quá 02 năm: 145 USD/thẻ.)", Amount: i64(145)}),
			145, []string{"processing time"}, false, ""},
		{"online cheaper", corpus.Procedure{Name: "E", Channels: []corpus.Channel{
			{Mode: corpus.ModeInPerson, Fees: []corpus.Fee{{Text: "300.000", Amount: &high}}},
			{Mode: corpus.ModeOnline, Fees: []corpus.Fee{{Text: "100.000", Amount: &low}}}}}, 200000, []string{"processing time"}, true, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			pc := m.Procedure(&tc.p)
			checkEq(t, "fees", pc.Fees, Int(tc.fees))
			if !reflect.DeepEqual(pc.Unknown, tc.unknown) {
				t.Errorf("unknown = %q, want %q", pc.Unknown, tc.unknown)
			}
			if got := pc.Components[len(pc.Components)-1].IsAssumed(); got != tc.assumed {
				t.Errorf("fee component assumed = %v", got)
			}
			if tc.noteWord != "" && !strings.Contains(strings.Join(pc.Notes, ";"), tc.noteWord) {
				t.Errorf("notes = %q", pc.Notes)
			}
		})
	}
}

func i64(n int64) *int64 { return &n }

// feeProc is a procedure with one in-person channel stating fees.
func feeProc(fees ...corpus.Fee) corpus.Procedure {
	return corpus.Procedure{Name: "fees", Channels: []corpus.Channel{{Mode: corpus.ModeInPerson, Fees: fees}}}
}

func TestLimitOf(t *testing.T) {
	for _, tc := range []struct {
		text   string
		amount *int64
		want   feeLimit
	}{
		{"Phí: 2.500 đồng/trang, tối đa 200.000 đồng", i64(200000), ceiling},
		{"Phí: 2.500 đồng/trang, tối đa 200.000 đồng", i64(2500), tariff},
		{"không quá 1.000.000 đồng", i64(1000000), ceiling},
		{"Lệ phí: không vượt quá 500.000đ/hồ sơ", i64(500000), ceiling},
		{"mức thu tối đa không quá 2 triệu đồng", i64(2000000), ceiling},
		{"TỐI ĐA 1,000,000 ĐỒNG/LẦN", i64(1000000), ceiling},
		{"Tối thiểu 50.000 đồng/hồ sơ", i64(50000), floor},
		{"ít nhất: 100.000 đồng", i64(100000), floor},
		{"4,500,000 Việt Nam Đồng(Lệ phí: 4.500.000 Đồng)", i64(4500000), tariff},
		{"145 USD(Thẻ tạm trú có thời hạn không quá 02 năm: 145 USD/thẻ.)", i64(145), tariff},
		{"Phí 50.000 đồng, tối đa 3 lần/năm", i64(50000), tariff},
		{"Phí 3 đồng, tối đa 3", i64(3), ceiling},
		{"tối đa 200.000 đồng", nil, tariff},
		{"tối đa", i64(0), tariff},
	} {
		if got := limitOf(corpus.Fee{Text: tc.text, Amount: tc.amount}); got != tc.want {
			t.Errorf("limitOf(%q, %v) = %d, want %d", tc.text, tc.amount, got, tc.want)
		}
	}
}

func TestChannelWeights(t *testing.T) {
	m := New(testParams(t))
	ch := func(modes ...corpus.ChannelMode) *corpus.Procedure {
		p := &corpus.Procedure{Name: "x"}
		for _, md := range modes {
			p.Channels = append(p.Channels, corpus.Channel{Mode: md})
		}
		return p
	}
	for _, tc := range []struct {
		name  string
		p     *corpus.Procedure
		hours Amount // submission hours: in person 4, online 1, post 1 (+30,000)
		cash  int64
	}{
		{"none", ch(), Int(4), 0},
		{"in person", ch(corpus.ModeInPerson), Int(4), 0},
		{"other counts as in person", ch(corpus.ModeOther), Int(4), 0},
		{"online only", ch(corpus.ModeOnline), Int(1), 0},
		{"post only", ch(corpus.ModePost), Int(1), 30000},
		{"all three: online half, in person half", ch(corpus.ModeInPerson, corpus.ModeOnline, corpus.ModePost), Frac(5, 2), 0},
		{"online and post", ch(corpus.ModeOnline, corpus.ModePost), Int(1), 15000},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var sub Component
			for _, c := range m.Procedure(tc.p).Components {
				if c.Activity == ActivitySubmission {
					sub = c
				}
			}
			checkEq(t, "hours", sub.Hours, tc.hours)
			checkEq(t, "cash", sub.Cash, Int(tc.cash))
		})
	}
}

// TestLookedUp: looking up a health certificate's data keeps the
// examination (kept_when_looked_up 1 in the defaults), half of it at a
// share of 0.5; a judicial record or a certified copy keeps nothing.
func TestLookedUp(t *testing.T) {
	p := &corpus.Procedure{Papers: []corpus.Paper{
		{Text: "Giấy khám sức khỏe do cơ sở y tế có thẩm quyền cấp"},
		{Text: "Phiếu lý lịch tư pháp"},
		{Text: "Bản sao có chứng thực Giấy khai sinh"},
	}}
	m := New(nil)
	kept := m.LookedUp(p, 0)
	if len(kept) != 1 || kept[0].Activity != ActivityLookedUp || kept[0].Kind != "health_certificate" {
		t.Fatalf("LookedUp(health certificate) = %+v", kept)
	}
	var exam Component
	for _, c := range m.Procedure(p).Components {
		if c.Paper == 0 && c.Activity == ActivityPaper {
			exam = c
		}
	}
	checkEq(t, "kept cost", kept[0].Cost, exam.Cost)
	if !strings.Contains(strings.Join(kept[0].Assumed, " "), "paper_kinds.health_certificate.kept_when_looked_up") {
		t.Errorf("assumed %v does not name the share", kept[0].Assumed)
	}
	for i := 1; i < 3; i++ {
		if got := m.LookedUp(p, i); got != nil {
			t.Errorf("LookedUp(paper %d) = %+v, want nothing kept", i, got)
		}
	}
	half, err := LoadParams(strings.NewReader("schema: "+ParamsSchema+`
paper_kinds:
  - {id: health_certificate, keywords: ["kham suc khoe"], hours: 4, cash: 300000, kept_when_looked_up: 0.5}
  - {id: document, hours: 1, cash: 0}
  - {id: form, hours: 1, cash: 0}
`), "half.yaml")
	if err != nil {
		t.Fatal(err)
	}
	mh := New(half)
	got := mh.LookedUp(p, 0)
	if len(got) != 1 {
		t.Fatalf("LookedUp at 0.5 = %+v", got)
	}
	checkEq(t, "half kept", got[0].Cost, Int(2).Mul(mh.HourlyValue()).Add(Int(150000)))
	pc := mh.Procedure(p)
	with := pc.With(got, "looked up")
	checkEq(t, "unit with kept", with.Unit, pc.Unit.Add(got[0].Cost))
	checkEq(t, "annual with kept", with.Annual, with.Unit.MulInt(with.Volume))
	if _, err := LoadParams(strings.NewReader("schema: "+ParamsSchema+`
paper_kinds:
  - {id: health_certificate, hours: 4, cash: 300000, kept_when_looked_up: 2}
  - {id: document, hours: 1, cash: 0}
  - {id: form, hours: 1, cash: 0}
`), "bad.yaml"); err == nil || !strings.Contains(err.Error(), "kept_when_looked_up must be between 0 and 1") {
		t.Errorf("a share above 1 gives %v", err)
	}
}

// An override keeps the default's Vietnamese unit when it gives no unit of
// its own, and drops it when it gives one.
func TestLoadParamsVietnamese(t *testing.T) {
	p, err := LoadParams(strings.NewReader("schema: "+ParamsSchema+`
learning_hours: 2
online_share: {value: 0.8, unit: share of dossiers, source: "ministry figures"}
`), "mine.yaml")
	if err != nil {
		t.Fatal(err)
	}
	if p.LearningHours.UnitVi != "giờ/hồ sơ" || p.LearningHours.SourceVi != "" {
		t.Errorf("learning_hours: unit_vi %q source_vi %q", p.LearningHours.UnitVi, p.LearningHours.SourceVi)
	}
	if p.OnlineShare.UnitVi != "" || p.OnlineShare.Unit != "share of dossiers" {
		t.Errorf("online_share: unit %q unit_vi %q", p.OnlineShare.Unit, p.OnlineShare.UnitVi)
	}
}
