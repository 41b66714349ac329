package reports

import (
	"math"
	"strconv"
	"strings"
)

// numbers formats numbers in one language's convention (docs/reports.md):
//
//	vi: 1.234.567 · 12,5 % · 1.234.567 đ · 975,0 tỷ đ
//	en: 1,234,567 · 12.5%  · 1,234,567 VND · VND 975.0 billion
type numbers struct {
	thousands, decimal string
	lang               Lang
}

func numbersFor(l Lang) numbers {
	if l == English {
		return numbers{thousands: ",", decimal: ".", lang: l}
	}
	return numbers{thousands: ".", decimal: ",", lang: l}
}

// Int formats a whole number with thousands separators.
func (n numbers) Int(v int64) string {
	neg := v < 0
	var u uint64
	if neg {
		u = uint64(-(v + 1)) + 1
	} else {
		u = uint64(v)
	}
	s := strconv.FormatUint(u, 10)
	var b strings.Builder
	if neg {
		b.WriteString("−")
	}
	for i, c := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteString(n.thousands)
		}
		b.WriteRune(c)
	}
	return b.String()
}

// Dec formats v with exactly decimals places, halves rounded away from zero.
func (n numbers) Dec(v float64, decimals int) string {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return "–"
	}
	scale := math.Pow(10, float64(decimals))
	r := math.Round(v*scale) / scale
	if r == 0 {
		r = 0 // no "-0"
	}
	s := strconv.FormatFloat(math.Abs(r), 'f', decimals, 64)
	whole, frac, _ := strings.Cut(s, ".")
	w, _ := strconv.ParseInt(whole, 10, 64)
	out := n.Int(w)
	if r < 0 {
		out = "−" + out
	}
	if frac != "" {
		out += n.decimal + frac
	}
	return out
}

// Num formats v with up to 2 decimals, trailing zeros dropped (parameters).
func (n numbers) Num(v float64) string {
	s := n.Dec(v, 2)
	if strings.Contains(s, n.decimal) {
		s = strings.TrimRight(strings.TrimRight(s, "0"), n.decimal)
	}
	return s
}

// Pct formats a percentage with one decimal: "12,5 %" or "12.5%". A
// positive share too small to show is "<0,1 %", not "0,0 %".
func (n numbers) Pct(v float64) string {
	s := n.Dec(v, 1)
	if v > 0 && math.Round(v*10) == 0 {
		s = "<" + n.Dec(0.1, 1)
	}
	if n.lang == English {
		return s + "%"
	}
	return s + " %"
}

// Target formats a target percentage without needless decimals: "20 %".
func (n numbers) Target(v float64) string {
	if n.lang == English {
		return n.Num(v) + "%"
	}
	return n.Num(v) + " %"
}

// Share formats a share between 0 and 1 as a percentage.
func (n numbers) Share(v float64) string { return n.Pct(v * 100) }

// Money formats an amount of đồng in full: "1.234.567 đ" or "1,234,567 VND".
func (n numbers) Money(v int64) string {
	if n.lang == English {
		return n.Int(v) + " VND"
	}
	return n.Int(v) + " đ"
}

// Short formats an amount of đồng rounded to millions or billions, for
// headlines: "975,0 tỷ đ" / "VND 975.0 billion"; amounts under a million
// are printed in full.
func (n numbers) Short(v int64) string { return n.short(v, 1) }

// short is Short with the given decimals of millions or billions.
func (n numbers) short(v int64, decimals int) string {
	div, unitVI, unitEN := shortUnit(v)
	if div == 1 {
		return n.Money(v)
	}
	s := n.Dec(float64(v)/div, decimals)
	if n.lang == English {
		return "VND " + s + " " + unitEN
	}
	return s + " " + unitVI + " đ"
}

// shortUnit is the unit Short counts v in: billions, millions, or 1 (đồng).
func shortUnit(v int64) (div float64, vi, en string) {
	switch a := math.Abs(float64(v)); {
	case a >= 1e9:
		return 1e9, "tỷ", "billion"
	case a >= 1e6:
		return 1e6, "triệu", "million"
	}
	return 1, "", ""
}
