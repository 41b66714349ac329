package fields

import (
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2/analysis"
	"golang.org/x/text/unicode/norm"

	"github.com/redtape-vn/redtape/corpus/vntext"
)

// Analyzer cuts text into words and maps each word to its indexed term.
// Token offsets (Start, End) are byte offsets into the analysed text.
//
// A word is a run of letters, digits and combining marks; a '.' or ','
// between two digits stays inside the word, so codes ("1.000178") and
// amounts ("4.500.000") are one word, while dashes and slashes split
// ("NĐ-CP" is two words). This is Unicode word segmentation (UAX #29) as
// it applies to Vietnamese administrative text, at a fraction of its cost.
//
// A word longer than [MaxWordBytes] is indexed by its first MaxWordBytes
// bytes (cut at a character boundary), its offsets still spanning the
// whole word; queries are cut the same way, so the word is still found.
type Analyzer struct {
	fold, bigrams, marked bool
}

// Folded returns the analyzer of folded fields: lower case, no diacritics, đ as d.
func Folded() *Analyzer { return &Analyzer{fold: true} }

// Exact returns the analyzer of exact fields: lower case NFC with diacritics.
func Exact() *Analyzer { return &Analyzer{} }

// Marked returns the analyzer of the exact field: what Exact gives, for
// the words written with a letter beyond ASCII only (diacritics, đ). A
// word without one folds to itself, so its exact match tells nothing
// that its folded match does not; leaving it out keeps the field small.
func Marked() *Analyzer { return &Analyzer{marked: true} }

// MaxWordBytes is the longest term the analysis gives, in bytes of the
// word as written: the longest Vietnamese word is 7 letters and the longest
// code or amount in the national corpus under 30 bytes, so only junk
// reaches it. Longer words are cut to it. Without the cap one word of five
// million letters took 56 s and 2.2 GB to index (issue 15): the term
// dictionary copies each term several times over. Documented in
// docs/search.md, "Limits".
const MaxWordBytes = 128

// Separator separates the values of a many-valued field stored as one
// string (see Join). Positions jump by [PositionGap] across it, so no phrase
// matches across two values.
const Separator = "\u2029"

// PositionGap is the position increment across a [Separator].
const PositionGap = 100

// Join joins the values of a many-valued field with [Separator].
func Join(values []string) string { return strings.Join(values, Separator) }

// Split splits a joined field into its values.
func Split(s string) []string {
	if s == "" {
		return nil
	}
	return strings.Split(s, Separator)
}

// Bigrams returns the analyzer of the phrase field: each pair of adjacent
// folded words as one term ("giay khai", "khai sinh"), so a phrase is
// found through short posting lists instead of the long ones of its words.
// Pairs never span a Separator.
func Bigrams() *Analyzer { return &Analyzer{fold: true, bigrams: true} }

// BigramTerms returns the bigram terms of a run of folded words.
func BigramTerms(words []string) []string {
	if len(words) < 2 {
		return nil
	}
	out := make([]string, len(words)-1)
	for i := range out {
		out[i] = words[i] + " " + words[i+1]
	}
	return out
}

// Analyze implements bleve's analysis.Analyzer.
func (a *Analyzer) Analyze(input []byte) analysis.TokenStream {
	tokens := a.tokens(input)
	stream := make(analysis.TokenStream, len(tokens))
	for i := range tokens {
		stream[i] = &tokens[i]
	}
	return stream
}

// tokens returns the tokens of input as values: the analyzer's view of
// the whole of one [Cut] of it, so that the index's fields, cut once per
// record, and the queries, analysed here, see the same words.
func (a *Analyzer) tokens(input []byte) []analysis.Token {
	c := NewCut(input)
	switch {
	case a.bigrams:
		return c.Bigrams()
	case a.marked:
		return c.Marked(c.Whole())
	case a.fold:
		return c.Folded(c.Whole())
	default:
		return c.Exact(c.Whole())
	}
}

// capWord returns the first [MaxWordBytes] bytes of word, cut back to a
// character boundary; a shorter word is returned whole.
func capWord(word []byte) []byte {
	if len(word) <= MaxWordBytes {
		return word
	}
	n := MaxWordBytes
	for n > 0 && !utf8.RuneStart(word[n]) {
		n--
	}
	return word[:n]
}

