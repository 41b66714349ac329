package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/gomarkdown/markdown"
	"github.com/gomarkdown/markdown/parser"

	"github.com/redtape-vn/redtape/corpus"
	"github.com/redtape-vn/redtape/internal/textfmt"
	"github.com/redtape-vn/redtape/reports/searchreport"
)

var searchFixture = filepath.Join("..", "..", "testdata", "search", "fixture.jsonl")

// searchEnv returns an env writing to buffers, with a fixed clock and no
// environment variables.
func searchEnv() (*env, *bytes.Buffer, *bytes.Buffer) {
	var out, errb bytes.Buffer
	e := newEnv(strings.NewReader(""), &out, &errb)
	e.now = func() time.Time { return time.Date(2026, 11, 23, 0, 0, 0, 0, time.UTC) }
	e.getenv = func(string) string { return "" }
	return e, &out, &errb
}

// repoRoot returns the absolute path of the repository.
func repoRoot(t *testing.T) string {
	t.Helper()
	root, err := filepath.Abs(filepath.Join("..", ".."))
	if err != nil {
		t.Fatal(err)
	}
	if r, err := filepath.EvalSymlinks(root); err == nil {
		root = r
	}
	return root
}

// indexFixture indexes the search fixture into a new index and returns its path.
func indexFixture(t *testing.T) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "idx")
	e, out, errb := searchEnv()
	if code := run(context.Background(), []string{"redtape", "index", "--index", dir, searchFixture}, e); code != exitOK {
		t.Fatalf("index exit %d: %s", code, errb)
	}
	if want := "6 procedures read, 6 added, 0 updated, 0 unchanged, 0 removed; 6 in the index"; !strings.Contains(out.String(), want) {
		t.Fatalf("index output %q lacks %q", out, want)
	}
	return dir
}

func TestIndexCommandUpdates(t *testing.T) {
	dir := indexFixture(t)
	e, out, errb := searchEnv()
	if code := run(context.Background(), []string{"redtape", "index", "--index", dir, searchFixture}, e); code != exitOK {
		t.Fatalf("exit %d: %s", code, errb)
	}
	if !strings.Contains(out.String(), "0 added, 0 updated, 6 unchanged, 0 removed") {
		t.Errorf("second run rewrote records: %s", out)
	}
	e, _, errb = searchEnv()
	if code := run(context.Background(), []string{"redtape", "index", "--index", dir, "no/such/dir"}, e); code != exitUsage {
		t.Errorf("missing path: exit %d, want %d (%s)", code, exitUsage, errb)
	}
	e, _, _ = searchEnv()
	if code := run(context.Background(), []string{"redtape", "index", "--index", dir, "--from", "nope", searchFixture}, e); code != exitUsage {
		t.Errorf("unknown reader: exit %d, want %d", code, exitUsage)
	}
}

func TestSearchGolden(t *testing.T) {
	dir := indexFixture(t)
	tests := []struct {
		golden string
		args   []string
	}{
		{"table.txt", []string{"giay khai sinh"}},
		{"basis.json", []string{"--format", "json", "basis:104/2022/ND-CP"}},
		{"exclusion.md", []string{"--format", "markdown", `"sổ hộ khẩu" -level:tỉnh`}},
		{"ranking.txt", []string{"đường"}},
	}
	for _, tt := range tests {
		e, out, errb := searchEnv()
		args := append([]string{"redtape", "search", "--index", dir}, tt.args...)
		if code := run(context.Background(), args, e); code != exitOK {
			t.Errorf("%v: exit %d: %s", tt.args, code, errb)
			continue
		}
		// The index records absolute paths; the golden files hold them
		// under $REPO, the repository's root.
		got := bytes.ReplaceAll(out.Bytes(), []byte(repoRoot(t)+string(filepath.Separator)), []byte("$REPO/"))
		goldenFile(t, filepath.Join("..", "..", "testdata", "search", "golden", tt.golden), got)
	}
}

