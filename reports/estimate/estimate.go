// Package estimate arranges an assessment (package assess) as the
// estimate's report: the JSON document of schema redtape.estimate/v1 and
// the text printed for people (docs/estimate.md).
package estimate

import (
	"encoding/json"
	"fmt"
	"io"
	"reflect"
	"strconv"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/redtape-vn/redtape/analyzer/assess"
	"github.com/redtape-vn/redtape/analyzer/compare"
	"github.com/redtape-vn/redtape/analyzer/cost"
	"github.com/redtape-vn/redtape/analyzer/flags"
	"github.com/redtape-vn/redtape/analyzer/target"
	"github.com/redtape-vn/redtape/corpus"
	"github.com/redtape-vn/redtape/reports/textfmt"
)

// Schema names the version of the JSON document.
const Schema = "redtape.estimate/v1"

// Report is the JSON document estimate prints (schema
// redtape.estimate/v1, documented in docs/estimate.md).
type Report struct {
	Schema      string      `json:"schema"`
	AsOf        string      `json:"as_of"`
	Demo        bool        `json:"demo"`
	Baseline    Side        `json:"baseline"`
	Current     Side        `json:"current"`
	Target      cost.Amount `json:"target"`
	HourlyValue cost.Amount `json:"hourly_value"`
	Exact       Exact       `json:"exact"`
	Scenarios   []Scenario  `json:"scenarios"`
	// PaperStates counts the current papers by status: in total, then
	// per ministry and per sector.
	PaperStates PaperStates `json:"paper_states"`
	// TargetAsked is the target asked for (--target); Targets sets each
	// scenario's cuts beside it and every preset in force on the day.
	TargetAsked target.Target  `json:"target_asked"`
	Targets     []ScenarioGaps `json:"targets"`
	// Scope is the scope the procedures were narrowed to ("all" for none).
	Scope string `json:"scope"`
	// CostInputs says what the current cost rests on.
	CostInputs CostInputs `json:"cost_inputs"`
	// Decisions says which rows of the Government's decisions on papers
	// replaced by data the current records apply.
	Decisions assess.DecisionSummary `json:"decisions"`
	// Attribution says how the current records' ministries were found,
	// and lists those left unattributed.
	Attribution *compare.Attributions `json:"attribution"`
	Parameters  []Param               `json:"parameters"`
	Notes       []string              `json:"notes"`

	basis string // how the hourly value was reached, for the text output
}

// ScenarioGaps sets one scenario's cuts beside every target shown.
type ScenarioGaps struct {
	Scenario string       `json:"scenario"`
	Gaps     []target.Gap `json:"gaps"`
}

// CostInputs says how much of the current annual cost rests on measured
// volumes, on assumed ones and on official cost sheets, and which volumes
// to collect first.
type CostInputs struct {
	Coverage cost.Coverage `json:"coverage"`
	// MeasuredPercent is the share of the annual cost whose volume was
	// measured or whose figures come from a cost sheet.
	MeasuredPercent cost.Amount `json:"measured_percent"`
	// CollectFirst lists the procedures whose volume is assumed, largest
	// annual cost first.
	CollectFirst []Assumed `json:"collect_first"`
	// VolumesNotMatched and SheetsNotMatched list codes of the --volumes
	// and --costs files that matched no procedure.
	VolumesNotMatched []string `json:"volumes_not_matched,omitempty"`
	SheetsNotMatched  []string `json:"sheets_not_matched,omitempty"`
	Exact             Exact    `json:"exact"`
}

// Assumed is a procedure costed at the assumed annual volume.
type Assumed struct {
	ID       string      `json:"id"`
	Code     string      `json:"code,omitempty"`
	Name     string      `json:"name"`
	Ministry string      `json:"ministry,omitempty"`
	Volume   int64       `json:"volume"`
	Annual   cost.Amount `json:"annual"`
	Exact    Exact       `json:"exact"`
}

// PaperStates counts the current papers by status (docs/flags.md): the
// looked-up ones are achieved, the replaceable ones within reach, the
// partly replaceable ones within reach for most people.
type PaperStates struct {
	Total      assess.States   `json:"total"`
	Ministries []assess.States `json:"ministries"`
	Sectors    []assess.States `json:"sectors"`
}

