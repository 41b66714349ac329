package estimate

import (
	_ "embed"
	"fmt"
	"strings"

	"github.com/redtape-vn/redtape/analyzer/cost"
	"github.com/redtape-vn/redtape/internal/i18n"
)

// TextSchema names the format of the estimate's text file (text.yaml):
// the sentences, headings and table headers of the text output in
// Vietnamese and English.
const TextSchema = "redtape.estimate-text/v1"

//go:embed text.yaml
var textData []byte

// loadTexts returns the estimate's texts in language l.
func loadTexts(l i18n.Lang) (*i18n.Texts, error) {
	t, err := i18n.Load(textData, TextSchema, l)
	if err != nil {
		return nil, fmt.Errorf("estimate: %w", err)
	}
	return t, nil
}

// numbers formats the figures of the text output in one language's
// convention, the report's (docs/reports.md, "Number format"):
//
//	vi: 1.234.567 · 12,50 % · −20.000.000 · ≈ 60.000.000 · 23/11/2026
//	en: 1,234,567 · 12.50%  · -20,000,000 · ≈60,000,000  · 2026-11-23
//
// The English forms are those the estimate printed before it had a
// language, kept byte for byte: whole counts without separators, a
// hyphen for minus, "≈" without a space.
type numbers struct{ lang i18n.Lang }

// local rewrites a figure printed the English way (cost.Amount.Format,
// money, column) in the language's convention.
func (n numbers) local(s string) string {
	if n.lang == i18n.English {
		return s
	}
	var b strings.Builder
	for _, r := range s {
		switch r {
		case ',':
			b.WriteByte('.')
		case '.':
			b.WriteByte(',')
		case '-':
			b.WriteString("−")
		case '≈':
			b.WriteString("≈ ")
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// amount formats a with decimals places.
func (n numbers) amount(a cost.Amount, decimals int) string { return n.local(a.Format(decimals)) }

// pct formats a percentage with decimals places: "12.50%", "12,50 %".
func (n numbers) pct(a cost.Amount, decimals int) string { return n.percent(a.Format(decimals)) }

// target formats a target's percentage without needless decimals: "20%",
// "20 %", "12,5 %".
func (n numbers) target(a cost.Amount) string { return n.percent(a.Decimal(2)) }

func (n numbers) percent(s string) string {
	if n.lang == i18n.English {
		return s + "%"
	}
	return n.local(s) + " %"
}

// count formats a count: as it is in English, with thousands separators
// in Vietnamese ("1.000").
func (n numbers) count(v int) string { return n.count64(int64(v)) }

// count64 is count for an int64.
func (n numbers) count64(v int64) string { return i18n.FormatCount(n.lang, v) }

// money formats an amount of đồng, rounded after "≈" when approx is set
// (see money in approx.go).
func (n numbers) money(v cost.Amount, approx bool) string { return n.local(money(v, approx)) }

// column formats rows of đồng that add up to total (see column in
// approx.go).
func (n numbers) column(rows []cost.Amount, total cost.Amount, approx bool) []string {
	out := column(rows, total, approx)
	for i, s := range out {
		out[i] = n.local(s)
	}
	return out
}

// date formats a day given as 2006-01-02 in n's language (i18n.FormatDay).
func (n numbers) date(s string) string { return i18n.FormatDay(n.lang, s) }
