package main

import (
	"bytes"
	"context"
	"errors"
	"io"
	"net/http"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// syncBuffer is a buffer the server's goroutines and the test share.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// startServe runs "redtape serve" with opts on 127.0.0.1:0 and returns its
// base URL, its output and a function that stops it (the signal's
// cancellation) and returns what runServe returned.
func startServe(t *testing.T, opts serveOptions, env map[string]string) (base string, stdout, stderr *syncBuffer, stop func() error) {
	t.Helper()
	stdout, stderr = &syncBuffer{}, &syncBuffer{}
	e := newEnv(strings.NewReader(""), stdout, stderr)
	e.getenv = func(k string) string { return env[k] }
	ctx, cancel := context.WithCancel(context.Background())
	ready := make(chan string, 1)
	opts.Addr = "127.0.0.1:0"
	opts.ready = func(addr string) { ready <- addr }
	done := make(chan error, 1)
	go func() { done <- runServe(ctx, opts, e) }()
	select {
	case addr := <-ready:
		base = "http://" + addr
	case err := <-done:
		cancel()
		t.Fatalf("serve stopped before listening: %v\n%s", err, stderr)
	case <-time.After(60 * time.Second):
		cancel()
		t.Fatalf("serve did not listen within 60s\n%s", stderr)
	}
	var once sync.Once
	var err error
	stop = func() error {
		once.Do(func() {
			cancel()
			select {
			case err = <-done:
			case <-time.After(15 * time.Second):
				err = errors.New("serve did not stop within 15s")
			}
		})
		return err
	}
	t.Cleanup(func() { stop() })
	return base, stdout, stderr, stop
}

func httpGet(t *testing.T, u string) (int, string) {
	t.Helper()
	resp, err := http.Get(u)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return resp.StatusCode, string(b)
}

func TestServeDemo(t *testing.T) {
	base, stdout, stderr, stop := startServe(t, serveOptions{}, nil)
	if !strings.Contains(stdout.String(), "serving 46 procedures at "+base+"/") {
		t.Errorf("stdout %q does not give the address", stdout)
	}
	code, body := httpGet(t, base+"/search?q="+url.QueryEscape("giay khai sinh"))
	if code != http.StatusOK || !strings.Contains(body, "<mark>") {
		t.Fatalf("search: status %d", code)
	}
	if code, _ := httpGet(t, base+"/search?q="+url.QueryEscape("giay (")); code != http.StatusBadRequest {
		t.Errorf("bad query: status %d", code)
	}
	if err := stop(); err != nil {
		t.Fatalf("serve returned %v", err)
	}
	log := stderr.String()
	for _, want := range []string{"msg=request method=GET path=/search", "status=200", "status=400", "took=", "server stopped"} {
		if !strings.Contains(log, want) {
			t.Errorf("the log lacks %q:\n%s", want, log)
		}
	}
	if _, err := http.Get(base + "/"); err == nil {
		t.Error("the server still answers after the stop")
	}
}

// TestServeIndex serves an index built by "redtape index" from files: the
// procedure pages read the records again from the files the index names.
func TestServeIndex(t *testing.T) {
	dir := t.TempDir()
	src := filepath.Join(dir, "records.jsonl")
	data, err := os.ReadFile(filepath.Join("..", "..", "corpus", "demo", "procedures.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(src, data, 0o644); err != nil {
		t.Fatal(err)
	}
	ix := filepath.Join(dir, "index")
	var out, errb bytes.Buffer
	e := newEnv(strings.NewReader(""), &out, &errb)
	e.getenv = func(string) string { return "" }
	if err := runIndex(context.Background(), indexOptions{Paths: []string{src}, Index: ix}, e); err != nil {
		t.Fatalf("index: %v\n%s", err, errb.String())
	}
	base, stdout, _, _ := startServe(t, serveOptions{Index: ix}, nil)
	if !strings.Contains(stdout.String(), "serving 46 procedures") {
		t.Errorf("stdout: %s", stdout)
	}
	_, body := httpGet(t, base+"/search?q="+url.QueryEscape("khai sinh"))
	m := regexp.MustCompile(`href="(/procedure\?id=[^"]+)"`).FindStringSubmatch(body)
	if m == nil {
		t.Fatal("no procedure link")
	}
	code, page := httpGet(t, base+strings.ReplaceAll(m[1], "&amp;", "&"))
	if code != http.StatusOK || !strings.Contains(page, `class="status`) {
		t.Errorf("procedure page from an existing index: status %d", code)
	}
	// The report names the index it rests on, not the demo corpus.
	if _, rep := httpGet(t, base+"/report?lang=en"); !strings.Contains(rep, ix) {
		t.Error("the report does not name the index it rests on")
	}
	// With PATHS the index given is brought up to date first.
	base2, _, stderr2, _ := startServe(t, serveOptions{Index: ix, Paths: []string{src}}, nil)
	if !strings.Contains(stderr2.String(), "46 unchanged") {
		t.Errorf("update before serving: %s", stderr2)
	}
	if code, _ := httpGet(t, base2+"/reports"); code != http.StatusOK {
		t.Errorf("reports: status %d", code)
	}
}

// TestServeWhileIndexing updates the index while the server runs on it:
// the update is not refused, and the server serves the new records once
// it has seen the change.
func TestServeWhileIndexing(t *testing.T) {
	dir := t.TempDir()
	src := filepath.Join(dir, "records.jsonl")
	data, err := os.ReadFile(filepath.Join("..", "..", "corpus", "demo", "procedures.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(src, data, 0o644); err != nil {
		t.Fatal(err)
	}
	ix := filepath.Join(dir, "index")
	e := newEnv(strings.NewReader(""), io.Discard, io.Discard)
	e.getenv = func(string) string { return "" }
	if err := runIndex(context.Background(), indexOptions{Paths: []string{src}, Index: ix}, e); err != nil {
		t.Fatal(err)
	}
	base, _, stderr, _ := startServe(t, serveOptions{Index: ix, watchEvery: 50 * time.Millisecond}, nil)
	q := base + "/api/search?q=" + url.QueryEscape("name:zyxwvu")
	if _, body := httpGet(t, q); !strings.Contains(body, `"total": 0`) {
		t.Fatalf("before the update: %s", body)
	}
	changed := strings.Replace(string(data), `"name":"Đăng ký khai sinh"`, `"name":"Đăng ký khai sinh zyxwvu"`, 1)
	if changed == string(data) {
		t.Fatal("the demo's first record changed its name: fix the test")
	}
	if err := os.WriteFile(src, []byte(changed), 0o644); err != nil {
		t.Fatal(err)
	}
	// Searches go on while the index is written.
	stopSearching := make(chan struct{})
	searched := make(chan int)
	go func() {
		n := 0
		for {
			select {
			case <-stopSearching:
				searched <- n
				return
			default:
			}
			resp, err := http.Get(base + "/search?q=khai+sinh")
			if err != nil {
				t.Errorf("search during the update: %v", err)
			} else {
				io.Copy(io.Discard, resp.Body)
				resp.Body.Close()
				if resp.StatusCode != http.StatusOK {
					t.Errorf("search during the update: status %d", resp.StatusCode)
				}
			}
			n++
		}
	}()
	if err := runIndex(context.Background(), indexOptions{Paths: []string{src}, Index: ix}, e); err != nil {
		t.Fatalf("index while serving: %v", err)
	}
	close(stopSearching)
	t.Logf("%d searches served during the update", <-searched)
	deadline := time.Now().Add(20 * time.Second)
	for {
		_, body := httpGet(t, q)
		if strings.Contains(body, `"total": 1`) {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("the server did not serve the updated index within 20s:\n%s", stderr)
		}
		time.Sleep(50 * time.Millisecond)
	}
	if !strings.Contains(stderr.String(), "index reloaded") {
		t.Errorf("no reload in the log:\n%s", stderr)
	}
	// The procedure page shows the record as it is now.
	_, body := httpGet(t, q)
	m := regexp.MustCompile(`"id": "([^"]+)"`).FindStringSubmatch(body)
	if m == nil {
		t.Fatal("no id")
	}
	if _, page := httpGet(t, base+"/procedure?id="+url.QueryEscape(m[1])); !strings.Contains(page, "zyxwvu") {
		t.Error("the procedure page shows the old record")
	}
}

func TestServeUsage(t *testing.T) {
	var out, errb bytes.Buffer
	e := newEnv(strings.NewReader(""), &out, &errb)
	e.getenv = func(string) string { return "" }
	err := runServe(context.Background(), serveOptions{Index: filepath.Join(t.TempDir(), "none"), Addr: "127.0.0.1:0"}, e)
	var ue *usageError
	if !errors.As(err, &ue) || !strings.Contains(err.Error(), "no index at") {
		t.Errorf("a missing index: %v", err)
	}
	err = runServe(context.Background(), serveOptions{Addr: "not an address"}, e)
	if !errors.As(err, &ue) {
		t.Errorf("a bad address: %v", err)
	}
}

// chromium returns the path of a Chromium to drive, or "" when there is
// none. $REDTAPE_CHROMIUM names one elsewhere.
func chromium() string {
	if p := os.Getenv("REDTAPE_CHROMIUM"); p != "" {
		return p
	}
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	return ""
}

// TestServeBrowser drives a real headless Chromium through the workspace
// as a reviewer would: type a query, submit, see highlighted hits, click a
// facet, open a procedure, see its papers' statuses, switch to English,
// open a report, paste a draft into the check page and follow a rule link.
// .ci/run installs Debian's chromium; without one the test skips.
func TestServeBrowser(t *testing.T) {
	bin := chromium()
	if bin == "" {
		t.Skip("no chromium binary found (apt-get install chromium, or set REDTAPE_CHROMIUM): the browser test is skipped")
	}
	if testing.Short() {
		t.Skip("-short: the browser test is skipped")
	}
	base, _, _, _ := startServe(t, serveOptions{}, nil)

	alloc, cancel := chromedp.NewExecAllocator(context.Background(),
		chromedp.ExecPath(bin),
		chromedp.Headless,
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.Flag("disable-quic", true),
		chromedp.NoFirstRun,
		chromedp.NoDefaultBrowserCheck,
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-dev-shm-usage", true),
		chromedp.UserDataDir(t.TempDir()),
		chromedp.WindowSize(1280, 1000),
	)
	defer cancel()
	ctx, cancel := chromedp.NewContext(alloc)
	defer cancel()
	ctx, cancel = context.WithTimeout(ctx, 180*time.Second)
	defer cancel()

	// run runs one action and fails the test on error.
	step := 0
	run := func(a chromedp.Action[chromedp.Void]) {
		t.Helper()
		step++
		if err := chromedp.Do(ctx, a); err != nil {
			t.Fatalf("browser step %d: %v", step, err)
		}
	}
	text := func(sel string) string {
		t.Helper()
		s, err := chromedp.Run(ctx, chromedp.Text(chromedp.CSS(sel)))
		if err != nil {
			t.Fatalf("text of %s: %v", sel, err)
		}
		return s
	}
	count := func(sel string) int {
		t.Helper()
		n, err := chromedp.Run(ctx, chromedp.Nodes(chromedp.CSSAll(sel), chromedp.AtLeast(0)))
		if err != nil {
			t.Fatalf("nodes %s: %v", sel, err)
		}
		return len(n)
	}

	run(chromedp.Navigate(base + "/search"))
	run(chromedp.WaitVisible(chromedp.CSS("#q")))
	run(chromedp.SendKeys(chromedp.CSS("#q"), "giay khai sinh"))
	run(chromedp.Submit(chromedp.CSS("#q")))
	run(chromedp.WaitVisible(chromedp.CSS("#summary")))
	summary := text("#summary")
	marks := count(".hit mark")
	// The first value of the first facet (a ministry).
	run(chromedp.Click(chromedp.CSS(".facet li a")))
	run(chromedp.WaitVisible(chromedp.CSS(".facet li.active")))
	active := count(".facet li.active")
	searchShot, err := chromedp.Run(ctx, chromedp.CaptureScreenshot())
	if err != nil {
		t.Fatal(err)
	}
	location, err := chromedp.Run(ctx, chromedp.Location())
	if err != nil {
		t.Fatal(err)
	}
	run(chromedp.Click(chromedp.CSS(".hit h2 a")))
	run(chromedp.WaitVisible(chromedp.CSS("#dossier")))
	name := text("#proc-name")
	statuses := count("#dossier .status")
	replaceable := count("#dossier .status.replaceable")
	shot, err := chromedp.Run(ctx, chromedp.FullScreenshot(100))
	if err != nil {
		t.Fatal(err)
	}
	run(chromedp.Click(chromedp.CSS("#lang-switch")))
	run(chromedp.WaitVisible(chromedp.CSS("#dossier")))
	lang, err := chromedp.Run(ctx, chromedp.AttributeValue(chromedp.CSS("html"), "lang"))
	if err != nil {
		t.Fatal(err)
	}
	dossier := text("#dossier h2")

	// Open the report of the whole index from the list of reports.
	run(chromedp.Navigate(base + "/reports"))
	run(chromedp.Click(chromedp.CSS("a.big")))
	run(chromedp.WaitVisible(chromedp.CSS("main h1")))
	report := text("main h1")
	reportTables := count("main table")
	reportShot, err := chromedp.Run(ctx, chromedp.CaptureScreenshot())
	if err != nil {
		t.Fatal(err)
	}

	// Paste a draft into the check page and check it.
	draft, err := os.ReadFile(filepath.Join("..", "..", "testdata", "check", "dossier.md"))
	if err != nil {
		t.Fatal(err)
	}
	run(chromedp.Navigate(base + "/check"))
	run(chromedp.WaitVisible(chromedp.CSS("#draft")))
	run(chromedp.SetValue(chromedp.CSS("#draft"), string(draft)))
	run(chromedp.Click(chromedp.CSS("#check-run")))
	run(chromedp.WaitVisible(chromedp.CSS("#check-summary")))
	found := count(".finding")
	flagged := count("pre.draft .line.l-error, pre.draft .line.l-warning, pre.draft .line.l-info")
	checkShot, err := chromedp.Run(ctx, chromedp.CaptureScreenshot())
	if err != nil {
		t.Fatal(err)
	}
	run(chromedp.Click(chromedp.CSS(".finding a.rule")))
	run(chromedp.WaitVisible(chromedp.CSS("#rule-id")))
	rule := text("#rule-id")

	if !strings.Contains(summary, "thủ tục khớp với") {
		t.Errorf("summary %q", summary)
	}
	if marks == 0 {
		t.Error("no highlighted word in the hits")
	}
	if u, err := url.Parse(location); err != nil || !strings.HasPrefix(u.Query().Get("q"), "giay khai sinh ministry:") || active != 1 {
		t.Errorf("after the facet click: %s, %d active filters", location, active)
	}
	if name == "" || statuses == 0 || replaceable == 0 {
		t.Errorf("procedure page: name %q, %d paper statuses, %d replaceable", name, statuses, replaceable)
	}
	if lang.Value != "en" || dossier != "Dossier" {
		t.Errorf("after the switch: lang %q, heading %q", lang.Value, dossier)
	}
	if report == "" || reportTables == 0 {
		t.Errorf("report page: title %q, %d tables", report, reportTables)
	}
	if found == 0 || flagged == 0 || !strings.HasPrefix(rule, "RT") {
		t.Errorf("check page: %d findings, %d lines marked, rule page %q", found, flagged, rule)
	}
	dir := os.Getenv("REDTAPE_SCREENSHOTS")
	if dir == "" {
		dir = t.TempDir()
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	f := filepath.Join(dir, "serve-procedure.png")
	if err := os.WriteFile(f, shot, 0o644); err != nil {
		t.Fatal(err)
	}
	t.Logf("screenshot of the procedure page: %s (%d bytes)", f, len(shot))
	if err := os.WriteFile(filepath.Join(dir, "serve-search.png"), searchShot, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "serve-report.png"), reportShot, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "serve-check.png"), checkShot, 0o644); err != nil {
		t.Fatal(err)
	}
}
