package main

import (
	"bytes"
	"context"
	"math"
	"path/filepath"
	"runtime/debug"
	"strings"
	"testing"
	"unicode/utf8"
)

// onScreen is what a terminal shows of text written to it, as far as the
// progress bar uses it: a carriage return goes back to the start of the
// line, ESC [K clears the line from there, other text overwrites.
func onScreen(text string) string {
	var lines []string
	var line []rune
	col := 0
	for i := 0; i < len(text); {
		switch {
		case strings.HasPrefix(text[i:], "\x1b[K"):
			line = line[:col]
			i += 3
			continue
		case text[i] == '\r':
			col = 0
		case text[i] == '\n':
			lines = append(lines, string(line))
			line, col = nil, 0
		default:
			r, n := utf8.DecodeRuneInString(text[i:])
			if col < len(line) {
				line[col] = r
			} else {
				line = append(line, r)
			}
			col++
			i += n
			continue
		}
		i++
	}
	out := strings.Join(lines, "\n")
	if len(lines) > 0 {
		out += "\n"
	}
	return out + string(line)
}

// TestOnScreen checks the screen the progress tests read.
func TestOnScreen(t *testing.T) {
	for in, want := range map[string]string{
		"\rbar 10%\x1b[K\rbar 100%\x1b[K\r\x1b[Kdone\n": "done\n",
		"\rbar 100%\x1b[Kwarning\n":                     "bar 100%warning\n",
		"line\n\rbar\x1b[K":                             "line\nbar",
		"ab\rc":                                         "cb",
	} {
		if got := onScreen(in); got != want {
			t.Errorf("onScreen(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestStreamProgressQuiet: no bar without files (the demo corpus), nor
// for show when its records go to a terminal, where the bar would land in
// their lines.
func TestStreamProgressQuiet(t *testing.T) {
	for _, tc := range []struct {
		name           string
		args           []string
		stdoutTerminal bool
	}{
		{"demo", []string{"estimate"}, false},
		{"show to a terminal", []string{"show", searchFixture}, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var out, errb bytes.Buffer
			e := newEnv(strings.NewReader(""), &out, &errb)
			e.interactive, e.stdoutTerminal = true, tc.stdoutTerminal
			if code := run(context.Background(), append([]string{"redtape"}, tc.args...), e); code != exitOK {
				t.Fatalf("exit %d, stderr %q", code, errb.String())
			}
			if strings.ContainsAny(errb.String()+out.String(), "\r\x1b") {
				t.Errorf("a bar was drawn: stderr %q", errb.String())
			}
		})
	}
}

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
		// A baseline read twice: its duplicates are told between reads.
		{"report with warnings", []string{"report", "--baseline", base, "--baseline", base, cur}, 3},
		{"show to a file", []string{"show", "--format", "jsonl", searchFixture}, 1},
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
			// On the screen, every bar is cleared before anything else is
			// told: what is left is what the command says without one.
			if got := onScreen(stderr); got != plainErr {
				t.Errorf("stderr on a screen:\n%q\nwant what is said without a terminal:\n%q", got, plainErr)
			}
			if tc.name == "report with warnings" && !strings.Contains(plainErr, "read more than once") {
				t.Errorf("no warning between reads to test: %q", plainErr)
			}
		})
	}
}

func TestReadLabel(t *testing.T) {
	for _, tc := range []struct {
		paths []string
		want  string
	}{
		{nil, "reading"},
		{[]string{"/data/c100k/"}, "reading c100k"},
		{[]string{"a/x.jsonl", "b/y.jsonl", "c"}, "reading x.jsonl and 2 more"},
	} {
		if got := readLabel("reading", tc.paths); got != tc.want {
			t.Errorf("readLabel(%q) = %q, want %q", tc.paths, got, tc.want)
		}
	}
}

// TestLimitMemory: the streaming commands' soft limit is set when none is,
// kept as it is when one is (a user's GOMEMLIMIT, or a command's that
// holds it over all its reads), and restored after.
func TestLimitMemory(t *testing.T) {
	defer debug.SetMemoryLimit(debug.SetMemoryLimit(math.MaxInt64))
	restore := limitMemory()
	if got := debug.SetMemoryLimit(-1); got != streamMemoryLimit {
		t.Errorf("no limit before: %d, want %d", got, streamMemoryLimit)
	}
	inner := limitMemory()
	inner()
	if got := debug.SetMemoryLimit(-1); got != streamMemoryLimit {
		t.Errorf("after a nested limit: %d, want %d", got, streamMemoryLimit)
	}
	restore()
	if got := debug.SetMemoryLimit(-1); got != math.MaxInt64 {
		t.Errorf("restored: %d, want no limit", got)
	}
	const user = 3 << 30
	debug.SetMemoryLimit(user)
	restore = limitMemory()
	if got := debug.SetMemoryLimit(-1); got != user {
		t.Errorf("a user's limit became %d", got)
	}
	restore()
	if got := debug.SetMemoryLimit(-1); got != user {
		t.Errorf("a user's limit became %d once restored", got)
	}
}
