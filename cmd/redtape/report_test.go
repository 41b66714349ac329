package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func reportEnv() (*env, *bytes.Buffer, *bytes.Buffer) {
	var out, errb bytes.Buffer
	e := newEnv(strings.NewReader(""), &out, &errb)
	e.now = func() time.Time { return time.Date(2026, 11, 23, 8, 0, 0, 0, time.UTC) }
	return e, &out, &errb
}

var reportPair = filepath.Join("..", "..", "testdata", "reports", "pair")

func TestReportCommand(t *testing.T) {
	dir := t.TempDir()
	bad := filepath.Join(dir, "bad.json")
	if err := os.WriteFile(bad, []byte("{not json"), 0o644); err != nil {
		t.Fatal(err)
	}
	htmlOut := filepath.Join(dir, "report.html")
	empty := filepath.Join(dir, "empty.jsonl")
	if err := os.WriteFile(empty, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name     string
		args     []string
		code     int
		stdout   []string // substrings of stdout
		stderr   string
		noStdout bool
	}{
		{name: "demo corpus by default", args: nil, code: exitOK,
			stdout: []string{"# Báo cáo cắt giảm", "## Mục lục", "```mermaid", "**Ngày lập:** 23/11/2026"}},
		{name: "english", args: []string{"--lang", "en"}, code: exitOK,
			stdout: []string{"# Report on cutting administrative procedures", "**Date:** 2026-11-23", " VND"}},
		{name: "html to stdout", args: []string{"--html"}, code: exitOK, stdout: []string{"<!DOCTYPE html>", "<svg "}},
		{name: "html by file name", args: []string{"-o", htmlOut}, code: exitOK, noStdout: true, stderr: "wrote"},
		{name: "baseline pair", args: []string{"--baseline", filepath.Join(reportPair, "baseline.jsonl"), filepath.Join(reportPair, "current.jsonl")},
			code: exitOK, stdout: []string{"### Thủ tục mới kể từ kỳ gốc", "`RT.0007`"}},
		{name: "ministry narrowing", args: []string{"--ministry", "bo ke hoach", filepath.Join(reportPair, "current.jsonl")},
			code: exitOK, stdout: []string{"**Bộ, ngành:** Bộ Kế hoạch mẫu (tìm theo “bo ke hoach”)"}},
		{name: "a part matching several ministries lists them", args: []string{"--ministry", "mau", filepath.Join(reportPair, "current.jsonl")},
			code: exitOK, stdout: []string{"**Bộ, ngành:** Bộ Dân sự mẫu; Bộ Kế hoạch mẫu (tìm theo “mau”)"}},
		{name: "empty baseline warns", args: []string{"--baseline", empty, filepath.Join(reportPair, "current.jsonl")}, code: exitOK,
			stdout: []string{"**Lưu ý:** kỳ gốc không có thủ tục nào"}, stderr: "warning: the baseline " + empty + " has no procedures"},
		{name: "unknown ministry", args: []string{"--ministry", "Bộ Ngoại giao"}, code: exitUsage, stderr: "no procedure matches ministry"},
		{name: "bad language", args: []string{"--lang", "fr"}, code: exitUsage, stderr: "not vi or en"},
		{name: "bad target", args: []string{"--target", "0"}, code: exitUsage, stderr: "--target"},
		{name: "bad date", args: []string{"--as-of", "23/11/2026"}, code: exitUsage, stderr: "YYYY-MM-DD"},
		{name: "missing params file", args: []string{"--params", filepath.Join(dir, "none.yaml")}, code: exitUsage},
		{name: "unreadable input still reports", args: []string{bad, filepath.Join(reportPair, "current.jsonl")}, code: exitInputFailed,
			stdout: []string{"# Báo cáo", "1 tệp hoặc bản ghi không đọc được"}, stderr: "bad.json"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			e, out, errb := reportEnv()
			code := run(context.Background(), append([]string{"redtape", "report"}, tc.args...), e)
			if code != tc.code {
				t.Fatalf("exit %d, want %d; stderr: %s", code, tc.code, errb.String())
			}
			for _, s := range tc.stdout {
				if !strings.Contains(out.String(), s) {
					t.Errorf("stdout lacks %q", s)
				}
			}
			if tc.noStdout && out.Len() > 0 {
				t.Errorf("stdout not empty: %.80s", out.String())
			}
			if !strings.Contains(errb.String(), tc.stderr) {
				t.Errorf("stderr %q lacks %q", errb.String(), tc.stderr)
			}
		})
	}
	data, err := os.ReadFile(htmlOut)
	if err != nil || !bytes.HasPrefix(data, []byte("<!DOCTYPE html>")) {
		t.Errorf("-o report.html: %v, %.40q", err, data)
	}
}

// The same input gives the same bytes.
func TestReportDeterministic(t *testing.T) {
	var first []byte
	for i := 0; i < 2; i++ {
		e, out, _ := reportEnv()
		if code := run(context.Background(), []string{"redtape", "report", "--html"}, e); code != exitOK {
			t.Fatalf("exit %d", code)
		}
		if i == 0 {
			first = out.Bytes()
		} else if !bytes.Equal(first, out.Bytes()) {
			t.Error("two runs differ")
		}
	}
}

// The baseline and the current records are read at the same time; what
// each read says on stderr comes in order, the current records first.
func TestReportReadsInOrder(t *testing.T) {
	dir := t.TempDir()
	badCur, badBase := filepath.Join(dir, "cur.json"), filepath.Join(dir, "base.json")
	for _, f := range []string{badCur, badBase} {
		if err := os.WriteFile(f, []byte("{not json"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for i := 0; i < 5; i++ {
		e, out, errb := reportEnv()
		args := []string{"redtape", "report", "--baseline", badBase, "--baseline", filepath.Join(reportPair, "baseline.jsonl"),
			badCur, filepath.Join(reportPair, "current.jsonl")}
		if code := run(context.Background(), args, e); code != exitInputFailed {
			t.Fatalf("exit %d, want %d; stderr: %s", code, exitInputFailed, errb.String())
		}
		log := errb.String()
		c, b := strings.Index(log, "cur.json"), strings.Index(log, "base.json")
		if c < 0 || b < 0 || c > b {
			t.Fatalf("stderr not in order (current, then baseline):\n%s", log)
		}
		if !strings.Contains(out.String(), "2 tệp hoặc bản ghi không đọc được") {
			t.Errorf("report does not count both unreadable files")
		}
	}
}
