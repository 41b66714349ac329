package compare

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/redtape-vn/redtape/analyzer/cost"
	"github.com/redtape-vn/redtape/corpus"
)

// TestRealMeasures reads ../shared/corpus and logs what issue 13 asks to
// measure: attribution per evidence, processing time per ministry (the set
// compared with itself, so totals and unknowns, no cut) and the scope of
// every record. The bounds are loose: they catch a reader or a classifier
// that stops working, not a record more or less.
func TestRealMeasures(t *testing.T) {
	if testing.Short() {
		t.Skip("reads every real record; skipped with -short")
	}
	dir := filepath.Join("..", "..", "..", "shared", "corpus")
	if _, err := os.Stat(dir); err != nil {
		t.Skipf("real records not available at %s: %v", dir, err)
	}
	procs, _, err := corpus.Load(context.Background(), []string{dir}, corpus.Options{})
	if err != nil {
		t.Fatal(err)
	}
	at := Attribute(procs, nil)
	t.Logf("attribution of %d records: %v; %d unattributed, %d with conflicting evidence", at.Records, at.ByEvidence, len(at.Unattributed), len(at.Conflicts))
	if len(at.Unattributed) != 0 {
		t.Errorf("%d records unattributed: %v", len(at.Unattributed), at.Unattributed[0])
	}
	scopes := ScopeCounts(procs)
	t.Logf("scope: %v", scopes)
	if scopes[ScopeBusiness] < len(procs)/2 || scopes[ScopeCitizen] == 0 {
		t.Errorf("scopes %v: want most records business-related and some citizen-only", scopes)
	}
	res, err := Compare(context.Background(), procs, procs, nil, Options{})
	if err != nil {
		t.Fatal(err)
	}
	s := res.Scenarios[0]
	t.Logf("time: %s %s over %d procedures, %d unknown", s.Time.BaselineDays.Format(1), s.Time.Unit, s.Time.Procedures, s.Time.Unknown)
	for _, m := range s.Ministries {
		t.Logf("  %s: %s days over %d procedures, %d unknown", m.Name, m.Time.BaselineDays.Format(1), m.Time.Procedures, m.Time.Unknown)
	}
	if s.Time.Procedures+s.Time.Unknown != len(procs) || s.Time.Procedures < len(procs)/2 || !s.Time.Cut.IsZero() {
		t.Errorf("time %+v over %d records", s.Time, len(procs))
	}
	for _, sc := range s.Scopes {
		t.Logf("  scope %s: %d procedures, %s đồng/yr, %s days over %d procedures (%d unknown)", sc.Scope, sc.Procedures.Baseline,
			sc.Cost.Before.Format(0), sc.Time.BaselineDays.Format(1), sc.Time.Procedures, sc.Time.Unknown)
	}
	if len(s.Sectors) < 10 {
		t.Errorf("%d sectors", len(s.Sectors))
	}

	// The records of a ministry whose folder the reader does not know and
	// whose decision number is missing: what falls under NoMinistry.
	var bare []*corpus.Procedure
	for _, p := range procs {
		q := *p
		q.Decision, q.Source.File = "", "elsewhere/unknown/"+filepath.Base(p.Source.File)
		q.Ministry = ""
		q.Ministry = corpus.AttributeMinistry(&q).Ministry
		bare = append(bare, &q)
	}
	res, err = Compare(context.Background(), bare, bare, nil, Options{})
	if err != nil {
		t.Fatal(err)
	}
	s = res.Scenarios[0]
	for _, m := range s.Ministries {
		if m.Name == NoMinistry {
			t.Logf("folder unknown, no decision: %d of %d records (%s%%) and %s%% of the cost under %s",
				m.Procedures.Baseline, s.Procedures.Baseline, cost.Int(int64(m.Procedures.Baseline)).Percent(cost.Int(int64(s.Procedures.Baseline))).Format(1),
				m.Cost.Before.Percent(s.Cost.Before).Format(1), NoMinistry)
			if m.Procedures.Baseline*4 > s.Procedures.Baseline {
				t.Errorf("%d of %d records unattributed without folder and decision, want under 25%%", m.Procedures.Baseline, s.Procedures.Baseline)
			}
		}
	}
}