// Side describes one side of the comparison, baseline or current.
type Side struct {
	Paths []string `json:"paths"`
	// BuiltIn is true when the side is the built-in demo corpus.
	BuiltIn    bool `json:"built_in"`
	Procedures int  `json:"procedures"`
}

// Scenario is one scenario of the comparison, with its tally overall and
// per ministry.
type Scenario struct {
	Name        string `json:"name"`
	Description string `json:"description"`
	Tally
	Ministries []Ministry `json:"ministries"`
	// Changes lists every procedure that is not unchanged, by saving.
	Changes []Cut `json:"changes"`
}

// Ministry is a ministry's tally in a scenario.
type Ministry struct {
	Name string `json:"name"`
	Tally
}

// Tally is what the JSON says of a scenario or a ministry.
type Tally struct {
	Regulations Count `json:"regulations"`
	Procedures  Count `json:"procedures"`
	Conditions  Count `json:"conditions"`
	Papers      Count `json:"papers"`
	Cost        Cost  `json:"cost"`
	// Time is the cut of total statutory processing time, in working days.
	Time     Time                   `json:"time"`
	Statuses map[compare.Status]int `json:"statuses"`
	// ConditionsOnly counts procedures simplified only by fewer
	// conditions, which regulations count once, through the conditions.
	ConditionsOnly int `json:"simplified_by_conditions_only"`
	// VolumeAssumed and Unknown count procedures resting on assumptions.
	VolumeAssumed int            `json:"volume_assumed"`
	Unknown       map[string]int `json:"unknown"`
	TopCuts       []Cut          `json:"top_cuts"`
}

func tallyOf(t compare.Tally, cuts []*compare.Change) Tally {
	return Tally{
		Regulations: countOf(t.Regulations), Procedures: countOf(t.Procedures),
		Conditions: countOf(t.Conditions), Papers: countOf(t.Papers),
		Cost: costOf(t.Cost), Time: Time{TimeCut: t.Time, Exact: ExactOf(t.Time)}, Statuses: t.Statuses, ConditionsOnly: t.ConditionsOnly,
		TopCuts: cutsOf(cuts), VolumeAssumed: t.VolumeAssumed, Unknown: t.Unknown,
	}
}

// Time is the processing-time cut with the exact values of its amounts.
type Time struct {
	compare.TimeCut
	Exact Exact `json:"exact"`
}

// Count is a unit's count with the exact values of its percentages.
type Count struct {
	compare.Count
	Exact Exact `json:"exact"`
}

func countOf(c compare.Count) Count {
	return Count{Count: c, Exact: ExactOf(c)}
}

// Cost is the compliance-cost cut of a scenario or ministry, with the
// shares of it that rest on assumed inputs, in percent.
type Cost struct {
	compare.CostCut
	AssumedShareBefore cost.Amount `json:"assumed_percent_before"`
	AssumedShareAfter  cost.Amount `json:"assumed_percent_after"`
	Exact              Exact       `json:"exact"`
}

// Cut is what became of one procedure: its status, why, and its annual
// cost before and after.
type Cut struct {
	ID                string         `json:"id"`
	Code              string         `json:"code,omitempty"`
	Name              string         `json:"name"`
	Ministry          string         `json:"ministry"`
	Status            compare.Status `json:"status"`
	Reasons           []string       `json:"reasons,omitempty"`
	Saving            cost.Amount    `json:"saving"`
	Before            cost.Amount    `json:"before"`
	After             cost.Amount    `json:"after"`
	PapersRemoved     int            `json:"papers_removed"`
	PapersAdded       int            `json:"papers_added"`
	ConditionsRemoved int            `json:"conditions_removed"`
	ConditionsAdded   int            `json:"conditions_added"`
	Exact             Exact          `json:"exact"`

	approx bool // the annual costs rest mostly on assumptions
}

// Param is one cost-model parameter as the estimate used it.
type Param struct {
	Name string `json:"name"`
	cost.Param
	Exact Exact `json:"exact"`
}

// Exact gives the exact value of every amount of the JSON object
// it sits in, by the amount's key: the JSON numbers are rounded to 2
// decimals for reading, these strings lose nothing ("1802750000",
// "337500/11"; see cost.Amount.Exact).
type Exact map[string]string

