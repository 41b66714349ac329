// Package collect fills a [reports.Input] from the analyzer: it flags every
// required paper against the catalog of digitised data (package flags),
// compares the baseline with the current corpus in the "current" and
// "flags applied" scenarios (package compare, costing with package cost),
// and arranges the results — totals, ministries, sectors, databases,
// opportunities, changes, method — in the order a report shows them.
// It adds no figures of its own beyond sums and shares of the analyzer's.
package collect

import (
	"context"
	"errors"
	"fmt"
	"runtime"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/redtape-vn/redtape/analyzer/assess"
	"github.com/redtape-vn/redtape/analyzer/catalog"
	"github.com/redtape-vn/redtape/analyzer/compare"
	"github.com/redtape-vn/redtape/analyzer/cost"
	"github.com/redtape-vn/redtape/analyzer/decisions"
	"github.com/redtape-vn/redtape/analyzer/flags"
	"github.com/redtape-vn/redtape/analyzer/target"
	"github.com/redtape-vn/redtape/corpus"
	"github.com/redtape-vn/redtape/corpus/vntext"
	"github.com/redtape-vn/redtape/reports"
)

// Options say what to collect.
type Options struct {
	// Assess are the options of the assessment: catalog, cost parameters,
	// volumes, cost sheets, target, scope. A nil catalog means the built-in
	// one in force on AsOf.
	Assess assess.Options
	// AsOf is the day whose catalog entries and bases apply; zero means Generated.
	AsOf time.Time
	// Ministry and Sector narrow the report to procedures whose ministry or
	// sector matches, ignoring case and diacritics: an exact name, else a
	// part of one.
	Ministry, Sector string
	// Baseline is the baseline corpus; nil means the current corpus is its own baseline.
	Baseline []*corpus.Procedure
	// Corpus and BaselineLabel name the inputs for the report ("" for the demo corpus).
	Corpus, BaselineLabel string
	// CurrentSummary and BaselineSummary are what reading the inputs counted.
	CurrentSummary, BaselineSummary *corpus.Summary
	// Generated is the report date; Title replaces the default title.
	Generated time.Time
	Title     string

	streamedBaseline bool // CollectStream reads a baseline of its own
}

// ErrNoMatch is returned when --ministry or --sector matches no procedure.
var ErrNoMatch = errors.New("no procedure matches")

// Collect analyses current (and the baseline) with the one assessment
// pipeline (package assess) and returns the report input.
func Collect(ctx context.Context, current []*corpus.Procedure, opts Options) (*reports.Input, error) {
	aopts, asOf, err := AssessOptions(opts)
	if err != nil {
		return nil, err
	}
	cur, err := narrow(current, opts.Ministry, opts.Sector)
	if err != nil {
		return nil, err
	}
	narrowed := cur
	var base []*corpus.Procedure
	if opts.Baseline != nil {
		base, err = narrow(opts.Baseline, opts.Ministry, opts.Sector)
		if err != nil && !errors.Is(err, ErrNoMatch) {
			return nil, err
		}
		if len(cur) == 0 && len(base) == 0 {
			return nil, err
		}
		if base == nil {
			base = []*corpus.Procedure{}
		}
	} else if len(cur) == 0 {
		return nil, err
	}

	a, err := assess.Run(ctx, base, cur, aopts)
	if err != nil {
		return nil, err
	}
	base, cur = a.Baseline, a.Current
	results := a.Flags
	fsum := flags.Summarize(results)
	secs, err := sectors(ctx, a, base, cur, fsum.BySector, opts.Baseline != nil)
	if err != nil {
		return nil, err
	}
	now, withFlags := a.Scenario(compare.ScenarioCurrent), a.Scenario(compare.ScenarioFlagsApplied)
	p := parts{fsum: fsum, sectors: secs, databases: databases(results, cur, a.Catalog),
		opportunities: opportunities(now, withFlags, results, cur, a.Params.FallbackKind), counts: methodCountsOf(now, withFlags)}
	if opts.Baseline != nil {
		p.changes = changes(now, base, cur)
	}
	if opts.Ministry != "" {
		p.ministries = names(base, narrowed, func(p *corpus.Procedure) string { return p.Ministry })
	}
	if opts.Sector != "" {
		p.sectorNames = names(base, narrowed, func(p *corpus.Procedure) string { return p.Sector })
	}
	return assemble(opts, asOf, a, p), nil
}

