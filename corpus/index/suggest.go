package index

import (
	"context"
	"fmt"
	"sort"
	"strings"

	"github.com/blevesearch/bleve/v2"
	bq "github.com/blevesearch/bleve/v2/search/query"
	bindex "github.com/blevesearch/bleve_index_api"
	"golang.org/x/text/unicode/norm"

	"github.com/redtape-vn/redtape/corpus/index/fields"
	"github.com/redtape-vn/redtape/corpus/index/query"
)

// Suggestions propose other spellings for a query that found nothing:
// for each word of it that no record holds, the nearest words the index
// holds (see [Index.Suggest]).
type Suggestions struct {
	// Query is the query with each unknown word replaced by its first
	// suggestion, when that query finds something; empty otherwise.
	Query string `json:"query,omitempty"`
	// Total is the number of procedures Query matches.
	Total int `json:"total,omitempty"`
	// Words are the unknown words, in query order.
	Words []WordSuggestion `json:"words"`
}

// WordSuggestion is one word no record holds, with the words of the
// index nearest to it.
type WordSuggestion struct {
	// Word is the word as typed; Pos its 1-based character column in the query.
	Word string `json:"word"`
	Pos  int    `json:"pos"`
	// Terms are the nearest words, best first: within one edit of the
	// folded word (two for words of four letters or more); those that
	// stand next to more of the query's neighbouring words (before and
	// after) in some record first, then those fewer edits away, then
	// those standing next to them in more records, then those in more
	// records. Empty when the index holds none near.
	Terms []TermSuggestion `json:"terms"`
}

// TermSuggestion is a word of the index proposed for an unknown word.
type TermSuggestion struct {
	// Text is the word as most records write it (with diacritics when
	// most of them carry some).
	Text string `json:"text"`
	// Docs is the number of records holding the word (folded).
	Docs int `json:"docs"`
	// Edits is the edit distance between the folded words.
	Edits int `json:"edits"`
}

// maxSuggestions is the number of terms proposed per word.
const maxSuggestions = 5

// Suggest returns the suggestions for q: for each free-text, name: or
// paper: word that no record holds, the nearest words of the index, and
// the query with each replaced by its first suggestion when that finds
// something. It returns nil when every word is in the index (the query
// finds nothing for another reason). A malformed query gives a *query.Error.
func (ix *Index) Suggest(ctx context.Context, q string) (*Suggestions, error) {
	tree, err := query.Parse(q)
	if err != nil {
		return nil, err
	}
	q = norm.NFC.String(strings.ToValidUTF8(q, "\uFFFD"))
	fuzzy, ok := ix.r.(bindex.IndexReaderFuzzy)
	if !ok {
		return nil, nil
	}
	words := suggestable(tree)
	rs := []rune(q)
	for i := range words {
		words[i].pos = wordColumn(rs, words[i])
	}
	var out Suggestions
	for i, w := range words {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		n, err := ix.docFreq(ctx, fields.Text, w.folded)
		if err != nil {
			return nil, err
		}
		if n > 0 {
			continue
		}
		cands, err := ix.nearTerms(ctx, fuzzy, w.folded)
		if err != nil {
			return nil, err
		}
		// Context: the records holding the candidate next to the words
		// typed before and after it.
		for k := range cands {
			for _, bi := range neighbourPairs(words, i, cands[k].term) {
				c, err := ix.docFreq(ctx, fields.TextBigram, bi)
				if err != nil {
					return nil, err
				}
				cands[k].context += c
				if c > 0 {
					cands[k].sides++
				}
			}
		}
		sort.SliceStable(cands, func(a, b int) bool {
			x, y := cands[a], cands[b]
			if x.sides != y.sides {
				return x.sides > y.sides
			}
			if x.edits != y.edits {
				return x.edits < y.edits
			}
			if x.context != y.context {
				return x.context > y.context
			}
			if x.docs != y.docs {
				return x.docs > y.docs
			}
			return x.term < y.term
		})
		if len(cands) > maxSuggestions {
			cands = cands[:maxSuggestions]
		}
		want := map[string]bool{}
		for _, c := range cands {
			want[c.term] = true
		}
		marked, err := ix.markedSpellings(want)
		if err != nil {
			return nil, err
		}
		ws := WordSuggestion{Word: w.text, Pos: w.pos, Terms: []TermSuggestion{}}
		for _, c := range cands {
			text, err := ix.spelling(ctx, c, marked[c.term], neighbourPairs(words, i, c.term))
			if err != nil {
				return nil, err
			}
			ws.Terms = append(ws.Terms, TermSuggestion{Text: text, Docs: c.docs, Edits: c.edits})
		}
		out.Words = append(out.Words, ws)
	}
	if len(out.Words) == 0 {
		return nil, nil
	}
	if better, ok := rewrite(q, out.Words); ok {
		res, err := ix.search(ctx, Request{Query: better, Size: 1, NoFacets: true, NoSnippets: true, NoSuggestions: true})
		if err == nil && res.Total > 0 {
			out.Query, out.Total = better, res.Total
		}
	}
	return &out, nil
}

