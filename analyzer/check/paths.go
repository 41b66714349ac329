package check

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"github.com/redtape-vn/redtape/internal/textfmt"
	"io"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
)

// ErrUsage is wrapped by the errors [CheckPaths] returns for a run asked
// for wrongly: a path that does not exist, DRAFTS that hold no draft, a
// diff that is empty, not a diff or names drafts not found here, a bad git
// revision. A command exits with its usage code on them.
var ErrUsage = errors.New("usage error")

// usageError is an error that [errors.Is] matches with [ErrUsage]; its
// message is the message given, without a prefix.
type usageError struct{ err error }

func (e *usageError) Error() string        { return e.err.Error() }
func (e *usageError) Unwrap() error        { return e.err }
func (e *usageError) Is(target error) bool { return target == ErrUsage }

func usageErrorf(format string, args ...any) error {
	return &usageError{fmt.Errorf(format, args...)}
}

// PathsOptions configure [CheckPaths].
type PathsOptions struct {
	// Options configure the checker. An empty Root is set to the git top
	// level of the working directory, else the working directory.
	Options
	// Paths are the drafts: files, or directories searched for draft files
	// (see [DraftExtensions]). With Diff set and no paths, the drafts the
	// diff changes.
	Paths []string
	// Diff keeps only findings on lines a change adds: a git revision to
	// diff the working tree against, or "-" for a unified diff read from
	// Stdin. Empty checks whole drafts.
	Diff string
	// Stdin is read when Diff is "-".
	Stdin io.Reader
}

// Unreadable is an input a run could not read.
type Unreadable struct {
	// File is the path as given.
	File string `json:"file"`
	// Error says why, naming the file, as printed on standard error: its
	// control and bidi characters escaped (see [Printable]).
	Error string `json:"error"`
}

// Run is what checking drafts found: the report model of a check. Each
// finding is kept once, in the result of its file.
type Run struct {
	// Root is the directory machine output names files from (see
	// [Options.Root]); empty keeps the paths as given.
	Root string
	// Files are the per-file results, in the order checked.
	Files []*FileResult
	// Notes are remarks about the run and about rules that could not run,
	// sorted, each once.
	Notes []string
	// Unreadable are the inputs that could not be read, in the order met;
	// the run covers the rest.
	Unreadable []Unreadable

	noteMsgs map[string]Message // the notes in both languages, by English text
}

// Findings returns the findings of every file, sorted by file, line,
// column and rule (see [SortFindings]).
func (r *Run) Findings() []Finding {
	var all []Finding
	for _, f := range r.Files {
		all = append(all, f.Findings...)
	}
	SortFindings(all)
	return all
}

// AddNote adds a note to the run unless it holds it already, keeping the
// notes sorted.
func (r *Run) AddNote(n string) {
	i := sort.SearchStrings(r.Notes, n)
	if i < len(r.Notes) && r.Notes[i] == n {
		return
	}
	r.Notes = append(r.Notes, "")
	copy(r.Notes[i+1:], r.Notes[i:])
	r.Notes[i] = n
}

// CheckPaths checks the drafts under opts.Paths, or those a diff changes,
// keeping with a diff only the findings on lines it adds. A draft that
// cannot be read is listed in [Run.Unreadable] and the run goes on. Errors
// wrapping [ErrUsage] or [ErrDirective] mean the run was asked for wrongly;
// a gate that would check nothing is one of them (no drafts under the paths,
// a diff of drafts not found here, an empty piped diff).
func CheckPaths(ctx context.Context, opts PathsOptions) (*Run, error) {
	top := gitTopLevel(ctx)
	if opts.Root == "" {
		opts.Root = top
		if opts.Root == "" {
			opts.Root, _ = os.Getwd()
		}
	}
	changed, err := readChanges(ctx, opts)
	if err != nil {
		return nil, err
	}
	if opts.Diff == "-" {
		resolveDiffPaths(changed, top)
	}
	if err := confineDiff(changed, opts.Diff, top); err != nil {
		return nil, err
	}
	if missing := missingDrafts(changed); len(missing) > 0 {
		// A gate that checks nothing must not pass: a diff taken elsewhere
		// or paths that do not resolve would leave every draft unchecked.
		where := "the working directory"
		if top != "" {
			where = "the repository root " + top + " and the working directory"
		}
		return nil, usageErrorf("--diff %s: the diff changes drafts not found here: %s (paths resolved against %s)",
			opts.Diff, textfmt.Printable(strings.Join(missing, ", ")), textfmt.Printable(where))
	}
	paths, fromDiff := opts.Paths, false
	if len(paths) == 0 {
		if changed == nil {
			return nil, usageErrorf("check needs DRAFTS (files or directories), or --diff to check the changed drafts")
		}
		paths, fromDiff = changedDrafts(changed), true
	}
	checker, err := New(opts.Options)
	if err != nil {
		return nil, &usageError{err}
	}
	files, ignored, err := expandDrafts(paths, checker.Config())
	if err != nil {
		return nil, &usageError{err}
	}
	if len(files) == 0 && ignored == 0 && !fromDiff {
		// A gate that checked nothing must not pass: a mistyped directory,
		// drafts with another extension.
		return nil, usageErrorf("no drafts found under %s (looked for %s files)", strings.Join(paths, ", "), draftExtensionList())
	}
	run := &Run{Root: opts.Root}
	checked := 0
	for _, f := range files {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		if changed != nil && !changed.Touches(f) {
			continue
		}
		checked++
		d, err := checker.ParseFile(f)
		if err != nil {
			// The error names the file, which can hold any byte: print it
			// escaped wherever it goes (stderr, text, annotations).
			run.Unreadable = append(run.Unreadable, Unreadable{File: f, Error: textfmt.Printable(err.Error())})
			continue
		}
		res, err := checker.Check(ctx, d)
		if err != nil {
			return nil, err
		}
		res.Findings = changed.Filter(res.Findings)
		run.Files = append(run.Files, res)
		for _, n := range res.Notes {
			if m, ok := res.noteMsgs[n]; ok {
				run.AddMessage(m)
			} else {
				run.AddNote(n)
			}
		}
	}
	if n := nothingCheckedNote(opts.Diff, paths, len(files), ignored, checked); !n.IsZero() {
		run.AddMessage(n)
	}
	return run, nil
}

