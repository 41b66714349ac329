package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var flagFixtures = filepath.Join("..", "..", "testdata", "flags")

func flagGolden(t *testing.T, name string, got []byte) {
	t.Helper()
	goldenFile(t, filepath.Join(flagFixtures, "golden", name), got)
}

// TestFlagFormats prints the fixtures in every format and language: the
// table and Markdown have a golden file per language (flag.FORMAT in
// English, flag.vi.FORMAT in Vietnamese), the JSON one for both, as it
// does not change with --lang.
func TestFlagFormats(t *testing.T) {
	for _, format := range []string{"table", "markdown", "json"} {
		outs := map[string][]byte{}
		for _, lang := range []string{"vi", "en"} {
			e, out, _ := estimateEnv()
			err := runFlag(context.Background(), flagOptions{
				Paths: []string{filepath.Join(flagFixtures, "procedures.jsonl")}, Format: format, AsOf: "2026-06-01", Lang: lang,
			}, e)
			if err != nil {
				t.Fatalf("%s, %s: %v", format, lang, err)
			}
			outs[lang] = out.Bytes()
		}
		if format == "json" {
			if !bytes.Equal(outs["vi"], outs["en"]) {
				t.Errorf("the JSON changes with --lang")
			}
			flagGolden(t, "flag.json", outs["en"])
			continue
		}
		if bytes.Equal(outs["vi"], outs["en"]) {
			t.Errorf("%s: the same in both languages", format)
		}
		flagGolden(t, "flag."+format, outs["en"])
		flagGolden(t, "flag.vi."+format, outs["vi"])
	}
}

func TestFlagJSON(t *testing.T) {
	e, out, _ := estimateEnv()
	err := runFlag(context.Background(), flagOptions{
		Paths: []string{filepath.Join(flagFixtures, "procedures.jsonl")}, Format: "json", OnlyFlagged: true,
	}, e)
	if err != nil {
		t.Fatal(err)
	}
	var rep struct {
		Schema     string `json:"schema"`
		Procedures []struct {
			ID     string `json:"id"`
			Papers []struct {
				Text       string `json:"text"`
				Flagged    bool   `json:"flagged"`
				Entry      string `json:"entry"`
				Database   string `json:"database"`
				DatabaseVi string `json:"database_vi"`
				OwnerVi    string `json:"owner_vi"`
			} `json:"papers"`
		} `json:"procedures"`
	}
	if err := json.Unmarshal(out.Bytes(), &rep); err != nil {
		t.Fatal(err)
	}
	if rep.Schema != "redtape.flags/v1" {
		t.Errorf("schema %q", rep.Schema)
	}
	got := map[string][]string{}
	for _, p := range rep.Procedures {
		for _, pa := range p.Papers {
			if !pa.Flagged || pa.Entry == "" || pa.Database == "" || pa.Text == "" || pa.DatabaseVi == "" || pa.OwnerVi == "" {
				t.Errorf("%s: --only-flagged printed %+v", p.ID, pa)
			}
			got[p.ID] = append(got[p.ID], pa.Entry)
		}
	}
	want := map[string][]string{"F.001": {"id-card"}, "F.002": {"business-registration"}, "F.003": {"health-certificate"}}
	for id, entries := range want {
		if strings.Join(got[id], ",") != strings.Join(entries, ",") {
			t.Errorf("%s: flagged %v, want %v", id, got[id], entries)
		}
	}
}

