package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/redtape-vn/redtape/reports/records"
)

func TestStatsJSON(t *testing.T) {
	code, out, stderr := runCLI(t, "stats", "--format", "json", mdFixture)
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	var rep records.Stats
	if err := json.Unmarshal([]byte(out), &rep); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	if rep.Schema != records.StatsSchema || rep.Files != 1 || rep.ReadErrors != 0 {
		t.Errorf("head %+v", rep)
	}
	if len(rep.Ministries) != 1 || rep.Ministries[0].Ministry != "Bộ Công an" {
		t.Fatalf("ministries %+v", rep.Ministries)
	}
	tot := rep.Total
	if tot.Procedures != 2 || tot.Papers != 6 || tot.PapersCounted != 4 || tot.WithFeeText != 2 || tot.WithTimeText != 2 || tot.LegalRefs != 2 {
		t.Errorf("total %+v", tot)
	}
	for field, want := range map[string]int{"code": 0, "legal_basis": 1, "annual_volume": 1, "steps": 1, "results": 1, "agencies": 1} {
		if got, ok := tot.Missing[field]; !ok || got != want {
			t.Errorf("missing %s = %d (present %v), want %d", field, got, ok, want)
		}
	}
}

func TestStatsText(t *testing.T) {
	code, out, _ := runCLI(t, "stats", "--lang", "en")
	if code != exitOK {
		t.Fatalf("exit %d", code)
	}
	for _, want := range []string{"Found, by ministry:\n  ministry                      procedures  papers", "\n  Total     ", "\n  ministry                      code  name  ministry",
		"\n  Bộ Tư pháp                     ", "\n\n46 procedures from 1 file\n"} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
}

func TestStatsUnknownMinistryAndErrors(t *testing.T) {
	rep := records.Count(nil, nil)
	if rep.Total.Procedures != 0 || len(rep.Ministries) != 0 || rep.Total.Missing["code"] != 0 {
		t.Errorf("empty report %+v", rep)
	}
	if code, _, _ := runCLI(t, "stats", "--format", "csv"); code != exitUsage {
		t.Errorf("bad format: exit %d", code)
	}
	if code, _, stderr := runCLI(t, "stats", "--lang", "fr"); code != exitUsage || !strings.Contains(stderr, `"fr" is not vi or en`) {
		t.Errorf("bad language: exit %d: %s", code, stderr)
	}
}

// TestStatsSkippedAndFailed counts a directory with a procedure file, a
// README without procedures (skipped) and a file no reader knows (failed):
// stdout ends with one closing line, stderr has one line per event.
func TestStatsSkippedAndFailed(t *testing.T) {
	dir := t.TempDir()
	md, err := os.ReadFile(mdFixture)
	if err != nil {
		t.Fatal(err)
	}
	for name, data := range map[string][]byte{
		"procedures.md": md,
		"README.md":     []byte("# Thư mục thủ tục\n\nCác tệp ở đây mô tả thủ tục.\n"),
		"bad.json":      []byte(`{"khong":"phai"}`),
	} {
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	code, out, stderr := runCLI(t, "stats", dir, "--lang", "en")
	if code != exitInputFailed {
		t.Errorf("exit %d, want %d", code, exitInputFailed)
	}
	if !strings.HasSuffix(out, "\n\n2 procedures from 3 files; 1 file or record could not be read; 1 file skipped (see stderr)\n") {
		t.Errorf("stdout:\n%s", out)
	}
	lines := strings.Split(strings.TrimSuffix(stderr, "\n"), "\n")
	for _, want := range []string{"bad.json: unrecognised format", "skipped " + filepath.Join(dir, "README.md") + ": Markdown without procedure fields", "some input could not be read"} {
		n := 0
		for _, l := range lines {
			if !strings.HasPrefix(l, "redtape: ") {
				t.Errorf("stderr line without the program name: %q", l)
			}
			if strings.Contains(l, want) {
				n++
			}
		}
		if n != 1 {
			t.Errorf("stderr has %d lines with %q, want 1:\n%s", n, want, stderr)
		}
	}

	os.Remove(filepath.Join(dir, "bad.json"))
	if code, out, _ := runCLI(t, "stats", "--lang=en", dir); code != exitOK || !strings.HasSuffix(out, "\n2 procedures from 2 files; 1 file skipped (see stderr)\n") {
		t.Errorf("without the bad file: exit %d\n%s", code, out)
	}
}

// The text is Vietnamese by default and English with --lang en, with the
// same counts; the JSON is the same bytes whatever --lang says.
func TestStatsLang(t *testing.T) {
	code, vi, _ := runCLI(t, "stats")
	if code != exitOK {
		t.Fatalf("exit %d", code)
	}
	_, en, _ := runCLI(t, "stats", "--lang", "en")
	if _, viExplicit, _ := runCLI(t, "stats", "--lang", "VI"); viExplicit != vi {
		t.Errorf("--lang VI differs from the default")
	}
	for _, want := range []string{"Đã tìm thấy, theo bộ, ngành:\n  bộ, ngành ", "\n  Tổng cộng ", "Số thủ tục không nêu từng thông tin, theo bộ, ngành:\n",
		"\n  Bộ Tư pháp ", "\n\n46 thủ tục từ 1 tệp\n"} {
		if !strings.Contains(vi, want) {
			t.Errorf("Vietnamese output lacks %q:\n%s", want, vi)
		}
	}
	if strings.Contains(vi, "Total") || strings.Contains(vi, "procedures") {
		t.Errorf("Vietnamese output holds English:\n%s", vi)
	}
	// The counts are the same: the digits of each line agree.
	digits := regexp.MustCompile(`\d+`)
	viLines, enLines := strings.Split(vi, "\n"), strings.Split(en, "\n")
	if len(viLines) != len(enLines) {
		t.Fatalf("%d lines in Vietnamese, %d in English", len(viLines), len(enLines))
	}
	for i := range viLines {
		if a, b := digits.FindAllString(viLines[i], -1), digits.FindAllString(enLines[i], -1); !slices.Equal(a, b) {
			t.Errorf("line %d: counts %v in Vietnamese, %v in English", i+1, a, b)
		}
	}
	_, j1, _ := runCLI(t, "stats", "--format", "json", mdFixture)
	for _, lang := range []string{"vi", "en"} {
		if _, j2, _ := runCLI(t, "stats", "--format", "json", "--lang", lang, mdFixture); j2 != j1 {
			t.Errorf("--lang %s changes the JSON", lang)
		}
	}
}

func TestReadSummary(t *testing.T) {
	for _, tc := range []struct {
		procs, files, failed, skipped int
		want                          string
	}{
		{0, 0, 0, 0, "0 procedures from 0 files"},
		{1, 1, 0, 0, "1 procedure from 1 file"},
		{2054, 2056, 0, 2, "2054 procedures from 2056 files; 2 files skipped (see stderr)"},
		{3, 5, 1, 1, "3 procedures from 5 files; 1 file or record could not be read; 1 file skipped (see stderr)"},
		{0, 2, 2, 0, "0 procedures from 2 files; 2 files or records could not be read (see stderr)"},
	} {
		if got := records.ReadSummary(tc.procs, tc.files, tc.failed, tc.skipped); got != tc.want {
			t.Errorf("readSummary(%d, %d, %d, %d) = %q, want %q", tc.procs, tc.files, tc.failed, tc.skipped, got, tc.want)
		}
	}
}
