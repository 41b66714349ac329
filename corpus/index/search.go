package index

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/blevesearch/bleve/v2"
	bindex "github.com/blevesearch/bleve_index_api"
	"golang.org/x/text/unicode/norm"

	"github.com/redtape-vn/redtape/corpus/index/fields"
	"github.com/redtape-vn/redtape/corpus/index/query"
)

// Index is an open index, for searching. It is safe for concurrent use.
type Index struct {
	b    bleve.Index
	r    bindex.IndexReader // the snapshot searched; a read-only index does not change
	path string

	facetMu sync.Mutex
	facets  *facetSets // read at the first search that counts facets

	mu     sync.Mutex
	labels map[string]string   // facet code → "field\x1fvalue"
	values map[string][]string // keyword field → its values
}

// fieldValues returns the values of a keyword field, read once from the
// index's term dictionary.
func (ix *Index) fieldValues(field string) []string {
	ix.mu.Lock()
	defer ix.mu.Unlock()
	if vs, ok := ix.values[field]; ok {
		return vs
	}
	var vs []string
	if d, err := ix.b.FieldDict(field); err == nil {
		for e, err := d.Next(); err == nil && e != nil; e, err = d.Next() {
			vs = append(vs, e.Term)
		}
		d.Close()
	}
	if ix.values == nil {
		ix.values = map[string][]string{}
	}
	ix.values[field] = vs
	return vs
}

// prefixTerms returns the terms of field that start with prefix.
func (ix *Index) prefixTerms(field, prefix string) ([]string, error) {
	d, err := ix.r.FieldDictPrefix(field, []byte(prefix))
	if err != nil {
		return nil, err
	}
	defer d.Close()
	var out []string
	for {
		e, err := d.Next()
		if err != nil {
			return nil, err
		}
		if e == nil {
			return out, nil
		}
		out = append(out, e.Term)
	}
}

// Open opens the index at path for reading. It returns an error wrapping
// ErrNotExist when there is none (or an empty directory), a
// *NotIndexError when path holds something else, ErrLocked when a writer
// holds it, an
// *IncompatibleError when it was written with another format, and a
// *DamagedError when its segments are not the size redtape wrote them or
// their first and last 4 KB differ (see docs/search.md, "Damage"), or bleve
// cannot read it.
func Open(path string) (ix *Index, err error) {
	path = filepath.Clean(path)
	tidyIfIdle(path)
	if !exists(path) {
		return nil, fmt.Errorf("%w at %s", ErrNotExist, path)
	}
	// What is not an index is said to be so, not damaged.
	switch empty, err := checkReplaceable(path); {
	case err != nil:
		return nil, err
	case empty:
		return nil, fmt.Errorf("%w at %s (an empty directory)", ErrNotExist, path)
	}
	if err := verifySums(path, false); err != nil {
		return nil, err
	}
	defer recovered(path, &err)
	b, err := bleve.OpenUsing(path, map[string]interface{}{"read_only": true, "bolt_timeout": "1s"})
	if err != nil {
		if lockTimeout(err) {
			return nil, ErrLocked
		}
		if errors.Is(err, os.ErrPermission) {
			return nil, fmt.Errorf("open index %s: %w", path, err)
		}
		return nil, &DamagedError{Path: path, Reason: err.Error()}
	}
	v, err := b.GetInternal(keyFormat)
	if err != nil {
		b.Close()
		return nil, fmt.Errorf("open index %s: %w", path, err)
	}
	if string(v) != FormatVersion {
		b.Close()
		return nil, &IncompatibleError{Path: path, Found: string(v)}
	}
	adv, err := b.Advanced()
	if err != nil {
		b.Close()
		return nil, fmt.Errorf("open index %s: %w", path, err)
	}
	r, err := adv.Reader()
	if err != nil {
		b.Close()
		return nil, fmt.Errorf("open index %s: %w", path, err)
	}
	return &Index{b: b, r: r, path: path}, nil
}

// Close closes the index.
func (ix *Index) Close() error {
	err := ix.r.Close()
	if cerr := ix.b.Close(); err == nil {
		err = cerr
	}
	return err
}

// facetSets returns the records of each facet value, read once (a read
// that fails, or is cancelled, is tried again by the next search).
func (ix *Index) facetSets(ctx context.Context) (*facetSets, error) {
	ix.facetMu.Lock()
	defer ix.facetMu.Unlock()
	if ix.facets == nil {
		fs, err := loadFacetSets(ctx, ix.r)
		if err != nil {
			return nil, err
		}
		ix.facets = fs
	}
	return ix.facets, nil
}

