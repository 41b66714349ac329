package reports

import (
	"strings"
	"testing"
)

func TestEsc(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"Đăng ký khai sinh", "Đăng ký khai sinh"},
		{"<script>alert(1)</script>", `\<script\>alert(1)\</script\>`},
		{"A | B", `A \| B`},
		{"*bold* _it_ `code`", "\\*bold\\* \\_it\\_ \\`code\\`"},
		{"[link](http://x)", `\[link\](http\://x)`},
		{"line\nbreak\r\n  spaces", "line break spaces"},
		{`back\slash & $x$`, `back\\slash \& \$x\$`},
		{"1.000005", "1.000005"},
		{"", ""},
	} {
		if got := esc(tc.in); got != tc.want {
			t.Errorf("esc(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

// Escaped outside text renders as the same text in one table cell.
func TestEscRendersAsText(t *testing.T) {
	for _, name := range []string{
		"<script>alert(1)</script>",
		"Cấp phép | loại A",
		"<img src=x onerror=alert(1)>",
		"**not bold** and `not code`",
		"[click](javascript:alert(1))",
		"a\\|b",
		"&lt;b&gt; & ©",
	} {
		md := table([]string{"a", "b"}, "lr", [][]string{{esc(name), "1"}})
		out := string(renderMarkdown(md))
		if strings.Contains(out, "<script") || strings.Contains(out, "<img") || strings.Contains(out, "<a ") ||
			strings.Contains(out, "<strong>") || strings.Contains(out, "<code>") {
			t.Errorf("%q: markup came through: %s", name, out)
		}
		if n := strings.Count(out, "<td"); n != 2 {
			t.Errorf("%q: %d cells, want 2: %s", name, n, out)
		}
	}
}

// Raw HTML that reaches the renderer anyway is printed as text.
func TestRawHTMLEscaped(t *testing.T) {
	out := string(renderMarkdown("<script>alert(1)</script>\n\ntext <b>x</b>\n"))
	if strings.Contains(out, "<script>") || strings.Contains(out, "<b>") {
		t.Errorf("raw HTML passed through: %s", out)
	}
	if !strings.Contains(out, "&lt;script&gt;") {
		t.Errorf("raw HTML not shown as text: %s", out)
	}
}

func TestSlug(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"Tóm tắt", "tóm-tắt"},
		{"Phụ lục: phương pháp, tham số và nguồn", "phụ-lục-phương-pháp-tham-số-và-nguồn"},
		{"Appendix: method, parameters and sources", "appendix-method-parameters-and-sources"},
		{"National business-registration database", "national-business-registration-database"},
		{"Cơ sở dữ liệu (CSDL) #1", "cơ-sở-dữ-liệu-csdl-1"},
	} {
		if got := slug(tc.in); got != tc.want {
			t.Errorf("slug(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
	d := newDoc()
	a, b := d.heading(3, "Hộ tịch"), d.heading(3, "Hộ tịch")
	if a.id == b.id || b.id != "hộ-tịch-1" {
		t.Errorf("duplicate headings got ids %q and %q", a.id, b.id)
	}
}

func TestBar(t *testing.T) {
	for _, tc := range []struct {
		a, p, target float64
		want         string
	}{
		{0, 0, 20, "░░│░░░░░░░░"},
		{10, 30, 20, "█▒│▒░░░░░░░"},
		{50, 40, 20, "██│███░░░░░"},
		{-5, 120, 20, "▒▒│▒▒▒▒▒▒▒▒"},
		{100, 100, 100, "██████████│"},
	} {
		if got := bar(tc.a, tc.p, tc.target, 10); got != tc.want {
			t.Errorf("bar(%v, %v, %v) = %q, want %q", tc.a, tc.p, tc.target, got, tc.want)
		}
	}
}
