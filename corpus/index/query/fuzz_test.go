package query

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// FuzzQuery checks that no input panics the parser or the translator and
// that parse → String → parse is stable. Seeds live in
// testdata/fuzz/FuzzQuery at the repository root, besides those added here.
func FuzzQuery(f *testing.F) {
	for _, s := range []string{
		"giay khai sinh", `"sổ hộ khẩu" -"bản sao"`, "a OR (b -c) d", "ministry:(\"tài chính\" OR thuế)",
		"basis:104/2022/NĐ-CP code:1.00*", "NOT (a AND b) || c", "-(-(-a))", `a"b`, "x:y", "level:", "((", "*",
	} {
		f.Add(s)
	}
	addSeedDir(f, filepath.Join("..", "..", "..", "testdata", "fuzz", "FuzzQuery"))
	f.Fuzz(func(t *testing.T, q string) {
		n, err := Parse(q)
		if err != nil {
			return
		}
		s := n.String()
		n2, err := Parse(s)
		if err != nil {
			t.Fatalf("Parse(%q) ok, but its String %q does not parse: %v", q, s, err)
		}
		if s2 := n2.String(); s2 != s {
			t.Fatalf("unstable: %q → %q → %q", q, s, s2)
		}
		_, _ = Translate(n)
		_ = Patterns(n)
	})
}

// addSeedDir adds the inputs of go-fuzz corpus files in dir as seeds.
func addSeedDir(f *testing.F, dir string) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return
	}
	for _, e := range entries {
		b, err := os.ReadFile(filepath.Join(dir, e.Name()))
		if err != nil {
			continue
		}
		if s, ok := parseSeed(string(b)); ok {
			f.Add(s)
		}
	}
}

// parseSeed reads a one-string corpus file ("go test fuzz v1\nstring(...)").
func parseSeed(data string) (string, bool) {
	lines := strings.SplitN(strings.TrimSpace(data), "\n", 2)
	if len(lines) != 2 || lines[0] != "go test fuzz v1" {
		return "", false
	}
	arg := strings.TrimSpace(lines[1])
	if !strings.HasPrefix(arg, "string(") || !strings.HasSuffix(arg, ")") {
		return "", false
	}
	s, err := strconv.Unquote(arg[len("string(") : len(arg)-1])
	return s, err == nil
}
