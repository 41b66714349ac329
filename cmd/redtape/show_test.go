package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/redtape-vn/redtape/analyzer/assess"
	"github.com/redtape-vn/redtape/analyzer/flags"
	"github.com/redtape-vn/redtape/corpus"
	"github.com/redtape-vn/redtape/corpus/synth"
	"github.com/redtape-vn/redtape/internal/i18n"
	"github.com/redtape-vn/redtape/reports/records"
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
	code, out, stderr := runCLI(t, "show", "--lang", "en", mdFixture)
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

// By default show's text is Vietnamese: labels, values the record does not
// state, units, kinds of fee, counts of copies and the closing line; the
// record's own words are printed as they are.
func TestShowTextVietnamese(t *testing.T) {
	code, out, stderr := runCLI(t, "show", mdFixture)
	if code != exitOK || stderr != "" {
		t.Fatalf("exit %d, stderr %q", code, stderr)
	}
	for _, want := range []string{
		"9.300001  Đăng ký thường trú (thử nghiệm)\n",
		"  Bộ, ngành:         Bộ Công an\n",
		"  Số hồ sơ/năm:      1.200.000 hồ sơ\n",
		"    - Trực tiếp: thời hạn 7 ngày làm việc; lệ phí 20.000 đ\n",
		"  Thành phần hồ sơ (4):\n",
		"        1 bản chính, chưa nêu số bản sao; mẫu CT01.docx\n",
		"        hoặc: Giấy chứng nhận quyền sử dụng đất\n",
		"procedures.md:3 (bản ghi 1) [markdown]",
		"  Căn cứ pháp lý:    chưa nêu\n",
		"\n2 thủ tục từ 1 tệp\n",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
	for _, english := range []string{"Ministry", "not stated", "dossiers", "working days", "procedures from"} {
		if strings.Contains(out, english) {
			t.Errorf("Vietnamese output holds %q", english)
		}
	}
	for _, format := range []string{"json", "jsonl", "csv"} {
		_, vi, _ := runCLI(t, "show", "--format", format, mdFixture)
		if _, en, _ := runCLI(t, "show", "--format", format, "--lang", "en", mdFixture); en != vi || vi == "" {
			t.Errorf("%s: --lang changes the output", format)
		}
	}
	if code, _, stderr := runCLI(t, "show", "--lang", "de", mdFixture); code != exitUsage || !strings.Contains(stderr, `"de" is not vi or en`) {
		t.Errorf("bad language: exit %d: %s", code, stderr)
	}
}

func TestShowDemo(t *testing.T) {
	code, out, _ := runCLI(t, "show", "--lang", "en")
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
	code, out, stderr := runCLI(t, "show", dir, "--lang", "en")
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
	err = runStats(context.Background(), statsOptions{Paths: []string{bad}, Format: "text", Lang: "en"}, e)
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
		{filepath.Join("markdown", "procedures.show.txt"), []string{"show", "--lang", "en", mdFixture}},
		{filepath.Join("markdown", "procedures.show.vi.txt"), []string{"show", mdFixture}},
		{filepath.Join("markdown", "procedures.stats.txt"), []string{"stats", "--lang", "en", mdFixture}},
		{filepath.Join("markdown", "procedures.stats.vi.txt"), []string{"stats", mdFixture}},
		{filepath.Join("html", "pages.show.txt"), []string{"show", "--lang", "en", htmlDir}},
	} {
		code, out, stderr := runCLI(t, tc.args...)
		if code != exitOK {
			t.Fatalf("%v: exit %d: %s", tc.args, code, stderr)
		}
		goldenFile(t, filepath.Join("..", "..", "testdata", "corpus", tc.golden), []byte(out))
	}
}

