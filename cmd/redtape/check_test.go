package main

import (
	"bytes"
	"context"
	"encoding/json"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/redtape-vn/redtape/analyzer/check"
	"github.com/redtape-vn/redtape/analyzer/check/checktest"
)

var checkFixtures = filepath.Join("..", "..", "testdata", "check")

// runCheckCLI runs "redtape check args..." with stdin and returns the exit
// code, stdout and stderr.
func runCheckCLI(t *testing.T, stdin string, args ...string) (int, string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	e := newEnv(strings.NewReader(stdin), &out, &errb)
	e.now = checkTestDay
	code := run(context.Background(), append([]string{"redtape", "check"}, args...), e)
	return code, out.String(), errb.String()
}

// checkTestDay fixes the clock: the catalog keeps the legal bases in force
// that day, so expectations do not change when a resolution lapses.
func checkTestDay() time.Time { return time.Date(2026, 11, 23, 0, 0, 0, 0, time.UTC) }

// jsonFindings decodes the findings of a redtape.check/v1 document.
func jsonFindings(t *testing.T, out string) []check.Finding {
	t.Helper()
	var doc struct {
		Schema   string          `json:"schema"`
		Findings []check.Finding `json:"findings"`
	}
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatalf("json: %v\n%s", err, out)
	}
	if doc.Schema != check.SchemaVersion {
		t.Fatalf("schema %q", doc.Schema)
	}
	return doc.Findings
}

// TestCheckFixturesWithCatalog runs the fixtures through the command, with
// the real catalog of digitised data, and compares the findings with the
// fixtures' inline expectations.
func TestCheckFixturesWithCatalog(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join(checkFixtures, "*.*"))
	for _, f := range files {
		t.Run(filepath.Base(f), func(t *testing.T) {
			_, out, stderr := runCheckCLI(t, "", "--no-config", "--format", "json", f)
			if strings.Contains(stderr, "redtape:") {
				t.Fatalf("stderr: %s", stderr)
			}
			data, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			wants, err := checktest.Parse(data)
			if err != nil {
				t.Fatal(err)
			}
			for _, p := range checktest.Compare(wants, jsonFindings(t, out)) {
				t.Errorf("%s:%s", filepath.Base(f), p)
			}
		})
	}
}

