package records

import (
	_ "embed"
	"fmt"
	"strconv"
	"strings"

	"github.com/redtape-vn/redtape/internal/i18n"
)

// TextSchema names the format of the text file of stats (text.yaml): the
// headings, table headers and closing line of its text output in
// Vietnamese and English.
const TextSchema = "redtape.records-text/v1"

//go:embed text.yaml
var textData []byte

// texts are the texts of one language with its convention for counts.
type texts struct {
	*i18n.Texts
}

// loadTexts returns the texts in language l; an empty l is Vietnamese.
func loadTexts(l i18n.Lang) (texts, error) {
	if l == "" {
		l = i18n.Vietnamese
	}
	t, err := i18n.Load(textData, TextSchema, l)
	if err != nil {
		return texts{}, fmt.Errorf("records: %w", err)
	}
	return texts{t}, nil
}

// count formats a count: as it is in English ("1234"), with dots between
// thousands in Vietnamese ("1.234").
func (t texts) count(n int) string {
	if t.Lang() == i18n.English {
		return strconv.Itoa(n)
	}
	return showGroupDigits(int64(n))
}

// counted returns the text of key for the number n, n formatted in it.
func (t texts) counted(key string, n int) string {
	return t.Count(key, int64(n), t.count(n))
}

// date formats a day given as 2006-01-02 in t's language (i18n.FormatDay).
func (t texts) date(s string) string { return i18n.FormatDay(t.Lang(), s) }

// readSummary is [ReadSummary] in the language of t.
func (t texts) readSummary(procedures, files, failed, skipped int) string {
	parts := []string{t.Get("summary_read", t.counted("summary_procedures", procedures), t.counted("summary_files", files))}
	if failed > 0 {
		parts = append(parts, t.counted("summary_failed", failed))
	}
	if skipped > 0 {
		parts = append(parts, t.counted("summary_skipped", skipped))
	}
	s := strings.Join(parts, "; ")
	if failed > 0 || skipped > 0 {
		s += " " + t.Get("summary_see_stderr")
	}
	return s
}

// ReadSummaryIn is [ReadSummary] in language l: "2 thủ tục từ 3 tệp; ..."
// in Vietnamese, counts written 1.234.
func ReadSummaryIn(l i18n.Lang, procedures, files, failed, skipped int) (string, error) {
	t, err := loadTexts(l)
	if err != nil {
		return "", err
	}
	return t.readSummary(procedures, files, failed, skipped), nil
}
