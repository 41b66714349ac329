package web

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"html"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/redtape-vn/redtape/analyzer/assess"
	"github.com/redtape-vn/redtape/analyzer/flags"
	"github.com/redtape-vn/redtape/corpus"
	"github.com/redtape-vn/redtape/corpus/demo"
	"github.com/redtape-vn/redtape/corpus/index"
	"github.com/redtape-vn/redtape/corpus/vntext"
	"github.com/redtape-vn/redtape/reports"
	"github.com/redtape-vn/redtape/reports/collect"
)

var fixed = time.Date(2026, 6, 1, 9, 0, 0, 0, time.UTC)

// newTestServer indexes procs in a temporary directory, with the flags
// the index command stores, and serves them.
func newTestServer(t testing.TB, procs []*corpus.Procedure) *Server {
	t.Helper()
	ctx := context.Background()
	dir := filepath.Join(t.TempDir(), "index")
	cat, err := assess.Catalog("", fixed)
	if err != nil {
		t.Fatal(err)
	}
	m := flags.NewMatcher(cat)
	src := index.Source{Roots: []string{"test"}, Walk: func(ctx context.Context, fn func(*corpus.Procedure) error) (*corpus.Summary, error) {
		for _, p := range procs {
			if err := fn(p); err != nil {
				return nil, err
			}
		}
		return &corpus.Summary{Files: 1, Procedures: len(procs)}, nil
	}}
	flagged := func(p *corpus.Procedure) []string {
		for _, pr := range m.Procedure(p).Papers {
			if pr.Status.Dropped(flags.ScenarioReplaceable) {
				return []string{"any"}
			}
		}
		return nil
	}
	if _, err := index.Update(ctx, dir, src, index.UpdateOptions{Now: func() time.Time { return fixed }, Flags: flagged}); err != nil {
		t.Fatal(err)
	}
	ix, err := index.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ix.Close() })
	s, err := New(ctx, Options{Index: ix, Store: NewStore(procs), Assess: assess.Options{Catalog: cat}, AsOf: fixed,
		Now: func() time.Time { return fixed }, Logger: slog.New(slog.NewTextHandler(io.Discard, nil))})
	if err != nil {
		t.Fatal(err)
	}
	return s
}

var (
	demoOnce   sync.Once
	demoServer *Server
)

func demoSrv(t *testing.T) *Server {
	demoOnce.Do(func() {
		procs, err := demo.Load(context.Background())
		if err != nil {
			t.Fatal(err)
		}
		demoServer = newTestServer(&keep{T: t}, procs)
	})
	if demoServer == nil {
		t.Fatal("demo server failed")
	}
	return demoServer
}

// keep is a testing.TB whose temporary directories outlive the first
// test, for the server the tests share.
type keep struct {
	*testing.T
}

func (k *keep) TempDir() string {
	d, err := tempDir()
	if err != nil {
		k.T.Fatal(err)
	}
	return d
}

func (k *keep) Cleanup(func()) {}

func get(t *testing.T, s http.Handler, target string) (int, http.Header, string) {
	t.Helper()
	rec := httptest.NewRecorder()
	s.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, target, nil))
	return rec.Code, rec.Header(), rec.Body.String()
}

func TestSearchPage(t *testing.T) {
	s := demoSrv(t)
	code, h, body := get(t, s, "/search?q="+url.QueryEscape("giay khai sinh"))
	if code != http.StatusOK {
		t.Fatalf("status %d", code)
	}
	if ct := h.Get("Content-Type"); !strings.HasPrefix(ct, "text/html") {
		t.Errorf("content type %q", ct)
	}
	for _, want := range []string{`id="summary"`, "thủ tục khớp với", "<mark>", `href="/procedure?id=`, "thời gian", `value="giay khai sinh"`, `href="/help"`} {
		if !strings.Contains(body, want) {
			t.Errorf("search page lacks %q", want)
		}
	}
	// Every facet link keeps the query and adds its filter.
	links := regexp.MustCompile(`<li(?: class="active")?><a href="(/search\?[^"]+)"`).FindAllStringSubmatch(body, -1)
	if len(links) < 3 {
		t.Fatalf("%d facet links, want several", len(links))
	}
	fields := map[string]bool{}
	for _, l := range links {
		u, err := url.Parse(html.UnescapeString(l[1]))
		if err != nil {
			t.Fatal(err)
		}
		q := u.Query().Get("q")
		if !strings.HasPrefix(q, "giay khai sinh ") {
			t.Errorf("facet link %q drops the query", q)
		}
		fields[strings.SplitN(strings.TrimPrefix(q, "giay khai sinh "), ":", 2)[0]] = true
	}
	for _, f := range []string{"ministry", "sector", "level", "flagged"} {
		if !fields[f] {
			t.Errorf("no facet link for %s: (have %v)", f, fields)
		}
	}
}

