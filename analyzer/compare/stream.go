package compare

import (
	"container/heap"

	"github.com/redtape-vn/redtape/analyzer/cost"
	"github.com/redtape-vn/redtape/corpus"
)

// Keep says which changes a [Streamer] keeps: it tallies every pair, but
// holds only the changes some output lists.
type Keep struct {
	// Top keeps the changes [Scenario.TopCuts] lists with n = Top, overall
	// and for each ministry: the Top largest positive savings of each.
	// Top ≤ 0 keeps every change with a positive saving.
	Top int
	// OnChange, when set, is handed every change whose status is not
	// Unchanged, of the scenario named, in the order the pairs are added:
	// a caller can keep the changes out of memory (a list of every changed
	// procedure of a large corpus).
	// The change handed over is light (see [Streamer]); it must not be
	// modified.
	OnChange func(scenario string, ch *Change)
}

// Streamer compares pairs of procedures handed over one at a time, as a
// stream, in the "current" and "flags_applied" scenarios, and keeps the
// tallies and the changes its [Keep] asks for, not the procedures. For
// the same pairs it gives the tallies of [Compare], and Scenario.TopCuts
// of its result lists what Compare's lists; the changes it keeps or hands
// over ([Keep.OnChange]) carry costs without their breakdown
// (ProcedureCost.Components and Notes are nil).
type Streamer struct {
	model, curModel *cost.Model
	target          cost.Amount
	d               *differ
	keep            Keep
	scenarios       [2]*streamScenario
}

// streamScenario is one scenario of a stream: its tallies and the changes
// kept.
type streamScenario struct {
	tally      *scenarioTally
	top        *changeHeap
	byMinistry map[string]*changeHeap
}

// NewStreamer returns a Streamer costing the baseline with model (nil
// means the default model) and the current side with opts.CurrentModel
// when set. opts.Drop is not used: each pair says which papers the
// flags-applied scenario drops ([Streamer.Diff]).
func NewStreamer(model *cost.Model, opts Options, keep Keep) *Streamer {
	if model == nil {
		model = cost.New(nil)
	}
	s := &Streamer{model: model, curModel: model, target: opts.Target, d: newDiffer(opts), keep: keep}
	if opts.CurrentModel != nil {
		s.curModel = opts.CurrentModel
	}
	if s.target.IsZero() {
		s.target = cost.Int(DefaultTarget)
	}
	for i, name := range []string{ScenarioCurrent, ScenarioFlagsApplied} {
		desc := currentDescription
		if name == ScenarioFlagsApplied {
			desc = dropDescription(opts.DropDescription)
		}
		s.scenarios[i] = &streamScenario{tally: newScenarioTally(name, desc, s.d.scopeOfSubject), top: &changeHeap{}, byMinistry: map[string]*changeHeap{}}
	}
	return s
}

// PairChanges is what became of one pair in each scenario.
type PairChanges struct {
	// Current and FlagsApplied are the pair's change in each scenario.
	Current, FlagsApplied *Change
	b, c, dropped         *corpus.Procedure
	cp, dp                *prepared // the current side, as published and dropped
}

// Diff compares the pair pr, baseline procedure b with current procedure
// c (either nil for a procedure on one side only), in both scenarios: the
// flags-applied one drops c's papers at the indexes removed. It may be
// called from several goroutines at once.
func (s *Streamer) Diff(b, c *corpus.Procedure, removed []int, pr Pair) *PairChanges {
	var bp *prepared
	if b != nil {
		bp = prepare(s.model, b, &s.d.keys)
	}
	out := &PairChanges{b: b, c: c}
	if c != nil {
		if s.curModel == s.model && b == c {
			out.cp = bp
		} else {
			out.cp = prepare(s.curModel, c, &s.d.keys)
		}
		out.dropped = c
		if len(removed) > 0 {
			out.dropped = dropPaperIndexes(c, removed)
		}
		out.dp = prepareDropped(s.curModel, c, out.cp, removed)
	}
	return s.diffPair(out, bp, pr)
}

// DiffAgain is Diff of b with the current procedure of like, a pair Diff
// gave, reusing what was prepared of that procedure: a current procedure
// matched to one baseline procedure in the whole comparison and to
// another within its group.
func (s *Streamer) DiffAgain(b *corpus.Procedure, like *PairChanges, pr Pair) *PairChanges {
	var bp *prepared
	if b != nil {
		bp = prepare(s.model, b, &s.d.keys)
	}
	out := &PairChanges{b: b, c: like.c, dropped: like.dropped, cp: like.cp, dp: like.dp}
	return s.diffPair(out, bp, pr)
}

// diffPair compares the pair out holds, given bp, the baseline side's
// prepared form.
func (s *Streamer) diffPair(out *PairChanges, bp *prepared, pr Pair) *PairChanges {
	out.Current = s.d.diff(out.b, out.c, bp, out.cp)
	out.FlagsApplied = s.d.diff(out.b, out.dropped, bp, out.dp)
	for _, ch := range []*Change{out.Current, out.FlagsApplied} {
		ch.Base, ch.Current, ch.MatchedBy = pr.Base, pr.Current, pr.By
	}
	return out
}

