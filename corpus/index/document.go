package index

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"strconv"
	"strings"

	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/document"
	bindex "github.com/blevesearch/bleve_index_api"

	"github.com/redtape-vn/redtape/corpus"
	"github.com/redtape-vn/redtape/corpus/index/fields"
	"github.com/redtape-vn/redtape/corpus/vntext"
)

// Key returns the source-independent identity of a procedure: its code, or
// "name:" and a hash of its folded name when it has none.
func Key(p *corpus.Procedure) string {
	if c := strings.TrimSpace(p.Code); c != "" {
		return c
	}
	sum := sha256.Sum256([]byte(vntext.CollapseSpace(vntext.Fold(p.Name))))
	return "name:" + hex.EncodeToString(sum[:6])
}

// DocID returns the index id of a procedure: its [Key], "@" and its source
// file. The same code is published in several files (a central procedure
// and its provincial variants), so the key alone is not unique; the file
// makes it so. n > 1 counts repeats of the same key within one file, which
// get "#n" appended.
func DocID(p *corpus.Procedure, n int) string {
	id := Key(p) + "@" + p.Source.File
	if n > 1 {
		id += "#" + strconv.Itoa(n)
	}
	return id
}

// Hash returns the content hash of a procedure as the index stores it: a
// record whose hash is unchanged is not indexed again.
func Hash(p *corpus.Procedure) string {
	h := sha256.New()
	h.Write([]byte(FormatVersion + "\x00"))
	enc := json.NewEncoder(h)
	enc.SetEscapeHTML(false)
	_ = enc.Encode(p) // writing to a hash cannot fail
	return hex.EncodeToString(h.Sum(nil)[:16])
}

const (
	optText    = bindex.IndexField | bindex.IncludeTermVectors
	optWords   = bindex.IndexField
	optStored  = bindex.IndexField | bindex.IncludeTermVectors | bindex.StoreField
	optKeyword = bindex.IndexField | bindex.StoreField
	optFacet   = bindex.IndexField // facets are counted from postings (collect.go), not doc values
	optOnly    = bindex.StoreField
)

// builder turns procedures into bleve documents. It is not safe for
// concurrent use.
type builder struct {
	folded, exact *fields.Analyzer
	lower         analysis.Analyzer
	// labels are the facet codes of the last document with their
	// "field\x1fvalue".
	labels [][2]string
}

func newBuilder() *builder {
	return &builder{folded: fields.Folded(), exact: fields.Marked(), lower: lowerKeyword{}}
}

// lowerKeyword indexes a whole value as one lower-case term.
type lowerKeyword struct{}

func (lowerKeyword) Analyze(in []byte) analysis.TokenStream {
	return analysis.TokenStream{&analysis.Token{
		Term: []byte(strings.ToLower(string(in))), Start: 0, End: len(in), Position: 1, Type: analysis.AlphaNumeric,
	}}
}

// extra holds what the index stores beside the record's own fields.
type extra struct {
	hash    string
	flagged []string
}

// sizedDocument is a document that reports its size from the bytes of its
// fields, counted once when it is built. Scorch asks each analysed
// document for its size, for its memory statistics only; the bleve
// document answers by walking every token of every field again, which
// cost 6% of all indexing CPU at 100,000 procedures.
type sizedDocument struct {
	*document.Document
	size int
}

// Size implements bleve_index_api.Document: an estimate of the memory the
// document holds, its text and its analysis.
func (d sizedDocument) Size() int { return d.size }

// field is a text field whose tokens come from a function: bleve's
// document.TextField takes an analyzer of its value, while the words of
// several fields here come from one cut of the record's text
// (fields.Cut). Its frequencies are counted by a fields.Counter. What
// the index receives is what a document.TextField with the same value,
// options and analysis gives (TestFieldsAsBleve).
type field struct {
	name           string
	arrayPositions []uint64
	options        bindex.FieldIndexingOptions
	value          []byte
	tokens         func() []analysis.Token // nil: the value is one token
	counter        *fields.Counter         // shared by the document's fields
	length         int
	freqs          bindex.TokenFrequencies
}

