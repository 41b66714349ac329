package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"os"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/redtape-vn/redtape/analyzer/check"
	"github.com/redtape-vn/redtape/analyzer/cost"
	"github.com/redtape-vn/redtape/analyzer/flags"
	"github.com/redtape-vn/redtape/corpus"
	"github.com/redtape-vn/redtape/corpus/demo"
	"github.com/redtape-vn/redtape/corpus/index"
	"github.com/redtape-vn/redtape/reports/web"
)

// served is one generation of the site: an open index, the server over
// it and what removes the index's snapshot.
type served struct {
	ix         *index.Index
	srv        *web.Server
	procedures int
	cleanup    func()
}

func (s *served) close() {
	s.ix.Close()
	s.cleanup()
}

// newServed opens the index at dir and serves it with the records procs.
func newServed(ctx context.Context, dir string, procs []*corpus.Procedure, wopts web.Options, cleanup func()) (*served, error) {
	ix, err := index.Open(dir)
	if err != nil {
		cleanup()
		return nil, openError(dir, err)
	}
	wopts.Index, wopts.Store = ix, web.NewStore(procs)
	// The check page checks drafts as "redtape check" does with its
	// defaults, against these records for the cost rule.
	checker, err := check.New(check.Options{Matcher: check.CatalogMatcher(flags.NewMatcher(wopts.Assess.Catalog)),
		Coster: check.CostModel(cost.New(wopts.Assess.Params)), Corpus: procs})
	if err != nil {
		ix.Close()
		cleanup()
		return nil, err
	}
	wopts.Checker = checker
	srv, err := web.New(ctx, wopts)
	if err != nil {
		ix.Close()
		cleanup()
		return nil, err
	}
	return &served{ix: ix, srv: srv, procedures: len(procs), cleanup: cleanup}, nil
}

// snapshotWait is how long a snapshot waits for a writer of the index to
// finish.
const snapshotWait = 30 * time.Second

// fromSnapshot serves a snapshot of the index at dir with the records of
// the files it names, read again.
func fromSnapshot(ctx context.Context, dir string, in corpus.Options, wopts web.Options, e *env) (*served, error) {
	if _, err := os.Stat(dir); err != nil {
		return nil, openError(dir, index.ErrNotExist)
	}
	snap, remove, err := web.Snapshot(dir, snapshotWait)
	if err != nil {
		return nil, fmt.Errorf("index %s: %w", dir, err)
	}
	ix, err := index.Open(snap)
	if err != nil {
		remove()
		return nil, openError(dir, err)
	}
	procs, err := indexedRecords(ctx, ix, in, e)
	ix.Close()
	if err != nil {
		remove()
		return nil, err
	}
	return newServed(ctx, snap, procs, wopts, remove)
}

// liveHandler serves the current site; watch replaces it when the index
// changes.
type liveHandler struct {
	cur     atomic.Pointer[served]
	mu      sync.Mutex
	retired map[*served]bool // replaced sites not yet closed
}

// retire closes old once the requests under way on it have had time to
// finish.
func (h *liveHandler) retire(old *served) {
	h.mu.Lock()
	h.retired[old] = true
	h.mu.Unlock()
	time.AfterFunc(retireAfter, func() {
		h.mu.Lock()
		defer h.mu.Unlock()
		if h.retired[old] {
			delete(h.retired, old)
			old.close()
		}
	})
}

// closeAll closes every site, current and retired, once the server has
// stopped.
func (h *liveHandler) closeAll() {
	h.mu.Lock()
	defer h.mu.Unlock()
	for s := range h.retired {
		s.close()
	}
	clear(h.retired)
	h.cur.Load().close()
}

func (h *liveHandler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	h.cur.Load().srv.ServeHTTP(w, r)
}

// retireAfter is how long a replaced site stays open for the requests
// under way on it (longer than the server's write timeout).
const retireAfter = 90 * time.Second

// watch serves a new snapshot of the index at dir, with its records read
// again, each time a writer has changed it (its files changed, then stayed
// the same for one more look), until ctx is done.
func (h *liveHandler) watch(ctx context.Context, dir string, every time.Duration, in corpus.Options, wopts web.Options, e *env) {
	log := wopts.Logger
	seen, _ := web.Fingerprint(dir)
	last := seen
	t := time.NewTicker(every)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
		fp, err := web.Fingerprint(dir)
		if err != nil || fp == seen {
			last = fp
			continue
		}
		if fp != last { // still changing: look again
			last = fp
			continue
		}
		start := time.Now()
		var quiet env = *e
		quiet.stderr = io.Discard
		next, err := fromSnapshot(ctx, dir, in, wopts, &quiet)
		if err != nil {
			log.Warn("index changed but could not be reloaded; still serving the earlier one", "index", dir, "err", err)
			continue
		}
		seen = fp
		h.retire(h.cur.Swap(next))
		log.Info("index reloaded", "index", dir, "procedures", next.procedures, "took", time.Since(start).Round(time.Millisecond))
	}
}

func openError(dir string, err error) error {
	var ie *index.IncompatibleError
	switch {
	case errors.As(err, &ie):
		return usageErrorf("serve: %v (run \"redtape index\" to rebuild it)", err)
	case errors.Is(err, index.ErrNotExist):
		return usageErrorf("serve: no index at %s: build one with \"redtape index --index %s PATHS\", or give PATHS", dir, dir)
	}
	return fmt.Errorf("index %s: %w", dir, err)
}

// everything is a query that matches every record: one made only of an
// exclusion of a code no record has.
const everything = `-code:redtape-serve-none`

// indexedRecords reads again the records an existing index holds, from the
// files it names, for the procedure pages and the reports. A file gone
// since it was indexed is reported and skipped; the demo corpus is read
// from the binary.
func indexedRecords(ctx context.Context, ix *index.Index, in corpus.Options, e *env) ([]*corpus.Procedure, error) {
	files := map[string]bool{}
	var list []string
	for page := 1; ; page++ {
		res, err := ix.Search(ctx, index.Request{Query: everything, Page: page, Size: 1000, NoFacets: true, NoSnippets: true})
		if err != nil {
			return nil, fmt.Errorf("list the index: %w", err)
		}
		for _, h := range res.Hits {
			if !files[h.File] {
				files[h.File] = true
				list = append(list, h.File)
			}
		}
		if len(res.Hits) < res.Size {
			break
		}
	}
	var procs []*corpus.Procedure
	var read []string
	for _, f := range list {
		if _, err := os.Stat(f); err != nil {
			if strings.HasSuffix(f, demo.Name) {
				d, err := demo.Load(ctx)
				if err != nil {
					return nil, err
				}
				for _, p := range d {
					p.Source.File = f // where the index says it was read
				}
				procs = append(procs, d...)
				continue
			}
			fmt.Fprintf(e.stderr, "redtape: warning: %s was indexed but cannot be read now: its procedures have no page\n", f)
			continue
		}
		read = append(read, f)
	}
	if len(read) > 0 {
		p, sum, err := corpus.Load(ctx, read, in)
		if err != nil {
			return nil, classifyLoadError(err)
		}
		reportReadErrors(e, sum)
		procs = append(procs, p...)
	}
	procs, dups := corpus.Dedupe(procs)
	reportDuplicates(e, dups)
	return procs, nil
}
