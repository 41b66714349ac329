package i18ntest

import (
	"fmt"
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

// recorder records the errors a check reports instead of failing.
type recorder struct {
	testing.TB
	errors []string
}

func (r *recorder) Helper() {}
func (r *recorder) Errorf(format string, args ...any) {
	r.errors = append(r.errors, fmt.Sprintf(format, args...))
}

type texts map[string]string

func (x texts) Get(key string, _ ...any) string {
	if s, ok := x[key]; ok {
		return s
	}
	return "[[" + key + "]]"
}

// TestCodeLabels: an English text other than its code, a Vietnamese text
// equal to the code and a missing Vietnamese text are each reported; good
// labels are not.
func TestCodeLabels(t *testing.T) {
	en := texts{"status_new": "new", "status_old": "former", "status_gone": "gone", "status_kept": "kept"}
	vi := texts{"status_new": "mới", "status_old": "cũ", "status_gone": "gone"}
	codes := map[string]string{"status_new": "new", "status_old": "old", "status_gone": "gone", "status_kept": "kept"}
	r := &recorder{TB: t}
	CodeLabels(r, en, vi, codes)
	want := []string{
		`status_gone: Vietnamese "gone" is not a translation`,
		`status_kept: Vietnamese "[[status_kept]]" is not a translation`,
		`status_old: English "former", want the code "old"`,
	}
	if strings.Join(r.errors, "\n") != strings.Join(want, "\n") {
		t.Errorf("reported:\n%s\nwant:\n%s", strings.Join(r.errors, "\n"), strings.Join(want, "\n"))
	}
}
