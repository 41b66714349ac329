package check

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"unicode"

	"github.com/redtape-vn/redtape/analyzer/vntext"
)

// fixtureDir holds the draft fixtures with inline expectations.
var fixtureDir = filepath.Join("..", "..", "testdata", "check")

// stubMatcher stands in for the flag catalog: it finds a few paper names
// and, like the catalog's matcher, leaves out names in a sentence that says
// the paper need not be submitted or that the agency looks the data up,
// names typed without diacritics match (the catalog matches folded words),
// and a paper offered with an alternative the stub does not know ("Giấy
// khai sinh hoặc giấy tờ khác …") is not reported, as the command reports
// only requirements whose every alternative the catalog covers.
type stubMatcher struct{}

var stubPapers = []string{"giấy chứng nhận đăng ký doanh nghiệp", "phiếu lý lịch tư pháp", "giấy khai sinh",
	"trích lục khai sinh", "sổ hộ khẩu", "giấy tờ chứng minh nơi cư trú", "thẻ căn cước công dân", "căn cước công dân", "chứng minh nhân dân",
	"giấy phép lái xe", "giấy chứng nhận đăng ký xe", "thẻ bảo hiểm y tế", "giấy khám sức khỏe", "giấy chứng nhận quyền sử dụng đất",
	"giấy chứng nhận đăng ký hộ kinh doanh", "cmnd/cccd", "cmnd", "cccd"}

// foldOffsets returns text lower-cased and folded (no diacritics, đ as d)
// rune by rune, with the byte offset in text of each byte of the result and
// one past the end.
func foldOffsets(text string) (string, []int) {
	var b strings.Builder
	var offs []int
	for i, r := range text {
		fr := vntext.FoldRune(unicode.ToLower(r))
		if fr < 0 {
			continue // a combining mark
		}
		f := string(fr)
		b.WriteString(f)
		for range len(f) {
			offs = append(offs, i)
		}
	}
	return b.String(), append(offs, len(text))
}

func (stubMatcher) Mentions(text string) []PaperMention {
	low := lowerSameLen(text)
	if strings.Contains(low, "không phải nộp") || strings.Contains(low, "khai thác thông tin") {
		return nil
	}
	folded, offs := foldOffsets(text)
	var out []PaperMention
	taken := make([]bool, len(folded))
	known := func(rest string) bool {
		for _, p := range stubPapers {
			if strings.HasPrefix(rest, vntext.Fold(p)) {
				return true
			}
		}
		return false
	}
	for _, p := range stubPapers {
		fp := vntext.Fold(p)
		from := 0
		for {
			i := strings.Index(folded[from:], fp)
			if i < 0 {
				break
			}
			i += from
			from = i + len(fp)
			start, end := offs[i], offs[i+len(fp)]
			// Typed with diacritics, the tones must be the paper's.
			if orig := low[start:end]; vntext.Fold(orig) != orig && orig != p {
				continue
			}
			if taken[i] {
				continue
			}
			for k := i; k < i+len(fp); k++ {
				taken[k] = true
			}
			if rest, ok := strings.CutPrefix(strings.TrimLeft(folded[i+len(fp):], " ,"), "hoac "); ok && !known(rest) {
				continue
			}
			out = append(out, PaperMention{Start: start, End: end, Entry: "stub", Paper: p,
				Database: "Stub Database", Basis: "Stub Resolution, Art. 1"})
		}
	}
	return out
}

// want is one expected (line, rule) pair.
type want struct {
	line int
	rule string
}

// expectations reads the <!-- want "RULE" --> comments of a draft.
func expectations(d *Draft) map[want]bool {
	out := map[want]bool{}
	for _, dir := range d.Directives {
		if dir.Kind != DirWant {
			continue
		}
		for _, r := range dir.Rules {
			out[want{dir.Line, r}] = true
		}
	}
	return out
}

// checkFixture checks one fixture and compares the findings above metric
// level with its expectations, both ways.
func checkFixture(t *testing.T, c *Checker, path string) *FileResult {
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
	wants := expectations(d)
	if len(wants) == 0 {
		t.Fatalf("%s: fixture has no expectations", path)
	}
	got := map[want]bool{}
	for _, f := range res.Findings {
		if f.Severity == SeverityMetric {
			continue
		}
		got[want{f.Line, f.Rule}] = true
		if !wants[want{f.Line, f.Rule}] {
			t.Errorf("%s:%d:%d: unexpected %s: %s", filepath.Base(path), f.Line, f.Column, f.Rule, f.Message)
		}
	}
	var missing []string
	for w := range wants {
		if !got[w] {
			missing = append(missing, fmt.Sprintf("%s:%d: missing %s", filepath.Base(path), w.line, w.rule))
		}
	}
	sort.Strings(missing)
	for _, m := range missing {
		t.Error(m)
	}
	return res
}

func TestFixtures(t *testing.T) {
	c, err := New(Options{Matcher: stubMatcher{}})
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
	c, err := New(Options{Matcher: stubMatcher{}})
	if err != nil {
		t.Fatal(err)
	}
	res := checkFixture(t, c, filepath.Join(fixtureDir, "dossier.md"))
	want := Tally{Articles: 5, Procedures: 3, Dossiers: 2, Papers: 9, Conditions: 2, RequirementWords: 4}
	if res.Format != FormatMarkdown || res.Tally != want {
		t.Errorf("counts = %+v, want %+v", res.Tally, want)
	}
	res = checkFixture(t, c, filepath.Join(fixtureDir, "suppressed.md"))
	if res.Suppressed == 0 {
		t.Error("suppressed.md: nothing suppressed")
	}
}

func TestRequirementWordsFixture(t *testing.T) {
	c, err := New(Options{Matcher: stubMatcher{}})
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
	c, err := New(Options{Matcher: stubMatcher{}})
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
