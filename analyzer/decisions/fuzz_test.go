package decisions

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/redtape-vn/redtape/analyzer/vntext"
)

// FuzzParse feeds the decisions file parser arbitrary bytes (seeds in
// testdata/fuzz/FuzzParse and below): it must not panic, and a list it
// accepts must hold only rows with a code, a paper, a line and a name to
// look for, each indexed under its code.
func FuzzParse(f *testing.F) {
	f.Add([]byte(userFile))
	f.Add([]byte(judgeFile))
	f.Add([]byte(defaultData))
	f.Add([]byte("# schema: redtape.decisions/v1\n# title: T\n# source: S\r\ncode,paper\r\n1.000001,\"Giấy, \"\"khai\"\" sinh\"\r\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		l, err := Parse("fuzz.csv", data, nil)
		if err != nil {
			return
		}
		n := 0
		for _, r := range l.Rows {
			if r.Code == "" || r.Paper == "" || r.Line < 1 || len(r.names) == 0 {
				t.Fatalf("accepted a bad row: %+v", r)
			}
			found := false
			for _, x := range l.ByCode(r.Code) {
				found = found || x == r
			}
			if !found {
				t.Fatalf("row %+v is not indexed", r)
			}
			n++
			// Judging on the row's own paper must not panic either.
			judgeRow(r, []paperText{{text: r.Paper, toks: tokens(r.Paper)}})
		}
		if n == 0 {
			t.Fatal("accepted a list without rows")
		}
	})
}

// FuzzTokens checks the one-pass tokenizer against vntext: apart from the
// abbreviations it spells out, its folded words are vntext.FoldedWords of
// the text.
func FuzzTokens(f *testing.F) {
	for _, s := range []string{"Bản sao GCN ĐKDN", "Giấy khai sinh", "GIẤY CHỨNG NHẬN", "Căn cước công dân", "a1-b2", "Đ"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if !utf8.ValidString(s) {
			return
		}
		var got []string
		for _, tk := range tokens(s) {
			got = append(got, tk.fold)
		}
		var want []string
		for _, w := range vntext.FoldedWords(vntext.NFC(s)) {
			if exp, ok := abbreviations[w]; ok {
				want = append(want, strings.Fields(exp)...)
				continue
			}
			want = append(want, w)
		}
		if strings.Join(got, " ") != strings.Join(want, " ") {
			t.Fatalf("tokens(%q) = %q, want %q", s, got, want)
		}
	})
}
