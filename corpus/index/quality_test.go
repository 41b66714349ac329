package index

import (
	"context"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/redtape-vn/redtape/analyzer/catalog"
	"github.com/redtape-vn/redtape/corpus"
	"github.com/redtape-vn/redtape/corpus/index/query"
)

// qualityCase is one query of the search-quality suite
// (testdata/search/queries.json). The suite reads the built-in catalog,
// as the search command does, for the names of papers and the values of
// flagged: (the only import of an analyzer package here, in a test). Hits are named by their file under
// shared/corpus. Expectations were worked out from the raw records, not
// from this engine's output; "why" says how.
type qualityCase struct {
	Kind  string `json:"kind"`
	Query string `json:"query"`
	Why   string `json:"why"`
	// Want is the exact set of hits.
	Want []string `json:"want"`
	// Contains must all be among the hits.
	Contains []string `json:"contains"`
	// FirstIn holds the hits allowed in the first min(len(FirstIn), 10) places.
	FirstIn []string `json:"first_in"`
	// Suggest is the query a search without hits must propose.
	Suggest string `json:"suggest"`
	// Error is part of the message of the query error the query must give.
	Error string `json:"error"`
}

// catalogVocabulary returns what the built-in catalog tells a search, as
// the search command gives it: the flagged: values and the names of each
// paper.
func catalogVocabulary(t testing.TB) ([]string, *query.Synonyms) {
	cat, err := catalog.Default()
	if err != nil {
		t.Fatal(err)
	}
	var values []string
	var groups [][]string
	for _, en := range cat.Entries {
		values = append(values, en.ID, en.Database, en.DatabaseVi)
		groups = append(groups, append([]string{en.Name}, en.Variants...))
	}
	return values, query.NewSynonyms(groups)
}

func sharedCorpus(t testing.TB) string {
	dir := filepath.Join("..", "..", "..", "shared", "corpus")
	if _, err := os.Stat(filepath.Join(dir, "portal-crawl")); err != nil {
		t.Skipf("real records not found at %s (the shared folder sits beside the repository): %v", dir, err)
	}
	return dir
}

// qualityCases reads the search-quality suite.
func qualityCases(t testing.TB) []qualityCase {
	raw, err := os.ReadFile(filepath.Join("..", "..", "testdata", "search", "queries.json"))
	if err != nil {
		t.Fatal(err)
	}
	var cases []qualityCase
	if err := json.Unmarshal(raw, &cases); err != nil {
		t.Fatal(err)
	}
	return cases
}

// sharedSource reads the real records under root (see sharedCorpus).
func sharedSource(root string) Source {
	var paths []string
	for _, d := range []string{"portal-crawl", "word-export", "national-export-sample"} {
		paths = append(paths, filepath.Join(root, d))
	}
	return Source{Roots: paths, Walk: func(ctx context.Context, fn func(*corpus.Procedure) error) (*corpus.Summary, error) {
		return corpus.Walk(ctx, paths, corpus.Options{}, fn)
	}}
}

func TestQuality(t *testing.T) {
	if testing.Short() {
		t.Skip("quality suite indexes the real corpus; skipped with -short")
	}
	root := sharedCorpus(t)
	cases := qualityCases(t)
	if len(cases) < 30 {
		t.Fatalf("only %d cases in the suite", len(cases))
	}
	src := sharedSource(root)
	dir := filepath.Join(t.TempDir(), "idx")
	st, err := Update(context.Background(), dir, src, UpdateOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if st.Docs < 2000 {
		t.Fatalf("indexed only %d records", st.Docs)
	}
	ix, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	// The index records canonical (absolute) paths.
	absRoot, err := filepath.Abs(root)
	if err != nil {
		t.Fatal(err)
	}
	if r, err := filepath.EvalSymlinks(absRoot); err == nil {
		absRoot = r
	}
	rel := func(file string) string {
		return filepath.ToSlash(strings.TrimPrefix(file, absRoot+string(filepath.Separator)))
	}
	flagValues, synonyms := catalogVocabulary(t)
	passed := 0
	for _, c := range cases {
		t.Run(c.Kind+"/"+c.Query, func(t *testing.T) {
			res, err := ix.Search(context.Background(), Request{Query: c.Query, Size: 1000, NoFacets: true, NoSnippets: true,
				FlagValues: flagValues, Synonyms: synonyms})
			if c.Error != "" {
				var qe *query.Error
				if !errors.As(err, &qe) || !strings.Contains(qe.Msg, c.Error) {
					t.Fatalf("got %v, want a query error saying %q", err, c.Error)
				}
				passed++
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			have := map[string]bool{}
			for _, h := range res.Hits {
				got = append(got, rel(h.File))
				have[rel(h.File)] = true
			}
			ok := true
			if c.Suggest != "" {
				switch s := res.Suggestions; {
				case res.Total != 0:
					t.Errorf("%d hits, want none and a suggestion", res.Total)
					ok = false
				case s == nil || s.Query != c.Suggest:
					t.Errorf("suggests %+v, want %q", s, c.Suggest)
					ok = false
				}
			}
			if c.Want != nil {
				want := map[string]bool{}
				for _, w := range c.Want {
					want[w] = true
					if !have[w] {
						t.Errorf("missing %s", w)
						ok = false
					}
				}
				for _, g := range got {
					if !want[g] {
						t.Errorf("unexpected %s", g)
						ok = false
					}
				}
			}
			for _, w := range c.Contains {
				if !have[w] {
					t.Errorf("missing %s", w)
					ok = false
				}
			}
			if len(c.FirstIn) > 0 {
				allowed := map[string]bool{}
				for _, f := range c.FirstIn {
					allowed[f] = true
				}
				n := min(len(c.FirstIn), 10)
				for i := 0; i < n && i < len(got); i++ {
					if !allowed[got[i]] {
						t.Errorf("hit %d is %s, outside the %d expected first", i+1, got[i], len(c.FirstIn))
						ok = false
					}
				}
			}
			if ok {
				passed++
			} else {
				sort.Strings(got)
				t.Logf("why: %s; %d hits", c.Why, len(got))
			}
		})
	}
	t.Logf("search quality: %d of %d queries pass", passed, len(cases))
}
