// Package index keeps redtape's full-text index of procedures: a bleve
// (scorch) index on disk with Vietnamese-aware analysis (package fields),
// built and updated incrementally by content hash, searched with redtape's
// query language (package query) with facets and highlighted snippets.
//
// An index is a directory. Beside it live, while a writer works, a lock
// file (<dir>.lock, removed when the writer is done) that keeps a second
// writer out, and, while a full build runs, the new index
// (<dir>.new) that replaces the old one only once complete, so an
// interrupted build leaves the previous index as it was. Incremental
// updates are applied in atomic batches: an interrupted update leaves a
// usable index holding part of the changes, which the next run completes.
package index

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/index/scorch"
	"github.com/blevesearch/bleve/v2/mapping"
	bindex "github.com/blevesearch/bleve_index_api"
	bolterrors "go.etcd.io/bbolt/errors"

	"github.com/redtape-vn/redtape/corpus"
	"github.com/redtape-vn/redtape/corpus/index/fields"
)

// FormatVersion names the layout of the index: its fields and analysis. An
// index stored with another version is rebuilt by [Update] and refused by
// [Open].
const FormatVersion = "redtape.index/8"

// Internal keys stored in the index.
var (
	keyFormat  = []byte("redtape.format")
	keyUpdated = []byte("redtape.updated")
)

var (
	// ErrLocked reports that another process is writing the index.
	ErrLocked = errors.New("the index is in use by another redtape process; try again when it has finished")
	// ErrNotExist reports that there is no index at the path.
	ErrNotExist = errors.New("no index")
)

// IncompatibleError reports an index written with another [FormatVersion].
type IncompatibleError struct {
	Path  string
	Found string // the version found; empty when none was stored
}

func (e *IncompatibleError) Error() string {
	found := e.Found
	if found == "" {
		found = "no redtape version"
	}
	return fmt.Sprintf("index %s has format %q, this redtape reads %q: run \"redtape index\" to rebuild it", e.Path, found, FormatVersion)
}

// NotIndexError reports a path that holds something other than a redtape
// index: [Update] refuses to replace it rather than delete what it holds.
type NotIndexError struct {
	Path   string
	Reason string // what was found there
}

func (e *NotIndexError) Error() string {
	return fmt.Sprintf("%s is not a redtape index (%s); refusing to replace it: choose another index directory, or empty or remove this one yourself", e.Path, e.Reason)
}

// Source is what an update indexes.
type Source struct {
	// Roots are the paths the walk reads (files or directories). A record
	// indexed earlier from a file under a root that the walk no longer
	// yields is deleted, as is one whose file no longer exists.
	Roots []string
	// Walk calls fn with each procedure, as corpus.Walk does.
	Walk func(ctx context.Context, fn func(*corpus.Procedure) error) (*corpus.Summary, error)
	// Read, when set, reads the given files as Walk reads its roots. A
	// rebuild uses it to read again the files of the earlier index that
	// lie outside Roots, so that building anew keeps what was indexed.
	// Without it those records are dropped and counted in Stats.Dropped.
	Read func(ctx context.Context, files []string, fn func(*corpus.Procedure) error) (*corpus.Summary, error)
}

// UpdateOptions tune [Update]. The zero value is usable.
type UpdateOptions struct {
	// Rebuild builds the index anew even when an up-to-date one exists.
	Rebuild bool
	// BatchSize is the number of changed records written per batch; 0 means 500.
	BatchSize int
	// Progress, when set, is called after each batch with the number of
	// records read so far.
	Progress func(read int)
	// Flags, when set, returns the catalog entry ids and database names
	// that flag one of a procedure's papers, indexed for flagged: queries.
	Flags func(*corpus.Procedure) []string
	// Now is the clock; nil means time.Now.
	Now func() time.Time
	// Shards is the number of batches indexed at once, each by its own
	// goroutine into segments of its own; 0 means one per core
	// (runtime.GOMAXPROCS(0)). All segments belong to one index, whose
	// term statistics cover them all: results and scores do not depend
	// on the number (see docs/search.md, "Building in shards").
	Shards int
}

