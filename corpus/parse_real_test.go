package corpus

import (
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"golang.org/x/text/unicode/norm"
)

// docNumberShapeRe matches text shaped like a document number, more loosely
// than the parser: digits, an optional year, then a capital and a code with
// a dash or slash in it or a legislature number ("02/2020/UBTVQH14").
var docNumberShapeRe = regexp.MustCompile(`\d[\d.]{0,8}\s?/\s?(?:(?:19|20)\d{2}\s?/\s?\p{Lu}[\p{L}\d]*|\p{Lu}[\p{L}\d]*[-/][\p{L}\d]+)`)

// TestLegalNumbersRealCorpus reads every legal-basis text of the portal
// crawl (can_cu_phap_ly) and of the Word export (number and summary cells)
// and requires that every document-number-shaped code in them is found by
// FindLegalNumbers.
func TestLegalNumbersRealCorpus(t *testing.T) {
	var texts []string
	for _, raw := range portalRawRecords(t) {
		texts = append(texts, raw["can_cu_phap_ly"])
	}
	files, _ := filepath.Glob(filepath.Join(mustSharedCorpus(t, "word-export"), "*.json"))
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		var rec struct {
			Tables struct {
				Legal []struct {
					Number  string `json:"so_ky_hieu"`
					Summary string `json:"trich_yeu"`
				} `json:"can_cu_phap_ly"`
			} `json:"tables"`
		}
		if err := json.Unmarshal(b, &rec); err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		for _, l := range rec.Tables.Legal {
			texts = append(texts, l.Number, l.Summary)
		}
	}
	shaped, missed := 0, 0
	for _, s := range texts {
		s = norm.NFC.String(s)
		found := FindLegalNumbers(s)
		for _, loc := range docNumberShapeRe.FindAllStringIndex(s, -1) {
			shaped++
			ok := false
			for _, n := range found {
				// Overlap is enough: in run-together cells the shape and the
				// number found cut glued digits differently
				// ("54/2024/QH15193/2025/NĐ-CP").
				if n.Start < loc[1] && n.End > loc[0] {
					ok = true
					break
				}
			}
			if !ok {
				missed++
				if missed <= 20 {
					t.Errorf("number not found: %q", strings.TrimSpace(s[max(0, loc[0]-25):min(len(s), loc[1]+10)]))
				}
			}
		}
	}
	t.Logf("%d texts, %d number-shaped codes, %d not found", len(texts), shaped, missed)
	if shaped < 5000 {
		t.Errorf("only %d number-shaped codes: the corpus changed?", shaped)
	}
}