// AssessOptions returns the options of the assessment a report on opts
// runs, its catalog narrowed to what is in force on the report's day, and
// that day (opts.AsOf, else opts.Generated).
func AssessOptions(opts Options) (assess.Options, time.Time, error) {
	asOf := opts.AsOf
	if asOf.IsZero() {
		asOf = opts.Generated
	}
	cat := opts.Assess.Catalog
	if cat == nil {
		var err error
		if cat, err = assess.Catalog("", asOf); err != nil {
			return assess.Options{}, asOf, fmt.Errorf("catalog: %w", err)
		}
	} else if !asOf.IsZero() {
		cat = cat.InForce(asOf)
	}
	aopts := opts.Assess
	aopts.Catalog = cat
	return aopts, asOf, nil
}

// parts are what a report gathers beside the assessment, from a corpus in
// memory or a stream.
type parts struct {
	fsum          flags.Summary
	sectors       []reports.Tally // compared each on its own, in display order
	databases     []reports.Database
	opportunities *oppTable
	changes       *reports.Changes // nil without a baseline
	counts        methodCounts
	// ministries and sectorNames are the names the filters matched; nil
	// without a filter.
	ministries, sectorNames []string
}

// assemble arranges the assessment and the parts as the report's input.
func assemble(opts Options, asOf time.Time, a *assess.Assessment, p parts) *reports.Input {
	setStates(p.sectors, a.SectorStates())
	now, withFlags := a.Scenario(compare.ScenarioCurrent), a.Scenario(compare.ScenarioFlagsApplied)
	in := &reports.Input{Title: opts.Title, Generated: opts.Generated, Target: float(a.Target.Headline())}
	in.Scope = scope(opts, asOf)
	in.Scope.Ministries, in.Scope.Sectors = p.ministries, p.sectorNames
	in.Total = tally("", &now.Tally, &withFlags.Tally)
	in.Total.FlaggedPapers, in.Total.FlaggedProcedures = p.fsum.PapersFlagged, p.fsum.Affected
	in.Total.States = statesOf(a.States())

	in.Ministries = ministries(now, withFlags, p.fsum.ByMinistry)
	ministryStates := a.MinistryStates()
	for i := range ministryStates {
		ministryStates[i].Name = ministryName(ministryStates[i].Name)
	}
	setStates(in.Ministries, ministryStates)
	in.Sectors = p.sectors
	in.Databases = p.databases
	p.opportunities.set(in)
	in.Changes = p.changes
	in.Method = method(a.Params, a.Model, a.Catalog, p.counts)
	inputs := a.Inputs(10)
	in.Method.MeasuredShare, in.Method.FromSheet = float(inputs.Coverage.MeasuredShare()), inputs.Coverage.FromSheet
	for _, pc := range inputs.CollectFirst {
		in.Method.CollectFirst = append(in.Method.CollectFirst, reports.ProcedureRef{Code: pc.Code, Name: pc.Name,
			Ministry: pc.Ministry, Annual: money(pc.Annual), Volume: pc.Volume})
	}
	in.Method.Scope = string(a.Scope)
	if at := a.Attribution; at != nil {
		for _, ev := range corpus.Evidences {
			if n := at.ByEvidence[ev]; n > 0 && ev != corpus.EvidenceNone {
				in.Method.Attributed = append(in.Method.Attributed, reports.EvidenceCount{Evidence: string(ev), Records: n})
			}
		}
		for _, u := range at.Unattributed {
			in.Method.Unattributed = append(in.Method.Unattributed, reports.ProcedureRef{Code: u.ID, Name: u.Name})
		}
	}
	in.Targets = targets(a, now, withFlags, opts.Generated)
	in.Decisions = decided(a.Decided)
	return in
}