// nothingCheckedNote explains a run that checked no draft without it being
// an error: the diff touches none of the drafts, or the configuration
// ignores every one. It returns the zero Message when some draft was
// checked.
func nothingCheckedNote(diff string, paths []string, found, ignored, checked int) Message {
	switch {
	case checked > 0:
		return Message{}
	case found == 0 && ignored > 0:
		return NewMessage("note_all_ignored", strings.Join(paths, ", "), ignored)
	case found == 0:
		return NewMessage("note_diff_no_draft", diff, draftExtensionList())
	}
	return NewMessage("note_diff_no_line", diff, found, strings.Join(paths, ", "))
}

// readChanges reads the diff asked for: nil when none.
func readChanges(ctx context.Context, opts PathsOptions) (*ChangedLines, error) {
	switch opts.Diff {
	case "":
		return nil, nil
	case "-":
		in := opts.Stdin
		if in == nil {
			in = strings.NewReader("")
		}
		ch, err := ParseDiff(in)
		switch {
		case errors.Is(err, ErrNotDiff):
			return nil, usageErrorf("--diff -: standard input: %v; pipe in the output of git diff or diff -u", err)
		case err != nil:
			return nil, usageErrorf("--diff -: %v", err)
		case ch.Empty():
			// A failed or empty git diff upstream of the pipe must not pass
			// the gate; --diff BASE is the way to allow "no change".
			return nil, usageErrorf("--diff -: standard input is empty: no diff to check against (did the command before the pipe fail?); use --diff BASE, or leave out --diff to check whole drafts")
		}
		return ch, nil
	}
	if strings.HasPrefix(opts.Diff, "-") {
		return nil, usageErrorf("--diff: %q is not a revision", opts.Diff)
	}
	args := []string{"diff", "--no-color", "--no-ext-diff", "--relative", "-U0", opts.Diff, "--"}
	args = append(args, opts.Paths...)
	cmd := exec.CommandContext(ctx, "git", args...)
	var out, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &stderr
	if err := cmd.Run(); err != nil {
		return nil, usageErrorf("--diff %s: git diff failed: %v: %s", opts.Diff, err, strings.TrimSpace(stderr.String()))
	}
	ch, err := ParseDiff(&out)
	if err != nil {
		return nil, fmt.Errorf("--diff %s: %w", opts.Diff, err)
	}
	return ch, nil
}

// gitTopLevel returns the git top level of the working directory, or ""
// outside a repository or without git.
func gitTopLevel(ctx context.Context) string {
	out, err := exec.CommandContext(ctx, "git", "rev-parse", "--show-toplevel").Output()
	if err != nil {
		return ""
	}
	return strings.TrimSpace(string(out))
}

// resolveDiffPaths makes the paths of a piped diff name files from the
// working directory. git diff writes paths relative to the repository root
// whatever directory it runs in, so inside a repository each path is read
// from the top level; a path that exists only relative to the working
// directory (git diff --relative, diff -u) is kept.
func resolveDiffPaths(ch *ChangedLines, top string) {
	if ch == nil || top == "" {
		return
	}
	wd, err := os.Getwd()
	if err != nil {
		return
	}
	if real, err := filepath.EvalSymlinks(wd); err == nil {
		wd = real
	}
	if real, err := filepath.EvalSymlinks(top); err == nil {
		top = real
	}
	ch.MapFiles(func(name string) string {
		if filepath.IsAbs(name) {
			return name
		}
		atTop := filepath.Join(top, filepath.FromSlash(name))
		rel, err := filepath.Rel(wd, atTop)
		if err != nil {
			return name
		}
		if _, err := os.Stat(atTop); err != nil {
			if _, err := os.Stat(filepath.FromSlash(name)); err == nil {
				return name
			}
		}
		return rel
	})
}

