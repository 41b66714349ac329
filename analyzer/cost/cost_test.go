package cost

import (
	"fmt"
	"reflect"
	"strings"
	"testing"

	"github.com/redtape-vn/redtape/corpus"
)

func amt(t *testing.T, s string) Amount {
	t.Helper()
	a, err := ParseAmount(s)
	if err != nil {
		t.Fatal(err)
	}
	return a
}

// The worked examples of ../shared/reference/cost-model.md, reproduced exactly.
func TestWorkedExamples(t *testing.T) {
	p := Default()
	hourly := p.HourlyValue()
	if got := hourly.Format(2); got != "30,681.82" {
		t.Errorf("hourly value = %s, want 30,681.82", got)
	}
	if hourly.Cmp(Frac(5400000, 176)) != 0 {
		t.Errorf("hourly value is not exactly 5,400,000/22/8: %s", hourly.Rat())
	}

	for _, tc := range []struct {
		pages int
		want  int64
	}{{1, 2000}, {2, 4000}, {3, 5000}, {10, 12000}, {199, 200000}, {198, 200000}, {197, 199000}, {1000, 200000}, {0, 0}} {
		if got := p.CertifiedCopy.Fee(tc.pages); got.Cmp(Int(tc.want)) != 0 {
			t.Errorf("certified copy of %d pages = %s, want %d", tc.pages, got, tc.want)
		}
	}

	// Tax reporting: 12 reports × 250,000 × 325,000 firms; cut to 4 reports.
	before := Annual(Int(250000), Int(325000), Int(12))
	after := Annual(Int(250000), Int(325000), Int(4))
	if before.Cmp(Int(975_000_000_000)) != 0 {
		t.Errorf("tax reporting before = %s, want 975,000,000,000", before)
	}
	saving, pct := Cut(before, after)
	if saving.Cmp(Int(650_000_000_000)) != 0 || pct.Format(2) != "66.67" {
		t.Errorf("tax reporting cut = %s (%s%%), want 650,000,000,000 (66.67%%)", saving, pct.Format(2))
	}

	// Ministry of Construction: 393.4 → 201 billion.
	saving, pct = Cut(amt(t, "393.4e9"), Int(201e9))
	if saving.Cmp(amt(t, "192.4e9")) != 0 || pct.Format(2) != "48.91" {
		t.Errorf("construction cut = %s (%s%%), want 192,400,000,000 (48.91%%)", saving, pct.Format(2))
	}

	// SCM: 240 min × €45/h + €10 = €190 × 1.8 million = €342m.
	price := Price(Frac(240, 60), Int(45), Int(10))
	if price.Cmp(Int(190)) != 0 {
		t.Errorf("SCM price = %s, want 190", price)
	}
	if got := Annual(price, Int(1_800_000), Int(1)); got.Cmp(Int(342_000_000)) != 0 {
		t.Errorf("SCM annual = %s, want 342,000,000", got)
	}
	// SCM: $50/h × 2 h × 1,000 firms × 12/yr = $1,200,000.
	if got := Annual(Price(Int(2), Int(50), Amount{}), Int(1000), Int(12)); got.Format(0) != "1,200,000" {
		t.Errorf("SCM annual = %s, want 1,200,000", got)
	}
}

