package cost

import (
	"math"
	"strconv"
)

// AmountOfFloat returns f as the exact value of its shortest decimal form
// (the one that reads back as f), so that a parsed 1.5 becomes exactly
// 3/2: [ParseAmount] of that form, with its limits. Whole numbers below
// 10^15, most of what records state, take no parsing.
func AmountOfFloat(f float64) (Amount, error) {
	if f > -1e15 && f < 1e15 && f == math.Trunc(f) {
		return Int(int64(f)), nil
	}
	return ParseAmount(strconv.FormatFloat(f, 'g', -1, 64))
}
