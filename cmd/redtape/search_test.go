package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

var searchFixture = filepath.Join("..", "..", "testdata", "search", "fixture.jsonl")

// searchEnv returns an env writing to buffers, with a fixed clock and no
// environment variables.
func searchEnv() (*env, *bytes.Buffer, *bytes.Buffer) {
	var out, errb bytes.Buffer
	e := newEnv(strings.NewReader(""), &out, &errb)
	e.now = func() time.Time { return time.Date(2026, 11, 23, 0, 0, 0, 0, time.UTC) }
	e.getenv = func(string) string { return "" }
	return e, &out, &errb
}

// indexFixture indexes the search fixture into a new index and returns its path.
func indexFixture(t *testing.T) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "idx")
	e, out, errb := searchEnv()
	if code := run(context.Background(), []string{"redtape", "index", "--index", dir, searchFixture}, e); code != exitOK {
		t.Fatalf("index exit %d: %s", code, errb)
	}
	if want := "6 procedures read, 6 added, 0 updated, 0 unchanged, 0 removed; 6 in the index"; !strings.Contains(out.String(), want) {
		t.Fatalf("index output %q lacks %q", out, want)
	}
	return dir
}

func TestIndexCommandUpdates(t *testing.T) {
	dir := indexFixture(t)
	e, out, errb := searchEnv()
	if code := run(context.Background(), []string{"redtape", "index", "--index", dir, searchFixture}, e); code != exitOK {
		t.Fatalf("exit %d: %s", code, errb)
	}
	if !strings.Contains(out.String(), "0 added, 0 updated, 6 unchanged, 0 removed") {
		t.Errorf("second run rewrote records: %s", out)
	}
	e, _, errb = searchEnv()
	if code := run(context.Background(), []string{"redtape", "index", "--index", dir, "no/such/dir"}, e); code != exitUsage {
		t.Errorf("missing path: exit %d, want %d (%s)", code, exitUsage, errb)
	}
	e, _, _ = searchEnv()
	if code := run(context.Background(), []string{"redtape", "index", "--index", dir, "--from", "nope", searchFixture}, e); code != exitUsage {
		t.Errorf("unknown reader: exit %d, want %d", code, exitUsage)
	}
}

func TestSearchGolden(t *testing.T) {
	dir := indexFixture(t)
	tests := []struct {
		golden string
		args   []string
	}{
		{"table.txt", []string{"giay khai sinh"}},
		{"basis.json", []string{"--format", "json", "basis:104/2022/ND-CP"}},
		{"exclusion.md", []string{"--format", "markdown", `"sổ hộ khẩu" -level:tỉnh`}},
		{"ranking.txt", []string{"đường"}},
	}
	for _, tt := range tests {
		e, out, errb := searchEnv()
		args := append([]string{"redtape", "search", "--index", dir}, tt.args...)
		if code := run(context.Background(), args, e); code != exitOK {
			t.Errorf("%v: exit %d: %s", tt.args, code, errb)
			continue
		}
		goldenFile(t, filepath.Join("..", "..", "testdata", "search", "golden", tt.golden), out.Bytes())
	}
}

// TestSearchPaging pages through hits that all tie: the pages are
// disjoint and cover every match.
func TestSearchPaging(t *testing.T) {
	dir := indexFixture(t)
	seen := map[string]bool{}
	for page := 1; page <= 3; page++ {
		e, out, errb := searchEnv()
		args := []string{"redtape", "search", "--index", dir, "-f", "json", "--size", "2", "--", "-code:none", fmt.Sprintf("--page=%d", page)}
		if code := run(context.Background(), args, e); code != exitOK {
			t.Fatalf("page %d: exit %d: %s", page, code, errb)
		}
		var doc struct {
			Total int
			Hits  []struct{ Code string }
		}
		if err := json.Unmarshal(out.Bytes(), &doc); err != nil {
			t.Fatal(err)
		}
		if doc.Total != 6 || len(doc.Hits) != 2 {
			t.Fatalf("page %d: total %d, %d hits", page, doc.Total, len(doc.Hits))
		}
		for _, h := range doc.Hits {
			if seen[h.Code] {
				t.Errorf("page %d repeats %s", page, h.Code)
			}
			seen[h.Code] = true
		}
	}
	if len(seen) != 6 {
		t.Errorf("pages cover %d of 6 procedures", len(seen))
	}
}

func TestSearchJSONShape(t *testing.T) {
	dir := indexFixture(t)
	e, out, _ := searchEnv()
	if code := run(context.Background(), []string{"redtape", "search", "--index", dir, "-f", "json", `paper:"hộ khẩu"`}, e); code != exitOK {
		t.Fatalf("exit %d", code)
	}
	var doc struct {
		Schema string `json:"schema"`
		Total  int    `json:"total"`
		Hits   []struct {
			Code     string `json:"code"`
			Snippets []struct {
				Field string `json:"field"`
				Text  string `json:"text"`
				Marks []struct{ Start, End int }
			} `json:"snippets"`
		} `json:"hits"`
		Facets []struct {
			Field string `json:"field"`
		} `json:"facets"`
	}
	if err := json.Unmarshal(out.Bytes(), &doc); err != nil {
		t.Fatal(err)
	}
	if doc.Schema != searchSchema || doc.Total != 2 || len(doc.Facets) != 3 {
		t.Fatalf("document %+v", doc)
	}
	for _, h := range doc.Hits {
		marked := false
		for _, s := range h.Snippets {
			for _, m := range s.Marks {
				if s.Text[m.Start:m.End] == "Sổ hộ khẩu" || s.Text[m.Start:m.End] == "hộ khẩu" {
					marked = true
				}
			}
		}
		if !marked {
			t.Errorf("%s: hộ khẩu not marked in %+v", h.Code, h.Snippets)
		}
	}
}

func TestSearchErrors(t *testing.T) {
	dir := indexFixture(t)
	tests := []struct {
		args []string
		code int
		want string
	}{
		{[]string{"giay (khai"}, exitUsage, "( opened here is not closed\n  giay (khai\n       ^"},
		{[]string{"foo:bar"}, exitUsage, `unknown field "foo"`},
		{[]string{}, exitUsage, "give a query"},
		{[]string{"--format", "xml", "giay"}, exitUsage, "--format"},
		{[]string{"--size", "0", "giay"}, exitUsage, "--size"},
		{[]string{"giay", "--page"}, exitUsage, "--page needs a value"},
	}
	for _, tt := range tests {
		e, _, errb := searchEnv()
		args := append([]string{"redtape", "search", "--index", dir}, tt.args...)
		if code := run(context.Background(), args, e); code != tt.code || !strings.Contains(errb.String(), tt.want) {
			t.Errorf("%v: exit %d, stderr %q; want exit %d and %q", tt.args, code, errb, tt.code, tt.want)
		}
	}
}

func TestSearchBuildsDemoIndex(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "none")
	e, out, errb := searchEnv()
	if code := run(context.Background(), []string{"redtape", "search", "--index", dir, "khai sinh"}, e); code != exitOK {
		t.Fatalf("exit %d: %s", code, errb)
	}
	if !strings.Contains(errb.String(), "building one from the demo corpus") {
		t.Errorf("no note about the demo index: %q", errb)
	}
	if !strings.Contains(out.String(), "match") {
		t.Errorf("no results: %q", out)
	}
}
