package index

import (
	"context"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"github.com/redtape-vn/redtape/corpus"
	"github.com/redtape-vn/redtape/corpus/index/fields"
)

// indexAlloc indexes procs into a new index and returns the bytes
// allocated doing so.
func indexAlloc(t *testing.T, procs []*corpus.Procedure) (string, uint64) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "idx")
	var m0, m1 runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&m0)
	if _, err := Update(context.Background(), path, sliceSource(nil, procs), UpdateOptions{}); err != nil {
		t.Fatal(err)
	}
	runtime.ReadMemStats(&m1)
	return path, m1.TotalAlloc - m0.TotalAlloc
}

// TestLongWordBounded indexes a name holding one very long word (issue
// 15: five million letters took 56 s and 2.2 GB) at two sizes: memory
// grows with the input, no faster, and stays within a small multiple of
// it. Before the word limit, 400,000 letters allocated 92 MB (230 bytes a
// letter); with it, 12 MB. The record is still found by the word.
func TestLongWordBounded(t *testing.T) {
	proc := func(n int) *corpus.Procedure {
		return &corpus.Procedure{Code: "9.900004", Name: "Thủ tục " + strings.Repeat("a", n), Source: corpus.Source{File: "x.json"}}
	}
	const small, large = 200_000, 800_000
	_, a := indexAlloc(t, []*corpus.Procedure{proc(small)})
	path, b := indexAlloc(t, []*corpus.Procedure{proc(large)})
	t.Logf("%d letters: %d bytes allocated; %d letters: %d", small, a, large, b)
	if perByte := float64(b) / large; perByte > 60 {
		t.Errorf("%.0f bytes allocated per letter, want at most 60", perByte)
	}
	if growth := float64(b) / float64(a); growth > 1.5*large/small {
		t.Errorf("memory grew %.1f× for %d× the input", growth, large/small)
	}
	ix, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	res, err := ix.Search(context.Background(), Request{Query: strings.Repeat("a", 300)})
	if err != nil {
		t.Fatal(err)
	}
	if res.Total != 1 {
		t.Errorf("a query of the word's first 300 letters found %d records, want 1 (both cut to %d bytes)", res.Total, fields.MaxWordBytes)
	}
}