// TestSearchPaging pages through hits that all tie: the pages are
// disjoint and cover every match.
func TestSearchPaging(t *testing.T) {
	dir := indexFixture(t)
	seen := map[string]bool{}
	for page := 1; page <= 3; page++ {
		e, out, errb := searchEnv()
		args := []string{"redtape", "search", "--index", dir, "-f", "json", "--size", "2", "--", "-code:none", fmt.Sprintf("--page=%d", page)}
		if code := run(context.Background(), args, e); code != exitOK {
			t.Fatalf("page %d: exit %d: %s", page, code, errb)
		}
		var doc struct {
			Total int
			Hits  []struct{ Code string }
		}
		if err := json.Unmarshal(out.Bytes(), &doc); err != nil {
			t.Fatal(err)
		}
		if doc.Total != 6 || len(doc.Hits) != 2 {
			t.Fatalf("page %d: total %d, %d hits", page, doc.Total, len(doc.Hits))
		}
		for _, h := range doc.Hits {
			if seen[h.Code] {
				t.Errorf("page %d repeats %s", page, h.Code)
			}
			seen[h.Code] = true
		}
	}
	if len(seen) != 6 {
		t.Errorf("pages cover %d of 6 procedures", len(seen))
	}
}

func TestSearchJSONShape(t *testing.T) {
	dir := indexFixture(t)
	e, out, _ := searchEnv()
	if code := run(context.Background(), []string{"redtape", "search", "--index", dir, "-f", "json", `paper:"hộ khẩu"`}, e); code != exitOK {
		t.Fatalf("exit %d", code)
	}
	var doc struct {
		Schema string `json:"schema"`
		Total  int    `json:"total"`
		Hits   []struct {
			Code     string `json:"code"`
			Snippets []struct {
				Field string `json:"field"`
				Text  string `json:"text"`
				Marks []struct{ Start, End int }
			} `json:"snippets"`
		} `json:"hits"`
		Facets []struct {
			Field string `json:"field"`
		} `json:"facets"`
	}
	if err := json.Unmarshal(out.Bytes(), &doc); err != nil {
		t.Fatal(err)
	}
	if doc.Schema != searchreport.Schema || doc.Total != 2 || len(doc.Facets) != 3 {
		t.Fatalf("document %+v", doc)
	}
	for _, h := range doc.Hits {
		marked := false
		for _, s := range h.Snippets {
			for _, m := range s.Marks {
				if s.Text[m.Start:m.End] == "Sổ hộ khẩu" || s.Text[m.Start:m.End] == "hộ khẩu" {
					marked = true
				}
			}
		}
		if !marked {
			t.Errorf("%s: hộ khẩu not marked in %+v", h.Code, h.Snippets)
		}
	}
}

func TestSearchErrors(t *testing.T) {
	dir := indexFixture(t)
	tests := []struct {
		args []string
		code int
		want string
	}{
		{[]string{"giay (khai"}, exitUsage, "( opened here is not closed\n  giay (khai\n       ^"},
		{[]string{"foo:bar"}, exitUsage, `unknown field "foo"`},
		{[]string{}, exitUsage, "give a query"},
		{[]string{"--format", "xml", "giay"}, exitUsage, "--format"},
		{[]string{"--size", "0", "giay"}, exitUsage, "--size"},
		{[]string{"giay", "--page"}, exitUsage, "--page needs a value"},
		// flagged: takes the catalog's values: the error points at the filter.
		{[]string{"giay flagged:true"}, exitUsage, "flagged: does not know \"true\": it takes any, birth-certificate"},
		{[]string{"giay flagged:true"}, exitUsage, "giay flagged:true\n       ^"},
		{[]string{"flagged:none"}, exitUsage, "databases that \"redtape catalog\" lists"},
	}
	for _, tt := range tests {
		e, _, errb := searchEnv()
		args := append([]string{"redtape", "search", "--index", dir}, tt.args...)
		if code := run(context.Background(), args, e); code != tt.code || !strings.Contains(errb.String(), tt.want) {
			t.Errorf("%v: exit %d, stderr %q; want exit %d and %q", tt.args, code, errb, tt.code, tt.want)
		}
	}
}

