package collect

import (
	"cmp"
	"slices"
	"sort"

	"github.com/redtape-vn/redtape/analyzer/catalog"
	"github.com/redtape-vn/redtape/analyzer/compare"
	"github.com/redtape-vn/redtape/analyzer/cost"
	"github.com/redtape-vn/redtape/analyzer/flags"
	"github.com/redtape-vn/redtape/corpus"
	"github.com/redtape-vn/redtape/reports"
)

// The tables below gather the report's lists one procedure at a time, for
// a corpus held in memory and for one read as a stream alike, so that both
// give the same report. Each list is ordered by a key and then by the
// place of its procedure in the input (seq), and keeps at most limit
// entries (0: all), counting the others.

// ranked is a list ordered by cmp, then by seq, keeping its first limit
// entries.
type ranked[T any] struct {
	cmp    func(a, b T) int
	limit  int
	items  []seqItem[T]
	sorted bool
	added  int
	onDrop func(T) // called with each entry trim drops
}

type seqItem[T any] struct {
	v   T
	seq int
}

func newRanked[T any](limit int, cmp func(a, b T) int, onDrop func(T)) *ranked[T] {
	return &ranked[T]{cmp: cmp, limit: limit, onDrop: onDrop}
}

// add offers v, the entry of the procedure at place seq.
func (r *ranked[T]) add(seq int, v T) {
	r.added++
	r.items = append(r.items, seqItem[T]{v: v, seq: seq})
	r.sorted = false
	if r.limit > 0 && len(r.items) >= 2*r.limit+64 {
		r.trim()
	}
}

// trim sorts the entries and drops those after the first limit.
func (r *ranked[T]) trim() {
	if !r.sorted {
		slices.SortFunc(r.items, func(a, b seqItem[T]) int {
			if c := r.cmp(a.v, b.v); c != 0 {
				return c
			}
			return cmp.Compare(a.seq, b.seq)
		})
		r.sorted = true
	}
	if r.limit > 0 && len(r.items) > r.limit {
		for _, it := range r.items[r.limit:] {
			if r.onDrop != nil {
				r.onDrop(it.v)
			}
		}
		clear(r.items[r.limit:])
		r.items = r.items[:r.limit]
	}
}

// list returns the entries kept, in order, and how many were left out.
func (r *ranked[T]) list() ([]T, int) {
	r.trim()
	out := make([]T, len(r.items))
	for i, it := range r.items {
		out[i] = it.v
	}
	return out, r.added - len(out)
}

// byRef orders procedure references by key, largest first, then code,
// then name.
func byRef(key func(reports.ProcedureRef) int64) func(a, b reports.ProcedureRef) int {
	return func(a, b reports.ProcedureRef) int {
		if c := cmp.Compare(key(b), key(a)); c != 0 {
			return c
		}
		if c := cmp.Compare(a.Code, b.Code); c != 0 {
			return c
		}
		return cmp.Compare(a.Name, b.Name)
	}
}

// dbTable groups the flagged papers by database.
type dbTable struct {
	limit int
	acc   map[string]*dbAcc
}

type dbAcc struct {
	db      reports.Database
	basis   map[string]bool
	entries map[string]int
	procs   *ranked[reports.ProcedureRef]
}

func newDBTable(limit int) *dbTable { return &dbTable{limit: limit, acc: map[string]*dbAcc{}} }