func TestCheckExitCodes(t *testing.T) {
	dir := t.TempDir()
	clean := filepath.Join(dir, "clean.md")
	if err := os.WriteFile(clean, []byte("### Điều 1. Phạm vi\n\nNghị định này quy định về biển hiệu.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	badCfg := filepath.Join(dir, "bad.yaml")
	if err := os.WriteFile(badCfg, []byte("rules:\n  RT999: off\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	broken := filepath.Join(dir, "drafts")
	if err := os.Mkdir(broken, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(filepath.Join(dir, "gone.md"), filepath.Join(broken, "dangling.md")); err != nil {
		t.Fatal(err)
	}
	dossier := filepath.Join(checkFixtures, "dossier.md")
	negatives := filepath.Join(checkFixtures, "negatives.md")
	garbage := writeGarbage(t, dir)
	empty := filepath.Join(dir, "empty")
	if err := os.Mkdir(empty, 0o755); err != nil {
		t.Fatal(err)
	}
	noDrafts := filepath.Join(dir, "scans")
	if err := os.Mkdir(noDrafts, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(noDrafts, "draft.pdf"), []byte("%PDF-1.7\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		args []string
		code int
	}{
		{"clean", []string{clean}, exitOK},
		{"warning finding, fail on warning", []string{"--fail-on", "warning", dossier}, exitFindings},
		{"warning finding, fail on error", []string{dossier}, exitOK},
		{"only info, fail on error", []string{negatives}, exitOK},
		{"only info, fail on info", []string{"--fail-on", "info", negatives}, exitFindings},
		{"warning level", []string{"--fail-on", "warning", filepath.Join(checkFixtures, "plain.txt")}, exitFindings},
		{"bad format", []string{"--format", "xml", clean}, exitUsage},
		{"bad fail-on", []string{"--fail-on", "metric", clean}, exitUsage},
		{"bad draft format", []string{"--draft-format", "pdf", clean}, exitUsage},
		{"missing file", []string{filepath.Join(dir, "nope.md")}, exitUsage},
		{"no drafts", nil, exitUsage},
		{"bad config", []string{"--config", badCfg, clean}, exitUsage},
		{"missing config", []string{"--config", filepath.Join(dir, "none.yaml"), clean}, exitUsage},
		{"bad diff revision", []string{"--diff", "no-such-revision-xyz", clean}, exitUsage},
		{"unreadable draft", []string{broken}, exitInputFailed},
		{"binary draft", []string{garbage}, exitInputFailed},
		{"binary draft and findings below fail-on", []string{garbage, negatives}, exitInputFailed},
		{"binary draft and findings at fail-on: findings win", []string{"--fail-on", "warning", garbage, dossier}, exitFindings},
		{"unreadable draft and findings at fail-on", []string{"--fail-on", "info", broken, negatives}, exitFindings},
		{"empty directory", []string{empty}, exitUsage},
		{"directory without drafts", []string{noDrafts}, exitUsage},
		{"empty directory beside a draft", []string{empty, clean}, exitOK},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			args := append([]string{"--no-config"}, tt.args...)
			code, out, stderr := runCheckCLI(t, "", args...)
			if code != tt.code {
				t.Errorf("exit %d, want %d\nstdout: %s\nstderr: %s", code, tt.code, out, stderr)
			}
		})
	}
}

// writeGarbage writes 4 KiB of fixed pseudo-random bytes, which decode as
// Windows-1258 without error, and returns the file's path.
func writeGarbage(t *testing.T, dir string) string {
	t.Helper()
	data := make([]byte, 4096)
	rng := rand.New(rand.NewPCG(1, 2))
	for i := range data {
		data[i] = byte(rng.UintN(256))
	}
	path := filepath.Join(dir, "garbage.bin")
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// TestCheckUnreadable: a binary file named as a draft is an unreadable
// input named on stderr and in every output, counted in the summary; the
// other drafts are still checked, and their findings decide the exit code.
func TestCheckUnreadable(t *testing.T) {
	garbage := writeGarbage(t, t.TempDir())
	dossier := filepath.Join(checkFixtures, "dossier.md")
	code, out, stderr := runCheckCLI(t, "", "--no-config", "--fail-on", "warning", "--format", "json", garbage, dossier)
	if code != exitFindings {
		t.Errorf("exit %d, want %d (findings win over unreadable input)", code, exitFindings)
	}
	for _, want := range []string{"redtape: read draft " + garbage + ": not text: ", "redtape: some input could not be read: 1 of"} {
		if !strings.Contains(stderr, want) {
			t.Errorf("stderr lacks %q:\n%s", want, stderr)
		}
	}
	var doc struct {
		Summary struct {
			Files      int `json:"files"`
			Findings   int `json:"findings"`
			Unreadable int `json:"unreadable"`
		} `json:"summary"`
		Unreadable []struct{ File, Error string } `json:"unreadable"`
	}
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatal(err)
	}
	if doc.Summary.Files != 1 || doc.Summary.Findings == 0 || doc.Summary.Unreadable != 1 ||
		len(doc.Unreadable) != 1 || doc.Unreadable[0].File != garbage || !strings.Contains(doc.Unreadable[0].Error, "not text") {
		t.Errorf("summary %+v, unreadable %+v", doc.Summary, doc.Unreadable)
	}
	for format, want := range map[string]string{
		"text":     "unreadable: read draft " + garbage,
		"github":   ",title=unreadable input::read draft ",
		"markdown": "| could not read | why |",
		"sarif":    `"executionSuccessful": false`,
	} {
		code, out, _ := runCheckCLI(t, "", "--no-config", "--lang", "en", "--format", format, garbage)
		if code != exitInputFailed || !strings.Contains(out, want) {
			t.Errorf("%s: exit %d, output lacks %q:\n%s", format, code, want, out)
		}
	}
}

// TestCheckNothingToCheck: a gate that would check nothing is a usage error
// with a message saying why, unless the configuration or the diff says
// there is nothing to check, which a note explains.
func TestCheckNothingToCheck(t *testing.T) {
	dir := t.TempDir()
	dossier := filepath.Join(checkFixtures, "dossier.md")
	for _, tt := range []struct {
		name, stdin string
		args        []string
		code        int
		stderr      string
	}{
		{"empty directory", "", []string{dir}, exitUsage, "no drafts found under " + dir + " (looked for .htm, .html, .markdown, .md, .txt files)"},
		{"garbage on stdin", "garbage\n", []string{"--diff", "-", dossier}, exitUsage, "--diff -: standard input: not a unified diff"},
		{"a draft on stdin", "# Điều 1\n\n- Đơn đề nghị;\n+ Bản sao\n", []string{"--diff", "-", dossier}, exitUsage, "not a unified diff"},
		{"empty stdin", "", []string{"--diff", "-", dossier}, exitUsage, "--diff -: standard input is empty"},
		{"empty stdin, no drafts named", "", []string{"--diff", "-"}, exitUsage, "standard input is empty"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			code, out, stderr := runCheckCLI(t, tt.stdin, append([]string{"--no-config"}, tt.args...)...)
			if code != tt.code || !strings.Contains(stderr, tt.stderr) || out != "" {
				t.Errorf("exit %d (want %d), stderr %q (want %q), stdout %q", code, tt.code, stderr, tt.stderr, out)
			}
		})
	}
	// A diff of other files: the draft is found but nothing it adds is
	// checked; that passes, with a note.
	other := "--- a/src/main.go\n+++ b/src/main.go\n@@ -1,0 +2,1 @@\n+x\n"
	code, out, _ := runCheckCLI(t, other, "--no-config", "--lang", "en", "--diff", "-", dossier)
	if code != exitOK || !strings.Contains(out, "note: --diff - adds no line to the 1 drafts under "+dossier+"; nothing was checked") {
		t.Errorf("diff of other files: exit %d\n%s", code, out)
	}
	code, out, _ = runCheckCLI(t, other, "--no-config", "--lang", "en", "--diff", "-")
	if code != exitOK || !strings.Contains(out, "note: --diff - changes no draft") {
		t.Errorf("diff of other files, no drafts named: exit %d\n%s", code, out)
	}
	// Every draft ignored by the configuration: the configuration says so.
	cfg := filepath.Join(dir, "c.yaml")
	if err := os.WriteFile(cfg, []byte("ignore: ['*.md']\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	code, out, _ = runCheckCLI(t, "", "--config", cfg, "--lang", "en", dossier)
	if code != exitOK || !strings.Contains(out, "note: the configuration ignores every draft under "+dossier) {
		t.Errorf("all ignored: exit %d\n%s", code, out)
	}
	// In Vietnamese, the default, the note says the same.
	code, out, _ = runCheckCLI(t, "", "--config", cfg, dossier)
	if code != exitOK || !strings.Contains(out, "ghi chú: cấu hình bỏ qua mọi dự thảo trong "+dossier+" (bỏ qua: 1)") {
		t.Errorf("all ignored, vi: exit %d\n%s", code, out)
	}
}

func TestCheckDiffStdin(t *testing.T) {
	dossier := filepath.Join(checkFixtures, "dossier.md")
	// The change adds line 34 (the catch-all item) and nothing else.
	diff := "--- a/dossier.md\n+++ b/" + filepath.ToSlash(dossier) + "\n@@ -33,0 +34,1 @@\n+đ) Các giấy tờ khác có liên quan.\n"
	code, out, _ := runCheckCLI(t, diff, "--no-config", "--format", "json", "--diff", "-", dossier)
	fs := jsonFindings(t, out)
	rules := map[string]bool{}
	for _, f := range fs {
		if f.Line != 34 {
			t.Errorf("finding on unchanged line %d: %s", f.Line, f.Rule)
		}
		rules[f.Rule] = true
	}
	if !rules["RT002"] || !rules["RT006"] || len(rules) != 2 {
		t.Errorf("rules on the changed line = %v", rules)
	}
	if code != exitOK { // the RT001 errors are on unchanged lines
		t.Errorf("exit %d, want 0", code)
	}
	if code, _, _ := runCheckCLI(t, "@@ broken", "--no-config", "--diff", "-", dossier); code != exitUsage {
		t.Errorf("broken diff: exit %d, want 2", code)
	}
}

func TestCheckConfigFile(t *testing.T) {
	dir := t.TempDir()
	cfg := filepath.Join(dir, ".redtape.yaml")
	if err := os.WriteFile(cfg, []byte("rules:\n  digitised-paper: warning\n  RT002: off\nfail-on: warning\nignore: ['*.txt']\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	dossier := filepath.Join(checkFixtures, "dossier.md")
	code, out, stderr := runCheckCLI(t, "", "--config", cfg, "--format", "json", dossier)
	if code != exitFindings {
		t.Fatalf("exit %d (fail-on warning from config), stderr %s", code, stderr)
	}
	for _, f := range jsonFindings(t, out) {
		if f.Rule == "RT002" {
			t.Error("RT002 is off in the config")
		}
		if f.Rule == "RT001" && f.Severity != check.SeverityWarning {
			t.Errorf("RT001 severity %v, want warning", f.Severity)
		}
	}
	// --fail-on overrides the config.
	if code, _, _ := runCheckCLI(t, "", "--config", cfg, "--fail-on", "error", dossier); code != exitOK {
		t.Errorf("--fail-on error: exit %d, want 0", code)
	}
	// Ignored paths are not checked.
	txt := filepath.Join(dir, "notes.txt")
	if err := os.WriteFile(txt, []byte("Hồ sơ gồm: các giấy tờ khác có liên quan.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	_, out, _ = runCheckCLI(t, "", "--config", cfg, "--format", "json", txt)
	if fs := jsonFindings(t, out); len(fs) != 0 {
		t.Errorf("ignored file checked: %v", fs)
	}
}

func TestCheckFormats(t *testing.T) {
	dossier := filepath.Join(checkFixtures, "dossier.md")
	for _, tt := range []struct {
		format, lang string
		want         []string
	}{
		{"text", "en", []string{"dossier.md:34:8: warning RT002 catch-all-requirement:", "    fix: name each paper required", "findings in 1 file"}},
		{"text", "vi", []string{"dossier.md:34:8: warning RT002 catch-all-requirement: yêu cầu không xác định \"giấy tờ khác có liên quan\"",
			"    đề xuất: nêu rõ từng giấy tờ phải nộp", "phát hiện trong 1 tệp: ", "dự thảo quy định: 3 thủ tục, 2 danh mục hồ sơ"}},
		{"github", "en", []string{"::warning file=", "title=RT001 digitised-paper::", "::notice title=redtape check::"}},
		{"github", "vi", []string{"title=RT001 digitised-paper::yêu cầu nộp ", "%0AĐề xuất: khai thác dữ liệu từ Cơ sở dữ liệu", "::notice title=redtape check::"}},
		{"markdown", "en", []string{"## redtape check: ❌ failed", "| [RT001 digitised-paper]("}},
		{"markdown", "vi", []string{"## redtape check: ❌ không đạt", "| [RT001 digitised-paper](", "| quy tắc | mức độ | phát hiện |"}},
		{"sarif", "vi", []string{`"version": "2.1.0"`, `"ruleId": "RT001"`, `"primaryLocationLineHash"`, `"uriBaseId": "%SRCROOT%"`}},
	} {
		code, out, _ := runCheckCLI(t, "", "--no-config", "--lang", tt.lang, "--fail-on", "warning", "--format", tt.format, dossier)
		if code != exitFindings {
			t.Errorf("%s: exit %d", tt.format, code)
		}
		for _, w := range tt.want {
			if !strings.Contains(out, w) {
				t.Errorf("%s output lacks %q:\n%s", tt.format, w, out)
			}
		}
	}
	out := filepath.Join(t.TempDir(), "out.sarif")
	if code, stdout, _ := runCheckCLI(t, "", "--no-config", "--fail-on", "warning", "--format", "sarif", "-o", out, dossier); code != exitFindings || stdout != "" {
		t.Errorf("-o: exit %d, stdout %q", code, stdout)
	}
	if data, err := os.ReadFile(out); err != nil || !bytes.Contains(data, []byte(`"runs"`)) {
		t.Errorf("-o file: %v", err)
	}
}

func TestCheckCostIncrease(t *testing.T) {
	amend := filepath.Join(checkFixtures, "cost", "amend.md")
	corpusFile := filepath.Join("..", "..", "testdata", "corpus", "markdown", "procedures.md")
	_, out, _ := runCheckCLI(t, "", "--no-config", "--format", "json", amend)
	var doc struct {
		Notes []string `json:"notes"`
	}
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatal(err)
	}
	if len(doc.Notes) == 0 || !strings.Contains(strings.Join(doc.Notes, " "), "needs --corpus") {
		t.Errorf("without --corpus: notes %v", doc.Notes)
	}
	code, out, stderr := runCheckCLI(t, "", "--no-config", "--format", "json", "--corpus", corpusFile, amend)
	var cost *check.Finding
	for _, f := range jsonFindings(t, out) {
		if f.Rule == "RT008" {
			cost = &f
		}
	}
	if cost == nil {
		t.Fatalf("no RT008 finding (exit %d, stderr %s):\n%s", code, stderr, out)
	}
	if cost.Line != 5 || !strings.Contains(cost.Message, "9.300001") || cost.Metric == nil || cost.Metric.Value <= 10 {
		t.Errorf("RT008 = %+v", cost)
	}
	// A threshold above the increase silences it.
	dir := t.TempDir()
	cfg := filepath.Join(dir, "c.yaml")
	if err := os.WriteFile(cfg, []byte("thresholds:\n  cost-increase-percent: 100000\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	_, out, _ = runCheckCLI(t, "", "--config", cfg, "--format", "json", "--corpus", corpusFile, amend)
	for _, f := range jsonFindings(t, out) {
		if f.Rule == "RT008" {
			t.Errorf("RT008 above a huge threshold: %s", f.Message)
		}
	}
}

// TestCheckRegulations runs the command over the 62 real legal texts with
// the real catalog: no crash, and the digitised-paper rule finds papers
// these texts do require (read by hand: "xuất trình giấy Chứng minh nhân
// dân" and "hộ khẩu thường trú" in the text on ID cards, "phiếu lý lịch tư
// pháp của các thành viên Ban sáng lập quỹ" in the one on funds).
func TestCheckRegulations(t *testing.T) {
	dir := filepath.Join("..", "..", "..", "shared", "regulations")
	if _, err := os.Stat(dir); err != nil {
		t.Skip("../shared/regulations is absent: the real legal texts are not available here")
	}
	code, out, stderr := runCheckCLI(t, "", "--no-config", "--format", "json", dir)
	if code != exitFindings || strings.Contains(stderr, "redtape:") {
		t.Fatalf("exit %d, stderr %s", code, stderr)
	}
	perRule := map[string]int{}
	files := map[string]bool{}
	for _, f := range jsonFindings(t, out) {
		perRule[f.Rule]++
		if f.Rule == "RT001" {
			files[filepath.Base(f.File)] = true
			if !strings.Contains(f.Fix, "look the data up in the") {
				t.Errorf("RT001 without a look-up fix: %+v", f)
			}
		}
	}
	if perRule["RT001"] < 10 || len(files) < 4 {
		t.Errorf("RT001: %d findings in %d files", perRule["RT001"], len(files))
	}
	for _, want := range []string{"trat-tu-an-toan-xa-hoi_chung-minh-nhan-dan.md", "to-chuc-chinh-tri-xa-hoi-hoi_to-chuc-hoat-dong-cua-quy-xa-hoi-quy-tu-thien.md"} {
		if !files[want] {
			t.Errorf("RT001 found nothing in %s", want)
		}
	}
	t.Logf("findings per rule: %v", perRule)
}

// TestCheckDiffGit checks --diff BASE in a scratch git repository: only
// the lines added since BASE are reported, and with no DRAFTS the changed
// drafts are found from the diff.
func TestCheckDiffGit(t *testing.T) {
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git is not installed")
	}
	dir := t.TempDir()
	t.Chdir(dir)
	gitRun := func(args ...string) {
		t.Helper()
		cmd := exec.Command("git", append([]string{"-c", "user.email=t@example.invalid", "-c", "user.name=t"}, args...)...)
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("git %v: %v\n%s", args, err, out)
		}
	}
	if err := os.MkdirAll("drafts", 0o755); err != nil {
		t.Fatal(err)
	}
	base := "### Điều 1. Hồ sơ\n\nHồ sơ gồm:\n\na) Đơn đề nghị;\n\nb) Các giấy tờ khác có liên quan.\n"
	if err := os.WriteFile("drafts/d.md", []byte(base), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile("drafts/other.md", []byte(base), 0o644); err != nil {
		t.Fatal(err)
	}
	gitRun("init", "-q")
	gitRun("add", ".")
	gitRun("commit", "-q", "-m", "base")
	changed := base + "\nc) Tài liệu khác theo yêu cầu của cơ quan.\n"
	if err := os.WriteFile("drafts/d.md", []byte(changed), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]string{{"drafts/"}, nil} {
		_, out, stderr := runCheckCLI(t, "", append([]string{"--no-config", "--format", "json", "--diff", "HEAD"}, args...)...)
		fs := jsonFindings(t, out)
		if len(fs) == 0 {
			t.Fatalf("args %v: no findings; stderr %s", args, stderr)
		}
		for _, f := range fs {
			if filepath.ToSlash(f.File) != "drafts/d.md" || f.Line != 9 {
				t.Errorf("args %v: finding outside the change: %s:%d %s", args, f.File, f.Line, f.Rule)
			}
		}
	}
}

// TestCheckCatalogOverride extends the catalog from .redtape.yaml: a paper
// only the extension knows is then reported with its database and basis.
func TestCheckCatalogOverride(t *testing.T) {
	dir := t.TempDir()
	ext := `schema: redtape.catalog/v1
sources:
  fixture: "test fixture written for redtape check"
documents:
  test-doc:
    title: "Test Decision 1/2026"
    from: 2026-01-01
    status: law
    source: "fixture"
entries:
  - id: neighbourhood-confirmation
    name: "Giấy xác nhận của tổ dân phố"
    english: "neighbourhood confirmation"
    variants: ["giấy xác nhận của tổ dân phố"]
    database: "Test Neighbourhood Database"
    owner: "Test owner"
    coverage: full
    basis:
      - {document: test-doc, article: "Art. 1"}
    sources: [fixture]
`
	if err := os.WriteFile(filepath.Join(dir, "extra.yaml"), []byte(ext), 0o644); err != nil {
		t.Fatal(err)
	}
	cfg := filepath.Join(dir, ".redtape.yaml")
	if err := os.WriteFile(cfg, []byte("catalog: extra.yaml\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	draft := filepath.Join(dir, "d.md")
	if err := os.WriteFile(draft, []byte("Hồ sơ gồm:\n\na) Đơn đề nghị;\n\nb) Giấy xác nhận của tổ dân phố về chỗ ở.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	find := func(args ...string) *check.Finding {
		code, out, stderr := runCheckCLI(t, "", append(args, "--format", "json", draft)...)
		if code == exitUsage {
			t.Fatalf("exit 2: %s", stderr)
		}
		for _, f := range jsonFindings(t, out) {
			if f.Rule == "RT001" {
				return &f
			}
		}
		return nil
	}
	if f := find("--no-config"); f != nil {
		t.Fatalf("built-in catalog flags the neighbourhood paper: %s", f.Message)
	}
	for _, args := range [][]string{{"--config", cfg}, {"--no-config", "--catalog", filepath.Join(dir, "extra.yaml")}} {
		f := find(args...)
		if f == nil || f.Line != 5 || !strings.Contains(f.Message, "Test Neighbourhood Database") || !strings.Contains(f.Fix, "Test Decision 1/2026 Art. 1") {
			t.Errorf("%v: RT001 = %+v", args, f)
		}
	}
	if err := os.WriteFile(cfg, []byte("catalog: missing.yaml\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if code, _, _ := runCheckCLI(t, "", "--config", cfg, draft); code != exitUsage {
		t.Errorf("missing catalog: exit %d, want 2", code)
	}
}

func TestCheckListRules(t *testing.T) {
	dir := t.TempDir()
	cfg := filepath.Join(dir, "c.yaml")
	if err := os.WriteFile(cfg, []byte("rules:\n  RT002: error\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	code, out, _ := runCheckCLI(t, "", "--config", cfg, "--list-rules")
	if code != exitOK {
		t.Fatalf("exit %d", code)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) != 14 || !strings.HasPrefix(lines[0], "RT001  digitised-paper") || !strings.Contains(lines[1], "error [warning]") {
		t.Errorf("list:\n%s", out)
	}
}

// BenchmarkCheckRegulations runs the whole command (real catalog, JSON
// output) over the 62 real legal texts; the target is under 5 s.
func BenchmarkCheckRegulations(b *testing.B) {
	dir := filepath.Join("..", "..", "..", "shared", "regulations")
	if _, err := os.Stat(dir); err != nil {
		b.Skip("../shared/regulations is absent")
	}
	for b.Loop() {
		var out, errb bytes.Buffer
		e := newEnv(strings.NewReader(""), &out, &errb)
		if code := run(context.Background(), []string{"redtape", "check", "--no-config", "--format", "json", dir}, e); code != exitFindings {
			b.Fatalf("exit %d: %s", code, errb.String())
		}
	}
}

// TestCheckFromSubdirectory runs check from a subdirectory of a scratch git
// repository: a piped git diff (paths relative to the repository root) is
// resolved against the top level, SARIF and GitHub annotations name files
// from the repository root, fingerprints do not depend on the directory the
// run starts in, and a diff naming drafts that exist nowhere is refused.
func TestCheckFromSubdirectory(t *testing.T) {
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git is not installed")
	}
	dir := t.TempDir()
	t.Chdir(dir)
	git := func(args ...string) string {
		t.Helper()
		cmd := exec.Command("git", append([]string{"-c", "user.email=t@example.invalid", "-c", "user.name=t"}, args...)...)
		out, err := cmd.CombinedOutput()
		if err != nil {
			t.Fatalf("git %v: %v\n%s", args, err, out)
		}
		return string(out)
	}
	if err := os.MkdirAll("drafts", 0o755); err != nil {
		t.Fatal(err)
	}
	base := "### Điều 1. Hồ sơ\n\nHồ sơ gồm:\n\na) Đơn đề nghị;\n\nb) Bản thuyết minh.\n"
	if err := os.WriteFile("drafts/a.md", []byte(base), 0o644); err != nil {
		t.Fatal(err)
	}
	git("init", "-q")
	git("add", ".")
	git("commit", "-q", "-m", "base")
	changed := base + "\nc) Các giấy tờ khác có liên quan.\n"
	if err := os.WriteFile("drafts/a.md", []byte(changed), 0o644); err != nil {
		t.Fatal(err)
	}
	diff := git("diff", "HEAD")
	fromRoot := map[string]bool{}
	_, out, _ := runCheckCLI(t, "", "--no-config", "--format", "json", "drafts/a.md")
	for _, f := range jsonFindings(t, out) {
		fromRoot[f.Fingerprint] = true
	}

	t.Chdir(filepath.Join(dir, "drafts"))
	code, out, stderr := runCheckCLI(t, diff, "--no-config", "--format", "json", "--fail-on", "warning", "--diff", "-")
	fs := jsonFindings(t, out)
	if code != exitFindings || len(fs) == 0 {
		t.Fatalf("piped diff from a subdirectory: exit %d, %d findings; stderr %s\n%s", code, len(fs), stderr, out)
	}
	for _, f := range fs {
		if f.File != "a.md" || f.Line != 9 {
			t.Errorf("finding %s:%d %s, want a.md:9", f.File, f.Line, f.Rule)
		}
		if !fromRoot[f.Fingerprint] {
			t.Errorf("%s:%d %s: fingerprint %s differs from the run at the repository root", f.File, f.Line, f.Rule, f.Fingerprint)
		}
	}
	_, out, _ = runCheckCLI(t, "", "--no-config", "--format", "sarif", "a.md")
	if !strings.Contains(out, `"uri": "drafts/a.md"`) || strings.Contains(out, `"uri": "a.md"`) {
		t.Errorf("SARIF from a subdirectory does not name drafts/a.md:\n%s", out)
	}
	_, out, _ = runCheckCLI(t, "", "--no-config", "--format", "github", "a.md")
	if !strings.Contains(out, "file=drafts/a.md,") {
		t.Errorf("annotations from a subdirectory do not name drafts/a.md:\n%s", out)
	}
	// A diff of a draft that exists neither at the top level nor here.
	gone := strings.ReplaceAll(diff, "drafts/a.md", "elsewhere/b.md")
	code, _, stderr = runCheckCLI(t, gone, "--no-config", "--diff", "-")
	if code != exitUsage || !strings.Contains(stderr, "elsewhere/b.md") {
		t.Errorf("diff of missing drafts: exit %d, stderr %q", code, stderr)
	}
}

// TestCheckEndColumn checks that a finding of the catalog's matcher ends
// on the paper's last letter, not on the space or ";" after it.
func TestCheckEndColumn(t *testing.T) {
	dir := t.TempDir()
	draft := filepath.Join(dir, "d.md")
	text := "### Điều 1. Cấp thẻ\n\n1. Người đề nghị:\n\na) Xuất trình hộ khẩu thường trú;\n\nb) Xuất trình hộ khẩu thường trú (sổ hộ khẩu).\n"
	if err := os.WriteFile(draft, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	_, out, _ := runCheckCLI(t, "", "--no-config", "--format", "json", draft)
	lines := strings.Split(text, "\n")
	n := 0
	for _, f := range jsonFindings(t, out) {
		if f.Rule != "RT001" {
			continue
		}
		n++
		runes := []rune(lines[f.Line-1])
		if f.EndLine != f.Line || f.EndColumn-1 > len(runes) {
			t.Fatalf("%d:%d-%d:%d outside the line", f.Line, f.Column, f.EndLine, f.EndColumn)
		}
		// The span is a whole paper name: no space or punctuation at
		// either end.
		got := string(runes[f.Column-1 : f.EndColumn-1])
		if got != strings.TrimFunc(got, func(r rune) bool { return r == ' ' || strings.ContainsRune(";,.()", r) }) || !strings.Contains(got, "hộ khẩu") {
			t.Errorf("line %d: span %q", f.Line, got)
		}
	}
	if n == 0 {
		t.Fatalf("no RT001 finding:\n%s", out)
	}
}

// TestCheckConfigErrors checks that mistakes in .redtape.yaml are usage
// errors naming the file (not a flag), and that a suppression comment
// naming no rule stops the run, naming the draft and line.
func TestCheckConfigErrors(t *testing.T) {
	dir := t.TempDir()
	draft := filepath.Join(dir, "d.md")
	if err := os.WriteFile(draft, []byte("### Điều 1. Hồ sơ\n\nHồ sơ gồm: đơn đề nghị; bản thuyết minh.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	cfg := filepath.Join(dir, "redtape.yaml")
	for _, tt := range []struct {
		name, config string
		want         []string // in stderr
		not          string   // never in stderr
	}{
		{"fail-on", "fail-on: sometimes\n", []string{cfg + ": ", `fail-on: "sometimes"`}, "--fail-on"},
		{"catalog", "catalog: missing-catalog.yaml\n", []string{cfg + ": catalog: ", "missing-catalog.yaml"}, "--catalog"},
		{"unknown rule", "rules:\n  RT999: error\n", []string{cfg + ": ", `unknown rule "RT999"`}, "--"},
		{"bad threshold", "thresholds:\n  cost-increase-percent: -1\n", []string{cfg + ": ", "cost-increase-percent"}, "--"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			if err := os.WriteFile(cfg, []byte(tt.config), 0o644); err != nil {
				t.Fatal(err)
			}
			code, _, stderr := runCheckCLI(t, "", "--config", cfg, draft)
			if code != exitUsage {
				t.Errorf("exit %d, want %d; stderr %s", code, exitUsage, stderr)
			}
			for _, w := range tt.want {
				if !strings.Contains(stderr, w) {
					t.Errorf("stderr %q lacks %q", stderr, w)
				}
			}
			if strings.Contains(stderr, tt.not) {
				t.Errorf("stderr %q blames a flag (%q)", stderr, tt.not)
			}
		})
	}
	typo := filepath.Join(dir, "typo.md")
	if err := os.WriteFile(typo, []byte("### Điều 1. Hồ sơ\n\n<!-- redtape-disable RT0002 -->\nHồ sơ gồm: đơn đề nghị; các giấy tờ khác có liên quan.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	code, _, stderr := runCheckCLI(t, "", "--no-config", typo)
	if code != exitUsage || !strings.Contains(stderr, typo+`:3: redtape-disable: unknown rule "RT0002"`) {
		t.Errorf("directive naming no rule: exit %d, stderr %q", code, stderr)
	}
	ok := filepath.Join(dir, "ok.md")
	if err := os.WriteFile(ok, []byte("### Điều 1. Hồ sơ\n\n<!-- redtape-disable catch-all-requirement RT006 -- kept -->\nHồ sơ gồm: đơn đề nghị; các giấy tờ khác có liên quan.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if code, _, stderr := runCheckCLI(t, "", "--no-config", "--fail-on", "warning", ok); code != exitOK {
		t.Errorf("directive naming rules by name and id: exit %d, stderr %q", code, stderr)
	}
}

// TestCheckLang: --lang picks the language of the text, Markdown and
// GitHub outputs (default vi, else the config's lang; the flag wins); the
// JSON and SARIF outputs are byte for byte the same in every language.
func TestCheckLang(t *testing.T) {
	dossier := filepath.Join(checkFixtures, "dossier.md")
	code, out, stderr := runCheckCLI(t, "", "--no-config", "--lang", "fr", dossier)
	if code != exitUsage || out != "" || !strings.Contains(stderr, `--lang: language "fr" is not vi or en`) {
		t.Errorf("--lang fr: exit %d, stderr %q", code, stderr)
	}
	for _, format := range []string{"json", "sarif"} {
		_, def, _ := runCheckCLI(t, "", "--no-config", "--format", format, checkFixtures)
		_, vi, _ := runCheckCLI(t, "", "--no-config", "--format", format, "--lang", "vi", checkFixtures)
		_, en, _ := runCheckCLI(t, "", "--no-config", "--format", format, checkFixtures, "--lang", "en")
		if len(def) < 10000 || def != vi || def != en {
			t.Errorf("%s: output differs with --lang (%d, %d, %d bytes)", format, len(def), len(vi), len(en))
		}
		if !strings.Contains(en, "requires a dossier paper") {
			t.Errorf("%s: no English message", format)
		}
	}
	for _, format := range []string{"text", "markdown", "github"} {
		_, def, _ := runCheckCLI(t, "", "--no-config", "--format", format, dossier)
		_, vi, _ := runCheckCLI(t, "", "--no-config", "--format", format, "--lang", "vi", dossier)
		_, en, _ := runCheckCLI(t, "", "--no-config", "--format", format, dossier, "--lang", "en")
		if def != vi || vi == en || !strings.Contains(vi, "yêu cầu một thành phần hồ sơ") || !strings.Contains(en, "requires a dossier paper") {
			t.Errorf("%s: default and vi differ, or vi is en:\n%s\n%s", format, vi, en)
		}
	}
	// The config's lang is the default; --lang wins; a bad one names the file.
	dir := t.TempDir()
	cfg := filepath.Join(dir, "c.yaml")
	if err := os.WriteFile(cfg, []byte("lang: en\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, out, _ := runCheckCLI(t, "", "--config", cfg, dossier); !strings.Contains(out, "findings in 1 file") {
		t.Errorf("config lang en:\n%s", out)
	}
	if _, out, _ := runCheckCLI(t, "", "--config", cfg, "--lang", "vi", dossier); !strings.Contains(out, "phát hiện trong 1 tệp") {
		t.Errorf("config lang en, --lang vi:\n%s", out)
	}
	if err := os.WriteFile(cfg, []byte("lang: de\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if code, _, stderr := runCheckCLI(t, "", "--config", cfg, "--lang", "en", dossier); code != exitUsage || !strings.Contains(stderr, cfg) || !strings.Contains(stderr, `"de" is not vi or en`) {
		t.Errorf("config lang de: exit %d, stderr %q", code, stderr)
	}
}
