package reports

import (
	"strings"
	"testing"
)

func TestEmbeddedTextsValid(t *testing.T) {
	all, err := parseTexts(textData)
	if err != nil {
		t.Fatal(err)
	}
	if len(all) < 100 {
		t.Errorf("only %d texts", len(all))
	}
}

func TestTextsErrors(t *testing.T) {
	for _, tc := range []struct{ name, file, want string }{
		{"schema", "schema: other/v1\ntexts: {a: {vi: x, en: y}}\n", "schema"},
		{"missing en", "schema: redtape.report-text/v1\ntexts: {a: {vi: x}}\n", "needs both vi and en"},
		{"verbs differ", "schema: redtape.report-text/v1\ntexts: {a: {vi: '%s và %s', en: '%s'}}\n", "verbs"},
		{"unknown language", "schema: redtape.report-text/v1\ntexts: {a: {vi: x, en: y, fr: z}}\n", "unknown language"},
		{"unknown field", "schema: redtape.report-text/v1\ntext: {}\n", "field text not found"},
		{"empty", "schema: redtape.report-text/v1\n", "no texts"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := parseTexts([]byte(tc.file))
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("error = %v, want %q", err, tc.want)
			}
		})
	}
	// A literal %% does not count as a verb.
	if _, err := parseTexts([]byte("schema: redtape.report-text/v1\ntexts: {a: {vi: '%s điểm %%', en: '%s points'}}\n")); err != nil {
		t.Error(err)
	}
}