// Stats counts what an [Update] did.
type Stats struct {
	Read      int // records read
	Added     int // new records indexed
	Updated   int // changed records indexed again
	Unchanged int // records skipped because their hash was unchanged
	Deleted   int // records removed because their file or record is gone
	// Reread counts the records a rebuild read again from files of the
	// earlier index outside this run's roots (see Source.Read).
	Reread int
	// Dropped counts the records of the earlier index that a rebuild
	// could not carry over: their files exist but Source.Read is not set.
	Dropped int
	Docs    int  // records in the index afterwards
	Rebuilt bool // the index was built anew
	// Reason says why the index was built anew, when it was.
	Reason string
	// Summary is the walk's summary (files read, read errors).
	Summary *corpus.Summary
}

type docState struct {
	hash, file string
}

// Update brings the index at path up to date with the procedures of src,
// creating it when absent and rebuilding it when it has another format. It
// returns ErrLocked when another process holds the index and a
// *NotIndexError when path holds something other than a redtape index.
//
// Source files are recorded by their canonical path (absolute, cleaned,
// symbolic links of their directory resolved), so one file named by a
// relative and by an absolute path is one record.
func Update(ctx context.Context, path string, src Source, opts UpdateOptions) (*Stats, error) {
	if opts.BatchSize <= 0 {
		opts.BatchSize = 500
	}
	if opts.Now == nil {
		opts.Now = time.Now
	}
	if opts.Shards <= 0 {
		opts.Shards = runtime.GOMAXPROCS(0)
	}
	path = filepath.Clean(path)
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return nil, fmt.Errorf("create index directory: %w", err)
	}
	unlock, err := lockFile(path + ".lock")
	if err != nil {
		return nil, err
	}
	defer unlock()
	if err := tidy(path); err != nil {
		return nil, err
	}
	canon := newCanonicalizer()
	src.Roots = canon.all(src.Roots)

	reason := ""
	empty, err := checkReplaceable(path)
	switch {
	case err != nil:
		return nil, err
	case empty:
		reason = "new index"
	case opts.Rebuild:
		reason = "rebuild requested"
	}
	// What the index holds is read with the index open read-only, beside
	// any search; it is opened for writing only once a record changed.
	var known map[string]docState
	if exists(path) && !empty {
		var damaged *DamagedError
		var why string
		known, why, err = readStates(ctx, path)
		switch {
		case errors.As(err, &damaged):
			// Nothing in it can be trusted, nor carried over.
			reason, known = fmt.Sprintf("existing index damaged (%s)", damaged.Reason), nil
		case err != nil:
			return nil, err
		case why != "":
			reason = why
		}
	}
	if reason != "" {
		return build(ctx, path, src, opts, reason, canon, known)
	}
	var idx bleve.Index
	defer func() {
		if idx != nil {
			idx.Close()
		}
	}()
	st, err := write(ctx, func() (bleve.Index, error) {
		if err := dropSums(path); err != nil {
			return nil, err
		}
		var err error
		idx, err = openWritable(path)
		return idx, err
	}, src, opts, known, canon)
	if err != nil {
		return st, err
	}
	if idx == nil {
		// Unchanged. An index left without sums by an update that did
		// not finish, or written since by an earlier redtape, gets them
		// again.
		if !sumsCurrent(path) {
			if err := writeSums(path); err != nil {
				return nil, err
			}
		}
		return st, nil
	}
	err = idx.Close()
	idx = nil
	if err != nil {
		return nil, fmt.Errorf("close index %s: %w", path, err)
	}
	if err := writeSums(path); err != nil {
		return nil, err
	}
	return st, nil
}

// readStates reads the records of the existing index at path, checking
// its segments first (see [verifySums]). rebuild says why the index is to
// be built anew, when it is: written with another format, or not opened by
// bleve. It returns a *DamagedError when the segments are not as written
// or bleve fails reading them, and a *NotIndexError for a bleve index
// redtape did not write.
func readStates(ctx context.Context, path string) (known map[string]docState, rebuild string, err error) {
	if err := verifySums(path, true); err != nil {
		return nil, "", err
	}
	defer recovered(path, &err)
	idx, err := bleve.OpenUsing(path, map[string]interface{}{"read_only": true, "bolt_timeout": "3s"})
	if err != nil && lockTimeout(err) {
		return nil, "", ErrLocked
	}
	if err != nil {
		return nil, fmt.Sprintf("existing index unreadable (%v)", err), nil
	}
	defer idx.Close()
	v, _ := idx.GetInternal(keyFormat)
	if len(v) == 0 {
		return nil, "", &NotIndexError{Path: path, Reason: "a bleve index that redtape did not write"}
	}
	if string(v) != FormatVersion {
		rebuild = fmt.Sprintf("format %q replaced by %q", string(v), FormatVersion)
	}
	// Building anew, this is what to read again.
	known, err = loadStates(ctx, idx)
	if err != nil {
		return nil, "", err
	}
	return known, rebuild, nil
}