// narrow keeps the procedures of the ministry and sector asked for.
func narrow(procs []*corpus.Procedure, ministry, sector string) ([]*corpus.Procedure, error) {
	if ministry == "" && sector == "" {
		return procs, nil
	}
	n := NewNarrowing(ministry, sector)
	for _, p := range procs {
		n.Count(p.Ministry, p.Sector)
	}
	keep, err := n.Keep()
	if err != nil {
		return nil, err
	}
	var out []*corpus.Procedure
	for _, p := range procs {
		if keep(p.Ministry, p.Sector) {
			out = append(out, p)
		}
	}
	return out, nil
}

// Narrowing decides which procedures a report narrowed to a ministry and a
// sector keeps, from the ministries and sectors its records state
// (Count), as [Collect] narrows a corpus in memory: an exact name,
// ignoring case and diacritics, else a part of one.
type Narrowing struct {
	ministry, sector string
	pairs            map[[2]string]int
}

// NewNarrowing narrows to ministry and sector; empty means any.
func NewNarrowing(ministry, sector string) *Narrowing {
	return &Narrowing{ministry: ministry, sector: sector, pairs: map[[2]string]int{}}
}

// Count counts a record of ministry and sector.
func (n *Narrowing) Count(ministry, sector string) { n.pairs[[2]string{ministry, sector}]++ }

// Keep returns whether a procedure of a ministry and sector counted is
// kept, or an error wrapping [ErrNoMatch] naming the names known when the
// ministry or sector asked for matches none.
func (n *Narrowing) Keep() (func(ministry, sector string) bool, error) {
	kept := n.pairs
	folded := map[string]string{}
	foldOf := func(v string) string {
		f, ok := folded[v]
		if !ok {
			f = fold(v)
			folded[v] = f
		}
		return f
	}
	for i, f := range []struct{ what, want string }{{"ministry", n.ministry}, {"sector", n.sector}} {
		if f.want == "" {
			continue
		}
		want := fold(f.want)
		exact := false
		for pair := range kept {
			if foldOf(pair[i]) == want {
				exact = true
				break
			}
		}
		next := map[[2]string]int{}
		counts := map[string]int{}
		for pair, c := range kept {
			if pair[i] != "" {
				counts[pair[i]] += c
			}
			v := foldOf(pair[i])
			if v == want || (!exact && want != "" && strings.Contains(v, want)) {
				next[pair] = c
			}
		}
		if len(next) == 0 {
			return nil, fmt.Errorf("%w %s %q (known: %s)", ErrNoMatch, f.what, f.want, known(counts))
		}
		kept = next
	}
	return func(ministry, sector string) bool {
		_, ok := kept[[2]string{ministry, sector}]
		return ok
	}, nil
}

// names lists the distinct values of get in base and cur, sorted.
func names(base, cur []*corpus.Procedure, get func(*corpus.Procedure) string) []string {
	seen := map[string]bool{}
	var out []string
	for _, ps := range [][]*corpus.Procedure{base, cur} {
		for _, p := range ps {
			if v := get(p); v != "" && !seen[v] {
				seen[v] = true
				out = append(out, v)
			}
		}
	}
	sort.Strings(out)
	return out
}

func fold(s string) string { return strings.Join(vntext.FoldedWords(s), " ") }

// known lists up to 12 distinct values of counts, most frequent first.
func known(counts map[string]int) string {
	vals := make([]string, 0, len(counts))
	for v := range counts {
		vals = append(vals, v)
	}
	sort.Slice(vals, func(i, j int) bool {
		if counts[vals[i]] != counts[vals[j]] {
			return counts[vals[i]] > counts[vals[j]]
		}
		return vals[i] < vals[j]
	})
	more := ""
	if len(vals) > 12 {
		more = fmt.Sprintf(" and %d more", len(vals)-12)
		vals = vals[:12]
	}
	if len(vals) == 0 {
		return "none stated"
	}
	return strings.Join(vals, ", ") + more
}

// unread lists what a walk did not read: the files and records that
// failed, then the files skipped on purpose, each in the walk's order.
func unread(s *corpus.Summary) []reports.Unread {
	var out []reports.Unread
	for _, e := range s.Errors {
		place := e.File
		if e.Line > 0 {
			place = fmt.Sprintf("%s:%d", e.File, e.Line)
		}
		if e.Record > 0 {
			place = fmt.Sprintf("%s (record %d)", place, e.Record)
		}
		out = append(out, reports.Unread{Place: place, Reason: e.Err.Error()})
	}
	for _, sk := range s.Skipped {
		out = append(out, reports.Unread{Place: sk.File, Reason: sk.Reason, Skipped: true})
	}
	return out
}

