package check

import (
	"bytes"
	"errors"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestMarkerOf(t *testing.T) {
	tests := []struct {
		in     string
		kind   ParaKind
		label  string
		body   string
		quoted bool
	}{
		{"Điều 5. Hồ sơ cấp phép", ParaArticle, "5", "Hồ sơ cấp phép", false},
		{"**Điều 12a.** Sửa đổi", ParaArticle, "12a", "Sửa đổi", false},
		{"Điều 1.3.NĐ.1.2. Đối tượng áp dụng", ParaArticle, "1.3.NĐ.1.2", "Đối tượng áp dụng", false},
		{"Điều 36.5.NĐ.1.25a. Thủ tục chia, tách hội", ParaArticle, "36.5.NĐ.1.25a", "Thủ tục chia, tách hội", false},
		{"“Điều 8. Thẩm quyền", ParaArticle, "8", "Thẩm quyền", true},
		{"ĐIỀU 3: Giải thích", ParaArticle, "3", "Giải thích", false},
		{"Điều 5 của Luật này quy định rằng mọi việc phải được làm theo đúng quy trình đã định", ParaText, "", "", false},
		{"1. Tổ chức nộp hồ sơ", ParaClause, "1", "Tổ chức nộp hồ sơ", false},
		{"**2.** Hồ sơ gồm", ParaClause, "2", "Hồ sơ gồm", false},
		{"1.2. Tiểu mục", ParaClause, "1.2", "Tiểu mục", false},
		{"4) Văn bản cam kết", ParaClause, "4", "Văn bản cam kết", false},
		{"IV. QUY ĐỊNH KHÁC", ParaClause, "IV", "QUY ĐỊNH KHÁC", false},
		{"a) Đơn đề nghị", ParaPoint, "a", "Đơn đề nghị", false},
		{"đ) Các giấy tờ khác", ParaPoint, "đ", "Các giấy tờ khác", false},
		{"**b)** Bản sao", ParaPoint, "b", "Bản sao", false},
		{"- Tờ khai", ParaBullet, "", "Tờ khai", false},
		{"+ Bản chụp", ParaBullet, "", "Bản chụp", false},
		{"Chương II", ParaHeading, "", "Chương II", false},
		{"Mục 2. Cấp phép", ParaHeading, "", "Mục 2. Cấp phép", false},
		{"Mục đích của quy định", ParaText, "", "Mục đích của quy định", false},
		{"2026 là năm", ParaText, "", "2026 là năm", false},
		{"ab) không phải điểm", ParaText, "", "ab) không phải điểm", false},
		{"", ParaText, "", "", false},
	}
	for _, tt := range tests {
		kind, label, n, quoted := markerOf(tt.in)
		if kind != tt.kind || label != tt.label || quoted != tt.quoted {
			t.Errorf("markerOf(%q) = %v %q quoted=%v, want %v %q quoted=%v", tt.in, kind, label, quoted, tt.kind, tt.label, tt.quoted)
			continue
		}
		if tt.body != "" && strings.TrimSpace(tt.in[n:]) != tt.body {
			t.Errorf("markerOf(%q) body = %q, want %q", tt.in, tt.in[n:], tt.body)
		}
	}
}

// posOf returns the position of the first occurrence of sub in the source.
func posOf(t *testing.T, d *Draft, sub string) Position {
	t.Helper()
	i := strings.Index(d.Source(), sub)
	if i < 0 {
		t.Fatalf("%q not in source", sub)
	}
	return d.SourcePos(i)
}

func TestParseMarkdownPositions(t *testing.T) {
	src := "---\ntitle: \"Dự thảo\"\nso-hieu: \"01/2026/NĐ-CP\"\n---\n\n# Dự thảo\n\n### Điều 1. Hồ sơ\n\n" +
		"Hồ sơ gồm: a) **Đơn** đề nghị; b) Bản sao\ngiấy khai sinh. <!-- redtape-disable-line RT001 -->\n\n" +
		"| Tên | Số lượng |\n|---|---|\n| Tờ khai | 01 |\n"
	d, err := Parse("d.md", []byte(src), "")
	if err != nil {
		t.Fatal(err)
	}
	if d.Format != FormatMarkdown || d.Meta["so-hieu"] != "01/2026/NĐ-CP" || d.Meta["title"] != "Dự thảo" {
		t.Fatalf("format %v meta %v", d.Format, d.Meta)
	}
	want := []string{"Dự thảo", "Điều 1. Hồ sơ", "Hồ sơ gồm: a) Đơn đề nghị; b) Bản sao giấy khai sinh.", "Tên; Số lượng", "Tờ khai; 01"}
	got := strings.Split(strings.TrimSuffix(d.Text, "\n"), "\n")
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Fatalf("text = %q\nwant   %q", got, want)
	}
	// Every word of the text maps back to the same word in the source.
	for _, w := range []string{"Đơn", "giấy khai sinh", "Tờ khai", "Điều 1"} {
		i := strings.Index(d.Text, w)
		if p, q := d.Pos(i), posOf(t, d, w); p != q {
			t.Errorf("%q at %v, source has it at %v", w, p, q)
		}
	}
	// "giấy" starts line 11 after the joined line break.
	if p := d.Pos(strings.Index(d.Text, "giấy")); p.Line != 11 || p.Column != 1 {
		t.Errorf("giấy at %v, want 11:1", p)
	}
	if len(d.Directives) != 1 || d.Directives[0].Kind != DirDisableLine || d.Directives[0].Line != 11 {
		t.Errorf("directives = %+v", d.Directives)
	}
	if len(d.Articles) != 1 || d.Articles[0].Title != "Hồ sơ" || d.Articles[0].Label != "1" {
		t.Errorf("articles = %+v", d.Articles)
	}
	if len(d.Dossiers) != 1 || len(d.Dossiers[0].Items) != 2 {
		t.Fatalf("dossiers = %+v", d.Dossiers)
	}
	if it := d.TextOf(d.Dossiers[0].Items[1]); it != "Bản sao giấy khai sinh" {
		t.Errorf("item = %q", it)
	}
	end := d.EndPos(d.Dossiers[0].Items[1])
	if end.Line != 11 || end.Column != len([]rune("giấy khai sinh"))+1 {
		t.Errorf("item end = %v", end)
	}
}

