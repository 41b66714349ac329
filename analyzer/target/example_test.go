package target_test

import (
	"fmt"
	"time"

	"github.com/redtape-vn/redtape/analyzer/target"
)

// A report dated 6 December 2026 states its gap to the presets in force.
func ExampleInForce() {
	for _, p := range target.InForce(time.Date(2026, 12, 6, 0, 0, 0, 0, time.UTC)) {
		c, _ := p.PercentOf(target.Cost)
		fmt.Printf("%s: cost %s%% against %d\n", p.Name, c, p.BaselineYear)
	}
	// Output: nq66-2026: cost 50% against 2024
}

func ExampleParse() {
	t, err := target.Parse("12.5%")
	fmt.Println(t.Name, t.Custom, t.Headline().Decimal(1), err)
	// Output: 12.5% true 12.5 <nil>
}
