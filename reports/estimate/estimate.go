// Package estimate arranges an assessment (package assess) as the
// estimate's report: the JSON document of schema redtape.estimate/v1 and
// the text printed for people (docs/estimate.md).
package estimate

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"reflect"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/redtape-vn/redtape/analyzer/assess"
	"github.com/redtape-vn/redtape/analyzer/compare"
	"github.com/redtape-vn/redtape/analyzer/cost"
	"github.com/redtape-vn/redtape/analyzer/flags"
	"github.com/redtape-vn/redtape/analyzer/target"
	"github.com/redtape-vn/redtape/corpus"
	"github.com/redtape-vn/redtape/internal/i18n"
	"github.com/redtape-vn/redtape/internal/textfmt"
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

	timeValue cost.TimeValue // how the hourly value was reached, for the text output
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

	// file keeps the cuts of Changes when Build was given one
	// (Options.Changes): WriteJSON copies them from it.
	file *ChangeFile
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
	// Changes, when set, holds every changed procedure of the assessment
	// (handed over by the stream that made it, compare.Keep.OnChange):
	// each scenario's Changes is left empty and WriteJSON copies them from
	// the file, so that the list is never held whole (a JSON estimate of a
	// large corpus). The assessment's own lists of changes are then not
	// read.
	Changes *ChangeFile
}

// Build arranges an assessment as the estimate's report.
func Build(a *assess.Assessment, opts Options) *Report {
	res, params := a.Comparison, a.Params
	demo := opts.Demo
	nBase, nCur := a.Procedures()
	rep := &Report{
		Schema:      Schema,
		AsOf:        opts.Day.Format("2006-01-02"),
		Demo:        demo,
		Baseline:    Side{Paths: nonNil(opts.Baseline), Procedures: nBase},
		Current:     Side{Paths: nonNil(opts.Current), Procedures: nCur},
		Target:      res.Target,
		HourlyValue: params.HourlyValue(),
		timeValue:   params.TimeValue,
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
	rep.PaperStates = PaperStates{Total: a.States(), Ministries: a.MinistryStates(), Sectors: a.SectorStates()}
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
		if opts.Changes != nil {
			es.file = opts.Changes
		} else {
			var changed []*compare.Change
			for _, ch := range s.Changes {
				if ch.Status != compare.Unchanged {
					changed = append(changed, ch)
				}
			}
			es.Changes = cutsOf(changed)
		}
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
		out = append(out, cutOf(ch))
	}
	return out
}

// cutOf is the cut a report lists for one change.
func cutOf(ch *compare.Change) Cut {
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
	return c
}

// WriteText prints the estimate for people in language lang (empty
// means Vietnamese): sentences, headings and table headers come from
// text.yaml, figures follow the language's convention (see numbers), names
// from the data are printed as they are and status, reason and state codes
// are labelled in the language (in English, by the codes themselves).
func WriteText(w io.Writer, rep *Report, lang i18n.Lang) error {
	if lang == "" {
		lang = i18n.Vietnamese
	}
	t, err := loadTexts(lang)
	if err != nil {
		return err
	}
	p := &printer{ew: &textfmt.Writer{W: textfmt.TerminalWriter{W: w}}, t: t, n: numbers{lang: lang}}
	p.write(rep)
	return p.ew.Err
}

// printer writes the text output in one language.
type printer struct {
	ew *textfmt.Writer
	t  *i18n.Texts
	n  numbers
}

// line prints the text of key, formatted with args, and a newline.
func (p *printer) line(key string, args ...any) {
	p.ew.Printf("%s\n", p.t.Get(key, args...))
}

// blank prints an empty line.
func (p *printer) blank() { p.ew.Printf("\n") }

// label returns the text of key, or code when the text file has no such
// key (a code added to the data after the texts were written).
func (p *printer) label(key, code string) string {
	if s := p.t.Get(key); s != "[["+key+"]]" {
		return s
	}
	return code
}

