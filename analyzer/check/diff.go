package check

import (
	"bufio"
	"errors"
	"fmt"
	"github.com/redtape-vn/redtape/internal/textfmt"
	"io"
	"path/filepath"
	"strconv"
	"strings"
	"unicode/utf8"
)

// ChangedLines are the lines a unified diff adds or changes, per file of
// the new side. Build it with [ParseDiff].
type ChangedLines struct {
	files map[string]map[int]bool
	// empty is true when the diff held nothing but blank lines.
	empty bool
}

// ErrNotDiff is the error [ParseDiff] wraps when its input has text but no
// unified-diff structure: no "diff --git", "--- ", "+++ " or "@@ " line.
var ErrNotDiff = errors.New("not a unified diff")

// Empty reports whether the diff read was empty (or only blank lines): no
// change at all, or nothing was given.
func (c *ChangedLines) Empty() bool { return c != nil && c.empty }

// Files returns the changed files (new side, slash-separated) in no order.
func (c *ChangedLines) Files() []string {
	out := make([]string, 0, len(c.files))
	for f := range c.files {
		out = append(out, f)
	}
	return out
}

// MapFiles renames the changed files: fn gets each new-side path as the
// diff gives it and returns the path to match drafts against (resolving a
// repository-root-relative path from a subdirectory, say).
func (c *ChangedLines) MapFiles(fn func(string) string) {
	if c == nil {
		return
	}
	files := make(map[string]map[int]bool, len(c.files))
	for name, lines := range c.files {
		to := cleanPath(fn(name))
		if old, ok := files[to]; ok {
			for l := range old {
				lines[l] = true
			}
		}
		files[to] = lines
	}
	c.files = files
}

