package cost

import (
	"strings"
	"testing"
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
