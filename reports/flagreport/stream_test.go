package flagreport

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"path/filepath"
	"testing"
	"time"

	"github.com/redtape-vn/redtape/analyzer/assess"
	"github.com/redtape-vn/redtape/analyzer/flags"
	"github.com/redtape-vn/redtape/corpus"
	"github.com/redtape-vn/redtape/corpus/demo"
	"github.com/redtape-vn/redtape/corpus/synth"
	"github.com/redtape-vn/redtape/internal/i18n"
)

// bufferSpool is a Spool in memory.
type bufferSpool struct{ bytes.Buffer }

func (b *bufferSpool) Replay(w io.Writer) error {
	_, err := w.Write(b.Bytes())
	return err
}

// streamCorpora are the procedures the stream is checked on: the flag
// fixtures, the demo corpus, synthetic procedures, and a record whose
// text needs escaping in JSON and on a terminal.
func streamCorpora(t *testing.T) map[string][]*corpus.Procedure {
	t.Helper()
	fixtures, _, err := corpus.Load(context.Background(), []string{filepath.Join("..", "..", "testdata", "flags", "procedures.jsonl")}, corpus.Options{})
	if err != nil || len(fixtures) == 0 {
		t.Fatalf("fixtures: %d records, %v", len(fixtures), err)
	}
	demoProcs, err := demo.Load(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	hostile := &corpus.Procedure{Code: "X.1", Name: "Tên <b>&\"thủ tục\"\u202e\x1b[31m\\", Ministry: "Bộ \"Y\" tế",
		Papers: []corpus.Paper{{Text: "Bản sao Giấy khai sinh\t<script>\r\n"}, {Text: "Căn cước công dân \u2028 \\u0000"}}}
	return map[string][]*corpus.Procedure{
		"fixtures": fixtures,
		"demo":     demoProcs,
		"synth":    synth.Generate(5, 300),
		"hostile":  {hostile},
	}
}

// TestStreamWritesWhatWritersWrite streams every corpus in every format,
// all procedures and flagged ones only, and compares with the writers of
// the whole report.
func TestStreamWritesWhatWritersWrite(t *testing.T) {
	cat, err := assess.Catalog("", time.Date(2026, 6, 1, 0, 0, 0, 0, time.UTC))
	if err != nil {
		t.Fatal(err)
	}
	list, err := assess.Decisions("")
	if err != nil {
		t.Fatal(err)
	}
	m := flags.NewMatcher(cat)
	for name, procs := range streamCorpora(t) {
		results, err := m.Procedures(context.Background(), procs)
		if err != nil {
			t.Fatal(err)
		}
		rep := Report{Schema: Schema, AsOf: "2026-06-01", Catalog: cat.Files, Summary: flags.Summarize(results),
			Decisions: assess.JudgeDecisions(list, procs, results, nil)}
		for _, only := range []bool{false, true} {
			whole := rep
			whole.Procedures = results
			if only {
				whole.Procedures = OnlyFlagged(results)
			}
			for _, l := range []i18n.Lang{i18n.Vietnamese, i18n.English} {
				for format, write := range map[string]func(io.Writer, Report, i18n.Lang) error{"json": writeJSON, "table": WriteTable, "markdown": WriteMarkdown} {
					var want, got bytes.Buffer
					if err := write(&want, whole, l); err != nil {
						t.Fatal(err)
					}
					s, err := NewStream(&got, format, Report{Schema: Schema, AsOf: rep.AsOf, Catalog: rep.Catalog}, only, &bufferSpool{}, l)
					if err != nil {
						t.Fatal(err)
					}
					for _, r := range results {
						if err := s.Add(r); err != nil {
							t.Fatal(err)
						}
					}
					if err := s.Close(rep.Summary, rep.Decisions); err != nil {
						t.Fatal(err)
					}
					if !bytes.Equal(got.Bytes(), want.Bytes()) {
						at := firstDiff(got.Bytes(), want.Bytes())
						t.Errorf("%s, %s, %s, only flagged %v: streamed output differs at byte %d of %d:\n got %q\nwant %q", name, l, format, only, at, want.Len(),
							clip(got.Bytes(), at), clip(want.Bytes(), at))
					}
				}
			}
		}
	}
}

// TestStreamNoFlagged is the JSON of --only-flagged when nothing is
// flagged: a null list, as OnlyFlagged returns none.
func TestStreamNoFlagged(t *testing.T) {
	var want, got bytes.Buffer
	rep := Report{Schema: Schema, AsOf: "2026-01-02", Catalog: []string{"built-in"}}
	rep.Procedures = OnlyFlagged([]flags.ProcedureResult{{ID: "A", Papers: []flags.PaperResult{{Text: "Đơn"}}}})
	if err := WriteJSON(&want, rep); err != nil {
		t.Fatal(err)
	}
	s, err := NewStream(&got, "json", rep, true, nil, i18n.Vietnamese)
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Add(flags.ProcedureResult{ID: "A", Papers: []flags.PaperResult{{Text: "Đơn"}}}); err != nil {
		t.Fatal(err)
	}
	if err := s.Close(rep.Summary, rep.Decisions); err != nil {
		t.Fatal(err)
	}
	if got.String() != want.String() || !bytes.Contains(got.Bytes(), []byte(`"procedures": null`)) {
		t.Errorf("got\n%s\nwant\n%s", got.String(), want.String())
	}
	if _, err := NewStream(&got, "markdown", rep, false, nil, i18n.English); err == nil {
		t.Error("markdown without a spool accepted")
	}
	if _, err := NewStream(&got, "yaml", rep, false, nil, i18n.English); err == nil {
		t.Error("unknown format accepted")
	}
}

// TestAppendIndent indents values of every shape as json.MarshalIndent.
func TestAppendIndent(t *testing.T) {
	for _, v := range []any{
		map[string]any{},
		[]any{},
		map[string]any{"a": []any{}, "b": map[string]any{}, "c": []any{1, "x", nil, true, 2.5e-9}},
		[]any{[]any{[]any{}}, map[string]any{"k\"{[,:": "v\\\",]}"}},
		"plain",
		map[string]any{"s": "ends with backslash \\", "t": "quote \" inside", "u": "\u2028<>&"},
		[]any{map[string]any{"x": []any{map[string]any{}}}},
	} {
		compact, err := json.Marshal(v)
		if err != nil {
			t.Fatal(err)
		}
		for _, prefix := range []string{"", "    "} {
			want, err := json.MarshalIndent(v, prefix, "  ")
			if err != nil {
				t.Fatal(err)
			}
			if got := appendIndent(nil, compact, prefix, "  "); !bytes.Equal(got, want) {
				t.Errorf("%s with prefix %q:\n got %s\nwant %s", compact, prefix, got, want)
			}
		}
	}
}

// writeJSON is WriteJSON with the writers' signature: the JSON has no
// language.
func writeJSON(w io.Writer, rep Report, _ i18n.Lang) error { return WriteJSON(w, rep) }

func firstDiff(a, b []byte) int {
	for i := range min(len(a), len(b)) {
		if a[i] != b[i] {
			return i
		}
	}
	return min(len(a), len(b))
}

func clip(b []byte, at int) []byte {
	lo, hi := max(at-60, 0), min(at+60, len(b))
	return b[lo:hi]
}
