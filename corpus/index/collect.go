package index

import (
	"container/heap"
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"math/bits"
	"runtime"
	"sort"
	"sync"

	"github.com/blevesearch/bleve/v2/index/scorch"
	"github.com/blevesearch/bleve/v2/mapping"
	bsearch "github.com/blevesearch/bleve/v2/search"
	bq "github.com/blevesearch/bleve/v2/search/query"
	bindex "github.com/blevesearch/bleve_index_api"
	segment "github.com/blevesearch/scorch_segment_api/v2"

	"github.com/redtape-vn/redtape/corpus/index/fields"
)

// The search loop below replaces bleve's top-N collector for redtape's
// one use: hits by score, ties in index order, a page of them, and facet
// counts over all of them. Facets are counted from bit sets of the
// records holding each facet value, read once per open index, ANDed with
// the set of hits: counting costs a bit per hit instead of decoding the
// doc values of every hit (which took 40% of a broad query's time).

// bitset is a set of internal document numbers.
type bitset []uint64

func (b *bitset) add(n uint64) {
	w := int(n >> 6)
	if w >= len(*b) {
		grown := make(bitset, w+1+w/4)
		copy(grown, *b)
		*b = grown
	}
	(*b)[w] |= 1 << (n & 63)
}

// or returns the union of b and o, reusing the larger.
func (b bitset) or(o bitset) bitset {
	if len(b) < len(o) {
		b, o = o, b
	}
	for i, w := range o {
		b[i] |= w
	}
	return b
}

// andCount returns the number of members of both sets.
func (b bitset) andCount(o bitset) int {
	n := min(len(b), len(o))
	c := 0
	for i := 0; i < n; i++ {
		c += bits.OnesCount64(b[i] & o[i])
	}
	return c
}

// facetSets maps each facet code to the records that hold it.
type facetSets struct {
	codes []string
	sets  []bitset
}

// docNum is the internal number of a record in an index snapshot.
func docNum(id bindex.IndexInternalID) (uint64, bool) {
	if len(id) != 8 {
		return 0, false
	}
	return binary.BigEndian.Uint64(id), true
}

// loadFacetSets reads the postings of every facet code of r: as bitmaps,
// segment by segment, when r is a scorch snapshot whose segments give
// them, else record by record.
func loadFacetSets(ctx context.Context, r bindex.IndexReader) (*facetSets, error) {
	d, err := r.FieldDict(fields.Facets)
	if err != nil {
		return nil, fmt.Errorf("read facets: %w", err)
	}
	var codes []string
	for {
		e, err := d.Next()
		if err != nil {
			d.Close()
			return nil, fmt.Errorf("read facets: %w", err)
		}
		if e == nil {
			break
		}
		codes = append(codes, e.Term)
	}
	d.Close()
	if snap, ok := r.(*scorch.IndexSnapshot); ok {
		fs, err := facetSetsBySegment(ctx, snap, codes)
		if fs != nil || err != nil {
			return fs, err
		}
	}
	return facetSetsByRecord(ctx, r, codes)
}

// facetSetsByRecord reads the records of each facet code one by one.
func facetSetsByRecord(ctx context.Context, r bindex.IndexReader, codes []string) (*facetSets, error) {
	fs := &facetSets{codes: codes, sets: make([]bitset, len(codes))}
	for i, code := range codes {
		tfr, err := r.TermFieldReader(ctx, []byte(code), fields.Facets, false, false, false)
		if err != nil {
			return nil, fmt.Errorf("read facet %s: %w", code, err)
		}
		tfd := &bindex.TermFieldDoc{}
		for {
			tfd, err = tfr.Next(tfd.Reset())
			if err != nil || tfd == nil {
				break
			}
			if n, ok := docNum(tfd.ID); ok {
				fs.sets[i].add(n)
			}
		}
		tfr.Close()
		if err != nil {
			return nil, fmt.Errorf("read facet %s: %w", code, err)
		}
	}
	return fs, nil
}

// facetSetsBySegment reads the postings bitmap of each facet code in each
// segment of snap, less its deleted records, numbering records as the
// snapshot does (each segment's numbers follow those of the segments
// before it, deleted records included). Every search command pays this
// once: at 100,000 records it took 7 ms against 12–24 ms record by record.
// It returns nil, without error, when a segment does not give bitmaps.
func facetSetsBySegment(ctx context.Context, snap *scorch.IndexSnapshot, codes []string) (*facetSets, error) {
	fs := &facetSets{codes: codes, sets: make([]bitset, len(codes))}
	var offset uint64
	buf := make([]uint32, 1024)
	for _, ss := range snap.Segments() {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		seg := ss.Segment()
		dict, err := seg.Dictionary(fields.Facets)
		if err != nil {
			return nil, fmt.Errorf("read facets: %w", err)
		}
		for i, code := range codes {
			pl, err := dict.PostingsList([]byte(code), ss.Deleted(), nil)
			if err != nil {
				return nil, fmt.Errorf("read facet %s: %w", code, err)
			}
			it, ok := pl.Iterator(false, false, false, nil).(segment.OptimizablePostingsIterator)
			if !ok {
				return nil, nil
			}
			if n, one := it.DocNum1Hit(); one {
				fs.sets[i].add(offset + n)
			} else if bm := it.ActualBitmap(); bm != nil {
				many := bm.ManyIterator()
				for k := many.NextMany(buf); k > 0; k = many.NextMany(buf) {
					for _, x := range buf[:k] {
						fs.sets[i].add(offset + uint64(x))
					}
				}
			}
		}
		offset += seg.Count()
	}
	return fs, nil
}