// Count returns the number of records in the index.
func (ix *Index) Count() (int, error) {
	n, err := ix.b.DocCount()
	return int(n), err
}

// Updated returns when the index was last written, or the zero time.
func (ix *Index) Updated() time.Time {
	v, err := ix.b.GetInternal(keyUpdated)
	if err != nil {
		return time.Time{}
	}
	t, _ := time.Parse(time.RFC3339, string(v))
	return t
}

// Request is a search.
type Request struct {
	// Query is in redtape's query language (docs/query-syntax.md).
	Query string
	// Page is the 1-based page of hits; 0 means 1.
	Page int
	// Size is the number of hits per page; 0 means 10.
	Size int
	// NoFacets skips the facet counts.
	NoFacets bool
	// NoSnippets skips the highlighted snippets.
	NoSnippets bool
	// NoSuggestions skips the suggestions of a search that finds nothing.
	NoSuggestions bool
	// FlagValues are the values a flagged: filter may take besides "any"
	// (catalog entry ids and database names, see query.Options); a value
	// outside them is a *query.Error. Without them, the values the index
	// holds are the ones it may take, and an index holding none takes any.
	FlagValues []string
	// Synonyms, when set, are the names of the catalog's papers: a run of
	// words naming a paper also finds its other names, ranked after the
	// records matching as typed (query.Options.Synonyms).
	Synonyms *query.Synonyms
}

// Facet names, in the order results list them.
var FacetNames = []string{fields.Ministry, fields.Sector, fields.Level}

// facetShown is the number of values listed per facet.
const facetShown = 50

// Result is a page of hits with the facet counts of all hits.
type Result struct {
	// Query is the parsed query in canonical form.
	Query string `json:"query"`
	// Total is the number of procedures matching.
	Total int `json:"total"`
	// Page and Size echo the request.
	Page int `json:"page"`
	Size int `json:"size"`
	// Took is how long the search took.
	Took time.Duration `json:"-"`
	// Hits are the procedures of this page, best first.
	Hits []Hit `json:"hits"`
	// Facets counts all matching procedures by ministry, sector and level.
	Facets []Facet `json:"facets,omitempty"`
	// Suggestions, for a search that finds nothing, propose the nearest
	// spellings of its unknown words (see Index.Suggest); nil when it
	// found something or every word is known.
	Suggestions *Suggestions `json:"suggestions,omitempty"`
}

// Hit is one matching procedure.
type Hit struct {
	ID       string    `json:"id"`
	Score    float64   `json:"score"`
	Code     string    `json:"code,omitempty"`
	Name     string    `json:"name"`
	Ministry string    `json:"ministry,omitempty"`
	Sector   string    `json:"sector,omitempty"`
	Levels   []string  `json:"levels,omitempty"`
	Basis    []string  `json:"basis,omitempty"`
	File     string    `json:"file"`
	Record   int       `json:"record,omitempty"`
	Snippets []Snippet `json:"snippets,omitempty"`
}

// Facet is the counts of one facet.
type Facet struct {
	Field string       `json:"field"`
	Terms []FacetCount `json:"terms"`
	// Other counts the matching procedures of the values beyond those
	// listed (a procedure with two levels counts under each).
	Other int `json:"other,omitempty"`
	// OtherValues is the number of values beyond those listed.
	OtherValues int `json:"other_values,omitempty"`
}

// FacetCount is the number of matching procedures with one value.
type FacetCount struct {
	Value string `json:"value"`
	Count int    `json:"count"`
}

// Search runs req. A malformed query gives a *query.Error. A search that
// finds nothing has Suggestions unless req.NoSuggestions.
func (ix *Index) Search(ctx context.Context, req Request) (*Result, error) {
	res, err := ix.search(ctx, req)
	if err != nil || res.Total > 0 || req.NoSuggestions {
		return res, err
	}
	if res.Suggestions, err = ix.Suggest(ctx, req.Query); err != nil {
		return nil, err
	}
	return res, nil
}

