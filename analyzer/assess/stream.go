package assess

import (
	"cmp"
	"context"
	"fmt"
	"runtime"
	"slices"
	"strings"

	"golang.org/x/sync/errgroup"

	"github.com/redtape-vn/redtape/analyzer/compare"
	"github.com/redtape-vn/redtape/analyzer/cost"
	"github.com/redtape-vn/redtape/analyzer/flags"
	"github.com/redtape-vn/redtape/corpus"
)

// Stream is the assessment of [Run] for current procedures handed over
// one at a time: it holds the baseline and the matching keys of the
// current set, and keeps of each current procedure only what the
// assessment reports (tallies, counts, the changes its [compare.Keep]
// asks for, the verdicts on the Government's decisions, the records left
// unattributed). Its [Assessment] has the figures of Run's for the same
// procedures, without the procedures, their flags or every change.
//
// Use: [NewStream] with the baseline and the current keys (read once
// beforehand), then, for each current procedure in order, [Stream.Assess]
// (from any goroutine) and [Stream.Add] (in order, from one goroutine),
// then [Stream.Finish].
type Stream struct {
	a        *Assessment
	baseline Baseline
	matcher  *flags.Matcher
	streamer *compare.Streamer
	current  []compare.Keys
	partner  []int32 // per current index: its baseline index, or -1
	by       []uint8 // per current index: 0 unmatched, 1 by code, 2 by name
	matched  []bool  // per baseline index
	next     int     // current index Add expects

	// Matching within groups (MatchWithin): per current index its
	// baseline counterpart in its group, or -1; per baseline index
	// whether one of its group matches it.
	groupPartner []int32
	groupMatched []bool

	judge      *DecisionJudge
	attributor *compare.Attributor
	states     States
	ministries map[string]*States
	sectors    map[string]*States
	coverage   cost.Coverage
	collect    []collectItem
	top        int
	codes      map[string]bool // codes of Volumes and Sheets: true once met
}

// collectItem is a procedure whose volume is assumed, with the change
// that ranks it among equals.
type collectItem struct {
	pc *cost.ProcedureCost
	ch *compare.Change
}

// InScope reports whether p is of the scope opts narrow the assessment
// to: [Run] assesses only such procedures, and a stream must be handed
// only those.
func (opts Options) InScope(p *corpus.Procedure) bool {
	return opts.Scope == "" || opts.Scope == compare.ScopeAll || compare.InScope(p, opts.Scope)
}

// Baseline is the baseline of a stream: the matching keys of its
// procedures ([compare.KeysOf]), in order, and a way to get procedure i,
// called each time it is compared (from several goroutines at once): once,
// or twice when it is matched within its group ([Stream.MatchWithin]) to
// another procedure than in the whole comparison.
type Baseline struct {
	Keys []compare.Keys
	Get  func(i int) (*corpus.Procedure, error)
}

// NewStream prepares the assessment of current procedures, whose matching
// keys ([compare.KeysOf]) are current, in their order, against baseline.
// Both sides hold only procedures in scope ([Options.InScope]). keep says
// which changes to keep beyond the tallies; keep.Top is also the length
// of the list of volumes to collect first ([Assessment.Inputs]).
func NewStream(baseline Baseline, current []compare.Keys, opts Options, keep compare.Keep) (*Stream, error) {
	a, err := prepare(opts)
	if err != nil {
		return nil, err
	}
	a.streamed = true
	a.nBaseline, a.nCurrent = len(baseline.Keys), len(current)
	s := &Stream{a: a, baseline: baseline, current: current, matcher: flags.NewMatcher(a.Catalog), top: keep.Top,
		streamer: compare.NewStreamer(a.BaselineModel, a.options, keep),
		partner:  make([]int32, len(current)), by: make([]uint8, len(current)), matched: make([]bool, len(baseline.Keys)),
		judge: NewDecisionJudge(a.decisions, a.Ministry), attributor: compare.NewAttributor(nil),
		states:     States{ByStatus: map[flags.Status]flags.StatusCount{}},
		ministries: map[string]*States{}, sectors: map[string]*States{}, codes: map[string]bool{},
	}
	var have []string
	if a.Volumes != nil {
		have = append(have, a.Volumes.Codes()...)
	}
	if a.Sheets != nil {
		have = append(have, a.Sheets.Codes()...)
	}
	for _, c := range have {
		s.codes[c] = false
	}
	for i := range s.partner {
		s.partner[i] = -1
	}
	for _, pr := range compare.MatchKeys(baseline.Keys, current) {
		if pr.Base < 0 || pr.Current < 0 {
			continue
		}
		s.partner[pr.Current], s.matched[pr.Base] = int32(pr.Base), true
		s.by[pr.Current] = 1
		if pr.By == compare.ByName {
			s.by[pr.Current] = 2
		}
	}
	return s, nil
}

