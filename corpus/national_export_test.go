package corpus

import (
	"strings"
	"testing"
)

func TestNationalExportSample(t *testing.T) {
	dir := mustSharedCorpus(t, "national-export-sample")
	procs, sum := loadAll(t, []string{dir}, Options{})
	if sum.Failed() {
		t.Fatalf("read errors: %v", sum.Errors)
	}
	// meta.json is the export's summary: recognised and skipped, not an error.
	if len(sum.Skipped) != 1 || !strings.HasSuffix(sum.Skipped[0].File, "meta.json") || !strings.Contains(sum.Skipped[0].Reason, "376 procedures") {
		t.Errorf("skipped %+v, want meta.json as an export summary", sum.Skipped)
	}
	if len(procs) != 1 {
		t.Fatalf("read %d procedures, want 1", len(procs))
	}
	p := procs[0]
	if p.Code != "1.000288" || p.Ministry != "Bộ Giáo dục và Đào tạo" || p.Decision != "5756/QĐ-BGDDT" {
		t.Errorf("code %q ministry %q decision %q", p.Code, p.Ministry, p.Decision)
	}
	if !equalStrings(p.Levels, []string{"Cấp tỉnh", "Cấp xã"}) || len(p.Agencies) != 2 || !equalStrings(p.Authority, []string{"Giám đốc Sở Giáo dục và Đào tạo"}) {
		t.Errorf("levels %q agencies %q authority %q", p.Levels, p.Agencies, p.Authority)
	}
	if !strings.HasPrefix(p.Source.URL, "https://dichvucong.gov.vn/") || p.Source.Format != "national-export" {
		t.Errorf("source %+v", p.Source)
	}
	if len(p.Papers) != 2 || p.Papers[0].Text != "Báo cáo tự đánh giá" {
		t.Fatalf("papers %+v", p.Papers)
	}
	for _, pp := range p.Papers {
		if pp.Originals == nil || *pp.Originals != 1 || pp.Copies == nil || *pp.Copies != 0 || pp.Forms != nil {
			t.Errorf("paper flags not read: %+v", pp)
		}
	}
	if !equalStrings(p.Results, []string{"Bằng công nhận đạt chuẩn quốc gia"}) {
		t.Errorf("results %q", p.Results)
	}
	if len(p.LegalBasis) != 3 {
		t.Fatalf("legal basis %+v", p.LegalBasis)
	}
	l := p.LegalBasis[1]
	if l.Text != "22/2024/TT-BGDĐT" || l.Issued != "2024-12-10" || l.Effective != "2025-01-25" || l.Issuer != "Bộ Giáo dục và Đào tạo" || !strings.HasPrefix(l.Title, "Thông tư số 22/2024") {
		t.Errorf("legal ref %+v", l)
	}
	if l.Number != "22/2024/TT-BGDĐT" {
		t.Errorf("legal number %q (stub parser?)", l.Number)
	}
	if len(p.Channels) != 2 || p.Channels[0].Mode != ModePost || p.Channels[1].Mode != ModeInPerson {
		t.Errorf("channels %+v (stub parser?)", p.Channels)
	}
	if len(p.Steps) < 3 || p.Steps[0] != "Trường mầm non gửi hồ sơ đến Ủy ban nhân dân cấp xã." {
		t.Errorf("steps %q", p.Steps)
	}
}

