package flagreport

import (
	_ "embed"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/redtape-vn/redtape/analyzer/catalog"
	"github.com/redtape-vn/redtape/analyzer/flags"
	"github.com/redtape-vn/redtape/internal/i18n"
)

// TextSchema names the format of the flag report's text file
// (text.yaml): the sentences, headings and column headers of the table
// and Markdown outputs in Vietnamese and English.
const TextSchema = "redtape.flag-text/v1"

//go:embed text.yaml
var textData []byte

// texts are the flag report's texts in one language, with the figures,
// dates, codes and names of that language. It keeps no state but the
// texts, so writers on several goroutines may share one.
type texts struct {
	*i18n.Texts
}

// loadTexts returns the flag report's texts in language l.
func loadTexts(l i18n.Lang) (texts, error) {
	t, err := i18n.Load(textData, TextSchema, l)
	if err != nil {
		return texts{}, fmt.Errorf("flag report: %w", err)
	}
	return texts{t}, nil
}

// english reports whether t is in English.
func (t texts) english() bool { return t.Lang() == i18n.English }

// count formats a count: as it is in English, with a dot between
// thousands in Vietnamese ("11.088").
func (t texts) count(n int) string {
	s := strconv.Itoa(n)
	if t.english() {
		return s
	}
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	var b strings.Builder
	if neg {
		b.WriteString("−")
	}
	for i, r := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte('.')
		}
		b.WriteRune(r)
	}
	return b.String()
}

// date formats a day given as 2006-01-02: "01/06/2026" in Vietnamese; a
// text that is no such date is printed as it is.
func (t texts) date(s string) string {
	d, err := time.Parse("2006-01-02", s)
	if t.english() || err != nil {
		return s
	}
	return d.Format("02/01/2006")
}

// status names a paper status: its code in English, its label in
// Vietnamese.
func (t texts) status(st flags.Status) string { return t.Get("status_" + string(st)) }

// coverage names a coverage level; an unknown one is printed as it is.
func (t texts) coverage(c catalog.Coverage) string { return t.code("coverage_", string(c)) }

// reason says why a paper is not flagged: the analyzer's sentence, after
// the label of its reason code in Vietnamese (the sentence itself is
// English prose of analyzer/flags, quoting the paper).
func (t texts) reason(p flags.PaperResult, clip func(string) string) string {
	r := clip(p.Reason)
	if t.english() || p.ReasonCode == "" {
		return r
	}
	return t.Get("reason_with_label", t.code("reason_", p.ReasonCode), r)
}

// code returns the label of code under prefix, or code itself when the
// text file has none (a code added to the analyzer since).
func (t texts) code(prefix, code string) string {
	if s := t.Get(prefix + code); !strings.HasPrefix(s, "[[") {
		return s
	}
	return code
}

// name returns a name given in Vietnamese (vi) and English (en): in
// Vietnamese the Vietnamese one, in English the English one, each the
// other when it is missing.
func (t texts) name(vi, en string) string {
	if t.english() && en != "" {
		return en
	}
	if vi != "" {
		return vi
	}
	return en
}
