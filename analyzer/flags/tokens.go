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
	brkColon                    // : (always with brkClause)
)

// token is one word of a text.
type token struct {
	fold       string // folded: lower case, no diacritics, đ as d
	start, end int32  // byte offsets in the text
	fs, fe     int32  // offsets of fold in the text's folded buffer
	depth      int16  // parenthesis depth
	brk        uint8  // break kinds before the token
	marks      uint32 // the tone and shape marks folding dropped (see marks.go)
	ascii      bool   // the word has no diacritics
}

// isNumber reports whether the word is "số" (a number), not "sổ" (a book);
// a word without diacritics could be either.
func (t token) isNumber() bool {
	return t.fold == "so" && !t.ascii && t.marks&toneMask != toneHook
}

// span returns the text of toks[i:j], which must not be empty.
func span(text string, toks []token, i, j int) string {
	return text[toks[i].start:toks[j-1].end]
}

// tokenize splits text into words of letters, digits and marks. A word is
// also split where a lower-case letter meets an upper-case one, the seam left
// when table cells run together.
func tokenize(text string) []token { return tokenizeInto(nil, text) }

// tokenizeInto is tokenize reusing the array of buf.
func tokenizeInto(buf []token, text string) []token {
	toks := buf[:0]
	if cap(toks) < len(text)/5 {
		toks = make([]token, 0, len(text)/5)
	}
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
		toks = append(toks, token{fs: int32(fs), fe: int32(folded.Len()), start: int32(start), end: int32(end), brk: brk, depth: int16(depth), marks: marks, ascii: ascii})
		brk = 0
		start = -1
	}
	for i, r := range text {
		if isWordRune(r) {
			if start >= 0 && isLower(prev) && isUpper(r) {
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
		toks[i].fold = all[toks[i].fs:toks[i].fe]
	}
	return toks
}

// isWordRune is vntext.IsWordRune with a fast path for ASCII.
func isWordRune(r rune) bool {
	if r < 0x80 {
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9'
	}
	return vntext.IsWordRune(r)
}

func isLower(r rune) bool {
	if r < 0x80 {
		return 'a' <= r && r <= 'z'
	}
	return unicode.IsLower(r)
}

func isUpper(r rune) bool {
	if r < 0x80 {
		return 'A' <= r && r <= 'Z'
	}
	return unicode.IsUpper(r)
}
