package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"text/tabwriter"
	"unicode/utf8"

	"github.com/urfave/cli/v2"

	"github.com/redtape-vn/redtape/analyzer/compare"
	"github.com/redtape-vn/redtape/analyzer/cost"
	"github.com/redtape-vn/redtape/analyzer/flags"
	"github.com/redtape-vn/redtape/corpus"
)

// estimateSchema names the version of the JSON that estimate prints.
const estimateSchema = "redtape.estimate/v1"

// estimateOptions are the options of the estimate command.
type estimateOptions struct {
	// Baseline and Current are the paths of the two sets of procedures;
	// both empty means the demo corpus against itself.
	Baseline []string
	Current  []string
	// Target is the reduction target in percent, as given ("20", "30").
	Target string
	// Params is a cost parameter file laid over the defaults; empty for none.
	Params string
	// Catalog is a catalog file extending the built-in one; empty for none.
	Catalog string
	// AsOf is the day (YYYY-MM-DD) whose catalog entries are in force for
	// the flags-applied scenario; empty means today.
	AsOf string
	// Ministries is a ministry renaming file replacing the built-in one;
	// empty for the built-in renamings of the 2025 reorganisation.
	Ministries string
	// Format is "text" or "json".
	Format string
	// Top is how many of the largest cuts to list, overall and per ministry.
	Top int
	// Input controls how records are read.
	Input corpus.Options
}

func estimateCommand(e *env) *cli.Command {
	return &cli.Command{
		Name:  "estimate",
		Usage: "estimate progress toward the regulation and compliance-cost reduction targets",
		Description: "Compares a baseline set of procedures with the current one: procedures abolished,\n" +
			"simplified, unchanged and new; the % cut of regulations (procedures + conditions, each\n" +
			"named) and of papers; the % cut of annual compliance cost by the Standard Cost Model;\n" +
			"the gap to the target; the largest cuts in total and per ministry. A second scenario,\n" +
			"\"flags applied\", removes every paper the state already holds as data.\n" +
			"With neither --baseline nor --current, the built-in demo corpus is the baseline and\n" +
			"the flags-applied scenario is shown against it. See docs/estimate.md.",
		Flags: append([]cli.Flag{
			&cli.StringSliceFlag{Name: "baseline", Aliases: []string{"b"}, Usage: "file or directory of baseline procedures (repeatable)"},
			&cli.StringSliceFlag{Name: "current", Aliases: []string{"c"}, Usage: "file or directory of current procedures (repeatable)"},
			&cli.StringFlag{Name: "target", Value: "20", Usage: "reduction target in percent (Resolution 68/NQ-CP: 20; Resolution 66/NQ-CP: 30)"},
			&cli.StringFlag{Name: "params", Usage: "cost parameter `FILE` (YAML or JSON) laid over the built-in defaults"},
			&cli.StringFlag{Name: "catalog", Usage: "catalog `FILE` of digitised data extending the built-in one (flags-applied scenario)"},
			&cli.StringFlag{Name: "as-of", Usage: "flags-applied scenario: use the catalog entries in force on `DATE` (YYYY-MM-DD; default today)"},
			&cli.StringFlag{Name: "ministries", Usage: "ministry renaming `FILE` (schema redtape.ministries/v1) replacing the built-in 2025 renamings"},
			&cli.StringFlag{Name: "format", Value: "text", Usage: "output format: text or json"},
			&cli.IntFlag{Name: "top", Value: 10, Usage: "how many of the largest cuts to list, in total and per ministry"},
		}, inputFlags()...),
		Action: func(c *cli.Context) error {
			if c.Args().Len() > 0 {
				return usageErrorf("estimate takes no arguments; use --baseline and --current")
			}
			return runEstimate(c.Context, estimateOptions{
				Baseline:   c.StringSlice("baseline"),
				Current:    c.StringSlice("current"),
				Target:     c.String("target"),
				Params:     c.String("params"),
				Catalog:    c.String("catalog"),
				AsOf:       c.String("as-of"),
				Ministries: c.String("ministries"),
				Format:     c.String("format"),
				Top:        c.Int("top"),
				Input:      inputOptions(c),
			}, e)
		},
	}
}