func TestAmountFormat(t *testing.T) {
	for _, tc := range []struct {
		in       string
		decimals int
		format   string
		decimal  string
		exact    string
	}{
		{"0", 0, "0", "0", "0"},
		{"5/7", 2, "0.71", "0.71", "5/7"},
		{"-5/7", 2, "-0.71", "-0.71", "-5/7"},
		{"1/200", 2, "0.01", "0.01", "1/200"},     // half rounds away from zero
		{"-1/200", 2, "-0.01", "-0.01", "-1/200"}, // half rounds away from zero
		{"-1/1000", 2, "0.00", "0", "-1/1000"},
		{"1234567.5", 0, "1,234,568", "1234568", "2469135/2"},
		{"999.995", 2, "1,000.00", "1000", "199999/200"},
		{"100", 2, "100.00", "100", "100"},
		{"-1234", 0, "-1,234", "-1234", "-1234"},
		{"5400000/176", 2, "30,681.82", "30681.82", "337500/11"},
		{"123456789012345678901234567890", 0, "123,456,789,012,345,678,901,234,567,890", "123456789012345678901234567890", "123456789012345678901234567890"},
	} {
		a := amt(t, tc.in)
		if got := a.Format(tc.decimals); got != tc.format {
			t.Errorf("Format(%s, %d) = %q, want %q", tc.in, tc.decimals, got, tc.format)
		}
		if got := a.Decimal(tc.decimals); got != tc.decimal {
			t.Errorf("Decimal(%s, %d) = %q, want %q", tc.in, tc.decimals, got, tc.decimal)
		}
		if got := a.Exact(); got != tc.exact {
			t.Errorf("Exact(%s) = %q, want %q", tc.in, got, tc.exact)
		}
	}
	if _, err := ParseAmount("5,400,000"); err == nil {
		t.Error("ParseAmount accepted thousands separators")
	}
	var a Amount
	if err := a.UnmarshalJSON([]byte(`"30681.82"`)); err != nil || a.Format(2) != "30,681.82" {
		t.Errorf("UnmarshalJSON = %s, %v", a.Format(2), err)
	}
}

func TestDefaultParamsCiteSources(t *testing.T) {
	p := Default()
	for _, np := range p.All() {
		if np.Param.Origin != DefaultOrigin {
			t.Errorf("%s: origin %q", np.Name, np.Param.Origin)
		}
		if np.Param.Source == "" {
			t.Errorf("%s: no source", np.Name)
		}
		// Vietnamese reports print the Vietnamese unit and source.
		if np.Param.SourceVi == "" || np.Param.Unit != "" && np.Param.UnitVi == "" {
			t.Errorf("%s: no Vietnamese unit or source", np.Name)
		}
		// An assumption of this tool must say it is unconfirmed.
		if strings.Contains(np.Param.Source, "assumption") && !np.Param.Unconfirmed {
			t.Errorf("%s: an assumption not marked unconfirmed", np.Name)
		}
	}
	if p.CertifiedCopy.SourceVi == "" {
		t.Error("certified_copy: no Vietnamese source")
	}
	// The figures the reference marks unconfirmed stay marked.
	if !p.TimeValue.WorkingDaysPerMonth.Unconfirmed || !p.TimeValue.HoursPerDay.Unconfirmed {
		t.Error("the 22-day and 8-hour divisors are unconfirmed in the reference")
	}
}

func TestLoadParamsOverride(t *testing.T) {
	file := `
time_value:
  monthly_income: 7600000
online_share:
  value: 0.8
  source: ministry survey 2026
certified_copy:
  pages_per_copy: 3
`
	p, err := LoadParams(strings.NewReader(file), "mine.yaml")
	if err != nil {
		t.Fatal(err)
	}
	if got := p.HourlyValue(); got.Cmp(Frac(7600000, 176)) != 0 {
		t.Errorf("hourly value = %s", got.Format(2))
	}
	mi := p.TimeValue.MonthlyIncome
	if mi.Origin != "mine.yaml" || mi.Source != "" || mi.Unit != "VND per person per month" {
		t.Errorf("overridden income = %+v", mi)
	}
	if p.TimeValue.HoursPerDay.Origin != DefaultOrigin {
		t.Errorf("untouched parameter origin = %q", p.TimeValue.HoursPerDay.Origin)
	}
	if p.OnlineShare.Source != "ministry survey 2026" || p.OnlineShare.Value.Cmp(Frac(4, 5)) != 0 {
		t.Errorf("online share = %+v", p.OnlineShare)
	}
	if len(p.PaperKinds) != len(Default().PaperKinds) {
		t.Errorf("paper kinds not kept: %d", len(p.PaperKinds))
	}
	if p.CertifiedCopy.Source == "" {
		t.Error("certified copy source lost")
	}
}