// bleveEntries are the names a bleve (scorch) index directory holds.
var bleveEntries = map[string]bool{"index_meta.json": true, "store": true, sumFile: true, sumFile + ".tmp": true}

// checkReplaceable reports whether path may be replaced by a new index: it
// does not exist, is an empty directory (empty is true then), or holds only
// what a bleve index holds. Anything else is a *NotIndexError.
func checkReplaceable(path string) (empty bool, err error) {
	fi, err := os.Lstat(path)
	if errors.Is(err, os.ErrNotExist) {
		return true, nil
	}
	if err != nil {
		return false, fmt.Errorf("index %s: %w", path, err)
	}
	if !fi.IsDir() {
		return false, &NotIndexError{Path: path, Reason: "not a directory"}
	}
	entries, err := os.ReadDir(path)
	if err != nil {
		return false, fmt.Errorf("index %s: %w", path, err)
	}
	if len(entries) == 0 {
		return true, nil
	}
	meta := false
	for _, e := range entries {
		if !bleveEntries[e.Name()] {
			return false, &NotIndexError{Path: path, Reason: fmt.Sprintf("it holds %q", e.Name())}
		}
		switch e.Name() {
		case sumFile, sumFile + ".tmp":
			if !e.Type().IsRegular() {
				return false, &NotIndexError{Path: path, Reason: e.Name() + " is not a file"}
			}
		case "index_meta.json":
			if !e.Type().IsRegular() {
				return false, &NotIndexError{Path: path, Reason: "index_meta.json is not a file"}
			}
			meta = true
		case "store":
			if err := checkStore(path); err != nil {
				return false, err
			}
		}
	}
	if !meta {
		return false, &NotIndexError{Path: path, Reason: "index_meta.json is missing"}
	}
	return false, nil
}

// checkStore checks that the store directory of the index at path holds
// only what scorch writes there: its root (root.bolt) and segments
// (000000000001.zap). A rebuild removes the old index whole, and scorch
// removes the segments its root does not list, so a file of someone
// else's there would be deleted: the index is refused instead.
func checkStore(path string) error {
	store := filepath.Join(path, "store")
	fi, err := os.Lstat(store)
	if err != nil {
		return fmt.Errorf("index %s: %w", path, err)
	}
	if !fi.IsDir() {
		return &NotIndexError{Path: path, Reason: "store is not a directory"}
	}
	entries, err := os.ReadDir(store)
	if err != nil {
		return fmt.Errorf("index %s: %w", path, err)
	}
	for _, e := range entries {
		if !e.Type().IsRegular() || !storeFile(e.Name()) {
			return &NotIndexError{Path: path, Reason: fmt.Sprintf("its store holds %q, which bleve does not write", e.Name())}
		}
	}
	return nil
}

// storeFile reports whether name is one scorch writes in its store:
// root.bolt, or a segment named by its epoch in 12 hexadecimal digits.
func storeFile(name string) bool {
	if name == "root.bolt" {
		return true
	}
	epoch, ok := strings.CutSuffix(name, ".zap")
	if !ok || len(epoch) != 12 {
		return false
	}
	for _, c := range epoch {
		if !('0' <= c && c <= '9' || 'a' <= c && c <= 'f') {
			return false
		}
	}
	return true
}

// tidy finishes or undoes a swap that a crash interrupted and removes an
// unfinished build (<path>.new, <path>.old), touching only directories that
// hold a bleve index or nothing. The caller holds the writer's lock.
func tidy(path string) error {
	old := path + ".old"
	if !exists(path) && exists(old) {
		// Only an index redtape set aside: a directory of the user's
		// that happens to be called so is left where it is.
		if empty, err := checkReplaceable(old); err == nil && !empty {
			_ = os.Rename(old, path)
		}
	}
	for _, p := range []string{path + ".new", old} {
		if !exists(p) {
			continue
		}
		if _, err := checkReplaceable(p); err != nil {
			return err
		}
		if err := os.RemoveAll(p); err != nil {
			return fmt.Errorf("remove unfinished build %s: %w", p, err)
		}
	}
	return nil
}

