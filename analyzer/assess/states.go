package assess

import (
	"sort"

	"github.com/redtape-vn/redtape/analyzer/compare"
	"github.com/redtape-vn/redtape/analyzer/flags"
	"github.com/redtape-vn/redtape/corpus"
)

// States counts the current papers of a group of procedures (all of them,
// a ministry, a sector) by status. Three of the statuses answer what a
// ministry asks: looked-up papers are achieved already, replaceable ones
// are within reach, partly replaceable ones are within reach for most
// people.
type States struct {
	// Name is the group's name; empty for all procedures.
	Name string `json:"name"`
	// Procedures and Papers count the group's procedures and papers.
	Procedures int `json:"procedures"`
	Papers     int `json:"papers"`
	// ByStatus counts each status met; a status missing counts zero.
	ByStatus map[flags.Status]flags.StatusCount `json:"by_status"`
}

// Achieved counts the papers the records say the agency looks up already.
func (s States) Achieved() flags.StatusCount { return s.ByStatus[flags.StatusLookedUp] }

// WithinReach counts the papers every holder could stop submitting.
func (s States) WithinReach() flags.StatusCount { return s.ByStatus[flags.StatusReplaceable] }

// MostPeople counts the papers most holders could stop submitting.
func (s States) MostPeople() flags.StatusCount { return s.ByStatus[flags.StatusPartlyReplaceable] }

// add counts one procedure's verdicts.
func (s *States) add(r *flags.ProcedureResult) {
	s.Procedures++
	s.Papers += len(r.Papers)
	s.ByStatus = flags.CountStatuses(s.ByStatus, *r)
}

// States counts the statuses of every current paper, in total.
func (a *Assessment) States() States {
	if a.states != nil {
		return *a.states
	}
	s := States{ByStatus: map[flags.Status]flags.StatusCount{}}
	for i := range a.Flags {
		s.add(&a.Flags[i])
	}
	return s
}

// StatesBy counts the statuses of the current papers per group named by
// key (the ministry, renamed as the comparison renames it, with
// [compare.NoMinistry] for none, or the sector), the group with the most
// papers within reach first, then by name. An assessment streamed
// ([Stream]) holds no procedures and returns nil: see
// [Assessment.MinistryStates] and [Assessment.SectorStates].
func (a *Assessment) StatesBy(key func(*corpus.Procedure) string) []States {
	if a.streamed {
		return nil
	}
	groups := map[string]*States{}
	for i, p := range a.Current {
		k := key(p)
		g := groups[k]
		if g == nil {
			g = &States{Name: k, ByStatus: map[flags.Status]flags.StatusCount{}}
			groups[k] = g
		}
		g.add(&a.Flags[i])
	}
	return sortedStates(groups)
}

// MinistryStates is StatesBy(a.Ministry), for assessments run or streamed.
func (a *Assessment) MinistryStates() []States {
	if a.streamed {
		return a.ministryStates
	}
	return a.StatesBy(a.Ministry)
}

// SectorStates is StatesBy(Sector), for assessments run or streamed.
func (a *Assessment) SectorStates() []States {
	if a.streamed {
		return a.sectorStates
	}
	return a.StatesBy(Sector)
}

// sortedStates lists groups, the group with the most papers within reach
// first, then by name.
func sortedStates(groups map[string]*States) []States {
	out := make([]States, 0, len(groups))
	for _, g := range groups {
		out = append(out, *g)
	}
	sort.Slice(out, func(i, j int) bool {
		x, y := out[i].WithinReach().Papers+out[i].MostPeople().Papers, out[j].WithinReach().Papers+out[j].MostPeople().Papers
		if x != y {
			return x > y
		}
		return out[i].Name < out[j].Name
	})
	return out
}

// Ministry returns the ministry of p as the comparison tallies it: renamed
// after the 2025 reorganisation, or [compare.NoMinistry].
func (a *Assessment) Ministry(p *corpus.Procedure) string {
	if p.Ministry == "" {
		return compare.NoMinistry
	}
	return a.options.Ministries.Current(p.Ministry)
}

// Sector returns the sector of p, or "" when the record states none.
func Sector(p *corpus.Procedure) string { return p.Sector }
