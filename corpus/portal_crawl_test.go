package corpus

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"golang.org/x/text/unicode/norm"
)

// sharedDir returns ../shared relative to the repository root, skipping the
// test when it is absent.
func sharedDir(t testing.TB) string {
	t.Helper()
	dir := filepath.Join("..", "..", "shared")
	if _, err := os.Stat(filepath.Join(dir, "corpus", "portal-crawl")); err != nil {
		t.Skipf("shared corpus not found at %s (tests that read real records need ../shared next to the repository): %v", dir, err)
	}
	return dir
}

// portalFixture is a record in the portal crawl's shape, written for this
// test (not copied from the crawl).
func portalFixture(dir string) map[string]string {
	return map[string]string{
		"ma_thu_tuc":            "9.999001",
		"detail_url":            "https://dichvucong.gov.vn/thu-tuc-hanh-chinh/example",
		"formality_id":          "example",
		"ten_thu_tuc":           "Cấp  giấy phép thử nghiệm",
		"so_quyet_dinh":         "15/QĐ-BCA",
		"cap_thuc_hien":         "Cấp tỉnh, Cấp xã",
		"loai_thu_tuc":          "Loại khác",
		"linh_vuc":              "Thử nghiệm",
		"doi_tuong_thuc_hien":   "Tổ chức (không bao gồm doanh nghiệp, HTX), Công dân Việt Nam",
		"co_quan_co_tham_quyen": "Không có thông tin",
		"co_quan_thuc_hien":     "Thuế tỉnh, thành phố, Cục Thuế",
		"trinh_tu_thuc_hien":    "Bước 1: Nộp hồ sơ.\nBước 2: Nhận kết quả tại Bước 1 nêu trên.",
		"cach_thuc_thuc_hien": "Hình thức nộpThời gianPhí, lệ phíMô tảTrực tuyến5 Ngày làm việc50 VNĐ(Lệ phí: 50.000 đồng/lần)" +
			"- Trực tuyến: nộp qua Cổng dịch vụ công.Trực tiếpKhông có thông tinMiễn phíDịch vụ bưu chính2Miễn phí",
		"thanh_phan_ho_so": "Trường hợp cấp mớiTên giấy tờMẫu đơn, tờ khaiSố lượngĐơn đề nghị theo Mẫu số 01 ban hành kèm theo Thông tư số 10/2026/TT-BCA;Mẫu số 01.docx1 bản chính" +
			"Bản sao có chứng thực giấy tờ tùy thân0 bản chính,1 bản sao" +
			"Trường hợp cấp lạiTên giấy tờMẫu đơn, tờ khaiSố lượngTờ khai, trong đó nộp 02 bản chính tờ khai giấy (nếu có)1 bản chính",
		"can_cu_phap_ly":    "Tên văn bản pháp lýMã văn bảnLuật 26/2023/QH1526/2023/QH15Thông tư hướng dẫn10/2026/TT-BCA",
		"yeu_cau_dieu_kien": "Không có thông tin",
		"ket_qua_xu_ly":     "Giấy phépMã: KQ.G05.000001Văn bản từ chốiMã: KQ.G05.000002Từ khóaKhông có thông tinMô tảKhông có thông tinChọn cơ quan thực hiện",
		"raw_text":          "",
	}
}

