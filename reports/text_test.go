package reports

import (
	"strings"
	"testing"

	"github.com/redtape-vn/redtape/internal/i18n"
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

func TestPluralForms(t *testing.T) {
	file := "schema: redtape.report-text/v1\ntexts:\n  n: {vi: '%s thủ tục', en: {one: '%s procedure', other: '%s procedures'}}\n  p: {vi: 'Xem', en: 'Show'}\n"
	en, err := i18n.Load([]byte(file), TextSchema, English)
	if err != nil {
		t.Fatal(err)
	}
	vi, err := i18n.Load([]byte(file), TextSchema, Vietnamese)
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		t    *texts
		n    int64
		want string
	}{
		{en, 0, "0 procedures"}, {en, 1, "1 procedure"}, {en, 2, "2 procedures"},
		{vi, 1, "1 thủ tục"}, {vi, 2, "2 thủ tục"},
	} {
		if got := tc.t.Count("n", tc.n, itoa(int(tc.n))); got != tc.want {
			t.Errorf("%s count(%d) = %q, want %q", tc.t.Lang(), tc.n, got, tc.want)
		}
	}
	if got := en.Count("p", 1); got != "Show" {
		t.Errorf("a text without forms counted: %q", got)
	}
	if got := en.Get("n", "3"); got != "3 procedures" {
		t.Errorf("get on a plural text = %q", got)
	}
	for _, tc := range []struct{ name, file, want string }{
		{"vietnamese forms", "schema: redtape.report-text/v1\ntexts: {a: {vi: {one: x, other: y}, en: z}}\n", "Vietnamese nouns"},
		{"one form only", "schema: redtape.report-text/v1\ntexts: {a: {vi: x, en: {other: y}}}\n", "both one and other"},
		{"verbs in one form", "schema: redtape.report-text/v1\ntexts: {a: {vi: '%s x', en: {one: 'one x', other: '%s xs'}}}\n", "verbs"},
		{"list", "schema: redtape.report-text/v1\ntexts: {a: {vi: x, en: [y]}}\n", "mapping of plural forms"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := parseTexts([]byte(tc.file))
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("error = %v, want %q", err, tc.want)
			}
		})
	}
}
