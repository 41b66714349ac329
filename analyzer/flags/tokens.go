package flags

import (
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
	start, end int    // byte offsets in the text
	brk        uint8  // break kinds before the token
	depth      int    // parenthesis depth
	hooked     bool   // the word contains ổ, as sổ "book" does and số "number" does not
	ascii      bool   // the word has no diacritics
}

// tokenize splits text into words of letters, digits and marks. A word is
// also split where a lower-case letter meets an upper-case one, the seam left
// when table cells run together.
func tokenize(text string) []token {
	toks := make([]token, 0, len(text)/5)
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
		toks = append(toks, token{fold: vntext.Fold(w), start: start, end: end, brk: brk, depth: depth, hooked: hasHook(w), ascii: isASCII(w)})
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
	return toks
}

// hasHook reports whether w contains ổ/Ổ (sổ "book", as opposed to số "number").
func hasHook(w string) bool {
	for _, r := range w {
		if r == 'ổ' || r == 'Ổ' {
			return true
		}
	}
	return false
}

func isASCII(w string) bool {
	for i := 0; i < len(w); i++ {
		if w[i] >= 0x80 {
			return false
		}
	}
	return true
}
