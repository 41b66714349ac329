package reports

import (
	_ "embed"

	"github.com/redtape-vn/redtape/internal/i18n"
)

// TextSchema names the format of the report text file.
const TextSchema = "redtape.report-text/v1"

//go:embed text.yaml
var textData []byte

// texts are a report's headings and prose in one language.
type texts = i18n.Texts

// parseTexts reads and validates a report text file (see [i18n.Parse]).
func parseTexts(data []byte) (map[string]map[string]i18n.Text, error) {
	return i18n.Parse(data, TextSchema)
}

// loadTexts returns the report's texts in language l.
func loadTexts(l Lang) (*texts, error) { return i18n.Load(textData, TextSchema, l) }

// verbs lists the fmt verbs of s (see [i18n.Verbs]).
func verbs(s string) string { return i18n.Verbs(s) }
