package query

import (
	"fmt"
	"sort"
	"strings"

	bq "github.com/blevesearch/bleve/v2/search/query"

	"github.com/redtape-vn/redtape/corpus/index/fields"
)

// NameBoost is how many times a word found in the name counts a word found
// elsewhere, in the scores of [Translate].
const NameBoost = 3.0

// Translate turns a query tree into a bleve query over the fields of
// package fields. Words that analyse to nothing (lone punctuation) are
// dropped; a query left with nothing to search is an error.
func Translate(n Node) (bq.Query, error) { return TranslateWith(n, Options{}) }

// Options tune [TranslateWith].
type Options struct {
	// Values returns every value the index holds in a keyword field
	// (fields.Ministry, fields.Sector, fields.Level). A ministry:, sector:
	// or level: filter becomes keyword terms for the values whose words
	// contain the filter's words. Without it, such a filter matches its
	// words anywhere in a record's text.
	Values func(field string) []string
	// Terms returns the terms of a field that start with prefix. A starred
	// run of words in a field with positions (name:cấp-gi*) becomes a
	// phrase whose last word is any of them. Without it, the last word
	// of such a run must be whole.
	Terms func(field, prefix string) ([]string, error)
	// FlagValues are the values a flagged: filter may take, besides
	// "any": catalog entry ids and database names. A flagged: value that
	// is none of them (nor, starred, the start of one) is an *Error
	// listing them. Without it, any value is taken.
	FlagValues []string
	// Synonyms, when set, are the names of the papers of the catalog: a
	// run of free-text words that is one of a paper's names also finds its
	// other names, ranked after the records matching as typed.
	Synonyms *Synonyms
}

// TranslateWith is [Translate] with options.
func TranslateWith(n Node, opts Options) (bq.Query, error) {
	t := translator{folded: fields.Folded(), exact: fields.Exact(), opts: opts}
	q := t.node(n)
	if t.qerr != nil {
		t.qerr.Query = n.String()
		return nil, t.qerr
	}
	if t.err != nil {
		return nil, fmt.Errorf("read the index's terms: %w", t.err)
	}
	if q == nil {
		return nil, &Error{Query: n.String(), Pos: 1, Msg: "the query has no searchable words"}
	}
	return q, nil
}

type translator struct {
	folded, exact *fields.Analyzer
	opts          Options
	err           error  // the first error of Options.Terms
	qerr          *Error // the first value the query may not take
}

func (t *translator) node(n Node) bq.Query {
	switch n := n.(type) {
	case *And:
		var pos, neg, boosts []bq.Query
		for i := 0; i < len(n.Nodes); i++ {
			c := n.Nodes[i]
			if end, alt := t.synonymRun(n.Nodes, i); alt != nil {
				// The run names a paper: it matches as typed, or as
				// one of the paper's other names.
				var run, runBoosts []bq.Query
				for _, rc := range n.Nodes[i:end] {
					q, b := t.scored(rc)
					if q != nil {
						run = append(run, q)
						runBoosts = append(runBoosts, b...)
					}
				}
				pos = append(pos, anyOf(withBoosts(combine(run, nil), runBoosts), alt))
				i = end - 1
				continue
			}
			if p, ok := c.(*Phrase); ok && p.Field == "" {
				if alt := t.others(t.folded.Terms(p.Text)); alt != nil {
					q, b := t.scored(c)
					pos = append(pos, anyOf(withBoosts(q, b), alt))
					continue
				}
			}
			if not, ok := c.(*Not); ok {
				if q := t.node(not.Node); q != nil {
					neg = append(neg, q)
				}
				continue
			}
			q, boost := t.scored(c)
			if q != nil {
				pos = append(pos, q)
				boosts = append(boosts, boost...)
			}
		}
		return withBoosts(combine(pos, neg), boosts)
	case *Or:
		var qs []bq.Query
		for _, c := range n.Nodes {
			if q := t.node(c); q != nil {
				qs = append(qs, q)
			}
		}
		switch len(qs) {
		case 0:
			return nil
		case 1:
			return qs[0]
		}
		return bq.NewDisjunctionQuery(qs)
	case *Not:
		q := t.node(n.Node)
		if q == nil {
			return nil
		}
		return combine(nil, []bq.Query{q})
	case *Term, *Phrase:
		q, boosts := t.scored(n)
		q = withBoosts(q, boosts)
		if p, ok := n.(*Phrase); ok && p.Field == "" && q != nil {
			return anyOf(q, t.others(t.folded.Terms(p.Text)))
		}
		if _, alt := t.synonymRun([]Node{n}, 0); alt != nil && q != nil {
			return anyOf(q, alt)
		}
		return q
	}
	panic(fmt.Sprintf("query: unknown node %T", n))
}