// confineDiff refuses a diff that names files outside the repository root
// (outside the working directory when there is no repository): "../" in a
// "+++ " line, an absolute path, or a symbolic link that leads out. check
// reads and quotes the drafts a diff names, so a diff from someone else
// must not make it read /etc or a sibling checkout.
func confineDiff(ch *ChangedLines, diff, top string) error {
	if ch == nil {
		return nil
	}
	wd, err := os.Getwd()
	if err != nil {
		return nil
	}
	base, what := top, "the repository root"
	if base == "" {
		base, what = wd, "the working directory"
	}
	base, _ = filepath.Abs(base)
	realBase := base
	if r, err := filepath.EvalSymlinks(base); err == nil {
		realBase = r
	}
	realWd := wd
	if r, err := filepath.EvalSymlinks(wd); err == nil {
		realWd = r
	}
	var out []string
	for _, f := range ch.Files() {
		p := filepath.FromSlash(f)
		if !filepath.IsAbs(p) {
			p = filepath.Join(realWd, p)
		}
		inside := within(realBase, p) || within(base, p)
		if inside {
			if r, err := filepath.EvalSymlinks(p); err == nil {
				inside = within(realBase, r)
			}
		}
		if !inside {
			out = append(out, f)
		}
	}
	if len(out) == 0 {
		return nil
	}
	sort.Strings(out)
	return usageErrorf("--diff %s: the diff names files outside %s %s: %s; check reads only files inside it",
		diff, what, textfmt.Printable(base), textfmt.Printable(strings.Join(out, ", ")))
}

// within reports whether path p is dir or lies under it (both absolute
// and clean).
func within(dir, p string) bool {
	rel, err := filepath.Rel(dir, p)
	return err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator)) && !filepath.IsAbs(rel)
}

// missingDrafts lists the drafts (by extension) a diff adds lines to that
// do not exist from the working directory, sorted.
func missingDrafts(ch *ChangedLines) []string {
	if ch == nil {
		return nil
	}
	var out []string
	for _, f := range ch.Files() {
		if !isDraftName(f) {
			continue
		}
		if _, err := os.Stat(filepath.FromSlash(f)); err != nil {
			out = append(out, f)
		}
	}
	sort.Strings(out)
	return out
}

// DraftExtensions are the files a directory walk and a diff pick up.
var DraftExtensions = []string{".htm", ".html", ".markdown", ".md", ".txt"}

// isDraftName reports whether name has a draft extension.
func isDraftName(name string) bool {
	ext := strings.ToLower(filepath.Ext(name))
	for _, x := range DraftExtensions {
		if ext == x {
			return true
		}
	}
	return false
}

// changedDrafts returns the drafts a diff changes that still exist.
func changedDrafts(ch *ChangedLines) []string {
	var out []string
	for _, f := range ch.Files() {
		if !isDraftName(f) {
			continue
		}
		if st, err := os.Stat(filepath.FromSlash(f)); err == nil && !st.IsDir() {
			out = append(out, filepath.FromSlash(f))
		}
	}
	sort.Strings(out)
	return out
}

// draftExtensionList names the draft extensions for messages.
func draftExtensionList() string { return strings.Join(DraftExtensions, ", ") }

// expandDrafts lists the draft files under paths, sorted per argument,
// leaving out hidden entries and ignored paths, and counts the drafts and
// directories the configuration ignores. Files named directly are kept
// whatever their extension, unless ignored.
func expandDrafts(paths []string, cfg *Config) (files []string, ignored int, err error) {
	for _, p := range paths {
		st, err := os.Stat(p)
		if err != nil {
			return nil, 0, fmt.Errorf("read %s: %w", p, err)
		}
		if !st.IsDir() {
			if cfg.Ignored(p) {
				ignored++
			} else {
				files = append(files, p)
			}
			continue
		}
		var found []string
		err = filepath.WalkDir(p, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if path != p && strings.HasPrefix(d.Name(), ".") {
				if d.IsDir() {
					return filepath.SkipDir
				}
				return nil
			}
			if cfg.Ignored(path) {
				if d.IsDir() && path != p {
					ignored++
					return filepath.SkipDir
				}
				if !d.IsDir() && isDraftName(path) {
					ignored++
				}
				return nil
			}
			if !d.IsDir() && isDraftName(path) {
				found = append(found, path)
			}
			return nil
		})
		if err != nil {
			return nil, 0, fmt.Errorf("walk %s: %w", p, err)
		}
		sort.Strings(found)
		files = append(files, found...)
	}
	return files, ignored, nil
}
