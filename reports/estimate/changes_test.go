package estimate

import (
	"bytes"
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"

	"github.com/redtape-vn/redtape/analyzer/compare"
	"github.com/redtape-vn/redtape/analyzer/cost"
)

// A ChangeFile lists each scenario's changes in a scenario's order
// (saving, then ID, then indexes), whatever order they came in, and keeps
// the scenarios apart.
func TestChangeFileOrdersEachScenario(t *testing.T) {
	cf, err := NewChangeFile(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	defer cf.Close()
	add := func(scenario, id string, saving int64, base int) {
		cf.Add(scenario, &compare.Change{ID: id, Name: "thủ tục " + id, Status: compare.Simplified,
			Saving: cost.Int(saving), Base: base, Current: base})
	}
	add("a", "x", 5, 2)
	add("b", "only-b", 1, 0)
	add("a", "y", 9, 1)
	add("a", "x", 5, 1)
	add("a", "w", 5, 3)
	rep := &Report{Scenarios: []Scenario{{Name: "a", file: cf}, {Name: "b", file: cf}, {Name: "c", file: cf}}}
	var buf bytes.Buffer
	if err := WriteJSON(&buf, rep); err != nil {
		t.Fatal(err)
	}
	var again bytes.Buffer
	if err := WriteJSON(&again, rep); err != nil {
		t.Fatal(err)
	}
	if again.String() != buf.String() {
		t.Errorf("written a second time, the report differs:\n%s\nthen\n%s", buf.String(), again.String())
	}
	var got struct {
		Scenarios []struct {
			Changes []Cut `json:"changes"`
		} `json:"scenarios"`
	}
	if err := json.Unmarshal(buf.Bytes(), &got); err != nil {
		t.Fatalf("the JSON does not read back: %v\n%s", err, buf.String())
	}
	ids := func(cuts []Cut) string {
		var out []string
		for _, c := range cuts {
			out = append(out, c.ID+":"+c.Saving.Exact())
		}
		return strings.Join(out, " ")
	}
	want := []string{"y:9 w:5 x:5 x:5", "only-b:1", ""}
	for i, w := range want {
		if g := ids(got.Scenarios[i].Changes); g != w {
			t.Errorf("scenario %d lists %q, want %q", i, g, w)
		}
	}
	if !strings.Contains(buf.String(), `"changes": []`) {
		t.Errorf("a scenario with no change is not written as an empty list:\n%s", buf.String())
	}
}

// A change that cannot be kept makes WriteJSON fail with the file's name,
// rather than leave it out of the list.
func TestChangeFileReportsAFailedWrite(t *testing.T) {
	dir := t.TempDir()
	cf, err := NewChangeFile(dir)
	if err != nil {
		t.Fatal(err)
	}
	cf.Add("a", &compare.Change{ID: "x", Saving: cost.Int(1)})
	cf.Close() // the buffered cut can no longer be written
	err = WriteJSON(&bytes.Buffer{}, &Report{Scenarios: []Scenario{{Name: "a", file: cf}}})
	if err == nil || !strings.Contains(err.Error(), filepath.Join(dir, "redtape-spill-")) {
		t.Errorf("WriteJSON = %v, want an error naming the file in %s", err, dir)
	}
}

// A change that cannot be written when it is added fails WriteJSON with
// that write's error, and is not listed: the list is never written short.
// (The second Add fails on its own, the writer keeping its error; it is
// there to show WriteJSON reports the first failure, not the last.)
func TestChangeFileReportsAFailedAdd(t *testing.T) {
	dir := t.TempDir()
	cf, err := NewChangeFile(dir)
	if err != nil {
		t.Fatal(err)
	}
	cf.Close()
	// Larger than the write buffer, so written through to the closed file.
	cf.Add("a", &compare.Change{ID: "big", Name: strings.Repeat("x", 1<<20), Saving: cost.Int(1)})
	cf.Add("a", &compare.Change{ID: "small", Saving: cost.Int(1)})
	var out bytes.Buffer
	err = WriteJSON(&out, &Report{Scenarios: []Scenario{{Name: "a", file: cf}}})
	if err == nil || !strings.Contains(err.Error(), "keep changes: spill records to "+filepath.Join(dir, "redtape-spill-")) {
		t.Errorf("WriteJSON = %v, want the failed write naming the file in %s", err, dir)
	}
	if n := len(cf.lists["a"]); n != 0 {
		t.Errorf("%d changes listed after the failed write, want none", n)
	}
}
