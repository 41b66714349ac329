package corpus

import (
	"context"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

func TestMarkdownProcedures(t *testing.T) {
	procs, sum := loadAll(t, []string{filepath.Join("..", "testdata", "corpus", "markdown", "procedures.md")}, Options{})
	if sum.Failed() {
		t.Fatalf("errors %v", sum.Errors)
	}
	if len(procs) != 2 {
		t.Fatalf("%d procedures, want 2", len(procs))
	}
	p := procs[0]
	if p.Source.Line != 3 || p.Source.Record != 1 || procs[1].Source.Line != 52 || procs[1].Source.Record != 2 || p.Source.Format != "markdown" {
		t.Errorf("sources %+v %+v", p.Source, procs[1].Source)
	}
	if p.Code != "9.300001" || p.Name != "Đăng ký thường trú (thử nghiệm)" || p.Ministry != "Bộ Công an" || p.Decision != "301/QĐ-BCA" {
		t.Errorf("code %q name %q ministry %q decision %q", p.Code, p.Name, p.Ministry, p.Decision)
	}
	if p.Sector != "Đăng ký, quản lý cư trú" || !equalStrings(p.Levels, []string{"Cấp xã"}) || !equalStrings(p.Agencies, []string{"Công an cấp xã"}) || !equalStrings(p.Subjects, []string{"Công dân Việt Nam"}) {
		t.Errorf("sector %q levels %q agencies %q subjects %q", p.Sector, p.Levels, p.Agencies, p.Subjects)
	}
	if p.AnnualVolume == nil || *p.AnnualVolume != 1200000 {
		t.Errorf("annual volume %v", p.AnnualVolume)
	}
	if len(p.Steps) != 3 || p.Steps[0] != "Công dân chuẩn bị hồ sơ và nộp tại Công an cấp xã." {
		t.Errorf("steps %q", p.Steps)
	}
	if len(p.Channels) != 2 || p.Channels[0].Text != "Trực tiếp" || p.Channels[0].Description != "Nộp tại trụ sở" || p.Channels[1].Time == nil || p.Channels[1].Time.Text != "7 Ngày làm việc" {
		t.Errorf("channels %+v", p.Channels)
	}
	if fees := p.Channels[1].Fees; len(fees) != 1 || fees[0].Amount == nil || *fees[0].Amount != 10000 {
		t.Errorf("online fees %+v (stub parser?)", fees)
	}
	if len(p.Papers) != 4 {
		t.Fatalf("papers %d: %+v", len(p.Papers), p.Papers)
	}
	form := p.Papers[0]
	if form.Text != "Tờ khai thay đổi thông tin cư trú" || form.Quantity != "1 bản chính" || !equalStrings(form.Forms, []string{"CT01.docx"}) || form.Case != "" {
		t.Errorf("paper 1 %+v", form)
	}
	home := p.Papers[1]
	if home.Text != "Giấy tờ chứng minh chỗ ở hợp pháp, một trong các giấy tờ sau:" ||
		!equalStrings(home.Alternatives, []string{"Giấy chứng nhận quyền sử dụng đất", "Hợp đồng thuê nhà có công chứng"}) {
		t.Errorf("paper 2 alternatives %+v", home)
	}
	minor := p.Papers[2]
	if minor.Case != "Trường hợp người chưa thành niên" || minor.Text != "Văn bản đồng ý của cha, mẹ hoặc người giám hộ" || minor.Quantity != "Bản chính: 1" {
		t.Errorf("paper 3 %+v", minor)
	}
	kin := p.Papers[3]
	if kin.Quantity != "0 bản chính, 1 bản sao" || !kin.Optional {
		t.Errorf("paper 4 %+v (stub parser?)", kin)
	}
	if len(p.LegalBasis) != 2 || p.LegalBasis[0].Text != "Luật Cư trú số 68/2020/QH14" || p.LegalBasis[1].Number != "154/2024/NĐ-CP" {
		t.Errorf("legal %+v", p.LegalBasis)
	}
	if !equalStrings(p.Conditions, []string{"Có chỗ ở hợp pháp."}) || !equalStrings(p.Results, []string{"Thông báo kết quả giải quyết đăng ký cư trú."}) {
		t.Errorf("conditions %q results %q", p.Conditions, p.Results)
	}

	q := procs[1]
	if q.Code != "9.300002" || q.Sector != "Đường bộ" || !equalStrings(q.Levels, []string{"Cấp tỉnh"}) {
		t.Errorf("table metadata: code %q sector %q levels %q", q.Code, q.Sector, q.Levels)
	}
	if len(q.Channels) != 2 || q.Channels[1].Description != "qua Cổng dịch vụ công" {
		t.Fatalf("channels %+v", q.Channels)
	}
	for _, c := range q.Channels {
		if c.Time == nil || c.Time.Text != "10 Ngày làm việc" || len(c.Fees) != 1 {
			t.Errorf("procedure-wide time and fee not given to channel %+v", c)
		}
	}
	if len(q.Papers) != 2 || q.Papers[0].Case != "Trường hợp giấy phép bị mất" || !equalStrings(q.Papers[0].Forms, []string{"Mau-GPLX.docx"}) || q.Papers[1].Quantity != "Bản chính: 1 - Bản sao: 0" {
		t.Errorf("papers %+v", q.Papers)
	}
}

func TestMarkdownErrors(t *testing.T) {
	for _, tc := range []struct {
		name, doc string
		procs     int
		errLine   int
		errText   string
	}{
		{"no heading", "Chỉ có đoạn văn.\n", 0, 1, "no procedure"},
		{"empty heading", "# A\n\n- Mã thủ tục: 1\n\n#\n\n## Thành phần hồ sơ\n", 1, 5, "neither code nor name"},
		{"setext", "Thủ tục B\n=========\n\n- Lĩnh vực: X\n- Mã thủ tục: 1\n", 1, 0, ""},
		{"fenced", "```\n# not\n```\n# C\n\n## Thành phần hồ sơ\n\n- Đơn\n", 1, 0, ""},
		{"bold labels on consecutive lines", "# D\n\n**Mã thủ tục:** 4.1\n**Lĩnh vực:** Hộ tịch\n\n## Yêu cầu, điều kiện\n\nMột điều kiện viết\ntrên hai dòng.\n", 1, 0, ""},
		{"regulation, not a procedure", "# Nghị định 1/2026/NĐ-CP\n\n**Cơ quan ban hành:** Chính phủ\n\n## Căn cứ pháp lý\n\nLuật 1/2025/QH15\n", 0, 1, "no procedure fields"},
	} {
		procs, sum := readAllData(t, "x.md", []byte(tc.doc), Options{})
		if len(procs) != tc.procs {
			t.Errorf("%s: %d procedures, want %d", tc.name, len(procs), tc.procs)
		}
		if tc.errText == "" {
			if sum.Failed() {
				t.Errorf("%s: errors %v", tc.name, sum.Errors)
			}
			if tc.name == "bold labels on consecutive lines" && len(procs) == 1 {
				if p := procs[0]; p.Code != "4.1" || p.Sector != "Hộ tịch" || !equalStrings(p.Conditions, []string{"Một điều kiện viết trên hai dòng."}) {
					t.Errorf("%s: code %q sector %q conditions %q", tc.name, p.Code, p.Sector, p.Conditions)
				}
			}
			continue
		}
		if len(sum.Errors) != 1 || sum.Errors[0].Line != tc.errLine || !strings.Contains(sum.Errors[0].Error(), tc.errText) {
			t.Errorf("%s: errors %v, want line %d %q", tc.name, sum.Errors, tc.errLine, tc.errText)
		}
	}
}

func FuzzMarkdown(f *testing.F) {
	fx, _ := readFileString(filepath.Join("..", "testdata", "corpus", "markdown", "procedures.md"))
	fuzzReader(f, "FuzzMarkdown", "markdown", "fuzz.md", fx,
		"# A\n## Thành phần hồ sơ\n- Trường hợp x:\n  - B | Bản chính: 1\n",
		"A\n===\n| a | b |\n|---|---|\n| Mã thủ tục | 1 |\n")
}

// TestMarkdownSkippedInDirectories walks a directory holding a README (no
// procedure), notes without a heading, and a procedure file with a broken
// heading: the first two are skipped with a reason, the broken heading is
// still an error. Named directly, the README is an error.
func TestMarkdownSkippedInDirectories(t *testing.T) {
	dir := t.TempDir()
	files := map[string]string{
		"README.md":   "# Hồ sơ mẫu\n\nCác tệp trong thư mục này là thủ tục hành chính.\n\n## Nguồn\n\n- Cổng dịch vụ công\n",
		"notes.md":    "Ghi chú, không có tiêu đề.\n",
		"procs.md":    "# Thủ tục A\n\n- Mã thủ tục: 1.1\n\n## Thành phần hồ sơ\n\n- Đơn\n\n# Giới thiệu chung\n\nKhông phải thủ tục.\n",
		"z/other.md":  "# Thủ tục B\n\n## Thành phần hồ sơ\n\n- Tờ khai\n",
		"z/README.md": "Thư mục con\n===========\n\nMô tả.\n",
	}
	for name, text := range files {
		path := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	procs, sum := loadAll(t, []string{dir}, Options{})
	var names []string
	for _, p := range procs {
		names = append(names, p.Name)
	}
	if !equalStrings(names, []string{"Thủ tục A", "Thủ tục B"}) {
		t.Errorf("procedures %q", names)
	}
	var skipped []string
	for _, s := range sum.Skipped {
		rel, _ := filepath.Rel(dir, s.File)
		skipped = append(skipped, filepath.ToSlash(rel))
		if !strings.Contains(s.Reason, "not a procedure record") {
			t.Errorf("%s: reason %q", rel, s.Reason)
		}
	}
	if !equalStrings(skipped, []string{"README.md", "notes.md", "z/README.md"}) {
		t.Errorf("skipped %q", skipped)
	}
	if len(sum.Errors) != 1 || sum.Errors[0].File != filepath.Join(dir, "procs.md") || sum.Errors[0].Line != 9 || !strings.Contains(sum.Errors[0].Error(), `"Giới thiệu chung" has no procedure fields`) {
		t.Errorf("errors %v, want the broken heading of procs.md:9", sum.Errors)
	}
	if sum.Files != 5 {
		t.Errorf("%d files counted", sum.Files)
	}

	// Binary data named .md, met on the way, is reported, not skipped.
	bin := filepath.Join(t.TempDir(), "image.md")
	data := []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00\x00\x00\x01\x00\x08\x06\x00\x00\x00\x5c\x72\xa8\x66")
	if err := os.WriteFile(bin, data, 0o644); err != nil {
		t.Fatal(err)
	}
	_, binSum := loadAll(t, []string{filepath.Dir(bin)}, Options{})
	if len(binSum.Skipped) != 0 || len(binSum.Errors) != 1 || !strings.Contains(binSum.Errors[0].Error(), "image.md: binary data, not Markdown text") {
		t.Errorf("binary .md: errors %v, skipped %v", binSum.Errors, binSum.Skipped)
	}

	_, direct := loadAll(t, []string{filepath.Join(dir, "README.md")}, Options{})
	if len(direct.Errors) != 1 || len(direct.Skipped) != 0 {
		t.Errorf("README named directly: errors %v, skipped %v", direct.Errors, direct.Skipped)
	}
}

// TestMarkdownSharedReadmeSkipped reads the shared corpus's README as a walk
// meets it: skipped, not an error.
func TestMarkdownSharedReadmeSkipped(t *testing.T) {
	readme := filepath.Join(filepath.Dir(mustSharedCorpus(t, "portal-crawl")), "README.md")
	sum := &Summary{}
	if err := readFile(context.Background(), inputFile{path: readme, found: true}, Options{}, sum, func(*Procedure) error { return nil }); err != nil {
		t.Fatal(err)
	}
	if sum.Failed() || len(sum.Skipped) != 1 || sum.Skipped[0].File != readme {
		t.Errorf("errors %v, skipped %+v", sum.Errors, sum.Skipped)
	}
}

// TestMarkdownHeadingsWithoutBlankLines reads procedures written with no
// blank line before their headings, and checks what is said about text
// before the first level-1 heading.
func TestMarkdownHeadingsWithoutBlankLines(t *testing.T) {
	type view struct {
		Code, Sector     string
		Steps, Papers    []string
		Legal, Channels  []string
		Errors, Warnings []string
	}
	tests := []struct {
		name string
		doc  string
		want view
	}{
		{
			name: "heading after a list, a paragraph and a table",
			doc: "# Thủ tục A\n- Mã thủ tục: 7.7\n- Lĩnh vực: Hộ tịch\n## Trình tự thực hiện\nBước 1: nộp. Bước 2: nhận.\n" +
				"## Thành phần hồ sơ\n- Đơn đề nghị | Số lượng: 1 bản chính\n### Trường hợp khác\n- Giấy phép cũ | Bản sao: 1\n" +
				"## Căn cứ pháp lý\n- Luật Hộ tịch số 60/2014/QH13\n## Cách thức thực hiện\n| Hình thức nộp | Thời hạn giải quyết |\n| --- | --- |\n| Trực tiếp | 5 ngày làm việc |\n## Kết quả\nGiấy chứng nhận.\n",
			want: view{
				Code: "7.7", Sector: "Hộ tịch",
				Steps:    []string{"Bước 1: nộp.", "Bước 2: nhận."},
				Papers:   []string{"Đơn đề nghị|1 bản chính|", "Giấy phép cũ|Bản sao: 1|Trường hợp khác"},
				Legal:    []string{"60/2014/QH13"},
				Channels: []string{"in_person|5 ngày làm việc"},
			},
		},
		{
			name: "list right after a paragraph",
			doc:  "# Thủ tục B\nMã thủ tục: 2.2\n## Thành phần hồ sơ\nHồ sơ gồm:\n- Tờ khai\n- Ảnh\n",
			want: view{Code: "2.2", Papers: []string{"Tờ khai||", "Ảnh||"}},
		},
		{
			name: "heading inside fenced code stays code",
			doc:  "# Thủ tục C\n- Mã thủ tục: 3.3\n## Kết quả\n```\n## Thành phần hồ sơ\n- Đơn\n```\n",
			want: view{Code: "3.3"},
		},
		{
			name: "note before the first heading",
			doc:  "Tệp ghi một thủ tục.\n\n# Thủ tục D\n- Mã thủ tục: 4.4\n",
			want: view{Code: "4.4", Warnings: []string{"x.md:1: text before the first level-1 heading (line 1) belongs to no procedure: not read"}},
		},
		{
			name: "comment before the first heading",
			doc:  "<!-- Tệp ghi một thủ tục.\n     Viết cho dự án. -->\n\n# Thủ tục D\n- Mã thủ tục: 4.4\n",
			want: view{Code: "4.4"},
		},
		{
			name: "papers before the first heading",
			doc:  "## Thành phần hồ sơ\n- Đơn\n\n# Thủ tục E\n- Mã thủ tục: 5.5\n",
			want: view{Code: "5.5", Errors: []string{"x.md:1: text before the first level-1 heading (lines 1–2) has procedure fields but no procedure heading (# Name): not read"}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			procs, sum := readAllData(t, "x.md", []byte(tt.doc), Options{})
			var got view
			if len(procs) != 1 {
				t.Fatalf("%d procedures, errors %v", len(procs), sum.Errors)
			}
			p := procs[0]
			got.Code, got.Sector, got.Steps = p.Code, p.Sector, p.Steps
			for _, pp := range p.Papers {
				got.Papers = append(got.Papers, pp.Text+"|"+pp.Quantity+"|"+pp.Case)
			}
			for _, r := range p.LegalBasis {
				got.Legal = append(got.Legal, r.Number)
			}
			for _, c := range p.Channels {
				tm := ""
				if c.Time != nil {
					tm = c.Time.Text
				}
				got.Channels = append(got.Channels, string(c.Mode)+"|"+tm)
			}
			for _, e := range sum.Errors {
				got.Errors = append(got.Errors, e.Error())
			}
			for _, w := range sum.Warnings {
				got.Warnings = append(got.Warnings, w.Error())
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("got  %+v\nwant %+v", got, tt.want)
			}
		})
	}
}

// A comment whose ends overlap ("<!-->", "<!--->") is not a comment, and
// reading it does not panic (it sliced s[4:2]; found by scripts/fuzz.sh).
func TestMarkdownOverlappingComment(t *testing.T) {
	for _, c := range []string{"<!-->", "<!--->", "<!---->"} {
		if got, want := isHTMLComment(c), c == "<!---->"; got != want {
			t.Errorf("isHTMLComment(%q) = %v, want %v", c, got, want)
		}
	}
	data, err := os.ReadFile(filepath.Join("..", "testdata", "hardening", "markdown-comment-panic.md"))
	if err != nil {
		t.Fatal(err)
	}
	if procs, sum := readAllData(t, "x.md", data, Options{}); len(procs)+len(sum.Errors) == 0 {
		t.Errorf("the record was neither read nor reported")
	}
}
