package cost

import (
	"cmp"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"math/big"
	"math/bits"
	"strconv"
	"strings"
)

// Amount is an exact rational number: a sum of đồng, a number of hours, a
// share or a percentage. Arithmetic on Amounts never rounds; rounding happens
// only when an Amount is printed ([Amount.Format], [Amount.String],
// [Amount.MarshalJSON]). The zero value is 0. An Amount is immutable: every
// method returns a new value.
//
// Values whose numerator and denominator fit in int64 are kept as such and
// computed without allocating; others fall back to math/big.
type Amount struct {
	n int64    // numerator, when r is nil
	d int64    // denominator minus one, when r is nil (so the zero value is 0/1)
	r *big.Rat // the value when it does not fit in n/d; never mutated once set
}

// Int returns n as an Amount.
func Int(n int64) Amount { return Amount{n: n} }

// Frac returns num/den as an Amount. It panics when den is 0, like
// [big.Rat.SetFrac64]; callers pass validated denominators.
func Frac(num, den int64) Amount {
	if den == 0 {
		panic("cost: division by zero")
	}
	if a, ok := smallFrac(num, den); ok {
		return a
	}
	return fromBig(new(big.Rat).SetFrac64(num, den))
}

// Limits of what [ParseAmount] reads. They keep parsing and the arithmetic
// after it bounded by the input's length: big.Rat alone accepts "1e1000000"
// and binary exponents ("4p7040000"), numbers of millions of digits.
const (
	// MaxAmountDigits is the most digits [ParseAmount] reads in an integer
	// part, a fraction part, a numerator or a denominator (an exact
	// fraction written by [Amount.Exact] may need many).
	MaxAmountDigits = 200
	// MaxWholeDigits is the most digits the whole part of an amount
	// [ParseAmount] reads may have: amounts lie within ±10^60.
	MaxWholeDigits = 60
	// MaxAmountExponent is the largest decimal exponent [ParseAmount]
	// accepts, either sign, as long as the whole part keeps at most
	// MaxWholeDigits digits: "1e59" and "1e-60" are read, "1e60" and
	// "1e61" are not.
	MaxAmountExponent = 60
)

// ParseAmount reads a plain decimal ("30681.82", "0.5", "-3", "+2"), a
// decimal with a small decimal exponent ("1e3", "393.4e9") or a fraction of
// two integers ("5/7", as [Amount.Exact] writes) exactly. Each run of digits
// holds at most [MaxAmountDigits] digits, an exponent is at most
// [MaxAmountExponent] either way, and the whole part has at most
// [MaxWholeDigits] digits, so that parsing and what follows are bounded by
// the text's length.
// Thousands separators ("5,400,000"), underscores, hexadecimal, octal and
// binary forms ("0x10", "4p7040000") and "Inf" or "NaN" are errors.
func ParseAmount(s string) (Amount, error) {
	s = strings.TrimSpace(s)
	if err := checkDecimal(s); err != nil {
		return Amount{}, fmt.Errorf("not a number: %q: %w", s, err)
	}
	r, ok := new(big.Rat).SetString(s)
	if !ok {
		return Amount{}, fmt.Errorf("not a number: %q", s)
	}
	return fromBig(r), nil
}

// checkDecimal reports why s is not a plain decimal, a decimal with a
// bounded exponent, or a fraction of two integers, within the limits.
func checkDecimal(s string) error {
	if s == "" {
		return errors.New("empty")
	}
	if num, den, ok := strings.Cut(s, "/"); ok {
		if err := checkDigits(trimSign(num), "numerator"); err != nil {
			return err
		}
		if err := checkDigits(den, "denominator"); err != nil {
			return err
		}
		if len(strings.TrimLeft(trimSign(num), "0"))-len(strings.TrimLeft(den, "0"))+1 > MaxWholeDigits {
			return fmt.Errorf("more than %d digits before the point", MaxWholeDigits)
		}
		return nil
	}
	mant, exp, hasExp := strings.Cut(strings.ToLower(s), "e")
	intPart, frac, hasPoint := strings.Cut(trimSign(mant), ".")
	if hasExp {
		e := trimSign(exp)
		if err := checkDigits(e, "exponent"); err != nil {
			return err
		}
		n, err := strconv.Atoi(e)
		if err != nil || n > MaxAmountExponent {
			return fmt.Errorf("exponent beyond ±%d", MaxAmountExponent)
		}
		if exp[0] != '-' && len(strings.TrimLeft(intPart, "0"))+n > MaxWholeDigits {
			return fmt.Errorf("more than %d digits before the point", MaxWholeDigits)
		}
	} else if len(strings.TrimLeft(intPart, "0")) > MaxWholeDigits {
		return fmt.Errorf("more than %d digits before the point", MaxWholeDigits)
	}
	if intPart == "" && frac == "" {
		return errors.New("no digits")
	}
	if intPart != "" {
		if err := checkDigits(intPart, "integer part"); err != nil {
			return err
		}
	}
	if hasPoint && frac != "" {
		if err := checkDigits(frac, "fraction part"); err != nil {
			return err
		}
	}
	return nil
}