func TestNationalExportArray(t *testing.T) {
	doc := `[
  {"ma_tthc": "2.000001", "ten_tthc": "Thủ tục A", "co_quan_ban_hanh": "Bộ Y tế",
   "tphs": [{"ten_giay_to": "Đơn đề nghị", "ban_chinh": true, "ban_sao": true, "bm_dien_tu": "Mau-01.docx"}],
   "ccpl": [{"so_ky_hieu": "15/2023/QH15", "trich_yeu": "Luật Khám bệnh, chữa bệnh", "ngay_ban_hanh": "9/1/2023", "ngay_hieu_luc": "01/01/2024"}]},
  {"ma_tthc": "2.000002", "ten_tthc": "B", "tphs": [{"ten_giay_to": "Đơn", "ban_chinh": "nhiều"}]},
  {"ma_tthc": "", "ten_tthc": ""},
  {"ma_tthc": "2.000003", "ten_tthc": "Thủ tục C", "tphs": [{"ten_giay_to": "Giấy tờ khác"}]}
]`
	procs, sum := readAllData(t, "export.json", []byte(doc), Options{})
	if len(procs) != 2 || procs[0].Code != "2.000001" || procs[1].Code != "2.000003" {
		t.Fatalf("procs %+v", procs)
	}
	if len(sum.Errors) != 2 || sum.Errors[0].Record != 2 || sum.Errors[0].Line != 5 || sum.Errors[1].Record != 3 {
		t.Errorf("errors %v", sum.Errors)
	}
	if procs[0].Source.Record != 1 || procs[0].Source.Line != 2 || procs[1].Source.Line != 7 {
		t.Errorf("sources %+v %+v", procs[0].Source, procs[1].Source)
	}
	pp := procs[0].Papers[0]
	if *pp.Originals != 1 || *pp.Copies != 1 || pp.Quantity != "Bản chính: 1 - Bản sao: 1" || !equalStrings(pp.Forms, []string{"Mau-01.docx"}) {
		t.Errorf("paper %+v", pp)
	}
	if q := procs[1].Papers[0]; q.Originals != nil || q.Copies != nil || q.Quantity != "" {
		t.Errorf("unstated flags became counts: %+v", q)
	}
	l := procs[0].LegalBasis[0]
	if l.Issued != "2023-01-09" || l.Effective != "2024-01-01" {
		t.Errorf("dates %+v", l)
	}
}

func TestNationalExportVariants(t *testing.T) {
	doc := `{"ma_tthc": 2.0001, "ten_tthc": ["Thủ tục", "hai dòng"], "co_quan_ban_hanh": null,
  "cach_thuc_thuc_hien": "Trực tiếp\nTrực tuyến",
  "trinh_tu_thuc_hien": "Bước 1: Nộp. Bước 2: Nhận.",
  "tphs": {"ten_giay_to": "Tờ khai", "ban_chinh": "x", "ban_sao": 2},
  "kqth": "Giấy phép",
  "ccpl": "Luật số 15/2023/QH15\nNghị định 96/2023/NĐ-CP"}`
	procs, sum := readAllData(t, "variant.json", []byte(doc), Options{})
	if sum.Failed() || len(procs) != 1 {
		t.Fatalf("%d procedures, errors %v", len(procs), sum.Errors)
	}
	p := procs[0]
	if p.Code != "2.0001" || p.Name != "Thủ tục\nhai dòng" || p.Ministry != "" {
		t.Errorf("code %q name %q ministry %q", p.Code, p.Name, p.Ministry)
	}
	if len(p.Channels) != 2 || p.Channels[1].Text != "Trực tuyến" || len(p.Steps) != 2 || !equalStrings(p.Results, []string{"Giấy phép"}) {
		t.Errorf("channels %+v steps %q results %q", p.Channels, p.Steps, p.Results)
	}
	if len(p.Papers) != 1 || *p.Papers[0].Originals != 1 || *p.Papers[0].Copies != 2 || p.Papers[0].Quantity != "Bản chính: 1 - Bản sao: 2" {
		t.Errorf("papers %+v", p.Papers)
	}
	if len(p.LegalBasis) != 2 || p.LegalBasis[0].Text != "Luật số 15/2023/QH15" {
		t.Errorf("legal %+v", p.LegalBasis)
	}
}

func FuzzNationalExport(f *testing.F) {
	fuzzReader(f, "FuzzNationalExport", "national-export", "fuzz.json",
		`{"ma_tthc":"1","ten_tthc":"A","tphs":[{"ten_giay_to":"B","ban_chinh":true}],"ccpl":[{"so_ky_hieu":"1/2020/NĐ-CP","ngay_ban_hanh":"1/1/2020"}]}`,
		`{"tong_so_tthc": 3, "ngay_xuat": "06/08/2026"}`,
		`[{"ma_tthc":"1","ten_tthc":"A"}, {"ma_tthc":2}]`)
}
