package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestGeneratedFileIsCurrent regenerates the built-in list from the shared
// Appendix and compares it with the committed appendix-i.csv, so that the
// committed file is what the generator makes of the source.
func TestGeneratedFileIsCurrent(t *testing.T) {
	src := filepath.Join("..", "..", "..", "..", "..", "shared", "reference", "nq66.7-appendix-I.csv")
	if _, err := os.Stat(src); err != nil {
		t.Skipf("shared Appendix not found at %s: the generator needs it", src)
	}
	out := filepath.Join(t.TempDir(), "appendix-i.csv")
	var log bytes.Buffer
	if err := run(src, out, &log); err != nil {
		t.Fatal(err)
	}
	got, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	want, err := os.ReadFile(filepath.Join("..", "..", "appendix-i.csv"))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Error("appendix-i.csv is not what the generator makes of the shared Appendix: run go generate ./analyzer/decisions")
	}
	last := strings.TrimSpace(log.String())
	last = last[strings.LastIndexByte(last, '\n')+1:]
	if !strings.Contains(last, "650 rows of 663 (25 codes rewritten, 8 without code or paper, 5 repeated)") {
		t.Errorf("generator summary: %s", last)
	}
}

// TestFixCode checks how procedure codes are cleaned.
func TestFixCode(t *testing.T) {
	for in, want := range map[string]string{
		"2.002093": "2.002093",
		"2,002308": "2.002308",
		"1.01417":  "1.014170",
		"2.00048":  "2.000480",
		"1.1":      "1.100000",
		"":         "",
		"abc":      "abc",
	} {
		if got := fixCode(in); got != want {
			t.Errorf("fixCode(%q) = %q, want %q", in, got, want)
		}
	}
}