// tidyIfIdle runs tidy when a leftover exists and no writer holds the lock.
func tidyIfIdle(path string) {
	if !exists(path+".new") && !exists(path+".old") {
		return
	}
	unlock, err := lockFile(path + ".lock")
	if err != nil {
		return // a writer is running: the leftovers are its own
	}
	defer unlock()
	_ = tidy(path)
}

// build writes a complete index beside path and swaps it in on success.
// The records of earlier (the index replaced) whose files lie outside the
// roots are read again with src.Read.
func build(ctx context.Context, path string, src Source, opts UpdateOptions, reason string, canon *canonicalizer, earlier map[string]docState) (*Stats, error) {
	tmp := path + ".new"
	idx, err := bleve.NewUsing(tmp, newMapping(), scorch.Name, scorch.Name, buildConfig())
	if err != nil {
		return nil, fmt.Errorf("create index %s: %w", tmp, err)
	}
	fail := func(err error) (*Stats, error) {
		idx.Close()
		os.RemoveAll(tmp)
		return nil, err
	}
	if err := idx.SetInternal(keyFormat, []byte(FormatVersion)); err != nil {
		return fail(fmt.Errorf("write index format: %w", err))
	}
	extra, dropped, gone := carryOver(earlier, src, canon)
	reread := 0
	if len(extra) > 0 {
		walk := src.Walk
		src.Walk = func(ctx context.Context, fn func(*corpus.Procedure) error) (*corpus.Summary, error) {
			sum, err := walk(ctx, fn)
			if err != nil {
				return sum, err
			}
			more, err := src.Read(ctx, extra, func(p *corpus.Procedure) error {
				reread++
				return fn(p)
			})
			return mergeSummaries(sum, more), err
		}
	}
	st, err := write(ctx, func() (bleve.Index, error) { return idx, nil }, src, opts, nil, canon)
	if err != nil {
		return fail(err)
	}
	st.Rebuilt, st.Reason = true, reason
	st.Reread, st.Dropped, st.Deleted = reread, dropped, gone
	if err := idx.Close(); err != nil {
		os.RemoveAll(tmp)
		return nil, fmt.Errorf("close index: %w", err)
	}
	if err := writeSums(tmp); err != nil {
		os.RemoveAll(tmp)
		return nil, err
	}
	old := path + ".old"
	if exists(old) {
		// Left by a crash after the swap; Update checked path itself.
		if _, err := checkReplaceable(old); err != nil {
			os.RemoveAll(tmp)
			return nil, err
		}
		os.RemoveAll(old)
	}
	if exists(path) {
		if err := os.Rename(path, old); err != nil {
			os.RemoveAll(tmp)
			return nil, fmt.Errorf("replace index: %w", err)
		}
	}
	if err := os.Rename(tmp, path); err != nil {
		return nil, fmt.Errorf("replace index: %w", err)
	}
	os.RemoveAll(old)
	return st, nil
}

// maxSegmentDocs is the number of records from which scorch stops
// merging segments into larger ones. Merging rewrites every record of the
// segments merged, and reads them through memory maps, which count in the
// resident memory of the process: without a bound, records are written
// again at each tier up to one segment of the whole index. At 1,000,000
// records, merges into segments of 100,000 took the peak to 1.08 GiB (532
// MiB of it the segments merged); segments of 50,000 halve that part.
const maxSegmentDocs = 50000

// buildConfig is the scorch configuration of a new index. It is stored in
// the index (index_meta.json), so later updates merge alike.
func buildConfig() map[string]interface{} {
	return map[string]interface{}{
		// Batches need not be synced one by one: write waits for the last
		// batch to be persisted, which persists all before it, and the
		// build is swapped in only after that.
		"unsafe_batch": true,
		// Read over scorch's defaults (mergeplan.DefaultMergePlanOptions).
		"scorchMergePlanOptions": map[string]interface{}{"MaxSegmentSize": maxSegmentDocs},
	}
}

// openWritable opens an existing index for writing. A search holding the
// index open makes it wait up to a few seconds, then fail with ErrLocked.
func openWritable(path string) (bleve.Index, error) {
	idx, err := bleve.OpenUsing(path, map[string]interface{}{"bolt_timeout": "3s", "unsafe_batch": false})
	if err != nil && lockTimeout(err) {
		return nil, ErrLocked
	}
	return idx, err
}

