package main

import (
	"bufio"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/redtape-vn/redtape/corpus"
	"github.com/redtape-vn/redtape/corpus/index"
	"github.com/redtape-vn/redtape/corpus/synth"
)

func TestTranslate(t *testing.T) {
	for _, c := range []struct {
		q     string
		match string
		where []string
		args  []any
	}{
		{`giấy phép`, `{name text} : "giấy" AND {name text} : "phép"`, nil, nil},
		{`đăng ký`, `{name text} : "dăng" AND {name text} : "ký"`, nil, nil},
		{`"sổ hộ khẩu"`, `{name text} : "sổ hộ khẩu"`, nil, nil},
		{`khai*`, `{name text} : "khai" *`, nil, nil},
		{`giấy phép ministry:"tài chính"`, `{name text} : "giấy" AND {name text} : "phép" AND ministry : "tài chính"`, nil, nil},
		{`chứng chỉ -level:xã`, `{name text} : "chứng" AND {name text} : "chỉ" NOT levels : "xã"`, nil, nil},
		{`LEVEL:tỉnh Sector:"hải quan"`, `levels : "tỉnh" AND sector : "hải quan"`, nil, nil},
		{`basis:59/2020/qh14`, `basis : "59/2020/QH14"`, nil, nil},
		{`basis:104/2022/NĐ-CP`, `basis : "104/2022/ND-CP"`, nil, nil},
		{`paper:"hộ khẩu" level:tỉnh`, `papers : "hộ khẩu" AND levels : "tỉnh"`, nil, nil},
		{`code:1.0001*`, ``, []string{"d.code GLOB ?"}, []any{"1.0001*"}},
		{`thuế code:1.000178`, `{name text} : "thuế"`, []string{"d.code = ?"}, []any{"1.000178"}},
		{`a"b`, `{name text} : "a""b"`, nil, nil},
	} {
		got, err := translate(c.q)
		if err != nil {
			t.Errorf("%s: %v", c.q, err)
			continue
		}
		if got.Match != c.match || !reflect.DeepEqual(got.Where, c.where) || !reflect.DeepEqual(got.Args, c.args) {
			t.Errorf("%s:\n got %q %q %v\nwant %q %q %v", c.q, got.Match, got.Where, got.Args, c.match, c.where, c.args)
		}
	}
}

// A query whose meaning the translation would change is refused.
func TestTranslateRefuses(t *testing.T) {
	for _, q := range []string{`a OR b`, `(a b)`, `-level:xã`, `flagged:any`, `"giấy phép`, `level:""`, `-code:1.0*`, ``} {
		if got, err := translate(q); err == nil {
			t.Errorf("%s: translated to %+v, want an error", q, got)
		}
	}
}

// Every query of redtape's benchmark translates, and each class is there.
func TestBenchQueriesTranslate(t *testing.T) {
	qs, err := benchQueries("../../corpus/index/bench_test.go")
	if err != nil {
		t.Fatal(err)
	}
	for _, class := range classes {
		if len(qs[class]) == 0 {
			t.Errorf("class %s has no queries", class)
		}
		for _, q := range qs[class] {
			if _, err := translate(q); err != nil {
				t.Error(err)
			}
		}
	}
}

func TestReadBenchmark(t *testing.T) {
	out := `goos: linux
BenchmarkSearch/two-word-2         	     300	  12 ns/op	  15.5 cpu-ms/query	  7.0 facet-load-ms	  9.75 p50-ms	  21.7 p95-ms
BenchmarkSearch/phrase         	     100	  12 ns/op	  20.6 cpu-ms/query	  11.0 p50-ms	  30.7 p95-ms
PASS
`
	got, err := readBenchmark(strings.NewReader(out))
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]timing{
		"two-word": {p50: 9.75, p95: 21.7, cpu: 15.5, runs: 300},
		"phrase":   {p50: 11.0, p95: 30.7, cpu: 20.6, runs: 100},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %+v, want %+v", got, want)
	}
}