// scored translates n into what a record must match and, for free text,
// the optional queries that raise its score (the words found in the
// name). Keeping the boosts out of the required part lets a conjunction
// of words walk one posting list per word: the name is part of the text,
// so a name match never adds a record, it only ranks it higher.
func (t *translator) scored(n Node) (bq.Query, []bq.Query) {
	switch n := n.(type) {
	case *Term:
		if n.Field == "" {
			return t.freeText(n.Text, n.Prefix)
		}
		if n.Field == "flagged" {
			t.checkFlag(n.Text, n.Prefix, n.Pos, strings.TrimPrefix(n.String(), "flagged:"))
		}
		return t.leaf(n.Field, n.Text, n.Prefix, false), nil
	case *Phrase:
		if n.Field == "" {
			return t.freeText(n.Text, false)
		}
		if n.Field == "flagged" {
			t.checkFlag(n.Text, false, n.Pos, n.Text)
		}
		return t.leaf(n.Field, n.Text, false, true), nil
	}
	return t.node(n), nil
}

// checkFlag records an *Error when a flagged: value is not one of
// Options.FlagValues (nor "any").
func (t *translator) checkFlag(text string, prefix bool, pos int, typed string) {
	if t.opts.FlagValues == nil || t.qerr != nil {
		return
	}
	v := fields.FlagTerm(text)
	valid := append([]string{"any"}, t.opts.FlagValues...)
	for _, f := range valid {
		f = fields.FlagTerm(f)
		if f == v || prefix && strings.HasPrefix(f, v) {
			return
		}
	}
	t.qerr = &Error{Pos: pos, Msg: FlagValuesMessage(typed, t.opts.FlagValues)}
}

// FlagValuesMessage says that a flagged: filter does not know the value
// typed, and lists the values it takes: "any", the catalog entry ids
// among values, and the number of database names (the values with a
// space).
func FlagValuesMessage(typed string, values []string) string {
	ids := []string{"any"}
	dbs := 0
	seen := map[string]bool{"any": true}
	for _, v := range values {
		switch {
		case seen[v] || strings.TrimSpace(v) == "":
		case strings.ContainsAny(v, " \t"):
			dbs++
		default:
			ids = append(ids, v)
		}
		seen[v] = true
	}
	sort.Strings(ids[1:])
	msg := fmt.Sprintf("flagged: does not know %q: it takes %s (a catalog entry id)", typed, strings.Join(ids, ", "))
	if dbs > 0 {
		msg += fmt.Sprintf(", or the name of one of the %d databases that \"redtape catalog\" lists", dbs)
	}
	return msg
}

// withBoosts adds optional boosts to q: records matching q match it as
// before, and score higher for each boost they also match.
func withBoosts(q bq.Query, boosts []bq.Query) bq.Query {
	if q == nil || len(boosts) == 0 {
		return q
	}
	var should bq.Query = boosts[0]
	if len(boosts) > 1 {
		should = bq.NewDisjunctionQuery(boosts)
	}
	if b, ok := q.(*bq.BooleanQuery); ok && b.Should == nil {
		b.AddShould(should)
		return b
	}
	return bq.NewBooleanQuery([]bq.Query{q}, []bq.Query{should}, nil)
}

// combine requires all of pos and none of neg. With no pos, it matches every
// procedure but those of neg.
func combine(pos, neg []bq.Query) bq.Query {
	if len(neg) == 0 {
		switch len(pos) {
		case 0:
			return nil
		case 1:
			return pos[0]
		}
		return bq.NewConjunctionQuery(pos)
	}
	must := pos
	if len(must) == 0 {
		must = []bq.Query{bq.NewMatchAllQuery()}
	}
	return bq.NewBooleanQuery(must, nil, neg)
}