// TestStreamInputAsLoadInput reads a corpus with read errors and more
// duplicates than are listed, both ways: streamInput gives fn the records
// loadInput keeps, in its order, with the same summary and the same
// warnings on stderr; with a matcher, each with its verdicts.
func TestStreamInputAsLoadInput(t *testing.T) {
	dir := t.TempDir()
	procs := synth.Generate(11, 900)
	for i, part := range [][]*corpus.Procedure{procs[:400], procs[400:], procs[100:130], procs[850:]} {
		var b bytes.Buffer
		if err := corpus.WriteJSONL(&b, part); err != nil {
			t.Fatal(err)
		}
		if i == 1 {
			b.WriteString("{broken\n")
		}
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("part-%d.jsonl", i)), b.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for _, paths := range [][]string{{dir}, nil} {
		e, _, loadErr := estimateEnv()
		want, wantSum, err := loadInput(context.Background(), e, paths, corpus.Options{})
		if err != nil {
			t.Fatal(err)
		}
		e, _, streamErr := estimateEnv()
		cat, err := assess.Catalog("", time.Date(2026, 6, 1, 0, 0, 0, 0, time.UTC))
		if err != nil {
			t.Fatal(err)
		}
		m := flags.NewMatcher(cat)
		var got []*corpus.Procedure
		work := func(p *corpus.Procedure) (flags.ProcedureResult, error) { return m.Procedure(p), nil }
		gotSum, err := streamInput(context.Background(), e, paths, corpus.Options{}, work, func(p *corpus.Procedure, r flags.ProcedureResult) error {
			got = append(got, p)
			if !reflect.DeepEqual(r, m.Procedure(p)) {
				t.Errorf("%s: verdicts differ from the matcher's", p.ID())
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
		if len(got) != len(want) {
			t.Fatalf("%v: streamed %d records, loaded %d", paths, len(got), len(want))
		}
		for i := range got {
			if got[i].Source != want[i].Source || got[i].ID() != want[i].ID() {
				t.Fatalf("%v: record %d is %s from %v, loaded %s from %v", paths, i, got[i].ID(), got[i].Source, want[i].ID(), want[i].Source)
			}
		}
		if !reflect.DeepEqual(gotSum, wantSum) {
			t.Errorf("%v: summary %+v, loaded %+v", paths, gotSum, wantSum)
		}
		if streamErr.String() != loadErr.String() {
			t.Errorf("%v: stderr\n%s\nloadInput's\n%s", paths, streamErr, loadErr)
		}
		if paths != nil && (!strings.Contains(loadErr.String(), "and 60 more records read more than once") || !strings.Contains(loadErr.String(), "invalid JSON")) {
			t.Errorf("the corpus lacks the duplicates or the read error it is meant to have:\n%s", loadErr)
		}
	}
	// An error of fn ends the stream with it, and so does one of work
	// when its record is reached.
	e, _, _ := estimateEnv()
	stop := errors.New("stop here")
	n := 0
	if _, err := streamInput[struct{}](context.Background(), e, []string{dir}, corpus.Options{}, nil, func(*corpus.Procedure, struct{}) error {
		if n++; n == 500 {
			return stop
		}
		return nil
	}); !errors.Is(err, stop) || n != 500 {
		t.Errorf("fn's error: %v after %d records", err, n)
	}
	n = 0
	bad := procs[300].Source
	failing := func(p *corpus.Procedure) (int, error) {
		if p.Source == bad {
			return 0, stop
		}
		return 1, nil
	}
	if _, err := streamInput(context.Background(), e, []string{dir}, corpus.Options{}, failing, func(_ *corpus.Procedure, one int) error {
		n += one
		return nil
	}); !errors.Is(err, stop) || n != 300 {
		t.Errorf("work's error: %v after %d records", err, n)
	}
}

// TestShowStreamsAsWriters: show's streamed formats are byte for byte
// what the corpus writers write for the whole list, empty list included.
func TestShowStreamsAsWriters(t *testing.T) {
	procs := append(synth.Generate(4, 120), &corpus.Procedure{Code: "H.1", Name: "<b>A & B</b>\u2028", Papers: []corpus.Paper{{Text: "x,\"y\"\nz"}}})
	for _, list := range [][]*corpus.Procedure{procs, nil} {
		for format, write := range map[string]func(io.Writer, []*corpus.Procedure) error{
			"json": corpus.WriteJSON, "jsonl": corpus.WriteJSONL, "csv": corpus.WriteCSV,
			"text": func(w io.Writer, p []*corpus.Procedure) error {
				return records.WriteText(w, p, &corpus.Summary{Files: 3}, i18n.English)
			},
			"text-vi": func(w io.Writer, p []*corpus.Procedure) error {
				return records.WriteText(w, p, &corpus.Summary{Files: 3}, i18n.Vietnamese)
			},
		} {
			lang := i18n.English
			if format == "text-vi" {
				format, lang = "text", i18n.Vietnamese
			}
			var want, got bytes.Buffer
			if err := write(&want, list); err != nil {
				t.Fatal(err)
			}
			w, err := records.NewWriter(&got, format, lang)
			if err != nil {
				t.Fatal(err)
			}
			for _, p := range list {
				if err := w.Add(p); err != nil {
					t.Fatal(err)
				}
			}
			if err := w.Close(&corpus.Summary{Files: 3}); err != nil {
				t.Fatal(err)
			}
			if got.String() != want.String() {
				t.Errorf("%s of %d records: streamed %d bytes differ from the writer's %d", format, len(list), got.Len(), want.Len())
			}
		}
	}
}
