package check_test

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/redtape-vn/redtape/analyzer/catalog"
	"github.com/redtape-vn/redtape/analyzer/check"
	"github.com/redtape-vn/redtape/analyzer/check/checktest"
	"github.com/redtape-vn/redtape/analyzer/decisions"
	"github.com/redtape-vn/redtape/analyzer/flags"
)

// fixtureDir holds the draft fixtures with inline expectations.
var fixtureDir = filepath.Join("..", "..", "testdata", "check")

// realMatcher is the catalog's matcher as the command builds it.
func realMatcher(t testing.TB) check.PaperMatcher {
	t.Helper()
	cat, err := catalog.Default()
	if err != nil {
		t.Fatal(err)
	}
	return check.CatalogMatcher(flags.NewMatcher(cat))
}

// realDecisions is the built-in list of the Government's decisions.
func realDecisions(t testing.TB) *decisions.List {
	t.Helper()
	list, err := decisions.Default()
	if err != nil {
		t.Fatal(err)
	}
	return list
}

// checkFixture checks one fixture with the real catalog and compares the
// findings above metric level with its expectations (rule, line and
// message), both ways.
func checkFixture(t *testing.T, c *check.Checker, path string) *check.FileResult {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	d, err := c.Parse(path, data)
	if err != nil {
		t.Fatal(err)
	}
	res, err := c.Check(context.Background(), d)
	if err != nil {
		t.Fatal(err)
	}
	wants, err := checktest.Parse(data)
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	if len(wants) == 0 {
		t.Fatalf("%s: fixture has no expectations", path)
	}
	for _, p := range checktest.Compare(wants, res.Findings) {
		t.Errorf("%s:%s", filepath.Base(path), p)
	}
	return res
}

func TestFixtures(t *testing.T) {
	c, err := check.New(check.Options{Matcher: realMatcher(t), Decisions: realDecisions(t)})
	if err != nil {
		t.Fatal(err)
	}
	files, err := filepath.Glob(filepath.Join(fixtureDir, "*.*"))
	if err != nil || len(files) < 4 {
		t.Fatalf("fixtures: %v, %d files", err, len(files))
	}
	for _, f := range files {
		if strings.HasSuffix(f, ".yaml") || strings.HasSuffix(f, ".diff") {
			continue
		}
		t.Run(filepath.Base(f), func(t *testing.T) { checkFixture(t, c, f) })
	}
}

func TestFixtureCounts(t *testing.T) {
	c, err := check.New(check.Options{Matcher: realMatcher(t)})
	if err != nil {
		t.Fatal(err)
	}
	res := checkFixture(t, c, filepath.Join(fixtureDir, "dossier.md"))
	want := check.Tally{Articles: 5, Procedures: 3, Dossiers: 2, Papers: 9, Conditions: 2, RequirementWords: 4}
	if res.Format != check.FormatMarkdown || res.Tally != want {
		t.Errorf("counts = %+v, want %+v", res.Tally, want)
	}
	res = checkFixture(t, c, filepath.Join(fixtureDir, "suppressed.md"))
	if res.Suppressed == 0 {
		t.Error("suppressed.md: nothing suppressed")
	}
}

func TestRequirementWordsFixture(t *testing.T) {
	c, err := check.New(check.Options{Matcher: realMatcher(t)})
	if err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(filepath.Join(fixtureDir, "negatives.md"))
	if err != nil {
		t.Fatal(err)
	}
	d, err := c.Parse("negatives.md", data)
	if err != nil {
		t.Fatal(err)
	}
	res, err := c.Check(context.Background(), d)
	if err != nil {
		t.Fatal(err)
	}
	perArticle := map[string]map[string]int{}
	for _, f := range res.Findings {
		if f.Rule == "RT007" {
			perArticle[f.Article] = f.Metric.Detail
		}
	}
	// Điều 1: "không được" once; "không phải nộp" is not an obligation.
	if got := perArticle["1"]; got["không được"] != 1 || got["phải"] != 0 || len(got) != 1 {
		t.Errorf("Article 1 requirement words = %v", got)
	}
	// Điều 4: "bên phải" is a side, "không phải treo" is negated.
	if got := perArticle["4"]; len(got) != 0 {
		t.Errorf("Article 4 requirement words = %v, want none", got)
	}
}

// TestRequirementWordsNegations checks RT007 on requirement-words.md: each
// deontic word counted once, negated and non-deontic ones not at all.
func TestRequirementWordsNegations(t *testing.T) {
	c, err := check.New(check.Options{Matcher: realMatcher(t)})
	if err != nil {
		t.Fatal(err)
	}
	res := checkFixture(t, c, filepath.Join(fixtureDir, "requirement-words.md"))
	got := map[string]map[string]int{}
	for _, f := range res.Findings {
		if f.Rule == "RT007" {
			got[f.Article] = f.Metric.Detail
		}
	}
	want := map[string]map[string]int{
		// "không phải báo cáo", "không cần phải", "không bắt buộc phải",
		// "góc phải", "chưa phải" count nothing.
		"1": {"phải": 1, "không được": 1, "chỉ được": 1, "nghiêm cấm": 1, "có trách nhiệm": 1},
		// "không bị bắt buộc", "phải chăng" count nothing.
		"2": {"phải": 1, "có nghĩa vụ": 1, "bị cấm": 1},
		"3": {},
	}
	for art, w := range want {
		g := got[art]
		if len(g) != len(w) {
			t.Errorf("Article %s: %v, want %v", art, g, w)
			continue
		}
		for k, n := range w {
			if g[k] != n {
				t.Errorf("Article %s: %v, want %v", art, g, w)
				break
			}
		}
	}
}
