package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime/debug"
	"sort"
	"time"

	"github.com/urfave/cli/v2"

	"github.com/redtape-vn/redtape/analyzer/assess"
	"github.com/redtape-vn/redtape/analyzer/flags"
	"github.com/redtape-vn/redtape/corpus"
	"github.com/redtape-vn/redtape/corpus/demo"
	"github.com/redtape-vn/redtape/corpus/index"
)

// defaultIndexDir is where the index lives when neither --index nor
// $REDTAPE_INDEX says otherwise: under the working directory, beside the
// relative source paths the index records.
const defaultIndexDir = ".redtape/index"

// indexOptions are the options of the index command.
type indexOptions struct {
	// Paths are the files and directories to index; none means the demo corpus.
	Paths []string
	// Index is the index directory; empty means the default location.
	Index string
	// Rebuild builds the index anew.
	Rebuild bool
	// NoFlags skips matching papers against the catalog (no flagged: filter).
	NoFlags bool
	// Shards is the number of batches indexed at once; 0 means one per core.
	Shards int
	// Input controls how records are read.
	Input corpus.Options
}

func indexFlag() cli.Flag {
	return &cli.StringFlag{Name: "index", Usage: "index `DIR` (default $REDTAPE_INDEX, else " + defaultIndexDir + " under the working directory)"}
}

func indexCommand(e *env) *cli.Command {
	return &cli.Command{
		Name:      "index",
		Usage:     "build or update the search index",
		ArgsUsage: "[PATHS...]",
		Description: "Indexes the procedures under PATHS (the demo corpus when none) for \"redtape search\".\n" +
			"Re-running updates only records whose content changed and removes records whose file is\n" +
			"gone or no longer holds them. See docs/search.md.",
		Flags: append([]cli.Flag{
			indexFlag(),
			&cli.BoolFlag{Name: "rebuild", Usage: "build the index anew instead of updating it"},
			&cli.BoolFlag{Name: "no-flags", Usage: "do not match papers against the catalog of digitised data (disables flagged:)"},
			&cli.IntFlag{Name: "shards", Usage: "index `N` batches at once, one per core when 0; results do not depend on it"},
		}, inputFlags()...),
		Action: func(c *cli.Context) error {
			return runIndex(c.Context, indexOptions{
				Paths: c.Args().Slice(), Index: c.String("index"), Rebuild: c.Bool("rebuild"),
				NoFlags: c.Bool("no-flags"), Shards: c.Int("shards"), Input: inputOptions(c),
			}, e)
		},
	}
}

// indexDir resolves the index directory from the flag, the environment and
// the default.
func indexDir(flag string, e *env) string {
	if flag != "" {
		return flag
	}
	if d := e.getenv("REDTAPE_INDEX"); d != "" {
		return d
	}
	return filepath.FromSlash(defaultIndexDir)
}

