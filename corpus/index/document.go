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

func (b *builder) document(id string, p *corpus.Procedure, x extra) sizedDocument {
	d := document.NewDocument(id)
	var texts []string
	add := func(ss ...string) {
		for _, s := range ss {
			if s = strings.TrimSpace(s); s != "" {
				texts = append(texts, s)
			}
		}
	}
	// Many values go into one field value, joined with fields.Separator:
	// one field per document costs far less to index than one per value.
	text := func(name string, values []string, opts bindex.FieldIndexingOptions, a analysis.Analyzer) {
		if len(values) > 0 {
			d.AddField(document.NewTextFieldCustom(name, nil, []byte(fields.Join(values)), opts, a))
		}
	}
	keyword := func(name string, values ...string) {
		for i, v := range values {
			if v = strings.TrimSpace(v); v != "" {
				d.AddField(document.NewTextFieldCustom(name, []uint64{uint64(i)}, []byte(v), optKeyword, nil))
			}
		}
	}

	add(p.Name)
	papers := make([]string, 0, len(p.Papers))
	for _, pp := range p.Papers {
		if t := strings.TrimSpace(pp.Text); t != "" {
			papers = append(papers, t)
		}
	}
	add(papers...)
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
	add(body...)
	levels := make([]string, 0, len(p.Levels))
	for _, l := range p.Levels {
		if l = fields.CanonicalLevel(l); l != "" {
			levels = appendUnique(levels, l)
		}
	}
	add(p.Ministry, p.Sector, p.Kind, p.Decision, p.Code)
	add(levels...)

	d.AddField(document.NewTextFieldCustom(fields.Name, nil, []byte(p.Name), optStored, b.folded))
	// All text is indexed folded, as pairs of folded words (for phrases),
	// and, for words written with diacritics, exactly (package fields).
	// The folded words and their pairs come from one cut of the text.
	if len(texts) > 0 {
		all := []byte(fields.Join(texts))
		sh := fields.NewShared(all)
		d.AddField(document.NewTextFieldCustom(fields.Text, nil, all, optWords, sh.Folded()))
		d.AddField(document.NewTextFieldCustom(fields.TextBigram, nil, all, optText, sh.Bigrams()))
	}
	text(fields.TextExact, texts, optWords, b.exact)
	if p.Name != "" {
		d.AddField(document.NewTextFieldCustom(fields.NameExact, nil, []byte(p.Name), optWords, b.exact))
	}
	text(fields.Papers, papers, optStored, b.folded)
	text(fields.Body, body, optOnly, nil)
	text(fields.BasisText, basisText, optText, b.folded)
	if p.Code != "" {
		d.AddField(document.NewTextFieldCustom(fields.Code, nil, []byte(p.Code), optKeyword, b.lower))
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
		d.AddField(document.NewTextFieldCustom(fields.Facets, []uint64{uint64(i)}, []byte(v), optFacet, nil))
	}
	for i, f := range x.flagged {
		d.AddField(document.NewTextFieldCustom(fields.Flagged, []uint64{uint64(i)}, []byte(fields.FlagTerm(f)), optKeyword, b.lower))
	}
	d.AddField(document.NewTextFieldCustom(fields.Hash, nil, []byte(x.hash), optOnly, nil))
	d.AddField(document.NewTextFieldCustom(fields.File, nil, []byte(p.Source.File), optOnly, nil))
	if p.Source.Record > 0 {
		d.AddField(document.NewTextFieldCustom(fields.Record, nil, []byte(strconv.Itoa(p.Source.Record)), optOnly, nil))
	}
	// An estimate (the text and room for its tokens): scorch adds it up
	// in its memory statistics and uses it for nothing else.
	size := 0
	for _, f := range d.Fields {
		size += len(f.Name()) + 9*len(f.Value())
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