// ministry names a ministry of the data, the "not stated" group in the
// language.
func (p *printer) ministry(name string) string {
	if name == compare.NoMinistry {
		return p.t.Get("no_ministry")
	}
	return name
}

func (p *printer) write(rep *Report) {
	t, n := p.t, p.n
	if rep.Demo {
		p.line("demo_lead")
		p.blank()
		p.line("demo_baseline", n.count(rep.Baseline.Procedures))
		p.line("demo_current", n.count(rep.Current.Procedures))
	} else {
		p.line("side_baseline", strings.Join(rep.Baseline.Paths, ", "), n.count(rep.Baseline.Procedures))
		p.line("side_current", strings.Join(rep.Current.Paths, ", "), n.count(rep.Current.Procedures))
	}
	p.line("target", p.targetLine(rep.TargetAsked))
	p.line("hourly", n.amount(rep.HourlyValue, 2), p.hourlyBasis(rep.timeValue))
	for i, s := range rep.Scenarios {
		p.blank()
		p.line("scenario", s.Name, p.label("scenario_"+s.Name, s.Description))
		p.blank()
		rows := [][]string{{t.Get("col_unit"), t.Get("col_baseline"), t.Get("col_abolished"), t.Get("col_simplified"),
			t.Get("col_cut"), t.Get("col_gap"), t.Get("col_added"), t.Get("col_current")}}
		for _, c := range []Count{s.Regulations, s.Procedures, s.Conditions, s.Papers} {
			part := func(v int, pct cost.Amount) string {
				if c.Baseline == 0 {
					return n.count(v)
				}
				return t.Get("part", n.count(v), n.pct(pct, 2))
			}
			gap := p.gapText(c.Gap)
			if c.Baseline == 0 {
				gap = t.Get("not_applicable")
			}
			rows = append(rows, []string{p.label(unitKeys[c.Unit], c.Unit), n.count(c.Baseline), part(c.Abolished, c.AbolishedPercent),
				part(c.Simplified, c.SimplifiedPercent), part(c.Cut, c.Percent), gap, n.count(c.Added), n.count(c.Current)})
		}
		textfmt.Columns(p.ew, rows)
		if i == 0 {
			p.line("note_judged")
			p.line("note_simplified")
		}
		if r := s.Regulations; r.Added > 0 && r.Baseline > 0 {
			p.line("note_net", n.count(r.Added), n.count(r.Net), n.pct(r.NetPercent, 2))
		}
		if s.ConditionsOnly > 0 {
			p.line("note_conditions_only", n.count(s.ConditionsOnly))
		}
		cc := s.Cost
		approx := mostlyAssumed(cc.AssumedShareBefore, cc.AssumedShareAfter)
		p.blank()
		p.line("cost", n.money(cc.Before, approx), n.money(cc.After, approx), n.money(cc.Saving, approx), n.pct(cc.Percent, 2), p.gapText(cc.Gap))
		p.line("cost_new", n.money(cc.NewCost, approx), n.money(cc.BaselineSaving, approx), n.pct(cc.BaselinePercent, 2))
		p.line("cost_assumed", n.pct(cc.AssumedShareBefore, 1), n.pct(cc.AssumedShareAfter, 1))
		if approx {
			p.line("cost_approx", approxFigures)
		}
		p.line("statuses", p.statuses(s.Statuses))
		p.line("assumed", n.count(s.VolumeAssumed), n.count(s.Unknown["fees"]), n.count(s.Unknown["fee amount"]), n.count(s.Unknown["processing time"]))
		p.writeTime(s.Time)
		if len(s.TopCuts) > 0 {
			p.blank()
			p.line("top_cuts")
			p.writeCuts(s.TopCuts, true)
		}
		if len(s.Ministries) > 0 {
			p.writeMinistries(s.Ministries, cc, approx)
		}
	}
	p.writeTargets(rep)
	p.writeCostInputs(rep.CostInputs)
	if d := rep.Decisions; d.Judged > 0 {
		p.blank()
		p.line("decisions", n.count(d.Judged), n.count(d.Applied), n.count(d.NotApplied), n.count(d.PaperNotFound))
	}
	p.writeAttribution(rep.Attribution)
	st := rep.PaperStates.Total
	p.blank()
	p.line("states")
	textfmt.Columns(p.ew, [][]string{
		{t.Get("col_state"), t.Get("col_papers"), t.Get("col_procedures"), t.Get("col_meaning")},
		p.stateRow("looked_up", st.Achieved()),
		p.stateRow("replaceable", st.WithinReach()),
		p.stateRow("partly_replaceable", st.MostPeople()),
	})
	p.blank()
	p.line("footer")
}