// runEstimate compares the baseline with the current procedures and writes
// the estimate.
func runEstimate(ctx context.Context, opts estimateOptions, e *env) error {
	if opts.Format != "text" && opts.Format != "json" {
		return usageErrorf("--format must be text or json, not %q", opts.Format)
	}
	if opts.Top < 0 {
		return usageErrorf("--top must not be negative")
	}
	target, err := cost.ParseAmount(strings.TrimSuffix(strings.TrimSpace(opts.Target), "%"))
	if err != nil || target.Sign() <= 0 || target.Cmp(cost.Int(100)) > 0 {
		return usageErrorf("--target must be a percentage above 0 and at most 100, not %q", opts.Target)
	}
	demo := len(opts.Baseline) == 0 && len(opts.Current) == 0
	if !demo && (len(opts.Baseline) == 0 || len(opts.Current) == 0) {
		return usageErrorf("give both --baseline and --current, or neither to use the demo corpus")
	}
	params := cost.Default()
	if opts.Params != "" {
		if params, err = cost.LoadParamsFile(opts.Params); err != nil {
			return usageErrorf("--params: %v", err)
		}
	}
	names := compare.DefaultMinistries()
	if opts.Ministries != "" {
		data, err := os.ReadFile(opts.Ministries)
		if err != nil {
			return usageErrorf("--ministries: %v", err)
		}
		if names, err = compare.ParseMinistries(data); err != nil {
			return usageErrorf("--ministries: %v", err)
		}
	}
	cat, _, err := loadCatalog(opts.Catalog, opts.AsOf, e)
	if err != nil {
		return err
	}
	matcher := flags.NewMatcher(cat)

	var baseline, current []*corpus.Procedure
	var sums []*corpus.Summary
	if demo {
		procs, sum, err := loadInput(ctx, e, nil, opts.Input)
		if err != nil {
			return err
		}
		baseline, current, sums = procs, procs, []*corpus.Summary{sum}
	} else {
		var sum *corpus.Summary
		if baseline, sum, err = loadInput(ctx, e, opts.Baseline, opts.Input); err != nil {
			return err
		}
		sums = append(sums, sum)
		if slices.Equal(opts.Baseline, opts.Current) {
			current = baseline // one read serves both sides
		} else {
			if current, sum, err = loadInput(ctx, e, opts.Current, opts.Input); err != nil {
				return err
			}
			sums = append(sums, sum)
		}
	}

	drop, err := estimateFlagged(ctx, matcher, current)
	if err != nil {
		return err
	}
	res, err := compare.Compare(ctx, baseline, current, cost.New(params), compare.Options{
		Target:          target,
		Ministries:      names,
		Drop:            drop,
		DropDescription: "the current set of procedures without every paper flagged as held in a state database",
	})
	if err != nil {
		return fmt.Errorf("estimate: %w", err)
	}
	rep := buildEstimate(res, params, opts, demo, len(baseline), len(current), e)
	if opts.Format == "json" {
		enc := json.NewEncoder(e.stdout)
		enc.SetIndent("", "  ")
		enc.SetEscapeHTML(false)
		if err := enc.Encode(rep); err != nil {
			return fmt.Errorf("write estimate: %w", err)
		}
	} else if err := writeEstimateText(e.stdout, rep); err != nil {
		return fmt.Errorf("write estimate: %w", err)
	}
	return inputResult(mergeEstimateSummaries(sums))
}

// estimateMatcher builds the flag matcher from the built-in catalog in
// force today, extended by path when given (check uses it too).
func estimateMatcher(path string, e *env) (*flags.Matcher, error) {
	cat, _, err := loadCatalog(path, "", e)
	if err != nil {
		return nil, err
	}
	return flags.NewMatcher(cat), nil
}

// estimateFlagged judges the papers of procs with the matcher (on
// GOMAXPROCS workers, see flags.Matcher.Procedures) and returns the paper filter of the flags-applied
// scenario: drop every flagged paper.
func estimateFlagged(ctx context.Context, m *flags.Matcher, procs []*corpus.Procedure) (func(p *corpus.Procedure, i int) bool, error) {
	results, err := m.Procedures(ctx, procs)
	if err != nil {
		return nil, err
	}
	verdicts := make([][]bool, len(procs))
	for i, res := range results {
		v := make([]bool, len(procs[i].Papers))
		for k, r := range res.Papers {
			if k < len(v) {
				v[k] = r.Flagged
			}
		}
		verdicts[i] = v
	}
	byProc := make(map[*corpus.Procedure][]bool, len(procs))
	for i, p := range procs {
		byProc[p] = verdicts[i]
	}
	return func(p *corpus.Procedure, i int) bool {
		v := byProc[p]
		return i < len(v) && v[i]
	}, nil
}