// KeepBaseline returns what a stream needs of p, a baseline procedure:
// p without its publishing decision, agencies, levels, kind, steps, legal
// bases and results, which neither the cost model nor the comparison
// reads (the flags, the decisions and the attribution judge the current
// procedures only). A baseline held for a stream is smaller, and so
// written and read back sooner.
func KeepBaseline(p *corpus.Procedure) *corpus.Procedure {
	q := *p
	q.Decision, q.Authority, q.Agencies, q.Levels, q.Kind = "", nil, nil, nil, ""
	q.Steps, q.LegalBasis, q.Results = nil, nil, nil
	return &q
}

// MatchWithin asks the stream to match the procedures also within
// groups, as a comparison of each group alone would ([compare.MatchKeys]
// of the group's keys): base and current name the group of each baseline
// and current procedure, in order. Each [Item] then also carries the
// change of its procedure and its counterpart in the group, and
// [Stream.FinishWith] reports the baseline procedures unmatched in their
// group. It must be called before Assess.
func (s *Stream) MatchWithin(base, current []string) error {
	if len(base) != len(s.baseline.Keys) || len(current) != len(s.current) {
		return fmt.Errorf("groups of %d baseline and %d current procedures, for %d and %d", len(base), len(current), len(s.baseline.Keys), len(s.current))
	}
	type members struct{ base, current []int }
	groups := map[string]*members{}
	group := func(name string) *members {
		g := groups[name]
		if g == nil {
			g = &members{}
			groups[name] = g
		}
		return g
	}
	for i, name := range base {
		g := group(name)
		g.base = append(g.base, i)
	}
	for j, name := range current {
		g := group(name)
		g.current = append(g.current, j)
	}
	s.groupPartner = make([]int32, len(current))
	for j := range s.groupPartner {
		s.groupPartner[j] = -1
	}
	s.groupMatched = make([]bool, len(base))
	for _, g := range groups {
		bk, ck := make([]compare.Keys, len(g.base)), make([]compare.Keys, len(g.current))
		for k, i := range g.base {
			bk[k] = s.baseline.Keys[i]
		}
		for k, j := range g.current {
			ck[k] = s.current[j]
		}
		for _, pr := range compare.MatchKeys(bk, ck) {
			if pr.Base >= 0 && pr.Current >= 0 {
				i, j := g.base[pr.Base], g.current[pr.Current]
				s.groupPartner[j], s.groupMatched[i] = int32(i), true
			}
		}
	}
	return nil
}

// Item is one current procedure assessed, on its way to [Stream.Add].
type Item struct {
	group    *compare.PairChanges // the change within its group (MatchWithin)
	j        int
	baseCode string // the code of the baseline counterpart, if any
	p        *corpus.Procedure
	flags    flags.ProcedureResult
	pair     *compare.PairChanges
}