func TestFacetToggles(t *testing.T) {
	s := demoSrv(t)
	q := `khai sinh ministry:"Bộ Tư pháp"`
	code, _, body := get(t, s, "/search?q="+url.QueryEscape(q))
	if code != http.StatusOK {
		t.Fatalf("status %d", code)
	}
	if !strings.Contains(body, `class="active"`) {
		t.Fatal("the filter in the query is not shown active")
	}
	m := regexp.MustCompile(`<li class="active"><a href="([^"]+)"`).FindStringSubmatch(body)
	u, _ := url.Parse(html.UnescapeString(m[1]))
	if got := u.Query().Get("q"); got != "khai sinh" {
		t.Errorf("the active filter's link searches %q, want the query without it", got)
	}
}

func TestMalformedQuery(t *testing.T) {
	s := demoSrv(t)
	for _, tc := range []struct{ q, msg, at string }{
		{"giay (khai", "not closed", `<mark class="at">(</mark>`},
		{"foo:bar", "foo", `<mark class="at">`},
		{`"sổ hộ`, "", `<mark class="at">&#34;</mark>`},
	} {
		code, _, body := get(t, s, "/search?q="+url.QueryEscape(tc.q))
		if code != http.StatusBadRequest {
			t.Errorf("%q: status %d, want 400", tc.q, code)
		}
		for _, want := range []string{`id="query-error"`, "Câu truy vấn không hợp lệ", tc.msg, tc.at, `href="/help"`} {
			if !strings.Contains(body, want) {
				t.Errorf("%q: the error lacks %q:\n%s", tc.q, want, body)
			}
		}
	}
	code, _, body := get(t, s, "/api/search?q="+url.QueryEscape("giay (khai"))
	var e apiError
	if err := json.Unmarshal([]byte(body), &e); err != nil || code != http.StatusBadRequest || e.Column != 6 {
		t.Errorf("api: status %d, %+v (%v), want 400 at column 6", code, e, err)
	}
}

func TestLimits(t *testing.T) {
	s := demoSrv(t)
	long := strings.Repeat("a ", MaxQuery)
	if code, _, body := get(t, s, "/search?q="+url.QueryEscape(long)); code != http.StatusBadRequest || !strings.Contains(body, "quá dài") {
		t.Errorf("a long query: status %d", code)
	}
	// A page size above the limit is cut to it; paging deeper than
	// MaxHits is brought back.
	code, _, body := get(t, s, "/api/search?q=a&size=100000&page=100000000")
	var r searchReport
	if err := json.Unmarshal([]byte(body), &r); err != nil || code != http.StatusOK {
		t.Fatalf("status %d: %v", code, err)
	}
	if r.Size != MaxPageSize || r.Page*r.Size > MaxHits {
		t.Errorf("size %d page %d: not bounded", r.Size, r.Page)
	}
	rec := httptest.NewRecorder()
	s.ServeHTTP(rec, httptest.NewRequest(http.MethodPost, "/search", strings.NewReader("q=x")))
	if rec.Code != http.StatusMethodNotAllowed {
		t.Errorf("POST: status %d", rec.Code)
	}
	if code, _, _ := get(t, s, "/../../etc/passwd"); code == http.StatusOK {
		t.Errorf("a path outside the site: status %d", code)
	}
}