func (t *translator) leaf(field, text string, prefix, phrase bool) bq.Query {
	switch field {
	case "":
		q, boosts := t.freeText(text, prefix)
		return withBoosts(q, boosts)
	case "name":
		return t.words(fields.Name, t.terms(text, prefix), prefix, 1)
	case "paper":
		return t.words(fields.Papers, t.terms(text, prefix), prefix, 1)
	case "ministry":
		return t.valueFilter(fields.Ministry, text, prefix)
	case "sector":
		return t.valueFilter(fields.Sector, text, prefix)
	case "level":
		return t.valueFilter(fields.Level, text, prefix)
	case "code":
		return keyword(fields.Code, strings.ToLower(strings.TrimSpace(text)), prefix)
	case "flagged":
		return keyword(fields.Flagged, fields.FlagTerm(text), prefix)
	case "basis":
		if fields.LooksLikeNumber(text) {
			n := fields.NormalizeNumber(text)
			if !prefix && !isTypeCode(n) {
				// A number without its type ("104/2022") matches every type.
				return keyword(fields.Basis, strings.TrimSuffix(n, "/")+"/", true)
			}
			return keyword(fields.Basis, n, prefix)
		}
		return t.words(fields.BasisText, t.terms(text, prefix), prefix, 1)
	}
	panic("query: unknown field " + field)
}

// freeText matches words typed without a field. It returns what a record
// must match and the name matches that rank it higher.
func (t *translator) freeText(text string, prefix bool) (bq.Query, []bq.Query) {
	q, boosts := t.freeWords(text, prefix)
	if fields.LooksLikeNumber(text) && isTypeCode(fields.NormalizeNumber(text)) {
		// A legal number typed as free text ("104/2022/NĐ-CP") finds the
		// records citing it in their legal basis too: in run-together page
		// text the words around it hide it from the text fields.
		return anyOf(withBoosts(q, boosts), t.leaf("basis", text, prefix, false)), nil
	}
	return q, boosts
}

// freeWords matches the words of free text: several as a phrase (the
// last a prefix with a star), one in the text.
func (t *translator) freeWords(text string, prefix bool) (bq.Query, []bq.Query) {
	f := t.terms(text, prefix)
	if len(f) > 1 {
		if prefix {
			return t.phrasePrefix(f)
		}
		return t.phrase(f)
	}
	// A word counts more in the name, and again when the name spells it
	// as typed. Records that spell every word as typed anywhere rank first
	// as a group (see Exactness).
	boosts := []bq.Query{t.words(fields.Name, f, prefix, NameBoost)}
	if e := t.exact.Terms(text); len(f) == 1 && len(e) == 1 && fields.HasMarks(e[0]) {
		// Only the spelling typed: of the two i/y spellings of a
		// syllable (kí, ký), the one typed ranks first.
		boosts = append(boosts, t.words(fields.NameExact, e, prefix, NameBoost))
	}
	if boosts[0] == nil {
		boosts = nil
	}
	return t.words(fields.Text, f, prefix, 1), boosts
}

// valueFilter matches the values of a keyword field that contain the
// words of text, in order; without Options.Values, the words anywhere.
func (t *translator) valueFilter(keywordField, text string, prefix bool) bq.Query {
	words := t.terms(text, prefix)
	if len(words) == 0 {
		return nil
	}
	if t.opts.Values == nil {
		if len(words) > 1 && !prefix {
			return t.bigramPhrase(words)
		}
		return t.words(fields.Text, words, prefix, 1)
	}
	var qs []bq.Query
	for _, v := range t.opts.Values(keywordField) {
		if containsRun(t.folded.Terms(v), words, prefix) {
			tq := bq.NewTermQuery(v)
			tq.SetField(keywordField)
			qs = append(qs, tq)
		}
	}
	if len(qs) == 0 {
		return bq.NewMatchNoneQuery()
	}
	if len(qs) == 1 {
		return qs[0]
	}
	return bq.NewDisjunctionQuery(qs)
}

