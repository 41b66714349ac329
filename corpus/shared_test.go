package corpus

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
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
	r.once.Do(func() { r.procs, r.sum, r.err = loadParallel(dir) })
	if r.err != nil {
		t.Fatalf("Load(%s): %v", dir, r.err)
	}
	return r.procs, r.sum
}

// loadParallel reads dir as [Load] does, but the directories directly
// under it (the crawl's ministries) at the same time, one per processor:
// half the wait on two cores, and -race sees the readers run concurrently.
func loadParallel(dir string) ([]*Procedure, *Summary, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, nil, err
	}
	var parts []string
	for _, e := range entries {
		if !e.IsDir() || strings.HasPrefix(e.Name(), ".") {
			return Load(context.Background(), []string{dir}, Options{})
		}
		parts = append(parts, filepath.Join(dir, e.Name()))
	}
	type result struct {
		procs []*Procedure
		sum   *Summary
		err   error
	}
	results := make([]result, len(parts))
	sem := make(chan struct{}, runtime.GOMAXPROCS(0))
	var wg sync.WaitGroup
	for i, p := range parts {
		wg.Add(1)
		go func() {
			defer wg.Done()
			sem <- struct{}{}
			defer func() { <-sem }()
			procs, sum, err := Load(context.Background(), []string{p}, Options{})
			results[i] = result{procs, sum, err}
		}()
	}
	wg.Wait()
	var procs []*Procedure
	sum := &Summary{}
	for _, r := range results { // in the order Load walks them
		if r.err != nil {
			return nil, nil, r.err
		}
		procs = append(procs, r.procs...)
		sum.Files += r.sum.Files
		sum.Procedures += r.sum.Procedures
		sum.Errors = append(sum.Errors, r.sum.Errors...)
		sum.Skipped = append(sum.Skipped, r.sum.Skipped...)
	}
	return procs, sum, nil
}

// portalRaw holds the raw fields of every portal-crawl record, by path.
var portalRaw struct {
	once    sync.Once
	records map[string]map[string]string
	err     error
}

// portalRawRecords returns the fields of every record of the portal crawl
// that hold papers and legal basis (thanh_phan_ho_so, raw_text,
// can_cu_phap_ly) as published, by file path (the paths [Load] gives as Source.File), read
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
			// Only the fields tests look at: decoding every field of every
			// record costs seconds under -race.
			var r struct {
				Dossier string `json:"thanh_phan_ho_so"`
				Legal   string `json:"can_cu_phap_ly"`
				RawText string `json:"raw_text"`
			}
			if err := json.Unmarshal(b, &r); err != nil {
				portalRaw.err = fmt.Errorf("%s: %w", f, err)
				return
			}
			portalRaw.records[f] = map[string]string{"thanh_phan_ho_so": r.Dossier, "can_cu_phap_ly": r.Legal, "raw_text": r.RawText}
		}
	})
	if portalRaw.err != nil {
		t.Fatalf("portal crawl: %v", portalRaw.err)
	}
	return portalRaw.records
}