func TestFacetDiff(t *testing.T) {
	fts := counts{"ministry": {"A": 3, "B": 2, "C": 1}, "sector": {"S": 6}, "level": {}}
	if d := facetDiff(counts{"ministry": {"A": 3, "B": 2, otherKey: 1}, "sector": {"S": 6}}, fts); d != "" {
		t.Errorf("agreeing counts (C summed as other): %s", d)
	}
	if d := facetDiff(counts{"ministry": {"A": 3, "B": 1, "C": 1}, "sector": {"S": 6}}, fts); !strings.Contains(d, `"B"`) {
		t.Errorf("B differs: got %q", d)
	}
	if d := facetDiff(counts{"ministry": {"A": 3, "B": 2}, "sector": {"S": 6}}, fts); !strings.Contains(d, "past the 2 listed") {
		t.Errorf("C is missing from redtape's: got %q", d)
	}
}

// The FTS5 side finds what redtape finds, query by query, on synthetic
// records and on records made to tell the translations apart.
func TestSearchAgreesWithRedtape(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	procs := synth.Generate(1, 600)
	procs = append(procs,
		&corpus.Procedure{Code: "9.000001", Name: "Đăng ký tàu cá", Ministry: "Bộ Tài chính", Sector: "Hải quan", Levels: []string{"Cấp Xã"},
			Papers: []corpus.Paper{{Text: "Giấy tờ hộ"}, {Text: "khẩu trang y tế"}}},
		&corpus.Procedure{Code: "9.000002", Name: "Cấp giấy phép đường thủy", Ministry: "Bộ Công an", Levels: []string{"Cấp tỉnh", "Cấp xã"},
			LegalBasis: []corpus.LegalRef{{Text: "Nghị định số 104/2022/NĐ-CP", Number: "104/2022/NĐ-CP"}}},
	)
	jsonl := filepath.Join(dir, "corpus", "records.jsonl")
	if err := os.MkdirAll(filepath.Dir(jsonl), 0o755); err != nil {
		t.Fatal(err)
	}
	f, err := os.Create(jsonl)
	if err != nil {
		t.Fatal(err)
	}
	w := bufio.NewWriter(f)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	for _, p := range procs {
		if err := enc.Encode(p); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	f.Close()
	roots := []string{filepath.Dir(jsonl)}

	db, err := openDB(filepath.Join(dir, "fts.db"))
	if err != nil {
		t.Fatal(err)
	}
	st, err := load(ctx, db, roots, true)
	db.Close()
	if err != nil {
		t.Fatal(err)
	}
	if st.procedures != len(procs) {
		t.Fatalf("loaded %d procedures, want %d", st.procedures, len(procs))
	}
	fts, _, err := openFTS(ctx, filepath.Join(dir, "fts.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer fts.Close()

	ixPath := filepath.Join(dir, "index")
	src := index.Source{Roots: roots, Walk: func(ctx context.Context, fn func(*corpus.Procedure) error) (*corpus.Summary, error) {
		return corpus.Walk(ctx, roots, corpus.Options{}, fn)
	}}
	if _, err := index.Update(ctx, ixPath, src, index.UpdateOptions{}); err != nil {
		t.Fatal(err)
	}
	ix, err := index.Open(ixPath)
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	rt := redtapeEngine{ix: ix}

	qs, err := benchQueries("../../corpus/index/bench_test.go")
	if err != nil {
		t.Fatal(err)
	}
	// Queries only the two records above tell apart: đ folded, a phrase
	// that would run from one paper into the next, levels written in two
	// cases, an exclusion of one of two levels, a legal number.
	list := []string{`đường thủy`, `duong`, `paper:"hộ khẩu"`, `level:xã tàu`, `giấy -level:tỉnh`, `basis:104/2022/ND-CP`, `code:9.0000*`}
	for _, class := range classes {
		list = append(list, qs[class]...)
	}
	nonzero := 0
	for _, q := range list {
		fq, err := translate(q)
		if err != nil {
			t.Fatal(err)
		}
		want, err := rt.search(ctx, q)
		if err != nil {
			t.Fatal(err)
		}
		got, err := fts.search(ctx, fq, true)
		if err != nil {
			t.Fatal(err)
		}
		if got.total != want.total {
			t.Errorf("%s: FTS5 %d hits (%s), redtape %d", q, got.total, fq, want.total)
		} else if d := facetDiff(want.facets, got.facets); d != "" {
			t.Errorf("%s: facets differ: %s", q, d)
		}
		if want.total > 0 {
			nonzero++
		}
	}
	if nonzero < len(list)*2/3 {
		t.Errorf("only %d of %d queries find anything: the comparison tells little", nonzero, len(list))
	}
}