// containsRun reports whether words occur in have one after the other;
// with prefix the last may be the start of a word.
func containsRun(have, words []string, prefix bool) bool {
	n := len(words)
	for i := 0; i+n <= len(have); i++ {
		ok := true
		for j, w := range words {
			h := have[i+j]
			if h != w && !(prefix && j == n-1 && prefixMatch(h, w)) {
				ok = false
				break
			}
		}
		if ok {
			return true
		}
	}
	return false
}

// terms returns the folded words of text; for a starred word or run
// (prefix), the last one is folded as typed, without the i/y step of
// fields.SameIY, since it is the start of a word: "quy*" reaches quyết.
func (t *translator) terms(text string, prefix bool) []string {
	return prefixTerms(t.folded, t.exact, text, prefix)
}

func prefixTerms(folded, exact *fields.Analyzer, text string, prefix bool) []string {
	f := folded.Terms(text)
	if !prefix || len(f) == 0 {
		return f
	}
	if e := exact.Terms(text); len(e) == len(f) {
		f[len(f)-1] = fields.Fold(e[len(e)-1])
	}
	return f
}

// prefixMatch reports whether the folded term starts with a starred word's
// prefix, or is the whole word the prefix also stands for (fields.PrefixWhole).
func prefixMatch(term, prefix string) bool {
	if strings.HasPrefix(term, prefix) {
		return true
	}
	whole, ok := fields.PrefixWhole(prefix)
	return ok && term == whole
}

// prefixOrWhole matches the terms of field starting with prefix, and the
// whole word it also stands for (fields.PrefixWhole).
func prefixOrWhole(field, prefix string, boost float64) bq.Query {
	p := bq.NewPrefixQuery(prefix)
	p.SetField(field)
	p.SetBoost(boost)
	whole, ok := fields.PrefixWhole(prefix)
	if !ok {
		return p
	}
	tq := bq.NewTermQuery(whole)
	tq.SetField(field)
	tq.SetBoost(boost)
	return bq.NewDisjunctionQuery([]bq.Query{p, tq})
}

// phrase matches words in this order anywhere, through the bigram field,
// with a match in the name as an optional boost. Exact spelling is not
// scored for phrases: the words around a word already tell đường bộ from
// Dương, and the check cost almost half the time of a phrase search.
func (t *translator) phrase(folded []string) (bq.Query, []bq.Query) {
	return t.bigramPhrase(folded), []bq.Query{t.words(fields.Name, folded, false, NameBoost)}
}

// phrasePrefix matches folded words in this order, the last one as the
// start of a word ("cấp-gi*": cấp giấy, cấp giám định…):
// the pair of the last two words is a prefix of a term of the bigram
// field, and the words before them a phrase. With three words or more the
// two parts are not tied to one place, so a record holding "a b" in one
// place and "b c…" in another matches too.
func (t *translator) phrasePrefix(folded []string) (bq.Query, []bq.Query) {
	n := len(folded)
	var last bq.Query = bq.NewPrefixQuery(folded[n-2] + " " + folded[n-1])
	last.(*bq.PrefixQuery).SetField(fields.TextBigram)
	if whole, ok := fields.PrefixWhole(folded[n-1]); ok {
		tq := bq.NewTermQuery(folded[n-2] + " " + whole)
		tq.SetField(fields.TextBigram)
		last = bq.NewDisjunctionQuery([]bq.Query{last, tq})
	}
	boost := t.words(fields.Name, folded, true, NameBoost)
	if n == 2 {
		return last, []bq.Query{boost}
	}
	return bq.NewConjunctionQuery([]bq.Query{t.bigramPhrase(folded[:n-1]), last}), []bq.Query{boost}
}

// bigramPhrase matches folded words (two or more) in this order anywhere,
// through the bigram field.
func (t *translator) bigramPhrase(folded []string) bq.Query {
	if bi := fields.BigramTerms(folded); len(bi) == 1 {
		tq := bq.NewTermQuery(bi[0])
		tq.SetField(fields.TextBigram)
		return tq
	} else {
		return bq.NewPhraseQuery(sparseBigrams(bi), fields.TextBigram)
	}
}

