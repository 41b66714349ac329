package corpus

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"
)

func TestWordExportRealRecords(t *testing.T) {
	procs, sum := loadShared(t, "word-export")
	if sum.Failed() {
		t.Fatalf("%d read errors, first: %v", len(sum.Errors), sum.Errors[0])
	}
	if len(procs) != 207 {
		t.Errorf("read %d procedures, want 207", len(procs))
	}
	var papers, forms, quantities, channels, legal, legalNumbers int
	for _, p := range procs {
		if p.Source.Format != "word-export" {
			t.Fatalf("%s read by %q", p.Source.File, p.Source.Format)
		}
		if p.Ministry != "Bộ Quốc phòng" {
			t.Errorf("%s: ministry %q", p.Code, p.Ministry)
		}
		if want := strings.TrimSuffix(filepath.Base(p.Source.File), ".json"); p.Code != want {
			t.Errorf("%s: code %q", p.Source.File, p.Code)
		}
		if p.Name == "" || len(p.Levels) == 0 || p.Sector == "" {
			t.Errorf("%s: missing name, levels or sector: %+v", p.Code, p)
		}
		for _, pp := range p.Papers {
			papers++
			if len(pp.Forms) > 0 {
				forms++
				if looksLikeQuantity(pp.Forms[0]) {
					t.Errorf("%s: quantity %q taken as a form", p.Code, pp.Forms[0])
				}
			}
			if strings.HasPrefix(pp.Quantity, "Bản chính:") {
				quantities++
				// The cell reads "Bản chính: N\nBản sao: M": each count its own.
				var o, c int
				if _, err := fmt.Sscanf(strings.Join(strings.Fields(pp.Quantity), " "), "Bản chính: %d Bản sao: %d", &o, &c); err == nil &&
					(pp.Originals == nil || pp.Copies == nil || *pp.Originals != o || *pp.Copies != c) {
					t.Errorf("%s: quantity %q read as %s originals, %s copies", p.Code, pp.Quantity, intString(pp.Originals), intString(pp.Copies))
				}
			}
		}
		channels += len(p.Channels)
		for _, l := range p.LegalBasis {
			legal++
			if l.Number != "" {
				legalNumbers++
			}
			if l.Issued != "" && len(l.Issued) != 10 {
				t.Errorf("%s: issued %q not YYYY-MM-DD", p.Code, l.Issued)
			}
		}
	}
	t.Logf("word-export: %d procedures, %d papers (%d with forms), %d channels, %d legal refs (%d numbered)",
		len(procs), papers, forms, channels, legal, legalNumbers)
	// 814 dossier rows, a few of which are case headings.
	if papers < 790 || papers > 814 {
		t.Errorf("%d papers, want about 814 rows less the case headings", papers)
	}
	if quantities != papers {
		t.Errorf("%d of %d papers kept their quantity text", quantities, papers)
	}
	if forms < 300 {
		t.Errorf("only %d papers kept their form file (so_luong column)", forms)
	}
	if channels != 462 || legal != 751 {
		t.Errorf("channels %d (want 462), legal refs %d (want 751)", channels, legal)
	}
}

func TestWordExportRecord(t *testing.T) {
	dir := mustSharedCorpus(t, "word-export")
	procs, _ := loadAll(t, []string{filepath.Join(dir, "1.013124.json")}, Options{})
	if len(procs) != 1 {
		t.Fatalf("read %d procedures", len(procs))
	}
	p := procs[0]
	if p.Code != "1.013124" || p.Decision != "6225/QĐ-BQP" || !equalStrings(p.Levels, []string{"Cấp Bộ"}) {
		t.Errorf("code %q decision %q levels %q", p.Code, p.Decision, p.Levels)
	}
	if len(p.Steps) != 3 || !strings.HasPrefix(p.Steps[1], "Bước 2:") {
		t.Errorf("steps not split at Bước N: %q", p.Steps)
	}
	if p.Conditions != nil {
		t.Errorf("placeholder condition kept: %q", p.Conditions)
	}
	var modes []string
	for _, c := range p.Channels {
		modes = append(modes, string(c.Mode))
		if c.Time == nil || c.Time.Text != "30 Ngày làm việc" {
			t.Errorf("channel %q time %+v", c.Text, c.Time)
		}
	}
	if got := strings.Join(modes, ","); got != "in_person,online,post" {
		t.Errorf("modes %s", got)
	}
	if len(p.Papers) != 2 {
		t.Fatalf("papers %+v", p.Papers)
	}
	second := p.Papers[1]
	if !equalStrings(second.Forms, []string{"5-PHLCII.doc"}) || second.Quantity != "Bản chính: 1\nBản sao: 0" {
		t.Errorf("form/quantity columns not swapped back: %+v", second)
	}
	if second.Originals == nil || *second.Originals != 1 || second.Copies == nil || *second.Copies != 0 {
		t.Errorf("quantity not parsed (stub parser?): %+v", second)
	}
	if len(p.LegalBasis) != 1 {
		t.Fatalf("legal basis %+v", p.LegalBasis)
	}
	l := p.LegalBasis[0]
	if l.Issued != "2021-03-24" || l.Issuer != "Thủ tướng Chính phủ" || l.Text != "12" || !strings.HasPrefix(l.Title, "Quyết định số 12/2021") {
		t.Errorf("legal ref %+v", l)
	}
	if l.Number != "12/2021/QĐ-TTg" {
		t.Errorf("legal number %q, want 12/2021/QĐ-TTg from the summary (stub parser?)", l.Number)
	}
}