func TestSetextHeading(t *testing.T) {
	d, err := Parse("d.md", []byte("DỰ THẢO\n=======\nĐiều 1. Phạm vi\n- - -\nNội dung\n"), "")
	if err != nil {
		t.Fatal(err)
	}
	if d.Text != "DỰ THẢO\nĐiều 1. Phạm vi\nNội dung\n" {
		t.Errorf("text = %q", d.Text)
	}
}

func TestParseHTML(t *testing.T) {
	src := "<html><body>\n<h3>Điều 2. Hồ sơ</h3>\n<p>Hồ sơ gồm:</p><ul><li>a) T&agrave;i liệu&nbsp;kh&aacute;c;</li>\n" +
		"<li>b) Bản<b>sao</b> giấy tờ</li></ul><script>x = 'Điều 9. Ẩn'</script><table><tr><td>Tên</td><td>Mẫu</td></tr></table></body></html>"
	d, err := Parse("d.html", []byte(src), "")
	if err != nil {
		t.Fatal(err)
	}
	want := "Điều 2. Hồ sơ\nHồ sơ gồm:\na) Tài liệu khác;\nb) Bảnsao giấy tờ\nTên; Mẫu\n"
	if d.Text != want {
		t.Fatalf("text = %q\nwant   %q", d.Text, want)
	}
	i := strings.Index(d.Text, "khác")
	if p := d.Pos(i); p != posOf(t, d, "kh&aacute;c") {
		t.Errorf("khác at %v", p)
	}
	if len(d.Articles) != 1 || len(d.Dossiers) != 1 || len(d.Dossiers[0].Items) != 2 {
		t.Errorf("articles %d dossiers %+v", len(d.Articles), d.Dossiers)
	}
}

