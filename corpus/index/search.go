package index

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/blevesearch/bleve/v2"
	bsearch "github.com/blevesearch/bleve/v2/search"

	"github.com/redtape-vn/redtape/corpus/index/fields"
	"github.com/redtape-vn/redtape/corpus/index/query"
)

// Index is an open index, for searching. It is safe for concurrent use.
type Index struct {
	b    bleve.Index
	path string

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

// Open opens the index at path for reading. It returns an error wrapping
// ErrNotExist when there is none, ErrLocked when a writer holds it, and an
// *IncompatibleError when it was written with another format.
func Open(path string) (*Index, error) {
	path = filepath.Clean(path)
	tidyIfIdle(path)
	if !exists(path) {
		return nil, fmt.Errorf("%w at %s", ErrNotExist, path)
	}
	b, err := bleve.OpenUsing(path, map[string]interface{}{"read_only": true, "bolt_timeout": "1s"})
	if err != nil {
		if strings.Contains(err.Error(), "timeout") {
			return nil, ErrLocked
		}
		return nil, fmt.Errorf("open index %s: %w", path, err)
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
	return &Index{b: b, path: path}, nil
}

// Close closes the index.
func (ix *Index) Close() error { return ix.b.Close() }

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
}

// Facet names, in the order results list them.
var FacetNames = []string{fields.Ministry, fields.Sector, fields.Level}

// facetSize is the number of values counted for all facets together; a
// national corpus has a few hundred sectors.
const facetSize = 2000

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

// Search runs req. A malformed query gives a *query.Error.
func (ix *Index) Search(ctx context.Context, req Request) (*Result, error) {
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
	bq, err := query.TranslateWith(tree, query.Options{Values: ix.fieldValues})
	if err != nil {
		return nil, err
	}
	sr := bleve.NewSearchRequestOptions(bq, req.Size, (req.Page-1)*req.Size, false)
	sr.Fields = []string{fields.Name, fields.Code, fields.Ministry, fields.Sector, fields.Level, fields.Basis, fields.File, fields.Record}
	if !req.NoSnippets {
		sr.Fields = append(sr.Fields, fields.Papers, fields.Body)
	}
	// Score order; ties keep the index's internal order, which is fixed
	// for a given index, so paging is stable. A tie-break on _id would
	// read the stored id of every matching record: a sixth of the time
	// of a broad query on 100,000 records.
	if !req.NoFacets {
		sr.AddFacet(fields.Facets, bleve.NewFacetRequest(fields.Facets, facetSize))
	}
	res, err := ix.b.SearchInContext(ctx, sr)
	if err != nil {
		if errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded) {
			return nil, err
		}
		return nil, fmt.Errorf("search: %w", err)
	}
	out := &Result{Query: tree.String(), Total: int(res.Total), Page: req.Page, Size: req.Size, Hits: []Hit{}}
	var hl *highlighter
	if !req.NoSnippets {
		hl = newHighlighter(query.Patterns(tree))
	}
	for _, h := range res.Hits {
		out.Hits = append(out.Hits, makeHit(h, hl))
	}
	if !req.NoFacets {
		out.Facets = makeFacets(res.Facets[fields.Facets], ix.label)
	}
	out.Took = time.Since(start)
	return out, nil
}

func makeHit(h *bsearch.DocumentMatch, hl *highlighter) Hit {
	hit := Hit{
		ID:       h.ID,
		Score:    h.Score,
		Code:     str(h.Fields[fields.Code]),
		Name:     str(h.Fields[fields.Name]),
		Ministry: str(h.Fields[fields.Ministry]),
		Sector:   str(h.Fields[fields.Sector]),
		Levels:   strs(h.Fields[fields.Level]),
		Basis:    strs(h.Fields[fields.Basis]),
		File:     str(h.Fields[fields.File]),
	}
	hit.Record, _ = strconv.Atoi(str(h.Fields[fields.Record]))
	if hl != nil {
		hit.Snippets = hl.snippets(hit.Name, fields.Split(str(h.Fields[fields.Papers])), fields.Split(str(h.Fields[fields.Body])))
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
func makeFacets(fr *bsearch.FacetResult, label func(string) string) []Facet {
	out := make([]Facet, len(FacetNames))
	idx := map[string]int{}
	for i, name := range FacetNames {
		out[i] = Facet{Field: name, Terms: []FacetCount{}}
		idx[name] = i
	}
	if fr == nil || fr.Terms == nil {
		return out
	}
	for _, t := range fr.Terms.Terms() {
		name, value, ok := strings.Cut(label(t.Term), "\x1f")
		if i, known := idx[name]; ok && known {
			out[i].Terms = append(out[i].Terms, FacetCount{Value: value, Count: t.Count})
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

func str(v interface{}) string {
	switch v := v.(type) {
	case string:
		return v
	case []interface{}:
		if len(v) > 0 {
			return str(v[0])
		}
	}
	return ""
}

func strs(v interface{}) []string {
	switch v := v.(type) {
	case string:
		return []string{v}
	case []interface{}:
		out := make([]string, 0, len(v))
		for _, x := range v {
			if s, ok := x.(string); ok {
				out = append(out, s)
			}
		}
		return out
	}
	return nil
}