// ParseDiff reads a unified diff (git diff, diff -u) and records the lines
// each hunk adds on the new side. Deleted files and pure deletions record
// nothing. Malformed hunks are errors, and so is a hunk cut short (fewer
// lines than its header announces, as in a truncated diff), named by diff
// line and file, and text without any diff structure (see [ErrNotDiff]);
// empty input is an empty diff.
func ParseDiff(r io.Reader) (*ChangedLines, error) {
	c := &ChangedLines{files: map[string]map[int]bool{}}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64*1024), 16*1024*1024)
	var cur map[int]bool
	curName := ""
	line, oldLeft, newLeft := 0, 0, 0
	hunkLine, hunk := 0, ""
	n := 0
	structured, blank := false, true
	cutShort := func(at string) error {
		file := curName
		if file == "" {
			file = "a deleted file"
		}
		return fmt.Errorf("diff line %d: the hunk %q at diff line %d of %s is cut short %s: %d added and %d removed lines missing (a truncated diff?)",
			n, hunk, hunkLine, textfmt.Printable(file), at, max(newLeft, 0), max(oldLeft, 0))
	}
	for sc.Scan() {
		n++
		t := sc.Text()
		if blank && strings.TrimSpace(t) != "" {
			blank = false
		}
		if !structured && (strings.HasPrefix(t, "diff --git ") || strings.HasPrefix(t, "--- ") ||
			strings.HasPrefix(t, "+++ ") || strings.HasPrefix(t, "@@ ")) {
			structured = true
		}
		if oldLeft > 0 || newLeft > 0 {
			// Inside a hunk each line is one it announced: an added line
			// while added lines are due, a removed one while removed lines
			// are, context while both are. Any other line ends it early.
			switch {
			case strings.HasPrefix(t, "+") && newLeft > 0:
				if cur != nil {
					cur[line] = true
				}
				line++
				newLeft--
				continue
			case strings.HasPrefix(t, "-") && oldLeft > 0:
				oldLeft--
				continue
			case (strings.HasPrefix(t, " ") || t == "") && oldLeft > 0 && newLeft > 0:
				line++
				oldLeft--
				newLeft--
				continue
			case strings.HasPrefix(t, `\`): // "\ No newline at end of file"
				continue
			}
			return nil, cutShort(fmt.Sprintf("by %q", clipLine(t)))
		}
		switch {
		case strings.HasPrefix(t, "+++ "):
			name := diffPath(t[4:])
			curName = name
			if name == "" {
				cur = nil
				continue
			}
			cur = c.files[name]
			if cur == nil {
				cur = map[int]bool{}
				c.files[name] = cur
			}
		case strings.HasPrefix(t, "@@ "):
			o, nl, start, err := parseHunk(t)
			if err != nil {
				return nil, fmt.Errorf("diff line %d: %w", n, err)
			}
			oldLeft, newLeft, line = o, nl, start
			hunkLine, hunk = n, clipLine(t)
		case strings.HasPrefix(t, `\`):
		}
	}
	if oldLeft > 0 || newLeft > 0 {
		if err := sc.Err(); err != nil {
			return nil, fmt.Errorf("read diff: %w", err)
		}
		return nil, cutShort("by the end of the diff")
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("read diff: %w", err)
	}
	if !blank && !structured {
		return nil, fmt.Errorf("%w: no \"diff --git\", \"--- \", \"+++ \" or \"@@ \" line", ErrNotDiff)
	}
	c.empty = blank
	return c, nil
}

// clipLine shortens a diff line quoted in an error.
func clipLine(t string) string {
	if len(t) <= 60 {
		return t
	}
	i := 60
	for i > 0 && !utf8.RuneStart(t[i]) {
		i--
	}
	return t[:i] + "…"
}

// diffPath returns the new-side path of a "+++ " line, without the "b/"
// prefix and timestamp; "" for /dev/null.
func diffPath(s string) string {
	if i := strings.IndexByte(s, '\t'); i >= 0 {
		s = s[:i]
	}
	s = strings.TrimSpace(s)
	if unq, err := strconv.Unquote(s); err == nil && strings.HasPrefix(s, `"`) {
		s = unq
	}
	if s == "/dev/null" || s == "" {
		return ""
	}
	if strings.HasPrefix(s, "b/") {
		s = s[2:]
	}
	return cleanPath(s)
}

// parseHunk reads "@@ -a,b +c,d @@" and returns the old and new line
// counts and the new start line.
func parseHunk(t string) (oldN, newN, start int, err error) {
	f := strings.Fields(t)
	if len(f) < 3 || !strings.HasPrefix(f[1], "-") || !strings.HasPrefix(f[2], "+") {
		return 0, 0, 0, fmt.Errorf("bad hunk header %q", t)
	}
	_, oldN, err = hunkRange(f[1][1:])
	if err != nil {
		return 0, 0, 0, fmt.Errorf("bad hunk header %q: %w", t, err)
	}
	start, newN, err = hunkRange(f[2][1:])
	if err != nil {
		return 0, 0, 0, fmt.Errorf("bad hunk header %q: %w", t, err)
	}
	return oldN, newN, start, nil
}

func hunkRange(s string) (start, n int, err error) {
	a, b, found := strings.Cut(s, ",")
	start, err = strconv.Atoi(a)
	if err != nil || start < 0 {
		return 0, 0, fmt.Errorf("bad range %q", s)
	}
	n = 1
	if found {
		n, err = strconv.Atoi(b)
		if err != nil || n < 0 {
			return 0, 0, fmt.Errorf("bad range %q", s)
		}
	}
	if n > 1<<24 {
		return 0, 0, fmt.Errorf("range %q too large", s)
	}
	return start, n, nil
}

func cleanPath(p string) string {
	return strings.TrimPrefix(filepath.ToSlash(filepath.Clean(p)), "./")
}

// Has reports whether line of file was added or changed. File paths are
// compared cleaned and slash-separated; a path matches when one ends with
// the other at a directory boundary, so a diff taken at the repository root
// matches files named from a subdirectory and the other way round.
func (c *ChangedLines) Has(file string, line int) bool {
	if c == nil {
		return true
	}
	lines := c.lookup(file)
	return lines != nil && lines[line]
}

// Touches reports whether the diff changes file at all.
func (c *ChangedLines) Touches(file string) bool {
	if c == nil {
		return true
	}
	return c.lookup(file) != nil
}

func (c *ChangedLines) lookup(file string) map[int]bool {
	f := cleanPath(file)
	if m, ok := c.files[f]; ok {
		return m
	}
	for name, m := range c.files {
		if strings.HasSuffix(f, "/"+name) || strings.HasSuffix(name, "/"+f) {
			return m
		}
	}
	return nil
}

// Filter keeps the findings that touch a changed line: a finding spanning
// several lines is kept when any of them changed.
func (c *ChangedLines) Filter(fs []Finding) []Finding {
	if c == nil {
		return fs
	}
	out := fs[:0:0]
	for _, f := range fs {
		lines := c.lookup(f.File)
		for l := f.Line; l <= max(f.Line, f.EndLine); l++ {
			if lines[l] {
				out = append(out, f)
				break
			}
		}
	}
	return out
}
