package compare

import (
	"cmp"
	"context"
	"fmt"
	"github.com/redtape-vn/redtape/internal/memo"
	"runtime"
	"slices"
	"sort"
	"sync"

	"github.com/redtape-vn/redtape/analyzer/cost"
	"github.com/redtape-vn/redtape/corpus"
)

// Status is what became of a baseline procedure.
type Status string

// Statuses. Only abolished and simplified procedures count as cut.
const (
	Abolished  Status = "abolished"  // in the baseline, not in the current set
	Simplified Status = "simplified" // lighter in at least one way, heavier in none
	Mixed      Status = "mixed"      // lighter in some ways, heavier in others: not counted as cut
	Heavier    Status = "heavier"    // heavier in at least one way, lighter in none
	Unchanged  Status = "unchanged"  // no change in papers, conditions, fees, time, channels or cost
	New        Status = "new"        // in the current set only
)

// Reasons a matched procedure got lighter or heavier.
const (
	FewerPapers     = "fewer_papers"
	FewerConditions = "fewer_conditions"
	LowerFees       = "lower_fees"
	ShorterTime     = "shorter_time"
	MovedOnline     = "moved_online" // gained an online channel
	MorePapers      = "more_papers"
	MoreConditions  = "more_conditions"
	HigherFees      = "higher_fees"
	LongerTime      = "longer_time"
	LostOnline      = "lost_online" // lost its online channel
	// LowerCost and HigherCost are given only when none of the above
	// applies and the compliance cost changed all the same (a paper made
	// optional, fewer copies or certified copies, a channel added or lost
	// beside online).
	LowerCost  = "lower_cost"
	HigherCost = "higher_cost"
)

// Scenario names.
const (
	ScenarioCurrent      = "current"
	ScenarioFlagsApplied = "flags_applied"
)

// DefaultTarget is the reduction target in percent when none is given:
// Resolution 68/NQ-CP (2020) asks for at least 20% of business regulations
// and 20% of their compliance cost; Resolution 66/NQ-CP (2025) raised it to
// 30% (../shared/reference/cost-model.md).
const DefaultTarget = 20

// Options tune a comparison.
type Options struct {
	// Target is the reduction target in percent; 0 means DefaultTarget.
	Target cost.Amount
	// Drop, when set, adds the "flags_applied" scenario: the current set
	// without every paper Drop returns true for (p is a current procedure,
	// paperIndex an index into p.Papers). It is called from one goroutine,
	// procedure by procedure in order, each paper in order.
	Drop func(p *corpus.Procedure, paperIndex int) bool
	// DropDescription says what Drop removes, for the scenario's description.
	DropDescription string
	// CurrentModel, when set, costs the current procedures and the
	// flags-applied scenario, and the model given to Compare the baseline
	// alone: official cost sheets give a procedure's figures before and
	// after a cut (cost.Model.WithSheets with cost.Before and cost.After).
	CurrentModel *cost.Model
	// Ministries renames former ministries to their current names before
	// tallying; nil means DefaultMinistries.
	Ministries *Ministries
	// Similarity is the least word similarity at which a paper or condition
	// counts as reworded rather than removed and added; 0 means
	// DefaultSimilarity, above 1 turns rewording off.
	Similarity float64
}

// Result is a comparison of a baseline with a current set of procedures.
type Result struct {
	// Target is the reduction target in percent.
	Target cost.Amount `json:"target"`
	// Scenarios are "current", then "flags_applied" when asked for.
	Scenarios []*Scenario `json:"scenarios"`
}

// Scenario is the comparison of the baseline with one version of the
// current set.
type Scenario struct {
	// Name is ScenarioCurrent or ScenarioFlagsApplied.
	Name string `json:"name"`
	// Description says what the current side of the scenario is.
	Description string `json:"description"`
	Tally
	// Changes are every baseline and current procedure's fate, by saving
	// (largest first), then ID.
	Changes []*Change `json:"changes"`
	// Ministries are the tallies per ministry, by saving (largest first),
	// then name.
	Ministries []*Ministry `json:"ministries"`
	// Sectors are the tallies per sector (lĩnh vực), by saving (largest
	// first), then name.
	Sectors []*Sector `json:"sectors"`
	// Scopes are the tallies per scope (see ScopeOf), in the order of
	// Scopes, those with no procedure left out: published reduction
	// figures are for business-related procedures.
	Scopes []*ScopeTally `json:"scopes"`
}

// ScopeTally is the tally of one scope's procedures.
type ScopeTally struct {
	// Scope is the scope; a pair takes its baseline's scope when known,
	// else its current's.
	Scope Scope `json:"scope"`
	Tally
}

