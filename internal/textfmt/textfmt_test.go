package textfmt

import (
	"bytes"
	"errors"
	"fmt"
	"strings"
	"testing"
)

func TestClip(t *testing.T) {
	tests := []struct {
		s    string
		n    int
		want string
	}{
		{"Cấp giấy phép", 20, "Cấp giấy phép"},
		{"Cấp giấy phép", 13, "Cấp giấy phép"},
		{"Cấp giấy phép", 5, "Cấp…"},
		{"Cấp giấy phép", 4, "Cấp…"},
		{"abc", 0, "…"},
	}
	for _, tt := range tests {
		if got := Clip(tt.s, tt.n); got != tt.want {
			t.Errorf("Clip(%q, %d) = %q, want %q", tt.s, tt.n, got, tt.want)
		}
	}
}

func TestMarkdown(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Bộ Tư pháp", "Bộ Tư pháp"},
		{"a | b\nc", `a \| b c`},
		{"<script>x</script>", `\<script\>x\</script\>`},
		{"[x](javascript:alert(1))", `\[x\](javascript:alert(1))`},
		{"![](http://e/x.png)", `\!\[\](http\://e/x.png)`},
		{"see www.example.org or https://x.vn", `see www\.example.org or https\://x.vn`},
		{"Điều 10: hồ sơ", "Điều 10: hồ sơ"},
		{"a\x1b[31mred\u202e", `a\\x1b\[31mred\\u202e`}, // shown as a\x1b[31mred\u202e
		{"line\n::error file=x::boom", `line ::error file=x::boom`},
		{"two   spaces ", "two   spaces "},
	}
	for _, tt := range tests {
		if got := Markdown(tt.in); got != tt.want {
			t.Errorf("Markdown(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestTerminal(t *testing.T) {
	tests := []struct{ in, want string }{
		{"plain Việt", "plain Việt"},
		{"a\nb\tc", "a b c"},
		{"\x1b[2J", `\x1b[2J`},
		{"\u202eevil", `\u202eevil`},
		{"bad \xff byte", `bad \xff byte`},
	}
	for _, tt := range tests {
		if got := Terminal(tt.in); got != tt.want {
			t.Errorf("Terminal(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestColumns(t *testing.T) {
	var b bytes.Buffer
	Columns(&b, [][]string{{"unit", "n"}, {"procedures", "12"}, {"papers", "3"}})
	want := "  unit         n\n  procedures  12\n  papers       3\n"
	if b.String() != want {
		t.Errorf("Columns:\n%q\nwant\n%q", b.String(), want)
	}
}

type failing struct{ n int }

func (f *failing) Write(p []byte) (int, error) {
	f.n++
	return 0, errors.New("disk full")
}

func TestWriterKeepsFirstError(t *testing.T) {
	f := &failing{}
	w := &Writer{W: f}
	w.Printf("a")
	w.Printf("b")
	if w.Err == nil || !strings.Contains(w.Err.Error(), "disk full") || f.n != 1 {
		t.Errorf("err %v after %d writes; want the first error after one write", w.Err, f.n)
	}
}

func TestTerminalWriter(t *testing.T) {
	var b bytes.Buffer
	w := TerminalWriter{W: &b}
	fmt.Fprintf(w, "a\tb\n%s\n", "name\x1b[2J\u202eevil\rx")
	if want := "a\tb\nname\\x1b[2J\\u202eevil x\n"; b.String() != want {
		t.Errorf("got %q, want %q", b.String(), want)
	}
}

// Printable shows every unsafe character as a Go escape, keeps the rest
// as it is, and is idempotent.
func TestPrintable(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"drafts/nghị-định.md", "drafts/nghị-định.md"},
		{"a\n::error::b", `a\n::error::b`},
		{"a\r\tb\x1b[2J\x7f\u0085", `a\r\tb\x1b[2J\x7f\u0085`},
		{"evil\u202etxt.md\u2066\u200f\u061c", `evil\u202etxt.md\u2066\u200f\u061c`},
		{"bad\xff\xfe", `bad\xff\xfe`},
		{`C:\drafts\a.md`, `C:\drafts\a.md`},
		{"�", "�"},
	} {
		got := Printable(tt.in)
		if got != tt.want {
			t.Errorf("Printable(%q) = %q, want %q", tt.in, got, tt.want)
		}
		if again := Printable(got); again != got {
			t.Errorf("Printable not idempotent on %q: %q", tt.in, again)
		}
	}
}

// Terminal and Printable escape the same characters: a character one lets
// through the other does too.
func TestTerminalAndPrintableAgree(t *testing.T) {
	for _, r := range []rune{'a', 'đ', ' ', '\\', 0x00, 0x1b, 0x7f, 0x85, 0x9f, 0x061c, 0x200e, 0x200f, 0x2028, 0x2029,
		0x202a, 0x202e, 0x2066, 0x2069, 0xfeff, 0x1ea1} {
		s := string(r)
		if (Terminal(s) == s) != (Printable(s) == s) {
			t.Errorf("%U: Terminal gives %q, Printable %q", r, Terminal(s), Printable(s))
		}
	}
}