func TestPaging(t *testing.T) {
	s := demoSrv(t)
	q := "ministry:(tư OR công OR tài)"
	_, _, all := get(t, s, "/api/search?q="+url.QueryEscape(q)+"&size=50")
	var r searchReport
	if err := json.Unmarshal([]byte(all), &r); err != nil {
		t.Fatal(err)
	}
	if r.Total < 5 {
		t.Fatalf("%d hits: want at least 5 to page", r.Total)
	}
	code, _, body := get(t, s, "/search?q="+url.QueryEscape(q)+"&size=2&page=2")
	if code != http.StatusOK {
		t.Fatalf("status %d", code)
	}
	pages := (r.Total + 1) / 2
	for _, want := range []string{`rel="prev"`, `rel="next"`, `<ol class="hitlist" start="3">`, "Trang 2 trên " + itoa(pages), "page=3&amp;q=", "size=2"} {
		if !strings.Contains(body, want) {
			t.Errorf("page 2 lacks %q", want)
		}
	}
	// The hits of page 2 are the third and fourth of the whole list.
	for _, h := range r.Hits[2:4] {
		if !strings.Contains(body, url.QueryEscape(h.ID)) {
			t.Errorf("page 2 lacks hit %s", h.ID)
		}
	}
	_, _, last := get(t, s, "/search?q="+url.QueryEscape(q)+"&size=2&page="+itoa(pages))
	if strings.Contains(last, `rel="next"`) {
		t.Error("the last page links a next page")
	}
	_, _, past := get(t, s, "/search?q="+url.QueryEscape(q)+"&size=2&page="+itoa(pages+3))
	if !strings.Contains(past, "sau trang cuối") {
		t.Error("a page past the end does not say so")
	}
}

func itoa(n int) string { return strconv.Itoa(n) }

func TestProcedurePage(t *testing.T) {
	s := demoSrv(t)
	_, _, res := get(t, s, "/api/search?q="+url.QueryEscape("đăng ký khai sinh")+"&size=1")
	var r searchReport
	if err := json.Unmarshal([]byte(res), &r); err != nil || len(r.Hits) == 0 {
		t.Fatalf("no hit: %v", err)
	}
	id := r.Hits[0].ID
	code, _, body := get(t, s, "/procedure?id="+url.QueryEscape(id))
	if code != http.StatusOK {
		t.Fatalf("status %d", code)
	}
	p, _ := s.opts.Store.Get(id)
	res2, _ := s.a.FlagsOf(p)
	for _, want := range []string{
		`id="proc-name"`, "Thành phần hồ sơ", `class="status replaceable"`, "thay được bằng dữ liệu",
		"Cơ sở dữ liệu quốc gia về dân cư", "Luật Căn cước", "Chi phí cho một hồ sơ", "Dựa trên",
		"Mã thủ tục", p.Code, "Trình tự thực hiện", `href="/api/procedure?id=`, `href="/report?ministry=`,
	} {
		if !strings.Contains(body, want) {
			t.Errorf("procedure page lacks %q", want)
		}
	}
	if n := strings.Count(body, `<tr class="paper">`); n != len(res2.Papers) {
		t.Errorf("%d papers shown, the assessment has %d", n, len(res2.Papers))
	}
	_, _, en := get(t, s, "/procedure?id="+url.QueryEscape(id)+"&lang=en")
	for _, want := range []string{`lang="en"`, "Dossier", "replaceable by data", "Cost per dossier", "National Population", `>Tiếng Việt</a>`} {
		if !strings.Contains(en, want) {
			t.Errorf("English procedure page lacks %q", want)
		}
	}
	if code, _, _ := get(t, s, "/procedure?id=nope"); code != http.StatusNotFound {
		t.Errorf("unknown id: status %d", code)
	}
	code, _, js := get(t, s, "/api/procedure?id="+url.QueryEscape(id))
	var pj struct {
		Schema    string
		Procedure struct{ Code string }
		Flags     *struct{ Papers []any }
		Cost      struct{ Unit json.Number }
	}
	if err := json.Unmarshal([]byte(js), &pj); err != nil || code != 200 || pj.Schema != ProcedureSchema || pj.Procedure.Code != p.Code ||
		pj.Flags == nil || len(pj.Flags.Papers) != len(p.Papers) || pj.Cost.Unit == "" {
		t.Errorf("api procedure: status %d, %v", code, err)
	}
}

func TestSecurityHeaders(t *testing.T) {
	s := demoSrv(t)
	for _, target := range []string{"/", "/search?q=khai", "/help", "/reports", "/nope"} {
		_, h, _ := get(t, s, target)
		csp := h.Get("Content-Security-Policy")
		if !strings.Contains(csp, "default-src 'none'") || strings.Contains(csp, "unsafe-inline") || strings.Contains(csp, "script-src") {
			t.Errorf("%s: CSP %q", target, csp)
		}
		if h.Get("X-Content-Type-Options") != "nosniff" || h.Get("X-Frame-Options") != "DENY" {
			t.Errorf("%s: headers %v", target, h)
		}
	}
}

