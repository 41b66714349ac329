package cost_test

import (
	"fmt"

	"github.com/redtape-vn/redtape/analyzer/cost"
	"github.com/redtape-vn/redtape/corpus"
)

func ExampleModel_Procedure() {
	fee := int64(500000)
	volume := int64(2000)
	p := &corpus.Procedure{
		Code: "X.001", Name: "Cấp giấy phép",
		Channels: []corpus.Channel{{Mode: corpus.ModeInPerson,
			Time: &corpus.Duration{Text: "10 Ngày làm việc", Value: 10, Unit: corpus.WorkingDays},
			Fees: []corpus.Fee{{Text: "Lệ phí: 500.000 đồng", Amount: &fee, Kind: "charge"}}}},
		Papers: []corpus.Paper{
			{Text: "Đơn đề nghị cấp giấy phép", Forms: []string{"M01.docx"}},
			{Text: "Phiếu lý lịch tư pháp"},
		},
		AnnualVolume: &volume,
	}
	// Waiting is off by default (Circular 02/2017/TT-VPCP Art. 27: no
	// opportunity cost); submission in person includes 40,000 VND travel.
	pc := cost.New(cost.Default()).Procedure(p)
	for _, c := range pc.Components {
		fmt.Printf("%-11s %-15s %5s h %9s VND\n", c.Activity, c.Kind, c.Hours.Decimal(2), c.Cost.Format(0))
	}
	fmt.Printf("unit %s VND, annual %s VND, %s%% assumed\n", pc.Unit.Format(0), pc.Annual.Format(0), pc.AssumedShare().MulInt(100).Format(1))
	// Output:
	// learning                        1 h    30,682 VND
	// paper       form                1 h    30,682 VND
	// paper       judicial_record     4 h   322,727 VND
	// submission                      4 h   162,727 VND
	// fees                            0 h   500,000 VND
	// unit 1,046,818 VND, annual 2,093,636,364 VND, 52.2% assumed
}

func ExampleCut() {
	// The reference's tax-reporting example: 12 reports a year of 250,000
	// đồng by 325,000 firms, cut to 4 reports.
	before := cost.Annual(cost.Int(250000), cost.Int(325000), cost.Int(12))
	after := cost.Annual(cost.Int(250000), cost.Int(325000), cost.Int(4))
	saving, pct := cost.Cut(before, after)
	fmt.Println(before, saving, pct.Format(2)+"%")
	// Output: 975,000,000,000 650,000,000,000 66.67%
}
