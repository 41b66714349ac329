package collect

import (
	"sort"

	"github.com/redtape-vn/redtape/analyzer/assess"
	"github.com/redtape-vn/redtape/analyzer/compare"
	"github.com/redtape-vn/redtape/analyzer/flags"
	"github.com/redtape-vn/redtape/reports"
)

// Stream gathers a report's input from an assessment streamed
// ([assess.Stream]) with its procedures matched within their sectors too
// ([assess.Stream.MatchWithin]), keeping of each list only the entries a
// report shows: for the same procedures its [Stream.Input] is the input
// [Collect] returns, the lists cut to limit entries with the others
// counted ([reports.Input] OpportunitiesOmitted and the like).
//
// Hand it every item after the stream's Add, in order ([Stream.Add]), and
// every unmatched baseline procedure ([Stream.Unmatched], the observer of
// [assess.Stream.FinishWith]).
type Stream struct {
	stream      *assess.Stream
	hasBaseline bool
	fsum        flags.Summarizer
	databases   *dbTable
	opps        *oppTable
	changes     *changeTable
	counts      methodCounts
	sectors     map[string]*compare.Tallies
}

// NewStream gathers the input of a report on s; hasBaseline says whether
// the report has a baseline of its own (else s compares the current
// procedures with themselves), and limit is how many entries each list
// keeps (0: all): a report shows the first Top, or the first 10 and up to
// reports.Options.MaxList more collapsed.
func NewStream(s *assess.Stream, hasBaseline bool, limit int) *Stream {
	c := &Stream{stream: s, hasBaseline: hasBaseline, databases: newDBTable(limit),
		opps: newOppTable(limit, s.Params().FallbackKind), sectors: map[string]*compare.Tallies{}}
	if hasBaseline {
		c.changes = newChangeTable(limit)
	}
	return c
}

// Add gathers one current procedure assessed.
func (c *Stream) Add(it *assess.Item) {
	p, r, pc := it.Procedure(), it.Flags(), it.Changes()
	seq := pc.Current.Current
	c.fsum.Add(*r)
	c.databases.add(seq, p, r)
	c.opps.add(seq, p, r, pc.Current.After, pc.FlagsApplied.After)
	if c.changes != nil && pc.Current.Status == compare.New {
		c.changes.addNew(seq, p, pc.Current.After)
	}
	c.counts.add(pc.Current.After, pc.FlagsApplied.After)
	if g := it.GroupChanges(); g != nil {
		c.sector(p.Sector).Add(g)
	}
}

// Unmatched gathers one baseline procedure unmatched.
func (c *Stream) Unmatched(u assess.Unmatched) {
	if pc := u.Abolished; pc != nil && c.changes != nil {
		c.changes.addAbolished(pc.Current.Base, pc.Baseline(), pc.Current.Before)
	}
	if g := u.Group; g != nil {
		c.sector(g.Baseline().Sector).Add(g)
	}
}

func (c *Stream) sector(name string) *compare.Tallies {
	t := c.sectors[name]
	if t == nil {
		t = c.stream.Tallies()
		c.sectors[name] = t
	}
	return t
}

// Input returns the report's input on a, the assessment the stream
// finished with, for opts; ministries and sectors are the names the
// filters matched in the baseline and current procedures (Scope.Ministries
// and Scope.Sectors; nil without a filter).
func (c *Stream) Input(opts Options, a *assess.Assessment, ministries, sectors []string) (*reports.Input, error) {
	_, asOf, err := AssessOptions(opts)
	if err != nil {
		return nil, err
	}
	fsum := c.fsum.Summary()
	names := make([]string, 0, len(c.sectors))
	for name := range c.sectors {
		names = append(names, name)
	}
	sort.Strings(names)
	secs := make([]reports.Tally, len(names))
	for i, name := range names {
		res := c.sectors[name].Result()
		secs[i] = tally(name, &res[0], &res[1])
		setFlags(&secs[i], fsum.BySector, name)
	}
	sortTallies(secs)
	p := parts{fsum: fsum, sectors: secs, databases: c.databases.list(a.Catalog), opportunities: c.opps, counts: c.counts,
		ministries: ministries, sectorNames: sectors}
	if c.changes != nil {
		p.changes = c.changes.changes(a.Scenario(compare.ScenarioCurrent).Statuses)
	}
	return assemble(opts, asOf, a, p), nil
}
