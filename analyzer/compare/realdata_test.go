package compare

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/redtape-vn/redtape/corpus"
)

// TestRealPerturbed builds a "current" set from the real records of
// ../shared/corpus with known changes — every tenth procedure abolished,
// every fifth paper of the others removed, one condition reworded — and
// checks that the comparison finds exactly those.
func TestRealPerturbed(t *testing.T) {
	if testing.Short() {
		t.Skip("reads every real record; skipped with -short")
	}
	dir := filepath.Join("..", "..", "..", "shared", "corpus")
	if _, err := os.Stat(dir); err != nil {
		t.Skipf("real records not available at %s: %v", dir, err)
	}
	if raceDetector { // the race detector makes reading every record ten times slower
		dir = filepath.Join(dir, "portal-crawl", "ngan-hang-nha-nuoc")
	}
	base, _, err := corpus.Load(context.Background(), []string{dir}, corpus.Options{})
	if err != nil {
		t.Fatal(err)
	}
	var cur []*corpus.Procedure
	abolished, papersCut, simplified, conditionsBase := 0, 0, 0, 0
	k := 0
	for i, p := range base {
		conditionsBase += len(p.Conditions)
		if i%10 == 0 {
			abolished++
			papersCut += len(p.Papers)
			continue
		}
		q := *p
		q.Papers = nil
		for _, pp := range p.Papers {
			k++
			if k%5 == 0 {
				papersCut++
				continue
			}
			q.Papers = append(q.Papers, pp)
		}
		if len(q.Papers) < len(p.Papers) {
			simplified++
		}
		if len(q.Conditions) > 0 {
			q.Conditions = append([]string{q.Conditions[0] + "."}, q.Conditions[1:]...) // punctuation only
		}
		cur = append(cur, &q)
	}
	res, err := Compare(context.Background(), base, cur, nil, Options{})
	if err != nil {
		t.Fatal(err)
	}
	s := res.Scenarios[0]
	if s.Statuses[Abolished] != abolished || s.Statuses[Simplified] != simplified || s.Statuses[New] != 0 ||
		s.Statuses[Mixed] != 0 || s.Statuses[Heavier] != 0 {
		t.Errorf("statuses %v; want %d abolished, %d simplified", s.Statuses, abolished, simplified)
	}
	if s.Papers.Cut != papersCut || s.Papers.Added != 0 {
		t.Errorf("papers cut %d added %d, want %d and 0", s.Papers.Cut, s.Papers.Added, papersCut)
	}
	abolishedConditions := 0
	for i, p := range base {
		if i%10 == 0 {
			abolishedConditions += len(p.Conditions)
		}
	}
	if s.Conditions.Baseline != conditionsBase || s.Conditions.Cut != abolishedConditions {
		t.Errorf("conditions %d cut %d, want %d cut %d", s.Conditions.Baseline, s.Conditions.Cut, conditionsBase, abolishedConditions)
	}
	if s.Cost.Saving.Sign() <= 0 {
		t.Errorf("no saving: %s", s.Cost.Saving)
	}
	t.Logf("%d procedures: %s%% of procedures, %s%% of papers, %s%% of cost cut",
		len(base), s.Procedures.Percent.Format(2), s.Papers.Percent.Format(2), s.Cost.Percent.Format(2))
}
