package decisions

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/redtape-vn/redtape/analyzer/catalog"
	"github.com/redtape-vn/redtape/analyzer/flags"
	"github.com/redtape-vn/redtape/corpus"
)

// sharedDir is the shared data directory, read in place from the repo root's sibling.
var sharedDir = filepath.Join("..", "..", "..", "shared")

// TestCorpusVerdicts judges the built-in list on the real records of
// shared/corpus, prints how many rows have their procedure there and the
// count of each outcome, and checks what must hold of every verdict.
func TestCorpusVerdicts(t *testing.T) {
	dir := filepath.Join(sharedDir, "corpus")
	if _, err := os.Stat(dir); err != nil {
		t.Skipf("shared corpus not found at %s: the corpus verdicts need the real records", dir)
	}
	l, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	procs, _, err := corpus.Load(context.Background(), []string{dir}, corpus.Options{})
	if err != nil {
		t.Fatal(err)
	}
	c, err := catalog.Default()
	if err != nil {
		t.Fatal(err)
	}
	m := flags.NewMatcher(c)
	var counts Counts
	named, agree := 0, 0 // rows whose paper the dossier names; of them, flagged or looked up by the matcher alone
	rowsIn, procsIn := 0, 0
	seen := map[string]bool{}
	for _, p := range procs {
		if seen[p.Code] || len(l.ByCode(p.Code)) == 0 {
			continue
		}
		seen[p.Code] = true
		procsIn++
		res := m.Procedure(p)
		vs := l.Judge(p, res)
		if len(vs) != len(l.ByCode(p.Code)) {
			t.Errorf("%s: %d verdicts for %d rows", p.Code, len(vs), len(l.ByCode(p.Code)))
		}
		for _, v := range vs {
			rowsIn++
			counts.Add(v)
			checkVerdict(t, p, v)
			if v.Paper >= 0 {
				named++
				if v.Status == flags.StatusReplaceable || v.Status == flags.StatusPartlyReplaceable || v.Status == flags.StatusLookedUp {
					agree++
				}
			}
			if testing.Verbose() && os.Getenv("DECISIONS_SHOW") != "" {
				fmt.Printf("%s\t%s\t%s\t%q\t%s\t%q\n", p.Code, v.Outcome, v.Row.Paper, v.PaperText, v.Status, v.Matched)
			}
		}
	}
	fmt.Printf("decisions on shared/corpus: %d of %d rows have their procedure in the corpus (%d procedures); applied %d, not-applied %d, paper-not-found %d\n",
		rowsIn, l.Len(), procsIn, counts.Applied, counts.NotApplied, counts.PaperNotFound)
	if counts.Total() != rowsIn {
		t.Errorf("counted %d verdicts of %d", counts.Total(), rowsIn)
	}
	fmt.Printf("decisions on shared/corpus: of the %d rows whose paper the dossier names, the flags matcher alone gives replaceable, partly-replaceable or looked-up on %d (%.2f)\n",
		named, agree, float64(agree)/float64(max(named, 1)))
	if rowsIn == 0 {
		t.Fatal("no row of the list has its procedure in the corpus")
	}
}

// checkVerdict checks what must hold of every verdict.
func checkVerdict(t *testing.T, p *corpus.Procedure, v Verdict) {
	t.Helper()
	r := v.Row
	if r.Code != p.Code {
		t.Errorf("%s: verdict on row of %s", p.Code, r.Code)
	}
	if !strings.Contains(v.Reason, r.Cite()) {
		t.Errorf("%s row %s: reason %q does not cite the row (%s)", p.Code, r.Ref, v.Reason, r.Cite())
	}
	if r.Provision != "" && !strings.Contains(v.Reason, r.Provision) {
		t.Errorf("%s row %s: reason does not cite provision %q", p.Code, r.Ref, r.Provision)
	}
	switch v.Outcome {
	case PaperNotFound:
		if v.Paper != -1 || v.Matched != "" {
			t.Errorf("%s row %s: paper-not-found points at paper %d (%q)", p.Code, r.Ref, v.Paper, v.Matched)
		}
	case Applied, NotApplied:
		if v.Paper < 0 || v.Paper >= len(p.Papers) {
			t.Fatalf("%s row %s: %s points at paper %d of %d", p.Code, r.Ref, v.Outcome, v.Paper, len(p.Papers))
		}
		// The paper pointed at holds the row's key words, abbreviations
		// spelled out.
		folded := " " + joinFold(tokens(p.Papers[v.Paper].Text)) + " "
		if v.Matched == "" || !strings.Contains(folded, " "+v.Matched+" ") {
			t.Errorf("%s row %s: %s paper %q does not hold the key words %q", p.Code, r.Ref, v.Outcome, p.Papers[v.Paper].Text, v.Matched)
		}
		if v.Outcome == NotApplied && (v.Status == flags.StatusLookedUp || v.Status == flags.StatusForm) {
			t.Errorf("%s row %s: not-applied on a paper of status %s", p.Code, r.Ref, v.Status)
		}
	default:
		t.Errorf("%s row %s: outcome %q", p.Code, r.Ref, v.Outcome)
	}
}

func joinFold(toks []token) string {
	var b strings.Builder
	for i, tk := range toks {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(tk.fold)
	}
	return b.String()
}
