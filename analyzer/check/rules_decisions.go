package check

import (
	"fmt"
	"strings"

	"github.com/redtape-vn/redtape/analyzer/decisions"
	"github.com/redtape-vn/redtape/corpus"
)

// decisionIndex finds the procedures a list of the Government's decisions
// names, by code and by name, the way RT008 finds procedures of the
// current corpus.
type decisionIndex struct {
	list  *decisions.List
	procs *corpusIndex
}

// newDecisionIndex indexes the procedures of list's rows; nil for no list.
func newDecisionIndex(list *decisions.List) *decisionIndex {
	if list == nil || list.Len() == 0 {
		return nil
	}
	var procs []*corpus.Procedure
	seen := map[string]bool{}
	for _, r := range list.Rows {
		if seen[r.Code] {
			continue
		}
		seen[r.Code] = true
		procs = append(procs, &corpus.Procedure{Code: r.Code, Name: r.Procedure})
	}
	return &decisionIndex{list: list, procs: newCorpusIndex(procs)}
}

// runDecisionReplaced reports a dossier item of a procedure the draft
// defines or amends that asks for a paper a listed decision of the
// Government replaced with data in that procedure.
func runDecisionReplaced(p *Pass) {
	if p.decisions == nil {
		p.Note("RT009 decision-replaced-paper: no list of the Government's decisions is wired; the rule did not run")
		return
	}
	d := p.Draft
	for _, pr := range d.Procedures {
		if pr.Dossier < 0 {
			continue
		}
		known := p.decisions.procs.match(d, pr)
		if known == nil {
			continue
		}
		items := d.Dossiers[pr.Dossier].Items
		texts := make([]string, len(items))
		for i, it := range items {
			texts[i] = d.TextOf(it)
		}
		for _, a := range p.decisions.list.StillAsked(known.Code, texts) {
			if a.Paper < 0 || a.Paper >= len(items) {
				continue
			}
			r := a.Row
			what := strings.TrimSpace(r.Database)
			if what == "" {
				what = "a database"
			}
			p.Report(items[a.Paper],
				fmt.Sprintf("asks for %q, which %s replaced with the data of %s in procedure %s (%s)", clipName(a.Text), r.Title, what, r.Code, clipName(r.Procedure)),
				fmt.Sprintf("drop the paper and have the agency look the data up (%s)", r.Cite()))
		}
	}
}

// clipName shortens a procedure name for a message.
func clipName(s string) string {
	r := []rune(strings.TrimSpace(s))
	if len(r) <= 80 {
		return string(r)
	}
	return strings.TrimSpace(string(r[:79])) + "…"
}