// sparseBigrams keeps the bigrams a phrase needs to cover all its words
// (the 1st, 3rd, 5th, … and always the last) and blanks the others, which a
// phrase query skips over: "a b c d" needs only "a b" and "c d". Fewer
// posting lists are read, and the match stays exact.
func sparseBigrams(bi []string) []string {
	out := make([]string, len(bi))
	for i := range bi {
		if i%2 == 0 || i == len(bi)-1 {
			out[i] = bi[i]
		}
	}
	return out
}

// isTypeCode reports whether the last part of a normalised number is a
// type code such as "QH13" rather than a year.
func isTypeCode(n string) bool {
	last := n[strings.LastIndexByte(n, '/')+1:]
	return last != "" && (last[0] < '0' || last[0] > '9')
}

func keyword(field, value string, prefix bool) bq.Query {
	if value == "" {
		return nil
	}
	if prefix {
		q := bq.NewPrefixQuery(value)
		q.SetField(field)
		return q
	}
	q := bq.NewTermQuery(value)
	q.SetField(field)
	return q
}

// words matches the analysed words of one query word or phrase in field:
// a term for one word, a phrase for several, a prefix for a starred word.
func (t *translator) words(field string, terms []string, prefix bool, boost float64) bq.Query {
	var q bq.Query
	switch {
	case len(terms) == 0:
		return nil
	case len(terms) == 1 && prefix:
		q = prefixOrWhole(field, terms[0], boost)
	case len(terms) == 1:
		tq := bq.NewTermQuery(terms[0])
		tq.SetField(field)
		tq.SetBoost(boost)
		q = tq
	case prefix && t.opts.Terms != nil:
		last, err := t.opts.Terms(field, terms[len(terms)-1])
		if err != nil && t.err == nil {
			t.err = err
		}
		if whole, ok := fields.PrefixWhole(terms[len(terms)-1]); ok && !contains(last, whole) {
			last = append(last, whole)
		}
		if len(last) == 0 {
			return bq.NewMatchNoneQuery()
		}
		steps := make([][]string, 0, len(terms))
		for _, w := range terms[:len(terms)-1] {
			steps = append(steps, []string{w})
		}
		mq := bq.NewMultiPhraseQuery(append(steps, last), field)
		mq.SetBoost(boost)
		q = mq
	default:
		if prefix {
			// Without Options.Terms the last word must be whole.
			terms = append(terms[:len(terms)-1:len(terms)-1], fields.SameIY(terms[len(terms)-1]))
		}
		pq := bq.NewPhraseQuery(terms, field)
		pq.SetBoost(boost)
		q = pq
	}
	return q
}