// carryOver sorts the records of an earlier index that lie outside the
// roots of this run: files to read again (when src.Read is set), the
// number of records dropped (files that exist, but src.Read is not set)
// and the number gone (files that no longer exist).
func carryOver(earlier map[string]docState, src Source, canon *canonicalizer) (files []string, dropped, gone int) {
	perFile := map[string]int{}
	for _, s := range earlier {
		perFile[canon.file(s.file)]++
	}
	for f, n := range perFile {
		if underRoots(f, src.Roots) {
			continue
		}
		switch _, err := os.Stat(f); {
		case err != nil:
			gone += n
		case src.Read == nil:
			dropped += n
		default:
			files = append(files, f)
		}
	}
	sort.Strings(files)
	return files, dropped, gone
}

func mergeSummaries(a, b *corpus.Summary) *corpus.Summary {
	switch {
	case a == nil:
		return b
	case b == nil:
		return a
	}
	out := &corpus.Summary{}
	out.Merge(a)
	out.Merge(b)
	return out
}

// write indexes what src yields into the index that open opens, skipping
// records whose hash known already holds and deleting stale ones of known
// at the end. open is called once, when there is something to write: an
// update that changes nothing never opens the index for writing. A build
// (known nil) always ends with a persisted batch, even with no records,
// so that the index format it set is on disk.
func write(ctx context.Context, open func() (bleve.Index, error), src Source, opts UpdateOptions, known map[string]docState, canon *canonicalizer) (*Stats, error) {
	st := &Stats{}
	b := newBuilder()
	var (
		idx   bleve.Index
		adv   bindex.Index
		w     *batchWriter
		batch *bindex.Batch
	)
	ready := func() error {
		if idx != nil {
			return nil
		}
		var err error
		if idx, err = open(); err != nil {
			return err
		}
		if adv, err = idx.Advanced(); err != nil {
			return fmt.Errorf("open index for writing: %w", err)
		}
		w = newBatchWriter(ctx, adv, opts.Shards)
		batch = bindex.NewBatch()
		return nil
	}
	pending := 0
	seen := make(map[string]bool, len(known))
	repeats := map[string]int{}
	labelled := map[string]bool{}
	flush := func() error {
		if pending == 0 {
			return nil
		}
		if err := w.write(batch); err != nil {
			return err
		}
		batch = bindex.NewBatch()
		pending = 0
		return nil
	}
	sum, err := src.Walk(ctx, func(p *corpus.Procedure) error {
		st.Read++
		p.Source.File = canon.file(p.Source.File)
		key := Key(p) + "@" + p.Source.File
		repeats[key]++
		id := DocID(p, repeats[key])
		if known != nil {
			seen[id] = true
		}
		var x extra
		if opts.Flags != nil {
			x.flagged = opts.Flags(p)
		}
		x.hash = Hash(p)
		if len(x.flagged) > 0 {
			x.hash += "+" + hashStrings(x.flagged)
		}
		old, had := known[id]
		switch {
		case had && old.hash == x.hash:
			st.Unchanged++
			return nil
		case had:
			st.Updated++
		default:
			st.Added++
		}
		if err := ready(); err != nil {
			return err
		}
		batch.Update(b.document(id, p, x))
		// A facet code's label goes in the batch of the first record
		// that uses it, so it is written no later than the record.
		for _, l := range b.labels {
			if !labelled[l[0]] {
				labelled[l[0]] = true
				batch.SetInternal(facetKey(l[0]), []byte(l[1]))
			}
		}
		pending++
		if pending >= opts.BatchSize {
			if err := flush(); err != nil {
				return err
			}
			if opts.Progress != nil {
				opts.Progress(st.Read)
			}
		}
		return nil
	})
	st.Summary = sum
	if err == nil {
		err = flush()
	}
	if w != nil {
		if werr := w.wait(); err == nil {
			err = werr
		}
	}
	if err != nil {
		return nil, err
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	unreadable := map[string]bool{}
	if sum != nil {
		for _, e := range sum.Errors {
			unreadable[canon.file(e.File)] = true
		}
	}
	var gone []string
	for id, s := range known {
		if !seen[id] && stale(s.file, src.Roots, unreadable) {
			gone = append(gone, id)
		}
	}
	if idx == nil && len(gone) == 0 && known != nil {
		// Nothing changed: the index was not opened for writing.
		if opts.Progress != nil {
			opts.Progress(st.Read)
		}
		st.Docs = len(known)
		return st, nil
	}
	if err := ready(); err != nil {
		return nil, err
	}
	for _, id := range gone {
		batch.Delete(id)
		pending++
		st.Deleted++
	}
	batch.SetInternal(keyUpdated, []byte(opts.Now().UTC().Format(time.RFC3339)))
	persisted := make(chan error, 1)
	batch.SetPersistedCallback(func(err error) { persisted <- err })
	if err := adv.Batch(batch); err != nil {
		return nil, fmt.Errorf("write index batch: %w", err)
	}
	// Segments persist in order: once the last batch is on disk, all are.
	if err := <-persisted; err != nil {
		return nil, fmt.Errorf("persist index: %w", err)
	}
	if opts.Progress != nil {
		opts.Progress(st.Read)
	}
	n, err := idx.DocCount()
	if err != nil {
		return nil, fmt.Errorf("count index: %w", err)
	}
	st.Docs = int(n)
	return st, nil
}

// facetKey is the internal key holding the label of a facet code.
func facetKey(code string) []byte { return []byte("facet:" + code) }

// batchWriter writes batches on background goroutines.
type batchWriter struct {
	ctx  context.Context
	idx  bindex.Index
	ch   chan *bindex.Batch
	done chan error
	err  error
}

func newBatchWriter(ctx context.Context, idx bindex.Index, n int) *batchWriter {
	w := &batchWriter{ctx: ctx, idx: idx, ch: make(chan *bindex.Batch), done: make(chan error, n)}
	for i := 0; i < n; i++ {
		go func() {
			var err error
			for b := range w.ch {
				if err != nil {
					continue // drain after a failure
				}
				if err = ctx.Err(); err != nil {
					continue
				}
				if e := idx.Batch(b); e != nil {
					err = fmt.Errorf("write index batch: %w", e)
				}
			}
			w.done <- err
		}()
	}
	return w
}

// write hands b to a writer, waiting while all are busy.
func (w *batchWriter) write(b *bindex.Batch) error {
	select {
	case w.ch <- b:
		return nil
	case <-w.ctx.Done():
		return w.ctx.Err()
	}
}

// wait waits for the writers to finish and returns the first error.
func (w *batchWriter) wait() error {
	close(w.ch)
	for i := 0; i < cap(w.done); i++ {
		if err := <-w.done; err != nil && w.err == nil {
			w.err = err
		}
	}
	return w.err
}

// stale reports whether a record of file not seen in this run is gone: its
// file was read this run without error (so the record left it), or lies
// under one of the roots, or no longer exists. unreadable holds the files
// that could not be read this run.
func stale(file string, roots []string, unreadable map[string]bool) bool {
	if unreadable[file] {
		return false // unreadable this time: keep what we had
	}
	if underRoots(file, roots) {
		return true
	}
	_, err := os.Stat(file)
	return errors.Is(err, os.ErrNotExist)
}

// underRoots reports whether file is one of roots or lies under one.
func underRoots(file string, roots []string) bool {
	for _, r := range roots {
		if file == r || strings.HasPrefix(file, strings.TrimSuffix(r, string(filepath.Separator))+string(filepath.Separator)) {
			return true
		}
	}
	return false
}

// canonicalizer maps source paths to their canonical form: absolute,
// cleaned, with the symbolic links of the directory resolved (once per
// directory). A path that cannot be resolved stays absolute and cleaned.
type canonicalizer struct {
	dirs map[string]string
}

func newCanonicalizer() *canonicalizer { return &canonicalizer{dirs: map[string]string{}} }

func (c *canonicalizer) file(f string) string {
	if f == "" {
		return f
	}
	abs, err := filepath.Abs(f)
	if err != nil {
		return filepath.Clean(f)
	}
	dir, base := filepath.Split(abs)
	real, ok := c.dirs[dir]
	if !ok {
		real = filepath.Clean(dir)
		if r, err := filepath.EvalSymlinks(dir); err == nil {
			real = r
		}
		c.dirs[dir] = real
	}
	if base == "" {
		return real
	}
	out := filepath.Join(real, base)
	// A root may itself be a link to a directory.
	if fi, err := os.Lstat(out); err == nil && fi.Mode()&os.ModeSymlink != 0 {
		if r, err := filepath.EvalSymlinks(out); err == nil {
			return r
		}
	}
	return out
}

func (c *canonicalizer) all(paths []string) []string {
	out := make([]string, len(paths))
	for i, p := range paths {
		out[i] = c.file(p)
	}
	return out
}

// loadStates reads the stored hash and file of every record.
func loadStates(ctx context.Context, idx bleve.Index) (map[string]docState, error) {
	out := map[string]docState{}
	const page = 5000
	req := bleve.NewSearchRequestOptions(bleve.NewMatchAllQuery(), page, 0, false)
	req.Fields = []string{fields.Hash, fields.File}
	req.SortBy([]string{"_id"})
	for {
		res, err := idx.SearchInContext(ctx, req)
		if err != nil {
			return nil, fmt.Errorf("read index state: %w", err)
		}
		for _, h := range res.Hits {
			hash, _ := h.Fields[fields.Hash].(string)
			file, _ := h.Fields[fields.File].(string)
			out[h.ID] = docState{hash: hash, file: file}
		}
		if len(res.Hits) < page {
			return out, nil
		}
		req.SetSearchAfter([]string{res.Hits[len(res.Hits)-1].ID})
	}
}

func newMapping() *mapping.IndexMappingImpl {
	m := bleve.NewIndexMapping()
	// Documents are built field by field (document.go); nothing is mapped
	// dynamically.
	m.DefaultMapping.Dynamic = false
	m.IndexDynamic = false
	m.StoreDynamic = false
	m.DocValuesDynamic = false
	return m
}

// lockTimeout reports whether err is the store's lock timing out: another
// process holds the index (a writer, or a search while this one writes).
// Lock takes the lock the writers of the index at dir take (<dir>.lock),
// for a reader that must see the index between two writes (a snapshot).
// It returns ErrLocked at once when a writer holds it, and a
// *ForeignLockError when the lock file is not redtape's. The returned
// function releases the lock and removes the file.
func Lock(dir string) (unlock func(), err error) {
	return lockFile(filepath.Clean(dir) + ".lock")
}

func lockTimeout(err error) bool {
	return errors.Is(err, bolterrors.ErrTimeout)
}

func exists(path string) bool {
	_, err := os.Stat(path)
	return err == nil
}

func hashStrings(ss []string) string {
	return Hash(&corpus.Procedure{Name: strings.Join(ss, "\x00")})[:12]
}

// lockPrefix starts what a lock file holds, before the process id of its
// writer. Lock files of earlier versions hold the process id alone.
const lockPrefix = "redtape index lock, pid "

// ForeignLockError reports that the path of the index's lock file
// (<dir>.lock) holds something redtape did not write there: [Update]
// refuses to overwrite it.
type ForeignLockError struct {
	Path   string
	Reason string // what was found there
}

// Error names the file and says what to do.
func (e *ForeignLockError) Error() string {
	return fmt.Sprintf("%s is not a redtape lock file (%s); refusing to overwrite it: move it away, or choose another index directory", e.Path, e.Reason)
}

// checkLockFile returns a *ForeignLockError when path exists and is not a
// lock file of redtape's: a regular file holding nothing, or the process
// id of a writer, with or without [lockPrefix], on one line.
func checkLockFile(path string) error {
	fi, err := os.Lstat(path)
	if errors.Is(err, os.ErrNotExist) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("lock %s: %w", path, err)
	}
	if !fi.Mode().IsRegular() {
		return &ForeignLockError{Path: path, Reason: "not a regular file"}
	}
	if fi.Size() > 64 {
		return &ForeignLockError{Path: path, Reason: fmt.Sprintf("it holds %d bytes", fi.Size())}
	}
	b, err := os.ReadFile(path)
	if err != nil {
		return fmt.Errorf("lock %s: %w", path, err)
	}
	s := strings.TrimSuffix(strings.TrimPrefix(string(b), lockPrefix), "\n")
	for _, c := range s {
		if c < '0' || c > '9' {
			return &ForeignLockError{Path: path, Reason: fmt.Sprintf("it holds %q", shorten(string(b), 40))}
		}
	}
	return nil
}

// shorten returns s cut to at most n bytes, at a character boundary.
func shorten(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n] + "…"
}