// scopeOf returns the scope of the pair: the baseline's when known, else
// the current's.
func scopeOf(b, c *corpus.Procedure, classify func(string) Scope) Scope {
	s := ScopeUnknown
	for _, p := range []*corpus.Procedure{b, c} {
		if p != nil {
			if s, _ = scopeOfWith(p, classify); s != ScopeUnknown {
				return s
			}
		}
	}
	return s
}

// Sector is the tally of one sector's procedures.
type Sector struct {
	// Name is the sector as the records state it, or NoSector.
	Name string `json:"name"`
	Tally
}

// NoSector names the group of procedures whose record states no sector.
const NoSector = "(sector not stated)"

// sectorOf returns the sector of the pair: the baseline's, else the
// current's, else NoSector.
func sectorOf(b, c *corpus.Procedure) string {
	for _, p := range []*corpus.Procedure{b, c} {
		if p != nil && p.Sector != "" {
			return p.Sector
		}
	}
	return NoSector
}

// Ministry is the tally of one ministry's procedures.
type Ministry struct {
	// Name is the ministry as the records state it, or NoMinistry.
	Name string `json:"name"`
	Tally
}

// NoMinistry names the group of procedures whose record states no ministry.
const NoMinistry = "(ministry not stated)"

// Tally counts the cuts of a scenario or a ministry.
type Tally struct {
	// Procedures counts procedures: Cut = abolished + simplified.
	Procedures Count `json:"procedures"`
	// Conditions counts conditions (yêu cầu, điều kiện): Cut = conditions
	// removed, including those of abolished procedures.
	Conditions Count `json:"conditions"`
	// Regulations counts the official units, procedures + conditions. A
	// procedure simplified only by fewer conditions is not counted as a
	// simplified procedure here: its removed conditions already count, and
	// one change is one cut.
	Regulations Count `json:"regulations"`
	// ConditionsOnly counts the simplified procedures whose only way of
	// getting lighter is fewer conditions: left out of Regulations.Cut.
	ConditionsOnly int `json:"simplified_by_conditions_only"`
	// Papers counts dossier components, a finer measure than the official
	// units: Cut = papers removed, including those of abolished procedures.
	Papers Count `json:"papers"`
	// Cost is the annual compliance cost.
	Cost CostCut `json:"cost"`
	// Statuses counts procedures by status.
	Statuses map[Status]int `json:"statuses"`
	// VolumeAssumed counts procedures costed at the assumed annual volume
	// (no record of the pair states one).
	VolumeAssumed int `json:"volume_assumed"`
	// Unknown counts procedures by what their records leave unknown and the
	// model counts as zero ("fees", "fee amount", "processing time"; see
	// cost.ProcedureCost.Unknown), on either side.
	Unknown map[string]int `json:"unknown"`
	// Time is the cut in total statutory processing time, in working days,
	// with the procedures whose time is unknown counted apart.
	Time TimeCut `json:"time"`
}

// Count is the cut of one unit.
//
// Cut is the official figure of the reference's formula, units abolished
// or simplified: Cut = Abolished + Simplified. For procedures, Abolished
// counts procedures no longer in the current set and Simplified those
// lighter in some way and heavier in none (one optional paper fewer is
// enough). For conditions and papers, Abolished counts those of abolished
// procedures and Simplified those removed from procedures kept. For
// regulations, each is the sum over procedures and conditions, except that
// a procedure simplified only by fewer conditions counts once, through its
// conditions (see [Tally]).
type Count struct {
	// Unit names what is counted: "procedures", "conditions",
	// "regulations (procedures + conditions)" or "papers".
	Unit string `json:"unit"`
	// CutMeans names what Cut counts: the constant [CutMeans], "abolished
	// or simplified", so that JSON readers see the figure named.
	CutMeans string `json:"cut_means"`
	// Baseline and Current are the numbers of units on each side.
	Baseline int `json:"baseline"`
	Current  int `json:"current"`
	// Cut is the number of baseline units abolished or simplified (see
	// [Tally] per unit).
	Cut int `json:"cut"`
	// Abolished and Simplified split Cut: units gone with an abolished
	// procedure, and units simplified or removed from a procedure kept.
	Abolished  int `json:"abolished"`
	Simplified int `json:"simplified"`
	// Added is the number of units the current side adds (new procedures,
	// papers or conditions added to matched procedures).
	Added int `json:"added"`
	// Percent is Cut / Baseline × 100: the figure judged against the target.
	Percent cost.Amount `json:"percent"`
	// AbolishedPercent and SimplifiedPercent are Abolished and Simplified
	// / Baseline × 100; they add up to Percent.
	AbolishedPercent  cost.Amount `json:"abolished_percent"`
	SimplifiedPercent cost.Amount `json:"simplified_percent"`
	// Gap is how many points Percent falls short of the target; 0 when met.
	Gap cost.Amount `json:"gap"`
	// Net is Cut − Added and NetPercent Net / Baseline × 100: the cut net
	// of what the current side adds, shown beside the official figure
	// (which does not net additions out) so that swapping one unit for
	// another is not read as a cut. Negative when more was added than cut.
	Net        int         `json:"net"`
	NetPercent cost.Amount `json:"net_percent"`
}