func isASCII(b []byte) bool {
	for _, c := range b {
		if c >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// wordSpans returns the byte ranges of the words of b; the third element
// is 1 when a Separator comes before the word. A run of combining marks
// with no letter or digit is not a word.
func wordSpans(b []byte) [][3]int {
	spans := make([][3]int, 0, len(b)/6)
	start := -1
	prevDigit, hasBase := false, false
	gap, wordGap := 0, 0
	for i := 0; i < len(b); {
		r, size := rune(b[i]), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRune(b[i:])
			if r == '\u2029' {
				gap = 1
			}
		}
		ascii := r < utf8.RuneSelf && isASCIIWord(byte(r))
		word := ascii || r >= utf8.RuneSelf && vntext.IsWordRune(r)
		if !word && start >= 0 && prevDigit && (r == '.' || r == ',') && i+1 < len(b) && b[i+1] >= '0' && b[i+1] <= '9' {
			word = true // 1.000178, 4.500.000
		}
		switch {
		case word && start < 0:
			start, wordGap, gap, hasBase = i, gap, 0, false
		case !word && start >= 0:
			if hasBase {
				spans = append(spans, [3]int{start, i, wordGap})
			} else {
				gap |= wordGap // keep a separator seen before a dropped run, and one ending it
			}
			start = -1
		}
		if word && (ascii || r >= utf8.RuneSelf && !unicode.Is(unicode.Mn, r)) {
			hasBase = true
		}
		prevDigit = r >= '0' && r <= '9'
		i += size
	}
	if start >= 0 && hasBase {
		spans = append(spans, [3]int{start, len(b), wordGap})
	}
	return spans
}

func isASCIIWord(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9'
}

func appendFolded(dst, word []byte) []byte {
	for i := 0; i < len(word); {
		c := word[i]
		if c < utf8.RuneSelf {
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			dst = append(dst, c)
			i++
			continue
		}
		r, size := utf8.DecodeRune(word[i:])
		if f := vntext.FoldRune(r); f >= 0 {
			dst = utf8.AppendRune(dst, f)
		}
		i += size
	}
	return dst
}

func appendExact(dst, word []byte) []byte {
	if isPlainLower(word) {
		return append(dst, word...)
	}
	if !norm.NFC.IsNormal(word) {
		word = norm.NFC.Bytes(word)
	}
	for i := 0; i < len(word); {
		c := word[i]
		if c < utf8.RuneSelf {
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			dst = append(dst, c)
			i++
			continue
		}
		r, size := utf8.DecodeRune(word[i:])
		dst = utf8.AppendRune(dst, unicode.ToLower(r))
		i += size
	}
	return dst
}

// Terms returns the terms of s, in order.
func (a *Analyzer) Terms(s string) []string {
	tokens := a.Analyze([]byte(s))
	out := make([]string, len(tokens))
	for i, t := range tokens {
		out[i] = string(t.Term)
	}
	return out
}

// Fold folds one word: lower case, no diacritics, đ as d. It is the
// folding token filter without its i/y step (see [FoldTerm]): what a word
// looks like typed without diacritics.
func Fold(s string) string { return string(appendFolded(nil, []byte(s))) }

// FoldTerm is the folding token filter's mapping of one word: [Fold], then
// the i/y spellings of one syllable made one (see [SameIY]).
func FoldTerm(s string) string {
	b := appendFolded(nil, []byte(s))
	sameIY(b)
	return string(b)
}

// SameIY returns a folded word with its i/y spelling made one: a syllable
// whose whole rhyme is the vowel i, spelled i or y after a consonant
// onset (kí/ký, lí/lý, mĩ/mỹ, hi/hy, sĩ/sỹ, tỉ/tỷ, quí/quý), is indexed
// and searched with i. Vietnamese writes both spellings of these
// syllables for one word, and no word differs from another by that
// letter alone. Every other y stays: alone (ý), after a vowel (tay, tuy,
// thuy, huy: the u there is a vowel, and túi is another word) and before
// another letter (yêu, quyết, khuyên). The onsets are those after which
// the y spelling is written (see iyOnset); after ch, gh, gi, kh, ng, ngh,
// nh, ph, th and tr only i is.
func SameIY(folded string) string {
	if !iyWord(folded) {
		return folded
	}
	return folded[:len(folded)-1] + "i"
}

// sameIY applies SameIY to a folded term in place: only its last byte changes.
func sameIY(term []byte) {
	if n := len(term); n >= 2 && term[n-1] == 'y' && iyOnset(string(term[:n-1])) {
		term[n-1] = 'i'
	}
}

// iyWord reports whether a folded word is an onset of iyOnset and i or y.
func iyWord(w string) bool {
	n := len(w)
	return n >= 2 && (w[n-1] == 'y' || w[n-1] == 'i') && iyOnset(w[:n-1])
}

// iyOnset reports whether a folded onset is one after which a syllable
// ending in the vowel i is also written with y: b, d (and đ), h, k, l, m,
// n, r, s, t, v, x, and qu, whose u belongs to the onset (quý, quí).
func iyOnset(onset string) bool {
	switch onset {
	case "b", "d", "h", "k", "l", "m", "n", "r", "s", "t", "v", "x", "qu":
		return true
	}
	return false
}

// PrefixWhole returns, for the folded prefix of a starred query word
// ("quy*"), the whole word it also stands for when it is itself a
// syllable of [SameIY] spelled with y: the index holds quý as "qui", which
// the prefix "quy" does not reach. ok is false when the prefix covers it.
func PrefixWhole(prefix string) (whole string, ok bool) {
	if n := len(prefix); n >= 2 && prefix[n-1] == 'y' && iyOnset(prefix[:n-1]) {
		return prefix[:n-1] + "i", true
	}
	return "", false
}

// HasMarks reports whether an exact term (see [ExactTerm]) is written with
// a letter beyond ASCII: diacritics or đ. Only such words have an exact
// spelling that tells them from other words folding alike.
func HasMarks(exact string) bool { return Fold(exact) != exact }

// ExactTerm is the exact token filter's mapping of one term.
func ExactTerm(s string) string { return string(appendExact(nil, []byte(s))) }

func isPlainLower(b []byte) bool {
	for _, c := range b {
		if c >= utf8.RuneSelf || ('A' <= c && c <= 'Z') {
			return false
		}
	}
	return true
}

// iyTones maps each y with its tone mark to i with the same mark.
var iyTones = sync.OnceValue(func() *strings.Replacer {
	return strings.NewReplacer("y", "i", "ý", "í", "ỳ", "ì", "ỷ", "ỉ", "ỹ", "ĩ", "ỵ", "ị")
})

// ExactIY returns an exact term (see [ExactTerm]) with the i/y spelling of
// [SameIY] made one and its tone mark kept: "ký" and "kí" give "kí", "kỳ"
// gives "kì". Highlighting compares words typed with diacritics by it, so
// "kí" marks ký but not kỳ.
func ExactIY(exact string) string {
	if !iyWord(Fold(exact)) {
		return exact
	}
	_, size := utf8.DecodeLastRuneInString(exact)
	return exact[:len(exact)-size] + iyTones().Replace(exact[len(exact)-size:])
}

// iySwap maps i with each tone mark to y with the same mark and back.
var iySwap = map[string]string{"i": "y", "í": "ý", "ì": "ỳ", "ỉ": "ỷ", "ĩ": "ỹ", "ị": "ỵ", "y": "i", "ý": "í", "ỳ": "ì", "ỷ": "ỉ", "ỹ": "ĩ", "ỵ": "ị"}

// IYSpellings returns the exact spellings of an exact term that [SameIY]
// makes one, the term first: "kí" gives kí and ký; a term without another
// spelling gives itself alone.
func IYSpellings(exact string) []string {
	if !iyWord(Fold(exact)) {
		return []string{exact}
	}
	_, size := utf8.DecodeLastRuneInString(exact)
	other, ok := iySwap[exact[len(exact)-size:]]
	if !ok {
		return []string{exact}
	}
	return []string{exact, exact[:len(exact)-size] + other}
}
