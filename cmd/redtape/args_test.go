package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestPermuteArgs(t *testing.T) {
	app := newApp(estimateEnvNoClock())
	tests := []struct{ in, want string }{
		{"redtape check drafts --format json", "redtape check --format json -- drafts"},
		{"redtape check --format json drafts", "redtape check --format json -- drafts"},
		{"redtape check --format=json drafts -v", "redtape check --format=json -v -- drafts"},
		{"redtape report a --lang en b --html", "redtape report --lang en --html -- a b"},
		{"redtape stats -- --odd-name --format", "redtape stats -- --odd-name --format"},
		{"redtape stats x -- -y", "redtape stats -- x -y"},
		{"redtape index DIR --index X", "redtape index --index X -- DIR"},
		{"redtape show", "redtape show"},
		{"redtape show --format", "redtape show --format"},
		{"redtape search giấy -phép --size 3", "redtape search giấy -phép --size 3"},
		{"redtape help report", "redtape help report"},
		{"redtape --help", "redtape --help"},
		{"redtape nosuch a --b", "redtape nosuch a --b"},
	}
	for _, tt := range tests {
		got := strings.Join(permuteArgs(app, strings.Fields(tt.in)), " ")
		if got != tt.want {
			t.Errorf("permuteArgs(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// Every command that takes paths reads its options before, between and
// after them alike.
func TestOptionsAnywhere(t *testing.T) {
	cur := filepath.Join(estimateFixtures, "current.jsonl")
	base := filepath.Join(estimateFixtures, "baseline.jsonl")
	tests := []struct {
		name string
		// args holds the command's words, in groups the option may go between.
		args [][]string
		opt  []string
		want string // in the output
	}{
		{"stats", [][]string{{"stats"}, {cur}}, []string{"--format", "json"}, `"schema": "redtape.stats/v1"`},
		{"flag", [][]string{{"flag"}, {cur}}, []string{"--format", "json"}, `"schema": "redtape.flags/v1"`},
		{"show", [][]string{{"show"}, {cur}}, []string{"--format", "json"}, `"schema"`},
		{"report", [][]string{{"report"}, {cur}, {"--baseline", base}}, []string{"--lang", "en"}, "# Report on cutting"},
	}
	for _, tt := range tests {
		for pos := 1; pos <= len(tt.args); pos++ {
			args := []string{"redtape"}
			for i, g := range tt.args {
				if i == pos {
					args = append(args, tt.opt...)
				}
				args = append(args, g...)
			}
			if pos == len(tt.args) {
				args = append(args, tt.opt...)
			}
			e, out, errb := estimateEnv()
			if code := run(context.Background(), args, e); code != exitOK {
				t.Errorf("%v: exit %d: %s", args, code, errb.String())
				continue
			}
			if !strings.Contains(out.String(), tt.want) {
				t.Errorf("%v: output lacks %q:\n%s", args, tt.want, clipOutput(out))
			}
		}
	}
}

// A path after "--" is a path even when it looks like an option.
func TestDoubleDashEndsOptions(t *testing.T) {
	e, _, errb := estimateEnv()
	code := run(context.Background(), []string{"redtape", "stats", "--", "--format"}, e)
	if code != exitUsage && code != exitInputFailed {
		t.Fatalf("exit %d, want the path --format reported as missing", code)
	}
	if !strings.Contains(errb.String(), "--format") || strings.Contains(errb.String(), "flag needs an argument") {
		t.Errorf("stderr: %s", errb.String())
	}
}

func estimateEnvNoClock() *env {
	e, _, _ := estimateEnv()
	return e
}

func clipOutput(b *bytes.Buffer) string {
	lines := strings.Split(b.String(), "\n")
	return strings.Join(lines[:min(len(lines), 10)], "\n")
}

// Empty or unreadable input is never a result: every command that sums up
// a set of records says the set holds none and exits non-zero.
func TestEmptyInputIsNoResult(t *testing.T) {
	empty := t.TempDir()
	bad := t.TempDir()
	if err := os.WriteFile(filepath.Join(bad, "x.json"), []byte("garbage"), 0o644); err != nil {
		t.Fatal(err)
	}
	base := filepath.Join(estimateFixtures, "baseline.jsonl")
	tests := []struct {
		args []string
		code int
	}{
		{[]string{"report", empty}, exitUsage},
		{[]string{"report", bad}, exitInputFailed},
		{[]string{"report", "--baseline", base, empty}, exitUsage},
		{[]string{"estimate", "--baseline", base, "--current", empty}, exitUsage},
		{[]string{"estimate", "--baseline", empty, "--current", base}, exitUsage},
		{[]string{"estimate", "--baseline", base, "--current", bad}, exitInputFailed},
		{[]string{"stats", empty}, exitUsage},
		{[]string{"flag", empty}, exitUsage},
		{[]string{"flag", "--format", "json", bad}, exitInputFailed},
		{[]string{"index", "--index", filepath.Join(t.TempDir(), "ix"), empty}, exitUsage},
	}
	for _, tt := range tests {
		e, out, errb := estimateEnv()
		code := run(context.Background(), append([]string{"redtape"}, tt.args...), e)
		if code != tt.code {
			t.Errorf("%v: exit %d, want %d; stderr: %s", tt.args, code, tt.code, errb.String())
		}
		if !strings.Contains(errb.String(), "holds no procedures") {
			t.Errorf("%v: stderr does not say the set holds no procedures: %s", tt.args, errb.String())
		}
		if strings.Contains(out.String(), "100") && tt.args[0] != "index" {
			t.Errorf("%v: printed a result: %s", tt.args, clipOutput(out))
		}
	}
}

// A record read twice is counted once, with a warning naming it.
func TestDuplicatesCountedOnce(t *testing.T) {
	cur := filepath.Join(estimateFixtures, "current.jsonl")
	e, out, errb := estimateEnv()
	if code := run(context.Background(), []string{"redtape", "stats", "--format", "json", cur, cur}, e); code != exitOK {
		t.Fatalf("exit %d: %s", code, errb.String())
	}
	e2, once, _ := estimateEnv()
	if code := run(context.Background(), []string{"redtape", "stats", "--format", "json", cur}, e2); code != exitOK {
		t.Fatalf("exit %d", code)
	}
	total := func(b *bytes.Buffer) string {
		var doc struct {
			Total      json.RawMessage `json:"total"`
			Ministries json.RawMessage `json:"ministries"`
		}
		if err := json.Unmarshal(b.Bytes(), &doc); err != nil {
			t.Fatal(err)
		}
		return string(doc.Total) + string(doc.Ministries)
	}
	if total(out) != total(once) {
		t.Errorf("the same file twice counts differently from once:\n%s\nwant\n%s", total(out), total(once))
	}
	if !strings.Contains(errb.String(), "T.001 read again") || !strings.Contains(errb.String(), "4 records were read more than once") {
		t.Errorf("no warning naming the duplicates: %s", errb.String())
	}
}

// A lock file redtape did not write is refused as a usage error (exit 2),
// and left as it was.
func TestIndexForeignLockIsUsageError(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "ix")
	if err := os.WriteFile(dir+".lock", []byte("my notes, not a lock\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	e, _, errb := estimateEnv()
	code := run(context.Background(), []string{"redtape", "index", "--index", dir, filepath.Join(estimateFixtures, "current.jsonl")}, e)
	if code != exitUsage {
		t.Errorf("exit %d, want %d: %s", code, exitUsage, errb.String())
	}
	if data, _ := os.ReadFile(dir + ".lock"); string(data) != "my notes, not a lock\n" {
		t.Errorf("the lock file was changed: %q", data)
	}
}

// A mistake in a command's options is one line with a hint, not the whole
// help; a search query starting with "-" is told to go after "--".
func TestUsageErrorIsOneLine(t *testing.T) {
	for _, tt := range []struct {
		args []string
		want string
	}{
		{[]string{"search", "-phép"}, `goes after "--"`},
		{[]string{"report", "--nosuch"}, "see redtape report --help"},
		{[]string{"flag", "--format"}, "flag needs an argument"},
	} {
		e, out, errb := estimateEnv()
		code := run(context.Background(), append([]string{"redtape"}, tt.args...), e)
		if code != exitUsage {
			t.Errorf("%v: exit %d, want %d", tt.args, code, exitUsage)
		}
		if got := strings.TrimSpace(errb.String()); strings.Count(got, "\n") > 0 || !strings.Contains(got, tt.want) {
			t.Errorf("%v: stderr %q, want one line with %q", tt.args, got, tt.want)
		}
		if strings.Contains(out.String(), "USAGE") || strings.Contains(out.String(), "NAME:") {
			t.Errorf("%v: printed the help:\n%s", tt.args, clipOutput(out))
		}
	}
}

// --version names the build; a report to a file of an unknown kind is an
// error, not Markdown under a .pdf name.
func TestVersionAndReportExtension(t *testing.T) {
	e, out, _ := estimateEnv()
	if code := run(context.Background(), []string{"redtape", "--version"}, e); code != exitOK || !strings.Contains(out.String(), "redtape version") || !strings.Contains(out.String(), "go1.") {
		t.Errorf("--version: exit %d, %q", code, out.String())
	}
	dir := t.TempDir()
	e, _, errb := estimateEnv()
	pdf := filepath.Join(dir, "x.pdf")
	if code := run(context.Background(), []string{"redtape", "report", "-o", pdf}, e); code != exitUsage || !strings.Contains(errb.String(), ".pdf") {
		t.Errorf("report -o x.pdf: exit %d, %s", code, errb.String())
	}
	if _, err := os.Stat(pdf); err == nil {
		t.Error("x.pdf was written")
	}
}

// No lock file stays beside an index after a run, refused runs included.
func TestNoLockFileLeft(t *testing.T) {
	cur := filepath.Join(estimateFixtures, "current.jsonl")
	dir := filepath.Join(t.TempDir(), "ix")
	e, _, errb := estimateEnv()
	if code := run(context.Background(), []string{"redtape", "index", "--index", dir, cur}, e); code != exitOK {
		t.Fatalf("index: exit %d: %s", code, errb)
	}
	foreign := filepath.Join(t.TempDir(), "mine")
	if err := os.MkdirAll(foreign, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(foreign, "notes.txt"), []byte("mine"), 0o644); err != nil {
		t.Fatal(err)
	}
	e, _, _ = estimateEnv()
	if code := run(context.Background(), []string{"redtape", "index", "--index", foreign, cur}, e); code != exitUsage {
		t.Errorf("a foreign directory: exit %d, want %d", code, exitUsage)
	}
	for _, d := range []string{dir, foreign} {
		if _, err := os.Stat(d + ".lock"); !errors.Is(err, os.ErrNotExist) {
			t.Errorf("%s.lock stays after the run: %v", d, err)
		}
	}
}

// An interrupted first build says no index was built, not that the index
// is unchanged and usable.
func TestInterruptedFirstBuild(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	dir := filepath.Join(t.TempDir(), "ix")
	e, _, errb := estimateEnv()
	code := run(ctx, []string{"redtape", "index", "--index", dir, filepath.Join(estimateFixtures, "current.jsonl")}, e)
	if code != exitInterrupted {
		t.Errorf("exit %d, want %d", code, exitInterrupted)
	}
	if !strings.Contains(errb.String(), "no index was built") || strings.Contains(errb.String(), "usable") {
		t.Errorf("stderr: %s", errb.String())
	}
}

// No control character or bidirectional control from a record reaches a
// terminal through the text outputs of show, stats, flag and estimate.
func TestTextOutputsEscapeControls(t *testing.T) {
	dir := t.TempDir()
	rec := `{"code":"X.1","name":"Cấp phép\u001b[2J\u202eevil","ministry":"Bộ Tài chính\u001b]0;x\u0007","papers":[{"text":"Bản sao Giấy khai sinh\u001b[31m"}]}` + "\n"
	path := filepath.Join(dir, "hostile.jsonl")
	if err := os.WriteFile(path, []byte(rec), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]string{
		{"show", path}, {"stats", path}, {"flag", path},
		{"estimate", "--baseline", path, "--current", path},
	} {
		e, out, errb := estimateEnv()
		if code := run(context.Background(), append([]string{"redtape"}, args...), e); code != exitOK {
			t.Errorf("%v: exit %d: %s", args, code, errb)
			continue
		}
		for _, r := range out.String() {
			if r == 0x1b || r == 0x07 || r == '\u202e' {
				t.Errorf("%v: output holds %U", args, r)
				break
			}
		}
	}
}
