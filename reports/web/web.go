package web

import (
	"bytes"
	"context"
	"crypto/sha256"
	"embed"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"html/template"
	"io/fs"
	"log/slog"
	"net/http"
	"regexp"
	"strings"
	"sync"
	"time"

	"github.com/redtape-vn/redtape/analyzer/assess"
	"github.com/redtape-vn/redtape/analyzer/check"
	"github.com/redtape-vn/redtape/analyzer/cost"
	"github.com/redtape-vn/redtape/corpus/index"
	"github.com/redtape-vn/redtape/corpus/index/query"
	"github.com/redtape-vn/redtape/reports"
	"github.com/redtape-vn/redtape/reports/collect"
	"github.com/redtape-vn/redtape/reports/estimate"
)

//go:embed templates/*.html static/*
var files embed.FS

// Limits on what a request may ask for.
const (
	// MaxQuery is the longest query accepted, in characters.
	MaxQuery = 500
	// MaxPageSize is the largest number of hits per page.
	MaxPageSize = 50
	// DefaultPageSize is the number of hits per page unless size= says.
	DefaultPageSize = 10
	// MaxHits is how deep paging may go: page × size at most.
	MaxHits = 10000
	// maxParam is the longest ministry, sector or id accepted, in bytes.
	maxParam = 1000
	// reportCacheSize is the number of rendered reports kept.
	reportCacheSize = 64
)

// Options configure a server.
type Options struct {
	// Index is the open search index. It must not change while the
	// server runs (serve a Snapshot): search results are cached for the
	// server's life.
	Index *index.Index
	// Store holds the records the index was built from.
	Store *Store
	// Assess configures the assessment and the reports as for "redtape
	// report" (catalog, cost parameters, volumes, cost sheets, target,
	// scope); the zero value means the defaults. AsOf is the day of the
	// catalog the reports name; zero means the day they are written.
	Assess assess.Options
	AsOf   time.Time
	// Corpus names the records for the report ("" for the demo corpus).
	Corpus string
	// Now is the clock; nil means time.Now.
	Now func() time.Time
	// Logger logs requests; nil means slog.Default().
	Logger *slog.Logger
	// SearchTimeout bounds one search; zero means 10 seconds.
	SearchTimeout time.Duration
	// Checker checks the drafts posted to the check page; nil disables it.
	Checker *check.Checker
}

// Server serves the workspace. It is safe for concurrent use.
type Server struct {
	opts  Options
	a     *assess.Assessment
	model *cost.Model
	pages map[lang]*template.Template
	mux   *http.ServeMux
	css   []byte
	// results caches search results (see ResultCacheSize).
	results *results
	// flagValues and synonyms are what the catalog tells a search
	// (assess.SearchVocabulary), as the search command uses them.
	flagValues []string
	synonyms   *query.Synonyms

	mu      sync.Mutex
	reports map[string][]byte // rendered reports by ministry, sector and language
	// building is held while a report is collected: one at a time, so
	// that many first requests for reports do not assess the records many
	// times at once.
	building sync.Mutex
	// estimate is the JSON of /api/report, built once.
	estimateOnce sync.Once
	estimate     []byte
	estimateErr  error
}

// New assesses the records of opts.Store once, with the one assessment
// every command uses, and returns a server over them.
func New(ctx context.Context, opts Options) (*Server, error) {
	if opts.Index == nil || opts.Store == nil {
		return nil, errors.New("web: an index and a store are needed")
	}
	if opts.Now == nil {
		opts.Now = time.Now
	}
	if opts.Logger == nil {
		opts.Logger = slog.Default()
	}
	if opts.SearchTimeout == 0 {
		opts.SearchTimeout = 10 * time.Second
	}
	a, err := assess.Run(ctx, nil, opts.Store.Procedures(), opts.Assess)
	if err != nil {
		return nil, fmt.Errorf("web: assess: %w", err)
	}
	s := &Server{opts: opts, a: a, model: a.Model, pages: map[lang]*template.Template{}, reports: map[string][]byte{}}
	if s.results, err = newResults(ResultCacheSize); err != nil {
		return nil, err
	}
	s.flagValues, s.synonyms = assess.SearchVocabulary(a.Catalog)
	for _, l := range []lang{vi, en} {
		t, err := template.New("").Funcs(funcs(l)).ParseFS(files, "templates/*.html")
		if err != nil {
			return nil, fmt.Errorf("web: templates: %w", err)
		}
		s.pages[l] = t
	}
	if s.css, err = fs.ReadFile(files, "static/style.css"); err != nil {
		return nil, err
	}
	s.mux = http.NewServeMux()
	s.mux.HandleFunc("GET /{$}", s.search)
	s.mux.HandleFunc("GET /search", s.search)
	s.mux.HandleFunc("GET /procedure", s.procedure)
	s.mux.HandleFunc("GET /reports", s.reportList)
	s.mux.HandleFunc("GET /report", s.report)
	s.mux.HandleFunc("GET /api/report", s.apiReport)
	s.mux.HandleFunc("GET /help", s.help)
	s.mux.HandleFunc("GET /static/style.css", s.style)
	s.mux.HandleFunc("GET /api/search", s.apiSearch)
	s.mux.HandleFunc("GET /api/procedure", s.apiProcedure)
	s.mux.HandleFunc("GET /check", s.checkForm)
	s.mux.HandleFunc("POST /check", s.checkPost)
	s.mux.HandleFunc("POST /api/check", s.apiCheck)
	s.mux.HandleFunc("GET /rule/{id}", s.rule)
	s.mux.HandleFunc("/", s.notFound)
	return s, nil
}