func TestPortalCrawlFixture(t *testing.T) {
	data, err := json.Marshal(portalFixture("bo-cong-an"))
	if err != nil {
		t.Fatal(err)
	}
	var got []*Procedure
	sum, err := ReadData(context.Background(), "x/bo-cong-an/9.999001.json", data, Options{}, func(p *Procedure) error {
		got = append(got, p)
		return nil
	})
	if err != nil || sum.Failed() || len(got) != 1 {
		t.Fatalf("ReadData: %v, errors %v, %d records", err, sum.Errors, len(got))
	}
	p := got[0]
	check := func(name string, got, want any) {
		t.Helper()
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%s = %#v, want %#v", name, got, want)
		}
	}
	check("Source.Format", p.Source.Format, "portal-crawl")
	check("Name", p.Name, "Cấp giấy phép thử nghiệm")
	check("Ministry", p.Ministry, "Bộ Công an")
	check("Authority", p.Authority, []string(nil))
	check("Agencies", p.Agencies, []string{"Thuế tỉnh, thành phố", "Cục Thuế"})
	check("Levels", p.Levels, []string{"Cấp tỉnh", "Cấp xã"})
	check("Subjects", p.Subjects, []string{"Tổ chức (không bao gồm doanh nghiệp, HTX)", "Công dân Việt Nam"})
	check("Steps", p.Steps, []string{"Bước 1: Nộp hồ sơ.", "Bước 2: Nhận kết quả tại Bước 1 nêu trên."})
	check("Results", p.Results, []string{"Giấy phép", "Văn bản từ chối"})
	check("Conditions", p.Conditions, []string(nil))
	if len(p.Channels) != 3 {
		t.Fatalf("channels = %+v", p.Channels)
	}
	c := p.Channels[0]
	check("channel 0 mode", c.Mode, ModeOnline)
	check("channel 0 time", c.Time.Value, 5.0)
	check("channel 0 fee", amountString(c.Fees[0].Amount), "50000")
	check("channel 0 description", c.Description, "- Trực tuyến: nộp qua Cổng dịch vụ công.")
	check("channel 1 mode", p.Channels[1].Mode, ModeInPerson)
	check("channel 1 time", p.Channels[1].Time, (*Duration)(nil))
	check("channel 1 fee", amountString(p.Channels[1].Fees[0].Amount), "0")
	check("channel 2 mode", p.Channels[2].Mode, ModePost)
	check("channel 2 time unit", p.Channels[2].Time.Unit, TimeUnit(""))
	var nums []string
	for _, r := range p.LegalBasis {
		nums = append(nums, r.Number+"|"+r.Type+"|"+r.Title)
	}
	check("LegalBasis", nums, []string{"26/2023/QH15|Luật|Luật 26/2023/QH15", "10/2026/TT-BCA|Thông tư|Thông tư hướng dẫn"})

	type paperView struct {
		Text, Case, Quantity string
		Forms                []string
		Certified, Optional  bool
	}
	var papers []paperView
	field := norm.NFC.String(portalFixture("")["thanh_phan_ho_so"])
	for _, pp := range p.Papers {
		papers = append(papers, paperView{pp.Text, pp.Case, pp.Quantity, pp.Forms, pp.CertifiedCopy, pp.Optional})
		if pp.Span == nil || pp.Span.Field != "thanh_phan_ho_so" || string([]rune(field)[pp.Span.Start:pp.Span.End]) != pp.Text {
			t.Errorf("span of %q = %+v does not locate its text", pp.Text, pp.Span)
		}
	}
	check("Papers", papers, []paperView{
		{"Đơn đề nghị theo Mẫu số 01 ban hành kèm theo Thông tư số 10/2026/TT-BCA;", "Trường hợp cấp mới", "1 bản chính", []string{"Mẫu số 01.docx"}, false, false},
		{"Bản sao có chứng thực giấy tờ tùy thân", "Trường hợp cấp mới", "0 bản chính,1 bản sao", nil, true, false},
		{"Tờ khai, trong đó nộp 02 bản chính tờ khai giấy (nếu có)", "Trường hợp cấp lại", "1 bản chính", nil, false, true},
	})
}

func TestPortalCrawlMinistryFallback(t *testing.T) {
	data, _ := json.Marshal(portalFixture(""))
	var got *Procedure
	_, err := ReadData(context.Background(), "elsewhere/unknown-dir/9.999001.json", data, Options{}, func(p *Procedure) error {
		got = p
		return nil
	})
	if err != nil || got == nil {
		t.Fatalf("ReadData: %v", err)
	}
	if got.Ministry != "Bộ Công an" {
		t.Errorf("Ministry from decision 15/QĐ-BCA = %q, want Bộ Công an", got.Ministry)
	}
}