func TestParseText(t *testing.T) {
	src := "Điều 3. Hồ sơ\r\n1. Hồ sơ gồm: đơn; bản sao\r\nsổ hộ khẩu;\r\n\r\ncủa người đứng đầu.\r\n2. Khác."
	d, err := Parse("d.txt", []byte(src), "")
	if err != nil {
		t.Fatal(err)
	}
	want := "Điều 3. Hồ sơ\n1. Hồ sơ gồm: đơn; bản sao sổ hộ khẩu;\ncủa người đứng đầu.\n2. Khác.\n"
	if d.Format != FormatText || d.Text != want {
		t.Fatalf("format %v text = %q\nwant %q", d.Format, d.Text, want)
	}
	if p := d.Pos(strings.Index(d.Text, "sổ")); p.Line != 3 || p.Column != 1 {
		t.Errorf("sổ at %v", p)
	}
}

func TestScannedTextJoin(t *testing.T) {
	// A blank line inside a wrapped sentence of a scanned text: joined
	// when the sentence plainly goes on (no stop, next line in lower case).
	src := "a) Văn bản đề nghị do người có thẩm quyền\n\ncủa Bảo hiểm tiền gửi ký;\n\nb) Kế hoạch trả nợ."
	d, err := Parse("d.md", []byte(src), "")
	if err != nil {
		t.Fatal(err)
	}
	if n := len(d.Paragraphs); n != 2 {
		t.Errorf("paragraphs = %d (%q)", n, d.Text)
	}
}

func TestDecodeDraft(t *testing.T) {
	utf16 := []byte{0xFF, 0xFE, 'H', 0, 0xD3, 0x1E, '\n', 0} // "Hồ\n" with U+1ED3
	d, err := Parse("u16.txt", utf16, "")
	if err != nil {
		t.Fatal(err)
	}
	if d.Text != "Hồ\n" {
		t.Errorf("utf-16 text = %q", d.Text)
	}
	nfd := "Ho\u0302\u0300 so\u031b gô\u0300m"
	d, err = Parse("nfd.txt", []byte(nfd), "")
	if err != nil {
		t.Fatal(err)
	}
	if d.Text != "Hồ sơ gồm\n" {
		t.Errorf("NFD text = %q", d.Text)
	}
	cp := []byte{'T', 0xEA, 'n'} // "Tên" in Windows-1258
	if d, err = Parse("cp.txt", cp, ""); err != nil || d.Text != "Tên\n" {
		t.Errorf("windows-1258 text = %q, %v", d.Text, err)
	}
}

func TestDirectives(t *testing.T) {
	src := "<!-- redtape-disable RT002, RT006 -- reason -->\nx\n<!-- redtape-enable -->\n<!--\nmulti\nline -->\n" +
		"<!-- redtape-disable-next-line certified-copy -->\ny <!-- redtape-disable-line --> <!-- want RT001 `x` -->\n<!-- other -->"
	d, err := Parse("d.md", []byte(src), "")
	if err != nil {
		t.Fatal(err)
	}
	got := []string{}
	for _, dir := range d.Directives {
		got = append(got, dir.Kind+":"+strings.Join(dir.Rules, ",")+":"+string(rune('0'+dir.Line)))
	}
	want := "disable:RT002,RT006:1 enable::3 disable-next-line:certified-copy:7 disable-line::8"
	if strings.Join(got, " ") != want {
		t.Errorf("directives = %v\nwant %v", strings.Join(got, " "), want)
	}
	s := newSuppressor(d)
	cases := []struct {
		id, name string
		line     int
		off      bool
	}{
		{"RT002", "catch-all-requirement", 2, true},
		{"RT006", "new-paper", 3, true},
		{"RT006", "new-paper", 4, false},
		{"RT001", "digitised-paper", 2, false},
		{"RT003", "certified-copy", 8, true},
		{"RT001", "digitised-paper", 8, true},
		{"RT003", "certified-copy", 9, false},
	}
	for _, c := range cases {
		if got := s.suppressed(c.id, c.name, c.line); got != c.off {
			t.Errorf("suppressed(%s, line %d) = %v, want %v", c.id, c.line, got, c.off)
		}
	}
}

