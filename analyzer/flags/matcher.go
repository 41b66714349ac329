package flags

// The Matcher and its construction from a catalog. Its parts live one idea
// to a file: nameindex.go finds the catalog names, runon.go splits copy
// wording run into the next word, alternatives.go groups the names into
// requirements, rules.go judges them and result.go assembles the verdicts.

import (
	"sync"

	"github.com/redtape-vn/redtape/analyzer/catalog"
)

// Matcher matches text against a catalog. It is safe for concurrent use.
type Matcher struct {
	cat     *catalog.Catalog
	entries []*catalog.Entry // the catalog's entries, then its lapsed ones
	inForce int              // entries[:inForce] are in force
	// entryIndex maps an entry id to its index in entries (the in-force
	// one where an id is also lapsed).
	entryIndex map[string]int
	// full maps a catalog name with its folded words run together
	// ("giaykhaisinh") to its variants, first come first; names is the
	// same as a trie walked byte by byte while matching.
	full  map[string][]variantRef
	names *trie
	// companions[i] lists the names that, after entry i and a comma, are
	// another choice.
	companions []*phraseSet
	// pool holds scratch buffers, one in use per goroutine.
	pool sync.Pool
}

// NewMatcher builds a matcher for the entries of c.
func NewMatcher(c *catalog.Catalog) *Matcher {
	// Lapsed entries follow the others: their names are found, and their
	// papers said to be not covered on that day.
	entries := append(append([]*catalog.Entry{}, c.Entries...), c.Lapsed...)
	m := &Matcher{cat: c, entries: entries, full: map[string][]variantRef{}, inForce: len(c.Entries)}
	m.entryIndex = map[string]int{}
	for i, e := range entries {
		m.companions = append(m.companions, newPhraseSet(e.Companions...))
		if _, dup := m.entryIndex[e.ID]; !dup {
			m.entryIndex[e.ID] = i
		}
	}
	abbr := c.Abbreviator()
	for i, e := range entries {
		for k, names := range [][]string{e.Variants, e.Broader} {
			broader := k == 1
			for _, v := range names {
				_, orig := newVariantRef(i, v)
				for _, sp := range abbr.Spellings(v) {
					// An abbreviated spelling reports the name in full.
					key, ref := newVariantRef(i, sp)
					ref.words = orig.words
					if key == "" || m.has(key, ref) {
						continue
					}
					ref.broader = broader
					m.full[key] = append(m.full[key], ref)
				}
			}
		}
	}
	// Excludes win over variants: a longer name for another paper.
	for _, e := range entries {
		for _, x := range e.Excludes {
			for _, sp := range abbr.Spellings(x) {
				key, ref := newVariantRef(-1, sp)
				m.full[key] = append([]variantRef{ref}, m.full[key]...)
			}
		}
	}
	m.names = newTrie(m.full)
	return m
}

// Catalog returns the catalog the matcher was built from.
func (m *Matcher) Catalog() *catalog.Catalog { return m.cat }

// scratch holds buffers reused from one paper to the next of a procedure;
// nothing of a paper's analysis outlives it but its result.
type scratch struct {
	toks    []token
	name    []token // the procedure's name
	issued  []bool  // the issuedBy pass over the name
	ments   []mention
	mentAt  []int
	grouped []bool
	a       analysis
}

// getScratch returns buffers from the matcher's pool; putScratch returns them.
func (m *Matcher) getScratch() *scratch {
	if sc, ok := m.pool.Get().(*scratch); ok {
		return sc
	}
	return &scratch{}
}

func (m *Matcher) putScratch(sc *scratch) {
	sc.a = analysis{ments: sc.a.ments[:0], groups: sc.a.groups[:0]} // keep the buffers, not the text
	m.pool.Put(sc)
}
