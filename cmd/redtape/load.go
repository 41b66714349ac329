package main

import (
	"context"
	"errors"
	"fmt"
	"math"
	"runtime"
	"runtime/debug"
	"strings"
	"sync"
	"time"

	"github.com/urfave/cli/v2"

	"github.com/redtape-vn/redtape/analyzer/assess"
	"github.com/redtape-vn/redtape/analyzer/catalog"
	"github.com/redtape-vn/redtape/corpus"
	"github.com/redtape-vn/redtape/corpus/demo"
)

// inputFlags are the flags of every command that reads procedure records.
func inputFlags() []cli.Flag {
	return []cli.Flag{
		&cli.StringFlag{Name: "from", Usage: "read every input file with this reader instead of detecting it (" + joinNames(corpus.Formats()) + ")"},
		&cli.StringFlag{Name: "encoding", Value: "auto", Usage: "input encoding: " + joinNames(corpus.Encodings())},
	}
}

// inputOptions reads the input flags of c.
func inputOptions(c *cli.Context) corpus.Options {
	return corpus.Options{Format: c.String("from"), Encoding: c.String("encoding")}
}

// loadInput reads the procedures under paths, or the built-in demo corpus
// when paths is empty. Read errors are printed to stderr as they are found,
// with a summary line; the returned summary tells the caller whether to end
// with errInputFailed once its output is written.
func loadInput(ctx context.Context, e *env, paths []string, opts corpus.Options) ([]*corpus.Procedure, *corpus.Summary, error) {
	if len(paths) == 0 {
		procs, err := demo.Load(ctx)
		if err != nil {
			return nil, nil, err
		}
		return procs, &corpus.Summary{Files: 1, Procedures: len(procs)}, nil
	}
	procs, sum, err := corpus.Load(ctx, paths, opts)
	if err != nil {
		return nil, sum, classifyLoadError(err)
	}
	reportReadErrors(e, sum)
	procs, dups := corpus.Dedupe(procs)
	reportDuplicates(e, dups)
	sum.Procedures -= len(dups)
	return procs, sum, nil
}

// maxListed is how many duplicates are named one by one on stderr.
const maxListed = 20

// reportDuplicates warns of every record read more than once.
func reportDuplicates(e *env, dups []corpus.Duplicate) {
	reportDuplicateCount(e, dups[:min(len(dups), maxListed)], len(dups))
}

// errNoProcedures reports a set of records that holds no procedure.
var errNoProcedures = errors.New("holds no procedures")

// requireProcedures refuses a set of records that holds no procedure, or
// that lost most of its records to read errors: a report or an estimate on
// it would be a result about nothing (a 100% cut of an empty set). role
// names the set ("current", "baseline", "input").
func requireProcedures(role string, paths []string, n int, sum *corpus.Summary) error {
	where := strings.Join(paths, ", ")
	if where == "" {
		where = "the demo corpus"
	}
	failed := 0
	if sum != nil {
		failed = len(sum.Errors)
	}
	switch {
	case n == 0 && failed > 0:
		return fmt.Errorf("%w: the %s set (%s) %w: none of its %d files or records could be read", errInputFailed, role, where, errNoProcedures, failed)
	case n == 0:
		return usageErrorf("the %s set (%s) %w: no file there is a procedure record (see docs/record-format.md)", role, where, errNoProcedures)
	case failed > n:
		return fmt.Errorf("%w: the %s set (%s) lost most of its records: %d of %d files or records (%d%%) could not be read; the figures would rest on the rest",
			errInputFailed, role, where, failed, failed+n, 100*failed/(failed+n))
	}
	return nil
}

// classifyLoadError turns option mistakes into usage errors.
func classifyLoadError(err error) error {
	if err == context.Canceled || err == context.DeadlineExceeded {
		return err
	}
	return &usageError{err}
}

// reportReadErrors prints each read warning, each read error and, when
// some input could not be read, a one-line summary to stderr.
func reportReadErrors(e *env, sum *corpus.Summary) {
	if sum == nil {
		return
	}
	for _, w := range sum.Warnings {
		fmt.Fprintf(e.stderr, "redtape: warning: %v\n", w)
	}
	if !sum.Failed() {
		return
	}
	for _, re := range sum.Errors {
		fmt.Fprintf(e.stderr, "redtape: %v\n", re)
	}
	fmt.Fprintf(e.stderr, "redtape: read %d procedures from %d files; %d files or records could not be read\n",
		sum.Procedures, sum.Files, len(sum.Errors))
}