// CutMeans names the official figure, the units abolished or simplified
// (../shared/reference/cost-model.md: % cut = (abolished + simplified) /
// baseline).
const CutMeans = "abolished or simplified"

// CostCut is the change in annual compliance cost, in đồng per year.
type CostCut struct {
	// Before is the baseline's annual cost.
	Before cost.Amount `json:"before"`
	// After is the current side's annual cost, new procedures included.
	After cost.Amount `json:"after"`
	// NewCost is the part of After due to new procedures.
	NewCost cost.Amount `json:"new_cost"`
	// Saving is Before − After (negative when costs rose).
	Saving cost.Amount `json:"saving"`
	// Percent is Saving / Before × 100.
	Percent cost.Amount `json:"percent"`
	// Gap is how many points Percent falls short of the target; 0 when met.
	Gap cost.Amount `json:"gap"`
	// BaselineSaving and BaselinePercent leave new procedures out: the cut
	// of the baseline procedures' own cost, Before − (After − NewCost).
	BaselineSaving  cost.Amount `json:"baseline_saving"`
	BaselinePercent cost.Amount `json:"baseline_percent"`
	// BeforeAssumed and AfterAssumed are the parts of Before and After that
	// rest on at least one assumed input.
	BeforeAssumed cost.Amount `json:"before_assumed"`
	AfterAssumed  cost.Amount `json:"after_assumed"`
}

// AssumedShareBefore returns the share (0–1) of Before resting on assumptions.
func (c CostCut) AssumedShareBefore() cost.Amount { return c.BeforeAssumed.Div(c.Before) }

// AssumedShareAfter returns the share (0–1) of After resting on assumptions.
func (c CostCut) AssumedShareAfter() cost.Amount { return c.AfterAssumed.Div(c.After) }

// Change is what became of one procedure.
type Change struct {
	// ID, Code, Name and Ministry identify the procedure (the baseline's,
	// for a matched pair); Ministry is its current name (see Ministries).
	ID       string `json:"id"`
	Code     string `json:"code,omitempty"`
	Name     string `json:"name"`
	Ministry string `json:"ministry"`
	// Status is what became of it.
	Status Status `json:"status"`
	// MatchedBy is ByCode or ByName for a matched pair.
	MatchedBy string `json:"matched_by,omitempty"`
	// Reasons lists the ways it got lighter or heavier, sorted.
	Reasons []string `json:"reasons,omitempty"`
	// Base and Current index the procedure in the baseline and current
	// sets; -1 on the side it is missing from.
	Base    int `json:"base"`
	Current int `json:"current"`
	// PapersRemoved and PapersAdded index papers of the baseline procedure
	// with no counterpart in the current one, and the reverse; all papers
	// of an abolished procedure are removed, all of a new one added.
	PapersRemoved []int `json:"papers_removed,omitempty"`
	PapersAdded   []int `json:"papers_added,omitempty"`
	// PapersReworded pairs a baseline paper's index with the current
	// paper that rewords it (see DefaultSimilarity); those count neither as
	// removed nor as added.
	PapersReworded [][2]int `json:"papers_reworded,omitempty"`
	// ConditionsRemoved, ConditionsAdded and ConditionsReworded index
	// conditions the same way.
	ConditionsRemoved  []int    `json:"conditions_removed,omitempty"`
	ConditionsAdded    []int    `json:"conditions_added,omitempty"`
	ConditionsReworded [][2]int `json:"conditions_reworded,omitempty"`
	// Before and After are the costs on each side; nil on a missing side.
	// A matched pair is costed at one annual volume, the baseline's when its
	// record states one, else the current's.
	Before *cost.ProcedureCost `json:"-"`
	After  *cost.ProcedureCost `json:"-"`
	// Saving is the annual cost before minus after, in đồng.
	Saving cost.Amount `json:"saving"`

	// days are the processing days of the baseline and current sides, and
	// whether each is known, once daysSet: computed once by diff for every
	// tally the change counts in.
	days    [2]cost.Amount
	daysOK  [2]bool
	daysSet bool
}

