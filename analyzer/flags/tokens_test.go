package flags

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/redtape-vn/redtape/corpus/vntext"
	"golang.org/x/text/unicode/norm"
)

// TestTokenizeAgrees: the table-driven tokenizer gives the words, offsets,
// breaks, depths and marks of a plain one, on tricky texts and the fuzz
// seeds, and each token's set bits are those of its word.
func TestTokenizeAgrees(t *testing.T) {
	texts := []string{
		"Bản sao có chứng thực Giấy khai sinh; CMND/CCCD (hoặc hộ chiếu).",
		"đề nghịBản sao", "GIẤY KHAI SINH", "1.000178 và 4.500.000 đồng", "- Giấy tờ – khác * mục + x",
		"Ωμέγα Привет 中文 ǅ ǈ Ⱥ İ", "\xff\xfe((( ]] ))", "", "a", "Ⓐ ⅷ ①",
		norm.NFD.String("Bản sao có chứng thực Giấy khai sinh của người được khai sinh"),
		"e\u0301\u0323 x\u0300", "Khoẻ khỏe SỔ số Số", "tab\tnew\nline\r\n!?:;•",
	}
	seeds, _ := filepath.Glob(filepath.Join("..", "..", "testdata", "fuzz", "FuzzMatch", "*"))
	for _, s := range seeds {
		if b, err := os.ReadFile(s); err == nil {
			texts = append(texts, string(b))
		}
	}
	for _, text := range texts {
		got, want := tokenize(text), referenceTokenize(nil, text)
		if len(got) != len(want) {
			t.Errorf("tokenize(%q): %d tokens, want %d", text, len(got), len(want))
			continue
		}
		for i := range got {
			g, w := got[i], want[i]
			g.sets = 0
			if g != w {
				t.Errorf("tokenize(%q) token %d: %+v, want %+v", text, i, g, w)
			}
			var sets uint32
			for _, s := range keywordSets {
				if _, ok := s.index().byFirst[got[i].fold]; ok {
					sets |= s.bit
				}
			}
			if got[i].sets != sets {
				t.Errorf("tokenize(%q) token %d %q: sets %b, want %b", text, i, got[i].fold, got[i].sets, sets)
			}
		}
	}
}

// referenceTokenize is the tokenizer written plainly with package
// unicode, before the table-driven one: the two must agree.
func referenceTokenize(buf []token, text string) []token {
	toks := buf[:0]
	var offs [][2]int
	// All folded words go into one buffer, sliced once at the end.
	var folded strings.Builder
	folded.Grow(len(text))
	// The folded word of each token is kept as offsets in fs and fe until
	// the buffer is done.
	var brk = brkClause | brkStop
	depth := 0
	start := -1 // start of the current word, or -1
	fs := 0     // start of its folded form
	ascii := true
	var marks uint32
	var prev rune
	prevSpace := true // whether the rune before a separator was white space
	flush := func(end int) {
		offs = append(offs, [2]int{fs, folded.Len()})
		toks = append(toks, token{start: int32(start), end: int32(end), brk: brk, depth: int16(depth), marks: marks, ascii: ascii})
		brk = 0
		start = -1
	}
	for i, r := range text {
		if refIsWordRune(r) {
			if start >= 0 && refIsLower(prev) && refIsUpper(r) {
				flush(i)
				brk |= brkClause
			}
			if start < 0 {
				start, fs, ascii, marks = i, folded.Len(), true, 0
			}
			if r < 0x80 {
				c := byte(r)
				if 'A' <= c && c <= 'Z' {
					c += 'a' - 'A'
				}
				folded.WriteByte(c)
			} else {
				ascii = false
				marks = addMarks(marks, r)
				if f := vntext.FoldRune(r); f >= 0 {
					folded.WriteRune(f)
				}
			}
			prev = r
			continue
		}
		if start >= 0 {
			flush(i)
		}
		switch r {
		case ':':
			brk |= brkClause | brkColon
		case ';', '•':
			brk |= brkClause
		case '\n', '!', '?', '\r':
			brk |= brkClause | brkStop
		case '.':
			// A dot between digits (1.000178, 4.500.000) is not a break.
			next, _ := utf8.DecodeRuneInString(text[i+1:])
			if !(unicode.IsDigit(prev) && unicode.IsDigit(next)) {
				brk |= brkClause | brkStop
			}
		case '-', '+', '–', '*':
			next, _ := utf8.DecodeRuneInString(text[i+1:])
			if prevSpace && (next == ' ' || next == '\t' || unicode.IsUpper(next)) || len(toks) == 0 {
				brk |= brkClause
			}
		case ',':
			brk |= brkComma
		case '/', '\\':
			brk |= brkSlash
		case '(', '[':
			brk |= brkOpen
			depth++
		case ')', ']':
			brk |= brkClose
			if depth > 0 {
				depth--
			}
		}
		prevSpace = unicode.IsSpace(r) || i == 0
		prev = r
	}
	if start >= 0 {
		flush(len(text))
	}
	all := folded.String()
	for i := range toks {
		toks[i].fold = all[offs[i][0]:offs[i][1]]
	}
	return toks
}

// isWordRune is vntext.IsWordRune with a fast path for ASCII.
func refIsWordRune(r rune) bool {
	if r < 0x80 {
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9'
	}
	return vntext.IsWordRune(r)
}

func refIsLower(r rune) bool {
	if r < 0x80 {
		return 'a' <= r && r <= 'z'
	}
	return unicode.IsLower(r)
}

func refIsUpper(r rune) bool {
	if r < 0x80 {
		return 'A' <= r && r <= 'Z'
	}
	return unicode.IsUpper(r)
}