func scope(opts Options, asOf time.Time) reports.Scope {
	sc := reports.Scope{Ministry: opts.Ministry, Sector: opts.Sector, Corpus: opts.Corpus, Baseline: opts.BaselineLabel}
	if s := opts.CurrentSummary; s != nil {
		sc.Procedures, sc.Files, sc.ReadErrors = s.Procedures, s.Files, len(s.Errors)
		sc.Unread = unread(s)
	}
	if s := opts.BaselineSummary; s != nil && (opts.Baseline != nil || opts.streamedBaseline) {
		sc.BaselineProcedures, sc.BaselineFiles, sc.BaselineReadErrors = s.Procedures, s.Files, len(s.Errors)
		sc.BaselineUnread = unread(s)
		if sc.Baseline == "" {
			sc.Baseline = "baseline"
		}
	}
	if !asOf.IsZero() {
		sc.AsOf = asOf.Format("2006-01-02")
	}
	return sc
}

// money rounds an amount of đồng to a whole number.
func money(a cost.Amount) int64 {
	r := a.Round(0).Rat()
	if !r.Num().IsInt64() {
		return 0
	}
	return r.Num().Int64()
}

func float(a cost.Amount) float64 {
	f, _ := a.Rat().Float64()
	return f
}

func count(c, f compare.Count) reports.Count {
	return reports.Count{Baseline: c.Baseline, Current: c.Current, Cut: c.Cut, CutFlags: f.Cut, Added: c.Added,
		Percent: float(c.Percent), PercentFlags: float(f.Percent)}
}

func tally(name string, c, f *compare.Tally) reports.Tally {
	return reports.Tally{
		Name:        name,
		Regulations: count(c.Regulations, f.Regulations),
		Procedures:  count(c.Procedures, f.Procedures),
		Conditions:  count(c.Conditions, f.Conditions),
		Papers:      count(c.Papers, f.Papers),
		Cost: reports.Money{
			Before: money(c.Cost.Before), After: money(c.Cost.After), AfterFlags: money(f.Cost.After),
			Saving: money(c.Cost.Saving), SavingFlags: money(f.Cost.Saving),
			Percent: float(c.Cost.Percent), PercentFlags: float(f.Cost.Percent),
			AssumedShare: float(c.Cost.AssumedShareAfter()),
		},
		Time: timeOf(c.Time, f.Time),
	}
}

// targets sets both scenarios' cuts beside every target shown on day.
func targets(a *assess.Assessment, now, withFlags *compare.Scenario, day time.Time) []reports.TargetGap {
	cites := map[string][2]string{}
	for _, p := range target.Shown(a.Target, day) {
		cites[p.Name] = [2]string{p.Citation, p.CitationVi}
	}
	within := map[[2]string]cost.Amount{}
	for _, g := range a.Gaps(withFlags, day) {
		if g.Measured {
			within[[2]string{g.Preset, string(g.Unit)}] = g.Achieved
		}
	}
	var out []reports.TargetGap
	for _, g := range a.Gaps(now, day) {
		t := reports.TargetGap{Preset: g.Preset, Citation: cites[g.Preset][0], CitationVi: cites[g.Preset][1], Asked: g.Preset == a.Target.Name,
			Unit: string(g.Unit), Target: float(g.Target), Measured: g.Measured, Achieved: float(g.Achieved), Met: g.Met}
		t.WithinReach = float(within[[2]string{g.Preset, string(g.Unit)}])
		out = append(out, t)
	}
	return out
}