// mergeEstimateSummaries adds up the read summaries of several loads.
func mergeEstimateSummaries(sums []*corpus.Summary) *corpus.Summary {
	out := &corpus.Summary{}
	for _, s := range sums {
		out.Merge(s)
	}
	return out
}

// estimateReport is the JSON document estimate prints (schema
// redtape.estimate/v1, documented in docs/estimate.md).
type estimateReport struct {
	Schema      string             `json:"schema"`
	AsOf        string             `json:"as_of"`
	Demo        bool               `json:"demo"`
	Baseline    estimateSide       `json:"baseline"`
	Current     estimateSide       `json:"current"`
	Target      cost.Amount        `json:"target"`
	HourlyValue cost.Amount        `json:"hourly_value"`
	Exact       estimateExact      `json:"exact"`
	Scenarios   []estimateScenario `json:"scenarios"`
	Parameters  []estimateParam    `json:"parameters"`
	Notes       []string           `json:"notes"`

	hourlyBasis string // how the hourly value was reached, for the text output
}

type estimateSide struct {
	Paths []string `json:"paths"`
	// BuiltIn is true when the side is the built-in demo corpus.
	BuiltIn    bool `json:"built_in"`
	Procedures int  `json:"procedures"`
}

type estimateScenario struct {
	Name        string `json:"name"`
	Description string `json:"description"`
	estimateTally
	Ministries []estimateMinistry `json:"ministries"`
	// Changes lists every procedure that is not unchanged, by saving.
	Changes []estimateCut `json:"changes"`
}

type estimateMinistry struct {
	Name string `json:"name"`
	estimateTally
}

// estimateTally is what the JSON says of a scenario or a ministry.
type estimateTally struct {
	Regulations estimateCount          `json:"regulations"`
	Procedures  estimateCount          `json:"procedures"`
	Conditions  estimateCount          `json:"conditions"`
	Papers      estimateCount          `json:"papers"`
	Cost        estimateCost           `json:"cost"`
	Statuses    map[compare.Status]int `json:"statuses"`
	// ConditionsOnly counts procedures simplified only by fewer
	// conditions, which regulations count once, through the conditions.
	ConditionsOnly int `json:"simplified_by_conditions_only"`
	// VolumeAssumed and Unknown count procedures resting on assumptions.
	VolumeAssumed int            `json:"volume_assumed"`
	Unknown       map[string]int `json:"unknown"`
	TopCuts       []estimateCut  `json:"top_cuts"`
}

func estimateTallyOf(t compare.Tally, cuts []*compare.Change) estimateTally {
	return estimateTally{
		Regulations: estimateCountOf(t.Regulations), Procedures: estimateCountOf(t.Procedures),
		Conditions: estimateCountOf(t.Conditions), Papers: estimateCountOf(t.Papers),
		Cost: estimateCostOf(t.Cost), Statuses: t.Statuses, ConditionsOnly: t.ConditionsOnly,
		TopCuts: estimateCutsOf(cuts), VolumeAssumed: t.VolumeAssumed, Unknown: t.Unknown,
	}
}

// estimateCount is a unit's count with the exact values of its percentages.
type estimateCount struct {
	compare.Count
	Exact estimateExact `json:"exact"`
}

func estimateCountOf(c compare.Count) estimateCount {
	return estimateCount{Count: c, Exact: estimateExactOf(c)}
}

type estimateCost struct {
	compare.CostCut
	AssumedShareBefore cost.Amount   `json:"assumed_percent_before"`
	AssumedShareAfter  cost.Amount   `json:"assumed_percent_after"`
	Exact              estimateExact `json:"exact"`
}

type estimateCut struct {
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
	Exact             estimateExact  `json:"exact"`
}

type estimateParam struct {
	Name string `json:"name"`
	cost.Param
	Exact estimateExact `json:"exact"`
}

// estimateExact gives the exact value of every amount of the JSON object
// it sits in, by the amount's key: the JSON numbers are rounded to 2
// decimals for reading, these strings lose nothing ("1802750000",
// "337500/11"; see cost.Amount.Exact).
type estimateExact map[string]string

