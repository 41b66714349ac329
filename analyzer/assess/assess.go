// Package assess runs the one assessment every figure of redtape rests
// on: the catalog of digitised data in force on a day, the flag verdict on
// every current paper, the drop policy of each scenario
// ([flags.Status.Dropped]), the comparison of the baseline with the
// current procedures costed by the Standard Cost Model, and the target.
//
// The estimate and report commands, the web workspace and the index all
// call it, so that "flagged" and "cut" mean one thing everywhere: the same
// corpus and scenario give the same figures whatever prints them.
package assess

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/redtape-vn/redtape/analyzer/catalog"
	"github.com/redtape-vn/redtape/analyzer/compare"
	"github.com/redtape-vn/redtape/analyzer/cost"
	"github.com/redtape-vn/redtape/analyzer/decisions"
	"github.com/redtape-vn/redtape/analyzer/flags"
	"github.com/redtape-vn/redtape/analyzer/target"
	"github.com/redtape-vn/redtape/corpus"
)

// DropDescription says what the flags-applied scenario removes.
const DropDescription = "the current set of procedures without every paper flagged as held in a state database"

// ErrEmptyScope reports a scope that keeps no current procedure.
var ErrEmptyScope = errors.New("no procedure in scope")

// Options configure an assessment. The zero value assesses with the
// built-in catalog as it stands, the default cost parameters, the default
// target and the built-in ministry renamings.
type Options struct {
	// Catalog is the catalog of digitised data, already narrowed to the
	// entries in force (see [Catalog]); nil means the built-in one in force
	// on AsOf.
	Catalog *catalog.Catalog
	// AsOf is the day whose catalog entries apply when Catalog is nil; the
	// zero time means today.
	AsOf time.Time
	// Params are the cost-model parameters; nil means cost.Default().
	Params *cost.Params
	// Target is the target asked for: a named preset or a plain
	// percentage; the zero value means target.Default().
	Target target.Target
	// Volumes gives measured annual volumes by procedure code, and Sheets
	// official cost sheets (Circular 02/2017/TT-VPCP) that replace the
	// model's figures; nil for none.
	Volumes *cost.Volumes
	Sheets  *cost.Sheets
	// Scope keeps only the procedures of one scope (business-related,
	// citizen-only, ...); "" or compare.ScopeAll keeps every procedure.
	Scope compare.Scope
	// Decisions is the list of the Government's decisions the records are
	// checked against; nil means the built-in list (see [Decisions]).
	Decisions *decisions.List
	// Ministries renames former ministries; nil means the built-in
	// renamings of the 2025 reorganisation.
	Ministries *compare.Ministries
}

// Assessment is what one run found. Its fields are read only.
type Assessment struct {
	// Catalog is the catalog in force that the papers were judged against.
	Catalog *catalog.Catalog
	// Params are the cost parameters; BaselineModel costs the baseline and
	// Model the current procedures (they differ only where a cost sheet
	// gives figures before and after a cut).
	Params        *cost.Params
	BaselineModel *cost.Model
	Model         *cost.Model
	// Target is the target asked for; its headline percentage is the
	// comparison's target.
	Target target.Target
	// Scope is the scope the procedures were narrowed to; "" for all.
	Scope compare.Scope
	// Volumes and Sheets are the measured volumes and cost sheets joined;
	// nil for none.
	Volumes *cost.Volumes
	Sheets  *cost.Sheets
	// Decided says which of the Government's listed decisions the current
	// records apply.
	Decided DecisionSummary
	// Attribution says how the current records' ministries were found:
	// how many by each evidence, and every record left unattributed or
	// whose evidence disagrees, listed rather than merged silently.
	Attribution *compare.Attributions
	// Baseline and Current are the procedures compared.
	Baseline, Current []*corpus.Procedure
	// Flags holds the verdict on every paper of Current, in its order.
	Flags []flags.ProcedureResult
	// Comparison compares Baseline with Current as published
	// ([compare.ScenarioCurrent]) and with every paper dropped that
	// [flags.ScenarioReplaceable] drops ([compare.ScenarioFlagsApplied]).
	Comparison *compare.Result

	options   compare.Options
	byProc    map[*corpus.Procedure]int
	decisions *decisions.List

	// What a streamed assessment (Stream) keeps instead of the procedures.
	streamed                     bool
	nBaseline, nCurrent          int
	states                       *States
	ministryStates, sectorStates []States
	inputs                       *Inputs
}