// decided converts the verdicts on the Government's decisions; nil when
// no row concerns the procedures.
func decided(d assess.DecisionSummary) *reports.Decisions {
	if d.Judged == 0 {
		return nil
	}
	out := &reports.Decisions{Judged: d.Judged, Applied: d.Applied, NotApplied: d.NotApplied, PaperNotFound: d.PaperNotFound}
	for _, m := range d.Ministries {
		out.Ministries = append(out.Ministries, reports.DecisionCount{Name: ministryName(m.Name), Applied: m.Applied,
			NotApplied: m.NotApplied, PaperNotFound: m.PaperNotFound})
	}
	for _, v := range d.Verdicts {
		if v.Outcome != decisions.NotApplied {
			continue
		}
		out.Pending = append(out.Pending, reports.PendingDecision{
			ProcedureRef: reports.ProcedureRef{Code: v.ID, Name: v.Name, Ministry: ministryName(v.Ministry), Sector: v.Sector},
			Paper:        v.PaperText, Citation: citeEnglish(v.Row), CitationVi: v.Row.Cite()})
	}
	return out
}

// citeEnglish names a decision's row in English: the built-in list by its
// resolution, a user's list by its own title.
func citeEnglish(r *decisions.Row) string {
	title := r.Title
	if strings.HasPrefix(title, "Nghị quyết 66.7/2025/NQ-CP") {
		title = "Resolution 66.7/2025/NQ-CP, Appendix I"
	}
	if r.Ref == "" {
		return title
	}
	return title + ", row " + r.Ref
}

// timeOf converts a processing-time cut in both scenarios.
func timeOf(c, f compare.TimeCut) reports.TimeCount {
	return reports.TimeCount{Procedures: c.Procedures, Unknown: c.Unknown, Baseline: float(c.BaselineDays), Current: float(c.CurrentDays),
		Percent: float(c.Percent), PercentFlags: float(f.Percent)}
}

// statesOf converts the assessment's status counts.
func statesOf(s assess.States) reports.PaperStates {
	c := func(n flags.StatusCount) reports.StateCount {
		return reports.StateCount{Papers: n.Papers, Procedures: n.Procedures}
	}
	return reports.PaperStates{Achieved: c(s.Achieved()), WithinReach: c(s.WithinReach()), MostPeople: c(s.MostPeople())}
}

// setStates sets the status counts of every tally from the group of its name.
func setStates(ts []reports.Tally, groups []assess.States) {
	byName := make(map[string]assess.States, len(groups))
	for _, g := range groups {
		byName[g.Name] = g
	}
	for i := range ts {
		ts[i].States = statesOf(byName[ts[i].Name])
	}
}

// setFlags copies the flagged counts of the group named name.
func setFlags(t *reports.Tally, groups []flags.Group, name string) {
	for _, g := range groups {
		if g.Key == name {
			t.FlaggedPapers, t.FlaggedProcedures = g.PapersFlagged, g.Affected
			return
		}
	}
}

func ministryName(n string) string {
	if n == compare.NoMinistry {
		return ""
	}
	return n
}

// ministries merges the two scenarios' ministry tallies, in the order of
// the saving with flags applied.
func ministries(now, withFlags *compare.Scenario, flagged []flags.Group) []reports.Tally {
	byName := map[string]*compare.Ministry{}
	for _, m := range now.Ministries {
		byName[m.Name] = m
	}
	var out []reports.Tally
	for _, f := range withFlags.Ministries {
		c := byName[f.Name]
		if c == nil {
			continue
		}
		t := tally(ministryName(f.Name), &c.Tally, &f.Tally)
		setFlags(&t, flagged, t.Name)
		out = append(out, t)
	}
	return out
}