// csp is the Content-Security-Policy of every page but the report: nothing
// from another origin, no script, no plugin, no framing.
const csp = "default-src 'none'; style-src 'self'; img-src 'self' data:; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"

// ServeHTTP serves a request with the security headers set and the
// request logged.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	start := time.Now()
	h := w.Header()
	h.Set("Content-Security-Policy", csp)
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("X-Frame-Options", "DENY")
	h.Set("Referrer-Policy", "no-referrer")
	h.Set("Cross-Origin-Opener-Policy", "same-origin")
	rw := &recorder{ResponseWriter: w, status: http.StatusOK}
	post := r.URL.Path == "/check" || r.URL.Path == "/api/check"
	if r.Method != http.MethodGet && r.Method != http.MethodHead && !(post && r.Method == http.MethodPost) {
		h.Set("Allow", "GET, HEAD")
		if post {
			h.Set("Allow", "GET, HEAD, POST")
		}
		http.Error(rw, "method not allowed", http.StatusMethodNotAllowed)
	} else {
		s.mux.ServeHTTP(rw, r)
	}
	s.opts.Logger.LogAttrs(r.Context(), slog.LevelInfo, "request",
		slog.String("method", r.Method), slog.String("path", r.URL.Path), slog.String("query", clip(r.URL.RawQuery, 300)),
		slog.Int("status", rw.status), slog.Int("bytes", rw.bytes), slog.Duration("took", time.Since(start)),
		slog.String("remote", r.RemoteAddr))
}

// recorder remembers the status and size of a response for the log.
type recorder struct {
	http.ResponseWriter
	status, bytes int
	wrote         bool
}

func (r *recorder) WriteHeader(code int) {
	if !r.wrote {
		r.status, r.wrote = code, true
	}
	r.ResponseWriter.WriteHeader(code)
}

func (r *recorder) Write(p []byte) (int, error) {
	r.wrote = true
	n, err := r.ResponseWriter.Write(p)
	r.bytes += n
	return n, err
}

func clip(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return s[:n] + "…"
}

// render executes the template name into a buffer and writes it with
// status: a template error is a 500, not half a page.
func (s *Server) render(w http.ResponseWriter, r *http.Request, l lang, status int, name string, data any) {
	var buf bytes.Buffer
	if err := s.pages[l].ExecuteTemplate(&buf, name, data); err != nil {
		s.opts.Logger.Error("render", "template", name, "err", err)
		http.Error(w, l.t("error.internal"), http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(status)
	if r.Method != http.MethodHead {
		w.Write(buf.Bytes())
	}
}

func (s *Server) style(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "text/css; charset=utf-8")
	w.Header().Set("Cache-Control", "public, max-age=3600")
	w.Write(s.css)
}

// page is what every page's layout needs.
type page struct {
	Lang      string
	Title     string
	SwitchURL string // the same page in the other language
	Nav       string // the current section: search, reports, help
	Q         string // the query, shown in the header's search box
	Docs      int
}

func (s *Server) page(r *http.Request, l lang, title, nav string) page {
	n, _ := s.opts.Index.Count()
	return page{Lang: string(l), Title: title, SwitchURL: switchURL(r, l), Nav: nav, Docs: n}
}

// switchURL returns the URL of the request with lang set to the other
// language.
func switchURL(r *http.Request, l lang) string {
	v := r.URL.Query()
	if l.other() == vi {
		v.Del("lang")
	} else {
		v.Set("lang", string(en))
	}
	u := r.URL.Path
	if e := v.Encode(); e != "" {
		u += "?" + e
	}
	return u
}

type notFoundPage struct {
	page
	Message string
}

func (s *Server) notFound(w http.ResponseWriter, r *http.Request) {
	l := parseLang(r.URL.Query().Get("lang"))
	s.render(w, r, l, http.StatusNotFound, "notfound", notFoundPage{s.page(r, l, l.t("notfound"), ""), l.t("notfound.page")})
}

func (s *Server) help(w http.ResponseWriter, r *http.Request) {
	l := parseLang(r.URL.Query().Get("lang"))
	s.render(w, r, l, http.StatusOK, "help", s.page(r, l, l.t("help"), "help"))
}

// writeJSON writes v as indented JSON.
func writeJSON(w http.ResponseWriter, status int, v any) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetIndent("", "  ")
	if err := enc.Encode(v); err != nil {
		http.Error(w, "internal error", http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(status)
	w.Write(buf.Bytes())
}

// apiError is the JSON body of an API error.
type apiError struct {
	Error  string `json:"error"`
	Column int    `json:"column,omitempty"`
}

var inlineRe = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`(?s)<(style|script)>(.*?)</(?:style|script)>`) })