// checkInvariants asserts what must hold for any input: offsets map
// forward, positions lie inside the file, spans nest.
func checkInvariants(t *testing.T, d *Draft) {
	t.Helper()
	if len(d.offs) != len(d.Text)+1 {
		t.Fatalf("offs %d for text %d", len(d.offs), len(d.Text))
	}
	if !utf8.ValidString(d.Text) && utf8.ValidString(d.Source()) {
		t.Fatalf("text not valid UTF-8")
	}
	last := int32(0)
	for i, o := range d.offs {
		if o < last || int(o) > len(d.Source()) {
			t.Fatalf("offs[%d] = %d after %d (source %d)", i, o, last, len(d.Source()))
		}
		last = o
	}
	lines := d.Lines()
	for _, s := range d.Sentences {
		p := d.Pos(s.Start)
		if p.Line < 1 || p.Line > lines || p.Column < 1 || p.Column > utf8.RuneCountInString(d.LineText(p.Line))+1 {
			t.Fatalf("sentence at %v outside the file (%d lines)", p, lines)
		}
		if e := d.EndPos(s); e.Line < p.Line || e.Line == p.Line && e.Column < p.Column {
			t.Fatalf("sentence ends at %v before it starts at %v", e, p)
		}
	}
	for _, ds := range d.Dossiers {
		for _, it := range ds.Items {
			if it.Start < 0 || it.End > len(d.Text) || it.Start >= it.End {
				t.Fatalf("bad item span %v", it)
			}
		}
	}
	for _, a := range d.Articles {
		if !a.Body.Contains(a.Heading) {
			t.Fatalf("article %s heading outside body", a.Label)
		}
	}
}

func TestInvariantsOnFixtures(t *testing.T) {
	for _, src := range []string{"", "\n\n", "<!--", "Điều", "a)", "**", "|", "<p>&", "---\nx: y\n", "Điều 1.\n“a) x", "Điều 1. Thủ tục\n1. Hồ sơ gồm:\na) Tờ khai gồm các văn bản sau:\n- .\n"} {
		for _, f := range Formats() {
			d, err := Parse("x", []byte(src), f)
			if err != nil {
				t.Fatal(err)
			}
			checkInvariants(t, d)
		}
	}
}

// TestParseRefusesBinary: input that is not text once decoded is an error
// wrapping ErrNotText and naming the file; text with the odd control
// character, legacy encodings and UTF-16 with a byte-order mark are read.
func TestParseRefusesBinary(t *testing.T) {
	random := make([]byte, 4096)
	rng := rand.New(rand.NewPCG(7, 11))
	for i := range random {
		random[i] = byte(rng.UintN(256))
	}
	noNUL := bytes.ReplaceAll(random, []byte{0}, []byte{'x'})
	utf16NoBOM := []byte{'H', 0, 0xD3, 0x1E, ' ', 0, 's', 0, 0xA1, 0x01, '\n', 0}
	long := strings.Repeat("Hồ sơ gồm đơn đề nghị và bản sao giấy phép. ", 20)
	tests := []struct {
		name    string
		data    []byte
		notText bool
	}{
		{"random bytes", random, true},
		{"random bytes without NUL", noNUL, true},
		{"PNG header", []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"), true},
		{"gzip header", []byte{0x1f, 0x8b, 0x08, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x03}, true},
		{"UTF-16 without byte-order mark", utf16NoBOM, true},
		{"one NUL in text", []byte(long + "\x00" + long), true},
		{"control characters in a short line", []byte("ab\x01\x02\x03cd\n"), true},
		{"C1 controls (UTF-8)", []byte(strings.Repeat("a\u0085\u0090b", 10)), true},
		{"empty", nil, false},
		{"one escape in a long text", []byte(long + "\x1b" + long), false},
		{"form feed, vertical tab, tabs, CRLF", []byte("Điều 1.\f\r\nHồ sơ:\v\ta) Đơn;\r\n"), false},
		{"Windows-1258", []byte{'T', 0xEA, 'n', ' ', 0x80, ' ', 'v', 0xE0}, false},
		{"UTF-16 with byte-order mark", append([]byte{0xFF, 0xFE}, utf16NoBOM...), false},
		{"the word garbage", []byte("garbage\n"), false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Parse("drafts/x.bin", tt.data, "")
			if got := errors.Is(err, ErrNotText); got != tt.notText {
				t.Fatalf("Parse error = %v, want not-text %v", err, tt.notText)
			}
			if err != nil && !strings.Contains(err.Error(), "drafts/x.bin") {
				t.Errorf("error does not name the file: %v", err)
			}
			if !tt.notText && err != nil {
				t.Errorf("unexpected error: %v", err)
			}
		})
	}
}