// With no index named and none at the default place, search builds one
// from the demo corpus and says so; an index the user named that does not
// exist is an error saying how to build it, and nothing is written there.
func TestSearchBuildsDemoIndex(t *testing.T) {
	named := filepath.Join(t.TempDir(), "none")
	e, _, errb := searchEnv()
	if code := run(context.Background(), []string{"redtape", "search", "--index", named, "khai sinh"}, e); code != exitUsage ||
		!strings.Contains(errb.String(), "no index at "+named) || !strings.Contains(errb.String(), "redtape index --index") {
		t.Errorf("named missing index: exit %d, %s", code, errb)
	}
	if _, err := os.Stat(named); err == nil {
		t.Errorf("an index was built at the named path %s", named)
	}
	t.Chdir(t.TempDir())
	e, out, errb := searchEnv()
	e.getenv = func(string) string { return "" }
	if code := run(context.Background(), []string{"redtape", "search", "khai sinh"}, e); code != exitOK {
		t.Fatalf("exit %d: %s", code, errb)
	}
	if !strings.Contains(errb.String(), "building one from the demo corpus") {
		t.Errorf("no note about the demo index: %q", errb)
	}
	if !strings.Contains(out.String(), "match") {
		t.Errorf("no results: %q", out)
	}
}

// TestIndexRefusesForeignDirectory: --index naming a directory that holds
// other files is a usage error naming it, and its files survive.
func TestIndexRefusesForeignDirectory(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "d")
	if err := os.MkdirAll(filepath.Join(dir, "sub"), 0o755); err != nil {
		t.Fatal(err)
	}
	notes := filepath.Join(dir, "notes.txt")
	if err := os.WriteFile(notes, []byte("important\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, extra := range [][]string{nil, {"--rebuild"}} {
		e, _, errb := searchEnv()
		args := append(append([]string{"redtape", "index", "--index", dir}, extra...), searchFixture)
		if code := run(context.Background(), args, e); code != exitUsage || !strings.Contains(errb.String(), dir+" is not a redtape index") {
			t.Errorf("%v: exit %d, stderr %q", extra, code, errb)
		}
		if b, err := os.ReadFile(notes); err != nil || string(b) != "important\n" {
			t.Fatalf("%v: notes.txt lost (%v)", extra, err)
		}
	}
}

// TestIndexSamePathsTwoSpellings: the fixture indexed by its relative and
// then its absolute path is one set of records.
func TestIndexSamePathsTwoSpellings(t *testing.T) {
	dir := indexFixture(t)
	abs, err := filepath.Abs(searchFixture)
	if err != nil {
		t.Fatal(err)
	}
	e, out, errb := searchEnv()
	if code := run(context.Background(), []string{"redtape", "index", "--index", dir, abs}, e); code != exitOK {
		t.Fatalf("exit %d: %s", code, errb)
	}
	if want := "0 added, 0 updated, 6 unchanged, 0 removed; 6 in the index"; !strings.Contains(out.String(), want) {
		t.Errorf("absolute path after relative: %q, want %q", out, want)
	}
}

// TestSearchPagePastEnd: a page beyond the last says so in table and
// Markdown output.
func TestSearchPagePastEnd(t *testing.T) {
	dir := indexFixture(t)
	for _, format := range []string{"table", "markdown"} {
		e, out, errb := searchEnv()
		if code := run(context.Background(), []string{"redtape", "search", "--index", dir, "-f", format, "--page", "99", "--", "-code:none"}, e); code != exitOK {
			t.Fatalf("%s: exit %d: %s", format, code, errb)
		}
		if !strings.Contains(out.String(), "page 99 is past the last page (1)") {
			t.Errorf("%s: no note on the page past the end: %q", format, out)
		}
	}
}