// TestLoadParamsOver layers a second file over a loaded one: its figures
// win, the first file's stay with their origin, the defaults keep theirs,
// and neither layer below is changed. Over the defaults it reads as
// LoadParams does.
func TestLoadParamsOver(t *testing.T) {
	first, err := LoadParams(strings.NewReader("learning_hours: 3\nonline_share: 0.5\n"), "first.yaml")
	if err != nil {
		t.Fatal(err)
	}
	kinds := "paper_kinds:\n  - {id: form, keywords: [\"tờ khai\"], hours: 1, cash: 0, kept_when_looked_up: 0.5}\n  - {id: document, hours: 0.5, cash: 0}\n"
	second, err := LoadParamsOver(strings.NewReader("online_share: 0.25\n"+kinds), "second.yaml", first)
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name   string
		q      Param
		value  Amount
		origin string
	}{
		{"online_share", second.OnlineShare, Frac(1, 4), "second.yaml"},
		{"learning_hours", second.LearningHours, Int(3), "first.yaml"},
		{"hours_per_day", second.TimeValue.HoursPerDay, Default().TimeValue.HoursPerDay.Value, DefaultOrigin},
		{"first online_share", first.OnlineShare, Frac(1, 2), "first.yaml"},
	} {
		if tc.q.Value.Cmp(tc.value) != 0 || tc.q.Origin != tc.origin {
			t.Errorf("%s = %s from %s, want %s from %s", tc.name, tc.q.Value.Exact(), tc.q.Origin, tc.value.Exact(), tc.origin)
		}
	}
	if len(second.PaperKinds) != 2 || len(first.PaperKinds) != len(Default().PaperKinds) {
		t.Errorf("paper kinds: %d over %d", len(second.PaperKinds), len(first.PaperKinds))
	}
	// A third file over second leaves second's kinds, pointer included, alone.
	third, err := LoadParamsOver(strings.NewReader("head_words: 2\n"), "third.yaml", second)
	if err != nil {
		t.Fatal(err)
	}
	if third.PaperKinds[0].KeptWhenLookedUp == second.PaperKinds[0].KeptWhenLookedUp {
		t.Error("the layers share a paper kind's parameter")
	}
	if k := New(second).PaperKind(&corpus.Paper{Text: "Tờ khai đăng ký"}); k.ID != "form" || k.KeptWhenLookedUp.Origin != "second.yaml" {
		t.Errorf("second's kind of a form: %+v", k)
	}
	for _, file := range []string{"", "learning_hours: 2\n", kinds, "online_share: 2\n"} {
		a, errA := LoadParams(strings.NewReader(file), "f.yaml")
		b, errB := LoadParamsOver(strings.NewReader(file), "f.yaml", Default())
		if !reflect.DeepEqual(a, b) || fmt.Sprint(errA) != fmt.Sprint(errB) {
			t.Errorf("%q: LoadParams and LoadParamsOver the defaults differ (%v, %v)", file, errA, errB)
		}
	}
}

func TestLoadParamsErrors(t *testing.T) {
	for _, tc := range []struct{ name, file, want string }{
		{"unknown key", "online_shar: 0.3\n", "online_shar"},
		{"unknown key in a figure", "online_share: {value: 0.3, sorce: survey}\n", "sorce"},
		{"unknown key in a tier", "certified_copy:\n  tiers: [{from_page: 1, per_pag: 5}]\n", "per_pag"},
		{"negative", "learning_hours: -1\n", "negative"},
		{"share above one", "online_share: 1.5\n", "between 0 and 1"},
		{"zero divisor", "time_value:\n  hours_per_day: 0\n", "positive"},
		{"not a number", "annual_volume: lots\n", "not a number"},
		{"fractional volume", "annual_volume: 10.5\n", "whole number"},
		{"wrong schema", "schema: other/v9\n", "schema"},
		{"tiers", "certified_copy:\n  tiers: [{from_page: 2, per_page: 1}]\n", "from_page 1"},
		{"fallback", "paper_kinds: [{id: x, hours: 1, cash: 0}]\n", "fallback kind"},
		{"duplicate kind", "paper_kinds: [{id: form, hours: 1, cash: 0}, {id: form, hours: 1, cash: 0}, {id: document, hours: 0, cash: 0}]\n", "twice"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := LoadParams(strings.NewReader(tc.file), "bad.yaml")
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("error = %v, want %q", err, tc.want)
			}
		})
	}
}

