package check

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestParseConfig(t *testing.T) {
	rules, err := Rules()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, yaml string
		err        string // substring of the error, "" for none
	}{
		{"empty", "", ""},
		{"full", "rules:\n  RT002: off\n  certified-copy: {severity: error}\nthresholds:\n  cost-increase-percent: 5\n  requirement-words-per-article: 20\ncatalog: cat.yaml\ncorpus: [procs/]\nignore: ['drafts/old/**']\nfail-on: warning\nlang: en\n", ""},
		{"bad lang", "lang: fr\n", `lang: language "fr" is not vi or en`},
		{"unknown key", "rule:\n  RT002: off\n", "field rule not found"},
		{"unknown rule", "rules:\n  RT999: off\n", `unknown rule "RT999"`},
		{"bad severity", "rules:\n  RT002: loud\n", `unknown severity "loud"`},
		{"negative threshold", "thresholds:\n  cost-increase-percent: -1\n", "negative"},
		{"bad fail-on", "fail-on: metric\n", "fail-on"},
		{"bad pattern", "ignore: ['[']\n", "bad pattern"},
		{"not yaml", "rules: [\n", "config"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, err := ParseConfig([]byte(tt.yaml))
			if err == nil {
				err = c.Validate(rules)
			}
			switch {
			case tt.err == "" && err != nil:
				t.Fatalf("error %v", err)
			case tt.err != "" && (err == nil || !strings.Contains(err.Error(), tt.err)):
				t.Fatalf("error %v, want %q", err, tt.err)
			}
		})
	}
}

func TestConfigSeverities(t *testing.T) {
	c, err := ParseConfig([]byte("rules:\n  RT002: off\n  certified-copy: {severity: error}\n  RT004: warning\n"))
	if err != nil {
		t.Fatal(err)
	}
	ch, err := New(Options{Config: c, Matcher: stubMatcher{}})
	if err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(filepath.Join(fixtureDir, "dossier.md"))
	if err != nil {
		t.Fatal(err)
	}
	d, err := ch.Parse("dossier.md", data)
	if err != nil {
		t.Fatal(err)
	}
	res, err := ch.Check(context.Background(), d)
	if err != nil {
		t.Fatal(err)
	}
	seen := map[string]Severity{}
	for _, f := range res.Findings {
		seen[f.Rule] = f.Severity
	}
	if _, ok := seen["RT002"]; ok {
		t.Error("RT002 is off but reported")
	}
	if seen["RT003"] != SeverityError || seen["RT004"] != SeverityWarning || seen["RT001"] != SeverityWarning || seen["RT006"] != SeverityInfo {
		t.Errorf("severities = %v", seen)
	}
}

func TestRequirementWordsThreshold(t *testing.T) {
	c, err := ParseConfig([]byte("thresholds:\n  requirement-words-per-article: 1\n"))
	if err != nil {
		t.Fatal(err)
	}
	ch, err := New(Options{Config: c})
	if err != nil {
		t.Fatal(err)
	}
	d, err := ch.Parse("d.md", []byte("Điều 1. A\n\nTổ chức phải nộp; không được chậm; nghiêm cấm gian lận.\n\nĐiều 2. B\n\nTổ chức phải báo cáo.\n"))
	if err != nil {
		t.Fatal(err)
	}
	res, err := ch.Check(context.Background(), d)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, f := range res.Findings {
		got = append(got, f.Article+":"+f.Severity.String())
	}
	if strings.Join(got, " ") != "1:warning 2:metric" {
		t.Errorf("RT007 findings = %v", got)
	}
	if res.RequirementWords != 4 {
		t.Errorf("requirement words = %d, want 4", res.RequirementWords)
	}
}

func TestIgnored(t *testing.T) {
	c := &Config{Ignore: []string{"drafts/old/**", "*.txt", "vendor"}, Dir: ""}
	for path, want := range map[string]bool{
		"drafts/old/a.md":       true,
		"drafts/old/deep/b.md":  true,
		"drafts/new/a.md":       false,
		"notes.txt":             true,
		"vendor/x/y.md":         true,
		"drafts/vendor.md":      false,
		"./drafts/old/c.html":   true,
		"drafts/older/a.md":     false,
		"drafts/new/readme.txt": true,
	} {
		if got := c.Ignored(path); got != want {
			t.Errorf("Ignored(%q) = %v, want %v", path, got, want)
		}
	}
}