func TestWordExportCaseHeadings(t *testing.T) {
	doc := `{"thu_tuc_id":"9.000001","metadata":{"mã_thủ_tục":"9.000001","tên_thủ_tục":"Thủ tục thử","cấp_thực_hiện":"Cấp Bộ, Cấp Tỉnh"},
"content":{"yêu_cầu_điều_kiện_thực_hiện":"Không có thông tin","đối_tượng_thực_hiện":"Tổ chức (không bao gồm doanh nghiệp, HTX), Công dân Việt Nam"},
"tables":{"hinh_thuc_nop":[],"can_cu_phap_ly":[],"thanh_phan_ho_so":[
 {"ten_giay_to":"1. Đơn đề nghị","so_luong":"Don.docx","ghi_chu":"Bản chính: 1\nBản sao: 0"},
 {"ten_giay_to":"Trường hợp 2: Hồ sơ điều chỉnh, gồm:","so_luong":"M1.docx\nM2.docx","ghi_chu":"Bản chính: 0\nBản sao: 0"},
 {"ten_giay_to":"a) Bản sao quyết định","so_luong":"Bản chính: 0\nBản sao: 1","ghi_chu":""}]}}`
	procs, sum := readAllData(t, "x.json", []byte(doc), Options{})
	if sum.Failed() || len(procs) != 1 {
		t.Fatalf("procs %d errors %v", len(procs), sum.Errors)
	}
	p := procs[0]
	if !equalStrings(p.Subjects, []string{"Tổ chức (không bao gồm doanh nghiệp, HTX)", "Công dân Việt Nam"}) {
		t.Errorf("subjects %q", p.Subjects)
	}
	if !equalStrings(p.Levels, []string{"Cấp Bộ", "Cấp Tỉnh"}) || p.Conditions != nil {
		t.Errorf("levels %q conditions %q", p.Levels, p.Conditions)
	}
	if len(p.Papers) != 2 {
		t.Fatalf("papers %+v", p.Papers)
	}
	if p.Papers[0].Text != "Đơn đề nghị" || p.Papers[0].Case != "" || !equalStrings(p.Papers[0].Forms, []string{"Don.docx"}) {
		t.Errorf("paper 1 %+v", p.Papers[0])
	}
	if p.Papers[1].Case != "Trường hợp 2: Hồ sơ điều chỉnh, gồm" || !equalStrings(p.Papers[1].Forms, []string{"M1.docx", "M2.docx"}) || p.Papers[1].Quantity != "Bản chính: 0\nBản sao: 1" {
		t.Errorf("paper 2 %+v", p.Papers[1])
	}
}