func TestPaperKind(t *testing.T) {
	m := New(nil)
	for _, tc := range []struct {
		text  string
		forms []string
		want  string
	}{
		{"Phiếu lý lịch tư pháp số 1", nil, "judicial_record"},
		{"PHIẾU LÝ LỊCH TƯ PHÁP", nil, "judicial_record"},
		{"Giấy khám sức khỏe do cơ sở y tế cấp", nil, "health_certificate"},
		{"Giấy chứng nhận sức khoẻ", nil, "health_certificate"},
		{"02 ảnh thẻ cỡ 4x6", nil, "photo"},
		{"Anh chị em ruột", nil, "document"}, // "anh" alone is not a photo
		{"Tờ khai đăng ký", []string{"TK.docx"}, "form"},
		{"Đơn đề nghị cấp giấy phép", nil, "form"},
		{"Giấy đề nghị", []string{"mau-01.doc"}, "form"},
		{"Giấy chứng nhận", nil, "document"},
		{"Văn bản xác nhận của Ủy ban nhân dân cấp xã", nil, "attestation"},
		{"Công văn đề nghị cấp phép", nil, "form"},
		{"Danh sách thành viên", nil, "form"},
		{"Giấy đề nghị cấp phép", nil, "form"},
		// The kind is named by the first words, after enumerators and copy wording.
		{"b) Bản sao Quyết định đầu tư dự án và các dự án thành phần", nil, "document"},
		{"(iii) Phương án giải quyết nợ (nếu có).", nil, "technical"},
		{"Đơn đề nghị sửa đổi dự án theo Mẫu số 05", nil, "form"},
		{"Vào lần rút vốn đầu tiên, Chủ dự án gửi quyết định giao dự toán", nil, "document"},
		{"+ 01 bản chính hoặc bản sao Phiếu lý lịch tư pháp", nil, "judicial_record"},
		{"Tài liệu bằng tiếng nước ngoài phải gửi kèm bản dịch sang tiếng Việt", nil, "translation"},
		{"Báo cáo tình hình hoạt động", nil, "report"},
		{"Phương án kinh doanh", nil, "technical"},
		{"Bản dịch tiếng Việt có chứng thực", nil, "translation"},
		{"Bản sao Căn cước (không phải nộp, cơ quan khai thác thông tin)", nil, "not_required"},
		{"Bản sao giấy chứng nhận đăng ký doanh nghiệp", nil, "document"},
	} {
		pp := corpus.Paper{Text: tc.text, Forms: tc.forms}
		if got := m.PaperKind(&pp).ID; got != tc.want {
			t.Errorf("PaperKind(%q) = %s, want %s", tc.text, got, tc.want)
		}
	}
}

func TestExtraKinds(t *testing.T) {
	m := New(nil)
	for _, tc := range []struct {
		text string
		want string // primary kind, then extras
	}{
		{"Danh sách nhân sự, bản thông tin cá nhân, Phiếu lý lịch tư pháp", "form judicial_record"},
		{"Bản khai lý lịch kèm theo Phiếu lý lịch tư pháp và giấy khám sức khỏe", "form judicial_record health_certificate"},
		{"Tờ khai yêu cầu cấp Phiếu Lý lịch tư pháp", "form"},
		{"Văn bản yêu cầu cấp Phiếu Lý lịch tư pháp số 1", "document"},
		{"Phiếu lý lịch tư pháp của người đại diện", "judicial_record"},
		{"Giấy chứng nhận sức khỏe do cơ sở y tế cấp", "health_certificate"},
	} {
		pp := corpus.Paper{Text: tc.text}
		var got []string
		for _, c := range m.paper(0, &pp) {
			if c.Activity == ActivityPaper || c.Activity == ActivityExtraPaper {
				got = append(got, c.Kind)
			}
		}
		if strings.Join(got, " ") != tc.want {
			t.Errorf("%q: kinds %v, want %s", tc.text, got, tc.want)
		}
	}
}