func runIndex(ctx context.Context, opts indexOptions, e *env) error {
	dir := indexDir(opts.Index, e)
	if opts.Shards < 0 {
		return usageErrorf("index: --shards %d: want a positive number, or 0 for one per core", opts.Shards)
	}
	if err := checkInput(ctx, opts.Paths, opts.Input); err != nil {
		return err
	}
	start := time.Now()
	var p *progress
	if e.interactive {
		p = &progress{e: e, start: start}
		opts.Input.Progress = p.files
	}
	src := indexSource(opts.Paths, opts.Input)
	uo := index.UpdateOptions{Rebuild: opts.Rebuild, Now: e.now, Shards: opts.Shards}
	if !opts.NoFlags {
		f, err := flagsFunc(e)
		if err != nil {
			return err
		}
		uo.Flags = f
	}
	// Indexing allocates short-lived analysis data by the gigabyte: collect
	// less often, under a soft memory limit that keeps the peak below 1 GiB.
	defer debug.SetGCPercent(debug.SetGCPercent(300))
	defer debug.SetMemoryLimit(debug.SetMemoryLimit(576 << 20))
	if p != nil {
		uo.Progress = p.update
	}
	_, statErr := os.Stat(dir)
	existed := statErr == nil
	st, err := index.Update(ctx, dir, src, uo)
	p.done()
	if err != nil {
		switch {
		case errors.Is(err, index.ErrLocked):
			return fmt.Errorf("index %s: %w", dir, err)
		case errors.As(err, new(*index.NotIndexError)), errors.As(err, new(*index.ForeignLockError)):
			return usageErrorf("index: %v", err)
		case errors.Is(err, context.Canceled), errors.Is(err, context.DeadlineExceeded):
			if existed {
				fmt.Fprintf(e.stderr, "redtape: interrupted; the index at %s is unchanged or partly updated, and usable\n", dir)
			} else {
				fmt.Fprintf(e.stderr, "redtape: interrupted; no index was built at %s: run the command again to build it\n", dir)
			}
			return err
		}
		return fmt.Errorf("index %s: %w", dir, err)
	}
	reportReadErrors(e, st.Summary)
	elapsed := time.Since(start)
	fmt.Fprintf(e.stdout, "index %s: %d procedures read, %d added, %d updated, %d unchanged, %d removed; %d in the index\n",
		dir, st.Read, st.Added, st.Updated, st.Unchanged, st.Deleted, st.Docs)
	if st.Rebuilt {
		fmt.Fprintf(e.stdout, "built anew: %s\n", st.Reason)
		if st.Reread > 0 {
			fmt.Fprintf(e.stdout, "kept %d procedures of files outside these paths that the earlier index held (read again)\n", st.Reread)
		}
		if st.Dropped > 0 {
			fmt.Fprintf(e.stdout, "dropped %d procedures of files outside these paths that the earlier index held\n", st.Dropped)
		}
	}
	if e.interactive && elapsed > 0 {
		fmt.Fprintf(e.stderr, "took %s (%.0f procedures/s)\n", elapsed.Round(time.Millisecond), float64(st.Read)/elapsed.Seconds())
	}
	if len(opts.Paths) > 0 {
		if err := requireProcedures("input", opts.Paths, st.Read, st.Summary); err != nil {
			return err
		}
	}
	return inputResult(st.Summary)
}

// checkInput rejects, as usage errors, an unknown --from or --encoding and
// paths that do not exist, before the index is touched.
func checkInput(ctx context.Context, paths []string, opts corpus.Options) error {
	if _, err := corpus.Walk(ctx, nil, opts, nil); err != nil {
		return classifyLoadError(err)
	}
	for _, p := range paths {
		if _, err := os.Stat(p); err != nil {
			return usageErrorf("read %s: %v", p, errors.Unwrap(err))
		}
	}
	return nil
}

// indexSource reads paths, or the demo corpus when there are none.
func indexSource(paths []string, opts corpus.Options) index.Source {
	if len(paths) == 0 {
		return index.Source{Roots: []string{demo.Name}, Walk: func(ctx context.Context, fn func(*corpus.Procedure) error) (*corpus.Summary, error) {
			procs, err := demo.Load(ctx)
			if err != nil {
				return nil, err
			}
			sum := &corpus.Summary{Files: 1}
			for _, p := range procs {
				sum.Procedures++
				if err := fn(p); err != nil {
					return sum, err
				}
			}
			return sum, nil
		}}
	}
	return index.Source{Roots: paths, Walk: func(ctx context.Context, fn func(*corpus.Procedure) error) (*corpus.Summary, error) {
		return corpus.Walk(ctx, paths, opts, fn)
	}, Read: func(ctx context.Context, files []string, fn func(*corpus.Procedure) error) (*corpus.Summary, error) {
		return corpus.Walk(ctx, files, opts, fn)
	}}
}

// flagsFunc returns what the index stores for flagged: the ids of the
// catalog entries and the databases that flag one of a procedure's papers,
// and "any" when one does: the papers the assessment's flags-applied
// scenario drops (flags.ScenarioReplaceable). The catalog is the built-in
// one in force today. The function is safe for concurrent use, as the
// matcher is.
func flagsFunc(e *env) (func(*corpus.Procedure) []string, error) {
	cat, err := assess.Catalog("", e.now())
	if err != nil {
		return nil, fmt.Errorf("catalog: %w", err)
	}
	m := flags.NewMatcher(cat)
	return func(p *corpus.Procedure) []string {
		res := m.Procedure(p)
		set := map[string]bool{}
		for _, pr := range res.Papers {
			if !pr.Status.Dropped(flags.ScenarioReplaceable) {
				continue
			}
			set["any"] = true
			if pr.Entry != "" {
				set[pr.Entry] = true
			}
			// Both names of the database: the catalog prints the
			// Vietnamese one first.
			for _, db := range []string{pr.Database, pr.DatabaseVi} {
				if db != "" {
					set[db] = true
				}
			}
		}
		out := make([]string, 0, len(set))
		for k := range set {
			out = append(out, k)
		}
		sort.Strings(out)
		return out
	}, nil
}