func TestProgressLine(t *testing.T) {
	tests := []struct {
		w       corpus.Progress
		read    int
		elapsed time.Duration
		want    string
	}{
		{corpus.Progress{}, 0, 0, "indexing 0 procedures"},
		{corpus.Progress{}, 46, 2 * time.Second, "indexing 46 procedures (23/s)"},
		{corpus.Progress{TotalFiles: 4, TotalBytes: 1000}, 0, time.Second,
			"indexing [------------------------]   0% 0 procedures (0/s), 0/4 files"},
		{corpus.Progress{Files: 1, TotalFiles: 4, Bytes: 500, TotalBytes: 1000}, 1200, time.Second,
			"indexing [############------------]  50% 1200 procedures (1200/s), 1/4 files"},
		{corpus.Progress{Files: 4, TotalFiles: 4, Bytes: 1000, TotalBytes: 1000}, 2500, 2 * time.Second,
			"indexing [########################] 100% 2500 procedures (1250/s), 4/4 files"},
		// A file that grew while the walk read it does not overflow the bar.
		{corpus.Progress{Files: 1, TotalFiles: 1, Bytes: 1200, TotalBytes: 1000}, 3, time.Second,
			"indexing [########################] 100% 3 procedures (3/s), 1/1 files"},
	}
	for _, tt := range tests {
		if got := progressLine("", tt.w, tt.read, tt.elapsed); got != tt.want {
			t.Errorf("progressLine(%+v, %d, %v)\n got %q\nwant %q", tt.w, tt.read, tt.elapsed, got, tt.want)
		}
	}
}

// TestIndexProgressInteractive checks that an interactive run draws the
// bar on stderr, ends it full and clears it, and keeps stdout free of it.
func TestIndexProgressInteractive(t *testing.T) {
	var out, errb bytes.Buffer
	e := newEnv(strings.NewReader(""), &out, &errb)
	e.interactive = true
	dir := t.TempDir()
	code := run(context.Background(), []string{"redtape", "index", "--no-flags", "--index", filepath.Join(dir, "idx"), mdFixture}, e)
	if code != exitOK {
		t.Fatalf("exit %d, stderr %q", code, errb.String())
	}
	stderr := errb.String()
	if !strings.Contains(stderr, "[########################] 100%") || !strings.Contains(stderr, "1/1 files") {
		t.Errorf("stderr %q: no full bar", stderr)
	}
	if !strings.Contains(stderr, "\r\033[K") {
		t.Errorf("stderr %q: the bar is not cleared", stderr)
	}
	if strings.Contains(out.String(), "indexing [") {
		t.Errorf("stdout %q holds the bar", out.String())
	}
}

// TestProgressTwoWalks checks that a second walk (a rebuild reading the
// files of the earlier index) adds to the bar instead of restarting it.
func TestProgressTwoWalks(t *testing.T) {
	var errb bytes.Buffer
	p := &progress{e: &env{stderr: &errb}, start: time.Now()}
	p.files(corpus.Progress{TotalFiles: 2, TotalBytes: 300})
	p.files(corpus.Progress{Files: 1, TotalFiles: 2, Bytes: 100, TotalBytes: 300})
	p.files(corpus.Progress{Files: 2, TotalFiles: 2, Bytes: 300, TotalBytes: 300})
	p.files(corpus.Progress{TotalFiles: 1, TotalBytes: 100})
	if got, want := p.total(), (corpus.Progress{Files: 2, TotalFiles: 3, Bytes: 300, TotalBytes: 400}); got != want {
		t.Errorf("after the second walk starts: %+v, want %+v", got, want)
	}
	p.files(corpus.Progress{Files: 1, TotalFiles: 1, Bytes: 100, TotalBytes: 100})
	if got, want := p.total(), (corpus.Progress{Files: 3, TotalFiles: 3, Bytes: 400, TotalBytes: 400}); got != want {
		t.Errorf("at the end: %+v, want %+v", got, want)
	}
	if !strings.Contains(errb.String(), "100% 0 procedures") || !strings.Contains(errb.String(), "3/3 files") {
		t.Errorf("stderr %q: no full bar at the end", errb.String())
	}
}