// add counts the flagged papers of p, the procedure at place seq, whose
// verdicts are r.
func (t *dbTable) add(seq int, p *corpus.Procedure, r *flags.ProcedureResult) {
	perDB := map[string]int{}
	var order []string
	for _, pr := range r.Papers {
		if !pr.Flagged {
			continue
		}
		a := t.acc[pr.Database]
		if a == nil {
			a = &dbAcc{db: reports.Database{Name: pr.Database, Owner: pr.Owner, NameVi: pr.DatabaseVi, OwnerVi: pr.OwnerVi}, basis: map[string]bool{},
				entries: map[string]int{}, procs: newRanked(t.limit, byRef(func(r reports.ProcedureRef) int64 { return int64(r.Papers) }), nil)}
			t.acc[pr.Database] = a
		}
		a.db.Papers++
		a.entries[pr.Entry]++
		if perDB[pr.Database] == 0 {
			order = append(order, pr.Database)
		}
		perDB[pr.Database]++
		for _, b := range pr.Basis {
			key := b.String()
			if !a.basis[key] {
				a.basis[key] = true
				a.db.Basis = append(a.db.Basis, reports.Basis{Citation: b.Citation(catalog.English), CitationVi: b.Citation(catalog.Vietnamese),
					Status: string(b.Status), Note: b.Note, NoteVi: b.NoteVi})
			}
		}
	}
	for _, name := range order {
		t.acc[name].procs.add(seq, ref(p, perDB[name]))
	}
}

// list returns the databases, most flagged papers first, then by name.
func (t *dbTable) list(cat *catalog.Catalog) []reports.Database {
	var out []reports.Database
	for _, a := range t.acc {
		sort.Slice(a.db.Basis, func(i, j int) bool { return a.db.Basis[i].Citation < a.db.Basis[j].Citation })
		for id, n := range a.entries {
			ec := reports.EntryCount{ID: id, Name: id, Papers: n}
			if e := cat.Entry(id); e != nil {
				ec.Name, ec.English, ec.Coverage = e.Name, e.English, string(e.Coverage)
			}
			a.db.Entries = append(a.db.Entries, ec)
		}
		sort.Slice(a.db.Entries, func(i, j int) bool {
			x, y := a.db.Entries[i], a.db.Entries[j]
			if x.Papers != y.Papers {
				return x.Papers > y.Papers
			}
			return x.ID < y.ID
		})
		a.db.Procedures, a.db.ProceduresOmitted = a.procs.list()
		out = append(out, a.db)
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Papers != out[j].Papers {
			return out[i].Papers > out[j].Papers
		}
		return out[i].Name < out[j].Name
	})
	return out
}

// oppTable ranks the current procedures by the annual saving of dropping
// their flagged papers. The split of each saving by kind of cost is made
// for the opportunities kept only.
type oppTable struct {
	fallback      cost.FallbackKind
	ops           *ranked[opportunity]
	omittedSaving int64
}

// opportunity is an opportunity with the costs its split is made from.
type opportunity struct {
	reports.Opportunity
	before, after *cost.ProcedureCost
}

func newOppTable(limit int, fallback cost.FallbackKind) *oppTable {
	t := &oppTable{fallback: fallback}
	t.ops = newRanked(limit, func(a, b opportunity) int {
		if c := cmp.Compare(b.Saving, a.Saving); c != 0 {
			return c
		}
		if c := cmp.Compare(a.Code, b.Code); c != 0 {
			return c
		}
		return cmp.Compare(a.Name, b.Name)
	}, func(o opportunity) { t.omittedSaving += o.Saving })
	return t
}

// add offers p, the procedure at place seq with verdicts r, costing before
// as published and after without its flagged papers.
func (t *oppTable) add(seq int, p *corpus.Procedure, r *flags.ProcedureResult, before, after *cost.ProcedureCost) {
	if r.Flagged == 0 || before == nil || after == nil {
		return
	}
	saving := before.Annual.Sub(after.Annual)
	if saving.Sign() <= 0 {
		return
	}
	o := opportunity{Opportunity: reports.Opportunity{ProcedureRef: ref(p, r.Flagged)}, before: before, after: after}
	o.ProcedureRef.Annual = money(before.Annual)
	o.Saving = money(saving)
	o.Percent = float(saving.Percent(before.Annual))
	o.AssumedShare = float(before.AssumedShare())
	o.Volume, o.VolumeMeasured = before.Volume, before.VolumeMeasured
	vi := map[string]string{}
	for _, pr := range r.Papers {
		if _, seen := vi[pr.Database]; pr.Flagged && !seen {
			vi[pr.Database] = pr.DatabaseVi
			o.Databases = append(o.Databases, pr.Database)
		}
	}
	sort.Strings(o.Databases)
	for _, d := range o.Databases {
		o.DatabasesVi = append(o.DatabasesVi, vi[d])
	}
	t.ops.add(seq, o)
}

