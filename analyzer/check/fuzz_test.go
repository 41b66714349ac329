package check

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// addSeeds adds the files of testdata/fuzz/<target>/ at the repository root.
func addSeeds(f *testing.F, target string) {
	seeds, _ := filepath.Glob(filepath.Join("..", "..", "testdata", "fuzz", target, "*"))
	if len(seeds) == 0 {
		f.Fatalf("no seeds in testdata/fuzz/%s", target)
	}
	for _, s := range seeds {
		data, err := os.ReadFile(s)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
}

// fuzzDraft parses arbitrary input in one format, checks the reader's
// invariants and runs every rule over the result.
func fuzzDraft(f *testing.F, target string, format Format) {
	addSeeds(f, target)
	c, err := New(Options{Matcher: stubMatcher{}})
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		d, err := ParseWith("fuzz", data, format, c.lx)
		if err != nil {
			if !errors.Is(err, ErrNotText) { // the only input Parse refuses
				t.Fatalf("Parse: %v", err)
			}
			return
		}
		if strings.IndexByte(d.Source(), 0) >= 0 {
			t.Fatal("a NUL passed as text")
		}
		checkInvariants(t, d)
		res, err := c.Check(t.Context(), d)
		if errors.Is(err, ErrDirective) { // a redtape-disable naming no rule
			return
		}
		if err != nil {
			t.Fatal(err)
		}
		for _, fd := range res.Findings {
			if fd.Line < 1 || fd.Line > d.Lines() || fd.Column < 1 || fd.EndLine < fd.Line {
				t.Fatalf("finding outside the file: %+v", fd)
			}
		}
	})
}

func FuzzDraftMarkdown(f *testing.F) { fuzzDraft(f, "FuzzDraftMarkdown", FormatMarkdown) }
func FuzzDraftHTML(f *testing.F)     { fuzzDraft(f, "FuzzDraftHTML", FormatHTML) }
func FuzzDraftText(f *testing.F)     { fuzzDraft(f, "FuzzDraftText", FormatText) }

// FuzzDraftDiff parses arbitrary unified diffs: no panic, and every
// recorded line is positive.
func FuzzDraftDiff(f *testing.F) {
	addSeeds(f, "FuzzDraftDiff")
	f.Fuzz(func(t *testing.T, data []byte) {
		ch, err := ParseDiff(bytes.NewReader(data))
		if err != nil {
			return
		}
		for _, lines := range ch.files {
			for l := range lines {
				if l < 0 {
					t.Fatalf("negative line %d", l)
				}
			}
		}
	})
}
