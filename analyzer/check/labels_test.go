package check_test

import (
	"bufio"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/redtape-vn/redtape/analyzer/check"
)

// label is one finding or dossier of a real text, judged by reading it.
type label struct {
	kind, file string
	line       int
	rule       string
	ok         bool // tp, or a dossier an applicant hands in
	why        string
}

// readLabels reads a labels file of testdata/check/labels: tab-separated
// kind, file, line, rule, verdict, why; "#" starts a comment line.
func readLabels(t *testing.T, name string) []label {
	t.Helper()
	f, err := os.Open(filepath.Join(fixtureDir, "labels", name))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []label
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		if strings.HasPrefix(sc.Text(), "#") || strings.TrimSpace(sc.Text()) == "" {
			continue
		}
		c := strings.Split(sc.Text(), "\t")
		line, err := strconv.Atoi(c[min(2, len(c)-1)])
		if len(c) != 6 || err != nil {
			t.Fatalf("%s:%d: want kind, file, line, rule, verdict, why", name, n)
		}
		switch c[4] {
		case "tp", "fp", "dossier", "not":
		default:
			t.Fatalf("%s:%d: verdict %q", name, n, c[4])
		}
		out = append(out, label{kind: c[0], file: c[1], line: line, rule: c[3], ok: c[4] == "tp" || c[4] == "dossier", why: c[5]})
	}
	return out
}

// TestRegulationLabels measures the checker, with the real catalog, on
// the findings and dossier lists of ../shared/regulations labelled by
// reading them: precision per rule over the labelled findings it still
// reports, and over the labelled dossier lists it finds; recall over the
// labelled dossiers. A rule that fails a build by default (error) must keep
// a precision of 0.85, dossier recall must stay at 0.90.
func TestRegulationLabels(t *testing.T) {
	dir := filepath.Join("..", "..", "..", "shared", "regulations")
	if _, err := os.Stat(dir); err != nil {
		t.Skip("../shared/regulations is absent: the real legal texts are not available here")
	}
	findings := readLabels(t, "findings.tsv")
	dossiers := readLabels(t, "dossiers.tsv")
	c, err := check.New(check.Options{Matcher: realMatcher(t)})
	if err != nil {
		t.Fatal(err)
	}
	type key struct {
		file string
		line int
		rule string
	}
	fired := map[key]bool{}
	opened := map[key]bool{}
	files := map[string]bool{}
	for _, l := range append(findings, dossiers...) {
		files[l.file] = true
	}
	for f := range files {
		d, err := c.ParseFile(filepath.Join(dir, f))
		if err != nil {
			t.Fatal(err)
		}
		res, err := c.Check(context.Background(), d)
		if err != nil {
			t.Fatal(err)
		}
		for _, fd := range res.Findings {
			fired[key{f, fd.Line, fd.Rule}] = true
		}
		for _, ds := range d.Dossiers {
			opened[key{f, d.Pos(ds.Trigger.Start).Line, "-"}] = true
		}
	}
	type score struct{ tp, fp, labelled int }
	perRule := map[string]*score{}
	for _, l := range findings {
		s := perRule[l.rule]
		if s == nil {
			s = &score{}
			perRule[l.rule] = s
		}
		s.labelled++
		if !fired[key{l.file, l.line, l.rule}] {
			if l.ok {
				t.Logf("labelled finding no longer reported: %s:%d %s (%s)", l.file, l.line, l.rule, l.why)
			}
			continue
		}
		if l.ok {
			s.tp++
		} else {
			s.fp++
		}
	}
	rules, _ := check.Rules()
	sev := map[string]check.Severity{}
	for _, r := range rules {
		sev[r.ID] = r.Severity
	}
	var ids []string
	for id := range perRule {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	for _, id := range ids {
		s := perRule[id]
		p := float64(s.tp) / float64(max(s.tp+s.fp, 1))
		t.Logf("%s precision %.2f (%d of %d reported findings right; %d labelled)", id, p, s.tp, s.tp+s.fp, s.labelled)
		if sev[id] == check.SeverityError && p < 0.85 {
			t.Errorf("%s fails builds by default with a precision of %.2f < 0.85", id, p)
		}
	}
	var right, wrong, want, found int
	var missed []string
	for _, l := range dossiers {
		got := opened[key{l.file, l.line, "-"}]
		switch {
		case got && l.ok:
			right++
		case got:
			wrong++
		}
		if l.ok {
			want++
			if got {
				found++
			} else {
				missed = append(missed, fmt.Sprintf("%s:%d (%s)", l.file, l.line, l.why))
			}
		}
	}
	recall := float64(found) / float64(max(want, 1))
	t.Logf("dossier lists: precision %.2f (%d of %d found are an applicant's), recall %.2f (%d of %d labelled)",
		float64(right)/float64(max(right+wrong, 1)), right, right+wrong, recall, found, want)
	for _, m := range missed {
		t.Logf("missed dossier: %s", m)
	}
	if recall < 0.90 {
		t.Errorf("dossier recall %.2f < 0.90", recall)
	}
}