// inputResult is the error a command returns after writing its output:
// errInputFailed when some input could not be read, else nil.
func inputResult(sum *corpus.Summary) error {
	if sum != nil && sum.Failed() {
		return fmt.Errorf("%w: %d of the input files or records", errInputFailed, len(sum.Errors))
	}
	return nil
}

func joinNames(names []string) string {
	out := ""
	for i, n := range names {
		if i > 0 {
			out += ", "
		}
		out += n
	}
	return out
}

// loadCatalog returns the catalog of digitised data that flag, estimate,
// report and check judge papers against: the built-in one, extended or
// replaced by file when given, narrowed to what is in force on asOf
// (YYYY-MM-DD; empty for today), and that day.
func loadCatalog(file, asOf string, e *env) (*catalog.Catalog, time.Time, error) {
	day := e.now()
	if asOf != "" {
		d, err := catalog.ParseDate(asOf)
		if err != nil {
			return nil, day, usageErrorf("--as-of: %v", err)
		}
		day = d
	}
	cat, err := assess.Catalog(file, day)
	if err != nil {
		return nil, day, usageErrorf("--catalog: %v", err)
	}
	return cat, day, nil
}

// streamBatch is how many records travel together through streamInput's
// workers.
const streamBatch = 64

// streamed is one record of streamInput on its way: its dedupe key and
// what the workers made of it.
type streamed[T any] struct {
	seq int // the record's place in the walk, duplicates included
	p   *corpus.Procedure
	key corpus.Key
	res T
	err error
}

// streamBatchOf is a batch of records; done is closed once its workers'
// part is done.
type streamBatchOf[T any] struct {
	items []streamed[T]
	done  chan struct{}
}

// streamInput is loadInput for commands that keep no record: it reads the
// procedures under paths (the demo corpus when none), files in parallel,
// drops the records read more than once as loadInput does, and calls fn
// with each kept record, in loadInput's order, on the caller's goroutine.
// When work is given, it runs on every core while the next records are
// read (flagging a record, rendering its output), and fn gets its result
// (without work, the zero T); an error of work ends the stream when its
// record is reached. Once the walk is done, read errors and duplicates are reported
// on stderr as loadInput reports them, and the summary returned counts the
// records kept. Memory is bounded by the batches on their way, whatever
// the corpus: the key table of the deduper grows by about 110 bytes a
// record.
func streamInput[T any](ctx context.Context, e *env, paths []string, opts corpus.Options, work func(*corpus.Procedure) (T, error), fn func(*corpus.Procedure, T) error) (*corpus.Summary, error) {
	var w func(int, *corpus.Procedure) (T, error)
	if work != nil {
		w = func(_ int, p *corpus.Procedure) (T, error) { return work(p) }
	}
	return streamRecords(ctx, e, paths, opts, readOnce, w, func(_ int, p *corpus.Procedure, res T) error { return fn(p, res) })
}

// rereading says how streamRecords reads an input again.
type rereading int

const (
	// readOnce reads an input for the first time: read errors and
	// duplicates are reported, duplicates dropped.
	readOnce rereading = iota
	// readAgain reads an input already read: nothing is reported,
	// duplicates are dropped.
	readAgain
	// readAgainAll reads an input already read and hands over every
	// record, duplicates included (the caller knows them by their place
	// in the walk): nothing is reported, and nothing is spent finding them.
	readAgainAll
)

// streamMemoryLimit is the soft memory limit of the streaming commands:
// while they read (streamRecords), and for estimate and report also while
// they match the key tables between reads, where the collector would
// otherwise let the heap grow to twice what is live (at 1,000,000
// procedures a report's matching within sectors took the heap from 500
// to 810 MiB).
const streamMemoryLimit = 512 << 20

// limitMemory sets the soft memory limit of a streaming command,
// streamMemoryLimit, unless one is set already (GOMEMLIMIT, or a command
// that holds it for all its reads), and returns what restores the limit
// before it. The limit is soft: a comparison larger than 1,000,000
// procedures (470 MiB of heap in use while matching) may outgrow it, and
// the collector then runs more often; memory is not refused.
func limitMemory() (restore func()) {
	prev := debug.SetMemoryLimit(-1)
	if prev != math.MaxInt64 {
		return func() {}
	}
	debug.SetMemoryLimit(streamMemoryLimit)
	return func() { debug.SetMemoryLimit(prev) }
}

