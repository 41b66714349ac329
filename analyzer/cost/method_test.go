package cost

import (
	"strings"
	"testing"

	"github.com/redtape-vn/redtape/corpus"
)

// TestCaseRuleMostDemanding: the former rule stays available as an option
// and gives the former hand-worked figure (see TestProcedureByHand).
func TestCaseRuleMostDemanding(t *testing.T) {
	base := testParams(t)
	p, err := LoadParams(strings.NewReader("schema: redtape.cost-params/v1\ncase_rule: most_demanding\n"), "rule.yaml")
	if err != nil {
		t.Fatal(err)
	}
	p.TimeValue, p.Channels, p.WaitingHoursPerDay, p.AnnualVolume, p.PaperKinds, p.FallbackKind = base.TimeValue, base.Channels, base.WaitingHoursPerDay, base.AnnualVolume, base.PaperKinds, base.FallbackKind
	if err := p.validate(false); err != nil {
		t.Fatal(err)
	}
	pc := New(p).Procedure(sample())
	if got := pc.Unit.Format(2); got != "459,357.14" {
		t.Errorf("most demanding case: unit %s, want 459,357.14", got)
	}
	if _, err := LoadParams(strings.NewReader("schema: redtape.cost-params/v1\ncase_rule: worst\n"), "bad.yaml"); err == nil || !strings.Contains(err.Error(), "case_rule") {
		t.Errorf("case_rule worst: %v, want an error", err)
	}
}

// TestWaitingOffByDefault: Circular 02/2017/TT-VPCP Art. 27 counts no
// opportunity cost, so the default model has no waiting component; setting
// waiting_hours_per_day counts it.
func TestWaitingOffByDefault(t *testing.T) {
	for _, c := range New(nil).Procedure(sample()).Components {
		if c.Activity == ActivityWaiting {
			t.Fatalf("default model counts waiting: %+v", c)
		}
	}
	p, err := LoadParams(strings.NewReader("schema: redtape.cost-params/v1\nwaiting_hours_per_day: 0.25\n"), "wait.yaml")
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, c := range New(p).Procedure(sample()).Components {
		if c.Activity == ActivityWaiting {
			found = true
			// 3 calendar days = 15/7 working days × 0.25 h.
			checkEq(t, "waiting hours", c.Hours, Frac(15, 28))
		}
	}
	if !found {
		t.Error("waiting_hours_per_day 0.25: no waiting component")
	}
}

// TestCashCostsCounted: travel, hired services for technical files and the
// notarisation of translations are cash the default model counts.
func TestCashCostsCounted(t *testing.T) {
	p := Default()
	if p.Channels.InPerson.Cash.Value.Sign() <= 0 {
		t.Error("travel to submit in person is free")
	}
	for _, id := range []string{"technical", "translation"} {
		for _, k := range p.PaperKinds {
			if k.ID == id && k.Cash.Value.Sign() <= 0 {
				t.Errorf("paper kind %s costs no cash", id)
			}
		}
	}
}

// TestWithoutKeepsCases: removing every paper of one case does not raise
// the cost under the average rule (the case still counts), and Without
// equals costing the copy where there are no cases.
func TestWithoutKeepsCases(t *testing.T) {
	m := New(testParams(t))
	p := sample() // papers 2 and 3 are cases 1 and 2
	full := m.Procedure(p)
	for _, removed := range [][]int{{2}, {3}, {2, 3}, {0}, {0, 1, 2, 3}} {
		got := m.Without(p, removed)
		if got.Unit.Cmp(full.Unit) > 0 || got.Annual.Cmp(full.Annual) > 0 {
			t.Errorf("without %v: unit %s above %s", removed, got.Unit, full.Unit)
		}
		for _, c := range got.Components {
			for _, r := range removed {
				if c.Paper == r {
					t.Errorf("without %v: component of paper %d kept", removed, r)
				}
			}
		}
	}
	// Case 1 gone: case 2 still weighs a half, so the unit falls by case
	// 1's half: (4h × 10,000 + 200,000) / 2 = 120,000.
	checkEq(t, "without case 1", full.Unit.Sub(m.Without(p, []int{2}).Unit), Int(120000))
	// No cases: the same as costing the copy.
	q := sample()
	q.Papers = q.Papers[:2]
	copyCost := m.Procedure(&corpus.Procedure{Code: q.Code, Name: q.Name, Channels: q.Channels, Papers: q.Papers[:1]})
	checkEq(t, "without paper 1, no cases", m.Without(q, []int{1}).Unit, copyCost.Unit)
}