// dropPaperIndexes returns a copy of p without its papers at the indexes
// removed (sorted).
func dropPaperIndexes(p *corpus.Procedure, removed []int) *corpus.Procedure {
	q := *p
	q.Papers = make([]corpus.Paper, 0, len(p.Papers)-len(removed))
	r := 0
	for k, paper := range p.Papers {
		if r < len(removed) && removed[r] == k {
			r++
			continue
		}
		q.Papers = append(q.Papers, paper)
	}
	return &q
}

// Baseline returns the pair's baseline procedure, nil for a new one.
func (pc *PairChanges) Baseline() *corpus.Procedure { return pc.b }

// Tallies counts the changes of some pairs in both scenarios, in total
// (not per ministry, sector or scope), as a comparison of those pairs
// alone would: the Tally of each scenario of [Compare] of a part of the
// procedures, the pairs matched within that part.
type Tallies struct {
	target cost.Amount
	totals [2]Tally
}

// Tallies returns empty tallies with the streamer's target.
func (s *Streamer) Tallies() *Tallies { return &Tallies{target: s.target} }

// Add counts one pair's changes.
func (t *Tallies) Add(pc *PairChanges) {
	t.totals[0].add(pc.Current, pc.b, pc.c)
	t.totals[1].add(pc.FlagsApplied, pc.b, pc.dropped)
}

// Result finishes the tallies and returns those of the "current" and
// "flags_applied" scenarios.
func (t *Tallies) Result() [2]Tally {
	out := t.totals
	for i := range out {
		out[i].finish(t.target)
	}
	return out
}

// Add tallies one pair's changes and keeps those asked for. It must be
// called from one goroutine at a time.
func (s *Streamer) Add(pc *PairChanges) {
	for i, ch := range []*Change{pc.Current, pc.FlagsApplied} {
		c := pc.c
		if i == 1 {
			c = pc.dropped
		}
		sc := s.scenarios[i]
		sc.tally.add(ch, pc.b, c)
		var light *Change
		keep := func() *Change {
			if light == nil {
				light = lighten(ch)
			}
			return light
		}
		if ch.Status != Unchanged && s.keep.OnChange != nil {
			s.keep.OnChange(sc.tally.s.Name, keep())
		}
		if ch.Saving.Sign() > 0 {
			sc.top.offer(keep, ch, s.keep.Top)
			h := sc.byMinistry[ch.Ministry]
			if h == nil {
				h = &changeHeap{}
				sc.byMinistry[ch.Ministry] = h
			}
			h.offer(keep, ch, s.keep.Top)
		}
	}
}

// Result finishes the tallies and returns the comparison. Each scenario's
// Changes hold the changes kept, in Compare's order.
func (s *Streamer) Result() *Result {
	res := &Result{Target: s.target}
	for _, sc := range s.scenarios {
		out := sc.tally.finish(s.target)
		seen := map[*Change]bool{}
		add := func(ch *Change) {
			if !seen[ch] {
				seen[ch] = true
				out.Changes = append(out.Changes, ch)
			}
		}
		for _, ch := range sc.top.items {
			add(ch)
		}
		for _, h := range sc.byMinistry {
			for _, ch := range h.items {
				add(ch)
			}
		}
		sortChanges(out.Changes)
		res.Scenarios = append(res.Scenarios, out)
	}
	return res
}

// lighten returns a copy of ch whose costs keep their figures but not
// their breakdown.
func lighten(ch *Change) *Change {
	out := *ch
	for _, pc := range []**cost.ProcedureCost{&out.Before, &out.After} {
		if *pc != nil {
			c := **pc
			c.Components, c.Notes = nil, nil
			*pc = &c
		}
	}
	return &out
}

// changeHeap keeps the best changes offered, in Compare's order, with the
// worst on top.
type changeHeap struct {
	items []*Change
}

// offer keeps ch (as get returns it) when fewer than n are kept (n ≤ 0
// keeps all) or when it ranks before the worst kept, which it then drops.
func (h *changeHeap) offer(get func() *Change, ch *Change, n int) {
	if n <= 0 || len(h.items) < n {
		heap.Push(h, get())
		return
	}
	if CompareChanges(ch, h.items[0]) < 0 {
		h.items[0] = get()
		heap.Fix(h, 0)
	}
}

func (h *changeHeap) Len() int           { return len(h.items) }
func (h *changeHeap) Less(i, j int) bool { return CompareChanges(h.items[i], h.items[j]) > 0 }
func (h *changeHeap) Swap(i, j int)      { h.items[i], h.items[j] = h.items[j], h.items[i] }
func (h *changeHeap) Push(x any)         { h.items = append(h.items, x.(*Change)) }
func (h *changeHeap) Pop() any {
	last := h.items[len(h.items)-1]
	h.items = h.items[:len(h.items)-1]
	return last
}
