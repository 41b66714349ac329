package cost

import "math/big"

// Significant returns a rounded to n significant figures, halves away from
// zero: 11,032,532,230,193 to 3 figures is 11,000,000,000,000 and 0.012345
// is 0.0123. Zero stays zero; n below 1 counts as 1.
func (a Amount) Significant(n int) Amount {
	if a.IsZero() {
		return a
	}
	if n < 1 {
		n = 1
	}
	return a.roundTo(n - magnitude(a))
}

// Unit returns the place value of a's n-th significant figure as a
// power of ten (for 252,018,096,023 and n = 3: 1,000,000,000), the unit
// that [Amount.Significant] rounds to; 1 for zero.
func (a Amount) Unit(n int) Amount {
	if a.IsZero() {
		return Int(1)
	}
	if n < 1 {
		n = 1
	}
	return pow10(magnitude(a) - n)
}

// magnitude returns the number of digits of |a| before the decimal point
// (3 for 252.7), or one less than minus the count of zeros after the point
// before the first other digit (−1 for 0.0123): the e of |a| = 0.d × 10^e.
func magnitude(a Amount) int {
	r := new(big.Rat).Abs(a.rat())
	num, den := r.Num(), r.Denom()
	// With p digits in num and q in den, |a| lies in [10^(p−q−1), 10^(p−q+1)),
	// so e is p−q+1 or p−q.
	e := len(num.String()) - len(den.String()) + 1
	if r.Cmp(pow10(e-1).rat()) < 0 {
		e--
	}
	return e
}

// pow10 returns 10^e as an Amount, for any integer e.
func pow10(e int) Amount {
	p := new(big.Int).Exp(big.NewInt(10), big.NewInt(abs(int64(e))), nil)
	if e < 0 {
		return fromBig(new(big.Rat).SetFrac(big.NewInt(1), p))
	}
	return fromBig(new(big.Rat).SetInt(p))
}

// roundTo rounds a to decimals places, negative decimals rounding to tens,
// hundreds and so on, halves away from zero.
func (a Amount) roundTo(decimals int) Amount {
	if decimals >= 0 {
		return a.Round(decimals)
	}
	unit := pow10(-decimals)
	return a.Div(unit).Round(0).Mul(unit)
}

// Apportion rounds each of rows to a whole multiple of unit so that the
// rounded rows add up to their sum rounded the same way (largest
// remainder): a table whose rows are rounded by Apportion matches the
// rounded total it adds up to. Rows are first rounded on their own, halves
// away from zero; then the rows that rounding moved furthest are moved
// back by one unit each until the sums agree. unit must be positive.
func Apportion(rows []Amount, unit Amount) []Amount {
	out := make([]Amount, len(rows))
	var sum, roundedSum Amount
	errs := make([]Amount, len(rows)) // rounded − exact, in units
	for i, r := range rows {
		u := r.Div(unit)
		q := u.Round(0)
		out[i] = q
		errs[i] = q.Sub(u)
		sum = sum.Add(u)
		roundedSum = roundedSum.Add(q)
	}
	// diff is how many units the rows must move: positive means up.
	diff := sum.Round(0).Sub(roundedSum)
	step := Int(1)
	if diff.Sign() < 0 {
		step = Int(-1)
	}
	moved := make([]bool, len(rows))
	// Each row's error is at most half a unit, so |diff| ≤ len(rows)/2 and
	// no row needs to move twice.
	for diff.Sign() != 0 {
		// The row whose rounding went furthest against the move; of rows
		// alike, the last (tables list their largest rows first).
		best := -1
		for i := range rows {
			if moved[i] {
				continue
			}
			if best < 0 || errs[i].Mul(step).Cmp(errs[best].Mul(step)) <= 0 {
				best = i
			}
		}
		if best < 0 {
			break
		}
		moved[best] = true
		out[best] = out[best].Add(step)
		diff = diff.Sub(step)
	}
	for i := range out {
		out[i] = out[i].Mul(unit)
	}
	return out
}
