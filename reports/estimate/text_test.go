package estimate

import (
	"bytes"
	"context"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/redtape-vn/redtape/analyzer/assess"
	"github.com/redtape-vn/redtape/analyzer/compare"
	"github.com/redtape-vn/redtape/analyzer/cost"
	"github.com/redtape-vn/redtape/analyzer/target"
	"github.com/redtape-vn/redtape/corpus"
	"github.com/redtape-vn/redtape/corpus/demo"
	"github.com/redtape-vn/redtape/internal/i18n"
	"github.com/redtape-vn/redtape/internal/i18n/i18ntest"
)

// demoReport is the estimate of the demo corpus against itself with every
// paper looked up removed from the current side, so that both scenarios,
// cuts, ministries and targets are printed.
func demoReport(t *testing.T) (*Report, *assess.Assessment) {
	t.Helper()
	ctx := context.Background()
	day := time.Date(2026, 11, 23, 0, 0, 0, 0, time.UTC)
	base, err := demo.Load(ctx)
	if err != nil {
		t.Fatal(err)
	}
	// The current side drops the last paper of every other procedure and
	// one procedure, so that the current scenario cuts something.
	var cur []*corpus.Procedure
	for i, p := range base[1:] {
		q := *p
		if i%2 == 0 && len(q.Papers) > 1 {
			q.Papers = q.Papers[:len(q.Papers)-1]
		}
		cur = append(cur, &q)
	}
	cat, err := assess.Catalog("", day)
	if err != nil {
		t.Fatal(err)
	}
	a, err := assess.Run(ctx, base, cur, assess.Options{Catalog: cat})
	if err != nil {
		t.Fatal(err)
	}
	return Build(a, Options{Baseline: []string{"base"}, Current: []string{"cur"}, Top: 3, Day: day}), a
}

// Every text is used and every text the output asks for exists: the
// output has no [[key]] in either language, and every key of text.yaml is
// named in the code, literally or through a family of codes.
func TestTextsUsed(t *testing.T) {
	rep, _ := demoReport(t)
	for _, l := range []i18n.Lang{i18n.Vietnamese, i18n.English} {
		var b bytes.Buffer
		if err := WriteText(&b, rep, l); err != nil {
			t.Fatal(err)
		}
		if i := strings.Index(b.String(), "[["); i >= 0 {
			t.Errorf("%s: missing text %s", l, b.String()[i:min(len(b.String()), i+40)])
		}
	}
	families := regexp.MustCompile(`^(status|reason|scenario|target|unit_target|evidence|state|meaning)_`)
	for _, key := range i18ntest.Unused(t, textData, TextSchema, families.MatchString) {
		t.Errorf("text %s is used nowhere", key)
	}
}

// Every code the output labels has a text, and its English text is the
// code itself, so the English output reads as it did before it had a
// language; the scenarios' English descriptions are those of the
// comparison.
func TestLabelsCoverCodes(t *testing.T) {
	en, err := loadTexts(i18n.English)
	if err != nil {
		t.Fatal(err)
	}
	vi, err := loadTexts(i18n.Vietnamese)
	if err != nil {
		t.Fatal(err)
	}
	codes := map[string]string{}
	for _, s := range []compare.Status{compare.Abolished, compare.Simplified, compare.Mixed, compare.Heavier, compare.Unchanged, compare.New} {
		codes["status_"+string(s)] = string(s)
	}
	for _, r := range []string{compare.FewerPapers, compare.FewerConditions, compare.LowerFees, compare.ShorterTime, compare.MovedOnline,
		compare.MorePapers, compare.MoreConditions, compare.HigherFees, compare.LongerTime, compare.LostOnline, compare.LowerCost, compare.HigherCost} {
		codes["reason_"+r] = r
	}
	for _, u := range target.Units() {
		codes["unit_target_"+string(u)] = string(u)
	}
	for unit, key := range unitKeys {
		if unit != "papers" {
			codes[key] = unit
		}
	}
	codes["no_ministry"] = compare.NoMinistry
	i18ntest.CodeLabels(t, en, vi, codes)
	for _, ev := range corpus.Evidences {
		if got, want := en.Get("evidence_"+string(ev), "2"), "2 by "+string(ev); got != want {
			t.Errorf("evidence %s: English %q, want %q", ev, got, want)
		}
	}
	_, a := demoReport(t)
	for _, s := range a.Comparison.Scenarios {
		if got := en.Get("scenario_" + s.Name); got != s.Description {
			t.Errorf("scenario %s: English %q, the comparison says %q", s.Name, got, s.Description)
		}
	}
}

// Numbers follow the language's convention; English is as cost.Amount
// prints it.
func TestNumbers(t *testing.T) {
	vi, en := numbers{lang: i18n.Vietnamese}, numbers{lang: i18n.English}
	half, _ := cost.ParseAmount("-1234567.5")
	pct, _ := cost.ParseAmount("12.5")
	for _, tc := range []struct{ got, want string }{
		{vi.amount(half, 2), "−1.234.567,50"}, {en.amount(half, 2), "-1,234,567.50"},
		{vi.pct(pct, 2), "12,50 %"}, {en.pct(pct, 2), "12.50%"},
		{vi.target(pct), "12,5 %"}, {en.target(cost.Int(20)), "20%"}, {vi.target(cost.Int(20)), "20 %"},
		{vi.count(1000), "1.000"}, {en.count(1000), "1000"}, {vi.count(-3), "−3"},
		{vi.money(cost.Int(123456789), true), "≈ 123.000.000"}, {en.money(cost.Int(123456789), true), "≈123,000,000"},
		{vi.money(cost.Int(123456789), false), "123.456.789"},
		{vi.date("2026-11-23"), "23/11/2026"}, {en.date("2026-11-23"), "2026-11-23"}, {vi.date("soon"), "soon"},
	} {
		if tc.got != tc.want {
			t.Errorf("got %q, want %q", tc.got, tc.want)
		}
	}
}

// In Vietnamese too, the rounded rows of a column add up to the rounded
// headline, and both read back as the English figures do.
func TestColumnAddsUpInVietnamese(t *testing.T) {
	vi := numbers{lang: i18n.Vietnamese}
	back := func(s string) cost.Amount {
		t.Helper()
		s = strings.NewReplacer("≈ ", "", ".", "", ",", ".", "−", "-").Replace(s)
		a, err := cost.ParseAmount(s)
		if err != nil {
			t.Fatalf("printed figure %q: %v", s, err)
		}
		return a
	}
	rows := []cost.Amount{cost.Int(107636635227), cost.Int(77161031250), cost.Int(-25312500000), cost.Int(4448863636)}
	var total cost.Amount
	for _, r := range rows {
		total = total.Add(r)
	}
	head := vi.money(total, true)
	var sum cost.Amount
	for i, p := range vi.column(rows, total, true) {
		if !strings.HasPrefix(p, "≈ ") {
			t.Errorf("row %s not marked approximate", p)
		}
		if en := column(rows, total, true)[i]; back(p).Cmp(parseMoney(t, en)) != 0 {
			t.Errorf("row %s reads %s, the English %s", p, back(p).Format(0), en)
		}
		sum = sum.Add(back(p))
	}
	if sum.Significant(approxFigures).Cmp(back(head)) != 0 {
		t.Errorf("rows add up to %s, headline says %s", sum.Format(0), head)
	}
}
