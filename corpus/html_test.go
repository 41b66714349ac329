package corpus

import (
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/PuerkitoBio/goquery"
)

func htmlFixture(t *testing.T, name string) *Procedure {
	t.Helper()
	procs, sum := loadAll(t, []string{filepath.Join("..", "testdata", "corpus", "html", name)}, Options{})
	if sum.Failed() {
		t.Fatalf("%s: %v", name, sum.Errors)
	}
	if len(procs) != 1 {
		t.Fatalf("%s: %d procedures, want 1", name, len(procs))
	}
	if procs[0].Source.Format != "html" {
		t.Fatalf("%s: read as %q", name, procs[0].Source.Format)
	}
	return procs[0]
}

func TestHTMLCitizenPage(t *testing.T) {
	for _, tc := range []struct{ file, code, nameSuffix string }{
		{"citizen-page.html", "9.100001", "(thử nghiệm)"},
		{"citizen-page-cp1258.html", "9.100003", "(bản mã Windows-1258)"},
	} {
		t.Run(tc.file, func(t *testing.T) {
			p := htmlFixture(t, tc.file)
			if p.Code != tc.code || !strings.HasPrefix(p.Name, "Cấp Phiếu lý lịch tư pháp cho công dân") || !strings.HasSuffix(p.Name, tc.nameSuffix) {
				t.Errorf("code %q name %q", p.Code, p.Name)
			}
			if p.Ministry != "Bộ Tư pháp" || p.Sector != "Lý lịch tư pháp" || p.Decision != "101/QĐ-BTP" || !equalStrings(p.Levels, []string{"Cấp tỉnh", "Cấp xã"}) {
				t.Errorf("ministry %q sector %q decision %q levels %q", p.Ministry, p.Sector, p.Decision, p.Levels)
			}
			if !strings.Contains(p.Source.URL, "ma_thu_tuc=") {
				t.Errorf("url %q", p.Source.URL)
			}
			wantSteps := []string{
				"Bước 1: Người đề nghị nộp tờ khai và giấy tờ kèm theo tại Sở Tư pháp hoặc gửi qua cổng dịch vụ công.",
				"Bước 2: Sở Tư pháp tra cứu, xác minh thông tin lý lịch.",
				"Bước 3: Trả Phiếu lý lịch tư pháp cho người đề nghị.",
			}
			if !equalStrings(p.Steps, wantSteps) {
				t.Errorf("steps %q", p.Steps)
			}
			if len(p.Channels) != 3 {
				t.Fatalf("channels %+v", p.Channels)
			}
			online := p.Channels[1]
			if online.Text != "Trực tuyến" || online.Time == nil || online.Time.Text != "10 Ngày làm việc" || online.Description != "" {
				t.Errorf("online channel %+v", online)
			}
			if len(online.Fees) == 0 || online.Fees[0].Amount == nil || *online.Fees[0].Amount != 100000 {
				t.Errorf("online fee %+v (stub parser?)", online.Fees)
			}
			if p.Channels[2].Mode != ModePost || p.Channels[0].Mode != ModeInPerson || online.Mode != ModeOnline {
				t.Errorf("modes %s %s %s (stub parser?)", p.Channels[0].Mode, online.Mode, p.Channels[2].Mode)
			}
			if len(p.Papers) != 3 {
				t.Fatalf("papers %+v", p.Papers)
			}
			form := p.Papers[0]
			if form.Text != "Tờ khai yêu cầu cấp Phiếu lý lịch tư pháp" || !equalStrings(form.Forms, []string{"Mau-03-LLTP.docx"}) ||
				form.Case != "Trường hợp người đề nghị tự nộp hồ sơ" || form.Quantity != "Bản chính: 1 - Bản sao: 0" {
				t.Errorf("paper 1 %+v", form)
			}
			if id := p.Papers[1]; id.Text != "Bản chụp Căn cước công dân\nhoặc Hộ chiếu còn giá trị" && id.Text != "Bản chụp Căn cước công dân hoặc Hộ chiếu còn giá trị" {
				t.Errorf("paper 2 text glued or lost: %q", id.Text)
			}
			if proxy := p.Papers[2]; proxy.Case != "Trường hợp ủy quyền cho người khác nộp" || !equalStrings(proxy.Forms, []string{"UyQuyen.pdf"}) {
				t.Errorf("paper 3 %+v", proxy)
			}
			if o := p.Papers[0].Originals; o == nil || *o != 1 {
				t.Errorf("originals not parsed (stub parser?): %+v", p.Papers[0])
			}
			if !equalStrings(p.Agencies, []string{"Sở Tư pháp", "Trung tâm Lý lịch tư pháp quốc gia"}) {
				t.Errorf("agencies %q", p.Agencies)
			}
			if !equalStrings(p.Conditions, []string{"Người đề nghị từ đủ 14 tuổi trở lên."}) {
				t.Errorf("conditions %q", p.Conditions)
			}
			if len(p.LegalBasis) != 2 || p.LegalBasis[0].Text != "Luật Lý lịch tư pháp số 28/2009/QH12" {
				t.Fatalf("legal basis %+v", p.LegalBasis)
			}
			if p.LegalBasis[0].Number != "28/2009/QH12" || p.LegalBasis[1].Number != "244/2016/TT-BTC" {
				t.Errorf("legal numbers %+v (stub parser?)", p.LegalBasis)
			}
		})
	}
}