func (f *field) Name() string                                      { return f.name }
func (f *field) ArrayPositions() []uint64                          { return f.arrayPositions }
func (f *field) Options() bindex.FieldIndexingOptions              { return f.options }
func (f *field) Value() []byte                                     { return f.value }
func (f *field) NumPlainTextBytes() uint64                         { return uint64(len(f.value)) }
func (f *field) EncodedFieldType() byte                            { return 't' }
func (f *field) AnalyzedLength() int                               { return f.length }
func (f *field) AnalyzedTokenFrequencies() bindex.TokenFrequencies { return f.freqs }

// Size is an estimate of the memory the field holds; scorch only adds it
// up in its statistics.
func (f *field) Size() int { return len(f.name) + 9*len(f.value) }

// Analyze counts the field's terms; scorch calls it on its analysis
// goroutines.
func (f *field) Analyze() {
	if f.freqs != nil {
		return // analysed already
	}
	var tokens []analysis.Token
	if f.tokens != nil {
		tokens = f.tokens()
	} else {
		tokens = []analysis.Token{{Start: 0, End: len(f.value), Term: f.value, Position: 1, Type: analysis.AlphaNumeric}}
	}
	f.length = len(tokens)
	f.freqs = f.counter.Frequencies(tokens, f.arrayPositions, f.options.IncludeTermVectors())
	// The tokens are no longer needed, nor the cut they came from.
	f.tokens, f.counter = nil, nil
}

// Text implements bleve_index_api.TextField.
func (f *field) Text() string { return string(f.value) }

