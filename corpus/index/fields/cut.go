package fields

import (
	"bytes"
	"sort"
	"unsafe"

	"github.com/blevesearch/bleve/v2/analysis"
	bindex "github.com/blevesearch/bleve_index_api"
)

// Cut is one cut of a text into words, from which the folded, exact and
// pair views of the text, and of parts of it, are made without cutting it
// again. The analyzers are the views of the whole of a cut; the view of a
// part gives the very tokens (terms, offsets, positions) the analyzer
// gives for the part analysed alone. A Cut is not safe for concurrent use.
type Cut struct {
	in    []byte
	cut   bool
	spans [][3]int
	pos   []int // the position of each word in the whole text
	// folded holds the folded token of every word, made at the first use.
	folded []analysis.Token
	// exact holds the exact term of every word written with a letter
	// beyond ASCII (nil for the others), made at the first use.
	exact [][]byte
}

// NewCut returns the cut of in into words. The text is cut at the first
// use of a view, on the goroutine that asks for it.
func NewCut(in []byte) *Cut { return &Cut{in: in} }

func (c *Cut) cutWords() {
	if c.cut {
		return
	}
	c.cut = true
	c.spans = wordSpans(c.in)
	c.pos = make([]int, len(c.spans))
	p := 0
	for i, sp := range c.spans {
		p++
		if sp[2] != 0 {
			p += PositionGap
		}
		c.pos[i] = p
	}
}

// Whole is the range of the whole text, for the views' from and to.
func (c *Cut) Whole() (from, to int) { return 0, len(c.in) }

// words returns the indexes of the words lying in in[from:to], and the
// position the first of them has when in[from:to] is analysed alone: 1,
// or 1+PositionGap when a Separator comes before it within the part.
func (c *Cut) words(from, to int) (lo, hi, first int) {
	c.cutWords()
	lo = sort.Search(len(c.spans), func(i int) bool { return c.spans[i][0] >= from })
	hi = sort.Search(len(c.spans), func(i int) bool { return c.spans[i][1] > to })
	if hi < lo {
		hi = lo
	}
	first = 1
	if lo < hi && bytes.Contains(c.in[from:c.spans[lo][0]], []byte(Separator)) {
		first += PositionGap
	}
	return lo, hi, first
}

func (c *Cut) makeFolded() {
	if c.folded != nil || len(c.spans) == 0 {
		return
	}
	c.folded = make([]analysis.Token, len(c.spans))
	arena := make([]byte, 0, len(c.in))
	for i, sp := range c.spans {
		word := capWord(c.in[sp[0]:sp[1]])
		at := len(arena)
		arena = appendFolded(arena, word)
		sameIY(arena[at:])
		c.folded[i] = analysis.Token{Start: sp[0], End: sp[1], Term: arena[at:len(arena):len(arena)], Position: c.pos[i], Type: tokenType(word)}
	}
}

func tokenType(word []byte) analysis.TokenType {
	if word[0] >= '0' && word[0] <= '9' {
		return analysis.Numeric
	}
	return analysis.AlphaNumeric
}

// rebase returns tokens of the words lo to hi moved to a part of the text
// that begins at byte from, its first word at position first.
func (c *Cut) rebase(tokens []analysis.Token, from, lo, first int) []analysis.Token {
	if from == 0 && c.pos[lo] == first {
		return tokens
	}
	out := make([]analysis.Token, len(tokens))
	shift := c.pos[lo] - first
	for i, t := range tokens {
		t.Start -= from
		t.End -= from
		t.Position -= shift
		out[i] = t
	}
	return out
}

// Folded returns the tokens [Folded] gives for in[from:to]. from and to
// must not cut a word.
func (c *Cut) Folded(from, to int) []analysis.Token {
	lo, hi, first := c.words(from, to)
	if lo == hi {
		return nil
	}
	c.makeFolded()
	return c.rebase(c.folded[lo:hi], from, lo, first)
}

// Marked returns the tokens [Marked] gives for in[from:to]: the exact
// terms of the words written with a letter beyond ASCII. from and to must
// not cut a word.
func (c *Cut) Marked(from, to int) []analysis.Token { return c.exactTokens(from, to, false) }

// Exact returns the tokens [Exact] gives for in[from:to]: the exact term
// of every word. from and to must not cut a word.
func (c *Cut) Exact(from, to int) []analysis.Token { return c.exactTokens(from, to, true) }

// exactTokens returns the exact tokens of the words in in[from:to]: of
// every word when all is set, else of those written with a letter beyond
// ASCII only.
func (c *Cut) exactTokens(from, to int, all bool) []analysis.Token {
	lo, hi, first := c.words(from, to)
	if lo == hi {
		return nil
	}
	c.makeExact()
	shift := c.pos[lo] - first
	var out []analysis.Token
	var plain []byte // the lower-case terms of ASCII words, when all is set
	for i := lo; i < hi; i++ {
		sp := c.spans[i]
		word := capWord(c.in[sp[0]:sp[1]])
		term := c.exact[i]
		if term == nil {
			if !all {
				continue
			}
			if plain == nil {
				plain = make([]byte, 0, to-from)
			}
			at := len(plain)
			plain = appendExact(plain, word)
			term = plain[at:len(plain):len(plain)]
		}
		if out == nil {
			out = make([]analysis.Token, 0, hi-i)
		}
		out = append(out, analysis.Token{Start: sp[0] - from, End: sp[1] - from, Term: term, Position: c.pos[i] - shift, Type: tokenType(word)})
	}
	return out
}