func anyOf(qs ...bq.Query) bq.Query {
	var out []bq.Query
	for _, q := range qs {
		if q != nil {
			out = append(out, q)
		}
	}
	switch len(out) {
	case 0:
		return nil
	case 1:
		return out[0]
	}
	return bq.NewDisjunctionQuery(out)
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// Pattern is a run of folded words that a query looks for, for highlighting.
type Pattern struct {
	// Field is "" for all text, or the field filter ("name", "paper",
	// "basis") the words were asked in.
	Field string
	// Terms are the folded words, in order, as the index holds them
	// (fields.FoldTerm); with Prefix, the last is the prefix folded as
	// typed (see Match).
	Terms []string
	// Exact are the same words with their diacritics as typed.
	Exact []string
	// Prefix is true when the last word is a prefix.
	Prefix bool
	// Number, when set, is a normalised legal document number to mark
	// wherever it is written, also run together with the words around it
	// ("công104/2022/NĐ-CP"); Terms is empty then. With Prefix, numbers
	// starting so are marked.
	Number string
}

// Patterns returns the words and phrases of n that a matching procedure
// contains: those of free text and of the name:, paper: and basis:
// filters, outside exclusions.
func Patterns(n Node) []Pattern {
	folded, exact := fields.Folded(), fields.Exact()
	var out []Pattern
	var walk func(Node)
	walk = func(n Node) {
		switch n := n.(type) {
		case *And:
			for _, c := range n.Nodes {
				walk(c)
			}
		case *Or:
			for _, c := range n.Nodes {
				walk(c)
			}
		case *Term:
			if n.Field == "" || n.Field == "name" || n.Field == "paper" || n.Field == "basis" {
				if f := prefixTerms(folded, exact, n.Text, n.Prefix); len(f) > 0 {
					out = append(out, Pattern{Field: n.Field, Terms: f, Exact: exact.Terms(n.Text), Prefix: n.Prefix})
				}
			}
			if num, prefix, ok := numberPattern(n); ok {
				out = append(out, Pattern{Field: n.Field, Number: num, Prefix: prefix})
			}
		case *Phrase:
			if n.Field == "" || n.Field == "name" || n.Field == "paper" || n.Field == "basis" {
				if f := folded.Terms(n.Text); len(f) > 0 {
					out = append(out, Pattern{Field: n.Field, Terms: f, Exact: exact.Terms(n.Text)})
				}
			}
		}
	}
	walk(n)
	return out
}

// numberPattern returns the legal number that a free-text or basis: term
// asks for, as the translation matches it: a number without its type
// ("basis:104/2022") matches every type, as a prefix.
func numberPattern(n *Term) (number string, prefix, ok bool) {
	if (n.Field != "" && n.Field != "basis") || !fields.LooksLikeNumber(n.Text) {
		return "", false, false
	}
	num := fields.NormalizeNumber(n.Text)
	switch {
	case isTypeCode(num):
		return num, n.Prefix, true
	case n.Field == "basis":
		if n.Prefix {
			return num, true, true
		}
		return strings.TrimSuffix(num, "/") + "/", true, true
	}
	return "", false, false // free text without a type is matched as words
}

// Exactness returns the query that tells the exact matches of n apart,
// or nil when n has none to tell: the records that have the free-text
// words written next to each other as typed ("giay khai sinh" as a
// phrase) and each word typed with diacritics spelled so ("dương", not
// đường; "kí" or "ký", with the same tone, see fields.IYSpellings). Results list these records first. Only the words that n
// requires count: those of n itself or of its top-level AND, outside
// exclusions.
func Exactness(n Node) bq.Query {
	t := translator{folded: fields.Folded(), exact: fields.Exact()}
	var nodes []Node
	switch n := n.(type) {
	case *And:
		nodes = n.Nodes
	case *Term, *Phrase:
		nodes = []Node{n}
	default:
		return nil
	}
	var parts []bq.Query
	exact := func(text string) {
		for _, e := range t.exact.Terms(text) {
			if !fields.HasMarks(e) {
				continue
			}
			// Either i/y spelling of a syllable is spelled as typed
			// (kí, ký), with its tone mark (not kì).
			var alts []bq.Query
			for _, s := range fields.IYSpellings(e) {
				alts = append(alts, t.words(fields.TextExact, []string{s}, false, 1))
			}
			parts = append(parts, anyOf(alts...))
		}
	}
	var run []string // folded words of consecutive free-text words
	endRun := func() {
		if len(run) > 1 {
			parts = append(parts, t.bigramPhrase(run))
		}
		run = nil
	}
	for _, c := range nodes {
		switch c := c.(type) {
		case *Term:
			if c.Field != "" || c.Prefix {
				endRun()
				continue
			}
			exact(c.Text)
			run = append(run, t.folded.Terms(c.Text)...)
		case *Phrase:
			endRun()
			if c.Field == "" {
				exact(c.Text)
			}
		default:
			endRun()
		}
	}
	endRun()
	switch len(parts) {
	case 0:
		return nil
	case 1:
		return parts[0]
	}
	return bq.NewConjunctionQuery(parts)
}

// Match reports whether the folded term of a word of the text matches the
// j-th word of the pattern: equal, or, for the last word of a starred
// pattern, starting with it (or the whole word it stands for, see
// fields.PrefixWhole).
func (p Pattern) Match(j int, term string) bool {
	if p.Prefix && j == len(p.Terms)-1 {
		return prefixMatch(term, p.Terms[j])
	}
	return term == p.Terms[j]
}
