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