// sectors compares each sector's procedures on their own, in the order of
// the saving with flags applied. A procedure whose sector changed since the
// baseline counts as abolished in one sector and new in the other.
func sectors(ctx context.Context, a *assess.Assessment, base, cur []*corpus.Procedure,
	flagged []flags.Group, hasBaseline bool) ([]reports.Tally, error) {
	group := func(ps []*corpus.Procedure) map[string][]*corpus.Procedure {
		g := map[string][]*corpus.Procedure{}
		for _, p := range ps {
			g[p.Sector] = append(g[p.Sector], p)
		}
		return g
	}
	bg, cg := group(base), group(cur)
	if !hasBaseline {
		bg = cg
	}
	names := map[string]bool{}
	for k := range bg {
		names[k] = true
	}
	for k := range cg {
		names[k] = true
	}
	list := make([]string, 0, len(names))
	for name := range names {
		list = append(list, name)
	}
	sort.Strings(list)
	// Most sectors are smaller than a comparison's unit of parallel work,
	// so the sectors themselves are shared among the cores, the largest
	// first.
	sort.SliceStable(list, func(i, j int) bool {
		return len(bg[list[i]])+len(cg[list[i]]) > len(bg[list[j]])+len(cg[list[j]])
	})
	out := make([]reports.Tally, len(list))
	errs := make([]error, len(list))
	var next atomic.Int64
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), len(list)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				i := int(next.Add(1)) - 1
				if i >= len(list) || ctx.Err() != nil {
					return
				}
				name := list[i]
				res, err := a.Compare(ctx, bg[name], cg[name])
				if err != nil {
					errs[i] = fmt.Errorf("compare sector %q: %w", name, err)
					return
				}
				out[i] = tally(name, &res.Scenarios[0].Tally, &res.Scenarios[1].Tally)
				setFlags(&out[i], flagged, name)
			}
		}()
	}
	wg.Wait()
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	if err := ctx.Err(); err != nil {
		return nil, fmt.Errorf("compare sectors: %w", err)
	}
	sortTallies(out)
	return out, nil
}

// sortTallies orders by saving with flags applied, then current cost, then name.
func sortTallies(ts []reports.Tally) {
	sort.Slice(ts, func(i, j int) bool {
		a, b := ts[i], ts[j]
		if a.Cost.SavingFlags != b.Cost.SavingFlags {
			return a.Cost.SavingFlags > b.Cost.SavingFlags
		}
		if a.Cost.After != b.Cost.After {
			return a.Cost.After > b.Cost.After
		}
		return a.Name < b.Name
	})
}

// databases groups the flagged papers by database.
func databases(results []flags.ProcedureResult, cur []*corpus.Procedure, cat *catalog.Catalog) []reports.Database {
	t := newDBTable(0)
	for i := range results {
		t.add(i, cur[i], &results[i])
	}
	return t.list(cat)
}

func ref(p *corpus.Procedure, papers int) reports.ProcedureRef {
	code := p.Code
	if code == "" {
		code = p.ID()
	}
	return reports.ProcedureRef{Code: code, Name: p.Name, Ministry: p.Ministry, Sector: p.Sector, Papers: papers}
}

// opportunities ranks the current procedures by the annual saving of
// dropping their flagged papers: the current cost minus the cost without them.
func opportunities(now, withFlags *compare.Scenario, results []flags.ProcedureResult, cur []*corpus.Procedure, fallback cost.FallbackKind) *oppTable {
	after := make([]*cost.ProcedureCost, len(cur))
	for _, ch := range now.Changes {
		if ch.Current >= 0 {
			after[ch.Current] = ch.After
		}
	}
	t := newOppTable(0, fallback)
	for _, ch := range withFlags.Changes {
		if i := ch.Current; i >= 0 {
			t.add(i, cur[i], &results[i], after[i], ch.After)
		}
	}
	return t
}

// costParts splits the annual saving from before to after by the kind of
// cost (a kind of paper, certified copies, another activity), largest
// first; parts that save nothing are left out.
func costParts(before, after *cost.ProcedureCost, fallback cost.FallbackKind) []reports.CostPart {
	type acc struct {
		saving cost.Amount
		params map[string]bool
	}
	parts := map[string]*acc{}
	add := func(pc *cost.ProcedureCost, sign int64) {
		for _, c := range pc.Components {
			key := c.Activity
			switch {
			case c.Activity == cost.ActivityCertifiedCopy:
				key = "certified_copy"
			case c.Kind != "":
				key = "paper_kinds." + c.Kind
			}
			a := parts[key]
			if a == nil {
				a = &acc{params: map[string]bool{}}
				parts[key] = a
			}
			a.saving = a.saving.Add(c.Cost.MulInt(pc.Volume * sign))
			for _, p := range c.Assumed {
				if strings.HasPrefix(p, key+".") || p == key {
					a.params[p] = true
				}
			}
		}
	}
	add(before, 1)
	add(after, -1)
	var out []reports.CostPart
	for key, a := range parts {
		s := money(a.saving)
		if s <= 0 {
			continue
		}
		p := reports.CostPart{Key: key, Saving: s,
			Default: key == "paper_kinds."+fallback.Otherwise || key == "paper_kinds."+fallback.WithForm}
		for name := range a.params {
			p.Params = append(p.Params, name)
		}
		sort.Strings(p.Params)
		out = append(out, p)
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Saving != out[j].Saving {
			return out[i].Saving > out[j].Saving
		}
		return out[i].Key < out[j].Key
	})
	return out
}