func TestPortalCrawlBadRecord(t *testing.T) {
	for name, data := range map[string]string{
		"truncated.json": `{"ma_thu_tuc": "1.0", "thanh_phan_ho_so": "x`,
		"wrongtype.json": `{"ma_thu_tuc": 5, "thanh_phan_ho_so": "x"}`,
		"empty.json":     `{"ma_thu_tuc": "", "ten_thu_tuc": "", "thanh_phan_ho_so": "x"}`,
	} {
		sum, err := ReadData(context.Background(), name, []byte(data), Options{Format: "portal-crawl"}, func(*Procedure) error { return nil })
		if err != nil || len(sum.Errors) != 1 || sum.Procedures != 0 {
			t.Errorf("%s: err %v, errors %v, procedures %d; want one read error", name, err, sum.Errors, sum.Procedures)
		}
	}
}

// TestPortalCrawlAllRecords reads the whole crawl: every record reads, every
// record whose dossier names a paper yields papers whose spans locate their
// text, and every record gets a ministry and its channels.
func TestPortalCrawlAllRecords(t *testing.T) {
	procs, sum := loadShared(t, "portal-crawl")
	raws := portalRawRecords(t)
	for _, e := range sum.Errors {
		t.Errorf("read error: %v", e)
	}
	if len(procs) != 1846 {
		t.Errorf("read %d procedures, want 1846", len(procs))
	}
	papers, noPapers := 0, 0
	for _, p := range procs {
		if p.Source.Format != "portal-crawl" {
			t.Errorf("%s: read as %q", p.Source.File, p.Source.Format)
			continue
		}
		if p.Ministry == "" || p.Code == "" || p.Name == "" || p.Source.URL == "" {
			t.Errorf("%s: missing ministry, code, name or URL", p.Source.File)
		}
		if len(p.Channels) == 0 {
			t.Errorf("%s: no channels", p.Source.File)
		}
		raw := raws[p.Source.File]
		if raw == nil {
			t.Fatalf("%s: no raw record", p.Source.File)
		}
		if len(p.Papers) == 0 && statesPapers(raw["thanh_phan_ho_so"]) {
			noPapers++
			t.Errorf("%s: dossier text but no papers", p.Source.File)
		}
		for _, pp := range p.Papers {
			papers++
			field := []rune(norm.NFC.String(raw[pp.Span.Field]))
			if pp.Span.Start < 0 || pp.Span.End > len(field) || pp.Span.Start >= pp.Span.End || string(field[pp.Span.Start:pp.Span.End]) != pp.Text {
				t.Errorf("%s: span %+v does not locate %q", p.Source.File, pp.Span, pp.Text)
			}
		}
	}
	t.Logf("%d procedures, %d papers, %d records with dossier text but no papers", len(procs), papers, noPapers)
}

// statesPapers reports whether a dossier field names any paper: it has text
// besides table headers, case headings and placeholders.
func statesPapers(field string) bool {
	rest := field
	for _, h := range allIndexes(field, DossierHeader) {
		rest = field[h+len(DossierHeader):]
		break
	}
	if !strings.Contains(field, DossierHeader) {
		return false // the crawl cut the field (recovered from raw_text when possible)
	}
	var b strings.Builder
	last := 0
	for _, m := range findQtyPhrases(rest) {
		b.WriteString(rest[last:m[0]])
		last = m[1]
	}
	b.WriteString(rest[last:])
	rest = b.String()
	rest = strings.ReplaceAll(rest, DossierHeader, "")
	return !IsPlaceholder(strings.Trim(rest, " \t\n."))
}

func readRawRecord(t testing.TB, path string) map[string]string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var m map[string]string
	if err := json.Unmarshal(b, &m); err != nil {
		t.Fatal(err)
	}
	return m
}