// Compare matches baseline with current (see [Match]) and tallies the cuts
// per unit, in cost and per ministry, with model costing each procedure
// (nil means the default model).
func Compare(ctx context.Context, baseline, current []*corpus.Procedure, model *cost.Model, opts Options) (*Result, error) {
	if model == nil {
		model = cost.New(nil)
	}
	target := opts.Target
	if target.IsZero() {
		target = cost.Int(DefaultTarget)
	}
	d := newDiffer(opts)
	pairs := Match(baseline, current)
	baseCosts, err := prepareAll(ctx, model, baseline, nil, &d.keys)
	if err != nil {
		return nil, err
	}
	curModel, done := model, reuse(baseline, baseCosts) // a record on both sides is prepared once
	if opts.CurrentModel != nil && opts.CurrentModel != model {
		curModel, done = opts.CurrentModel, nil
	}
	curCosts, err := prepareAll(ctx, curModel, current, done, &d.keys)
	if err != nil {
		return nil, err
	}
	res := &Result{Target: target}
	s, err := scenario(ctx, ScenarioCurrent, currentDescription,
		pairs, baseline, current, baseCosts, curCosts, target, d)
	if err != nil {
		return nil, err
	}
	res.Scenarios = append(res.Scenarios, s)
	if opts.Drop != nil {
		dropped, removed := dropPapers(current, opts.Drop)
		dropCosts := make([]*prepared, len(current))
		err := parallel(ctx, len(current), func(i int) {
			dropCosts[i] = prepareDropped(curModel, current[i], curCosts[i], removed[i])
		})
		if err != nil {
			return nil, fmt.Errorf("cost procedures: %w", err)
		}
		s, err := scenario(ctx, ScenarioFlagsApplied, dropDescription(opts.DropDescription), pairs, baseline, dropped, baseCosts, dropCosts, target, d)
		if err != nil {
			return nil, err
		}
		res.Scenarios = append(res.Scenarios, s)
	}
	return res, nil
}

// withoutIndexes returns keys without the items at the indexes removed
// (sorted, each an index of keys).
func withoutIndexes(keys []string, removed []int) []string {
	out := make([]string, 0, len(keys)-len(removed))
	r := 0
	for k, key := range keys {
		if r < len(removed) && removed[r] == k {
			r++
			continue
		}
		out = append(out, key)
	}
	return out
}

// currentDescription describes the current scenario.
const currentDescription = "the current set of procedures against the baseline"

// dropDescription returns the flags-applied scenario's description: desc,
// or a general one when empty.
func dropDescription(desc string) string {
	if desc == "" {
		return "the current set of procedures without the dropped papers"
	}
	return desc
}

// prepareDropped returns the prepared form of the current procedure p
// without its papers at the indexes removed (sorted), given cp, p's own. A
// procedure's papers dropped are costed out of it, its cases kept
// (cost.Model.Without): costing the shorter record anew would count a case
// fewer under the average case rule and could raise the cost. What remains
// of each paper removed that p's cost counted is added back
// (cost.Model.LookedUp): looking data up saves the paper, not the service
// behind it; a paper of a case not costed saves nothing and keeps nothing.
func prepareDropped(model *cost.Model, p *corpus.Procedure, cp *prepared, removed []int) *prepared {
	if len(removed) == 0 {
		return cp
	}
	d := &prepared{cost: model.WithoutCosted(p, cp.cost, removed), papers: withoutIndexes(cp.papers, removed), conditions: cp.conditions}
	var extra []cost.Component
	for _, k := range removed {
		if counted(cp.cost, k) {
			extra = append(extra, model.LookedUp(p, k)...)
		}
	}
	if len(extra) > 0 {
		d.cost = d.cost.With(extra, "data looked up instead of a paper: the service behind it is still costed")
	}
	return d
}

// counted reports whether pc costs paper k.
func counted(pc *cost.ProcedureCost, k int) bool {
	for _, c := range pc.Components {
		if c.Paper == k && c.Activity == cost.ActivityPaper {
			return true
		}
	}
	return false
}

// prepared is what a comparison needs of one procedure, computed once.
type prepared struct {
	cost       *cost.ProcedureCost
	papers     []string // folded paper texts
	conditions []string // folded conditions
}

// reuse maps each procedure to its prepared form.
func reuse(procs []*corpus.Procedure, prep []*prepared) map[*corpus.Procedure]*prepared {
	m := make(map[*corpus.Procedure]*prepared, len(procs))
	for i, p := range procs {
		m[p] = prep[i]
	}
	return m
}

// prepare costs p and folds its papers and conditions.
func prepare(model *cost.Model, p *corpus.Procedure, tk *textKeys) *prepared {
	return &prepared{cost: model.Procedure(p), papers: paperKeys(p, tk), conditions: conditionKeys(p, tk)}
}

