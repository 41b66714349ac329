package flags

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/redtape-vn/redtape/analyzer/vntext"
)

// Break kinds: what separates a token from the one before it.
const (
	brkClause uint8 = 1 << iota // start of text, ; : . newline, a bullet, or a run-on seam
	brkComma                    // ,
	brkSlash                    // /
	brkOpen                     // (
	brkClose                    // )
	brkStop                     // end of a sentence: . newline ! ? (always with brkClause)
)

// token is one word of a text.
type token struct {
	fold       string // folded: lower case, no diacritics, đ as d
	start, end int32  // byte offsets in the text
	depth      int16  // parenthesis depth
	brk        uint8  // break kinds before the token
	hooked     bool   // the word contains ổ, as sổ "book" does and số "number" does not
	ascii      bool   // the word has no diacritics
}

// span returns the text of toks[i:j], which must not be empty.
func span(text string, toks []token, i, j int) string {
	return text[toks[i].start:toks[j-1].end]
}

// tokenize splits text into words of letters, digits and marks. A word is
// also split where a lower-case letter meets an upper-case one, the seam left
// when table cells run together.
func tokenize(text string) []token {
	toks := make([]token, 0, len(text)/5)
	// All folded words go into one buffer, sliced once at the end.
	var folded strings.Builder
	folded.Grow(len(text))
	spans := make([]int32, 0, cap(toks)*2) // start and end of each token's folded word
	var brk = brkClause | brkStop
	depth := 0
	start := -1
	var prev rune
	prevSpace := true // whether the rune before a separator was white space
	flush := func(end int) {
		if start < 0 {
			return
		}
		w := text[start:end]
		fs := folded.Len()
		ascii := true
		hooked := false
		for _, r := range w {
			if r >= 0x80 {
				ascii = false
				hooked = hooked || r == 'ổ' || r == 'Ổ'
			}
			if f := vntext.FoldRune(r); f >= 0 {
				folded.WriteRune(f)
			}
		}
		spans = append(spans, int32(fs), int32(folded.Len()))
		toks = append(toks, token{start: int32(start), end: int32(end), brk: brk, depth: int16(depth), hooked: hooked, ascii: ascii})
		brk = 0
		start = -1
	}
	for i, r := range text {
		if vntext.IsWordRune(r) {
			if start >= 0 && unicode.IsLower(prev) && unicode.IsUpper(r) {
				flush(i)
				brk |= brkClause
			}
			if start < 0 {
				start = i
			}
			prev = r
			continue
		}
		if start >= 0 {
			flush(i)
		}
		switch r {
		case ';', ':', '•':
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
	flush(len(text))
	all := folded.String()
	for i := range toks {
		toks[i].fold = all[spans[2*i]:spans[2*i+1]]
	}
	return toks
}