// reportCSP returns the policy of a report page: its inline stylesheet
// and its one script allowed by their hashes, nothing else inline.
func reportCSP(page []byte) string {
	var styles, scripts []string
	for _, m := range inlineRe().FindAllSubmatch(page, -1) {
		sum := sha256.Sum256(m[2])
		h := "'sha256-" + base64.StdEncoding.EncodeToString(sum[:]) + "'"
		if string(m[1]) == "style" {
			styles = append(styles, h)
		} else {
			scripts = append(scripts, h)
		}
	}
	p := "default-src 'none'; img-src 'self' data:; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
	if len(styles) > 0 {
		p += "; style-src " + strings.Join(styles, " ")
	}
	if len(scripts) > 0 {
		p += "; script-src " + strings.Join(scripts, " ")
	}
	return p
}

// reportHTML renders the report for a ministry and a sector ("" for all),
// with the code of "redtape report --html", and keeps it.
func (s *Server) reportHTML(ctx context.Context, ministry, sector string, l lang) ([]byte, error) {
	key := ministry + "\x00" + sector + "\x00" + string(l)
	s.mu.Lock()
	b, ok := s.reports[key]
	s.mu.Unlock()
	if ok {
		return b, nil
	}
	s.building.Lock()
	defer s.building.Unlock()
	s.mu.Lock()
	b, ok = s.reports[key]
	s.mu.Unlock()
	if ok { // built while this request waited
		return b, nil
	}
	aopts := s.opts.Assess
	aopts.Catalog = s.a.Catalog
	copts := collect.Options{Assess: aopts, AsOf: s.opts.AsOf,
		Ministry: ministry, Sector: sector, Corpus: s.opts.Corpus, Generated: s.opts.Now().UTC(),
		CurrentSummary: s.opts.Store.Summary()}
	in, err := collect.Collect(ctx, s.opts.Store.Procedures(), copts)
	if err != nil {
		return nil, err
	}
	var buf bytes.Buffer
	if err := reports.WriteHTML(&buf, in, reports.Options{Lang: l.report()}); err != nil {
		return nil, err
	}
	b = buf.Bytes()
	s.mu.Lock()
	if len(s.reports) >= reportCacheSize {
		clear(s.reports)
	}
	s.reports[key] = b
	s.mu.Unlock()
	return b, nil
}

// apiReport answers with the estimate of the whole index, the JSON
// "redtape estimate --format json" prints (schema redtape.estimate/v1),
// from the server's one assessment: the figures of the report, by
// ministry and in total.
func (s *Server) apiReport(w http.ResponseWriter, r *http.Request) {
	s.estimateOnce.Do(func() {
		opts := estimate.Options{Demo: s.opts.Corpus == "", Top: 10, Day: s.opts.Now()}
		if s.opts.Corpus != "" {
			opts.Current = []string{s.opts.Corpus}
		}
		var buf bytes.Buffer
		s.estimateErr = estimate.WriteJSON(&buf, estimate.Build(s.a, opts))
		s.estimate = buf.Bytes()
	})
	if s.estimateErr != nil {
		s.opts.Logger.Error("estimate", "err", s.estimateErr)
		writeJSON(w, http.StatusInternalServerError, apiError{Error: "internal error"})
		return
	}
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Write(s.estimate)
}
