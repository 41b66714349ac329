package i18n

import (
	"strings"
	"testing"
)

const schema = "test/v1"

// A file missing a language, with different verbs, or with Vietnamese
// plural forms is refused with the key named; a good one is read in each
// language, plurals by number, a missing key shown as [[key]].
func TestLoad(t *testing.T) {
	for _, tc := range []struct{ file, want string }{
		{"schema: test/v1\ntexts: {a: {vi: 'x'}}\n", "a: needs both vi and en"},
		{"schema: test/v1\ntexts: {a: {vi: '%s x', en: '%d x'}}\n", `a: vi has verbs "%s", en has "%d"`},
		{"schema: test/v1\ntexts: {a: {vi: {one: x, other: y}, en: x}}\n", "a: vi has plural forms"},
		{"schema: other/v1\ntexts: {a: {vi: x, en: x}}\n", `schema is "other/v1"`},
		{"schema: test/v1\ntexts: {a: {vi: x, en: x, fr: x}}\n", `a: unknown language "fr"`},
	} {
		if _, err := Load([]byte(tc.file), schema, English); err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("Load(%q) = %v, want an error with %q", tc.file, err, tc.want)
		}
	}
	file := []byte("schema: test/v1\ntexts:\n  n: {vi: '%d thủ tục', en: {one: '%d procedure', other: '%d procedures'}}\n")
	en, err := Load(file, schema, English)
	if err != nil {
		t.Fatal(err)
	}
	vi, err := Load(file, schema, Vietnamese)
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		got, want string
	}{
		{en.Count("n", 1, 1), "1 procedure"}, {en.Count("n", 2, 2), "2 procedures"},
		{vi.Count("n", 1, 1), "1 thủ tục"}, {en.Get("n", 3), "3 procedures"}, {en.Get("zz"), "[[zz]]"},
	} {
		if tc.got != tc.want {
			t.Errorf("got %q, want %q", tc.got, tc.want)
		}
	}
	if l, err := ParseLang(" EN "); err != nil || l != English {
		t.Errorf("ParseLang(EN) = %q, %v", l, err)
	}
	if _, err := ParseLang("fr"); err == nil {
		t.Error("ParseLang(fr) accepted")
	}
}
