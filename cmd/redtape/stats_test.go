package main

import (
	"encoding/json"
	"strings"
	"testing"
)

func TestStatsJSON(t *testing.T) {
	code, out, stderr := runCLI(t, "stats", "--format", "json", mdFixture)
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	var rep statsReport
	if err := json.Unmarshal([]byte(out), &rep); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	if rep.Schema != statsSchema || rep.Files != 1 || rep.ReadErrors != 0 {
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
	code, out, _ := runCLI(t, "stats")
	if code != exitOK {
		t.Fatalf("exit %d", code)
	}
	for _, want := range []string{"ministry  procedures  papers", "Total", "missing  code  name  ministry", "Bộ Tư pháp", "from 1 files; 0 files or records could not be read"} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
}

func TestStatsUnknownMinistryAndErrors(t *testing.T) {
	rep := buildStats(nil, nil)
	if rep.Total.Procedures != 0 || len(rep.Ministries) != 0 || rep.Total.Missing["code"] != 0 {
		t.Errorf("empty report %+v", rep)
	}
	if code, _, _ := runCLI(t, "stats", "--format", "csv"); code != exitUsage {
		t.Errorf("bad format: exit %d", code)
	}
}
