package query

import (
	"strings"

	bq "github.com/blevesearch/bleve/v2/search/query"

	"github.com/redtape-vn/redtape/corpus/index/fields"
)

// SynonymBoost is how much a record found through another name of a paper
// counts against one found by the words typed: such records rank after
// the records matching as typed.
const SynonymBoost = 0.3

// Synonyms are the names papers go by, in groups: the names of one group
// find each other ("giấy khám sức khỏe" also finds "giấy chứng nhận sức
// khỏe"). A Synonyms is not changed after [NewSynonyms] and is safe for
// concurrent use.
type Synonyms struct {
	groups   [][][]string     // group → its names → their folded words
	byName   map[string][]int // folded words joined by " " → groups naming it
	maxWords int
}

// NewSynonyms returns the synonyms of groups, each group the names of one
// paper (the catalog's name and variants of one entry). Names are matched
// on their folded words; a group with fewer than two distinct names adds
// nothing.
func NewSynonyms(groups [][]string) *Synonyms {
	s := &Synonyms{byName: map[string][]int{}}
	folded := fields.Folded()
	for _, g := range groups {
		var names [][]string
		seen := map[string]bool{}
		for _, name := range g {
			w := folded.Terms(name)
			key := strings.Join(w, " ")
			if len(w) == 0 || seen[key] {
				continue
			}
			seen[key] = true
			names = append(names, w)
		}
		if len(names) < 2 {
			continue
		}
		gi := len(s.groups)
		s.groups = append(s.groups, names)
		for _, w := range names {
			key := strings.Join(w, " ")
			s.byName[key] = append(s.byName[key], gi)
			s.maxWords = max(s.maxWords, len(w))
		}
	}
	return s
}

// Others returns the other names of the groups that name the folded
// words, each as folded words; nil when they name no paper.
func (s *Synonyms) Others(folded []string) [][]string {
	if s == nil || len(folded) == 0 {
		return nil
	}
	key := strings.Join(folded, " ")
	var out [][]string
	seen := map[string]bool{key: true}
	for _, gi := range s.byName[key] {
		for _, w := range s.groups[gi] {
			if k := strings.Join(w, " "); !seen[k] {
				seen[k] = true
				out = append(out, w)
			}
		}
	}
	return out
}

// Len returns the number of groups.
func (s *Synonyms) Len() int {
	if s == nil {
		return 0
	}
	return len(s.groups)
}

// others returns the query matching the other names of the paper that the
// folded words name, at SynonymBoost, or nil.
func (t *translator) others(folded []string) bq.Query {
	var qs []bq.Query
	for _, w := range t.opts.Synonyms.Others(folded) {
		var q bq.Query
		if len(w) == 1 {
			tq := bq.NewTermQuery(w[0])
			tq.SetField(fields.Text)
			q = tq
		} else {
			q = t.bigramPhrase(w)
		}
		if b, ok := q.(bq.BoostableQuery); ok {
			b.SetBoost(SynonymBoost)
		}
		qs = append(qs, q)
	}
	switch len(qs) {
	case 0:
		return nil
	case 1:
		return qs[0]
	}
	return bq.NewDisjunctionQuery(qs)
}

// freeRun returns the folded words of a free-text word (no field, no
// star), or nil for any other node.
func (t *translator) freeRun(n Node) []string {
	if term, ok := n.(*Term); ok && term.Field == "" && !term.Prefix {
		return t.folded.Terms(term.Text)
	}
	return nil
}

// synonymRun finds the longest run of free-text words starting at nodes[i]
// that is a name of a paper; it returns the run's end (exclusive) and the
// query of the paper's other names, or i and nil.
func (t *translator) synonymRun(nodes []Node, i int) (int, bq.Query) {
	if t.opts.Synonyms.Len() == 0 {
		return i, nil
	}
	var words []string
	var ends []int // ends[k]: node end after which words has lens[k] words
	var lens []int
	for j := i; j < len(nodes); j++ {
		w := t.freeRun(nodes[j])
		if w == nil {
			break
		}
		words = append(words, w...)
		if len(words) > t.opts.Synonyms.maxWords {
			break
		}
		ends, lens = append(ends, j+1), append(lens, len(words))
	}
	for k := len(ends) - 1; k >= 0; k-- {
		if q := t.others(words[:lens[k]]); q != nil {
			return ends[k], q
		}
	}
	return i, nil
}