// suggestWord is a word of the query that may be misspelt.
type suggestWord struct {
	text, folded string
	field        string
	pos          int
	// run is the index of the run of free-text words it belongs to, -1
	// for a word in a field; neighbours are words of the same run.
	run int
}

// suggestable returns the free-text, name: and paper: words of the tree
// that are one whole word each, in query order, outside exclusions.
func suggestable(n query.Node) []suggestWord {
	var out []suggestWord
	run := 0
	var walk func(query.Node)
	walk = func(n query.Node) {
		switch n := n.(type) {
		case *query.And:
			for _, c := range n.Nodes {
				walk(c)
			}
		case *query.Or:
			for _, c := range n.Nodes {
				run++
				walk(c)
			}
			run++
		case *query.Term:
			f := fields.Folded().Terms(n.Text)
			if n.Prefix || len(f) != 1 || (n.Field != "" && n.Field != "name" && n.Field != "paper") {
				run++
				return
			}
			r := run
			if n.Field != "" {
				r = -1
				run++
			}
			out = append(out, suggestWord{text: n.Text, folded: f[0], field: n.Field, pos: n.Pos, run: r})
		default:
			run++
		}
	}
	walk(n)
	return out
}

// wordColumn returns the 1-based column of a word in the query's
// characters: a field's word given alone (name:sih) has the column of its
// field; it is moved past the colon.
func wordColumn(rs []rune, w suggestWord) int {
	at := w.pos - 1
	if w.field == "" || at < 0 || at > len(rs) {
		return w.pos
	}
	prefix := w.field + ":"
	if n := len([]rune(prefix)); at+n <= len(rs) && strings.EqualFold(string(rs[at:at+n]), prefix) {
		return w.pos + n
	}
	return w.pos
}

// neighbourPairs returns the bigram terms the candidate would make with
// the words typed before and after word i in its run.
func neighbourPairs(words []suggestWord, i int, cand string) []string {
	w := words[i]
	if w.run < 0 {
		return nil
	}
	var out []string
	if i > 0 && words[i-1].run == w.run {
		out = append(out, words[i-1].folded+" "+cand)
	}
	if i+1 < len(words) && words[i+1].run == w.run {
		out = append(out, cand+" "+words[i+1].folded)
	}
	return out
}

type candidate struct {
	term                 string
	edits, docs, context int
	sides                int // neighbours it stands next to in some record
}

// nearTerms returns the folded words of the index within one edit of
// term, or two when term has four letters or more (shorter words are
// within two edits of too many).
func (ix *Index) nearTerms(ctx context.Context, r bindex.IndexReaderFuzzy, term string) ([]candidate, error) {
	maxEdits := 1
	if len([]rune(term)) >= 4 {
		maxEdits = 2
	}
	d, err := r.FieldDictFuzzy(fields.Text, term, maxEdits, "")
	if err != nil {
		return nil, fmt.Errorf("suggest: %w", err)
	}
	var terms []string
	for {
		e, err := d.Next()
		if err != nil {
			d.Close()
			return nil, fmt.Errorf("suggest: %w", err)
		}
		if e == nil {
			break
		}
		if e.Term != term {
			terms = append(terms, e.Term)
		}
	}
	d.Close()
	out := make([]candidate, 0, len(terms))
	for _, t := range terms {
		n, err := ix.docFreq(ctx, fields.Text, t)
		if err != nil {
			return nil, err
		}
		out = append(out, candidate{term: t, edits: editDistance(term, t), docs: n})
	}
	return out, nil
}