func TestFlagUsageErrors(t *testing.T) {
	bad := filepath.Join(t.TempDir(), "bad.yaml")
	if err := os.WriteFile(bad, []byte("schema: redtape.catalog/v1\nentries:\n  - id: x\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, opts := range []flagOptions{
		{Format: "yaml"},
		{Format: "table", AsOf: "23/11/2026"},
		{Format: "table", Catalog: bad},
		{Format: "table", Catalog: filepath.Join(t.TempDir(), "missing.yaml")},
		{Format: "table", Lang: "fr"},
		{Format: "json", Lang: "english"},
	} {
		e, _, _ := estimateEnv()
		err := runFlag(context.Background(), opts, e)
		var ue *usageError
		if !errors.As(err, &ue) {
			t.Errorf("%+v: error %v, want a usage error", opts, err)
		}
	}
	e, _, errb := estimateEnv()
	if code := run(context.Background(), []string{"redtape", "flag", "--catalog", bad}, e); code != exitUsage {
		t.Errorf("exit code %d, want %d (%s)", code, exitUsage, errb)
	}
	if !strings.Contains(errb.String(), "entry 1 (x)") {
		t.Errorf("error does not name the entry: %s", errb)
	}
	e, _, errb = estimateEnv()
	if code := run(context.Background(), []string{"redtape", "flag", "--lang", "fr"}, e); code != exitUsage || !strings.Contains(errb.String(), `"fr"`) {
		t.Errorf("--lang fr: exit code %d, want %d (%s)", code, exitUsage, errb)
	}
}

func TestFlagUnreadableInput(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "broken.jsonl"), []byte("{not json\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	good, err := os.ReadFile(filepath.Join(estimateFixtures, "current.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "good.jsonl"), good, 0o644); err != nil {
		t.Fatal(err)
	}
	e, out, _ := estimateEnv()
	if code := run(context.Background(), []string{"redtape", "flag", "--lang", "en", dir}, e); code != exitInputFailed {
		t.Errorf("exit code %d, want %d", code, exitInputFailed)
	}
	if !strings.Contains(out.String(), "papers flagged") {
		t.Errorf("no summary written before the input error: %q", out)
	}
}

func TestCatalogCommand(t *testing.T) {
	e, out, _ := estimateEnv()
	if err := runCatalog(context.Background(), catalogOptions{Format: "json", AsOf: "2025-06-01"}, e); err != nil {
		t.Fatal(err)
	}
	var rep struct {
		Schema  string `json:"schema"`
		Entries []struct {
			ID         string   `json:"id"`
			Sources    []string `json:"sources"`
			Database   string   `json:"database"`
			DatabaseVi string   `json:"database_vi"`
			OwnerVi    string   `json:"owner_vi"`
		} `json:"entries"`
	}
	if err := json.Unmarshal(out.Bytes(), &rep); err != nil {
		t.Fatal(err)
	}
	ids := map[string]bool{}
	for _, en := range rep.Entries {
		ids[en.ID] = true
		if len(en.Sources) == 0 {
			t.Errorf("%s has no source", en.ID)
		}
		if en.Database == "" || en.DatabaseVi == "" || en.OwnerVi == "" {
			t.Errorf("%s: JSON lacks the English or Vietnamese names: %+v", en.ID, en)
		}
	}
	if rep.Schema != "redtape.catalog/v1" || !ids["residence-book"] || ids["criminal-record"] {
		t.Errorf("catalog as of 2025-06-01: schema %q, entries %v", rep.Schema, ids)
	}
	e, out, _ = estimateEnv()
	if err := runCatalog(context.Background(), catalogOptions{Format: "table"}, e); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		"  database:  Cơ sở dữ liệu lý lịch tư pháp (Bộ Công an (từ năm 2025))\n             Criminal-record database (Ministry of Public Security (since 2025))\n",
		"  basis:     Resolution 66.7/2025/NQ-CP Art. 4.8\n             khoản 8 Điều 4 Nghị quyết 66.7/2025/NQ-CP\n",
		"  broader:   giấy tờ tùy thân; ",
		"  GCN: giấy chứng nhận\n",
	} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("table lacks %q", want)
		}
	}
	if !strings.Contains(out.String(), "criminal-record — Phiếu lý lịch tư pháp") || !strings.Contains(out.String(), "source:") {
		t.Errorf("table lacks entries or sources:\n%s", out)
	}
	e, _, _ = estimateEnv()
	var ue *usageError
	if err := runCatalog(context.Background(), catalogOptions{Format: "xml"}, e); !errors.As(err, &ue) {
		t.Errorf("bad format: %v, want usage error", err)
	}
}

