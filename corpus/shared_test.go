package corpus

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"sync"
	"testing"
)

// Tests on real records share what they read of ../shared/corpus: each
// part is read once per test binary, however many tests look at it (the
// portal crawl takes seconds under -race). Tests must not change the
// records they get.

// sharedRead is one part of the shared corpus, read once.
type sharedRead struct {
	once  sync.Once
	procs []*Procedure
	sum   *Summary
	err   error
}

// sharedReads maps a path under ../shared/corpus to its *sharedRead.
var sharedReads sync.Map

// loadShared returns the records under ../shared/corpus/<sub>, read once
// for all tests, skipping the test when the shared corpus is absent.
func loadShared(t testing.TB, sub string) ([]*Procedure, *Summary) {
	t.Helper()
	dir := mustSharedCorpus(t, sub)
	v, _ := sharedReads.LoadOrStore(sub, &sharedRead{})
	r := v.(*sharedRead)
	r.once.Do(func() {
		r.procs, r.sum, r.err = Load(context.Background(), []string{dir}, Options{})
	})
	if r.err != nil {
		t.Fatalf("Load(%s): %v", dir, r.err)
	}
	return r.procs, r.sum
}

// portalRaw holds the raw fields of every portal-crawl record, by path.
var portalRaw struct {
	once    sync.Once
	records map[string]map[string]string
	err     error
}

// portalRawRecords returns the fields of every record of the portal crawl
// as published, by file path (the paths [Load] gives as Source.File), read
// once for all tests.
func portalRawRecords(t testing.TB) map[string]map[string]string {
	t.Helper()
	dir := mustSharedCorpus(t, "portal-crawl")
	portalRaw.once.Do(func() {
		files, err := filepath.Glob(filepath.Join(dir, "*", "*.json"))
		if err != nil {
			portalRaw.err = err
			return
		}
		portalRaw.records = make(map[string]map[string]string, len(files))
		for _, f := range files {
			b, err := os.ReadFile(f)
			if err != nil {
				portalRaw.err = err
				return
			}
			var m map[string]string
			if err := json.Unmarshal(b, &m); err != nil {
				portalRaw.err = err
				return
			}
			portalRaw.records[f] = m
		}
	})
	if portalRaw.err != nil {
		t.Fatalf("portal crawl: %v", portalRaw.err)
	}
	return portalRaw.records
}