func TestParsePortalLegal(t *testing.T) {
	tests := []struct {
		in   string
		want []string // number|title
	}{
		{legalHeader + "Luật 54/2014/QH1354/2014/QH13Thông tư 92/2015/TT-BTC92/2015/TT-BTC",
			[]string{"54/2014/QH13|Luật 54/2014/QH13", "92/2015/TT-BTC|Thông tư 92/2015/TT-BTC"}},
		{legalHeader + "Hướng dẫn Pháp lệnh31/2013/NĐ-CP26/2005/PL-UBTVQH11 - Ưu đãi26/2005/PL-UBTVQH11",
			[]string{"31/2013/NĐ-CP|Hướng dẫn Pháp lệnh", "26/2005/PL-UBTVQH11|26/2005/PL-UBTVQH11 - Ưu đãi"}},
		{legalHeader + "Sửa đổi Nghị định số 06/2022/NĐ-CP về khí nhà kính83/2026/NĐ-CP",
			[]string{"83/2026/NĐ-CP|Sửa đổi Nghị định số 06/2022/NĐ-CP về khí nhà kính"}},
		{legalHeader + "Luật Đầu tư số 143/2025/QH15 ngày 11/12/2025;143/2025/QH15 Nghị định số 96/2026/NĐ-CP;96/2026/NĐ-CP",
			[]string{"143/2025/QH15|Luật Đầu tư số 143/2025/QH15 ngày 11/12/2025", "96/2026/NĐ-CP|Nghị định số 96/2026/NĐ-CP"}},
		{legalHeader + "Không có thông tin", nil},
		{legalHeader + "Quyết định 24/2024/QĐ-UBND tỉnh về mẫu hồ sơ", []string{"24/2024/QĐ-UBND|Quyết định 24/2024/QĐ-UBND tỉnh về mẫu hồ sơ"}},
		// A title ending in a year glued to the number cell keeps its year.
		{legalHeader + "Luật Xuất cảnh sửa đổi 202323/2023/QH15Luật 51/2019/QH1451/2019/QH14",
			[]string{"23/2023/QH15|Luật Xuất cảnh sửa đổi 2023", "51/2019/QH14|Luật 51/2019/QH14"}},
		{legalHeader + "Luật số 43/2024/QH15 ngày 29/6/202443/2024/QH15",
			[]string{"43/2024/QH15|Luật số 43/2024/QH15 ngày 29/6/2024"}},
	}
	for _, tt := range tests {
		var got []string
		for _, r := range parsePortalLegal(tt.in) {
			got = append(got, r.Number+"|"+r.Title)
		}
		if !reflect.DeepEqual(got, tt.want) {
			t.Errorf("parsePortalLegal(%q) =\n %q\nwant\n %q", tt.in, got, tt.want)
		}
	}
}

func TestParsePortalChannels(t *testing.T) {
	in := channelHeader + "Trực tuyến120,000 VNĐ(Theo Thông tư (sửa đổi))- Trực tuyến: nộp qua cổng.Dịch vụ bưu chính3 Giờ10 USD(10 USD/lần)Trực tiếpKhông quy địnhMiễn phíNộp tại Trực tiếp bộ phận một cửa"
	got := parsePortalChannels(in)
	var view []string
	for _, c := range got {
		tm := "-"
		if c.Time != nil {
			tm = c.Time.Text
		}
		view = append(view, string(c.Mode)+"|"+tm+"|"+c.Fees[0].Text+"|"+amountString(c.Fees[0].Amount)+"|"+c.Description)
	}
	want := []string{
		"online|-|120,000 VNĐ(Theo Thông tư (sửa đổi))|120000|- Trực tuyến: nộp qua cổng.",
		"post|3 Giờ|10 USD(10 USD/lần)|nil|",
		"in_person|-|Miễn phí|0|Nộp tại Trực tiếp bộ phận một cửa",
	}
	if !reflect.DeepEqual(view, want) {
		t.Errorf("parsePortalChannels =\n %q\nwant\n %q", view, want)
	}
}
