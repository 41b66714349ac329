package fields

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"
)

// FuzzQueryAnalysis feeds record and query text to the analyzers and the
// legal-number extractor: offsets must point at the word each term came
// from, bigrams must pair adjacent words, and extracted numbers must be in
// normal form, found where they are written. Seeds live in testdata/fuzz/FuzzQueryAnalysis at the root.
func FuzzQueryAnalysis(f *testing.F) {
	for _, s := range []string{
		"Giấy khai sinh", "Nghị định 05/2012/NĐ-CP05/2012/NĐ-CP", "năm 201102/2011/QH13Quy định",
		"1.000178, 4.500.000 đồng", "a\u2029b c", "TT-BCALuật", "ĐƯỜNG\u0301", "\xff\xfe",
	} {
		f.Add(s)
	}
	dir := filepath.Join("..", "..", "..", "testdata", "fuzz", "FuzzQueryAnalysis")
	if entries, err := os.ReadDir(dir); err == nil {
		for _, e := range entries {
			b, err := os.ReadFile(filepath.Join(dir, e.Name()))
			if err != nil {
				continue
			}
			lines := strings.SplitN(strings.TrimSpace(string(b)), "\n", 2)
			if len(lines) == 2 && strings.HasPrefix(lines[1], "string(") {
				if s, err := strconv.Unquote(strings.TrimSuffix(strings.TrimPrefix(lines[1], "string("), ")")); err == nil {
					f.Add(s)
				}
			}
		}
	}
	f.Fuzz(func(t *testing.T, s string) {
		in := []byte(s)
		words := Folded().Analyze(in)
		for i, tok := range words {
			if tok.Start < 0 || tok.End > len(in) || tok.Start >= tok.End {
				t.Fatalf("token %d has offsets %d:%d in %d bytes", i, tok.Start, tok.End, len(in))
			}
			// A word over MaxWordBytes is indexed by its first bytes.
			if got := FoldTerm(string(capWord(in[tok.Start:tok.End]))); got != string(tok.Term) {
				t.Fatalf("token %q covers %q (folds to %q)", tok.Term, in[tok.Start:tok.End], got)
			}
			if i > 0 && tok.Position <= words[i-1].Position {
				t.Fatalf("positions not increasing at %d", i)
			}
		}
		for _, bi := range Bigrams().Analyze(in) {
			a, b, ok := strings.Cut(string(bi.Term), " ")
			if !ok || a == "" || b == "" {
				t.Fatalf("bigram %q is not two words", bi.Term)
			}
		}
		for _, n := range ExtractNumbers(s) {
			if NormalizeNumber(n) != n || !utf8.ValidString(n) || !strings.Contains(n, "/") {
				t.Fatalf("extracted %q is not a normal number", n)
			}
		}
		last := 0
		for _, m := range FindNumbers(s) {
			if m.Start < last || m.End > len(s) || m.Start >= m.End {
				t.Fatalf("number %q at %d:%d (after %d) in %d bytes", m.Number, m.Start, m.End, last, len(s))
			}
			if s[m.Start] < '0' || s[m.Start] > '9' {
				t.Fatalf("number %q starts at %q, not at its serial", m.Number, s[m.Start:m.End])
			}
			last = m.End
		}
	})
}
