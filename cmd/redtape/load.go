package main

import (
	"context"
	"fmt"
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
	return procs, sum, nil
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

// targetFlag is the --target option of estimate and report, read by
// assess.ParseTarget.
func targetFlag() cli.Flag {
	return &cli.StringFlag{Name: "target", Value: "20", Usage: "reduction target in percent (Resolution 68/NQ-CP: 20; Resolution 66/NQ-CP: 30)"}
}