// TestSearchNeutralisesRecordText runs records holding links, images, HTML,
// Markdown, terminal escapes, bidirectional controls and CI workflow
// commands (testdata/hardening/hostile-links.jsonl) through every format
// of search: Markdown rendered to HTML has no link, image or tag from the
// records; the table has no control character and no line a CI runner
// would read as a command; JSON gives the text back as written.
func TestSearchNeutralisesRecordText(t *testing.T) {
	data := filepath.Join("..", "..", "testdata", "hardening", "hostile-links.jsonl")
	dir := filepath.Join(t.TempDir(), "idx")
	e, _, errb := searchEnv()
	if code := run(context.Background(), []string{"redtape", "index", "--no-flags", "--index", dir, data}, e); code != exitOK {
		t.Fatalf("index exit %d: %s", code, errb)
	}
	search := func(format string) string {
		t.Helper()
		e, out, errb := searchEnv()
		if code := run(context.Background(), []string{"redtape", "search", "--index", dir, "--format", format, "--size", "5", "hiểm"}, e); code != exitOK {
			t.Fatalf("search --format %s: exit %d: %s", format, code, errb)
		}
		return out.String()
	}

	md := search("markdown")
	if strings.Count(md, "\n| ") != 4 { // the header, its rule and two hits, one line each
		t.Errorf("markdown table rows broken:\n%s", md)
	}
	html := string(markdown.ToHTML([]byte(md), parser.NewWithExtensions(parser.CommonExtensions|parser.Autolink), nil))
	for _, bad := range []string{"<a ", "<img", "<script", "<em>", "<del>", `href="`, `src="`, "\x1b", "\u202e"} {
		if strings.Contains(html, bad) {
			t.Errorf("markdown renders %q:\n%s\nfrom\n%s", bad, html, md)
		}
	}
	for _, kept := range []string{"javascript:alert(1)", "http://evil.example/p.png", "&lt;script&gt;", "::error file=x::pwned"} {
		if !strings.Contains(html, kept) {
			t.Errorf("markdown lost the text %q:\n%s", kept, html)
		}
	}

	table := search("table")
	for i, r := range table {
		if r != '\n' && textfmt.Terminal(string(r)) != string(r) {
			t.Errorf("table holds %U at byte %d:\n%q", r, i, table)
			break
		}
	}
	for _, l := range strings.Split(table, "\n") {
		if strings.HasPrefix(strings.TrimSpace(l), "::") {
			t.Errorf("table line %q is a workflow command", l)
		}
	}
	if !strings.Contains(table, `\x1b[2J`) || !strings.Contains(table, `\u202e`) {
		t.Errorf("table does not show the escapes:\n%s", table)
	}

	var res struct {
		Hits []struct{ Code, Name, Sector string }
	}
	if err := json.Unmarshal([]byte(search("json")), &res); err != nil {
		t.Fatal(err)
	}
	if len(res.Hits) != 2 {
		t.Fatalf("json: %d hits", len(res.Hits))
	}
	for _, h := range res.Hits {
		if h.Code == "H.001" && h.Sector != "Lĩnh vực | cột thừa\n::error file=x::pwned" {
			t.Errorf("json sector %q, want it as written", h.Sector)
		}
	}
}

