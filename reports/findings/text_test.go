package findings

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/redtape-vn/redtape/analyzer/check"
	"github.com/redtape-vn/redtape/internal/i18n"
	"github.com/redtape-vn/redtape/internal/textfmt"
)

// hostileNames are file names an attacker can give a draft (a diff's
// "+++ " line, a directory entry): the first is
// testdata/hardening/hostile-file-name.txt, a newline then a GitHub
// Actions workflow command.
func hostileNames(t *testing.T) []string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("..", "..", "testdata", "hardening", "hostile-file-name.txt"))
	if err != nil {
		t.Fatal(err)
	}
	return []string{
		strings.TrimSuffix(string(data), "\n"),
		"a\r::warning::x.md",
		"a\x1b]0;title\x07\x1b[2J.md",
		"evil\u202etxt.md",
		"a\u2028::error::b.md",
		"a\x85::error::b\xff.md",
	}
}

// TestHostileFileNames runs hostile file names, rule names, messages and
// notes through the text and github formats, in both languages (the
// Vietnamese messages quote the hostile text as an argument): no output
// line may start a workflow command other than the annotations written,
// and no control or bidi character may pass (issue 15).
func TestHostileFileNames(t *testing.T) {
	for _, lang := range []i18n.Lang{i18n.English, i18n.Vietnamese} {
		for _, name := range hostileNames(t) {
			hostileReport(t, lang, name)
		}
	}
}

// hostileReport checks one hostile name in one language.
func hostileReport(t *testing.T, lang i18n.Lang, name string) {
	t.Helper()
	r := sampleReport(t)
	r.Lang = lang
	for _, f := range r.Files {
		f.Path = name
		for i := range f.Findings {
			f.Findings[i].File = name
			f.Findings[i].Name += "\n::error::name"
			f.Findings[i].Message += "\x1b[31m\u202e\n::error::msg"
			f.Findings[i].Fix += "\r\n::error::fix"
			f.Findings[i].Msg = check.NewMessage("rt006", "\x1b[31m\u202e\n::error::msg")
			f.Findings[i].FixMsg = check.Pair("x\r\n::error::fix", "y\r\n::error::fix")
		}
	}
	r.Unreadable = []Unreadable{{File: name, Error: "read draft " + name + ": not text"}}
	r.Notes = append(r.Notes, "--diff - changes no draft under "+name)
	for _, format := range []string{"text", "github"} {
		var buf bytes.Buffer
		if err := Write(&buf, format, r); err != nil {
			t.Fatal(err)
		}
		out := buf.String()
		for _, line := range strings.Split(strings.TrimSuffix(out, "\n"), "\n") {
			if strings.HasPrefix(line, "::") && (format == "text" ||
				!(strings.HasPrefix(line, "::error file=") || strings.HasPrefix(line, "::warning file=") ||
					strings.HasPrefix(line, "::notice file=") || strings.HasPrefix(line, "::notice title=redtape check::"))) {
				t.Errorf("%s, file %q: a line starts a workflow command:\n%s", format, name, line)
			}
		}
		for _, r := range strings.TrimSuffix(out, "\n") {
			if r != '\n' && textfmt.Printable(string(r)) != string(r) {
				t.Errorf("%s, file %q: %U passed unescaped:\n%s", format, name, r, out)
				break
			}
		}
		if !strings.Contains(out, textfmt.Printable(name)) && !strings.Contains(out, ghProperty(name)) {
			t.Errorf("%s: the file name %q is not shown escaped:\n%s", format, name, out)
		}
	}
}

// Counts follow the language's convention: as Go prints them in English,
// with dots between groups of three digits in Vietnamese.
func TestNumber(t *testing.T) {
	for _, tt := range []struct {
		l    i18n.Lang
		n    int
		want string
	}{
		{i18n.English, 1400, "1400"}, {i18n.Vietnamese, 1400, "1.400"}, {i18n.Vietnamese, 999, "999"},
		{i18n.Vietnamese, 1234567, "1.234.567"}, {i18n.Vietnamese, 0, "0"}, {i18n.Vietnamese, -12345, "-12.345"},
	} {
		if got := number(tt.l, tt.n); got != tt.want {
			t.Errorf("number(%s, %d) = %q, want %q", tt.l, tt.n, got, tt.want)
		}
	}
}
