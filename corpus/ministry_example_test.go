package corpus_test

import (
	"fmt"

	"github.com/redtape-vn/redtape/corpus"
)

// A record in a folder no one named after its ministry, with no issuer
// code in its decision number, is attributed by its agency.
func ExampleAttributeMinistry() {
	p := &corpus.Procedure{
		Code:     "1.001234",
		Decision: "4777",
		Agencies: []string{"Cục Hàng không Việt Nam"},
		Source:   corpus.Source{File: "crawl/unknown-folder/1.001234.json"},
	}
	a := corpus.AttributeMinistry(p)
	fmt.Println(a.Ministry, "by", a.Evidence, "("+a.Detail+", "+a.Tag+")")
	// Output: Bộ Xây dựng by agency (Cục Hàng không Việt Nam, news)
}