// prepareAll costs procs and folds their papers and conditions on
// GOMAXPROCS workers, stopping when ctx is done. Procedures found in done
// are taken from it.
func prepareAll(ctx context.Context, model *cost.Model, procs []*corpus.Procedure, done map[*corpus.Procedure]*prepared, tk *textKeys) ([]*prepared, error) {
	out := make([]*prepared, len(procs))
	err := parallel(ctx, len(procs), func(i int) {
		if d, ok := done[procs[i]]; ok {
			out[i] = d
			return
		}
		out[i] = prepare(model, procs[i], tk)
	})
	if err != nil {
		return nil, fmt.Errorf("cost procedures: %w", err)
	}
	return out, nil
}

// parallel calls fn(i) for every i below n on GOMAXPROCS workers, in
// chunks, and stops handing out work when ctx is done.
func parallel(ctx context.Context, n int, fn func(i int)) error {
	const chunk = 256
	next := make(chan int)
	var wg sync.WaitGroup
	for range runtime.GOMAXPROCS(0) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for start := range next {
				for i := start; i < min(start+chunk, n); i++ {
					fn(i)
				}
			}
		}()
	}
	var err error
	for start := 0; start < n; start += chunk {
		if err = ctx.Err(); err != nil {
			break
		}
		next <- start
	}
	close(next)
	wg.Wait()
	return err
}

func scenario(ctx context.Context, name, desc string, pairs []Pair, baseline, current []*corpus.Procedure,
	basePrep, curPrep []*prepared, target cost.Amount, d *differ) (*Scenario, error) {
	t := newScenarioTally(name, desc, d.scopeOfSubject)
	for n, pr := range pairs {
		if n%1024 == 0 {
			if err := ctx.Err(); err != nil {
				return nil, fmt.Errorf("compare: %w", err)
			}
		}
		var b, c *corpus.Procedure
		var bp, cp *prepared
		if pr.Base >= 0 {
			b, bp = baseline[pr.Base], basePrep[pr.Base]
		}
		if pr.Current >= 0 {
			c, cp = current[pr.Current], curPrep[pr.Current]
		}
		ch := d.diff(b, c, bp, cp)
		ch.Base, ch.Current, ch.MatchedBy = pr.Base, pr.Current, pr.By
		t.s.Changes = append(t.s.Changes, ch)
		t.add(ch, b, c)
	}
	s := t.finish(target)
	sortChanges(s.Changes)
	return s, nil
}

// scenarioTally tallies a scenario's changes as they come: in total, per
// ministry, per sector and per scope.
type scenarioTally struct {
	s                   *Scenario
	ministries, sectors groups[string]
	scopes              groups[Scope]
	subjectScope        func(string) Scope // classifies one subject
}

// newScenarioTally returns an empty tally classifying subjects with
// subjectScope.
func newScenarioTally(name, desc string, subjectScope func(string) Scope) *scenarioTally {
	return &scenarioTally{s: &Scenario{Name: name, Description: desc},
		ministries: groups[string]{}, sectors: groups[string]{}, scopes: groups[Scope]{}, subjectScope: subjectScope}
}

// add counts ch, the change of the pair b, c (either may be nil).
func (t *scenarioTally) add(ch *Change, b, c *corpus.Procedure) {
	t.s.Tally.add(ch, b, c)
	t.ministries.add(ch.Ministry, ch, b, c)
	t.sectors.add(sectorOf(b, c), ch, b, c)
	t.scopes.add(scopeOf(b, c, t.subjectScope), ch, b, c)
}

// finish finishes the tallies against target and returns the scenario;
// its Changes are left as they are.
func (t *scenarioTally) finish(target cost.Amount) *Scenario {
	s := t.s
	s.Tally.finish(target)
	for _, k := range t.ministries.finished(target) {
		s.Ministries = append(s.Ministries, &Ministry{Name: k, Tally: *t.ministries[k]})
	}
	for _, k := range t.sectors.finished(target) {
		s.Sectors = append(s.Sectors, &Sector{Name: k, Tally: *t.sectors[k]})
	}
	t.scopes.finished(target)
	for _, sc := range Scopes {
		if g := t.scopes[sc]; g != nil {
			s.Scopes = append(s.Scopes, &ScopeTally{Scope: sc, Tally: *g})
		}
	}
	return s
}

// sortChanges orders changes by saving (largest first), then ID, then
// their indexes in the baseline and current sets.
func sortChanges(changes []*Change) {
	slices.SortStableFunc(changes, CompareChanges)
}

// CompareChanges orders changes as a scenario lists them: a before b
// (negative) when a saves more, then by ID, then by index in the baseline,
// then in the current set.
func CompareChanges(a, b *Change) int {
	return CompareOrder(a.Order(), b.Order())
}

// Order is what places a change in a scenario's list ([CompareChanges]):
// a list of changes kept elsewhere than in memory can be sorted by it.
type Order struct {
	Saving        cost.Amount
	ID            string
	Base, Current int
}