// TestSearchForeignIndexDirectory: search with --index naming a directory
// that holds something else refuses it as a usage error and leaves it as
// it was; a damaged index is reported as such, with the way out.
func TestSearchForeignIndexDirectory(t *testing.T) {
	dir := t.TempDir()
	notes := filepath.Join(dir, "notes.txt")
	if err := os.WriteFile(notes, []byte("important"), 0o644); err != nil {
		t.Fatal(err)
	}
	e, _, errb := searchEnv()
	if code := run(context.Background(), []string{"redtape", "search", "--index", dir, "giấy"}, e); code != exitUsage || !strings.Contains(errb.String(), "is not a redtape index") {
		t.Errorf("exit %d, stderr %q; want %d and not a redtape index", code, errb, exitUsage)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Errorf("the directory now holds %d entries", len(entries))
	}
	idx := indexFixture(t)
	segs, _ := filepath.Glob(filepath.Join(idx, "store", "*.zap"))
	if len(segs) == 0 {
		t.Fatal("no segment")
	}
	if err := os.Truncate(segs[0], 100); err != nil {
		t.Fatal(err)
	}
	e, out, errb := searchEnv()
	code := run(context.Background(), []string{"redtape", "search", "--index", idx, "khai sinh"}, e)
	if code != exitInternal || out.Len() != 0 || !strings.Contains(errb.String(), "is damaged") || !strings.Contains(errb.String(), "redtape index --rebuild") {
		t.Errorf("exit %d, stdout %q, stderr %q", code, out, errb)
	}
}

// TestSearchSpelling: the search command treats the i/y spellings of a
// syllable as one word, widens a catalog paper's name to its other names,
// and answers a search without hits with the nearest spellings, in text
// and JSON.
func TestSearchSpelling(t *testing.T) {
	dir := indexFixture(t)
	search := func(args ...string) string {
		t.Helper()
		e, out, errb := searchEnv()
		if code := run(context.Background(), append([]string{"redtape", "search", "--index", dir}, args...), e); code != exitOK {
			t.Fatalf("%v: exit %d: %s", args, code, errb)
		}
		return out.String()
	}
	// The fixture writes ký and lý.
	if out := search("đăng kí kết hôn"); !strings.Contains(out, "1 procedure matches") || !strings.Contains(out, "F.002") ||
		!strings.Contains(out, "«Đăng ký kết hôn»") {
		t.Errorf("đăng kí kết hôn:\n%s", out)
	}
	// LLTP is the catalog's short name of phiếu lý lịch tư pháp; no record writes it.
	if out := search("phiếu LLTP"); !strings.Contains(out, "F.005") {
		t.Errorf("phiếu LLTP does not find phiếu lý lịch tư pháp:\n%s", out)
	}
	out := search("giấy khai sih")
	for _, want := range []string{"no procedure matches giấy khai sih", "did you mean: giấy khai sinh? (", "sih: no record has it; near: sinh ("} {
		if !strings.Contains(out, want) {
			t.Errorf("text output lacks %q:\n%s", want, out)
		}
	}
	var doc struct {
		Schema      string `json:"schema"`
		Total       int    `json:"total"`
		Suggestions struct {
			Query string `json:"query"`
			Total int    `json:"total"`
			Words []struct {
				Word  string `json:"word"`
				Pos   int    `json:"pos"`
				Terms []struct {
					Text  string `json:"text"`
					Docs  int    `json:"docs"`
					Edits int    `json:"edits"`
				} `json:"terms"`
			} `json:"words"`
		} `json:"suggestions"`
	}
	if err := json.Unmarshal([]byte(search("--format", "json", "giấy khai sih")), &doc); err != nil {
		t.Fatal(err)
	}
	s := doc.Suggestions
	if doc.Schema != searchreport.Schema || doc.Total != 0 || s.Query != "giấy khai sinh" || s.Total == 0 ||
		len(s.Words) != 1 || s.Words[0].Word != "sih" || s.Words[0].Pos != 11 || s.Words[0].Terms[0].Text != "sinh" || s.Words[0].Terms[0].Edits != 1 {
		t.Errorf("suggestions %+v", s)
	}
	if md := search("--format", "markdown", "giấy khai sih"); !strings.Contains(md, "did you mean: giấy khai sinh?") {
		t.Errorf("markdown lacks the suggestion:\n%s", md)
	}
	// A search with hits has no suggestions in JSON.
	if out := search("--format", "json", "khai sinh"); strings.Contains(out, "suggestions") {
		t.Errorf("a search with hits suggests:\n%s", out)
	}
}