func TestHTMLDatabasePage(t *testing.T) {
	p := htmlFixture(t, "database-page.html")
	if p.Code != "9.200002" || p.Name != "Cấp giấy phép hoạt động cơ sở thử nghiệm y tế" || p.Ministry != "Bộ Y tế" || p.Decision != "202/QĐ-BYT" {
		t.Errorf("code %q name %q ministry %q decision %q", p.Code, p.Name, p.Ministry, p.Decision)
	}
	if p.Kind != "TTHC được luật giao quy định chi tiết" || p.Sector != "Khám bệnh, chữa bệnh" || !equalStrings(p.Levels, []string{"Cấp Bộ"}) {
		t.Errorf("kind %q sector %q levels %q", p.Kind, p.Sector, p.Levels)
	}
	if len(p.Steps) != 2 || len(p.Channels) != 2 || p.Channels[0].Text != "Trực tuyến" || p.Channels[0].Description != "Kể từ ngày nhận đủ hồ sơ hợp lệ" {
		t.Errorf("steps %q channels %+v", p.Steps, p.Channels)
	}
	if len(p.Papers) != 3 {
		t.Fatalf("papers %+v", p.Papers)
	}
	first := p.Papers[0]
	if first.Case != "Hồ sơ cấp mới gồm" || first.Quantity != "Bản chính: 1 - Bản sao: 0" || !equalStrings(first.Forms, []string{"Mẫu 01.docx"}) {
		t.Errorf("paper 1 %+v", first)
	}
	if p.Papers[1].Quantity != "Bản chính: 0 - Bản sao: 1" || p.Papers[1].Forms != nil {
		t.Errorf("paper 2 %+v", p.Papers[1])
	}
	if !p.Papers[2].Optional {
		t.Errorf("'(nếu có)' not optional (stub parser?): %+v", p.Papers[2])
	}
	if !equalStrings(p.Subjects, []string{"Doanh nghiệp", "Tổ chức (không bao gồm doanh nghiệp, HTX)"}) || !equalStrings(p.Results, []string{"Giấy phép hoạt động"}) {
		t.Errorf("subjects %q results %q", p.Subjects, p.Results)
	}
	if p.Conditions != nil {
		t.Errorf("placeholder condition kept: %q", p.Conditions)
	}
	if len(p.LegalBasis) != 2 {
		t.Fatalf("legal %+v", p.LegalBasis)
	}
	if l := p.LegalBasis[1]; l.Text != "96" || l.Issued != "2023-12-30" || l.Issuer != "Chính phủ" || l.Number != "96/2023/NĐ-CP" {
		t.Errorf("legal ref 2 %+v", l)
	}
}

func TestHTMLQuantityColumns(t *testing.T) {
	page := `<div id="popupChitietTTHC">
<div class="info-row"><div>Mã thủ tục</div><div>9.200009</div></div>
<div class="info-row"><div>Thành phần hồ sơ</div><div><table>
<tr><th>STT</th><th>Tên thành phần hồ sơ</th><th>Số lượng bản chính</th><th>Số lượng bản sao</th></tr>
<tr><td>1</td><td>Tờ khai</td><td>2</td><td>0</td></tr>
</table></div></div></div>`
	procs, sum := readAllData(t, "q.html", []byte(page), Options{})
	if sum.Failed() || len(procs) != 1 || len(procs[0].Papers) != 1 {
		t.Fatalf("%+v %v", procs, sum.Errors)
	}
	if pp := procs[0].Papers[0]; pp.Text != "Tờ khai" || pp.Quantity != "Bản chính: 2 - Bản sao: 0" {
		t.Errorf("paper %+v", pp)
	}
}