// Order returns what places ch in a scenario's list.
func (ch *Change) Order() Order {
	return Order{Saving: ch.Saving, ID: ch.ID, Base: ch.Base, Current: ch.Current}
}

// CompareOrder is [CompareChanges] on the changes' [Order].
func CompareOrder(a, b Order) int {
	if c := a.Saving.Cmp(b.Saving); c != 0 {
		return -c
	}
	if c := cmp.Compare(a.ID, b.ID); c != 0 {
		return c
	}
	if c := cmp.Compare(a.Base, b.Base); c != 0 {
		return c
	}
	return cmp.Compare(a.Current, b.Current)
}

// groups are the tallies of the pairs sharing a key: a ministry, a sector
// or a scope.
type groups[K cmp.Ordered] map[K]*Tally

// add counts one change into the tally of key k.
func (g groups[K]) add(k K, ch *Change, b, c *corpus.Procedure) {
	t := g[k]
	if t == nil {
		t = &Tally{}
		g[k] = t
	}
	t.add(ch, b, c)
}

// finished finishes every tally and returns the keys by saving (largest
// first), then key.
func (g groups[K]) finished(target cost.Amount) []K {
	keys := make([]K, 0, len(g))
	for k, t := range g {
		t.finish(target)
		keys = append(keys, k)
	}
	slices.SortFunc(keys, func(a, b K) int {
		if c := g[b].Cost.Saving.Cmp(g[a].Cost.Saving); c != 0 {
			return c
		}
		return cmp.Compare(a, b)
	})
	return keys
}

// TopCuts returns up to n changes with a positive saving, largest first,
// of one ministry or, when ministry is empty, of all. n ≤ 0 means all.
func (s *Scenario) TopCuts(n int, ministry string) []*Change {
	var out []*Change
	for _, ch := range s.Changes {
		if ch.Saving.Sign() <= 0 {
			break // Changes are sorted by saving
		}
		if ministry != "" && ch.Ministry != ministry {
			continue
		}
		out = append(out, ch)
		if n > 0 && len(out) == n {
			break
		}
	}
	return out
}

// ministryOf returns the current name of the ministry of the pair: the
// baseline's, else the current's, else NoMinistry. A record that states
// no ministry (one not read through corpus.Load) is attributed from what
// it says (corpus.AttributeMinistry).
func ministryOf(b, c *corpus.Procedure, names *Ministries) string {
	for _, p := range []*corpus.Procedure{b, c} {
		if p != nil && p.Ministry != "" {
			return names.Current(p.Ministry)
		}
	}
	for _, p := range []*corpus.Procedure{b, c} {
		if p == nil {
			continue
		}
		if m := corpus.AttributeMinistry(p).Ministry; m != "" {
			return names.Current(m)
		}
	}
	return NoMinistry
}

// differ compares the two sides of pairs under one comparison's settings,
// remembering what comes back from pair to pair. It is safe for
// concurrent use.
type differ struct {
	sim    float64 // the least similarity of a reworded paper or condition
	names  *Ministries
	keys   textKeys                 // paper and condition keys, and their word sets
	scopes memo.Memo[string, Scope] // the scope of each subject
}

// newDiffer returns the differ of opts, with the default of each setting
// opts leaves unset.
func newDiffer(opts Options) *differ {
	d := &differ{sim: opts.Similarity, names: opts.Ministries}
	if d.sim <= 0 {
		d.sim = DefaultSimilarity
	}
	if d.names == nil {
		d.names = DefaultMinistries()
	}
	return d
}

// scopeOfSubject is [subjectScope], remembered.
func (d *differ) scopeOfSubject(subject string) Scope { return d.scopes.Get(subject, subjectScope) }

