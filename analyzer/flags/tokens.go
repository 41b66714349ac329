package flags

import (
	"unicode"
	"unicode/utf8"
	"unsafe"

	"github.com/redtape-vn/redtape/corpus/vntext"
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
	depth      int16  // parenthesis depth
	brk        uint8  // break kinds before the token
	marks      uint32 // the tone and shape marks folding dropped (see marks.go)
	sets       uint32 // the keywordSets a phrase of which starts with the word
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
	keywords := firstWords()
	toks := buf[:0]
	if cap(toks) < len(text)/5 {
		toks = make([]token, 0, len(text)/5)
	}
	// All folded words go into one buffer, only ever appended to: a byte
	// once written is never changed (growing copies it to a new array), so
	// the tokens' words share it (sealed).
	folded := make([]byte, 0, len(text))
	var brk = brkClause | brkStop
	depth := 0
	start := -1 // start of the current word, or -1
	fs := 0     // start of its folded form
	ascii := true
	var marks uint32
	var hash uint32                      // FNV-1a of the folded word so far
	prevLower, prevDigit := false, false // the class of the rune before
	prevSpace := true                    // whether the rune before a separator was white space
	for i := 0; i < len(text); {
		var r rune
		var rc runeClass
		size := 1
		switch c := text[i]; {
		case c < 0x80:
			r, rc = rune(c), classTable[c]
		case c >= 0xC2 && c < 0xE0 && i+1 < len(text) && text[i+1]&0xC0 == 0x80:
			// Two bytes: Latin letters with diacritics, combining marks.
			r, size = rune(c&0x1F)<<6|rune(text[i+1]&0x3F), 2
			rc = classTable[r]
		case c == 0xE1 && i+2 < len(text) && text[i+1]&0xC0 == 0x80 && text[i+2]&0xC0 == 0x80:
			// Three bytes of U+1000–U+1FFF: the Vietnamese letters of
			// Latin Extended Additional.
			r, size = 0x1000|rune(text[i+1]&0x3F)<<6|rune(text[i+2]&0x3F), 3
			rc = classTable[r]
		default:
			r, size = utf8.DecodeRuneInString(text[i:])
			if r < classHi {
				rc = classTable[r]
			} else {
				rc = slowClass(r)
			}
		}
		if rc.bits&rcWord != 0 {
			if start >= 0 && prevLower && rc.bits&rcUpper != 0 {
				toks = append(toks, token{fold: sealed(folded[fs:]), start: int32(start), end: int32(i), brk: brk, depth: int16(depth), marks: marks, ascii: ascii, sets: keywords.sets(hash, folded[fs:])})
				brk, start = brkClause, -1
			}
			if start < 0 {
				start, fs, ascii, marks, hash = i, len(folded), true, 0, fnvOffset
			}
			if r >= 0x80 {
				ascii = false
				if x := uint32(rc.marks); x != 0 {
					if x&toneMask != 0 {
						marks = marks&^toneMask | x&toneMask
					}
					marks += x &^ toneMask
				}
			}
			switch {
			case rc.fold != 0:
				folded = append(folded, rc.fold)
				hash = (hash ^ uint32(rc.fold)) * fnvPrime
			case rc.bits&rcDrop != 0:
			default:
				if f := vntext.FoldRune(r); f >= 0 {
					n := len(folded)
					folded = utf8.AppendRune(folded, f)
					for _, b := range folded[n:] {
						hash = (hash ^ uint32(b)) * fnvPrime
					}
				}
			}
			prevLower = rc.bits&rcLower != 0
			prevDigit = rc.bits&rcDigit != 0
			i += size
			continue
		}
		if start >= 0 {
			toks = append(toks, token{fold: sealed(folded[fs:]), start: int32(start), end: int32(i), brk: brk, depth: int16(depth), marks: marks, ascii: ascii, sets: keywords.sets(hash, folded[fs:])})
			brk, start = 0, -1
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
			if !(prevDigit && unicode.IsDigit(next)) {
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
		prevSpace = rc.bits&rcSpace != 0 || i == 0
		prevLower, prevDigit = false, false
		i += size
	}
	if start >= 0 {
		toks = append(toks, token{fold: sealed(folded[fs:]), start: int32(start), end: int32(len(text)), brk: brk, depth: int16(depth), marks: marks, ascii: ascii, sets: keywords.sets(hash, folded[fs:])})
	}
	return toks
}

// sealed returns b as a string sharing its bytes, which must never be
// written again (as strings.Builder does).
func sealed(b []byte) string {
	if len(b) == 0 {
		return ""
	}
	return unsafe.String(&b[0], len(b))
}

// FNV-1a, hashing folded words for wordTable.
const (
	fnvOffset uint32 = 2166136261
	fnvPrime  uint32 = 16777619
)

func fnv(w string) uint32 {
	h := fnvOffset
	for i := 0; i < len(w); i++ {
		h = (h ^ uint32(w[i])) * fnvPrime
	}
	return h
}

// wordTable maps words to the bits of the keywordSets they start a phrase
// of, by open addressing on their FNV-1a hash; it is built once and only
// read after.
type wordTable struct {
	mask   uint32
	maxLen int // the longest word
	slots  []wordSlot
}

type wordSlot struct {
	word string
	hash uint32
	sets uint32
}

func newWordTable(words map[string]uint32) *wordTable {
	n := 16
	for n < 4*len(words) {
		n *= 2
	}
	t := &wordTable{mask: uint32(n - 1), slots: make([]wordSlot, n)}
	for w, sets := range words {
		h := fnv(w)
		k := h & t.mask
		for t.slots[k].word != "" {
			k = (k + 1) & t.mask
		}
		t.slots[k] = wordSlot{word: w, hash: h, sets: sets}
		t.maxLen = max(t.maxLen, len(w))
	}
	return t
}

// sets returns the bits of word w, whose hash is h; 0 for other words.
func (t *wordTable) sets(h uint32, w []byte) uint32 {
	if len(w) > t.maxLen {
		return 0
	}
	for k := h & t.mask; ; k = (k + 1) & t.mask {
		s := &t.slots[k]
		if s.word == "" {
			return 0
		}
		if s.hash == h && s.word == string(w) {
			return s.sets
		}
	}
}

// Rune classes, as stored in runeClass.bits.
const (
	rcWord  uint8 = 1 << iota // a letter, digit or mark (vntext.IsWordRune)
	rcLower                   // a lower-case letter
	rcUpper                   // an upper-case letter
	rcSpace                   // white space
	rcDigit                   // a decimal digit
	rcDrop                    // a mark folding drops
)

// runeClass is what the tokenizer needs to know of a rune.
type runeClass struct {
	marks uint16 // the rune's tone and shape marks (marks.go)
	fold  uint8  // its folded form when that is one ASCII byte, else 0
	bits  uint8  // rc* flags
}

// classHi bounds the runes classTable describes: ASCII, Latin, the
// combining marks and Vietnamese letters (Latin Extended Additional).
const classHi = 0x2000

// classTable (class_table.go, static data written by TestRuneTables
// -update-tables from slowClass, so that no program pays for building it at
// start) describes every rune below classHi, so tokenizing is a table
// look-up per rune. It is never written.

// slowClass computes the class of r from package unicode and vntext.
func slowClass(r rune) runeClass {
	var c runeClass
	if vntext.IsWordRune(r) {
		c.bits |= rcWord
	}
	if unicode.IsLower(r) {
		c.bits |= rcLower
	}
	if unicode.IsUpper(r) {
		c.bits |= rcUpper
	}
	if unicode.IsSpace(r) {
		c.bits |= rcSpace
	}
	if unicode.IsDigit(r) {
		c.bits |= rcDigit
	}
	if r >= markLo {
		c.marks = uint16(addMarks(0, r))
	}
	switch f := vntext.FoldRune(r); {
	case f < 0:
		c.bits |= rcDrop
	case f > 0 && f < 0x80:
		c.fold = byte(f)
	}
	return c
}