// TestHTMLDatabasePageLooseTables reads database pages whose tables sit
// directly in #popupChitietTTHC rather than in a labelled row.
func TestHTMLDatabasePageLooseTables(t *testing.T) {
	head := `<div id="popupChitietTTHC"><div class="info-row"><div>Mã thủ tục</div><div>9.200010</div></div>` +
		`<div class="info-row"><div>Tên thủ tục</div><div>Cấp phép thử</div></div>`
	channels := `<table><tr><th>Hình thức nộp</th><th>Thời hạn giải quyết</th><th>Phí, lệ phí</th><th>Mô tả</th></tr>` +
		`<tr><td>Trực tiếp</td><td>15 Ngày</td><td>Phí: 1.500.000 đồng</td><td></td></tr>` +
		`<tr><td>Dịch vụ bưu chính</td><td>4 giờ</td><td>Không</td><td></td></tr></table>`
	tphs := `<table class="tphs"><tr><th>Tên giấy tờ</th><th>Bản chính</th><th>Bản sao</th><th>Mẫu đơn</th></tr>` +
		`<tr><td colspan="4">Trường hợp A</td></tr><tr><td>Đơn đề nghị</td><td>1</td><td>0</td><td>Mau01.docx</td></tr>` +
		`<tr><td>Giấy tờ khác</td><td></td><td></td><td></td></tr></table>`
	legal := `<table><tr><th>Số ký hiệu</th><th>Trích yếu</th></tr><tr><td>104/2022/NĐ-CP</td><td>Sửa đổi nghị định</td></tr></table>`
	other := `<table><tr><th>Ghi chú</th></tr><tr><td>Đơn không phải giấy tờ</td></tr></table>`
	for _, tc := range []struct {
		name                     string
		page                     string
		channels, papers, legals []string
	}{
		{"tables in the popup", head + channels + tphs + legal + other + `</div>`,
			[]string{"in_person|15 Ngày|1500000", "post|4 giờ|0"},
			[]string{"Đơn đề nghị|Trường hợp A|Bản chính: 1 - Bản sao: 0|Mau01.docx", "Giấy tờ khác|Trường hợp A||"},
			[]string{"104/2022/NĐ-CP"}},
		{"dossier table without its class", head + `<div>` + strings.Replace(tphs, ` class="tphs"`, "", 1) + `</div></div>`, nil,
			[]string{"Đơn đề nghị|Trường hợp A|Bản chính: 1 - Bản sao: 0|Mau01.docx", "Giấy tờ khác|Trường hợp A||"}, nil},
		{"tables in rows are read once", head + `<div class="info-row"><div>Cách thức thực hiện</div><div>` + channels + `</div></div></div>`,
			[]string{"in_person|15 Ngày|1500000", "post|4 giờ|0"}, nil, nil},
	} {
		procs, sum := readAllData(t, "db.html", []byte(tc.page), Options{})
		if sum.Failed() || len(procs) != 1 {
			t.Fatalf("%s: %d procedures, errors %v", tc.name, len(procs), sum.Errors)
		}
		p := procs[0]
		var chans, papers, legals []string
		for _, c := range p.Channels {
			tm, fee := "", ""
			if c.Time != nil {
				tm = c.Time.Text
			}
			if len(c.Fees) > 0 {
				fee = amountString(c.Fees[0].Amount)
			}
			chans = append(chans, string(c.Mode)+"|"+tm+"|"+fee)
		}
		for _, pp := range p.Papers {
			papers = append(papers, pp.Text+"|"+pp.Case+"|"+pp.Quantity+"|"+strings.Join(pp.Forms, ","))
		}
		for _, r := range p.LegalBasis {
			legals = append(legals, r.Number)
		}
		if !reflect.DeepEqual(chans, tc.channels) || !reflect.DeepEqual(papers, tc.papers) || !reflect.DeepEqual(legals, tc.legals) {
			t.Errorf("%s:\n channels %q\n papers %q\n legal %q", tc.name, chans, papers, legals)
		}
	}
}

