package flagreport

import (
	_ "embed"
	"fmt"
	"strings"

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

// count formats a count in t's language (i18n.FormatCount).
func (t texts) count(n int) string { return i18n.FormatCount(t.Lang(), int64(n)) }

// date formats a day given as 2006-01-02 in t's language (i18n.FormatDay).
func (t texts) date(s string) string { return i18n.FormatDay(t.Lang(), s) }

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
