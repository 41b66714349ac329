package assess

import (
	"github.com/redtape-vn/redtape/analyzer/catalog"
	"github.com/redtape-vn/redtape/corpus/index/query"
)

// SearchVocabulary returns what the catalog cat tells a search: the values
// a flagged: filter takes (entry ids and both names of each database, as
// the index stores them) and the names of each paper, which find each
// other (query.Synonyms). The search command and the web workspace both
// take them from here.
func SearchVocabulary(cat *catalog.Catalog) (flagValues []string, synonyms *query.Synonyms) {
	groups := make([][]string, 0, len(cat.Entries))
	for _, en := range cat.Entries {
		flagValues = append(flagValues, en.ID)
		for _, db := range []string{en.Database, en.DatabaseVi} {
			if db != "" {
				flagValues = append(flagValues, db)
			}
		}
		groups = append(groups, append([]string{en.Name}, en.Variants...))
	}
	return flagValues, query.NewSynonyms(groups)
}