// trimSign drops one leading + or −.
func trimSign(s string) string {
	if s != "" && (s[0] == '+' || s[0] == '-') {
		return s[1:]
	}
	return s
}

// checkDigits reports whether s is 1 to MaxAmountDigits ASCII digits.
func checkDigits(s, what string) error {
	if s == "" {
		return fmt.Errorf("%s has no digits", what)
	}
	if len(s) > MaxAmountDigits {
		return fmt.Errorf("%s has more than %d digits", what, MaxAmountDigits)
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return fmt.Errorf("%s holds %q, not a decimal digit", what, s[i])
		}
	}
	return nil
}

// FromRat returns a copy of r as an Amount.
func FromRat(r *big.Rat) Amount {
	if r == nil {
		return Amount{}
	}
	return fromBig(new(big.Rat).Set(r))
}

// fromBig returns r as an Amount, small when it fits. r must not be
// changed afterwards.
func fromBig(r *big.Rat) Amount {
	if r.Num().IsInt64() && r.Denom().IsInt64() {
		if a, ok := smallFrac(r.Num().Int64(), r.Denom().Int64()); ok {
			return a
		}
	}
	return Amount{r: r}
}

// smallFrac returns num/den reduced, or false when it cannot be held in
// int64s (den is never 0 here).
func smallFrac(num, den int64) (Amount, bool) {
	if num == math.MinInt64 || den == math.MinInt64 {
		return Amount{}, false
	}
	if den < 0 {
		num, den = -num, -den
	}
	if g := gcd(abs(num), den); g > 1 {
		num, den = num/g, den/g
	}
	return Amount{n: num, d: den - 1}, true
}

func abs(x int64) int64 {
	if x < 0 {
		return -x
	}
	return x
}

func gcd(a, b int64) int64 {
	for b != 0 {
		a, b = b, a%b
	}
	return a
}

// mul64 returns a×b, or false on overflow.
func mul64(a, b int64) (int64, bool) {
	if a == 0 || b == 0 {
		return 0, true
	}
	if a == math.MinInt64 || b == math.MinInt64 {
		return 0, false
	}
	hi, lo := bits.Mul64(uint64(abs(a)), uint64(abs(b)))
	if hi != 0 || lo > math.MaxInt64 {
		return 0, false
	}
	if (a < 0) != (b < 0) {
		return -int64(lo), true
	}
	return int64(lo), true
}

// add64 returns a+b, or false on overflow.
func add64(a, b int64) (int64, bool) {
	s := a + b
	if (a > 0 && b > 0 && s < 0) || (a < 0 && b < 0 && s >= 0) {
		return 0, false
	}
	return s, true
}

func (a Amount) den() int64 { return a.d + 1 }

func (a Amount) rat() *big.Rat {
	if a.r != nil {
		return a.r
	}
	return new(big.Rat).SetFrac64(a.n, a.den())
}

// Rat returns a copy of the exact value.
func (a Amount) Rat() *big.Rat { return new(big.Rat).Set(a.rat()) }

// Add returns a+b.
func (a Amount) Add(b Amount) Amount {
	if a.r == nil && b.r == nil {
		if a.d == b.d {
			if n, ok := add64(a.n, b.n); ok {
				if a.d == 0 {
					return Amount{n: n}
				}
				if r, ok := smallFrac(n, a.den()); ok {
					return r
				}
			}
		} else if x, ok := mul64(a.n, b.den()); ok {
			if y, ok := mul64(b.n, a.den()); ok {
				if n, ok := add64(x, y); ok {
					if d, ok := mul64(a.den(), b.den()); ok {
						if r, ok := smallFrac(n, d); ok {
							return r
						}
					}
				}
			}
		}
	}
	return fromBig(new(big.Rat).Add(a.rat(), b.rat()))
}