// streamRecords is streamInput that gives work and fn each record's place
// in the walk (seq: 0, 1, ... in the order read, duplicates included, the
// same at every read of unchanged input), for a first read or a read
// again (see rereading).
func streamRecords[T any](ctx context.Context, e *env, paths []string, opts corpus.Options, again rereading,
	work func(seq int, p *corpus.Procedure) (T, error), fn func(seq int, p *corpus.Procedure, res T) error) (*corpus.Summary, error) {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	// A stream keeps a small heap (about 50 MB live at any corpus size)
	// and allocates each record anew: collecting it less often, under a
	// soft limit far above what it keeps, spends less CPU on the collector
	// (flag --format json at 100,000 records on a quiet machine: 5.0 ->
	// 4.4 s wall, 9.6 -> 8.6 s of CPU, peak 99 -> 135 MB).
	defer debug.SetGCPercent(debug.SetGCPercent(200))
	defer limitMemory()()
	workers := runtime.GOMAXPROCS(0)
	dedupe := corpus.NewDeduper()
	demoInput := len(paths) == 0
	dedupes := !demoInput && again != readAgainAll
	// At a terminal, a read of files draws a progress bar on stderr, as
	// indexing does: a command on a million procedures reads for minutes.
	var bar *progress
	if e.interactive && !demoInput && opts.Progress == nil {
		doing := "reading"
		if again == readAgainAll {
			doing = "comparing" // the second read of estimate and report
		}
		bar = &progress{e: e, label: readLabel(doing, paths), start: time.Now()}
		opts.Progress = bar.files
	}
	todo := make(chan *streamBatchOf[T], workers)
	ordered := make(chan *streamBatchOf[T], 2*workers+2)
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for b := range todo {
				for i := range b.items {
					it := &b.items[i]
					if dedupes {
						it.key = dedupe.Key(it.p)
					}
					if work != nil && ctx.Err() == nil {
						it.res, it.err = work(it.seq, it.p)
					}
				}
				close(b.done)
			}
		}()
	}
	var (
		sum     *corpus.Summary
		readErr error
	)
	go func() {
		defer close(ordered)
		defer close(todo)
		var cur []streamed[T]
		seq := 0
		send := func() error {
			b := &streamBatchOf[T]{items: cur, done: make(chan struct{})}
			cur = nil
			select {
			case ordered <- b:
			case <-ctx.Done():
				return ctx.Err()
			}
			select {
			case todo <- b:
				return nil
			case <-ctx.Done():
				close(b.done)
				return ctx.Err()
			}
		}
		add := func(p *corpus.Procedure) error {
			cur = append(cur, streamed[T]{seq: seq, p: p})
			seq++
			if len(cur) == streamBatch {
				return send()
			}
			return nil
		}
		if demoInput {
			procs, err := demo.Load(ctx)
			if err != nil {
				readErr = err
				return
			}
			sum = &corpus.Summary{Files: 1, Procedures: len(procs)}
			for _, p := range procs {
				if readErr = add(p); readErr != nil {
					return
				}
			}
		} else {
			sum, readErr = corpus.WalkParallel(ctx, paths, opts, workers, add)
		}
		if readErr == nil && len(cur) > 0 {
			readErr = send()
		}
	}()
	var (
		listed []corpus.Duplicate
		dups   int
		fnErr  error
		taken  int
	)
	for b := range ordered {
		<-b.done
		if fnErr != nil || ctx.Err() != nil {
			continue
		}
		if bar != nil {
			taken += len(b.items)
			bar.update(taken)
		}
		for _, it := range b.items {
			if dedupes {
				if d, dup := dedupe.AddKey(it.p, it.key); dup {
					if len(listed) < maxListed {
						listed = append(listed, d)
					}
					dups++
					continue
				}
			}
			if fnErr = it.err; fnErr == nil {
				fnErr = fn(it.seq, it.p, it.res)
			}
			if fnErr != nil {
				cancel()
				break
			}
		}
	}
	wg.Wait()
	bar.done()
	if fnErr != nil {
		return sum, fnErr
	}
	if readErr != nil {
		if demoInput {
			return nil, readErr
		}
		return sum, classifyLoadError(readErr)
	}
	if demoInput {
		return sum, nil
	}
	if again == readOnce {
		reportReadErrors(e, sum)
		reportDuplicateCount(e, listed, dups)
	}
	sum.Procedures -= dups
	return sum, nil
}

// reportDuplicateCount is reportDuplicates for a stream: listed are the
// first duplicates found (up to maxListed), n how many there are.
func reportDuplicateCount(e *env, listed []corpus.Duplicate, n int) {
	for _, d := range listed {
		fmt.Fprintf(e.stderr, "redtape: warning: %v\n", d)
	}
	if n > len(listed) {
		fmt.Fprintf(e.stderr, "redtape: warning: and %d more records read more than once\n", n-len(listed))
	}
	if n > 0 {
		fmt.Fprintf(e.stderr, "redtape: warning: %d records were read more than once and are counted once\n", n)
	}
}