// Procedures returns the number of baseline and current procedures
// assessed.
func (a *Assessment) Procedures() (baseline, current int) {
	if a.streamed {
		return a.nBaseline, a.nCurrent
	}
	return len(a.Baseline), len(a.Current)
}

// Catalog returns the built-in catalog, extended (or replaced, as the
// file says) by the catalog file at path when path is not empty, narrowed
// to the entries and legal bases in force on day. It is the one way
// commands load a catalog; its errors name the file.
func Catalog(path string, day time.Time) (*catalog.Catalog, error) {
	cat, err := catalog.Default()
	if err != nil {
		return nil, fmt.Errorf("built-in catalog: %w", err)
	}
	if path != "" {
		if cat, err = catalog.Load(path, cat); err != nil {
			return nil, err
		}
	}
	if day.IsZero() {
		day = time.Now()
	}
	return cat.InForce(day), nil
}

// Run assesses current against baseline. A nil baseline means the current
// set is its own baseline, so that only the flags-applied scenario
// measures anything.
func Run(ctx context.Context, baseline, current []*corpus.Procedure, opts Options) (*Assessment, error) {
	if baseline == nil {
		baseline = current
	}
	if opts.Scope != "" && opts.Scope != compare.ScopeAll {
		n := len(current)
		baseline, current = compare.FilterScope(baseline, opts.Scope), compare.FilterScope(current, opts.Scope)
		if len(current) == 0 && n > 0 {
			return nil, fmt.Errorf("%w: none of the %d current procedures is of scope %q", ErrEmptyScope, n, opts.Scope)
		}
	}
	a, err := prepare(opts)
	if err != nil {
		return nil, err
	}
	a.Baseline, a.Current = baseline, current
	results, err := flags.NewMatcher(a.Catalog).Procedures(ctx, current)
	if err != nil {
		return nil, fmt.Errorf("flag papers: %w", err)
	}
	a.Flags = results
	a.byProc = make(map[*corpus.Procedure]int, len(current))
	for i, p := range current {
		a.byProc[p] = i
	}
	a.options.Drop = a.drops(flags.ScenarioReplaceable)
	a.Decided = JudgeDecisions(a.decisions, current, a.Flags, a.Ministry)
	a.Attribution = compare.Attribute(current, nil)
	if a.Comparison, err = compare.Compare(ctx, a.Baseline, current, a.BaselineModel, a.options); err != nil {
		return nil, fmt.Errorf("compare: %w", err)
	}
	return a, nil
}

// prepare returns an assessment holding what opts ask for, with the
// defaults filled in: catalog, cost parameters and models, target, the
// Government's decisions and the comparison's options (without Drop).
func prepare(opts Options) (*Assessment, error) {
	a := &Assessment{Catalog: opts.Catalog, Params: opts.Params, Target: opts.Target, Scope: opts.Scope,
		Volumes: opts.Volumes, Sheets: opts.Sheets, decisions: opts.Decisions}
	if a.Catalog == nil {
		cat, err := Catalog("", opts.AsOf)
		if err != nil {
			return nil, err
		}
		a.Catalog = cat
	}
	if a.Params == nil {
		a.Params = cost.Default()
	}
	if a.Target.Name == "" {
		a.Target = target.Default()
	}
	names := opts.Ministries
	if names == nil {
		names = compare.DefaultMinistries()
	}
	model := cost.New(a.Params)
	if opts.Volumes != nil {
		model = model.WithVolumes(opts.Volumes)
	}
	a.BaselineModel, a.Model = model, model
	if opts.Sheets != nil {
		a.BaselineModel, a.Model = model.WithSheets(opts.Sheets, cost.Before), model.WithSheets(opts.Sheets, cost.After)
	}
	if a.decisions == nil {
		var err error
		if a.decisions, err = Decisions(""); err != nil {
			return nil, err
		}
	}
	a.options = compare.Options{Target: a.Target.Headline(), Ministries: names,
		DropDescription: DropDescription, CurrentModel: a.Model}
	return a, nil
}