// diff compares one pair; b or c may be nil.
func (d *differ) diff(b, c *corpus.Procedure, bp, cp *prepared) *Change {
	var bc, cc *cost.ProcedureCost
	if bp != nil {
		bc = bp.cost
	}
	if cp != nil {
		cc = cp.cost
	}
	ch := &Change{Ministry: ministryOf(b, c, d.names), Before: bc, After: cc, daysSet: true}
	ch.days[0], ch.daysOK[0] = ProcessingDays(b)
	ch.days[1], ch.daysOK[1] = ProcessingDays(c)
	id := b
	if id == nil {
		id = c
	}
	ch.ID, ch.Code, ch.Name = id.ID(), id.Code, id.Name
	switch {
	case c == nil:
		ch.Status = Abolished
		ch.Saving = bc.Annual
		ch.PapersRemoved, ch.ConditionsRemoved = indexes(len(b.Papers)), indexes(len(b.Conditions))
		return ch
	case b == nil:
		ch.Status = New
		ch.Saving = cost.Amount{}.Sub(cc.Annual)
		ch.PapersAdded, ch.ConditionsAdded = indexes(len(c.Papers)), indexes(len(c.Conditions))
		return ch
	}
	// A fee or processing time stated in one version only is taken for
	// both: a record that no longer states its fee has not cut it.
	switch {
	case feesKnown(bc) && !feesKnown(cc):
		cc = cc.Borrow(cost.ActivityFees, bc)
	case !feesKnown(bc) && feesKnown(cc):
		bc = bc.Borrow(cost.ActivityFees, cc)
	}
	switch bt, ct := timeKnown(bc), timeKnown(cc); {
	case bt && !ct:
		cc = cc.Borrow(cost.ActivityWaiting, bc)
	case !bt && ct:
		bc = bc.Borrow(cost.ActivityWaiting, cc)
	}
	// Both versions are costed at one volume: a change in demand is not a cut.
	switch {
	case bc.VolumeMeasured && (cc.Volume != bc.Volume || !cc.VolumeMeasured):
		cc = cc.WithVolume(bc.Volume, true)
	case !bc.VolumeMeasured && cc.VolumeMeasured:
		bc = bc.WithVolume(cc.Volume, true)
	}
	ch.Before, ch.After = bc, cc
	ch.Saving = bc.Annual.Sub(cc.Annual)
	ch.PapersRemoved, ch.PapersAdded = multisetDiff(bp.papers, cp.papers)
	ch.PapersRemoved, ch.PapersAdded, ch.PapersReworded = pairReworded(bp.papers, cp.papers, ch.PapersRemoved, ch.PapersAdded, d.sim, d.keys.wordSet)
	ch.ConditionsRemoved, ch.ConditionsAdded = multisetDiff(bp.conditions, cp.conditions)
	ch.ConditionsRemoved, ch.ConditionsAdded, ch.ConditionsReworded = pairReworded(bp.conditions, cp.conditions, ch.ConditionsRemoved, ch.ConditionsAdded, d.sim, d.keys.wordSet)
	lighter, heavier := 0, 0
	reason := func(cmp int, less, more string) {
		switch {
		case cmp < 0:
			ch.Reasons = append(ch.Reasons, less)
			lighter++
		case cmp > 0:
			ch.Reasons = append(ch.Reasons, more)
			heavier++
		}
	}
	// A paper or condition removed makes the procedure lighter and one added
	// makes it heavier, whatever the counts: swapping one paper for another
	// is a change both ways (mixed), not no change.
	reason(-boolInt(len(ch.PapersRemoved) > 0), FewerPapers, MorePapers)
	reason(boolInt(len(ch.PapersAdded) > 0), FewerPapers, MorePapers)
	reason(-boolInt(len(ch.ConditionsRemoved) > 0), FewerConditions, MoreConditions)
	reason(boolInt(len(ch.ConditionsAdded) > 0), FewerConditions, MoreConditions)
	if feesKnown(bc) && feesKnown(cc) { // a fee no longer stated is not a lower fee
		reason(cc.Fees.Cmp(bc.Fees), LowerFees, HigherFees)
	}
	if bt, ct := b.ProcessingTime(), c.ProcessingTime(); bt != nil && ct != nil && bt.Unit != "" && ct.Unit != "" {
		reason(cmp.Compare(ct.Hours(), bt.Hours()), ShorterTime, LongerTime)
	}
	reason(cmp.Compare(boolInt(hasOnline(b)), boolInt(hasOnline(c))), MovedOnline, LostOnline)
	if lighter == 0 && heavier == 0 {
		// Nothing above changed, yet the cost did: a paper made optional,
		// fewer copies, no certified copy, another channel. The status says
		// so instead of "unchanged".
		reason(-ch.Saving.Sign(), LowerCost, HigherCost)
	}
	sort.Strings(ch.Reasons)
	switch {
	case lighter > 0 && heavier > 0:
		ch.Status = Mixed
	case lighter > 0:
		ch.Status = Simplified
	case heavier > 0:
		ch.Status = Heavier
	default:
		ch.Status = Unchanged
	}
	return ch
}

// feesKnown reports whether every fee of pc is stated with its amount.
func feesKnown(pc *cost.ProcedureCost) bool {
	return !slices.Contains(pc.Unknown, "fees") && !slices.Contains(pc.Unknown, "fee amount")
}

// timeKnown reports whether pc's record states its processing time.
func timeKnown(pc *cost.ProcedureCost) bool { return !slices.Contains(pc.Unknown, "processing time") }

// indexes returns 0, 1, ..., n−1, or nil for 0.
func indexes(n int) []int {
	if n == 0 {
		return nil
	}
	out := make([]int, n)
	for i := range out {
		out[i] = i
	}
	return out
}