// editDistance is the Levenshtein distance between a and b, in characters.
func editDistance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}

// docFreq returns the number of records holding term in field.
func (ix *Index) docFreq(ctx context.Context, field, term string) (int, error) {
	tr, err := ix.r.TermFieldReader(ctx, []byte(term), field, false, false, false)
	if err != nil {
		return 0, fmt.Errorf("suggest: %w", err)
	}
	defer tr.Close()
	return int(tr.Count()), nil
}

// spelled is a spelling with diacritics of a folded word, with the
// number of records writing it so.
type spelled struct {
	text string
	docs int
}

// markedSpellings returns the spellings with diacritics of each folded
// word of want, read from the exact field.
func (ix *Index) markedSpellings(want map[string]bool) (map[string][]spelled, error) {
	out := map[string][]spelled{}
	if len(want) == 0 {
		return out, nil
	}
	d, err := ix.r.FieldDict(fields.TextExact)
	if err != nil {
		return nil, fmt.Errorf("suggest: %w", err)
	}
	defer d.Close()
	for {
		e, err := d.Next()
		if err != nil {
			return nil, fmt.Errorf("suggest: %w", err)
		}
		if e == nil {
			return out, nil
		}
		if f := fields.FoldTerm(e.Term); want[f] {
			out[f] = append(out[f], spelled{e.Term, int(e.Count)})
		}
	}
}

// spelling returns how the records write a candidate: the spelling most
// of them use, among those holding it next to the query's neighbouring
// words (pairs, folded bigrams) when it has neighbours, else among all.
// Without diacritics is a spelling too: the records holding the folded
// word that write it with none.
func (ix *Index) spelling(ctx context.Context, c candidate, marked []spelled, pairs []string) (string, error) {
	if len(marked) == 0 {
		return c.term, nil
	}
	var near bq.Query
	if len(pairs) > 0 {
		qs := make([]bq.Query, len(pairs))
		for i, p := range pairs {
			tq := bq.NewTermQuery(p)
			tq.SetField(fields.TextBigram)
			qs[i] = tq
		}
		near = bq.NewDisjunctionQuery(qs)
	}
	count := func(q bq.Query) (int, error) {
		if near != nil {
			q = bq.NewConjunctionQuery([]bq.Query{near, q})
		}
		res, err := ix.b.SearchInContext(ctx, bleve.NewSearchRequestOptions(q, 0, 0, false))
		if err != nil {
			return 0, fmt.Errorf("suggest: %w", err)
		}
		return int(res.Total), nil
	}
	all := c.docs
	anyMarked := make([]bq.Query, len(marked))
	for i, m := range marked {
		tq := bq.NewTermQuery(m.text)
		tq.SetField(fields.TextExact)
		anyMarked[i] = tq
	}
	if near != nil {
		// The records holding the candidate next to a neighbour.
		var err error
		if all, err = count(bq.NewMatchAllQuery()); err != nil {
			return "", err
		}
		for i := range marked {
			if marked[i].docs, err = count(anyMarked[i]); err != nil {
				return "", err
			}
		}
	}
	withMarks, err := count(bq.NewDisjunctionQuery(anyMarked))
	if err != nil {
		return "", err
	}
	best, most := c.term, all-withMarks
	for _, m := range marked {
		if m.docs > most {
			best, most = m.text, m.docs
		}
	}
	return best, nil
}

// rewrite returns q with each word replaced by its first suggestion; ok is
// false when a word has none or is not where its column says.
func rewrite(q string, words []WordSuggestion) (string, bool) {
	rs := []rune(q)
	// Replace from the end so that earlier columns stay right.
	for i := len(words) - 1; i >= 0; i-- {
		w := words[i]
		if len(w.Terms) == 0 {
			return "", false
		}
		start := w.Pos - 1
		word := []rune(w.Word)
		end := start + len(word)
		if start < 0 || end > len(rs) || string(rs[start:end]) != w.Word {
			return "", false
		}
		rs = append(rs[:start:start], append([]rune(w.Terms[0].Text), rs[end:]...)...)
	}
	return string(rs), true
}
