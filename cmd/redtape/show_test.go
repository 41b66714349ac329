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

	"github.com/redtape-vn/redtape/corpus"
)

// runCLI runs the app with args and returns the exit code, stdout and stderr.
func runCLI(t *testing.T, args ...string) (int, string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	e := newEnv(strings.NewReader(""), &out, &errb)
	code := run(context.Background(), append([]string{"redtape"}, args...), e)
	return code, out.String(), errb.String()
}

var mdFixture = filepath.Join("..", "..", "testdata", "corpus", "markdown", "procedures.md")

func TestShowText(t *testing.T) {
	code, out, stderr := runCLI(t, "show", mdFixture)
	if code != exitOK || stderr != "" {
		t.Fatalf("exit %d, stderr %q", code, stderr)
	}
	for _, want := range []string{
		"9.300001  Đăng ký thường trú (thử nghiệm)\n",
		"  Ministry:     Bộ Công an\n",
		"  Levels:       Cấp xã\n",
		"  Per year:     1.200.000 dossiers\n",
		"    - Trực tiếp (in person): time 7 working days; charge 20.000 đ\n",
		"    - Trực tuyến (online): time 7 working days; charge 10.000 đ\n",
		"  Papers (4):\n",
		"     1. Tờ khai thay đổi thông tin cư trú\n        1 original, copies not stated; form CT01.docx\n",
		"        or: Giấy chứng nhận quyền sử dụng đất\n",
		"    [Trường hợp người chưa thành niên]\n",
		"procedures.md:3 (record 1) [markdown]",
		"9.300002  Cấp lại giấy phép lái xe (thử nghiệm)\n",
		"    [Trường hợp giấy phép bị mất]\n",
		"  Legal basis:  not stated\n",
		"\n2 procedures from 1 file\n",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
}

func TestShowDemo(t *testing.T) {
	code, out, _ := runCLI(t, "show")
	if code != exitOK {
		t.Fatalf("exit %d", code)
	}
	if !strings.Contains(out, "Bộ Tư pháp") || !strings.Contains(out, "demo/procedures.jsonl:1 (record 1) [jsonl]") || !strings.HasSuffix(out, "\n46 procedures from 1 file\n") {
		t.Errorf("demo output:\n%s", out)
	}
}

func TestShowFormatsReadBack(t *testing.T) {
	want, _, err := corpus.Load(context.Background(), []string{mdFixture}, corpus.Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct{ format, name string }{{"json", "out.json"}, {"jsonl", "out.jsonl"}, {"csv", "out.csv"}} {
		code, out, stderr := runCLI(t, "show", "--format", tc.format, mdFixture)
		if code != exitOK {
			t.Fatalf("%s: exit %d %s", tc.format, code, stderr)
		}
		var got []*corpus.Procedure
		sum, err := corpus.ReadData(context.Background(), tc.name, []byte(out), corpus.Options{}, func(p *corpus.Procedure) error {
			got = append(got, p)
			return nil
		})
		if err != nil || sum.Failed() || len(got) != len(want) {
			t.Fatalf("%s: read back %d (err %v, %v)", tc.format, len(got), err, sum.Errors)
		}
		for i := range want {
			a, _ := json.Marshal(want[i])
			b, _ := json.Marshal(got[i])
			if !bytes.Equal(a, b) {
				t.Errorf("%s: record %d differs:\n%s\n%s", tc.format, i, a, b)
			}
		}
	}
	_, out, _ := runCLI(t, "show", "--format", "json", mdFixture)
	if !strings.HasPrefix(out, "{\n  \"schema\": \""+corpus.SchemaVersion+"\",\n  \"procedures\": [") {
		t.Errorf("json document head: %.80s", out)
	}
}

func TestShowReadErrors(t *testing.T) {
	dir := t.TempDir()
	good := `{"code":"1.1","name":"Thủ tục tốt"}` + "\n" + `{"code":` + "\n" + `{"code":"1.3","name":"Thủ tục thứ ba"}` + "\n"
	if err := os.WriteFile(filepath.Join(dir, "a.jsonl"), []byte(good), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "b.json"), []byte(`{"khong":"phai"}`), 0o644); err != nil {
		t.Fatal(err)
	}
	code, out, stderr := runCLI(t, "show", dir)
	if code != exitInputFailed {
		t.Fatalf("exit %d, want %d", code, exitInputFailed)
	}
	if !strings.Contains(out, "1.1  Thủ tục tốt") || !strings.Contains(out, "1.3  Thủ tục thứ ba") || !strings.Contains(out, "2 procedures from 2 files; 2 files or records could not be read (see stderr)\n") {
		t.Errorf("stdout:\n%s", out)
	}
	for _, want := range []string{"a.jsonl:2 (record 2): invalid JSON", "b.json: unrecognised format", "2 files or records could not be read"} {
		if !strings.Contains(stderr, want) {
			t.Errorf("stderr lacks %q:\n%s", want, stderr)
		}
	}
}

// TestShowMissingPath reads the paths that exist when another is missing,
// reports the missing one and exits 3; a lone missing path is a usage error
// (TestShowUsage).
func TestShowMissingPath(t *testing.T) {
	missing := filepath.Join(t.TempDir(), "missing.json")
	code, out, stderr := runCLI(t, "show", mdFixture, missing)
	if code != exitInputFailed || !strings.Contains(out, "9.300001  Đăng ký thường trú (thử nghiệm)") ||
		!strings.Contains(stderr, missing+": unreadable input") {
		t.Errorf("exit %d (want %d)\nstdout %s\nstderr %s", code, exitInputFailed, out, stderr)
	}
}

func TestShowUsage(t *testing.T) {
	for _, args := range [][]string{
		{"show", "--format", "yaml"},
		{"show", "--from", "nope", mdFixture},
		{"show", "--encoding", "latin-9", mdFixture},
		{"show", filepath.Join("..", "..", "testdata", "does-not-exist")},
	} {
		if code, _, stderr := runCLI(t, args...); code != exitUsage || stderr == "" {
			t.Errorf("%q: exit %d (want %d), stderr %q", args, code, exitUsage, stderr)
		}
	}
}

func TestShowSkipsExportSummary(t *testing.T) {
	dir := filepath.Join("..", "..", "..", "shared", "corpus", "national-export-sample")
	if _, err := os.Stat(dir); err != nil {
		t.Skipf("shared corpus absent (%s)", dir)
	}
	code, out, stderr := runCLI(t, "show", dir)
	if code != exitOK || !strings.Contains(stderr, "skipped "+filepath.Join(dir, "meta.json")+": summary of a national export") || !strings.Contains(out, "1.000288  Công nhận trường mầm non") {
		t.Errorf("exit %d\nstdout %s\nstderr %s", code, out, stderr)
	}
}

func TestRunShowAndStatsDirect(t *testing.T) {
	var out, errb bytes.Buffer
	e := newEnv(strings.NewReader(""), &out, &errb)
	if err := runShow(context.Background(), showOptions{Paths: []string{mdFixture}, Format: "jsonl"}, e); err != nil {
		t.Fatal(err)
	}
	if n := strings.Count(out.String(), "\n"); n != 2 || !strings.HasPrefix(out.String(), `{"code":"9.300001"`) {
		t.Errorf("jsonl output (%d lines): %.100s", n, out.String())
	}
	out.Reset()
	err := runStats(context.Background(), statsOptions{Paths: []string{mdFixture}, Format: "xml"}, e)
	var ue *usageError
	if !errors.As(err, &ue) || exitCode(context.Background(), err, &errb) != exitUsage {
		t.Errorf("bad format: %v", err)
	}
	dir := t.TempDir()
	bad := filepath.Join(dir, "x.csv")
	if err := os.WriteFile(bad, []byte("code,name\n1,A\n,\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	err = runStats(context.Background(), statsOptions{Paths: []string{bad}, Format: "text"}, e)
	if !errors.Is(err, errInputFailed) || !strings.Contains(out.String(), "\n1 procedure from 1 file; 1 file or record could not be read (see stderr)\n") {
		t.Errorf("err %v, output %s", err, out.String())
	}
	if !strings.Contains(errb.String(), "x.csv:3 (record 2): record has neither code nor name") {
		t.Errorf("stderr %s", errb.String())
	}
}

// TestShowGolden compares show's text for the Markdown and HTML fixtures
// (and stats' for the Markdown one) with golden files; go test -update
// rewrites them.
func TestShowGolden(t *testing.T) {
	htmlDir := filepath.Join("..", "..", "testdata", "corpus", "html")
	for _, tc := range []struct {
		golden string
		args   []string
	}{
		{filepath.Join("markdown", "procedures.show.txt"), []string{"show", mdFixture}},
		{filepath.Join("markdown", "procedures.stats.txt"), []string{"stats", mdFixture}},
		{filepath.Join("html", "pages.show.txt"), []string{"show", htmlDir}},
	} {
		code, out, stderr := runCLI(t, tc.args...)
		if code != exitOK {
			t.Fatalf("%v: exit %d: %s", tc.args, code, stderr)
		}
		goldenFile(t, filepath.Join("..", "..", "testdata", "corpus", tc.golden), []byte(out))
	}
}