// counts returns the facet codes with their number of hits, by code.
func (fs *facetSets) counts(hits bitset) []facetCount {
	var out []facetCount
	for i, s := range fs.sets {
		if c := s.andCount(hits); c > 0 {
			out = append(out, facetCount{code: fs.codes[i], count: c})
		}
	}
	return out
}

type facetCount struct {
	code  string
	count int
}

// scored is a hit of the search loop: its tier (0 for exact matches, 1
// for the others), score, internal id and document number, which breaks
// ties: among equal scores the index order holds.
type scored struct {
	tier  int
	score float64
	id    bindex.IndexInternalID
	num   uint64
}

// better reports whether a ranks before b.
func (a scored) better(b scored) bool {
	if a.tier != b.tier {
		return a.tier < b.tier
	}
	if a.score != b.score {
		return a.score > b.score
	}
	return a.num < b.num
}

// worst-first heap of the best hits so far.
type hitHeap []scored

func (h hitHeap) Len() int           { return len(h) }
func (h hitHeap) Less(i, j int) bool { return h[j].better(h[i]) }
func (h hitHeap) Swap(i, j int)      { h[i], h[j] = h[j], h[i] }
func (h *hitHeap) Push(x any)        { *h = append(*h, x.(scored)) }
func (h *hitHeap) Pop() any {
	old := *h
	x := old[len(old)-1]
	*h = old[:len(old)-1]
	return x
}

// offer keeps hit when it is among the best keep.
func (h *hitHeap) offer(hit scored, keep int) {
	switch {
	case keep <= 0:
	case len(*h) < keep:
		hit.id = append(bindex.IndexInternalID(nil), hit.id...)
		heap.Push(h, hit)
	case hit.better((*h)[0]):
		hit.id = append(bindex.IndexInternalID(nil), hit.id...)
		(*h)[0] = hit
		heap.Fix(h, 0)
	}
}

// collected is what the search loop found.
type collected struct {
	total int
	page  []scored // the hits of the page, best first
	hits  bitset   // every hit, when facets are counted
}

// follower tells which hits, visited in index order, another query also
// matches: it advances that query's searcher to each hit, so the work is
// bounded by the rarer of the two, not by the other query's matches.
type follower struct {
	s    bsearch.Searcher
	sctx *bsearch.SearchContext
	cur  *bsearch.DocumentMatch
	done bool
}

func newFollower(ctx context.Context, r bindex.IndexReader, q bq.Query, m mapping.IndexMapping) (*follower, error) {
	s, err := q.Searcher(ctx, r, m, bsearch.SearcherOptions{Score: "none"})
	if err != nil {
		return nil, fmt.Errorf("search: %w", err)
	}
	return &follower{s: s, sctx: &bsearch.SearchContext{
		DocumentMatchPool: bsearch.NewDocumentMatchPool(s.DocumentMatchPoolSize()+1, 0), IndexReader: r}}, nil
}

// matches reports whether the query matches id; ids must come in
// increasing order.
func (f *follower) matches(id bindex.IndexInternalID) (bool, error) {
	if f.done {
		return false, nil
	}
	if f.cur == nil || f.cur.IndexInternalID.Compare(id) < 0 {
		if f.cur != nil {
			f.sctx.DocumentMatchPool.Put(f.cur)
		}
		var err error
		if f.cur, err = f.s.Advance(f.sctx, id); err != nil {
			return false, fmt.Errorf("search: %w", err)
		}
		if f.cur == nil {
			f.done = true
			return false, nil
		}
	}
	return f.cur.IndexInternalID.Equals(id), nil
}

func (f *follower) close() { f.s.Close() }

// minSplit is the number of document numbers from which a search is split
// into parts searched at once, one per core: below it, starting the
// parts costs more than it saves.
const minSplit = 20000

// docNumbers returns how many document numbers r uses (deleted records
// included), or 0 when r is not a scorch snapshot.
func docNumbers(r bindex.IndexReader) uint64 {
	snap, ok := r.(*scorch.IndexSnapshot)
	if !ok {
		return 0
	}
	var n uint64
	for _, s := range snap.Segments() {
		n += s.Segment().Count()
	}
	return n
}

// searchParts returns the number of parts to search r in at once.
func searchParts(r bindex.IndexReader) int {
	if docNumbers(r) < minSplit {
		return 1
	}
	return runtime.GOMAXPROCS(0)
}

