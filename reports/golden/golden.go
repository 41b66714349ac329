// Package golden compares test output with golden files under testdata/,
// or rewrites them when the test binary runs with -update. Every golden
// test of the repository uses it, so that one flag and one message serve
// them all: go test ./... -update rewrites, git diff reviews.
package golden

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"testing"
)

// update is -update, defined when a test binary imports the package.
var update = flag.Bool("update", false, "rewrite the golden files under testdata/")

// Updating reports whether the test binary runs with -update.
func Updating() bool { return *update }

// Dir returns testdata/sub at the repository root, from a package
// directory depth levels below the root.
func Dir(depth int, sub ...string) string {
	parts := make([]string, 0, depth+1+len(sub))
	for range depth {
		parts = append(parts, "..")
	}
	parts = append(parts, "testdata")
	return filepath.Join(append(parts, sub...)...)
}

// File compares got with the golden file at path, or writes got there
// (creating its directory) when the test binary runs with -update.
func File(t testing.TB, path string, got []byte) {
	t.Helper()
	if Updating() {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test with -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from the golden file (run go test with -update and review the diff):\n%s", path, firstDifference(want, got))
	}
}

// Same reports, as an error of t, the first line where got departs from
// want, two outputs that must be the same; what names them.
func Same(t testing.TB, what string, want, got []byte) {
	t.Helper()
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs at %s", what, firstDifference(want, got))
	}
}

// firstDifference shows the first line where got departs from want.
func firstDifference(want, got []byte) string {
	wl, gl := bytes.Split(want, []byte("\n")), bytes.Split(got, []byte("\n"))
	for i := range max(len(wl), len(gl)) {
		var w, g []byte
		if i < len(wl) {
			w = wl[i]
		}
		if i < len(gl) {
			g = gl[i]
		}
		if !bytes.Equal(w, g) {
			return fmt.Sprintf("line %d:\n  want: %s\n  got:  %s", i+1, w, g)
		}
	}
	return "(they differ in line endings only)"
}