// lostMostInput is a directory where most records cannot be read: one
// procedure with a flaggable paper, three broken lines.
func lostMostInput(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	body := "{broken\n" + `{"code":"Z.2","name":"Thủ tục","papers":[{"text":"Bản sao Giấy khai sinh"}]}` + "\n{also broken\nnope\n"
	if err := os.WriteFile(filepath.Join(dir, "x.jsonl"), []byte(body), 0o644); err != nil {
		t.Fatal(err)
	}
	return dir
}

// TestFlagRefusedPrintsNothing: a report written as procedures are
// flagged is still not printed when the input turns out to have lost
// most of its records, in any format, to a buffer or to a file.
func TestFlagRefusedPrintsNothing(t *testing.T) {
	dir := lostMostInput(t)
	for _, format := range []string{"json", "table", "markdown"} {
		e, out, errb := estimateEnv()
		if code := run(context.Background(), []string{"redtape", "flag", "--format", format, dir}, e); code != exitInputFailed {
			t.Errorf("%s: exit %d, want %d", format, code, exitInputFailed)
		}
		if out.Len() != 0 || !strings.Contains(errb.String(), "lost most of its records") {
			t.Errorf("%s: printed %q; stderr %s", format, out, errb)
		}
		f, err := os.Create(filepath.Join(t.TempDir(), "out"))
		if err != nil {
			t.Fatal(err)
		}
		e.stdout = f
		if code := run(context.Background(), []string{"redtape", "flag", "--format", format, dir}, e); code != exitInputFailed {
			t.Errorf("%s to a file: exit %d", format, code)
		}
		if fi, err := f.Stat(); err != nil || fi.Size() != 0 {
			t.Errorf("%s: the refused report left %d bytes in the file (%v)", format, fi.Size(), err)
		}
		f.Close()
	}
}

// TestHeldOutput holds more than fits in memory: committed, the
// destination gets every byte in order; discarded, nothing; written in
// place to a file, the file is cut back to what it held before.
func TestHeldOutput(t *testing.T) {
	chunk := bytes.Repeat([]byte("0123456789abcdef"), 4096)
	var want bytes.Buffer
	for i := 0; want.Len() <= heldMemory+len(chunk); i++ {
		want.Write(chunk)
		want.WriteString(fmt.Sprint(i))
	}
	write := func(h *heldOutput) {
		t.Helper()
		data := want.Bytes()
		for len(data) > 0 {
			n := min(len(data), 7919)
			if _, err := h.Write(data[:n]); err != nil {
				t.Fatal(err)
			}
			data = data[n:]
		}
	}
	var dest bytes.Buffer
	h := holdOutput(&dest, nil)
	write(h)
	if dest.Len() != 0 || h.spill == nil {
		t.Fatalf("held output: %d bytes through before Commit, spill %v", dest.Len(), h.spill)
	}
	if err := h.Commit(); err != nil || !bytes.Equal(dest.Bytes(), want.Bytes()) {
		t.Errorf("commit: %v, %d bytes of %d", err, dest.Len(), want.Len())
	}
	spill := h.spill.Name()
	h.Close()
	if _, err := os.Stat(spill); !os.IsNotExist(err) {
		t.Errorf("temporary file left: %v", err)
	}

	dest.Reset()
	h = holdOutput(&dest, nil)
	write(h)
	if err := h.Discard(); err != nil || dest.Len() != 0 {
		t.Errorf("discard: %v, %d bytes through", err, dest.Len())
	}
	h.Close()

	path := filepath.Join(t.TempDir(), "out")
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	f.WriteString("before\n")
	h = holdOutput(f, nil)
	write(h)
	if h.direct == nil || h.mem.Len() != 0 {
		t.Fatalf("a regular file is not written in place")
	}
	if err := h.Discard(); err != nil {
		t.Fatal(err)
	}
	f.WriteString("after\n")
	if got, _ := os.ReadFile(path); string(got) != "before\nafter\n" {
		t.Errorf("file after discard: %.40q (%d bytes)", got, len(got))
	}
	// The same file as stderr is not written in place.
	if h := holdOutput(f, f); h.direct != nil {
		t.Error("output sharing stderr's file written in place")
	}
}
