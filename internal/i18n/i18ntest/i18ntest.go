// Package i18ntest helps the tests of a package that keeps its texts in a
// text file read by package i18n: it finds the texts no code names.
package i18ntest

import (
	"bytes"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/redtape-vn/redtape/internal/i18n"
)

// Unused returns, sorted, the keys of the text file data (of schema) that
// no Go file of the current directory other than its tests names as a
// quoted literal ("key") and that exempt does not accept: texts looked up
// by a key built at run time (a family such as "status_" + code) are
// exempted by the caller. A file that cannot be read or parsed fails t.
func Unused(t testing.TB, data []byte, schema string, exempt func(key string) bool) []string {
	t.Helper()
	all, err := i18n.Parse(data, schema)
	if err != nil {
		t.Fatal(err)
	}
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	var src bytes.Buffer
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		src.Write(b)
	}
	var unused []string
	for key := range all {
		if !bytes.Contains(src.Bytes(), []byte(`"`+key+`"`)) && (exempt == nil || !exempt(key)) {
			unused = append(unused, key)
		}
	}
	sort.Strings(unused)
	return unused
}

// Getter is what CodeLabels reads of a language's texts ([i18n.Texts] or
// a type embedding it).
type Getter interface {
	Get(key string, args ...any) string
}

// CodeLabels checks the texts that label codes (a status, a reason, a
// field), codes mapping each text's key to its code: the English text is
// the code itself, so that an English output reads as it did before it
// had a language, and the Vietnamese text is a translation (neither the
// code nor a missing text).
func CodeLabels(t testing.TB, en, vi Getter, codes map[string]string) {
	t.Helper()
	keys := make([]string, 0, len(codes))
	for key := range codes {
		keys = append(keys, key)
	}
	sort.Strings(keys)
	for _, key := range keys {
		code := codes[key]
		if got := en.Get(key); got != code {
			t.Errorf("%s: English %q, want the code %q", key, got, code)
		}
		if got := vi.Get(key); got == code || strings.HasPrefix(got, "[[") {
			t.Errorf("%s: Vietnamese %q is not a translation", key, got)
		}
	}
}