func TestFindConfig(t *testing.T) {
	root := t.TempDir()
	if err := os.Mkdir(filepath.Join(root, ".git"), 0o755); err != nil {
		t.Fatal(err)
	}
	sub := filepath.Join(root, "a", "b")
	if err := os.MkdirAll(sub, 0o755); err != nil {
		t.Fatal(err)
	}
	if p, err := FindConfig(sub); err != nil || p != "" {
		t.Fatalf("no config: %q %v", p, err)
	}
	cfg := filepath.Join(root, ConfigName)
	if err := os.WriteFile(cfg, []byte("fail-on: warning\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	p, err := FindConfig(sub)
	if err != nil || p != cfg {
		t.Fatalf("FindConfig = %q %v, want %q", p, err, cfg)
	}
	c, err := LoadConfig(p)
	if err != nil || c.FailOn != "warning" || c.Resolve("x.yaml") != filepath.Join(root, "x.yaml") {
		t.Fatalf("LoadConfig = %+v %v", c, err)
	}
}

func TestParseDiff(t *testing.T) {
	f, err := os.Open(filepath.Join("..", "..", "testdata", "fuzz", "FuzzDraftDiff", "git.diff"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	ch, err := ParseDiff(f)
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		file string
		line int
		want bool
	}{
		{"drafts/d.md", 4, true},
		{"drafts/d.md", 5, true},
		{"drafts/d.md", 6, false},
		{"drafts/d.md", 12, true},
		{"drafts/d.md", 3, false},
		{"/repo/drafts/d.md", 4, true}, // absolute path ending with the diff's path
		{"d.md", 4, true},              // named from inside drafts/
		{"other/d.md", 4, false},       // another directory
		{"old.md", 1, false},
	} {
		if got := ch.Has(tt.file, tt.line); got != tt.want {
			t.Errorf("Has(%s, %d) = %v, want %v", tt.file, tt.line, got, tt.want)
		}
	}
	fs := []Finding{{File: "drafts/d.md", Line: 4, EndLine: 4}, {File: "drafts/d.md", Line: 2, EndLine: 5}, {File: "drafts/d.md", Line: 7, EndLine: 8}, {File: "x.md", Line: 4}}
	if got := ch.Filter(fs); len(got) != 2 || got[1].Line != 2 {
		t.Errorf("Filter = %+v", got)
	}
	if _, err := ParseDiff(strings.NewReader("+++ b/x\n@@ -a +1 @@\n")); err == nil {
		t.Error("bad hunk header accepted")
	}
}

// TestParseDiffStructure: text without any diff structure is ErrNotDiff,
// blank input an empty diff, and diffs without hunks (a new empty file, a
// binary change, a rename) are diffs.
func TestParseDiffStructure(t *testing.T) {
	tests := []struct {
		name  string
		in    string
		err   error
		empty bool
		files int
	}{
		{"garbage", "garbage\n", ErrNotDiff, false, 0},
		{"a draft instead of a diff", "# Điều 1\n\nHồ sơ gồm:\n- Đơn đề nghị;\n+ Bản sao\n", ErrNotDiff, false, 0},
		{"front matter is not a header", "---\ntitle: x\n---\n", ErrNotDiff, false, 0},
		{"empty", "", nil, true, 0},
		{"blank lines", "\n  \n\t\n", nil, true, 0},
		{"new empty file", "diff --git a/x.md b/x.md\nnew file mode 100644\nindex 0000000..e69de29\n", nil, false, 0},
		{"binary change", "diff --git a/x.bin b/x.bin\nindex 1..2 100644\nBinary files a/x.bin and b/x.bin differ\n", nil, false, 0},
		{"diff -u", "--- x.md\t2026-01-01\n+++ x.md\t2026-01-02\n@@ -1 +1 @@\n-a\n+b\n", nil, false, 1},
		{"mail preface then diff", "From: a\nSubject: fix\n\n---\n x.md | 2 +-\n\n--- a/x.md\n+++ b/x.md\n@@ -1 +1 @@\n-a\n+b\n", nil, false, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ch, err := ParseDiff(strings.NewReader(tt.in))
			if !errors.Is(err, tt.err) || (tt.err != nil) != (err != nil) {
				t.Fatalf("err = %v, want %v", err, tt.err)
			}
			if err != nil {
				return
			}
			if ch.Empty() != tt.empty || len(ch.Files()) != tt.files {
				t.Errorf("empty %v, files %v; want %v, %d", ch.Empty(), ch.Files(), tt.empty, tt.files)
			}
		})
	}
}