// changes lists the procedures added and abolished since the baseline.
func changes(now *compare.Scenario, base, cur []*corpus.Procedure) *reports.Changes {
	t := newChangeTable(0)
	for _, c := range now.Changes {
		switch c.Status {
		case compare.New:
			t.addNew(c.Current, cur[c.Current], c.After)
		case compare.Abolished:
			t.addAbolished(c.Base, base[c.Base], c.Before)
		}
	}
	return t.changes(now.Statuses)
}

// sourceKey takes the key of the catalog's sources that a document's
// source texts start with ("ref: in force 1 Jul 2024", "ref, bảng …") off
// both texts, and returns the file that source names (the first word of
// its description, when it is a path) and the rest of the texts. Texts
// that start with no key are returned as they are.
func sourceKey(sources map[string]string, en, vi string) (file, restEn, restVi string) {
	cut := func(s, key string) (string, bool) {
		rest, ok := strings.CutPrefix(s, key)
		if !ok || (rest != "" && !strings.ContainsAny(rest[:1], " ,:;")) {
			return s, false
		}
		return rest, true
	}
	keys := make([]string, 0, len(sources))
	for k := range sources {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool { // the longest key first
		if len(keys[i]) != len(keys[j]) {
			return len(keys[i]) > len(keys[j])
		}
		return keys[i] < keys[j]
	})
	for _, key := range keys {
		desc := sources[key]
		re, okEn := cut(en, key)
		rv, okVi := cut(vi, key)
		if !okEn || (vi != "" && !okVi) {
			continue
		}
		file = key
		if f := strings.Fields(desc); len(f) > 0 && strings.ContainsAny(f[0], "/.") {
			file = f[0]
		}
		return file, re, rv
	}
	return "", en, vi
}

// method gathers the parameters, sources and assumption counts.
func method(params *cost.Params, model *cost.Model, cat *catalog.Catalog, counts methodCounts) reports.Method {
	m := reports.Method{HourlyValue: float(model.HourlyValue()), CatalogFiles: cat.Files}
	origins := map[string]bool{}
	for _, np := range params.All() {
		p := np.Param
		m.Params = append(m.Params, reports.Param{Name: np.Name, Value: float(p.Value), Unit: p.Unit, UnitVi: p.UnitVi, AsOf: p.AsOf,
			Source: p.Source, SourceVi: p.SourceVi, Origin: p.Origin, Unconfirmed: p.Unconfirmed})
		if !origins[p.Origin] {
			origins[p.Origin] = true
			m.ParamFiles = append(m.ParamFiles, p.Origin)
		}
	}
	for _, d := range cat.Documents {
		doc := reports.Document{Title: d.Title, Status: string(d.Status), Source: d.Source, TitleVi: d.TitleVi, SourceVi: d.SourceVi}
		doc.SourceFile, doc.Source, doc.SourceVi = sourceKey(cat.Sources, d.Source, d.SourceVi)
		m.Documents = append(m.Documents, doc)
	}
	sort.Slice(m.Documents, func(i, j int) bool { return m.Documents[i].Title < m.Documents[j].Title })
	counts.set(&m)
	return m
}

// methodCountsOf counts what the costs of the current side rest on.
func methodCountsOf(now, withFlags *compare.Scenario) methodCounts {
	var counts methodCounts
	withFlagsAfter := map[int]*cost.ProcedureCost{}
	for _, ch := range withFlags.Changes {
		if ch.Current >= 0 {
			withFlagsAfter[ch.Current] = ch.After
		}
	}
	for _, ch := range now.Changes {
		if ch.Current >= 0 {
			counts.add(ch.After, withFlagsAfter[ch.Current])
		}
	}
	return counts
}
