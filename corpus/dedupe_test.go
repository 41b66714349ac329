package corpus

import (
	"strings"
	"testing"
)

func TestDedupe(t *testing.T) {
	a := &Procedure{Code: "1.001", Name: "Đăng ký khai sinh", Papers: []Paper{{Text: "Tờ khai"}}, Source: Source{File: "a.jsonl", Line: 1}}
	again := &Procedure{Code: "1.001", Name: "Đăng ký khai sinh", Papers: []Paper{{Text: "Tờ khai"}}, Source: Source{File: "a.jsonl", Line: 7}}
	variant := &Procedure{Code: "1.001", Name: "Đăng ký khai sinh", Agencies: []string{"UBND xã X"}, Papers: []Paper{{Text: "Tờ khai"}}, Source: Source{File: "b.json"}}
	// Alike in everything the first look compares, but a paper differs.
	reworded := &Procedure{Code: "1.001", Name: "Đăng ký khai sinh", Papers: []Paper{{Text: "Tờ khai (bản điện tử)"}}, Source: Source{File: "c.json"}}
	other := &Procedure{Code: "1.002", Name: "Đăng ký kết hôn", Source: Source{File: "a.jsonl", Line: 2}}
	kept, dups := Dedupe([]*Procedure{a, other, again, variant, reworded})
	if len(kept) != 4 || kept[0] != a || kept[1] != other || kept[2] != variant || kept[3] != reworded {
		t.Fatalf("kept %d records (%v); want a, other, the variant and the reworded one", len(kept), kept)
	}
	if len(dups) != 1 || dups[0].ID != "1.001" {
		t.Fatalf("duplicates %v; want 1.001 once", dups)
	}
	if msg := dups[0].String(); !strings.Contains(msg, "a.jsonl:7") || !strings.Contains(msg, "a.jsonl:1") {
		t.Errorf("message %q names neither copy", msg)
	}
	if kept, dups := Dedupe([]*Procedure{a, other}); len(kept) != 2 || dups != nil {
		t.Errorf("no duplicates: kept %d, dups %v", len(kept), dups)
	}
}