// estimateExactOf returns the exact values of the cost.Amount fields of
// the struct v, embedded structs included, keyed by their JSON names, so
// that no amount of the contract can miss its exact value.
func estimateExactOf(v any) estimateExact {
	out := estimateExact{}
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

func buildEstimate(res *compare.Result, params *cost.Params, opts estimateOptions, demo bool, nBase, nCur int, e *env) *estimateReport {
	rep := &estimateReport{
		Schema:      estimateSchema,
		AsOf:        e.now().Format("2006-01-02"),
		Demo:        demo,
		Baseline:    estimateSide{Paths: estimateNonNil(opts.Baseline), Procedures: nBase},
		Current:     estimateSide{Paths: estimateNonNil(opts.Current), Procedures: nCur},
		Target:      res.Target,
		HourlyValue: params.HourlyValue(),
		hourlyBasis: estimateHourlyBasis(params.TimeValue),
		Notes: []string{
			"regulations count the official units, procedures and conditions; papers are a finer measure, not an official unit",
			"cut means abolished or simplified, the official count (% cut = (abolished + simplified) / baseline); a procedure is simplified when lighter in any way (a paper or condition removed, lower fees, fewer days, moved online, or a lower cost otherwise) and heavier in none, so one paper fewer is enough: abolished and simplified are given apart",
			"net is cut minus added, beside the official figure, which does not net additions out",
			"in regulations a procedure simplified only by fewer conditions counts once, through its conditions",
			"compliance cost is annual, in VND, by the Standard Cost Model; new procedures count in the current cost",
			"amounts and percentages are JSON numbers rounded to 2 decimals; each object's \"exact\" gives them exactly, as integers or fractions",
		},
	}
	rep.Exact = estimateExactOf(*rep)
	if demo {
		rep.Baseline = estimateSide{Paths: []string{"demo corpus"}, BuiltIn: true, Procedures: nBase}
		rep.Current = estimateSide{Paths: []string{"demo corpus"}, BuiltIn: true, Procedures: nCur}
		rep.Notes = append(rep.Notes, "no --baseline or --current given: the built-in demo corpus is compared with itself; only the flags-applied scenario is shown, as the demo against itself is 0% by construction")
	}
	for _, np := range params.All() {
		rep.Parameters = append(rep.Parameters, estimateParam{Name: np.Name, Param: np.Param, Exact: estimateExactOf(np.Param)})
	}
	for _, s := range res.Scenarios {
		if demo && s.Name == compare.ScenarioCurrent {
			continue // the demo against itself is 0% by construction
		}
		es := estimateScenario{Name: s.Name, Description: s.Description,
			estimateTally: estimateTallyOf(s.Tally, s.TopCuts(opts.Top, ""))}
		var changed []*compare.Change
		for _, ch := range s.Changes {
			if ch.Status != compare.Unchanged {
				changed = append(changed, ch)
			}
		}
		es.Changes = estimateCutsOf(changed)
		for _, m := range s.Ministries {
			es.Ministries = append(es.Ministries, estimateMinistry{Name: m.Name,
				estimateTally: estimateTallyOf(m.Tally, s.TopCuts(opts.Top, m.Name))})
		}
		rep.Scenarios = append(rep.Scenarios, es)
	}
	return rep
}

func estimateNonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

func estimateCostOf(c compare.CostCut) estimateCost {
	out := estimateCost{
		CostCut:            c,
		AssumedShareBefore: c.AssumedShareBefore().MulInt(100),
		AssumedShareAfter:  c.AssumedShareAfter().MulInt(100),
	}
	out.Exact = estimateExactOf(out)
	return out
}

func estimateCutsOf(changes []*compare.Change) []estimateCut {
	out := []estimateCut{}
	for _, ch := range changes {
		c := estimateCut{
			ID: ch.ID, Code: ch.Code, Name: ch.Name, Ministry: ch.Ministry, Status: ch.Status, Reasons: ch.Reasons,
			Saving: ch.Saving, PapersRemoved: len(ch.PapersRemoved), ConditionsRemoved: len(ch.ConditionsRemoved),
			PapersAdded: len(ch.PapersAdded), ConditionsAdded: len(ch.ConditionsAdded),
		}
		if ch.Before != nil {
			c.Before = ch.Before.Annual
		}
		if ch.After != nil {
			c.After = ch.After.Annual
		}
		c.Exact = estimateExactOf(c)
		out = append(out, c)
	}
	return out
}

// writeEstimateText prints the estimate for people.
func writeEstimateText(w io.Writer, rep *estimateReport) error {
	ew := &estimateWriter{w: w}
	if rep.Demo {
		ew.printf("DEMO: no --baseline or --current given, so the built-in demo corpus is compared with itself.\n" +
			"Only the \"flags_applied\" scenario is shown: it removes every paper flagged as held in a state\n" +
			"database from the demo corpus. Give --baseline and --current to estimate real progress.\n\n")
		ew.printf("Baseline: built-in demo corpus (%d procedures)\n", rep.Baseline.Procedures)
		ew.printf("Current:  the same built-in demo corpus (%d procedures)\n", rep.Current.Procedures)
	} else {
		ew.printf("Baseline: %s (%d procedures)\n", strings.Join(rep.Baseline.Paths, ", "), rep.Baseline.Procedures)
		ew.printf("Current:  %s (%d procedures)\n", strings.Join(rep.Current.Paths, ", "), rep.Current.Procedures)
	}
	ew.printf("Target:   %s%% of regulations abolished or simplified, and %s%% of compliance cost cut\n", rep.Target.Decimal(2), rep.Target.Decimal(2))
	ew.printf("Hourly value of time: %s VND (%s)\n", rep.HourlyValue.Format(2), rep.hourlyBasis)
	for i, s := range rep.Scenarios {
		ew.printf("\n== Scenario %q: %s\n\n", s.Name, s.Description)
		rows := [][]string{{"unit", "baseline", "abolished", "simplified", compare.CutMeans, "gap to target", "added", "current"}}
		for _, c := range []estimateCount{s.Regulations, s.Procedures, s.Conditions, s.Papers} {
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
			gap := estimateGap(c.Gap)
			if c.Baseline == 0 {
				gap = "n/a"
			}
			rows = append(rows, []string{unit, strconv.Itoa(c.Baseline), part(c.Abolished, c.AbolishedPercent),
				part(c.Simplified, c.SimplifiedPercent), part(c.Cut, c.Percent), gap, strconv.Itoa(c.Added), strconv.Itoa(c.Current)})
		}
		writeEstimateTable(ew, rows)
		if i == 0 {
			ew.printf("  The target is judged on regulations %s (procedures and conditions, the official units).\n", compare.CutMeans)
			ew.printf("  A procedure is simplified when lighter in any way and heavier in none; for conditions and papers,\n" +
				"  abolished are those of abolished procedures, simplified those removed from procedures kept.\n")
		}
		if r := s.Regulations; r.Added > 0 && r.Baseline > 0 {
			ew.printf("  Net of what was added (%d): %d (%s%%) regulations cut; the official figure does not net additions out.\n",
				r.Added, r.Net, r.NetPercent.Format(2))
		}
		if s.ConditionsOnly > 0 {
			ew.printf("  %d simplified only by fewer conditions: counted once in regulations, through their conditions.\n", s.ConditionsOnly)
		}
		cc := s.Cost
		ew.printf("\nCompliance cost (VND/yr): before %s, after %s, saving %s = %s%% cut (%s)\n",
			cc.Before.Format(0), cc.After.Format(0), cc.Saving.Format(0), cc.Percent.Format(2), estimateGap(cc.Gap))
		ew.printf("  new procedures add %s; the baseline procedures alone cut %s = %s%%\n",
			cc.NewCost.Format(0), cc.BaselineSaving.Format(0), cc.BaselinePercent.Format(2))
		ew.printf("  resting on assumed inputs: %s%% of the cost before, %s%% after\n",
			cc.AssumedShareBefore.Format(1), cc.AssumedShareAfter.Format(1))
		ew.printf("Procedures: %s\n", estimateStatuses(s.Statuses))
		ew.printf("Assumed: annual volume of %d procedures; counted as zero where not stated: fees of %d, fee amounts of %d, processing time of %d\n",
			s.VolumeAssumed, s.Unknown["fees"], s.Unknown["fee amount"], s.Unknown["processing time"])
		if len(s.TopCuts) > 0 {
			ew.printf("\nLargest cuts by annual saving (VND/yr):\n")
			writeEstimateCuts(ew, s.TopCuts, true)
		}
		if len(s.Ministries) > 0 {
			ew.printf("\nBy ministry:\n")
			rows := [][]string{{"ministry", "regulations " + compare.CutMeans, "papers " + compare.CutMeans, "cost before", "cost after", "saving", "cost % cut"}}
			for _, m := range s.Ministries {
				rows = append(rows, []string{m.Name, m.Regulations.Percent.Format(2) + "%", m.Papers.Percent.Format(2) + "%",
					m.Cost.Before.Format(0), m.Cost.After.Format(0), m.Cost.Saving.Format(0), m.Cost.Percent.Format(2) + "%"})
			}
			writeEstimateTable(ew, rows)
			for _, m := range s.Ministries {
				if len(m.TopCuts) == 0 {
					continue
				}
				ew.printf("\nLargest cuts, %s:\n", m.Name)
				writeEstimateCuts(ew, m.TopCuts, false)
			}
		}
	}
	ew.printf("\nCosts rest on the parameters listed by --format json (\"parameters\"); see docs/estimate.md.\n")
	return ew.err
}

func writeEstimateCuts(w io.Writer, cuts []estimateCut, withMinistry bool) {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	for i, c := range cuts {
		what := string(c.Status)
		if len(c.Reasons) > 0 {
			what += ": " + strings.Join(c.Reasons, ", ")
		}
		name := estimateShorten(c.Name, 80)
		if c.Code != "" {
			name = c.Code + " " + name
		}
		if withMinistry {
			name += " (" + c.Ministry + ")"
		}
		fmt.Fprintf(tw, "%3d.\t%s\t%s\t%s\n", i+1, c.Saving.Format(0), name, what)
	}
	tw.Flush()
}

// writeEstimateTable prints rows as aligned columns, the first to the
// left, the others (numbers) to the right, each line indented by two spaces.
func writeEstimateTable(w io.Writer, rows [][]string) {
	var width []int
	for _, r := range rows {
		for i, cell := range r {
			n := utf8.RuneCountInString(cell)
			if i >= len(width) {
				width = append(width, n)
			} else if n > width[i] {
				width[i] = n
			}
		}
	}
	for _, r := range rows {
		var b strings.Builder
		b.WriteString(" ")
		for i, cell := range r {
			pad := strings.Repeat(" ", width[i]-utf8.RuneCountInString(cell))
			b.WriteString(" ")
			if i == 0 {
				b.WriteString(cell + pad)
			} else {
				b.WriteString(" " + pad + cell)
			}
		}
		fmt.Fprintln(w, b.String())
	}
}

// estimateHourlyBasis says how the hourly value is reached, e.g.
// "5,400,000 VND a month (2024) / 22 days / 8 hours".
func estimateHourlyBasis(tv cost.TimeValue) string {
	income := tv.MonthlyIncome.Value.Format(0) + " VND a month"
	if tv.MonthlyIncome.AsOf != "" {
		income += " (" + tv.MonthlyIncome.AsOf + ")"
	}
	return fmt.Sprintf("%s / %s days / %s hours", income, tv.WorkingDaysPerMonth.Value.Decimal(2), tv.HoursPerDay.Value.Decimal(2))
}

// estimateShorten cuts s to at most n characters, ending with "…" when cut.
func estimateShorten(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return strings.TrimSpace(string(r[:n-1])) + "…"
}

func estimateGap(g cost.Amount) string {
	if g.IsZero() {
		return "met"
	}
	return g.Format(2) + " points short"
}

func estimateStatuses(st map[compare.Status]int) string {
	var parts []string
	for _, s := range []compare.Status{compare.Abolished, compare.Simplified, compare.Mixed, compare.Heavier, compare.Unchanged, compare.New} {
		parts = append(parts, fmt.Sprintf("%d %s", st[s], s))
	}
	return strings.Join(parts, ", ")
}

// estimateWriter keeps the first write error so printing code stays linear.
type estimateWriter struct {
	w   io.Writer
	err error
}

// Write writes p unless an earlier write failed.
func (e *estimateWriter) Write(p []byte) (int, error) {
	if e.err != nil {
		return 0, e.err
	}
	n, err := e.w.Write(p)
	e.err = err
	return n, err
}

func (e *estimateWriter) printf(format string, args ...any) { fmt.Fprintf(e, format, args...) }