// TestReport checks that the report page is byte for byte what the report
// command's code writes, and that its CSP allows its inline style and
// script by hash only.
func TestReport(t *testing.T) {
	s := demoSrv(t)
	for _, tc := range []struct{ query, ministry, sector string }{
		{"", "", ""},
		{"?ministry=" + url.QueryEscape("Bộ Tư pháp") + "&lang=en", "Bộ Tư pháp", ""},
		{"?sector=" + url.QueryEscape("Hộ tịch"), "", "Hộ tịch"},
	} {
		code, h, body := get(t, s, "/report"+tc.query)
		if code != http.StatusOK {
			t.Fatalf("%s: status %d", tc.query, code)
		}
		l := vi
		if strings.Contains(tc.query, "lang=en") {
			l = en
		}
		in, err := collect.Collect(context.Background(), s.opts.Store.Procedures(), collect.Options{
			Assess: assess.Options{Catalog: s.a.Catalog}, AsOf: fixed, Generated: fixed, Ministry: tc.ministry, Sector: tc.sector,
			CurrentSummary: &corpus.Summary{Files: 1, Procedures: s.opts.Store.Len()}})
		if err != nil {
			t.Fatal(err)
		}
		var want bytes.Buffer
		if err := reports.WriteHTML(&want, in, reports.Options{Lang: l.report()}); err != nil {
			t.Fatal(err)
		}
		if body != want.String() {
			t.Errorf("%s: the report page differs from reports.WriteHTML", tc.query)
		}
		csp := h.Get("Content-Security-Policy")
		if !strings.Contains(csp, "script-src 'sha256-") || !strings.Contains(csp, "style-src 'sha256-") || strings.Contains(csp, "unsafe") {
			t.Errorf("%s: CSP %q", tc.query, csp)
		}
	}
	if code, _, body := get(t, s, "/report?ministry=zzzz"); code != http.StatusNotFound || !strings.Contains(body, "Không có thủ tục nào") {
		t.Errorf("unknown ministry: status %d", code)
	}
	code, _, body := get(t, s, "/reports")
	if code != http.StatusOK || !strings.Contains(body, `href="/report?ministry=`) || !strings.Contains(body, `href="/report?sector=`) {
		t.Errorf("reports page: status %d", code)
	}
}

func TestLanguageSwitch(t *testing.T) {
	s := demoSrv(t)
	_, _, body := get(t, s, "/search?q=khai+sinh")
	if !strings.Contains(body, `id="lang-switch" href="/search?lang=en&amp;q=khai&#43;sinh"`) {
		t.Errorf("no switch to English keeping the query:\n%s", body[:min(len(body), 1500)])
	}
	_, _, en := get(t, s, "/search?q=khai+sinh&lang=en")
	for _, want := range []string{`lang="en"`, "procedures match", `name="lang" value="en"`, `id="lang-switch" href="/search?q=khai&#43;sinh"`} {
		if !strings.Contains(en, want) {
			t.Errorf("English search page lacks %q", want)
		}
	}
	_, _, help := get(t, s, "/help?lang=en")
	if !strings.Contains(help, "Query syntax") || !strings.Contains(help, "flagged:") {
		t.Error("English help")
	}
}

// hostile is a procedure whose every text tries to inject markup or a
// script link.
func hostile(file string) *corpus.Procedure {
	x := `<script>alert(1)</script><img src=x onerror=alert(1)>`
	link := `[x](javascript:alert(1))`
	return &corpus.Procedure{
		Code: "EVIL.1", Name: "Đăng ký khai sinh " + x + " " + link, Ministry: "Bộ " + x, Sector: `Hộ tịch "><svg onload=alert(1)>`,
		Levels: []string{"Cấp xã"}, Steps: []string{"nộp " + x}, Conditions: []string{link},
		Papers:     []corpus.Paper{{Text: "Bản sao giấy khai sinh " + x, Forms: []string{link}}},
		LegalBasis: []corpus.LegalRef{{Text: "Luật " + x}},
		Source:     corpus.Source{File: file, URL: "javascript:alert(1)"},
	}
}

