package web

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/redtape-vn/redtape/corpus/index"
	"github.com/redtape-vn/redtape/corpus/index/query"
)

// SearchSchema names the version of the JSON of /api/search: the one
// "redtape search --format json" prints (docs/search.md).
const SearchSchema = "redtape.search/v1"

// seg is a piece of text, marked when a query word matched it.
type seg struct {
	Text string
	Mark bool
}

// segments cuts a snippet at its marks.
func segments(s index.Snippet) []seg {
	var out []seg
	at := 0
	for _, m := range s.Marks {
		if m.Start < at || m.End > len(s.Text) || m.Start >= m.End {
			continue
		}
		if m.Start > at {
			out = append(out, seg{Text: s.Text[at:m.Start]})
		}
		out = append(out, seg{Text: s.Text[m.Start:m.End], Mark: true})
		at = m.End
	}
	if at < len(s.Text) {
		out = append(out, seg{Text: s.Text[at:]})
	}
	return out
}

type snippetView struct {
	Field string
	Segs  []seg
}

type hitView struct {
	N        int
	URL      string
	Code     string
	Name     []seg
	Ministry string
	Sector   string
	Levels   string
	Snippets []snippetView
}

type facetTerm struct {
	Value  string
	Count  int
	URL    string
	Active bool
}

type facetView struct {
	Label       string
	Terms       []facetTerm
	OtherValues int
	Other       int
}

// queryError shows a malformed query with the character at fault marked.
type queryError struct {
	Msg    string
	Column int
	Before string
	At     string
	After  string
}

type searchPage struct {
	page
	Size     int
	Result   *index.Result
	Hits     []hitView
	Facets   []facetView
	Took     string
	Pages    int
	Prev     string
	Next     string
	First    string
	PastEnd  bool
	Err      *queryError
	TooLong  string
	Examples []example
	// Suggest is the query respelt for a search that found nothing, when
	// the respelt query finds something (index.Suggestions).
	Suggest *suggestView
}

type suggestView struct {
	Query, URL string
	Total      int
}

type example struct{ Query, URL string }

// searchParams are the parameters of a search request, bounded.
type searchParams struct {
	q          string
	page, size int
	lang       lang
}

// parseSearch reads and bounds q, page, size and lang. A query longer
// than MaxQuery is an error.
func parseSearch(r *http.Request) (searchParams, error) {
	v := r.URL.Query()
	p := searchParams{q: strings.TrimSpace(v.Get("q")), page: 1, size: DefaultPageSize, lang: parseLang(v.Get("lang"))}
	if n, err := strconv.Atoi(v.Get("page")); err == nil && n > 1 {
		p.page = n
	}
	if n, err := strconv.Atoi(v.Get("size")); err == nil && n > 0 {
		p.size = min(n, MaxPageSize)
	}
	if p.page*p.size > MaxHits {
		p.page = MaxHits / p.size
	}
	if utf8.RuneCountInString(p.q) > MaxQuery || !utf8.ValidString(p.q) {
		return p, errTooLong
	}
	return p, nil
}

var errTooLong = errors.New("query too long")

// searchURL returns the URL of a search.
func searchURL(q string, page, size int, l lang) string {
	v := url.Values{}
	v.Set("q", q)
	if page > 1 {
		v.Set("page", strconv.Itoa(page))
	}
	if size != DefaultPageSize {
		v.Set("size", strconv.Itoa(size))
	}
	if l == en {
		v.Set("lang", string(en))
	}
	return "/search?" + v.Encode()
}

// procedureURL returns the URL of a procedure page.
func procedureURL(id string, l lang) string {
	v := url.Values{}
	v.Set("id", id)
	if l == en {
		v.Set("lang", string(en))
	}
	return "/procedure?" + v.Encode()
}

// filter returns the query filter field:"value". Quotes inside a value
// cannot be written in the query language; they are dropped.
func filter(field, value string) string {
	return field + `:"` + strings.ReplaceAll(value, `"`, " ") + `"`
}

// toggle adds the filter f to q, or removes it when q has it.
func toggle(q, f string) (string, bool) {
	if strings.Contains(q, f) {
		return strings.Join(strings.Fields(strings.Replace(q, f, " ", 1)), " "), true
	}
	if q == "" {
		return f, false
	}
	return q + " " + f, false
}

func (s *Server) run(ctx context.Context, p searchParams, noFacets bool) (*index.Result, error) {
	if _, err := query.Parse(p.q); err != nil {
		return nil, err
	}
	req := index.Request{Query: p.q, Page: p.page, Size: p.size, NoFacets: noFacets, FlagValues: s.flagValues, Synonyms: s.synonyms}
	return s.results.get(ctx, req, func(ctx context.Context, req index.Request) (*index.Result, error) {
		ctx, cancel := context.WithTimeout(ctx, s.opts.SearchTimeout)
		defer cancel()
		return s.opts.Index.Search(ctx, req)
	})
}

func newQueryError(qe *query.Error) *queryError {
	rs := []rune(qe.Query)
	col := min(max(qe.Pos, 1), len(rs)+1)
	e := &queryError{Msg: qe.Msg, Column: qe.Pos, Before: string(rs[:col-1])}
	if col <= len(rs) {
		e.At = string(rs[col-1])
		e.After = string(rs[col:])
	} else {
		e.At = " "
	}
	return e
}

var examples = []string{
	`giay khai sinh`,
	`"sổ hộ khẩu" level:xã`,
	`ministry:"tư pháp" flagged:any`,
	`(khai sinh OR kết hôn) -nước`,
}

