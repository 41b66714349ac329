package index

import (
	"context"
	"path/filepath"
	"slices"
	"testing"

	"github.com/blevesearch/bleve/v2/index/scorch"
	bindex "github.com/blevesearch/bleve_index_api"

	"github.com/redtape-vn/redtape/corpus"
	"github.com/redtape-vn/redtape/corpus/index/query"
	"github.com/redtape-vn/redtape/corpus/synth"
)

// churnedIndex builds an index of n synthetic procedures in several
// segments, then updates it with a third of them deleted and a third
// changed, so that it holds deleted records between live ones.
func churnedIndex(t *testing.T, seed int64, n int) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "idx")
	procs := synth.Generate(seed, n)
	if _, err := Update(context.Background(), path, sliceSource(nil, procs), UpdateOptions{BatchSize: 150}); err != nil {
		t.Fatal(err)
	}
	var kept []*corpus.Procedure
	for i, p := range procs {
		switch i % 3 {
		case 0: // deleted
		case 1:
			q := *p
			q.Sector = "Lĩnh vực đổi " + p.Ministry
			kept = append(kept, &q)
		default:
			kept = append(kept, p)
		}
	}
	st, err := Update(context.Background(), path, sliceSource(nil, kept), UpdateOptions{BatchSize: 150})
	if err != nil {
		t.Fatal(err)
	}
	if st.Deleted == 0 || st.Updated == 0 {
		t.Fatalf("update deleted %d, updated %d: the index needs both", st.Deleted, st.Updated)
	}
	return path
}

// TestCollectPartsAgree checks that searching the document numbers in
// parts at once finds what one pass finds: the same total, the same set
// of hits, and the same page in the same order with the same scores,
// ties included (synthetic records share many equal scores), on an index
// with deleted records.
func TestCollectPartsAgree(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a synthetic index")
	}
	ix, err := Open(churnedIndex(t, 7, 1500))
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	queries := []string{"giấy phép", "giay chung", `"bản sao có chứng thực"`, `chứng chỉ -level:xã`,
		`ministry:"công an" level:xã`, "hộ chiếu OR thẻ", "tàu cá", "khai sinh giấy"}
	for _, q := range queries {
		tree, err := query.Parse(q)
		if err != nil {
			t.Fatal(err)
		}
		bq, err := query.TranslateWith(tree, query.Options{Values: ix.fieldValues})
		if err != nil {
			t.Fatal(err)
		}
		for _, page := range []struct{ skip, size int }{{0, 10}, {37, 25}} {
			one, err := collect(context.Background(), ix.r, bq, query.Exactness(tree), ix.b.Mapping(), page.skip, page.size, true, 1)
			if err != nil {
				t.Fatal(err)
			}
			if one.total == 0 {
				t.Fatalf("%s: no hits; the query no longer tests anything", q)
			}
			for _, parts := range []int{2, 3, 7} {
				got, err := collect(context.Background(), ix.r, bq, query.Exactness(tree), ix.b.Mapping(), page.skip, page.size, true, parts)
				if err != nil {
					t.Fatal(err)
				}
				if got.total != one.total {
					t.Errorf("%s, %d parts: total %d, one pass %d", q, parts, got.total, one.total)
				}
				if !slices.Equal(trimZeros(got.hits), trimZeros(one.hits)) {
					t.Errorf("%s, %d parts: hit sets differ", q, parts)
				}
				if !slices.EqualFunc(got.page, one.page, func(a, b scored) bool {
					return a.num == b.num && a.score == b.score && a.tier == b.tier && a.id.Equals(b.id)
				}) {
					t.Errorf("%s, %d parts, skip %d: page %v, one pass %v", q, parts, page.skip, nums(got.page), nums(one.page))
				}
			}
		}
	}
}

func trimZeros(b bitset) bitset {
	for len(b) > 0 && b[len(b)-1] == 0 {
		b = b[:len(b)-1]
	}
	return b
}

func nums(hits []scored) []uint64 {
	out := make([]uint64, len(hits))
	for i, h := range hits {
		out[i] = h.num
	}
	return out
}

// TestFacetSetsBySegmentAgree checks that the facet sets read as segment
// bitmaps equal those read record by record, on an index with several
// segments and deleted records (churnedIndex), and that the fast path
// was taken.
func TestFacetSetsBySegmentAgree(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a synthetic index")
	}
	path := churnedIndex(t, 11, 1200)
	ix, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	snap, ok := ix.r.(*scorch.IndexSnapshot)
	if !ok {
		t.Fatalf("reader is %T, not a scorch snapshot", ix.r)
	}
	if len(snap.Segments()) < 2 {
		t.Fatalf("%d segments: the test needs several", len(snap.Segments()))
	}
	slow, err := loadFacetSets(context.Background(), struct{ bindex.IndexReader }{ix.r}) // hides the snapshot type
	if err != nil {
		t.Fatal(err)
	}
	fast, err := facetSetsBySegment(context.Background(), snap, slow.codes)
	if err != nil || fast == nil {
		t.Fatalf("fast path: %v, %v", fast, err)
	}
	live := 0
	for i, code := range slow.codes {
		if !slices.Equal(trimZeros(fast.sets[i]), trimZeros(slow.sets[i])) {
			t.Errorf("facet %s: sets differ (%d against %d records)", code, fast.sets[i].andCount(fast.sets[i]), slow.sets[i].andCount(slow.sets[i]))
		}
		live += slow.sets[i].andCount(slow.sets[i])
	}
	if live == 0 {
		t.Fatal("no facet holds a record")
	}
}