// Sub returns a−b.
func (a Amount) Sub(b Amount) Amount { return a.Add(b.neg()) }

func (a Amount) neg() Amount {
	if a.r == nil && a.n != math.MinInt64 {
		return Amount{n: -a.n, d: a.d}
	}
	return fromBig(new(big.Rat).Neg(a.rat()))
}

// Mul returns a×b.
func (a Amount) Mul(b Amount) Amount {
	if a.r == nil && b.r == nil {
		an, ad, bn, bd := a.n, a.den(), b.n, b.den()
		if g := gcd(abs(an), bd); g > 1 {
			an, bd = an/g, bd/g
		}
		if g := gcd(abs(bn), ad); g > 1 {
			bn, ad = bn/g, ad/g
		}
		if n, ok := mul64(an, bn); ok {
			if n == 0 {
				return Amount{}
			}
			if d, ok := mul64(ad, bd); ok {
				return Amount{n: n, d: d - 1} // already reduced, d > 0
			}
		}
	}
	return fromBig(new(big.Rat).Mul(a.rat(), b.rat()))
}

// MulInt returns a×n.
func (a Amount) MulInt(n int64) Amount { return a.Mul(Int(n)) }

// Div returns a/b, or 0 when b is 0 (a share of nothing is nothing).
func (a Amount) Div(b Amount) Amount {
	if b.IsZero() {
		return Amount{}
	}
	if b.r == nil {
		if inv, ok := smallFrac(b.den(), b.n); ok {
			return a.Mul(inv)
		}
	}
	return fromBig(new(big.Rat).Quo(a.rat(), b.rat()))
}

// Min returns the smaller of a and b.
func (a Amount) Min(b Amount) Amount {
	if a.Cmp(b) <= 0 {
		return a
	}
	return b
}

// Cmp compares a and b: −1 when a < b, 0 when equal, +1 when a > b.
func (a Amount) Cmp(b Amount) int {
	if a.r == nil && b.r == nil {
		if a.d == b.d {
			return cmp.Compare(a.n, b.n)
		}
		if x, ok := mul64(a.n, b.den()); ok {
			if y, ok := mul64(b.n, a.den()); ok {
				return cmp.Compare(x, y)
			}
		}
	}
	return a.rat().Cmp(b.rat())
}

// Sign returns −1, 0 or +1.
func (a Amount) Sign() int {
	if a.r == nil {
		return cmp.Compare(a.n, 0)
	}
	return a.r.Sign()
}

// IsZero reports whether a is 0.
func (a Amount) IsZero() bool { return a.Sign() == 0 }

// Percent returns a as a percentage of whole (a/whole × 100), or 0 when
// whole is 0.
func (a Amount) Percent(whole Amount) Amount { return a.MulInt(100).Div(whole) }

// Round returns a rounded to decimals places, halves away from zero.
func (a Amount) Round(decimals int) Amount {
	if r, ok := a.roundSmall(decimals); ok {
		return r
	}
	return a.roundBig(decimals)
}

// roundBig is Round in big.Int arithmetic, for any amount.
func (a Amount) roundBig(decimals int) Amount {
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
	return fromBig(new(big.Rat).SetFrac(q, scale))
}

// roundSmall is Round in int64 arithmetic, for an amount held in int64s
// whose scaled numerator fits one too (the amounts of records and
// parameters); false otherwise.
func (a Amount) roundSmall(decimals int) (Amount, bool) {
	if a.r != nil || decimals < 0 || decimals > 18 || a.n == math.MinInt64 {
		return Amount{}, false
	}
	scale := int64(1)
	for range decimals {
		scale *= 10
	}
	num, neg := a.n, a.n < 0
	if neg {
		num = -num
	}
	if num > math.MaxInt64/scale {
		return Amount{}, false
	}
	den := a.den()
	q, m := num*scale/den, num*scale%den
	if m >= den-m { // 2m ≥ den, without overflow
		q++
	}
	if neg {
		q = -q
	}
	return Frac(q, scale), true
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

// Exact returns a's exact value as text that loses nothing: an integer
// ("1802750000", "-3") when a is whole, else the reduced fraction
// ("337500/11"). [ParseAmount] reads it back to the same value.
func (a Amount) Exact() string {
	if a.r == nil && a.d == 0 {
		return strconv.FormatInt(a.n, 10)
	}
	return a.rat().RatString()
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
