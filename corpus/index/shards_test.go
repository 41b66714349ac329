package index

import (
	"context"
	"fmt"
	"math"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"testing"

	"github.com/blevesearch/bleve/v2/index/scorch"

	"github.com/redtape-vn/redtape/corpus"
	"github.com/redtape-vn/redtape/corpus/synth"
)

// shardQueries are searches of every kind: words, filters, phrases,
// prefixes, negations, flagged:, misspellings (suggestions) and a search
// that matches everything.
var shardQueries = []string{
	"giấy phép", "giay chung", "hộ chiếu", "đăng ký kinh doanh", "khai sinh", "tàu cá",
	`giấy phép ministry:"tài chính"`, `level:tỉnh sector:"hải quan"`, `chứng chỉ -level:xã`,
	`basis:59/2020/QH14`, `code:1.0001*`, `paper:"hộ khẩu" level:tỉnh`, `name:"cấp lại"`,
	`"giấy chứng nhận đăng ký doanh nghiệp"`, `"bản sao có chứng thực"`, `"sổ hộ khẩu"`,
	"giấy chứn*", "thẩm đ*", "flagged:any", "flagged:any giấy phép", "-flagged:any cấp",
	"giấy khai sih", "kiểm dihc", "ho chieu phoo thong", "level:tỉnh",
}

// paperFlags flags the papers naming a household book or a citizen
// identity card, so that flagged: has records to find.
func paperFlags(p *corpus.Procedure) []string {
	for _, pp := range p.Papers {
		t := strings.ToLower(pp.Text)
		if strings.Contains(t, "hộ khẩu") || strings.Contains(t, "căn cước") {
			return []string{"any", "dan-cu"}
		}
	}
	return nil
}

// TestShardsSameResults builds one corpus with one shard and with several,
// in small batches so that the shards write many segments at once, and
// checks that every search answers alike: totals, facets, suggestions,
// and every hit with its score and snippets, in the same ranking.
func TestShardsSameResults(t *testing.T) {
	t.Run("synthetic", func(t *testing.T) {
		procs := synth.Generate(7, 3000)
		compareShards(t, sliceSource(nil, procs), shardQueries)
	})
	t.Run("real", func(t *testing.T) {
		if testing.Short() {
			t.Skip("indexes the real corpus twice; skipped with -short")
		}
		src := sharedSource(sharedCorpus(t))
		queries := append([]string(nil), shardQueries...)
		for _, c := range qualityCases(t) {
			if c.Error == "" {
				queries = append(queries, c.Query)
			}
		}
		compareShards(t, src, queries)
	})
}

// compareShards indexes src with one shard and with four and compares the
// answers to queries.
func compareShards(t *testing.T, src Source, queries []string) {
	t.Helper()
	open := func(shards int) *Index {
		dir := filepath.Join(t.TempDir(), fmt.Sprintf("idx%d", shards))
		if _, err := Update(context.Background(), dir, src, UpdateOptions{Shards: shards, BatchSize: 40, Flags: paperFlags}); err != nil {
			t.Fatal(err)
		}
		ix, err := Open(dir)
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { ix.Close() })
		return ix
	}
	one, many := open(1), open(4)
	// Four shards must have written several segments, whose term
	// statistics the scores then add up.
	if snap, ok := many.r.(*scorch.IndexSnapshot); !ok || len(snap.Segments()) < 2 {
		t.Fatalf("the index built with four shards is not in several segments")
	}
	hits := 0
	for _, q := range queries {
		// Every hit: a page boundary would cut a run of equal scores
		// differently in two indexes that order them differently.
		req := Request{Query: q, Size: 100000}
		a, err := one.Search(context.Background(), req)
		if err != nil {
			t.Fatalf("%s: %v", q, err)
		}
		b, err := many.Search(context.Background(), req)
		if err != nil {
			t.Fatalf("%s: %v", q, err)
		}
		hits += len(a.Hits)
		if a.Total != b.Total || a.Query != b.Query {
			t.Errorf("%s: one shard %d hits (%s), four shards %d (%s)", q, a.Total, a.Query, b.Total, b.Query)
			continue
		}
		if !reflect.DeepEqual(a.Facets, b.Facets) {
			t.Errorf("%s: facets differ:\n one shard %+v\nfour shards %+v", q, a.Facets, b.Facets)
		}
		if !reflect.DeepEqual(a.Suggestions, b.Suggestions) {
			t.Errorf("%s: suggestions differ:\n one shard %+v\nfour shards %+v", q, a.Suggestions, b.Suggestions)
		}
		ra, rb := ranking(a.Hits), ranking(b.Hits)
		for i := range ra {
			x, y := ra[i], rb[i]
			if !sameScore(x.Score, y.Score) {
				t.Errorf("%s: hit %d scores %v with one shard, %v with four", q, i+1, x.Score, y.Score)
				break
			}
			x.Score, y.Score = 0, 0
			if !reflect.DeepEqual(x, y) {
				t.Errorf("%s: hit %d differs:\n one shard %+v\nfour shards %+v", q, i+1, x, y)
				break
			}
		}
	}
	if hits < 1000 {
		t.Fatalf("the queries found only %d hits in all: too few to compare rankings", hits)
	}
}

// sameScore reports whether two scores are equal but for the rounding of
// their last bits: a record's score is a sum whose terms bleve may add in
// another order when the same records lie in other segments.
func sameScore(a, b float64) bool {
	return math.Abs(a-b) <= 1e-12*math.Max(math.Abs(a), math.Abs(b))
}

// ranking returns hits in ranking order with each run of equal scores
// sorted by id: equal scores rank alike and come in index order, which
// two builds need not share.
func ranking(hits []Hit) []Hit {
	out := append([]Hit(nil), hits...)
	for i := 0; i < len(out); {
		j := i + 1
		for j < len(out) && sameScore(out[j].Score, out[i].Score) {
			j++
		}
		run := out[i:j]
		sort.Slice(run, func(a, b int) bool { return run[a].ID < run[b].ID })
		i = j
	}
	return out
}