// set puts the ranking in in.
func (t *oppTable) set(in *reports.Input) {
	ops, omitted := t.ops.list()
	in.Opportunities = make([]reports.Opportunity, len(ops))
	for i, o := range ops {
		in.Opportunities[i] = o.Opportunity
		in.Opportunities[i].Parts = costParts(o.before, o.after, t.fallback)
	}
	in.OpportunitiesOmitted, in.OpportunitiesOmittedSaving = omitted, t.omittedSaving
}

// changeTable lists the procedures added and abolished since the baseline.
type changeTable struct {
	ch               *reports.Changes
	added, abolished *ranked[reports.ProcedureRef]
}

func newChangeTable(limit int) *changeTable {
	byCost := byRef(func(r reports.ProcedureRef) int64 { return r.Annual })
	return &changeTable{ch: &reports.Changes{Statuses: map[string]int{}}, added: newRanked(limit, byCost, nil), abolished: newRanked(limit, byCost, nil)}
}

// addNew counts p, new at place seq, costing after a year.
func (t *changeTable) addNew(seq int, p *corpus.Procedure, after *cost.ProcedureCost) {
	r := ref(p, len(p.Papers))
	r.Annual = money(after.Annual)
	t.ch.AddedCost += r.Annual
	t.added.add(seq, r)
}

// addAbolished counts b, abolished at place seq of the baseline, costing
// before a year.
func (t *changeTable) addAbolished(seq int, b *corpus.Procedure, before *cost.ProcedureCost) {
	r := ref(b, len(b.Papers))
	r.Annual = money(before.Annual)
	t.ch.AbolishedCost += r.Annual
	t.abolished.add(seq, r)
}

// changes returns the lists, with the statuses of the current scenario.
func (t *changeTable) changes(statuses map[compare.Status]int) *reports.Changes {
	for s, n := range statuses {
		t.ch.Statuses[string(s)] = n
	}
	t.ch.Added, t.ch.AddedOmitted = t.added.list()
	t.ch.Abolished, t.ch.AbolishedOmitted = t.abolished.list()
	return t.ch
}

// methodCounts counts what the costs of the current side rest on.
type methodCounts struct {
	volumesAssumed, feesUnknown, timeUnknown int
	saving, assumed                          cost.Amount
}

// add counts one current procedure costing now as published and
// withFlags without its flagged papers (nil for none).
func (m *methodCounts) add(now, withFlags *cost.ProcedureCost) {
	if now == nil {
		return
	}
	if !now.VolumeMeasured {
		m.volumesAssumed++
	}
	for _, u := range now.Unknown {
		switch u {
		case "fees", "fee amount":
			m.feesUnknown++
		case "processing time":
			m.timeUnknown++
		}
	}
	if withFlags == nil {
		return
	}
	if s := now.Annual.Sub(withFlags.Annual); s.Sign() > 0 {
		m.saving = m.saving.Add(s)
		m.assumed = m.assumed.Add(now.AnnualAssumed.Sub(withFlags.AnnualAssumed))
	}
}

// set puts the counts in m.
func (c *methodCounts) set(m *reports.Method) {
	m.VolumesAssumed, m.FeesUnknown, m.TimeUnknown = c.volumesAssumed, c.feesUnknown, c.timeUnknown
	m.SavingAssumedShare = float(c.assumed.Div(c.saving))
}

// valueSet gathers distinct non-empty values.
type valueSet map[string]bool

func (v valueSet) add(s string) {
	if s != "" {
		v[s] = true
	}
}

func (v valueSet) sorted() []string {
	out := make([]string, 0, len(v))
	for s := range v {
		out = append(out, s)
	}
	sort.Strings(out)
	return out
}