// TestRealTextIsText: no real legal text or Word-export record of
// ../shared is taken for binary, so the control-character bound leaves
// real input alone.
func TestRealTextIsText(t *testing.T) {
	shared := filepath.Join("..", "..", "..", "shared")
	var files []string
	for _, pat := range []string{"regulations/*.md", "corpus/word-export/*", "corpus/national-export-sample/*"} {
		m, _ := filepath.Glob(filepath.Join(shared, filepath.FromSlash(pat)))
		files = append(files, m...)
	}
	if len(files) == 0 {
		t.Skip("../shared is absent: the real texts are not available here")
	}
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		if err := checkText(data); err != nil {
			t.Errorf("%s: %v", f, err)
		}
	}
}

// TestEndPos checks that a span's end column is one past its last code
// point, whatever the width of that character in UTF-8.
func TestEndPos(t *testing.T) {
	for _, tt := range []struct{ text, span string }{
		{"Xuất trình hộ khẩu thường trú;", "hộ khẩu thường trú"},
		{"Xuất trình hộ khẩu thường trú (sổ hộ khẩu).", "hộ khẩu thường trú"},
		{"Nộp giấy Chứng minh nhân dân đã cấp.", "giấy Chứng minh nhân dân"},
		{"Bản sao giấy tờ về sở hữu nhà ở;", "sở hữu nhà ở"},
		{"Tờ khai đề nghị cấp thẻ Đ", "thẻ Đ"},
	} {
		d, err := Parse("t.txt", []byte(tt.text), FormatText)
		if err != nil {
			t.Fatal(err)
		}
		i := strings.Index(d.Text, tt.span)
		s := Span{i, i + len(tt.span)}
		start, end := d.Pos(s.Start), d.EndPos(s)
		if want := start.Column + utf8.RuneCountInString(tt.span); end.Line != start.Line || end.Column != want {
			t.Errorf("%q in %q: end %v, want column %d", tt.span, tt.text, end, want)
		}
	}
}

func TestArticleTitleLine(t *testing.T) {
	// A capitalised line after an article's title line opens its body; a
	// title broken after a word that needs more, or in lower case, goes on;
	// an article named in a wrapped sentence opens none.
	tests := []struct {
		src   string
		title string
		paras int
	}{
		{"Điều 2. Hồ sơ đề nghị cấp thẻ\nHồ sơ đề nghị cấp thẻ gồm: đơn; ảnh.", "Hồ sơ đề nghị cấp thẻ", 2},
		{"Điều 5. Trách nhiệm của\nBộ Công an\n1. Chủ trì.", "Trách nhiệm của Bộ Công an", 2},
		{"Điều 9. Hồ sơ đề nghị cấp giấy chứng\nnhận đăng ký\n1. Đơn.", "Hồ sơ đề nghị cấp giấy chứng nhận đăng ký", 2},
		{"Điều 1. Phạm vi\nNghị định sửa đổi Luật Đường bộ và\nĐiều 77 Luật Trật tự, an toàn giao thông.", "Phạm vi", 2},
	}
	for _, tt := range tests {
		d, err := Parse("d.txt", []byte(tt.src), "")
		if err != nil {
			t.Fatal(err)
		}
		if len(d.Articles) != 1 || d.Articles[0].Title != tt.title || len(d.Paragraphs) != tt.paras {
			var titles []string
			for _, a := range d.Articles {
				titles = append(titles, a.Title)
			}
			t.Errorf("%q: titles %q, %d paragraphs; want %q, %d", tt.src, titles, len(d.Paragraphs), tt.title, tt.paras)
		}
	}
}