func (b *builder) document(id string, p *corpus.Procedure, x extra) sizedDocument {
	d := document.NewDocument(id)
	counter := &fields.Counter{}
	add := func(name string, pos []uint64, value []byte, opts bindex.FieldIndexingOptions, tokens func() []analysis.Token) {
		d.AddField(&field{name: name, arrayPositions: pos, options: opts, value: value, tokens: tokens, counter: counter})
	}
	analyzed := func(a analysis.Analyzer, value []byte) func() []analysis.Token {
		return func() []analysis.Token { return fields.Tokens(a, value) }
	}
	// text is what the text fields hold: the values of the record joined
	// with fields.Separator (one field per document costs far less to
	// index than one per value); part records where one value or run of
	// values lies in it.
	var text []byte
	type part struct{ from, to int }
	appendText := func(ss ...string) part {
		pt := part{from: -1}
		for _, s := range ss {
			if s = strings.TrimSpace(s); s == "" {
				continue
			}
			if len(text) > 0 {
				text = append(text, fields.Separator...)
			}
			if pt.from < 0 {
				pt.from = len(text)
			}
			text = append(text, s...)
			pt.to = len(text)
		}
		return pt
	}
	keyword := func(name string, values ...string) {
		for i, v := range values {
			if v = strings.TrimSpace(v); v != "" {
				add(name, []uint64{uint64(i)}, []byte(v), optKeyword, nil)
			}
		}
	}

	namePart := appendText(p.Name)
	papers := make([]string, 0, len(p.Papers))
	for _, pp := range p.Papers {
		if t := strings.TrimSpace(pp.Text); t != "" {
			papers = append(papers, t)
		}
	}
	papersPart := appendText(papers...)
	var body []string
	appendBody := func(ss ...string) {
		for _, s := range ss {
			if s = strings.TrimSpace(s); s != "" {
				body = append(body, s)
			}
		}
	}
	appendBody(p.Steps...)
	appendBody(p.Conditions...)
	appendBody(p.Results...)
	appendBody(p.Subjects...)
	appendBody(p.Authority...)
	appendBody(p.Agencies...)
	var basisText, numbers []string
	for _, ref := range p.LegalBasis {
		basisText = append(basisText, ref.Text)
		if ref.Title != "" && !strings.Contains(ref.Text, ref.Title) {
			basisText = append(basisText, ref.Title)
		}
		if ref.Number != "" {
			numbers = appendUnique(numbers, fields.NormalizeNumber(ref.Number))
		}
		for _, n := range fields.ExtractNumbers(ref.Text) {
			numbers = appendUnique(numbers, n)
		}
	}
	appendBody(basisText...)
	for _, c := range p.Channels {
		appendBody(c.Description)
	}
	bodyPart := appendText(body...)
	levels := make([]string, 0, len(p.Levels))
	for _, l := range p.Levels {
		if l = fields.CanonicalLevel(l); l != "" {
			levels = appendUnique(levels, l)
		}
	}
	appendText(p.Ministry, p.Sector, p.Kind, p.Decision, p.Code)
	appendText(levels...)

	// All text is indexed folded, as pairs of folded words (for phrases),
	// and, for words written with diacritics, exactly (package fields).
	// Every view of the text, the name's and the papers' included, comes
	// from one cut of it.
	cut := fields.NewCut(text)
	name := []byte(p.Name)
	nameFolded := func() []analysis.Token { return cut.Folded(namePart.from, namePart.to) }
	nameExact := func() []analysis.Token { return cut.Marked(namePart.from, namePart.to) }
	if namePart.from < 0 || p.Name != string(text[namePart.from:namePart.to]) {
		// A name with spaces around it is cut on its own, so that its
		// offsets are those of the name as stored.
		nameFolded, nameExact = analyzed(b.folded, name), analyzed(b.exact, name)
	}
	add(fields.Name, nil, name, optStored, nameFolded)
	if len(text) > 0 {
		// Scorch analyses the fields of a document one after another, on
		// one goroutine, so they can share the cut.
		add(fields.Text, nil, text, optWords, func() []analysis.Token { return cut.Folded(cut.Whole()) })
		add(fields.TextBigram, nil, text, optText, cut.Bigrams)
		add(fields.TextExact, nil, text, optWords, func() []analysis.Token { return cut.Marked(cut.Whole()) })
	}
	if p.Name != "" {
		add(fields.NameExact, nil, name, optWords, nameExact)
	}
	if papersPart.from >= 0 {
		add(fields.Papers, nil, text[papersPart.from:papersPart.to], optStored, func() []analysis.Token {
			return cut.Folded(papersPart.from, papersPart.to)
		})
	}
	if bodyPart.from >= 0 {
		// The body's values, trimmed and joined as fields.Join joins them.
		add(fields.Body, nil, text[bodyPart.from:bodyPart.to], optOnly, nil)
	}
	if len(basisText) > 0 {
		v := []byte(fields.Join(basisText))
		add(fields.BasisText, nil, v, optText, analyzed(b.folded, v))
	}
	if p.Code != "" {
		v := []byte(p.Code)
		add(fields.Code, nil, v, optKeyword, analyzed(b.lower, v))
	}
	keyword(fields.Basis, numbers...)
	keyword(fields.Ministry, p.Ministry)
	keyword(fields.Sector, p.Sector)
	keyword(fields.Level, levels...)
	// All facet values in one field, each value a term whose postings
	// are the records counted under it.
	var facets []string
	b.labels = b.labels[:0]
	for _, f := range []struct {
		name   string
		values []string
	}{{fields.Ministry, []string{p.Ministry}}, {fields.Sector, []string{p.Sector}}, {fields.Level, levels}} {
		for _, v := range f.values {
			if v = strings.TrimSpace(v); v != "" {
				code := fields.FacetCode(f.name, v)
				facets = append(facets, code)
				b.labels = append(b.labels, [2]string{code, f.name + "\x1f" + v})
			}
		}
	}
	for i, v := range facets {
		add(fields.Facets, []uint64{uint64(i)}, []byte(v), optFacet, nil)
	}
	for i, f := range x.flagged {
		v := []byte(fields.FlagTerm(f))
		add(fields.Flagged, []uint64{uint64(i)}, v, optKeyword, analyzed(b.lower, v))
	}
	add(fields.Hash, nil, []byte(x.hash), optOnly, nil)
	add(fields.File, nil, []byte(p.Source.File), optOnly, nil)
	if p.Source.Record > 0 {
		add(fields.Record, nil, []byte(strconv.Itoa(p.Source.Record)), optOnly, nil)
	}
	// An estimate (the text and room for its tokens): scorch adds it up
	// in its memory statistics and uses it for nothing else.
	size := 0
	for _, f := range d.Fields {
		size += f.Size()
	}
	return sizedDocument{Document: d, size: size}
}

func appendUnique(list []string, s string) []string {
	for _, x := range list {
		if x == s {
			return list
		}
	}
	return append(list, s)
}
