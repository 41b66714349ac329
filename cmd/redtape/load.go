package main

import (
	"context"
	"errors"
	"fmt"
	"strings"
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
	for i, d := range dups {
		if i == maxListed {
			fmt.Fprintf(e.stderr, "redtape: warning: and %d more records read more than once\n", len(dups)-maxListed)
			break
		}
		fmt.Fprintf(e.stderr, "redtape: warning: %v\n", d)
	}
	if len(dups) > 0 {
		fmt.Fprintf(e.stderr, "redtape: warning: %d records were read more than once and are counted once\n", len(dups))
	}
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