func (s *Server) search(w http.ResponseWriter, r *http.Request) {
	p, err := parseSearch(r)
	l := p.lang
	pg := searchPage{page: s.page(r, l, l.t("search"), "search"), Size: p.size}
	pg.Q = p.q
	if err != nil {
		pg.TooLong = fmt.Sprintf(l.t("query.toolong"), MaxQuery)
		pg.Q = string([]rune(p.q)[:min(len([]rune(p.q)), MaxQuery)])
		s.render(w, r, l, http.StatusBadRequest, "search", pg)
		return
	}
	if p.q == "" {
		for _, e := range examples {
			pg.Examples = append(pg.Examples, example{e, searchURL(e, 1, p.size, l)})
		}
		s.render(w, r, l, http.StatusOK, "search", pg)
		return
	}
	pg.Title = p.q + " · " + l.t("search")
	res, err := s.run(r.Context(), p, false)
	if err != nil {
		var qe *query.Error
		if errors.As(err, &qe) {
			pg.Err = newQueryError(qe)
			s.render(w, r, l, http.StatusBadRequest, "search", pg)
			return
		}
		s.serverError(w, r, l, err)
		return
	}
	pg.Result = res
	pg.Took = res.Took.Round(100 * time.Microsecond).String()
	if res.Total > 0 {
		pg.Pages = (res.Total + res.Size - 1) / res.Size
		pg.Pages = min(pg.Pages, MaxHits/res.Size)
	}
	if p.page > 1 {
		pg.Prev = searchURL(p.q, min(p.page-1, max(pg.Pages, 1)), p.size, l)
	}
	if p.page < pg.Pages {
		pg.Next = searchURL(p.q, p.page+1, p.size, l)
	}
	if sg := res.Suggestions; sg != nil && sg.Query != "" {
		pg.Suggest = &suggestView{Query: sg.Query, URL: searchURL(sg.Query, 1, p.size, l), Total: sg.Total}
	}
	if len(res.Hits) == 0 && res.Total > 0 {
		pg.PastEnd = true
		pg.First = searchURL(p.q, 1, p.size, l)
	}
	for i, h := range res.Hits {
		hv := hitView{N: (res.Page-1)*res.Size + i + 1, URL: procedureURL(h.ID, l), Code: h.Code,
			Name: []seg{{Text: h.Name}}, Ministry: h.Ministry, Sector: h.Sector, Levels: strings.Join(h.Levels, ", ")}
		for _, sn := range h.Snippets {
			if sn.Field == "name" {
				hv.Name = segments(sn)
				continue
			}
			hv.Snippets = append(hv.Snippets, snippetView{Field: l.t("field." + sn.Field), Segs: segments(sn)})
		}
		pg.Hits = append(pg.Hits, hv)
	}
	for _, f := range res.Facets {
		fv := facetView{Label: l.t("facet." + f.Field), OtherValues: f.OtherValues, Other: f.Other}
		for _, t := range f.Terms {
			q, active := toggle(p.q, filter(f.Field, t.Value))
			fv.Terms = append(fv.Terms, facetTerm{Value: t.Value, Count: t.Count, URL: searchURL(q, 1, p.size, l), Active: active})
		}
		pg.Facets = append(pg.Facets, fv)
	}
	// flagged: is not a facet of the index: its one value is offered as
	// a filter without a count, which would cost a second search (half
	// the time of a page at 100,000 procedures).
	fq, active := toggle(p.q, "flagged:any")
	pg.Facets = append(pg.Facets, facetView{Label: l.t("facet.flagged"),
		Terms: []facetTerm{{Value: l.t("flagged.any"), Count: -1, URL: searchURL(fq, 1, p.size, l), Active: active}}})
	s.render(w, r, l, http.StatusOK, "search", pg)
}

// searchReport is the JSON of /api/search, as "redtape search --format
// json" prints it, with the time taken.
type searchReport struct {
	Schema string `json:"schema"`
	*index.Result
	TookMS float64 `json:"took_ms"`
}

func (s *Server) apiSearch(w http.ResponseWriter, r *http.Request) {
	p, err := parseSearch(r)
	if err != nil {
		writeJSON(w, http.StatusBadRequest, apiError{Error: fmt.Sprintf("query longer than %d characters", MaxQuery)})
		return
	}
	if p.q == "" {
		writeJSON(w, http.StatusBadRequest, apiError{Error: "give a query: q=…"})
		return
	}
	res, err := s.run(r.Context(), p, false)
	if err != nil {
		var qe *query.Error
		if errors.As(err, &qe) {
			writeJSON(w, http.StatusBadRequest, apiError{Error: qe.Msg, Column: qe.Pos})
			return
		}
		s.opts.Logger.Error("search", "query", p.q, "err", err)
		writeJSON(w, http.StatusInternalServerError, apiError{Error: "internal error"})
		return
	}
	writeJSON(w, http.StatusOK, searchReport{Schema: SearchSchema, Result: res, TookMS: float64(res.Took.Microseconds()) / 1000})
}

type errorPage struct {
	page
	Message string
}

func (s *Server) serverError(w http.ResponseWriter, r *http.Request, l lang, err error) {
	status := http.StatusInternalServerError
	if errors.Is(err, context.DeadlineExceeded) {
		status = http.StatusServiceUnavailable
	}
	s.opts.Logger.Error("request failed", "path", r.URL.Path, "err", err)
	s.render(w, r, l, status, "error", errorPage{s.page(r, l, l.t("error"), ""), l.t("error.internal")})
}
