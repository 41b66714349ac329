package assess

import (
	"sort"

	"github.com/redtape-vn/redtape/analyzer/decisions"
	"github.com/redtape-vn/redtape/analyzer/flags"
	"github.com/redtape-vn/redtape/corpus"
)

// DecisionJudge is [JudgeDecisions] for procedures flagged one at a time:
// it keeps the verdicts (one per listed row a procedure read concerns) and
// the counts, not the procedures.
type DecisionJudge struct {
	list     *decisions.List
	ministry func(*corpus.Procedure) string
	sum      DecisionSummary
	groups   map[string]*DecisionGroup
}

// NewDecisionJudge judges the rows of list; ministry names a procedure's
// ministry, nil takes the record's own.
func NewDecisionJudge(list *decisions.List, ministry func(*corpus.Procedure) string) *DecisionJudge {
	if ministry == nil {
		ministry = func(p *corpus.Procedure) string { return p.Ministry }
	}
	return &DecisionJudge{list: list, ministry: ministry, groups: map[string]*DecisionGroup{},
		sum: DecisionSummary{Rows: list.Len(), Verdicts: []Decided{}}}
}

// Add judges the rows of p's procedure with r, p's flag verdicts.
func (j *DecisionJudge) Add(p *corpus.Procedure, r flags.ProcedureResult) {
	for _, v := range j.list.Judge(p, r) {
		m := j.ministry(p)
		d := Decided{Verdict: v, ID: p.ID(), Name: p.Name, Ministry: m, Sector: p.Sector, Source: p.Source.File}
		j.sum.Verdicts = append(j.sum.Verdicts, d)
		j.sum.Counts.Add(v)
		g := j.groups[m]
		if g == nil {
			g = &DecisionGroup{Name: m}
			j.groups[m] = g
		}
		g.Counts.Add(v)
	}
}

// Summary returns what the procedures added so far say of the list.
func (j *DecisionJudge) Summary() DecisionSummary {
	sum := j.sum
	sum.Judged = len(sum.Verdicts)
	sum.Ministries = []DecisionGroup{}
	for _, g := range j.groups {
		sum.Ministries = append(sum.Ministries, *g)
	}
	sort.Slice(sum.Ministries, func(i, k int) bool {
		a, b := sum.Ministries[i], sum.Ministries[k]
		if a.NotApplied != b.NotApplied {
			return a.NotApplied > b.NotApplied
		}
		return a.Name < b.Name
	})
	return sum
}
