package reports

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"
)

// addSeeds adds the files of testdata/fuzz/<target>/ at the repository root.
func addSeeds(f *testing.F, target string) {
	seeds, _ := filepath.Glob(filepath.Join("..", "testdata", "fuzz", target, "*"))
	for _, s := range seeds {
		data, err := os.ReadFile(s)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(string(data))
	}
}

// FuzzReportEsc: any outside text, escaped, stays one table cell of plain
// text once rendered by gomarkdown.
func FuzzReportEsc(f *testing.F) {
	addSeeds(f, "FuzzReportEsc")
	f.Add("a|b")
	f.Fuzz(func(t *testing.T, s string) {
		if !utf8.ValidString(s) {
			return
		}
		e := esc(s)
		if strings.ContainsAny(e, "\n\r") {
			t.Fatalf("escaped text spans lines: %q", e)
		}
		out := string(renderMarkdown(table([]string{"a", "b"}, "lr", [][]string{{e, "1"}})))
		if n := strings.Count(out, "<td"); n != 2 {
			t.Fatalf("%q: %d cells, want 2:\n%s", s, n, out)
		}
		for _, tag := range []string{"<script", "<a ", "<img", "<strong", "<em", "<code", "<details", "<!--"} {
			if strings.Contains(out, tag) {
				t.Fatalf("%q: %s came through:\n%s", s, tag, out)
			}
		}
	})
}

// FuzzReportTexts: the text-file parser never panics, and what it accepts
// has both languages with the same verbs for every key.
func FuzzReportTexts(f *testing.F) {
	addSeeds(f, "FuzzReportTexts")
	f.Add(string(textData))
	f.Fuzz(func(t *testing.T, s string) {
		all, err := parseTexts([]byte(s))
		if err != nil {
			return
		}
		for k, tr := range all {
			vi, en := tr["vi"], tr["en"]
			if vi.Other == "" || en.Other == "" || vi.Plural {
				t.Fatalf("accepted %s: %+v", k, tr)
			}
			forms := []string{en.Other}
			if en.Plural {
				forms = append(forms, en.One)
			}
			for _, form := range forms {
				if verbs(vi.Other) != verbs(form) {
					t.Fatalf("accepted %s with different verbs: %+v", k, tr)
				}
			}
		}
	})
}
