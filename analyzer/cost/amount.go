package cost

import (
	"encoding/json"
	"fmt"
	"math/big"
	"strings"
)

// Amount is an exact rational number: a sum of đồng, a number of hours, a
// share or a percentage. Arithmetic on Amounts never rounds; rounding happens
// only when an Amount is printed ([Amount.Format], [Amount.String],
// [Amount.MarshalJSON]). The zero value is 0. An Amount is immutable: every
// method returns a new value.
type Amount struct {
	r *big.Rat // nil means 0; never mutated once set
}

// Int returns n as an Amount.
func Int(n int64) Amount { return Amount{new(big.Rat).SetInt64(n)} }

// Frac returns num/den as an Amount. It panics when den is 0, like
// [big.Rat.SetFrac64]; callers pass validated denominators.
func Frac(num, den int64) Amount { return Amount{new(big.Rat).SetFrac64(num, den)} }

// ParseAmount reads a decimal ("30681.82", "0.5", "1e3") or fraction ("5/7")
// exactly. Thousands separators are not accepted: "5,400,000" is an error.
func ParseAmount(s string) (Amount, error) {
	s = strings.TrimSpace(s)
	r, ok := new(big.Rat).SetString(s)
	if !ok || s == "" {
		return Amount{}, fmt.Errorf("not a number: %q", s)
	}
	return Amount{r}, nil
}

// FromRat returns a copy of r as an Amount.
func FromRat(r *big.Rat) Amount {
	if r == nil {
		return Amount{}
	}
	return Amount{new(big.Rat).Set(r)}
}

func (a Amount) rat() *big.Rat {
	if a.r == nil {
		return new(big.Rat)
	}
	return a.r
}

// Rat returns a copy of the exact value.
func (a Amount) Rat() *big.Rat { return new(big.Rat).Set(a.rat()) }

// Add returns a+b.
func (a Amount) Add(b Amount) Amount { return Amount{new(big.Rat).Add(a.rat(), b.rat())} }

// Sub returns a−b.
func (a Amount) Sub(b Amount) Amount { return Amount{new(big.Rat).Sub(a.rat(), b.rat())} }

// Mul returns a×b.
func (a Amount) Mul(b Amount) Amount { return Amount{new(big.Rat).Mul(a.rat(), b.rat())} }

// MulInt returns a×n.
func (a Amount) MulInt(n int64) Amount { return a.Mul(Int(n)) }

// Div returns a/b, or 0 when b is 0 (a share of nothing is nothing).
func (a Amount) Div(b Amount) Amount {
	if b.IsZero() {
		return Amount{}
	}
	return Amount{new(big.Rat).Quo(a.rat(), b.rat())}
}

// Min returns the smaller of a and b.
func (a Amount) Min(b Amount) Amount {
	if a.Cmp(b) <= 0 {
		return a
	}
	return b
}

// Cmp compares a and b: −1 when a < b, 0 when equal, +1 when a > b.
func (a Amount) Cmp(b Amount) int { return a.rat().Cmp(b.rat()) }

// Sign returns −1, 0 or +1.
func (a Amount) Sign() int { return a.rat().Sign() }

// IsZero reports whether a is 0.
func (a Amount) IsZero() bool { return a.Sign() == 0 }

// Percent returns a as a percentage of whole (a/whole × 100), or 0 when
// whole is 0.
func (a Amount) Percent(whole Amount) Amount { return a.MulInt(100).Div(whole) }

// Round returns a rounded to decimals places, halves away from zero.
func (a Amount) Round(decimals int) Amount {
	scale := new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(decimals)), nil)
	x := new(big.Rat).Mul(a.rat(), new(big.Rat).SetInt(scale))
	num, den := x.Num(), x.Denom()
	q, m := new(big.Int).QuoRem(new(big.Int).Abs(num), den, new(big.Int))
	if new(big.Int).Lsh(m, 1).Cmp(den) >= 0 {
		q.Add(q, big.NewInt(1))
	}
	if num.Sign() < 0 {
		q.Neg(q)
	}
	return Amount{new(big.Rat).SetFrac(q, scale)}
}

// Decimal returns a rounded to decimals places as a plain decimal string
// ("30681.82", "-3", "0.5"), trailing zeros after the point removed.
func (a Amount) Decimal(decimals int) string {
	s := a.Round(decimals).rat().FloatString(decimals)
	if strings.Contains(s, ".") {
		s = strings.TrimRight(strings.TrimRight(s, "0"), ".")
	}
	if s == "-0" {
		s = "0"
	}
	return s
}

// Format returns a rounded to decimals places with "," between thousands
// and "." before the decimals, e.g. "30,681.82" or "975,000,000,000". The
// decimals are always printed in full.
func (a Amount) Format(decimals int) string {
	s := a.Round(decimals).rat().FloatString(decimals)
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	intPart, frac, _ := strings.Cut(s, ".")
	var b strings.Builder
	if neg && strings.Trim(s, "0.") != "" {
		b.WriteByte('-')
	}
	for i, c := range intPart {
		if i > 0 && (len(intPart)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(c)
	}
	if frac != "" {
		b.WriteByte('.')
		b.WriteString(frac)
	}
	return b.String()
}

// String returns a rounded to whole units with thousands separators.
func (a Amount) String() string { return a.Format(0) }

// MarshalJSON writes a as a JSON number rounded to 2 decimals: exact
// figures stay in the Go API, JSON carries what a report prints.
func (a Amount) MarshalJSON() ([]byte, error) { return []byte(a.Decimal(2)), nil }

// UnmarshalJSON reads a JSON number (or a string holding one) exactly.
func (a *Amount) UnmarshalJSON(b []byte) error {
	var s string
	if err := json.Unmarshal(b, &s); err != nil {
		s = string(b)
	}
	v, err := ParseAmount(s)
	if err != nil {
		return err
	}
	*a = v
	return nil
}
