package main

import (
	"context"
	"encoding/json"
	"errors"
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

func TestFlagFormats(t *testing.T) {
	for _, format := range []string{"table", "markdown", "json"} {
		e, out, _ := estimateEnv()
		err := runFlag(context.Background(), flagOptions{
			Paths: []string{filepath.Join(flagFixtures, "procedures.jsonl")}, Format: format, AsOf: "2026-06-01",
		}, e)
		if err != nil {
			t.Fatalf("%s: %v", format, err)
		}
		flagGolden(t, "flag."+format, out.Bytes())
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
	if code := run(context.Background(), []string{"redtape", "flag", dir}, e); code != exitInputFailed {
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