// eventAttr finds an event handler attribute inside a tag.
var eventAttr = regexp.MustCompile(`<[a-z][^<>"]*\son[a-z]+\s*=`)

func TestEscaping(t *testing.T) {
	file := filepath.Join(t.TempDir(), "evil.jsonl")
	s := newTestServer(t, []*corpus.Procedure{hostile(file)})
	_, _, res := get(t, s, "/api/search?q=khai+sinh")
	var r searchReport
	if err := json.Unmarshal([]byte(res), &r); err != nil || len(r.Hits) != 1 {
		t.Fatalf("hits: %v %s", err, res)
	}
	for _, target := range []string{
		"/search?q=" + url.QueryEscape("khai sinh alert"),
		"/search?q=" + url.QueryEscape(`<script>alert(1)</script>`),
		"/search?q=" + url.QueryEscape(`"><img src=x onerror=alert(1)> (`),
		"/procedure?id=" + url.QueryEscape(r.Hits[0].ID),
		"/procedure?id=" + url.QueryEscape(r.Hits[0].ID) + "&lang=en",
		"/reports",
		"/report",
	} {
		code, _, body := get(t, s, target)
		if code >= 500 {
			t.Fatalf("%s: status %d", target, code)
		}
		low := strings.ToLower(body)
		if m := eventAttr.FindString(low); m != "" {
			t.Errorf("%s: an event attribute in a tag: %s", target, m)
		}
		for _, bad := range []string{"<script>alert", "<img src=x", "<svg onload", `href="javascript:`, "href='javascript:"} {
			if strings.Contains(low, bad) {
				i := strings.Index(low, bad)
				t.Errorf("%s: %q rendered as markup: …%s…", target, bad, body[max(0, i-80):min(len(body), i+80)])
			}
		}
		if strings.HasPrefix(target, "/procedure") && !strings.Contains(body, "&lt;script&gt;alert(1)&lt;/script&gt;") {
			t.Errorf("%s: the hostile name is not shown as text", target)
		}
	}
}