// ExactOf returns the exact values of the cost.Amount fields of
// the struct v, embedded structs included, keyed by their JSON names, so
// that no amount of the contract can miss its exact value.
func ExactOf(v any) Exact {
	out := Exact{}
	var walk func(rv reflect.Value)
	walk = func(rv reflect.Value) {
		rt := rv.Type()
		for i := range rt.NumField() {
			f := rt.Field(i)
			switch {
			case !f.IsExported():
			case f.Anonymous && f.Type.Kind() == reflect.Struct:
				walk(rv.Field(i))
			case f.Type == reflect.TypeFor[cost.Amount]():
				if name, _, _ := strings.Cut(f.Tag.Get("json"), ","); name != "" && name != "-" {
					out[name] = rv.Field(i).Interface().(cost.Amount).Exact()
				}
			}
		}
	}
	walk(reflect.ValueOf(v))
	return out
}

// Options say what an estimate shows beyond the assessment.
type Options struct {
	// Baseline and Current are the paths read for each side; both empty
	// with Demo set for the built-in demo corpus.
	Baseline, Current []string
	// Demo is true when the demo corpus is compared with itself.
	Demo bool
	// Top is how many of the largest cuts to list, overall and per ministry.
	Top int
	// Day is the date of the estimate.
	Day time.Time
}

