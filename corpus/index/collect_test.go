package index

import (
	"context"
	"path/filepath"
	"slices"
	"testing"

	"github.com/redtape-vn/redtape/corpus/index/query"
	"github.com/redtape-vn/redtape/corpus/synth"
)

// TestCollectPartsAgree checks that searching the document numbers in
// parts at once finds what one pass finds: the same total, the same set
// of hits, and the same page in the same order with the same scores,
// ties included (synthetic records share many equal scores).
func TestCollectPartsAgree(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a synthetic index")
	}
	path := filepath.Join(t.TempDir(), "idx")
	if _, err := Update(context.Background(), path, sliceSource(nil, synth.Generate(7, 1500)), UpdateOptions{BatchSize: 200}); err != nil {
		t.Fatal(err)
	}
	ix, err := Open(path)
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
