// Package golden compares test output with golden files under
// testdata/reports, or rewrites them when a test runs with -update.
package golden

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
)

// Dir returns testdata/reports at the repository root, from a package
// directory depth levels below the root.
func Dir(depth int) string {
	parts := make([]string, 0, depth+2)
	for i := 0; i < depth; i++ {
		parts = append(parts, "..")
	}
	return filepath.Join(append(parts, "testdata", "reports")...)
}

// Check compares got with the golden file dir/name; with update it writes
// got there instead.
func Check(t testing.TB, dir, name string, got []byte, update bool) {
	t.Helper()
	path := filepath.Join(dir, name)
	if update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./reports/... -update)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from the golden file (run go test ./reports/... -update and review the diff)", name)
	}
}