// collect runs q over r, keeping the hits ranked skip+1 … skip+size and,
// when withSet is true, the set of all hits. Hits that exact matches
// (when not nil) also matches rank before all others. The document
// numbers are searched in parts ranges at once; the scores do not depend
// on the parts, since every part reads the same snapshot.
func collect(ctx context.Context, r bindex.IndexReader, q, exact bq.Query, m mapping.IndexMapping, skip, size int, withSet bool, parts int) (*collected, error) {
	keep := skip + size
	n := docNumbers(r)
	if n == 0 || parts < 1 {
		parts = 1
	}
	type result struct {
		h   hitHeap
		c   *collected
		err error
	}
	results := make([]result, parts)
	// A part that fails stops the others.
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	var wg sync.WaitGroup
	for i := range parts {
		from, to := n*uint64(i)/uint64(parts), n*uint64(i+1)/uint64(parts)
		if i == parts-1 {
			to = ^uint64(0)
		}
		wg.Add(1)
		go func() {
			defer wg.Done()
			res := &results[i]
			// A damaged index can make bleve panic; this goroutine's panic
			// would end the process, so it is turned into an error here.
			defer recovered("", &res.err)
			res.c, res.h, res.err = collectRange(ctx, r, q, exact, m, keep, withSet, from, to, n)
			if res.err != nil {
				cancel()
			}
		}()
	}
	wg.Wait()
	for _, res := range results {
		// The first real failure, not the cancellation it caused.
		if res.err != nil && !errors.Is(res.err, context.Canceled) {
			return nil, res.err
		}
	}
	out := &collected{}
	var h hitHeap
	for _, res := range results {
		if res.err != nil {
			return nil, res.err
		}
		out.total += res.c.total
		out.hits = out.hits.or(res.c.hits)
		h = append(h, res.h...)
	}
	sort.Slice(h, func(i, j int) bool { return h[i].better(h[j]) })
	if len(h) > keep {
		h = h[:keep]
	}
	if skip < len(h) {
		out.page = h[skip:]
	}
	return out, nil
}

// collectRange is collect over the records numbered from up to (not
// including) to, of the numbers numbers r uses (0 when unknown),
// returning the best keep hits unsorted.
func collectRange(ctx context.Context, r bindex.IndexReader, q, exact bq.Query, m mapping.IndexMapping, keep int, withSet bool, from, to, numbers uint64) (*collected, hitHeap, error) {
	var first *follower
	if exact != nil {
		var err error
		if first, err = newFollower(ctx, r, exact, m); err != nil {
			return nil, nil, err
		}
		defer first.close()
	}
	s, err := q.Searcher(ctx, r, m, bsearch.SearcherOptions{})
	if err != nil {
		return nil, nil, fmt.Errorf("search: %w", err)
	}
	defer s.Close()
	sctx := &bsearch.SearchContext{
		DocumentMatchPool: bsearch.NewDocumentMatchPool(s.DocumentMatchPoolSize()+1, 0),
		IndexReader:       r,
	}
	out := &collected{}
	if withSet {
		// One allocation for the range, not a copy each time it grows.
		out.hits = make(bitset, (min(to, numbers)+63)/64)
	}
	h := make(hitHeap, 0, min(keep, 1024)+1)
	next := func() (*bsearch.DocumentMatch, error) { return s.Next(sctx) }
	if from > 0 {
		start := make(bindex.IndexInternalID, 8)
		binary.BigEndian.PutUint64(start, from)
		next = func() (*bsearch.DocumentMatch, error) {
			next = func() (*bsearch.DocumentMatch, error) { return s.Next(sctx) }
			return s.Advance(sctx, start)
		}
	}
	for {
		if out.total&1023 == 0 {
			if err := ctx.Err(); err != nil {
				return nil, nil, err
			}
		}
		dm, err := next()
		if err != nil {
			return nil, nil, fmt.Errorf("search: %w", err)
		}
		if dm == nil {
			break
		}
		n, ok := docNum(dm.IndexInternalID)
		if ok && n >= to {
			break
		}
		if withSet && ok {
			out.hits.add(n)
		}
		hit := scored{tier: 1, score: dm.Score, id: dm.IndexInternalID, num: n}
		if first != nil {
			exact, err := first.matches(dm.IndexInternalID)
			if err != nil {
				return nil, nil, err
			}
			if exact {
				hit.tier = 0
			}
		}
		h.offer(hit, keep)
		out.total++
		sctx.DocumentMatchPool.Put(dm)
	}
	return out, h, nil
}

// storedFields reads the stored fields of a record, each as its values.
func storedFields(r bindex.IndexReader, id string) (map[string][]string, error) {
	doc, err := r.Document(id)
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", id, err)
	}
	out := map[string][]string{}
	if doc == nil {
		return out, nil
	}
	doc.VisitFields(func(f bindex.Field) {
		out[f.Name()] = append(out[f.Name()], string(f.Value()))
	})
	return out, nil
}
