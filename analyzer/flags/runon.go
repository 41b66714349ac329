package flags

// Run-on words: copy wording run into the next word ("Bảnsao",
// "chứng thựcgiấy khai sinh") is split before names are looked up.

import (
	"sync"
	"unicode/utf8"

	"github.com/redtape-vn/redtape/corpus/vntext"
)

// splitRunOn splits the words where copy wording runs into the next word
// without a space or a capital seam: "Bảnsao", "bansao", "chứng thựcgiấy
// khai sinh", "saogiấy". A word is split into words of copy wording, each
// pair of which starts a copy phrase ("bản sao", "chứng thực"), and
// possibly a last part where a catalog name starts that the next words
// complete. Other words are kept.
func (m *Matcher) splitRunOn(toks []token, text string) []token {
	var out []token // nil until a word is split
	for i, t := range toks {
		var parts []int // fold offsets where t splits
		if len(t.fold) >= 5 && vowelGroups(t.fold) >= 2 {
			parts = m.segmentCopy(toks, i, t.fold, 0, "", nil)
		}
		if parts == nil {
			if out != nil {
				out = append(out, t)
			}
			continue
		}
		if out == nil {
			out = append(make([]token, 0, len(toks)+4), toks[:i]...)
		}
		out = append(out, splitToken(t, text, parts)...)
	}
	if out == nil {
		return toks
	}
	return out
}

// vowelGroups counts the runs of vowels in a folded word: a Vietnamese
// syllable has one, words run together have more ("bansao").
func vowelGroups(f string) int {
	n, in := 0, false
	for i := 0; i < len(f); i++ {
		switch f[i] {
		case 'a', 'e', 'i', 'o', 'u', 'y':
			if !in {
				n++
			}
			in = true
		default:
			in = false
		}
	}
	return n
}

// segmentCopy finds how fold[from:] (the word of toks[i]) splits after the
// copy word prev: the fold offsets of the splits, or nil.
func (m *Matcher) segmentCopy(toks []token, i int, fold string, from int, prev string, at []int) []int {
	copyWords, copyPairs := copyWordParts()
	rest := fold[from:]
	if prev != "" && copyWords[rest] && copyPairs[prev+" "+rest] {
		return at // "bansao": ban | sao
	}
	if prev != "" && m.nameStarts(toks, i, rest) {
		return at // "thucgiay khai sinh": thuc | giay...
	}
	for k := 2; k <= 5 && k < len(rest); k++ {
		w := rest[:k]
		if !copyWords[w] || (prev != "" && !copyPairs[prev+" "+w]) {
			continue
		}
		if got := m.segmentCopy(toks, i, fold, from+k, w, append(at, from+k)); got != nil {
			return got
		}
	}
	return nil
}

// nameStarts reports whether a catalog name starts with s and the words
// after toks[i] complete it.
func (m *Matcher) nameStarts(toks []token, i int, s string) bool {
	t := m.names
	node := int32(0)
	for b := 0; b < len(s); b++ {
		if node = t.child(node, s[b]); node == 0 {
			return false
		}
	}
	if len(t.refs[node]) > 0 {
		return true
	}
	for j := i + 1; j < len(toks) && toks[j].brk&(brkClause|brkOpen|brkClose) == 0; j++ {
		f := toks[j].fold
		for b := 0; b < len(f); b++ {
			if node = t.child(node, f[b]); node == 0 {
				return false
			}
		}
		if len(t.refs[node]) > 0 {
			return true
		}
	}
	return false
}

// splitToken splits t at the fold offsets at, mapping them back to the text.
func splitToken(t token, text string, at []int) []token {
	word := text[t.start:t.end]
	var cuts []int // byte offsets in word
	folded := 0
	next := 0
	for off, r := range word {
		if next < len(at) && folded >= at[next] {
			cuts = append(cuts, off)
			next++
		}
		if f := vntext.FoldRune(r); f >= 0 {
			folded += utf8.RuneLen(f)
		}
	}
	out := make([]token, 0, len(cuts)+1)
	prev := 0
	for k, c := range append(cuts, len(word)) {
		sub := tokenize(word[prev:c])
		if len(sub) != 1 {
			return []token{t} // cannot happen: the parts are letters
		}
		p := sub[0]
		p.start, p.end = t.start+int32(prev), t.start+int32(c)
		p.depth, p.brk = t.depth, 0
		if k == 0 {
			p.brk = t.brk
		}
		out = append(out, p)
		prev = c
	}
	return out
}

// copyWordParts returns the words of copy wording and the pairs of words
// that follow one another in its phrases ("ban sao", "chung thuc"), built on
// first use.
var copyWordParts = sync.OnceValues(func() (map[string]bool, map[string]bool) {
	words, pairs := map[string]bool{}, map[string]bool{}
	for _, list := range copyWording.index().byFirst {
		for _, p := range list {
			for k, w := range p {
				if len(w) >= 2 && !isEnumerator(w) {
					words[w] = true
				}
				if k > 0 {
					pairs[p[k-1]+" "+w] = true
				}
			}
		}
	}
	return words, pairs
})