func hasOnline(p *corpus.Procedure) bool {
	for _, c := range p.Channels {
		if c.Mode == corpus.ModeOnline {
			return true
		}
	}
	return false
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

// add counts one change into t.
func (t *Tally) add(ch *Change, b, c *corpus.Procedure) {
	if t.Statuses == nil {
		t.Statuses = map[Status]int{}
	}
	t.Statuses[ch.Status]++
	if t.Unknown == nil {
		t.Unknown = map[string]int{}
	}
	var unknown []string // a few at most
	volumeAssumed := false
	for _, pc := range []*cost.ProcedureCost{ch.Before, ch.After} {
		if pc == nil {
			continue
		}
		volumeAssumed = volumeAssumed || !pc.VolumeMeasured
		for _, u := range pc.Unknown {
			if !slices.Contains(unknown, u) {
				unknown = append(unknown, u)
			}
		}
	}
	if volumeAssumed {
		t.VolumeAssumed++
	}
	if ch.daysSet {
		t.Time.addDays(b != nil, c != nil, ch.days[0], ch.days[1], ch.daysOK[0], ch.daysOK[1], ch.Status)
	} else {
		t.Time.add(b, c, ch.Status)
	}
	for _, u := range unknown {
		t.Unknown[u]++
	}
	if b != nil {
		t.Procedures.Baseline++
		t.Papers.Baseline += len(b.Papers)
		t.Conditions.Baseline += len(b.Conditions)
		t.Cost.Before = t.Cost.Before.Add(ch.Before.Annual)
		t.Cost.BeforeAssumed = t.Cost.BeforeAssumed.Add(ch.Before.AnnualAssumed)
	}
	if c != nil {
		t.Procedures.Current++
		t.Papers.Current += len(c.Papers)
		t.Conditions.Current += len(c.Conditions)
		t.Cost.After = t.Cost.After.Add(ch.After.Annual)
		t.Cost.AfterAssumed = t.Cost.AfterAssumed.Add(ch.After.AnnualAssumed)
	}
	switch ch.Status {
	case New:
		t.Procedures.Added++
		t.Papers.Added += len(c.Papers)
		t.Conditions.Added += len(c.Conditions)
		t.Cost.NewCost = t.Cost.NewCost.Add(ch.After.Annual)
	case Abolished:
		t.Procedures.Abolished++
		t.Papers.Abolished += len(ch.PapersRemoved)
		t.Conditions.Abolished += len(ch.ConditionsRemoved)
	default:
		if ch.Status == Simplified {
			t.Procedures.Simplified++
			if slices.Equal(ch.Reasons, []string{FewerConditions}) {
				t.ConditionsOnly++
			}
		}
		t.Papers.Simplified += len(ch.PapersRemoved)
		t.Papers.Added += len(ch.PapersAdded)
		t.Conditions.Simplified += len(ch.ConditionsRemoved)
		t.Conditions.Added += len(ch.ConditionsAdded)
	}
}

// finish computes the percentages and gaps.
func (t *Tally) finish(target cost.Amount) {
	t.Procedures.Unit = "procedures"
	t.Conditions.Unit = "conditions"
	t.Papers.Unit = "papers"
	t.Regulations = Count{
		Unit:       "regulations (procedures + conditions)",
		Baseline:   t.Procedures.Baseline + t.Conditions.Baseline,
		Current:    t.Procedures.Current + t.Conditions.Current,
		Abolished:  t.Procedures.Abolished + t.Conditions.Abolished,
		Simplified: t.Procedures.Simplified - t.ConditionsOnly + t.Conditions.Simplified,
		Added:      t.Procedures.Added + t.Conditions.Added,
	}
	for _, c := range []*Count{&t.Procedures, &t.Conditions, &t.Regulations, &t.Papers} {
		c.CutMeans = CutMeans
		c.Cut = c.Abolished + c.Simplified
		whole := cost.Int(int64(c.Baseline))
		c.Percent = cost.Int(int64(c.Cut)).Percent(whole)
		c.AbolishedPercent = cost.Int(int64(c.Abolished)).Percent(whole)
		c.SimplifiedPercent = cost.Int(int64(c.Simplified)).Percent(whole)
		c.Gap = gap(target, c.Percent)
		c.Net = c.Cut - c.Added
		c.NetPercent = cost.Int(int64(c.Net)).Percent(whole)
	}
	t.Cost.Saving, t.Cost.Percent = cost.Cut(t.Cost.Before, t.Cost.After)
	t.Cost.BaselineSaving, t.Cost.BaselinePercent = cost.Cut(t.Cost.Before, t.Cost.After.Sub(t.Cost.NewCost))
	t.Cost.Gap = gap(target, t.Cost.Percent)
	t.Time.finish(target)
}

func gap(target, got cost.Amount) cost.Amount {
	if g := target.Sub(got); g.Sign() > 0 {
		return g
	}
	return cost.Amount{}
}