// unitKeys gives the text of each unit compare counts.
var unitKeys = map[string]string{
	"regulations (procedures + conditions)": "unit_regulations",
	"procedures":                            "unit_procedures",
	"conditions":                            "unit_conditions",
	"papers":                                "unit_papers",
}

// writeMinistries prints a scenario's table by ministry and the largest
// cuts of each.
func (p *printer) writeMinistries(ms []Ministry, cc Cost, approx bool) {
	t, n := p.t, p.n
	p.blank()
	p.line("by_ministry")
	rows := [][]string{{t.Get("col_ministry"), t.Get("col_regulations_cut"), t.Get("col_papers_cut"),
		t.Get("col_cost_before"), t.Get("col_cost_after"), t.Get("col_saving"), t.Get("col_cost_cut")}}
	var before, after, saving []cost.Amount
	for _, m := range ms {
		before, after, saving = append(before, m.Cost.Before), append(after, m.Cost.After), append(saving, m.Cost.Saving)
	}
	beforeCol, afterCol, savingCol := n.column(before, cc.Before, approx), n.column(after, cc.After, approx), n.column(saving, cc.Saving, approx)
	for i, m := range ms {
		rows = append(rows, []string{p.ministry(m.Name), n.pct(m.Regulations.Percent, 2), n.pct(m.Papers.Percent, 2),
			beforeCol[i], afterCol[i], savingCol[i], n.pct(m.Cost.Percent, 2)})
	}
	textfmt.Columns(p.ew, rows)
	for _, m := range ms {
		if len(m.TopCuts) == 0 {
			continue
		}
		p.blank()
		p.line("top_cuts_ministry", p.ministry(m.Name))
		p.writeCuts(m.TopCuts, false)
	}
}

func (p *printer) writeCuts(cuts []Cut, withMinistry bool) {
	tw := tabwriter.NewWriter(p.ew, 0, 0, 2, ' ', 0)
	for i, c := range cuts {
		what := p.label("status_"+string(c.Status), string(c.Status))
		if len(c.Reasons) > 0 {
			reasons := make([]string, len(c.Reasons))
			for j, r := range c.Reasons {
				reasons[j] = p.label("reason_"+r, r)
			}
			what += ": " + strings.Join(reasons, ", ")
		}
		name := textfmt.Clip(textfmt.OneLine(c.Name), 80)
		if c.Code != "" {
			name = c.Code + " " + name
		}
		if withMinistry {
			name += " (" + p.ministry(c.Ministry) + ")"
		}
		fmt.Fprintf(tw, "%3d.\t%s\t%s\t%s\n", i+1, p.n.money(c.Saving, c.approx), name, what)
	}
	tw.Flush()
}

// targetLine says what the target asked for asks, unit by unit, and cites
// it: "nq68: cut 20% of regulations abolished or simplified, 20% of
// compliance cost (Resolution 68/NQ-CP ...)".
func (p *printer) targetLine(tg target.Target) string {
	var parts []string
	for _, u := range target.Units() {
		if pct, ok := tg.PercentOf(u); ok {
			parts = append(parts, p.t.Get("target_part", p.n.target(pct), p.label("target_"+string(u), string(u))))
		}
	}
	line := p.t.Get("target_line", tg.Name, strings.Join(parts, ", "))
	if tg.Citation != "" {
		line += " (" + tg.Citation + ")"
	}
	return line
}