// Assess judges the papers of p, the current procedure at index j, and
// compares it with its baseline counterpart in both scenarios. It may be
// called from several goroutines at once.
func (s *Stream) Assess(j int, p *corpus.Procedure) (*Item, error) {
	if j < 0 || j >= len(s.partner) {
		return nil, fmt.Errorf("current procedure %d of %d: the current set changed while it was read", j+1, len(s.partner))
	}
	if compare.KeysOf(p) != s.current[j] {
		return nil, fmt.Errorf("current procedure %d (%s) is not the one read before: the current set changed while it was read", j+1, p.ID())
	}
	it := &Item{j: j, p: p, flags: s.matcher.Procedure(p)}
	var removed []int
	for k, pr := range it.flags.Papers {
		if pr.Status.Dropped(flags.ScenarioReplaceable) {
			removed = append(removed, k)
		}
	}
	pair := compare.Pair{Base: int(s.partner[j]), Current: j, By: [...]string{"", compare.ByCode, compare.ByName}[s.by[j]]}
	var b *corpus.Procedure
	if pair.Base >= 0 {
		var err error
		if b, err = s.baseline.Get(pair.Base); err != nil {
			return nil, fmt.Errorf("baseline procedure %d: %w", pair.Base+1, err)
		}
		it.baseCode = b.Code
	}
	it.pair = s.streamer.Diff(b, p, removed, pair)
	if s.groupPartner != nil {
		it.group = it.pair
		if gi := int(s.groupPartner[j]); gi != pair.Base {
			var gb *corpus.Procedure
			if gi >= 0 {
				var err error
				if gb, err = s.baseline.Get(gi); err != nil {
					return nil, fmt.Errorf("baseline procedure %d: %w", gi+1, err)
				}
			}
			it.group = s.streamer.DiffAgain(gb, it.pair, compare.Pair{Base: gi, Current: j})
		}
	}
	return it, nil
}

// Procedure returns the item's procedure.
func (it *Item) Procedure() *corpus.Procedure { return it.p }

// Flags returns the verdict on the item's papers.
func (it *Item) Flags() *flags.ProcedureResult { return &it.flags }

// Changes returns what became of the item's procedure in each scenario.
func (it *Item) Changes() *compare.PairChanges { return it.pair }

// GroupChanges returns what became of the item's procedure against its
// counterpart within its group ([Stream.MatchWithin]); nil without groups.
func (it *Item) GroupChanges() *compare.PairChanges { return it.group }

// Add counts an item. Items must come in the order of their indexes,
// each once.
func (s *Stream) Add(it *Item) error {
	if it.j != s.next {
		return fmt.Errorf("current procedure %d added out of order (expected %d)", it.j+1, s.next+1)
	}
	s.next++
	p := it.p
	s.streamer.Add(it.pair)
	s.judge.Add(p, it.flags)
	s.attributor.Add(p)
	s.states.add(&it.flags)
	for _, g := range []struct {
		m   map[string]*States
		key string
	}{{s.ministries, s.a.Ministry(p)}, {s.sectors, Sector(p)}} {
		st := g.m[g.key]
		if st == nil {
			st = &States{Name: g.key, ByStatus: map[flags.Status]flags.StatusCount{}}
			g.m[g.key] = st
		}
		st.add(&it.flags)
	}
	if pc := it.pair.Current.After; pc != nil {
		s.coverage.Add(pc)
		if !pc.VolumeMeasured {
			s.offerCollect(pc, it.pair.Current)
		}
	}
	s.noteCode(p.Code)
	if it.pair.Current.Base >= 0 {
		s.noteCode(it.baseCode)
	}
	return nil
}

// offerCollect keeps pc among the procedures to collect volumes for
// first when it ranks among the first s.top ([cost.CollectFirst]'s order,
// ties in the order of the changes).
func (s *Stream) offerCollect(pc *cost.ProcedureCost, ch *compare.Change) {
	light := *pc
	light.Components, light.Notes = nil, nil
	s.collect = append(s.collect, collectItem{pc: &light, ch: ch})
	if s.top > 0 && len(s.collect) >= 2*s.top+64 {
		s.trimCollect()
	}
}

// trimCollect sorts the procedures to collect volumes for first and keeps
// the first s.top.
func (s *Stream) trimCollect() {
	slices.SortFunc(s.collect, func(x, y collectItem) int {
		if c := y.pc.Annual.Cmp(x.pc.Annual); c != 0 {
			return c
		}
		if c := cmp.Compare(x.pc.Code, y.pc.Code); c != 0 {
			return c
		}
		if c := cmp.Compare(x.pc.ID, y.pc.ID); c != 0 {
			return c
		}
		return compare.CompareChanges(x.ch, y.ch)
	})
	if s.top > 0 && len(s.collect) > s.top {
		clear(s.collect[s.top:])
		s.collect = s.collect[:s.top]
	}
}

// noteCode records that a procedure of code was assessed, for the codes
// of the volumes and cost sheets that match none.
func (s *Stream) noteCode(code string) {
	code = strings.TrimSpace(code)
	if _, ok := s.codes[code]; ok {
		s.codes[code] = true
	}
}