func TestHTTPURL(t *testing.T) {
	for in, want := range map[string]string{
		"https://dichvucong.gov.vn/p/home/dvc-tthc-thu-tuc-hanh-chinh-chi-tiet.html?ma_thu_tuc=1": "https://dichvucong.gov.vn/p/home/dvc-tthc-thu-tuc-hanh-chinh-chi-tiet.html?ma_thu_tuc=1",
		"http://example.org/a": "http://example.org/a",
		"javascript:alert(1)":  "",
		"JAVASCRIPT:alert(1)":  "",
		"data:text/html,x":     "",
		"//evil.example/x":     "",
		"/etc/passwd":          "",
		"":                     "",
	} {
		if got := httpURL(in); got != want {
			t.Errorf("httpURL(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestAPIReport(t *testing.T) {
	s := demoSrv(t)
	code, h, body := get(t, s, "/api/report")
	var out struct {
		Schema string
	}
	if err := json.Unmarshal([]byte(body), &out); err != nil || code != http.StatusOK || out.Schema != "redtape.estimate/v1" ||
		!strings.HasPrefix(h.Get("Content-Type"), "application/json") {
		t.Errorf("status %d, %v, schema %q", code, err, out.Schema)
	}
}

// A search asked again, or by many clients at once, is answered from one
// search: the cached result is the same, its time is the asking call's,
// and the shared result is not changed by a caller's copy.
func TestSearchResultsCached(t *testing.T) {
	c, err := newResults(2)
	if err != nil {
		t.Fatal(err)
	}
	var searches atomic.Int32
	release := make(chan struct{})
	search := func(ctx context.Context, req index.Request) (*index.Result, error) {
		searches.Add(1)
		<-release
		return &index.Result{Total: 7, Page: req.Page, Took: time.Hour}, nil
	}
	req := index.Request{Query: "khai sinh", Page: 1, Size: 20}
	var wg sync.WaitGroup
	got := make([]*index.Result, 8)
	for i := range got {
		wg.Add(1)
		go func() {
			defer wg.Done()
			res, err := c.get(context.Background(), req, search)
			if err != nil {
				t.Error(err)
			}
			got[i] = res
		}()
	}
	time.Sleep(50 * time.Millisecond)
	close(release)
	wg.Wait()
	res, err := c.get(context.Background(), req, search)
	if err != nil {
		t.Fatal(err)
	}
	if n := searches.Load(); n != 1 {
		t.Errorf("%d searches for one request asked 9 times, want 1", n)
	}
	for _, r := range append(got, res) {
		if r == nil || r.Total != 7 || r.Took >= time.Hour {
			t.Fatalf("cached result %+v: want the total of the search and the caller's own time", r)
		}
	}
	// Another page is another search; a third key evicts the oldest.
	for _, page := range []int{2, 3, 1} {
		if _, err := c.get(context.Background(), index.Request{Query: "khai sinh", Page: page, Size: 20}, search); err != nil {
			t.Fatal(err)
		}
	}
	if n := searches.Load(); n != 4 {
		t.Errorf("%d searches after pages 2, 3 and the evicted 1, want 4", n)
	}
	// A failed search is not cached.
	fail := func(context.Context, index.Request) (*index.Result, error) { return nil, errors.New("boom") }
	if _, err := c.get(context.Background(), index.Request{Query: "x"}, fail); err == nil {
		t.Error("a failed search returned no error")
	}
	if _, err := c.get(context.Background(), index.Request{Query: "x"}, search); err != nil || searches.Load() != 5 {
		t.Errorf("after a failure the search ran %d times (err %v), want it run again", searches.Load(), err)
	}
}

// The search page takes the catalog's vocabulary as the search command
// does: a catalog paper's name finds records asking for it under another
// of its names, and flagged: takes the catalog's entry ids even where the
// index stored only "any".
func TestSearchCatalogVocabulary(t *testing.T) {
	cat, err := assess.Catalog("", fixed)
	if err != nil {
		t.Fatal(err)
	}
	words := func(s string) map[string]bool {
		m := map[string]bool{}
		for _, w := range strings.Fields(vntext.Fold(s)) {
			m[w] = true
		}
		return m
	}
	// A paper name and another name of it that lacks one of its words, so
	// that only the synonym can find the record.
	var name, other string
	for _, en := range cat.Entries {
		for _, v := range en.Variants {
			vw := words(v)
			for w := range words(en.Name) {
				if !vw[w] && len(strings.Fields(en.Name)) >= 2 && name == "" {
					name, other = en.Name, v
				}
			}
		}
	}
	if name == "" {
		t.Skip("no catalog paper has a name missing a word of another")
	}
	p := &corpus.Procedure{Code: "T.VOCAB", Name: "Thủ tục thử từ vựng", Ministry: "Bộ Thử", Papers: []corpus.Paper{{Text: other}}}
	procs, err := demo.Load(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	s := newTestServer(t, append(procs, p))
	code, _, body := get(t, s, "/search?q="+url.QueryEscape(name))
	if code != http.StatusOK || !strings.Contains(body, "T.VOCAB") {
		t.Errorf("searching %q (status %d) does not find the record asking for %q", name, code, other)
	}
	if code, _, body := get(t, s, "/search?q="+url.QueryEscape("flagged:"+cat.Entries[0].ID)); code != http.StatusOK {
		t.Errorf("flagged:%s: status %d\n%s", cat.Entries[0].ID, code, body)
	}
	if code, _, _ := get(t, s, "/search?q="+url.QueryEscape("flagged:true")); code != http.StatusBadRequest {
		t.Errorf("flagged:true: status %d, want 400", code)
	}
}

// A search that finds nothing offers the query respelt, linked, when the
// respelt query finds something.
func TestSearchDidYouMean(t *testing.T) {
	s := demoSrv(t)
	code, _, body := get(t, s, "/search?q="+url.QueryEscape("giấy khai sih"))
	if code != http.StatusOK {
		t.Fatalf("status %d", code)
	}
	if !strings.Contains(body, `id="suggest"`) || !strings.Contains(body, "giấy khai sinh</a>") || !strings.Contains(body, "khai&#43;sinh\">") {
		t.Errorf("no suggestion of \"giấy khai sinh\" for \"giấy khai sih\":\n%s", body)
	}
	if _, _, body := get(t, s, "/search?q="+url.QueryEscape("giấy khai sinh")); strings.Contains(body, `id="suggest"`) {
		t.Error("a search with hits offers a respelling")
	}
}
