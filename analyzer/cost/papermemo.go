package cost

import (
	"github.com/redtape-vn/redtape/corpus"
	"github.com/redtape-vn/redtape/internal/memo"
)

// paperMemo remembers the components of the papers a model costed, by what
// costing a paper reads of it, and the limits of the fees it read: the
// same paper text asked for in thousands of procedures (the local variants
// of a national procedure, a birth certificate in every civil-status
// procedure) is classified once. It holds at most memo.DefaultMax papers
// and as many fees; later ones are costed each time. It is shared by the
// copies of a model, whose papers cost the same (volumes and cost sheets
// change a procedure's cost, not a paper's).
type paperMemo struct {
	papers memo.Memo[paperKey, []Component]
	limits memo.Memo[limitKey, feeLimit]
}

// paperKey is everything Model.paper reads of a paper.
type paperKey struct {
	text                       string
	optional, forms, certified bool
	copies                     int // -1 when not stated
}

func keyOf(pp *corpus.Paper) paperKey {
	k := paperKey{text: pp.Text, optional: pp.Optional, forms: len(pp.Forms) > 0, certified: pp.CertifiedCopy, copies: -1}
	if pp.Copies != nil {
		k.copies = *pp.Copies
	}
	return k
}

// paper returns the components of paper i, pp, from the memo or costed by
// cost (as paper 0) and remembered.
func (pm *paperMemo) paper(i int, pp *corpus.Paper, cost func(pp *corpus.Paper) []Component) []Component {
	comps := pm.papers.Get(keyOf(pp), func(paperKey) []Component { return cost(pp) })
	out := make([]Component, len(comps))
	copy(out, comps)
	for j := range out {
		out[j].Paper = i
	}
	return out
}

// limitKey is what limitOf reads of a fee with an amount.
type limitKey struct {
	text   string
	amount int64
}

// limit is limitOf(f), remembered.
func (pm *paperMemo) limit(f corpus.Fee) feeLimit {
	if f.Amount == nil {
		return limitOf(f)
	}
	return pm.limits.Get(limitKey{f.Text, *f.Amount}, func(limitKey) feeLimit { return limitOf(f) })
}
