package check

import (
	"strings"

	"github.com/redtape-vn/redtape/analyzer/decisions"
	"github.com/redtape-vn/redtape/corpus"
	"github.com/redtape-vn/redtape/internal/i18n"
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
		p.Note(NewMessage("note_rt009_no_list"))
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
			what := NewMessage("rt009_a_database")
			if db := strings.TrimSpace(r.Database); db != "" {
				what = Pair(db, db)
			}
			p.Report(items[a.Paper],
				NewMessage("rt009", clipName(a.Text), r.Title, what, r.Code, clipName(r.Procedure)),
				NewMessage("rt009_fix", citeRow(r)))
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

// citeRow cites a decision's row as [decisions.Row.Cite] does, in both
// languages: the row number is "row N" in English, "STT N" (the column of
// the decision's appendix) in Vietnamese.
func citeRow(r *decisions.Row) Message {
	en := r.Cite()
	if r.Ref == "" {
		return Pair(en, en)
	}
	vi := NewMessage("rt009_row", r.Title, r.Ref).In(i18n.Vietnamese)
	if law := strings.TrimPrefix(en, r.Title+", row "+r.Ref); law != en {
		vi += law
	}
	return Pair(en, vi)
}