// Build arranges an assessment as the estimate's report.
func Build(a *assess.Assessment, opts Options) *Report {
	res, params := a.Comparison, a.Params
	demo, nBase, nCur := opts.Demo, len(a.Baseline), len(a.Current)
	rep := &Report{
		Schema:      Schema,
		AsOf:        opts.Day.Format("2006-01-02"),
		Demo:        demo,
		Baseline:    Side{Paths: nonNil(opts.Baseline), Procedures: nBase},
		Current:     Side{Paths: nonNil(opts.Current), Procedures: nCur},
		Target:      res.Target,
		HourlyValue: params.HourlyValue(),
		basis:       hourlyBasis(params.TimeValue),
		Notes: []string{
			"regulations count the official units, procedures and conditions; papers are a finer measure, not an official unit",
			"cut means abolished or simplified, the official count (% cut = (abolished + simplified) / baseline); a procedure is simplified when lighter in any way (a paper or condition removed, lower fees, fewer days, moved online, or a lower cost otherwise) and heavier in none, so one paper fewer is enough: abolished and simplified are given apart",
			"net is cut minus added, beside the official figure, which does not net additions out",
			"in regulations a procedure simplified only by fewer conditions counts once, through its conditions",
			"compliance cost is annual, in VND, by the Standard Cost Model; new procedures count in the current cost",
			"amounts and percentages are JSON numbers rounded to 2 decimals; each object's \"exact\" gives them exactly, as integers or fractions",
		},
	}
	rep.Exact = ExactOf(*rep)
	rep.PaperStates = PaperStates{Total: a.States(), Ministries: a.StatesBy(a.Ministry), Sectors: a.StatesBy(assess.Sector)}
	rep.TargetAsked, rep.Scope = a.Target, string(a.Scope)
	if rep.Scope == "" {
		rep.Scope = string(compare.ScopeAll)
	}
	for _, s := range res.Scenarios {
		if demo && s.Name == compare.ScenarioCurrent {
			continue
		}
		rep.Targets = append(rep.Targets, ScenarioGaps{Scenario: s.Name, Gaps: a.Gaps(s, opts.Day)})
	}
	rep.CostInputs = costInputsOf(a.Inputs(opts.Top))
	rep.Decisions = a.Decided
	rep.Attribution = a.Attribution
	if demo {
		rep.Baseline = Side{Paths: []string{"demo corpus"}, BuiltIn: true, Procedures: nBase}
		rep.Current = Side{Paths: []string{"demo corpus"}, BuiltIn: true, Procedures: nCur}
		rep.Notes = append(rep.Notes, "no --baseline or --current given: the built-in demo corpus is compared with itself; only the flags-applied scenario is shown, as the demo against itself is 0% by construction")
	}
	for _, np := range params.All() {
		rep.Parameters = append(rep.Parameters, Param{Name: np.Name, Param: np.Param, Exact: ExactOf(np.Param)})
	}
	for _, s := range res.Scenarios {
		if demo && s.Name == compare.ScenarioCurrent {
			continue // the demo against itself is 0% by construction
		}
		es := Scenario{Name: s.Name, Description: s.Description,
			Tally: tallyOf(s.Tally, s.TopCuts(opts.Top, ""))}
		var changed []*compare.Change
		for _, ch := range s.Changes {
			if ch.Status != compare.Unchanged {
				changed = append(changed, ch)
			}
		}
		es.Changes = cutsOf(changed)
		for _, m := range s.Ministries {
			es.Ministries = append(es.Ministries, Ministry{Name: m.Name,
				Tally: tallyOf(m.Tally, s.TopCuts(opts.Top, m.Name))})
		}
		rep.Scenarios = append(rep.Scenarios, es)
	}
	return rep
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

func costOf(c compare.CostCut) Cost {
	out := Cost{
		CostCut:            c,
		AssumedShareBefore: c.AssumedShareBefore().MulInt(100),
		AssumedShareAfter:  c.AssumedShareAfter().MulInt(100),
	}
	out.Exact = ExactOf(out)
	return out
}

func cutsOf(changes []*compare.Change) []Cut {
	out := []Cut{}
	for _, ch := range changes {
		c := Cut{
			ID: ch.ID, Code: ch.Code, Name: ch.Name, Ministry: ch.Ministry, Status: ch.Status, Reasons: ch.Reasons,
			Saving: ch.Saving, PapersRemoved: len(ch.PapersRemoved), ConditionsRemoved: len(ch.ConditionsRemoved),
			PapersAdded: len(ch.PapersAdded), ConditionsAdded: len(ch.ConditionsAdded),
		}
		if ch.Before != nil {
			c.Before = ch.Before.Annual
			c.approx = mostlyAssumed(ch.Before.AssumedShare().MulInt(100))
		}
		if ch.After != nil {
			c.After = ch.After.Annual
			c.approx = c.approx || mostlyAssumed(ch.After.AssumedShare().MulInt(100))
		}
		c.Exact = ExactOf(c)
		out = append(out, c)
	}
	return out
}

// WriteText prints the estimate for people.
func WriteText(w io.Writer, rep *Report) error {
	ew := &textfmt.Writer{W: textfmt.TerminalWriter{W: w}}
	if rep.Demo {
		ew.Printf("DEMO: no --baseline or --current given, so the built-in demo corpus is compared with itself.\n" +
			"Only the \"flags_applied\" scenario is shown: it removes every paper flagged as held in a state\n" +
			"database from the demo corpus. Give --baseline and --current to estimate real progress.\n\n")
		ew.Printf("Baseline: built-in demo corpus (%d procedures)\n", rep.Baseline.Procedures)
		ew.Printf("Current:  the same built-in demo corpus (%d procedures)\n", rep.Current.Procedures)
	} else {
		ew.Printf("Baseline: %s (%d procedures)\n", strings.Join(rep.Baseline.Paths, ", "), rep.Baseline.Procedures)
		ew.Printf("Current:  %s (%d procedures)\n", strings.Join(rep.Current.Paths, ", "), rep.Current.Procedures)
	}
	ew.Printf("Target:   %s\n", targetLine(rep.TargetAsked))
	ew.Printf("Hourly value of time: %s VND (%s)\n", rep.HourlyValue.Format(2), rep.basis)
	for i, s := range rep.Scenarios {
		ew.Printf("\n== Scenario %q: %s\n\n", s.Name, s.Description)
		rows := [][]string{{"unit", "baseline", "abolished", "simplified", compare.CutMeans, "gap to target", "added", "current"}}
		for _, c := range []Count{s.Regulations, s.Procedures, s.Conditions, s.Papers} {
			unit := c.Unit
			if c.Unit == "papers" {
				unit = "papers (finer measure, not official)"
			}
			part := func(n int, pct cost.Amount) string {
				if c.Baseline == 0 {
					return strconv.Itoa(n)
				}
				return fmt.Sprintf("%d (%s%%)", n, pct.Format(2))
			}
			gap := gapText(c.Gap)
			if c.Baseline == 0 {
				gap = "n/a"
			}
			rows = append(rows, []string{unit, strconv.Itoa(c.Baseline), part(c.Abolished, c.AbolishedPercent),
				part(c.Simplified, c.SimplifiedPercent), part(c.Cut, c.Percent), gap, strconv.Itoa(c.Added), strconv.Itoa(c.Current)})
		}
		textfmt.Columns(ew, rows)
		if i == 0 {
			ew.Printf("  The target is judged on regulations %s (procedures and conditions, the official units).\n", compare.CutMeans)
			ew.Printf("  A procedure is simplified when lighter in any way and heavier in none; for conditions and papers,\n" +
				"  abolished are those of abolished procedures, simplified those removed from procedures kept.\n")
		}
		if r := s.Regulations; r.Added > 0 && r.Baseline > 0 {
			ew.Printf("  Net of what was added (%d): %d (%s%%) regulations cut; the official figure does not net additions out.\n",
				r.Added, r.Net, r.NetPercent.Format(2))
		}
		if s.ConditionsOnly > 0 {
			ew.Printf("  %d simplified only by fewer conditions: counted once in regulations, through their conditions.\n", s.ConditionsOnly)
		}
		cc := s.Cost
		approx := mostlyAssumed(cc.AssumedShareBefore, cc.AssumedShareAfter)
		ew.Printf("\nCompliance cost (VND/yr): before %s, after %s, saving %s = %s%% cut (%s)\n",
			money(cc.Before, approx), money(cc.After, approx), money(cc.Saving, approx), cc.Percent.Format(2), gapText(cc.Gap))
		ew.Printf("  new procedures add %s; the baseline procedures alone cut %s = %s%%\n",
			money(cc.NewCost, approx), money(cc.BaselineSaving, approx), cc.BaselinePercent.Format(2))
		ew.Printf("  resting on assumed inputs: %s%% of the cost before, %s%% after\n",
			cc.AssumedShareBefore.Format(1), cc.AssumedShareAfter.Format(1))
		if approx {
			ew.Printf("  \"≈\": rounded to %d significant figures, as the cost rests mostly on assumptions (exact values: --format json)\n", approxFigures)
		}
		ew.Printf("Procedures: %s\n", statuses(s.Statuses))
		ew.Printf("Assumed: annual volume of %d procedures; counted as zero where not stated: fees of %d, fee amounts of %d, processing time of %d\n",
			s.VolumeAssumed, s.Unknown["fees"], s.Unknown["fee amount"], s.Unknown["processing time"])
		writeTime(ew, s.Time)
		if len(s.TopCuts) > 0 {
			ew.Printf("\nLargest cuts by annual saving (VND/yr):\n")
			writeCuts(ew, s.TopCuts, true)
		}
		if len(s.Ministries) > 0 {
			ew.Printf("\nBy ministry:\n")
			rows := [][]string{{"ministry", "regulations " + compare.CutMeans, "papers " + compare.CutMeans, "cost before", "cost after", "saving", "cost % cut"}}
			var before, after, saving []cost.Amount
			for _, m := range s.Ministries {
				before, after, saving = append(before, m.Cost.Before), append(after, m.Cost.After), append(saving, m.Cost.Saving)
			}
			beforeCol, afterCol, savingCol := column(before, cc.Before, approx), column(after, cc.After, approx), column(saving, cc.Saving, approx)
			for i, m := range s.Ministries {
				rows = append(rows, []string{m.Name, m.Regulations.Percent.Format(2) + "%", m.Papers.Percent.Format(2) + "%",
					beforeCol[i], afterCol[i], savingCol[i], m.Cost.Percent.Format(2) + "%"})
			}
			textfmt.Columns(ew, rows)
			for _, m := range s.Ministries {
				if len(m.TopCuts) == 0 {
					continue
				}
				ew.Printf("\nLargest cuts, %s:\n", m.Name)
				writeCuts(ew, m.TopCuts, false)
			}
		}
	}
	writeTargets(ew, rep)
	writeCostInputs(ew, rep.CostInputs)
	if d := rep.Decisions; d.Judged > 0 {
		ew.Printf("\nGovernment decisions (Resolution 66.7/2025/NQ-CP Appendix I and any --decisions list): %d rows concern the current procedures: "+
			"%d applied, %d not applied (the published procedure still asks for the paper), %d paper not found; redtape flag lists them\n",
			d.Judged, d.Applied, d.NotApplied, d.PaperNotFound)
	}
	writeAttribution(ew, rep.Attribution)
	st := rep.PaperStates.Total
	ew.Printf("\nPapers of the current set by state (docs/flags.md):\n")
	textfmt.Columns(ew, [][]string{
		{"state", "papers", "procedures", "meaning"},
		stateRow("looked-up", st.Achieved(), "achieved: the record says the agency looks the data up"),
		stateRow("replaceable", st.WithinReach(), "within reach: dropped in the flags-applied scenario"),
		stateRow("partly-replaceable", st.MostPeople(), "within reach for most people: counted in no scenario"),
	})
	ew.Printf("\nCosts rest on the parameters listed by --format json (\"parameters\"); see docs/estimate.md.\n")
	return ew.Err
}

func writeCuts(w io.Writer, cuts []Cut, withMinistry bool) {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	for i, c := range cuts {
		what := string(c.Status)
		if len(c.Reasons) > 0 {
			what += ": " + strings.Join(c.Reasons, ", ")
		}
		name := textfmt.Clip(textfmt.OneLine(c.Name), 80)
		if c.Code != "" {
			name = c.Code + " " + name
		}
		if withMinistry {
			name += " (" + c.Ministry + ")"
		}
		fmt.Fprintf(tw, "%3d.\t%s\t%s\t%s\n", i+1, money(c.Saving, c.approx), name, what)
	}
	tw.Flush()
}

// targetLine says what the target asked for asks, unit by unit, and cites
// it: "nq68: 20% of regulations, 20% of compliance cost (Resolution 68/NQ-CP ...)".
func targetLine(t target.Target) string {
	names := map[target.Unit]string{target.Regulations: "regulations abolished or simplified", target.Conditions: "unnecessary business conditions",
		target.Cost: "compliance cost", target.Time: "processing time"}
	var parts []string
	for _, u := range target.Units() {
		if pct, ok := t.PercentOf(u); ok {
			parts = append(parts, pct.Decimal(2)+"% of "+names[u])
		}
	}
	line := t.Name + ": cut " + strings.Join(parts, ", ")
	if t.Citation != "" {
		line += " (" + t.Citation + ")"
	}
	return line
}

// writeTime prints the processing-time cut of a scenario.
func writeTime(ew *textfmt.Writer, t Time) {
	if t.Procedures == 0 {
		ew.Printf("Processing time: not measured (no procedure states a time that could be read; %d unknown)\n", t.Unknown)
		return
	}
	ew.Printf("Processing time (working days, %d procedures): before %s, after %s, cut %s = %s%% (%s); %d shortened, %d lengthened, %d unknown left out, %d stated on one side only\n",
		t.Procedures, t.BaselineDays.Format(1), t.CurrentDays.Format(1), t.Cut.Format(1), t.Percent.Format(2), gapText(t.Gap),
		t.Shortened, t.Lengthened, t.Unknown, t.Borrowed)
}

// writeTargets sets each scenario's cuts beside every target shown.
func writeTargets(ew *textfmt.Writer, rep *Report) {
	if len(rep.Targets) == 0 {
		return
	}
	ew.Printf("\nTargets (the one asked for, %s, then every preset in force on %s):\n", rep.TargetAsked.Name, rep.AsOf)
	rows := [][]string{{"target", "unit", "asks", "scenario", "achieved", "short by"}}
	for _, sg := range rep.Targets {
		for _, g := range sg.Gaps {
			achieved, short := "not measured", ""
			if g.Measured {
				achieved = g.Achieved.Format(2) + "%"
				short = "met"
				if !g.Met {
					short = g.Short.Format(2) + " points"
				}
			}
			rows = append(rows, []string{g.Preset, string(g.Unit), g.Target.Format(0) + "%", sg.Scenario, achieved, short})
		}
	}
	textfmt.Columns(ew, rows)
}

// writeCostInputs says what the current cost rests on.
func writeCostInputs(ew *textfmt.Writer, ci CostInputs) {
	c := ci.Coverage
	ew.Printf("\nWhat the current cost rests on: %s%% measured (%d procedures with a measured volume, %d costed from an official cost sheet), "+
		"the rest on the assumed annual volume (%d procedures)\n", ci.MeasuredPercent.Format(1), c.VolumeMeasured, c.FromSheet, c.VolumeAssumed)
	if len(ci.CollectFirst) > 0 {
		ew.Printf("Volumes to collect first (assumed volume, largest annual cost):\n")
		rows := [][]string{{"procedure", "ministry", "volume assumed", "annual cost (VND)"}}
		for _, x := range ci.CollectFirst {
			name := textfmt.Clip(textfmt.OneLine(x.Name), 60)
			if x.Code != "" {
				name = x.Code + " " + name
			}
			// The volume is assumed, so the annual cost rests on it.
			rows = append(rows, []string{name, x.Ministry, strconv.FormatInt(x.Volume, 10), money(x.Annual, true)})
		}
		textfmt.Columns(ew, rows)
	}
	if len(ci.VolumesNotMatched) > 0 {
		ew.Printf("--volumes rows matching no procedure: %s\n", strings.Join(ci.VolumesNotMatched, ", "))
	}
	if len(ci.SheetsNotMatched) > 0 {
		ew.Printf("--costs rows matching no procedure: %s\n", strings.Join(ci.SheetsNotMatched, ", "))
	}
}

// writeAttribution says how the current records' ministries were found
// and names the records left unattributed.
func writeAttribution(ew *textfmt.Writer, at *compare.Attributions) {
	if at == nil || at.Records == 0 {
		return
	}
	var parts []string
	for _, ev := range corpus.Evidences {
		if n := at.ByEvidence[ev]; n > 0 {
			parts = append(parts, fmt.Sprintf("%d by %s", n, ev))
		}
	}
	ew.Printf("\nMinistry of the %d current records: %s; %d attributed to none (counted under %q)\n",
		at.Records, strings.Join(parts, ", "), len(at.Unattributed), compare.NoMinistry)
	for i, u := range at.Unattributed {
		if i == 10 {
			ew.Printf("  and %d more (--format json lists them all)\n", len(at.Unattributed)-10)
			break
		}
		ew.Printf("  %s  %s  (%s)\n", u.ID, textfmt.Clip(textfmt.Terminal(u.Name), 70), textfmt.Terminal(u.File))
	}
}

func stateRow(name string, c flags.StatusCount, meaning string) []string {
	return []string{name, strconv.Itoa(c.Papers), strconv.Itoa(c.Procedures), meaning}
}

// hourlyBasis says how the hourly value is reached, e.g.
// "5,400,000 VND a month (2024) / 22 days / 8 hours".
func hourlyBasis(tv cost.TimeValue) string {
	income := tv.MonthlyIncome.Value.Format(0) + " VND a month"
	if tv.MonthlyIncome.AsOf != "" {
		income += " (" + tv.MonthlyIncome.AsOf + ")"
	}
	return fmt.Sprintf("%s / %s days / %s hours", income, tv.WorkingDaysPerMonth.Value.Decimal(2), tv.HoursPerDay.Value.Decimal(2))
}

func gapText(g cost.Amount) string {
	if g.IsZero() {
		return "met"
	}
	return g.Format(2) + " points short"
}

func statuses(st map[compare.Status]int) string {
	var parts []string
	for _, s := range []compare.Status{compare.Abolished, compare.Simplified, compare.Mixed, compare.Heavier, compare.Unchanged, compare.New} {
		parts = append(parts, fmt.Sprintf("%d %s", st[s], s))
	}
	return strings.Join(parts, ", ")
}

func costInputsOf(in assess.Inputs) CostInputs {
	out := CostInputs{Coverage: in.Coverage, MeasuredPercent: in.Coverage.MeasuredShare().MulInt(100),
		VolumesNotMatched: in.VolumesNotIn, SheetsNotMatched: in.SheetsNotIn, CollectFirst: []Assumed{}}
	for _, pc := range in.CollectFirst {
		x := Assumed{ID: pc.ID, Code: pc.Code, Name: pc.Name, Ministry: pc.Ministry, Volume: pc.Volume, Annual: pc.Annual}
		x.Exact = ExactOf(x)
		out.CollectFirst = append(out.CollectFirst, x)
	}
	out.Exact = ExactOf(out)
	return out
}

// WriteJSON writes rep as indented JSON, HTML characters as they are.
func WriteJSON(w io.Writer, rep *Report) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(rep)
}
