package web

import (
	"context"
	"fmt"
	"time"

	lru "github.com/hashicorp/golang-lru/v2"
	"golang.org/x/sync/singleflight"

	"github.com/redtape-vn/redtape/corpus/index"
)

// ResultCacheSize is how many search results a server keeps, the most
// recently used first. A server searches a snapshot of the index that
// never changes while it runs (see Snapshot), so a result stays right for
// the server's life; reviewers repeat searches (a facet clicked and
// unclicked, a page shared), and a result at 100,000 procedures costs tens
// of milliseconds of CPU. A result takes a few kilobytes.
const ResultCacheSize = 1024

// results caches search results by request, and runs a request asked for
// by many clients at once only once.
type results struct {
	lru    *lru.Cache[string, *index.Result]
	flight singleflight.Group
}

func newResults(size int) (*results, error) {
	c, err := lru.New[string, *index.Result](size)
	if err != nil {
		return nil, fmt.Errorf("search result cache: %w", err)
	}
	return &results{lru: c}, nil
}

// get returns the result of req: from the cache, from a search of the same
// request under way, or from search. The result is shared: callers must
// not change it. Took is the time this call waited, so a page says how
// long it took to answer, not how long the first search took.
func (c *results) get(ctx context.Context, req index.Request, search func(context.Context, index.Request) (*index.Result, error)) (*index.Result, error) {
	start := time.Now()
	key := fmt.Sprintf("%q|%d|%d|%t", req.Query, req.Page, req.Size, req.NoFacets)
	if res, ok := c.lru.Get(key); ok {
		return withTook(res, time.Since(start)), nil
	}
	v, err, _ := c.flight.Do(key, func() (any, error) {
		// One search serves every caller waiting on the key, so it does
		// not end when the first caller goes away; the server's search
		// timeout still bounds it.
		res, err := search(context.WithoutCancel(ctx), req)
		if err != nil {
			return nil, err
		}
		c.lru.Add(key, res)
		return res, nil
	})
	if err != nil {
		return nil, err
	}
	return withTook(v.(*index.Result), time.Since(start)), nil
}

// withTook returns a shallow copy of res with Took set.
func withTook(res *index.Result, took time.Duration) *index.Result {
	out := *res
	out.Took = took
	return &out
}
