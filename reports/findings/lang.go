package findings

import (
	_ "embed"
	"fmt"
	"strconv"
	"strings"

	"github.com/redtape-vn/redtape/analyzer/check"
	"github.com/redtape-vn/redtape/internal/i18n"
)

// TextSchema names the format of the prose file of the text, Markdown and
// GitHub outputs (text.yaml), in Vietnamese and English.
const TextSchema = "redtape.check-text/v1"

//go:embed text.yaml
var textData []byte

// lang returns the language of r's prose: English when r.Lang is empty.
func (r *Report) lang() i18n.Lang {
	if r.Lang == "" {
		return i18n.English
	}
	return r.Lang
}

// texts returns the prose of the outputs in r's language; a language other
// than vi and en is an error.
func (r *Report) texts() (*i18n.Texts, error) {
	if l := r.lang(); l != i18n.English && l != i18n.Vietnamese {
		return nil, fmt.Errorf("findings: language %q is not vi or en", l)
	}
	t, err := i18n.Load(textData, TextSchema, r.lang())
	if err != nil {
		return nil, fmt.Errorf("findings: %w", err)
	}
	return t, nil
}

// text returns the message and fix of f in r's language.
func (r *Report) text(f check.Finding) (msg, fix string) { return f.Text(r.lang()) }

// notes returns the run's notes in r's language.
func (r *Report) notes() []string { return r.NotesIn(r.lang()) }

// severityName names s in the summary and the Markdown tables; a
// severity without a text (off) keeps its code.
func severityName(t *i18n.Texts, s check.Severity) string {
	if n := t.Get("sev_" + s.String()); !strings.HasPrefix(n, "[[") {
		return n
	}
	return s.String()
}

// count formats a count of the text of key (n_findings, n_files ...).
func count(t *i18n.Texts, key string, n int) string {
	return t.Count(key, int64(n), number(t.Lang(), n))
}

// number formats a count in language l: as Go prints it in English, with
// dots between groups of three digits in Vietnamese ("1.400").
func number(l i18n.Lang, n int) string {
	if l == i18n.English {
		return strconv.Itoa(n)
	}
	return i18n.GroupDigits(int64(n), ".")
}