// writeTime prints the processing-time cut of a scenario.
func (p *printer) writeTime(tm Time) {
	n := p.n
	if tm.Procedures == 0 {
		p.line("time_none", n.count(tm.Unknown))
		return
	}
	p.line("time", n.count(tm.Procedures), n.amount(tm.BaselineDays, 1), n.amount(tm.CurrentDays, 1), n.amount(tm.Cut, 1),
		n.pct(tm.Percent, 2), p.gapText(tm.Gap), n.count(tm.Shortened), n.count(tm.Lengthened), n.count(tm.Unknown), n.count(tm.Borrowed))
}

// writeTargets sets each scenario's cuts beside every target shown.
func (p *printer) writeTargets(rep *Report) {
	if len(rep.Targets) == 0 {
		return
	}
	t, n := p.t, p.n
	p.blank()
	p.line("targets", rep.TargetAsked.Name, n.date(rep.AsOf))
	rows := [][]string{{t.Get("col_target"), t.Get("col_target_unit"), t.Get("col_asks"), t.Get("col_scenario"), t.Get("col_achieved"), t.Get("col_short")}}
	for _, sg := range rep.Targets {
		for _, g := range sg.Gaps {
			achieved, short := t.Get("not_measured"), ""
			if g.Measured {
				achieved = n.pct(g.Achieved, 2)
				short = t.Get("met")
				if !g.Met {
					short = t.Get("points", n.amount(g.Short, 2))
				}
			}
			rows = append(rows, []string{g.Preset, p.label("unit_target_"+string(g.Unit), string(g.Unit)), n.pct(g.Target, 0), sg.Scenario, achieved, short})
		}
	}
	textfmt.Columns(p.ew, rows)
}

// writeCostInputs says what the current cost rests on.
func (p *printer) writeCostInputs(ci CostInputs) {
	t, n := p.t, p.n
	c := ci.Coverage
	p.blank()
	p.line("cost_inputs", n.pct(ci.MeasuredPercent, 1), n.count(c.VolumeMeasured), n.count(c.FromSheet), n.count(c.VolumeAssumed))
	if len(ci.CollectFirst) > 0 {
		p.line("collect_first")
		rows := [][]string{{t.Get("col_procedure"), t.Get("col_ministry"), t.Get("col_volume_assumed"), t.Get("col_annual_cost")}}
		for _, x := range ci.CollectFirst {
			name := textfmt.Clip(textfmt.OneLine(x.Name), 60)
			if x.Code != "" {
				name = x.Code + " " + name
			}
			// The volume is assumed, so the annual cost rests on it.
			rows = append(rows, []string{name, p.ministry(x.Ministry), n.count64(x.Volume), n.money(x.Annual, true)})
		}
		textfmt.Columns(p.ew, rows)
	}
	if len(ci.VolumesNotMatched) > 0 {
		p.line("volumes_unmatched", strings.Join(ci.VolumesNotMatched, ", "))
	}
	if len(ci.SheetsNotMatched) > 0 {
		p.line("sheets_unmatched", strings.Join(ci.SheetsNotMatched, ", "))
	}
}

// writeAttribution says how the current records' ministries were found
// and names the records left unattributed.
func (p *printer) writeAttribution(at *compare.Attributions) {
	if at == nil || at.Records == 0 {
		return
	}
	n := p.n
	var parts []string
	for _, ev := range corpus.Evidences {
		if k := at.ByEvidence[ev]; k > 0 {
			key := "evidence_" + string(ev)
			if s := p.t.Get(key, n.count(k)); s != "[["+key+"]]" {
				parts = append(parts, s)
			} else {
				parts = append(parts, n.count(k)+" "+string(ev))
			}
		}
	}
	p.blank()
	p.line("attribution", n.count(at.Records), strings.Join(parts, ", "), n.count(len(at.Unattributed)), p.ministry(compare.NoMinistry))
	for i, u := range at.Unattributed {
		if i == 10 {
			p.line("attribution_more", n.count(len(at.Unattributed)-10))
			break
		}
		p.ew.Printf("  %s  %s  (%s)\n", u.ID, textfmt.Clip(textfmt.Terminal(u.Name), 70), textfmt.Terminal(u.File))
	}
}