// drops returns the paper filter of scenario sc over the current set.
func (a *Assessment) drops(sc flags.Scenario) func(p *corpus.Procedure, k int) bool {
	return func(p *corpus.Procedure, k int) bool {
		i, ok := a.byProc[p]
		if !ok {
			return false
		}
		papers := a.Flags[i].Papers
		return k < len(papers) && papers[k].Status.Dropped(sc)
	}
}

// FlagsOf returns the verdict on the papers of p, a procedure of the
// current set, and false for any other.
func (a *Assessment) FlagsOf(p *corpus.Procedure) (*flags.ProcedureResult, bool) {
	i, ok := a.byProc[p]
	if !ok {
		return nil, false
	}
	return &a.Flags[i], true
}

// Compare compares a part of the assessment (one sector's baseline and
// current procedures, say) with the same model, target, ministries and
// drop policy. Current procedures outside the assessment's current set
// drop no paper.
func (a *Assessment) Compare(ctx context.Context, baseline, current []*corpus.Procedure) (*compare.Result, error) {
	return compare.Compare(ctx, baseline, current, a.BaselineModel, a.options)
}

// Scenario returns the comparison's scenario named name, or nil.
func (a *Assessment) Scenario(name string) *compare.Scenario {
	for _, s := range a.Comparison.Scenarios {
		if s.Name == name {
			return s
		}
	}
	return nil
}

// Gaps sets the cuts scenario measured beside every target shown on day:
// the one asked for, then every preset in force (target.Shown), unit by
// unit (regulations, conditions, compliance cost, processing time).
func (a *Assessment) Gaps(s *compare.Scenario, day time.Time) []target.Gap {
	achieved := map[target.Unit]cost.Amount{
		target.Regulations: s.Regulations.Percent,
		target.Conditions:  s.Conditions.Percent,
		target.Cost:        s.Cost.Percent,
	}
	if s.Time.Procedures > 0 && !s.Time.BaselineDays.IsZero() {
		achieved[target.Time] = s.Time.Percent
	}
	if s.Conditions.Baseline == 0 {
		delete(achieved, target.Conditions)
	}
	return target.Gaps(target.Shown(a.Target, day), achieved)
}

// Inputs says what the current set's compliance cost rests on: measured
// or assumed volumes, the model or official cost sheets.
type Inputs struct {
	// Coverage splits the current annual cost by where its volume and
	// figures come from.
	Coverage cost.Coverage `json:"coverage"`
	// CollectFirst lists the procedures whose volume is assumed, largest
	// annual cost first: the volumes to collect first.
	CollectFirst []*cost.ProcedureCost `json:"collect_first"`
	// VolumesNotIn and SheetsNotIn list the codes of the volumes file and
	// of the cost sheets that matched no procedure assessed.
	VolumesNotIn []string `json:"volumes_not_matched,omitempty"`
	SheetsNotIn  []string `json:"sheets_not_matched,omitempty"`
}

// Inputs returns what the cost of the current set rests on, listing at
// most n procedures to collect volumes for first.
//
// A streamed assessment ([Stream]) returns the inputs it gathered, with
// the list of volumes to collect first as long as its Keep.Top.
func (a *Assessment) Inputs(n int) Inputs {
	if a.inputs != nil {
		return *a.inputs
	}
	var costs []*cost.ProcedureCost
	for _, ch := range a.Scenario(compare.ScenarioCurrent).Changes {
		if ch.After != nil {
			costs = append(costs, ch.After)
		}
	}
	in := Inputs{Coverage: cost.Cover(costs), CollectFirst: cost.CollectFirst(costs, n)}
	if in.CollectFirst == nil {
		in.CollectFirst = []*cost.ProcedureCost{}
	}
	if a.Volumes != nil || a.Sheets != nil {
		var codes []string
		for _, ps := range [][]*corpus.Procedure{a.Baseline, a.Current} {
			for _, p := range ps {
				codes = append(codes, p.Code)
			}
		}
		if a.Volumes != nil {
			in.VolumesNotIn = a.Volumes.NotIn(codes)
		}
		if a.Sheets != nil {
			in.SheetsNotIn = a.Sheets.NotIn(codes)
		}
	}
	return in
}