func TestExportHelpers(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"24-03-2021", "2021-03-24"},
		{"22/08/2018", "2018-08-22"},
		{"1/7/2025", "2025-07-01"},
		{"2025-07-01", "2025-07-01"},
		{"32/01/2020", ""},
		{"tháng 7", ""},
	} {
		if got := isoDate(tc.in); got != tc.want {
			t.Errorf("isoDate(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
	for _, tc := range []struct{ in, want string }{
		{"Quyết định số 6225/QĐ-BQP", "6225/QĐ-BQP"},
		{"3980 /QĐ-BQP", "3980/QĐ-BQP"},
		{"5756/QĐ-BGDDT", "5756/QĐ-BGDDT"},
		{"Quyết định số 4777", "4777"},
		{"Không có thông tin", ""},
	} {
		if got := decisionNumber(tc.in); got != tc.want {
			t.Errorf("decisionNumber(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
	for _, tc := range []struct {
		in   string
		want []string
	}{
		{"Cấp tỉnh, Cấp xã", []string{"Cấp tỉnh", "Cấp xã"}},
		{"Ủy ban nhân dân cấp xã; Sở Y tế", []string{"Ủy ban nhân dân cấp xã", "Sở Y tế"}},
		{"Tổ chức (không bao gồm doanh nghiệp, HTX)", []string{"Tổ chức (không bao gồm doanh nghiệp, HTX)"}},
		{"Không có thông tin", nil},
		{"", nil},
	} {
		if got := splitList(tc.in); !equalStrings(got, tc.want) {
			t.Errorf("splitList(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
	for _, tc := range []struct {
		in   string
		want []string
	}{
		{"Bước 1: Nộp hồ sơ. Bước 2: Thẩm định.\nBước 3. Trả kết quả", []string{"Bước 1: Nộp hồ sơ.", "Bước 2: Thẩm định.", "Bước 3. Trả kết quả"}},
		{"Nộp hồ sơ\n\n- Nhận kết quả", []string{"Nộp hồ sơ", "- Nhận kết quả"}},
		{"Không", nil},
	} {
		if got := splitSteps(tc.in); !equalStrings(got, tc.want) {
			t.Errorf("splitSteps(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
	for _, tc := range []struct{ a, b, form, qty string }{
		{"5-PHLCII.doc", "Bản chính: 1\nBản sao: 0", "5-PHLCII.doc", "Bản chính: 1\nBản sao: 0"},
		{"Bản chính: 1", "Mau01.docx", "Mau01.docx", "Bản chính: 1"},
		{"", "Bản chính: 0\nBản sao: 1", "", "Bản chính: 0\nBản sao: 1"},
	} {
		if form, qty := paperColumns(tc.a, tc.b); form != tc.form || qty != tc.qty {
			t.Errorf("paperColumns(%q, %q) = %q, %q", tc.a, tc.b, form, qty)
		}
	}
}

func equalStrings(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func FuzzWordExport(f *testing.F) {
	fuzzReader(f, "FuzzWordExport", "word-export", "fuzz.json",
		`{"thu_tuc_id":"1","metadata":{"tên_thủ_tục":"A"},"content":{},"tables":{"thanh_phan_ho_so":[{"ten_giay_to":"Trường hợp 1","ghi_chu":"Bản chính: 0\nBản sao: 0"}]}}`,
		`[{"metadata":{},"tables":{}},{"metadata":1}]`)
}

func TestNewLegalRef(t *testing.T) {
	for _, tc := range []struct {
		number, summary, wantNumber, wantText, wantTitle string
	}{
		{"12", "Quyết định số 12/2021/QĐ-TTg ngày 24/3/2021", "12/2021/QĐ-TTg", "12", "Quyết định số 12/2021/QĐ-TTg ngày 24/3/2021"},
		{"02/2020/UBTVQH14", "Pháp lệnh 02/2020/UBTVQH14", "02/2020/UBTVQH14", "02/2020/UBTVQH14", "Pháp lệnh 02/2020/UBTVQH14"},
		{"BỘ LUẬT  HÀNG HẢI VIỆT NAM", "BỘ LUẬT HÀNG HẢI VIỆT NAM", "", "BỘ LUẬT  HÀNG HẢI VIỆT NAM", "BỘ LUẬT HÀNG HẢI VIỆT NAM"},
		{"", "Thông tư 55/2022/TT-BQP", "55/2022/TT-BQP", "Thông tư 55/2022/TT-BQP", ""},
		{"104", "Nghị định số 104/2022/NĐ-CP sửa đổi Nghị định số 01/2021/NĐ-CP", "104/2022/NĐ-CP", "104", "Nghị định số 104/2022/NĐ-CP sửa đổi Nghị định số 01/2021/NĐ-CP"},
		{"01", "Nghị định số 104/2022/NĐ-CP sửa đổi Nghị định số 01/2021/NĐ-CP", "01/2021/NĐ-CP", "01", "Nghị định số 104/2022/NĐ-CP sửa đổi Nghị định số 01/2021/NĐ-CP"},
	} {
		ref, ok := newLegalRef(tc.number, tc.summary, "", "", "")
		if !ok || ref.Number != tc.wantNumber || ref.Text != tc.wantText || ref.Title != tc.wantTitle {
			t.Errorf("newLegalRef(%q, %q) = %+v", tc.number, tc.summary, ref)
		}
	}
	if _, ok := newLegalRef(" ", "", "x", "", ""); ok {
		t.Error("empty row gave a reference")
	}
}

func intString(n *int) string {
	if n == nil {
		return "nil"
	}
	return fmt.Sprint(*n)
}
