package check

import (
	"errors"
	"strings"

	"github.com/redtape-vn/redtape/analyzer/catalog"
	"github.com/redtape-vn/redtape/analyzer/cost"
	"github.com/redtape-vn/redtape/analyzer/flags"
	"github.com/redtape-vn/redtape/corpus"
	"github.com/redtape-vn/redtape/internal/i18n"
)

// CatalogMatcher is the [PaperMatcher] of the catalog of digitised data:
// it passes on only requirements whose every alternative the catalog
// covers ("hộ chiếu hoặc CCCD" lets a person pick a paper the state may not
// hold). The matcher compares tone and shape marks per syllable itself
// ("giấy chứng từ", a voucher, is not "giấy chứng tử", a death
// certificate), so names typed with other marks are not found.
func CatalogMatcher(m *flags.Matcher) PaperMatcher { return catalogMatcher{m} }

type catalogMatcher struct{ m *flags.Matcher }

// Mentions finds the digitised papers text requires, with the database and
// legal basis of each.
func (c catalogMatcher) Mentions(text string) []PaperMention {
	var out []PaperMention
	for _, mm := range c.m.Mentions(text) {
		if !mm.AllCovered {
			continue
		}
		e := c.m.Catalog().Entry(mm.Entry)
		if e == nil {
			continue
		}
		var bases, basesVi []string
		for _, b := range e.Basis {
			bases = append(bases, b.String())
			basesVi = append(basesVi, basisVi(b))
		}
		out = append(out, PaperMention{Start: mm.Start, End: mm.End, Entry: e.ID, Paper: e.Name,
			Database: e.Database, DatabaseVi: e.DatabaseIn(catalog.Vietnamese),
			Basis: strings.Join(bases, "; "), BasisVi: strings.Join(basesVi, "; ")})
	}
	return out
}

// basisVi cites b in Vietnamese as [catalog.Basis.String] does in
// English: the citation, then how sure it is unless read in the law.
func basisVi(b catalog.Basis) string {
	c := b.Citation(catalog.Vietnamese)
	if b.Status == catalog.Law {
		return c
	}
	return NewMessage("basis_"+string(b.Status), c).In(i18n.Vietnamese)
}

// CostModel is the [Coster] of the Standard Cost Model: the cost of one
// dossier in đồng.
func CostModel(m *cost.Model) Coster { return costModel{m} }

type costModel struct{ m *cost.Model }

// Cost returns the unit cost of p.
func (c costModel) Cost(p *corpus.Procedure) (float64, error) {
	pc := c.m.Procedure(p)
	if pc == nil {
		return 0, errors.New("cost model returned nothing")
	}
	v, _ := pc.Unit.Rat().Float64()
	return v, nil
}
