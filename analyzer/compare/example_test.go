package compare_test

import (
	"context"
	"fmt"

	"github.com/redtape-vn/redtape/analyzer/compare"
	"github.com/redtape-vn/redtape/analyzer/cost"
	"github.com/redtape-vn/redtape/corpus"
)

func ExampleCompare() {
	base := []*corpus.Procedure{
		{Code: "A", Name: "Cấp phép", Ministry: "Bộ X", Papers: []corpus.Paper{{Text: "Tờ khai"}, {Text: "Bản sao Giấy khai sinh"}}},
		{Code: "B", Name: "Gia hạn", Ministry: "Bộ X", Papers: []corpus.Paper{{Text: "Tờ khai"}}},
	}
	cur := []*corpus.Procedure{
		{Code: "A", Name: "Cấp phép", Ministry: "Bộ X", Papers: []corpus.Paper{{Text: "Tờ khai"}}},
	}
	res, err := compare.Compare(context.Background(), base, cur, cost.New(nil), compare.Options{Target: cost.Int(30)})
	if err != nil {
		fmt.Println(err)
		return
	}
	s := res.Scenarios[0]
	for _, c := range []compare.Count{s.Procedures, s.Papers} {
		fmt.Printf("%s: %d of %d %s = %s%% (%d abolished, %d simplified), gap %s\n",
			c.Unit, c.Cut, c.Baseline, c.CutMeans, c.Percent.Format(2), c.Abolished, c.Simplified, c.Gap.Format(2))
	}
	for _, ch := range s.TopCuts(0, "") {
		fmt.Println(ch.ID, ch.Status, ch.Reasons)
	}
	// Output:
	// procedures: 2 of 2 abolished or simplified = 100.00% (1 abolished, 1 simplified), gap 0.00
	// papers: 2 of 3 abolished or simplified = 66.67% (1 abolished, 1 simplified), gap 0.00
	// B abolished []
	// A simplified [fewer_papers]
}

// Published reduction figures are for business-related procedures: those
// whose subjects include an enterprise, co-operative, household business
// or organisation.
func ExampleScopeOf() {
	p := &corpus.Procedure{Subjects: []string{"Công dân Việt Nam", "Tổ chức (không bao gồm doanh nghiệp, HTX)"}}
	scope, by := compare.ScopeOf(p)
	fmt.Println(scope, "by", by)
	// Output: business by Tổ chức (không bao gồm doanh nghiệp, HTX)
}
