package decisions

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/redtape-vn/redtape/corpus/vntext"
)

// maxFuzzInput bounds the files FuzzParse reads. Parse is linear in its
// input (TestParseLongPaperLinear), but the target also judges each row on
// its own paper, which takes the row's names times its words; and a
// mutated 300 KB file ran at tens of inputs a second. Long fields are
// covered by TestParseLongPaperLinear, the whole list by the unit tests.
const maxFuzzInput = 16 << 10

// excerpt returns the built-in list's header (without its row count) and
// column names, and every step-th of its rows: a seed of real rows from
// every section that the fuzzer can mutate quickly.
func excerpt(step int) []byte {
	var out []string
	row := 0
	for _, line := range strings.SplitAfter(string(defaultData), "\n") {
		switch {
		case strings.HasPrefix(line, "# rows:"):
		case strings.HasPrefix(line, "#"), strings.HasPrefix(line, "code,"):
			out = append(out, line)
		default:
			if row%step == 0 {
				out = append(out, line)
			}
			row++
		}
	}
	return []byte(strings.Join(out, ""))
}

// FuzzParse feeds the decisions file parser arbitrary bytes (seeds in
// testdata/fuzz/FuzzParse and below): it must not panic, and a list it
// accepts must hold only rows with a code, a paper, a line and a name to
// look for, each indexed under its code.
func FuzzParse(f *testing.F) {
	seed := excerpt(50)
	if l, err := Parse("excerpt.csv", seed, nil); err != nil || l.Len() < 10 || len(seed) > maxFuzzInput {
		f.Fatalf("the excerpt of the built-in list (%d bytes) reads as %v rows, %v", len(seed), l.Len(), err)
	}
	f.Add(seed)
	f.Add([]byte(userFile))
	f.Add([]byte(judgeFile))
	f.Add([]byte("# schema: redtape.decisions/v1\n# title: T\n# source: S\r\ncode,paper\r\n1.000001,\"Giấy, \"\"khai\"\" sinh\"\r\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		if len(data) > maxFuzzInput {
			return
		}
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

// FuzzTokens checks the one-pass tokenizer against vntext on Latin-script
// text, the records' (runes below U+0370, and U+1E00–U+1EFF, Vietnamese
// letters among them): apart from the abbreviations it spells out, its
// folded words are vntext.FoldedWords of the text. Other scripts have
// canonical equivalents and marks the tokenizer leaves as they are (the
// seeds in testdata/fuzz/FuzzTokens: U+1FE3, Balinese U+1B3A U+1B35); a
// word of marks alone it drops, as folding does (Arabic U+0610).
func FuzzTokens(f *testing.F) {
	for _, s := range []string{"Bản sao GCN ĐKDN", "Giấy khai sinh", "GIẤY CHỨNG NHẬN", "Căn cước công dân", "a1-b2", "Đ"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if !utf8.ValidString(s) {
			return
		}
		for _, r := range s {
			if r >= 0x370 && (r < 0x1e00 || r > 0x1eff) {
				return // not Latin script
			}
		}
		var got []string
		for _, tk := range tokens(s) {
			got = append(got, tk.fold)
		}
		var want []string
		for _, w := range vntext.FoldedWords(s) {
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
