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
	"time"

	"github.com/redtape-vn/redtape/analyzer/catalog"
	"github.com/redtape-vn/redtape/analyzer/check"
	"github.com/redtape-vn/redtape/analyzer/flags"
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

// halves splits the real texts into the half the rules are tuned on and
// the half they are measured on: the texts of dir sorted by name, even
// positions (0, 2, …) tune, odd positions report. A rule is changed by
// reading the findings of the tune half only; the report half says how it
// does on texts it was not tuned on.
func halves(t *testing.T, dir string) map[string]string {
	t.Helper()
	files, err := filepath.Glob(filepath.Join(dir, "*.md"))
	if err != nil {
		t.Fatal(err)
	}
	sort.Strings(files)
	half := map[string]string{}
	for i, f := range files {
		half[filepath.Base(f)] = [2]string{"tune", "report"}[i%2]
	}
	return half
}

// TestRegulationLabels measures the checker, with the real catalog, on
// the findings and dossier lists of ../shared/regulations labelled by
// reading them, for each half of the texts (see halves): precision per rule
// over the labelled findings it still reports, and over the labelled
// dossier lists it finds; recall over the labelled dossiers. On the report
// half, a rule that fails a build by default (at or above the default
// --fail-on, error) must keep a precision of 0.85, and dossier recall must
// stay at 0.90.
// labelDay is the day whose catalog the labels were read against.
var labelDay = time.Date(2026, 12, 6, 0, 0, 0, 0, time.UTC)

func TestRegulationLabels(t *testing.T) {
	dir := filepath.Join("..", "..", "..", "shared", "regulations")
	if _, err := os.Stat(dir); err != nil {
		t.Skip("../shared/regulations is absent: the real legal texts are not available here")
	}
	half := halves(t, dir)
	findings := readLabels(t, "findings.tsv")
	dossiers := readLabels(t, "dossiers.tsv")
	// The checker as "redtape check" runs it: the catalog in force (on a
	// fixed day, so the labels' verdicts stay comparable) and the
	// Government's decisions.
	cat, err := catalog.Default()
	if err != nil {
		t.Fatal(err)
	}
	inForce := cat.InForce(labelDay)
	c, err := check.New(check.Options{Matcher: check.CatalogMatcher(flags.NewMatcher(inForce)), Decisions: realDecisions(t)})
	if err != nil {
		t.Fatal(err)
	}
	failOn, err := check.ParseFailOn("", "")
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
		if half[l.file] == "" {
			t.Fatalf("label of %s:%d: no such text in %s", l.file, l.line, dir)
		}
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
	rules, _ := check.Rules()
	sev := map[string]check.Severity{}
	for _, r := range rules {
		sev[r.ID] = r.Severity
	}
	for _, h := range []string{"tune", "report"} {
		type score struct{ tp, fp, labelled int }
		perRule := map[string]*score{}
		for _, l := range findings {
			if half[l.file] != h {
				continue
			}
			s := perRule[l.rule]
			if s == nil {
				s = &score{}
				perRule[l.rule] = s
			}
			s.labelled++
			if !fired[key{l.file, l.line, l.rule}] {
				if l.ok {
					t.Logf("%s half: labelled finding no longer reported: %s:%d %s (%s)", h, l.file, l.line, l.rule, l.why)
				}
				continue
			}
			if l.ok {
				s.tp++
			} else {
				s.fp++
			}
		}
		var ids []string
		for id := range perRule {
			ids = append(ids, id)
		}
		sort.Strings(ids)
		for _, id := range ids {
			s := perRule[id]
			p := float64(s.tp) / float64(max(s.tp+s.fp, 1))
			t.Logf("%s half: %s (%s) precision %.2f (%d of %d reported findings right; %d labelled)", h, id, sev[id], p, s.tp, s.tp+s.fp, s.labelled)
			if h == "report" && sev[id] >= failOn && s.tp+s.fp > 0 && p < 0.85 {
				t.Errorf("%s fails builds by default (%s) with a report-half precision of %.2f < 0.85", id, sev[id], p)
			}
		}
		var right, wrong, want, found int
		var missed []string
		for _, l := range dossiers {
			if half[l.file] != h {
				continue
			}
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
		t.Logf("%s half: dossier lists: precision %.2f (%d of %d found are an applicant's), recall %.2f (%d of %d labelled)",
			h, float64(right)/float64(max(right+wrong, 1)), right, right+wrong, recall, found, want)
		for _, m := range missed {
			t.Logf("%s half: missed dossier: %s", h, m)
		}
		if h == "report" && recall < 0.90 {
			t.Errorf("report-half dossier recall %.2f < 0.90", recall)
		}
	}
}