// makeExact makes the exact term of every word written with a letter
// beyond ASCII, at the first use.
func (c *Cut) makeExact() {
	if c.exact != nil {
		return
	}
	c.exact = make([][]byte, len(c.spans))
	var arena []byte
	for i, sp := range c.spans {
		word := capWord(c.in[sp[0]:sp[1]])
		if isASCII(word) {
			continue
		}
		if arena == nil {
			arena = make([]byte, 0, len(c.in)-sp[0]+len(c.in)/8)
		}
		at := len(arena)
		arena = appendExact(arena, word)
		c.exact[i] = arena[at:len(arena):len(arena)]
	}
}

// Bigrams returns the tokens [Bigrams] gives for the whole text.
func (c *Cut) Bigrams() []analysis.Token {
	c.cutWords()
	if len(c.spans) < 2 {
		return nil
	}
	c.makeFolded()
	words := c.folded
	size := 0
	for i := 0; i+1 < len(words); i++ {
		size += len(words[i].Term) + 1 + len(words[i+1].Term)
	}
	arena := make([]byte, 0, size)
	tokens := make([]analysis.Token, 0, len(words)-1)
	pos := 0
	for i := 0; i+1 < len(words); i++ {
		a, b := &words[i], &words[i+1]
		if b.Position-a.Position != 1 {
			pos += PositionGap // a Separator lies between them
			continue
		}
		pos++
		at := len(arena)
		arena = append(append(append(arena, a.Term...), ' '), b.Term...)
		tokens = append(tokens, analysis.Token{Start: a.Start, End: b.End, Term: arena[at:len(arena):len(arena)], Position: pos, Type: analysis.Shingle})
	}
	return tokens
}

// Tokens returns the tokens of the analyzer a for in as a slice of
// values, not pointers.
func Tokens(a analysis.Analyzer, in []byte) []analysis.Token {
	if fa, ok := a.(*Analyzer); ok {
		return fa.tokens(in)
	}
	stream := a.Analyze(in)
	out := make([]analysis.Token, len(stream))
	for i, t := range stream {
		out[i] = *t
	}
	return out
}

// Counter counts term frequencies, reusing its working memory from one
// field to the next: the fields of one document share one. It is not safe
// for concurrent use.
type Counter struct {
	ids   map[string]int32 // the number of each term
	first []int32          // the first token of each term, by number
	which []int32          // the number of each token's term
}

// Frequencies returns the term frequencies of tokens as bleve's index
// takes them from a field: what analysis.TokenFrequency gives, with the
// locations of every token when vectors is set (bleve's
// IncludeTermVectors). It numbers the terms first, then allocates a few
// blocks of the exact size for the whole field, where bleve allocates for
// every term and sizes its map for every token: at 100,000 procedures
// bleve's took a tenth of the CPU of indexing, and the frequencies of the
// batches being written are most of the memory the collector scans.
func (sc *Counter) Frequencies(tokens []analysis.Token, arrayPositions []uint64, vectors bool) bindex.TokenFrequencies {
	n := len(tokens)
	if n == 0 {
		return bindex.TokenFrequencies{}
	}
	if sc.ids == nil {
		sc.ids = make(map[string]int32, n)
	}
	defer sc.reset()
	if cap(sc.which) < n {
		sc.which = make([]int32, n)
	}
	which := sc.which[:n]
	size := 0
	for i := range tokens {
		term := tokens[i].Term
		// The key lives only in the scratch map, cleared before the
		// terms can change.
		key := unsafe.String(unsafe.SliceData(term), len(term))
		id, ok := sc.ids[key]
		if !ok {
			id = int32(len(sc.first))
			sc.ids[key] = id
			sc.first = append(sc.first, int32(i))
			size += len(term)
		}
		which[i] = id
	}
	u := len(sc.first)
	rv := make(bindex.TokenFrequencies, u)
	tfs := make([]bindex.TokenFreq, u)
	buf := make([]byte, 0, size)
	for _, i := range sc.first {
		buf = append(buf, tokens[i].Term...)
	}
	keys := string(buf) // one string holds every key
	off := 0
	for j, i := range sc.first {
		term := tokens[i].Term
		tfs[j].Term = term
		rv[keys[off:off+len(term)]] = &tfs[j]
		off += len(term)
	}
	for _, id := range which {
		tf := &tfs[id]
		tf.SetFrequency(tf.Frequency() + 1)
	}
	if !vectors {
		return rv
	}
	// Each term's locations are a run of one block of pointers, capped so
	// that appending to them (bleve merges fields of one name) copies.
	locs := make([]bindex.TokenLocation, n)
	ptrs := make([]*bindex.TokenLocation, n)
	at := 0
	for j := range tfs {
		f := tfs[j].Frequency()
		tfs[j].Locations = ptrs[at : at : at+f]
		at += f
	}
	for i := range tokens {
		locs[i] = bindex.TokenLocation{ArrayPositions: arrayPositions, Start: tokens[i].Start, End: tokens[i].End, Position: tokens[i].Position}
		tf := &tfs[which[i]]
		tf.Locations = append(tf.Locations, &locs[i])
	}
	return rv
}

// reset forgets the terms of the last field: the map's keys are the
// field's own bytes.
func (sc *Counter) reset() {
	clear(sc.ids)
	sc.first = sc.first[:0]
}