// stateRow is a row of the papers by state: the state's label, its counts
// and what it means.
func (p *printer) stateRow(state string, c flags.StatusCount) []string {
	return []string{p.t.Get("state_" + state), p.n.count(c.Papers), p.n.count(c.Procedures), p.t.Get("meaning_" + state)}
}

// hourlyBasis says how the hourly value is reached, e.g.
// "5,400,000 VND a month (2024) / 22 days / 8 hours".
func (p *printer) hourlyBasis(tv cost.TimeValue) string {
	income := p.t.Get("income", p.n.amount(tv.MonthlyIncome.Value, 0))
	if tv.MonthlyIncome.AsOf != "" {
		income = p.t.Get("income_asof", p.n.amount(tv.MonthlyIncome.Value, 0), tv.MonthlyIncome.AsOf)
	}
	return p.t.Get("hourly_basis", income, p.n.local(tv.WorkingDaysPerMonth.Value.Decimal(2)), p.n.local(tv.HoursPerDay.Value.Decimal(2)))
}

// gapText says how far a cut is from its target: met, or the points short.
func (p *printer) gapText(g cost.Amount) string {
	if g.IsZero() {
		return p.t.Get("met")
	}
	return p.t.Get("gap_points", p.n.amount(g, 2))
}

// statuses counts the procedures by status: "1 abolished, 1 simplified, …".
func (p *printer) statuses(st map[compare.Status]int) string {
	var parts []string
	for _, s := range []compare.Status{compare.Abolished, compare.Simplified, compare.Mixed, compare.Heavier, compare.Unchanged, compare.New} {
		parts = append(parts, p.n.count(st[s])+" "+p.label("status_"+string(s), string(s)))
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
// The changes of a report built with Options.Changes are copied from
// that file as they are written.
func WriteJSON(w io.Writer, rep *Report) error {
	lazy := false
	for _, s := range rep.Scenarios {
		lazy = lazy || s.file != nil
	}
	if !lazy {
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		enc.SetEscapeHTML(false)
		return enc.Encode(rep)
	}
	// The report is encoded with every lazy list empty, then written with
	// each empty list replaced by its cuts, encoded as the encoder would
	// at that depth.
	out := *rep
	out.Scenarios = make([]Scenario, len(rep.Scenarios))
	for i, s := range rep.Scenarios {
		out.Scenarios[i] = s
		if s.file != nil {
			out.Scenarios[i].Changes = []Cut{}
		}
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(&out); err != nil {
		return err
	}
	const open = "\n      \"changes\": ["
	doc := buf.Bytes()
	for _, s := range rep.Scenarios {
		if s.file == nil {
			continue
		}
		at := bytes.Index(doc, []byte(open+"]"))
		if at < 0 {
			return fmt.Errorf("write estimate: no list of changes where one was expected")
		}
		at += len(open)
		if _, err := w.Write(doc[:at]); err != nil {
			return err
		}
		n, err := s.file.writeCuts(w, s.Name)
		if err != nil {
			return err
		}
		if n > 0 {
			if _, err := io.WriteString(w, "\n      "); err != nil {
				return err
			}
		}
		doc = doc[at:]
	}
	_, err := w.Write(doc)
	return err
}

// marshalIndent encodes v as the report's encoder encodes it at the depth
// of prefix.
func marshalIndent(v any, prefix string) ([]byte, error) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetIndent(prefix, "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return bytes.TrimSuffix(buf.Bytes(), []byte("\n")), nil
}