func (ix *Index) search(ctx context.Context, req Request) (res *Result, err error) {
	defer func() {
		var de *DamagedError
		if errors.As(err, &de) && de.Path == "" {
			de.Path = ix.path
		}
	}()
	defer recovered(ix.path, &err)
	start := time.Now()
	if req.Page <= 0 {
		req.Page = 1
	}
	if req.Size <= 0 {
		req.Size = 10
	}
	tree, err := query.Parse(req.Query)
	if err != nil {
		return nil, err
	}
	flagValues := req.FlagValues
	if flagValues == nil {
		flagValues = ix.fieldValues(fields.Flagged)
	}
	bq, err := query.TranslateWith(tree, query.Options{Values: ix.fieldValues, Terms: ix.prefixTerms, FlagValues: flagValues, Synonyms: req.Synonyms})
	if err != nil {
		var qe *query.Error
		if errors.As(err, &qe) {
			qe.Query = norm.NFC.String(strings.ToValidUTF8(req.Query, "\uFFFD"))
		}
		return nil, err
	}
	var fs *facetSets
	if !req.NoFacets {
		if fs, err = ix.facetSets(ctx); err != nil {
			return nil, err
		}
	}
	// Score order; ties keep the index's internal order, which is fixed
	// for a given index, so paging is stable.
	got, err := collect(ctx, ix.r, bq, query.Exactness(tree), ix.b.Mapping(), (req.Page-1)*req.Size, req.Size, fs != nil, searchParts(ix.r))
	if err != nil {
		return nil, err
	}
	out := &Result{Query: tree.String(), Total: got.total, Page: req.Page, Size: req.Size, Hits: []Hit{}}
	var hl *highlighter
	if !req.NoSnippets {
		hl = newHighlighter(query.Patterns(tree))
	}
	for _, h := range got.page {
		id, err := ix.r.ExternalID(h.id)
		if err != nil {
			return nil, fmt.Errorf("search: %w", err)
		}
		stored, err := storedFields(ix.r, id)
		if err != nil {
			return nil, fmt.Errorf("search: %w", err)
		}
		out.Hits = append(out.Hits, makeHit(id, h.score, stored, hl))
	}
	if fs != nil {
		out.Facets = makeFacets(fs.counts(got.hits), ix.label)
	}
	out.Took = time.Since(start)
	return out, nil
}

func makeHit(id string, score float64, f map[string][]string, hl *highlighter) Hit {
	one := func(name string) string {
		if v := f[name]; len(v) > 0 {
			return v[0]
		}
		return ""
	}
	hit := Hit{
		ID:       id,
		Score:    score,
		Code:     one(fields.Code),
		Name:     one(fields.Name),
		Ministry: one(fields.Ministry),
		Sector:   one(fields.Sector),
		Levels:   f[fields.Level],
		Basis:    f[fields.Basis],
		File:     one(fields.File),
	}
	hit.Record, _ = strconv.Atoi(one(fields.Record))
	if hl != nil {
		hit.Snippets = hl.snippets(hit.Name, fields.Split(one(fields.Papers)), fields.Split(one(fields.Body)))
	}
	return hit
}

// label returns "field\x1fvalue" of a facet code.
func (ix *Index) label(code string) string {
	ix.mu.Lock()
	defer ix.mu.Unlock()
	if l, ok := ix.labels[code]; ok {
		return l
	}
	v, _ := ix.b.GetInternal(facetKey(code))
	if ix.labels == nil {
		ix.labels = map[string]string{}
	}
	ix.labels[code] = string(v)
	return string(v)
}

// makeFacets splits the counts of the combined facet field by facet.
func makeFacets(counts []facetCount, label func(string) string) []Facet {
	out := make([]Facet, len(FacetNames))
	idx := map[string]int{}
	for i, name := range FacetNames {
		out[i] = Facet{Field: name, Terms: []FacetCount{}}
		idx[name] = i
	}
	for _, t := range counts {
		name, value, ok := strings.Cut(label(t.code), "\x1f")
		if i, known := idx[name]; ok && known {
			out[i].Terms = append(out[i].Terms, FacetCount{Value: value, Count: t.count})
		}
	}
	for i := range out {
		f := &out[i]
		sort.SliceStable(f.Terms, func(i, j int) bool {
			if f.Terms[i].Count != f.Terms[j].Count {
				return f.Terms[i].Count > f.Terms[j].Count
			}
			return f.Terms[i].Value < f.Terms[j].Value
		})
		if len(f.Terms) > facetShown {
			for _, t := range f.Terms[facetShown:] {
				f.Other += t.Count
			}
			f.OtherValues = len(f.Terms) - facetShown
			f.Terms = f.Terms[:facetShown]
		}
	}
	return out
}