func TestHTMLNoProcedure(t *testing.T) {
	procs, sum := readAllData(t, "about.html", []byte(`<html><body><p>Giới thiệu</p></body></html>`), Options{})
	if len(procs) != 0 || len(sum.Errors) != 1 || !strings.Contains(sum.Errors[0].Error(), "about.html: no procedure found") {
		t.Errorf("procs %d errors %v", len(procs), sum.Errors)
	}
}

func TestBlockText(t *testing.T) {
	for _, tc := range []struct {
		html string
		want []string
	}{
		{`<td>Đơn đề nghị<br>Bản sao</td>`, []string{"Đơn đề nghị", "Bản sao"}},
		{`<div><p>Đơn đề nghị</p><p>Bản sao  CCCD</p></div>`, []string{"Đơn đề nghị", "Bản sao CCCD"}},
		{`<ul><li>A</li><li>B <b>đậm</b></li></ul>`, []string{"A", "B đậm"}},
		{`<table><tr><td>a</td><td>b</td></tr></table>`, []string{"a", "b"}},
		{`<p>x<script>var y</script>&nbsp;z</p>`, []string{"x z"}},
	} {
		doc, err := goquery.NewDocumentFromReader(strings.NewReader(tc.html))
		if err != nil {
			t.Fatal(err)
		}
		if got := textLines(blockText(doc.Find("body"))); !equalStrings(got, tc.want) {
			t.Errorf("blockText(%s) = %q, want %q", tc.html, got, tc.want)
		}
	}
}

func TestLabelKeyFields(t *testing.T) {
	for _, tc := range []struct {
		label string
		want  field
	}{
		{"Mã thủ tục:", fieldCode},
		{"YÊU CẦU, ĐIỀU KIỆN THỰC HIỆN", fieldConditions},
		{"Phí, lệ phí", fieldFees},
		{"Bộ", fieldMinistry},
		{"Bộ phận tiếp nhận", fieldNone},
		{"Thời hạn giải quyết", fieldTime},
		{"Căn cứ pháp lý", fieldLegal},
		{"Cơ quan có thẩm quyền", fieldAuthority},
		{"Cơ quan thực hiện", fieldAgencies},
	} {
		if got := fieldOf(labelKey(tc.label)); got != tc.want {
			t.Errorf("fieldOf(%q) = %d, want %d", tc.label, got, tc.want)
		}
	}
}

func FuzzHTML(f *testing.F) {
	fixtures, _ := filepath.Glob(filepath.Join("..", "testdata", "corpus", "html", "*.html"))
	var seeds []string
	for _, fx := range fixtures {
		if b, err := readFileString(fx); err == nil {
			seeds = append(seeds, b)
		}
	}
	seeds = append(seeds, `<div id="popupChitietTTHC"><div class="info-row"><div>Tên thủ tục</div><div>A</div></div></div>`,
		`<h1 class="main-title">X</h1><h2 class="main-title-sub">Thành phần hồ sơ</h2><table><tr><td colspan=3>Trường hợp 1</td></tr></table>`)
	fuzzReader(f, "FuzzHTML", "html", "fuzz.html", seeds...)
}

// TestHTMLNoFee reads a fee row that says "Không": no fee is due, a fee of
// zero, where "Không" in other rows means nothing stated.
func TestHTMLNoFee(t *testing.T) {
	for _, tc := range []struct{ cell, want string }{
		{"Không", "0"},
		{"Không thu phí", "0"},
		{"Không có thông tin", "none"},
	} {
		page := `<div id="popupChitietTTHC">
<div class="info-row"><div>Mã thủ tục</div><div>9.200010</div></div>
<div class="info-row"><div>Tên thủ tục</div><div>Thủ tục thử</div></div>
<div class="info-row"><div>Phí, lệ phí</div><div>` + tc.cell + `</div></div></div>`
		procs, sum := readAllData(t, "fee.html", []byte(page), Options{})
		if sum.Failed() || len(procs) != 1 {
			t.Fatalf("%q: %+v %v", tc.cell, procs, sum.Errors)
		}
		fees := procs[0].Fees()
		got := "none"
		if len(fees) > 0 {
			got = amountString(fees[0].Amount)
		}
		if got != tc.want || len(fees) > 1 {
			t.Errorf("fee cell %q: fees %+v, want %s", tc.cell, fees, tc.want)
		}
	}
}