// Finish compares the baseline procedures no current one matched
// (abolished) and returns the assessment. It fails when fewer current
// procedures were added than NewStream was given keys for.
func (s *Stream) Finish(ctx context.Context) (*Assessment, error) {
	return s.FinishWith(ctx, nil)
}

// Unmatched is a baseline procedure no current procedure matches, in the
// whole comparison or within its group ([Stream.MatchWithin]).
type Unmatched struct {
	// Abolished is its change when no current procedure matches it; nil
	// when one does.
	Abolished *compare.PairChanges
	// Group is its change when no current procedure of its group matches
	// it (Abolished itself when neither does); nil when one does or
	// groups were not asked for.
	Group *compare.PairChanges
}

// FinishWith is Finish that calls observe, when not nil, with every
// baseline procedure unmatched ([Unmatched]), in baseline order.
func (s *Stream) FinishWith(ctx context.Context, observe func(Unmatched)) (*Assessment, error) {
	if s.next != len(s.partner) {
		return nil, fmt.Errorf("%d of %d current procedures assessed: the current set changed while it was read", s.next, len(s.partner))
	}
	var unmatched []int
	for i, m := range s.matched {
		if !m || s.groupMatched != nil && !s.groupMatched[i] {
			unmatched = append(unmatched, i)
		}
	}
	// They are compared on every core, a slice at a time, so that only a
	// slice of their changes is held at once.
	const slice, chunk = 4096, 256
	pairs := make([]Unmatched, slice)
	for from := 0; from < len(unmatched); from += slice {
		part := unmatched[from:min(from+slice, len(unmatched))]
		g, gctx := errgroup.WithContext(ctx)
		g.SetLimit(runtime.GOMAXPROCS(0))
		for start := 0; start < len(part); start += chunk {
			g.Go(func() error {
				for k := start; k < min(start+chunk, len(part)); k++ {
					i := part[k]
					b, err := s.baseline.Get(i)
					if err != nil {
						return fmt.Errorf("baseline procedure %d: %w", i+1, err)
					}
					pc := s.streamer.Diff(b, nil, nil, compare.Pair{Base: i, Current: -1})
					u := Unmatched{Group: pc}
					if !s.matched[i] {
						u.Abolished = pc
					}
					if s.groupMatched == nil || s.groupMatched[i] {
						u.Group = nil
					}
					pairs[k] = u
				}
				return gctx.Err()
			})
		}
		if err := g.Wait(); err != nil {
			return nil, fmt.Errorf("compare: %w", err)
		}
		for _, u := range pairs[:len(part)] {
			if u.Abolished != nil {
				s.streamer.Add(u.Abolished)
			}
			if pc := u.Abolished; pc != nil {
				s.noteCode(pc.Current.Code)
			}
			if observe != nil {
				observe(u)
			}
		}
		clear(pairs)
	}
	a := s.a
	a.Comparison = s.streamer.Result()
	a.Decided = s.judge.Summary()
	a.Attribution = s.attributor.Result()
	a.states = &s.states
	a.ministryStates, a.sectorStates = sortedStates(s.ministries), sortedStates(s.sectors)
	s.trimCollect()
	in := Inputs{Coverage: s.coverage, CollectFirst: []*cost.ProcedureCost{}}
	for _, c := range s.collect {
		in.CollectFirst = append(in.CollectFirst, c.pc)
	}
	if a.Volumes != nil {
		in.VolumesNotIn = notMet(a.Volumes.Codes(), s.codes)
	}
	if a.Sheets != nil {
		in.SheetsNotIn = notMet(a.Sheets.Codes(), s.codes)
	}
	a.inputs = &in
	return a, nil
}

// notMet returns the codes of have not in met, in have's order.
func notMet(have []string, met map[string]bool) []string {
	var out []string
	for _, c := range have {
		if !met[c] {
			out = append(out, c)
		}
	}
	return out
}

// Tallies returns empty tallies for pairs of this stream's procedures
// (see [compare.Tallies]), with its target.
func (s *Stream) Tallies() *compare.Tallies { return s.streamer.Tallies() }

// Params returns the cost parameters the stream costs with.
func (s *Stream) Params() *cost.Params { return s.a.Params }
