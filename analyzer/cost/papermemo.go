package cost

import (
	"sync"

	"github.com/redtape-vn/redtape/corpus"
)

// paperMemo remembers the components of the papers a model costed, by what
// costing a paper reads of it: the same paper text asked for in thousands
// of procedures (the local variants of a national procedure, a birth
// certificate in every civil-status procedure) is classified once. It
// holds at most maxPapers papers; later ones are costed each time. It is
// shared by the copies of a model, whose papers cost the same (volumes
// and cost sheets change a procedure's cost, not a paper's).
type paperMemo struct {
	mu sync.RWMutex
	m  map[paperKey][]Component
}

// maxPapers bounds the memo: some 16 MB of components at most.
const maxPapers = 1 << 15

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
// cost (for paper 0) and remembered.
func (pm *paperMemo) paper(i int, pp *corpus.Paper, cost func(pp *corpus.Paper) []Component) []Component {
	k := keyOf(pp)
	pm.mu.RLock()
	comps, ok := pm.m[k]
	pm.mu.RUnlock()
	if !ok {
		comps = cost(pp)
		pm.mu.Lock()
		if pm.m == nil {
			pm.m = map[paperKey][]Component{}
		}
		if len(pm.m) < maxPapers {
			pm.m[k] = comps
		}
		pm.mu.Unlock()
	}
	out := make([]Component, len(comps))
	copy(out, comps)
	for j := range out {
		out[j].Paper = i
	}
	return out
}
