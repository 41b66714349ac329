package check

import (
	"fmt"
	"math"
	"regexp"
	"strings"
	"sync"

	"github.com/redtape-vn/redtape/corpus"
	"github.com/redtape-vn/redtape/corpus/vntext"
)

// procedureCode matches a national procedure code such as "1.000005".
var procedureCode = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`(?:^|[^0-9.])([0-9]\.[0-9]{6})(?:[^0-9]|$)`) })

// corpusIndex finds procedures of the current corpus by code and name.
type corpusIndex struct {
	byCode map[string]*corpus.Procedure
	byName map[string]*corpus.Procedure
	names  []string // folded names of four words or more, for containment
}

func newCorpusIndex(procs []*corpus.Procedure) *corpusIndex {
	if len(procs) == 0 {
		return nil
	}
	ix := &corpusIndex{byCode: map[string]*corpus.Procedure{}, byName: map[string]*corpus.Procedure{}}
	for _, p := range procs {
		if p.Code != "" {
			ix.byCode[p.Code] = p
		}
		n := foldName(p.Name)
		if n == "" {
			continue
		}
		if _, dup := ix.byName[n]; !dup {
			ix.byName[n] = p
			if len(strings.Fields(n)) >= 4 {
				ix.names = append(ix.names, n)
			}
		}
	}
	return ix
}

func foldName(s string) string {
	return strings.Join(vntext.FoldedWords(s), " ")
}

// match returns the corpus procedure a draft procedure amends: one whose
// code appears in the procedure's article, or whose name equals or appears
// in the procedure's name or its article's title.
func (ix *corpusIndex) match(d *Draft, pr ProcedureDef) *corpus.Procedure {
	if ix == nil {
		return nil
	}
	scope := pr.Span
	if pr.Article >= 0 {
		scope = d.Articles[pr.Article].Body
	}
	for _, m := range procedureCode().FindAllStringSubmatch(d.TextOf(scope), -1) {
		if p := ix.byCode[m[1]]; p != nil {
			return p
		}
	}
	cands := []string{foldName(pr.Name)}
	if pr.Article >= 0 {
		cands = append(cands, foldName(d.Articles[pr.Article].Title))
	}
	for _, c := range cands {
		if p := ix.byName[c]; p != nil && c != "" {
			return p
		}
	}
	for _, c := range cands {
		if c == "" {
			continue
		}
		for _, n := range ix.names {
			if strings.Contains(" "+c+" ", " "+n+" ") {
				return ix.byName[n]
			}
		}
	}
	return nil
}

func runCostIncrease(p *Pass) {
	d := p.Draft
	withDossier := 0
	for _, pr := range d.Procedures {
		if pr.Dossier >= 0 {
			withDossier++
		}
	}
	if withDossier == 0 {
		return
	}
	if p.corpus == nil {
		p.Note(NewMessage("note_rt008_no_corpus"))
		return
	}
	if p.Coster == nil {
		p.Note(NewMessage("note_rt008_no_model"))
		return
	}
	limit := DefaultCostIncreasePercent
	if p.Config != nil && p.Config.Thresholds.CostIncreasePercent != nil {
		limit = *p.Config.Thresholds.CostIncreasePercent
	}
	for _, pr := range d.Procedures {
		if pr.Dossier < 0 {
			continue
		}
		known := p.corpus.match(d, pr)
		if known == nil {
			continue
		}
		before, err := p.Coster.Cost(known)
		if err != nil || before <= 0 {
			continue
		}
		amended := *known
		amended.Papers = nil
		for _, it := range d.Dossiers[pr.Dossier].Items {
			amended.Papers = append(amended.Papers, corpus.NewPaper(d.TextOf(it)))
		}
		after, err := p.Coster.Cost(&amended)
		if err != nil {
			continue
		}
		pct := (after - before) / before * 100
		if pct <= limit {
			continue
		}
		msg := NewMessage("rt008", known.Code, known.Name, number(fmt.Sprintf("%.1f", pct)), formatVND(before), formatVND(after),
			len(known.Papers), len(amended.Papers), number(fmt.Sprintf("%g", limit)))
		f := p.Report(pr.Span, msg, NewMessage("rt008_fix"))
		f.Metric = &Metric{Name: "cost_change_percent", Value: math.Round(pct*10) / 10}
	}
}

// formatVND writes a whole number of đồng with dot thousands separators.
func formatVND(v float64) string {
	n := int64(math.Round(v))
	neg := n < 0
	if neg {
		n = -n
	}
	s := fmt.Sprintf("%d", n)
	var b strings.Builder
	for i, c := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte('.')
		}
		b.WriteRune(c)
	}
	if neg {
		return "-" + b.String()
	}
	return b.String()
}
