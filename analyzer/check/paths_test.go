package check

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestCheckPaths checks a directory of drafts: every draft once, each
// finding kept once in its file's result, and a run that would check
// nothing refused as a usage error.
func TestCheckPaths(t *testing.T) {
	run, err := CheckPaths(t.Context(), PathsOptions{Paths: []string{fixtureDir}})
	if err != nil {
		t.Fatal(err)
	}
	drafts, _ := filepath.Glob(filepath.Join(fixtureDir, "*.*"))
	n := 0
	for _, d := range drafts {
		if isDraftName(d) {
			n++
		}
	}
	// The walk also finds the drafts in subdirectories (cost/, golden/).
	if len(run.Files) < n || len(run.Unreadable) != 0 {
		t.Errorf("%d files, %d unreadable; want at least the %d drafts at the top", len(run.Files), len(run.Unreadable), n)
	}
	total := 0
	for _, f := range run.Files {
		total += len(f.Findings)
	}
	if all := run.Findings(); len(all) != total || total == 0 {
		t.Errorf("Findings() = %d, files hold %d", len(all), total)
	}

	empty := t.TempDir()
	for _, tt := range []struct {
		opts PathsOptions
		want string
	}{
		{PathsOptions{Paths: []string{filepath.Join(empty, "nope")}}, "read "},
		{PathsOptions{Paths: []string{empty}}, "no drafts found under"},
		{PathsOptions{}, "check needs DRAFTS"},
		{PathsOptions{Diff: "-", Stdin: strings.NewReader("")}, "standard input is empty"},
		{PathsOptions{Diff: "-", Stdin: strings.NewReader("hello\n")}, "not a unified diff"},
		{PathsOptions{Diff: "-", Stdin: strings.NewReader("+++ b/nowhere/x.md\n@@ -0,0 +1 @@\n+a\n")}, "drafts not found here"},
	} {
		_, err := CheckPaths(t.Context(), tt.opts)
		if !errors.Is(err, ErrUsage) || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%+v: err = %v, want a usage error with %q", tt.opts, err, tt.want)
		}
	}

	// A draft that cannot be read is listed and the run goes on.
	bad := filepath.Join(empty, "bad.md")
	if err := os.WriteFile(bad, []byte("\x00\x00\x00\x00"), 0o644); err != nil {
		t.Fatal(err)
	}
	run, err = CheckPaths(t.Context(), PathsOptions{Paths: []string{bad, filepath.Join(fixtureDir, "plain.txt")}})
	if err != nil || len(run.Unreadable) != 1 || len(run.Files) != 1 {
		t.Fatalf("unreadable draft: %+v, %v", run, err)
	}
}

// TestHostileNamesEscaped: a draft or diff path holding a newline and a
// GitHub Actions command is named escaped in the errors check prints on
// standard error (issue 15).
func TestHostileNamesEscaped(t *testing.T) {
	dir := t.TempDir()
	bad := filepath.Join(dir, "a\n::error::x\u202e.md")
	if err := os.WriteFile(bad, []byte("\x00\x00\x00\x00"), 0o644); err != nil {
		t.Fatal(err)
	}
	run, err := CheckPaths(t.Context(), PathsOptions{Paths: []string{bad}})
	if err != nil || len(run.Unreadable) != 1 {
		t.Fatalf("unreadable draft: %+v, %v", run, err)
	}
	if e := run.Unreadable[0].Error; strings.ContainsAny(e, "\n\u202e") || !strings.Contains(e, `a\n::error::x\u202e.md`) {
		t.Errorf("unreadable error not escaped: %q", e)
	}
	_, err = CheckPaths(t.Context(), PathsOptions{Diff: "-", Stdin: strings.NewReader("+++ \"b/x\\n::error::y.md\"\n@@ -0,0 +1 @@\n+a\n")})
	if err == nil || strings.Contains(err.Error(), "\n") || !strings.Contains(err.Error(), `x\n::error::y.md`) {
		t.Errorf("diff path not escaped: %v", err)
	}
}

// TestDiffOutsideRoot: a piped diff naming files outside the repository
// root ("../", an absolute path, a symbolic link leading out) is a usage
// error naming the path, and nothing outside is read (issue 15;
// testdata/hardening/diff-escapes-root.diff).
func TestDiffOutsideRoot(t *testing.T) {
	escape, err := os.ReadFile(filepath.Join("..", "..", "testdata", "hardening", "diff-escapes-root.diff"))
	if err != nil {
		t.Fatal(err)
	}
	outside := t.TempDir()
	secret := filepath.Join(outside, "secret.md")
	if err := os.WriteFile(secret, []byte("Hồ sơ gồm: giấy khai sinh.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct{ diff, want string }{
		{string(escape), "../../../etc/secret.md"},
		{"+++ b/" + filepath.ToSlash(secret) + "\n@@ -0,0 +1 @@\n+x\n", filepath.ToSlash(secret)},
		{"+++ " + filepath.ToSlash(secret) + "\n@@ -0,0 +1 @@\n+x\n", filepath.ToSlash(secret)},
	} {
		_, err := CheckPaths(t.Context(), PathsOptions{Diff: "-", Stdin: strings.NewReader(tt.diff)})
		if !errors.Is(err, ErrUsage) || !strings.Contains(err.Error(), "outside") || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("diff %q: err = %v, want a usage error naming %s", tt.diff, err, tt.want)
		}
	}

	// Outside a repository the working directory is the root; a link in
	// it that leads out is refused too.
	dir := t.TempDir()
	if err := os.Symlink(secret, filepath.Join(dir, "link.md")); err != nil {
		t.Skip(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "ok.md"), []byte("Điều 1.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	t.Chdir(dir)
	_, err = CheckPaths(t.Context(), PathsOptions{Diff: "-", Stdin: strings.NewReader("+++ b/link.md\n@@ -0,0 +1 @@\n+x\n")})
	if !errors.Is(err, ErrUsage) || !strings.Contains(err.Error(), "link.md") {
		t.Errorf("symlink out: err = %v", err)
	}
	_, err = CheckPaths(t.Context(), PathsOptions{Diff: "-", Stdin: strings.NewReader("+++ b/ok.md\n@@ -0,0 +1 @@\n+x\n")})
	if err != nil {
		t.Errorf("a diff inside the working directory: %v", err)
	}
}
