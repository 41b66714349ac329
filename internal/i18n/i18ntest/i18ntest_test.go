package i18ntest

import (
	"slices"
	"strings"
	"testing"
)

// A key the package's Go files name quoted ("testing", which they import)
// is used; one they do not name is reported unless exempted.
func TestUnused(t *testing.T) {
	data := []byte("schema: t/v1\ntexts:\n  testing: {vi: a, en: a}\n  nowhere_key: {vi: b, en: b}\n  fam_x: {vi: c, en: c}\n")
	got := Unused(t, data, "t/v1", func(k string) bool { return strings.HasPrefix(k, "fam_") })
	if !slices.Equal(got, []string{"nowhere_key"}) {
		t.Errorf("Unused = %q, want [nowhere_key] (\"testing\" is imported by name, fam_ is exempt)", got)
	}
}
