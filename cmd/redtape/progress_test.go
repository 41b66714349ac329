package main

import (
	"bytes"
	"context"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// barLine matches one drawing of a progress bar, or its clearing.
var barLine = regexp.MustCompile("\r[^\r\n]*\x1b\\[K")

// TestStreamProgressInteractive runs the streaming commands at a terminal:
// each read of files draws its bar on stderr, full at the end and then
// cleared, and stdout is what the same command prints without a terminal.
func TestStreamProgressInteractive(t *testing.T) {
	base := filepath.Join("..", "..", "testdata", "estimate", "baseline.jsonl")
	cur := filepath.Join("..", "..", "testdata", "estimate", "current.jsonl")
	for _, tc := range []struct {
		name  string
		args  []string
		reads int // reads of files, each with its bar
	}{
		{"flag", []string{"flag", "--format", "json", searchFixture}, 1},
		{"stats", []string{"stats", searchFixture, mdFixture}, 1},
		{"estimate", []string{"estimate", "--baseline", base, "--current", cur}, 3},
		{"report", []string{"report", "--baseline", base, cur}, 3},
	} {
		t.Run(tc.name, func(t *testing.T) {
			runAt := func(interactive bool) (string, string) {
				var out, errb bytes.Buffer
				e := newEnv(strings.NewReader(""), &out, &errb)
				e.interactive = interactive
				if code := run(context.Background(), append([]string{"redtape"}, tc.args...), e); code != exitOK {
					t.Fatalf("exit %d, stderr %q", code, errb.String())
				}
				return out.String(), errb.String()
			}
			plainOut, plainErr := runAt(false)
			out, stderr := runAt(true)
			if out != plainOut {
				t.Errorf("stdout at a terminal differs from stdout without one:\n%s\n---\n%s", out, plainOut)
			}
			if strings.Contains(plainErr, "reading ") {
				t.Errorf("a bar without a terminal: %q", plainErr)
			}
			if n := strings.Count(stderr, "] 100% "); n < tc.reads {
				t.Errorf("stderr %q: %d full bars, want %d (one per read)", stderr, n, tc.reads)
			}
			if !strings.Contains(stderr, "reading "+filepath.Base(cur)) && !strings.Contains(stderr, "reading "+filepath.Base(searchFixture)) {
				t.Errorf("stderr %q does not name the file read", stderr)
			}
			if compares := strings.Contains(stderr, "comparing "+filepath.Base(cur)); compares != (tc.reads == 3) {
				t.Errorf("stderr %q: the second read of the current set is named comparing: %v, want %v", stderr, compares, tc.reads == 3)
			}
			// Every bar is drawn over one line and cleared: without them,
			// stderr is what the command says without a terminal.
			if got := barLine.ReplaceAllString(stderr, ""); got != plainErr {
				t.Errorf("stderr without its bars %q, want %q", got, plainErr)
			}
			if !strings.HasSuffix(stderr, "\r\033[K"+plainErr) && plainErr != "" || plainErr == "" && !strings.HasSuffix(stderr, "\r\033[K") {
				t.Errorf("stderr %q: the last bar is not cleared", stderr)
			}
		})
	}
}

func TestReadingLabel(t *testing.T) {
	for _, tc := range []struct {
		paths []string
		want  string
	}{
		{nil, "reading"},
		{[]string{"/data/c100k/"}, "reading c100k"},
		{[]string{"a/x.jsonl", "b/y.jsonl", "c"}, "reading x.jsonl and 2 more"},
	} {
		if got := readingLabel(tc.paths); got != tc.want {
			t.Errorf("readingLabel(%q) = %q, want %q", tc.paths, got, tc.want)
		}
	}
}
