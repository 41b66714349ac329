package flags

// The name index: every catalog name (variants, broader names, excluded
// names, their abbreviated spellings) with its folded words run together, in
// a trie walked a byte at a time (findMentions), and the tone marks that
// tell apart names that fold alike.

import (
	"slices"
	"strings"
)

type variantRef struct {
	entry int    // index in entries
	words string // the folded words of the variant
	// marks and ascii give each word's tone and shape marks, to tell apart
	// names that fold alike ("giấy chứng tử", "giấy chứng từ").
	marks []uint32
	ascii []bool
	// broader is true for a name of a wider class of papers than the
	// entry's (catalog.Entry.Broader).
	broader bool
}

// newVariantRef describes variant v of entry e.
func newVariantRef(e int, v string) (string, variantRef) {
	toks := tokenize(v)
	ref := variantRef{entry: e}
	var key strings.Builder
	for i, t := range toks {
		if i > 0 {
			ref.words += " "
		}
		ref.words += t.fold
		key.WriteString(t.fold)
		ref.marks = append(ref.marks, t.marks)
		ref.ascii = append(ref.ascii, t.ascii)
	}
	return key.String(), ref
}

// sameMarks reports whether the words toks[i:j] carry the marks of ref
// where both have diacritics. Words run together ("khaisinh") or written
// without diacritics are not checked.
func (ref variantRef) sameMarks(toks []token, i, j int) bool {
	if j-i != len(ref.marks) {
		return true
	}
	for k := range ref.marks {
		t := toks[i+k]
		if !t.ascii && !ref.ascii[k] && t.marks != ref.marks[k] {
			return false
		}
	}
	return true
}

// has reports whether key already holds a name of ref's entry with ref's words.
func (m *Matcher) has(key string, ref variantRef) bool {
	for _, r := range m.full[key] {
		if r.entry == ref.entry && r.words == ref.words {
			return true
		}
	}
	return false
}

// mention is a catalog name found in tokens [i, j).
type mention struct {
	entry   int
	i, j    int
	words   string
	broader bool // a name of a wider class than the entry's paper
}

// findMentions returns the catalog names in toks, leftmost longest, not
// overlapping, with excluded names (another paper that contains a catalog
// name) as mentions of entry -1. A name never runs across a clause break or
// a parenthesis.
func (m *Matcher) findMentions(toks []token) []mention { return m.findMentionsInto(nil, toks) }

// findMentionsInto is findMentions appending to out.
func (m *Matcher) findMentionsInto(out []mention, toks []token) []mention {
	t := m.names
	for i := 0; i < len(toks); i++ {
		if f := toks[i].fold; f == "" || t.child(0, f[0]) == 0 {
			continue
		}
		best := -1
		var ref variantRef
		node := int32(0)
	words:
		for j := i; j < len(toks); j++ {
			if j > i && toks[j].brk&(brkClause|brkOpen|brkClose) != 0 {
				break
			}
			f := toks[j].fold
			for b := 0; b < len(f); b++ {
				if node = t.child(node, f[b]); node == 0 {
					break words
				}
			}
			for _, r := range t.refs[node] {
				if r.sameMarks(toks, i, j+1) {
					best, ref = j, r
					break
				}
			}
		}
		if best >= 0 {
			out = append(out, mention{entry: ref.entry, i: i, j: best + 1, words: ref.words, broader: ref.broader})
			i = best
		}
	}
	return out
}

// trie holds the catalog names with their folded words run together, one
// node per prefix, walked a byte at a time; node 0 is the root.
type trie struct {
	// class numbers the bytes the names hold from 1; 0 for the others.
	class  [256]uint16
	fanout int32
	next   []int32        // child of node n by class c at n*fanout+c, 0 for none
	refs   [][]variantRef // the names ending at a node
}

// newTrie builds the trie of the keys of full.
func newTrie(full map[string][]variantRef) *trie {
	t := &trie{fanout: 1}
	keys := make([]string, 0, len(full))
	for key := range full {
		keys = append(keys, key)
		for k := 0; k < len(key); k++ {
			if t.class[key[k]] == 0 {
				t.class[key[k]] = uint16(t.fanout)
				t.fanout++
			}
		}
	}
	slices.Sort(keys) // the same node numbers on every run
	t.next = make([]int32, t.fanout)
	t.refs = make([][]variantRef, 1)
	for _, key := range keys {
		node := int32(0)
		for k := 0; k < len(key); k++ {
			at := node*t.fanout + int32(t.class[key[k]])
			if t.next[at] == 0 {
				t.next = append(t.next, make([]int32, t.fanout)...)
				t.refs = append(t.refs, nil)
				t.next[at] = int32(len(t.refs) - 1)
			}
			node = t.next[at]
		}
		t.refs[node] = full[key]
	}
	return t
}

// child returns the child of node by byte b, or 0.
func (t *trie) child(node int32, b byte) int32 {
	c := t.class[b]
	if c == 0 {
		return 0
	}
	return t.next[node*t.fanout+int32(c)]
}
