// Command fts5bench compares redtape's search with SQLite FTS5 on the same
// records: it loads records into an FTS5 database, runs the query classes
// of redtape's BenchmarkSearch on it, and prints both engines' latencies
// and hit counts side by side. scripts/bench-fts5.sh drives it.
//
//	fts5bench load -db DB [-optimize=false] PATHS...
//	fts5bench bench -db DB -index DIR -queries corpus/index/bench_test.go -redtape-bench OUT [-n 300]
//
// It is a module of its own, so that SQLite never becomes a dependency of
// redtape; build it with -tags sqlite_fts5.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"os"
	"os/signal"
	"syscall"

	_ "github.com/mattn/go-sqlite3"

	"github.com/redtape-vn/redtape/corpus/index"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if err := run(ctx, os.Args[1:]); err != nil {
		fmt.Fprintln(os.Stderr, "fts5bench:", err)
		os.Exit(1)
	}
}

func run(ctx context.Context, args []string) error {
	if len(args) == 0 {
		return errors.New("usage: fts5bench load|bench [flags]")
	}
	fs := flag.NewFlagSet(args[0], flag.ContinueOnError)
	switch args[0] {
	case "load":
		db := fs.String("db", "", "database to create (must not exist)")
		optimize := fs.Bool("optimize", true, "merge FTS5's segments after loading")
		if err := fs.Parse(args[1:]); err != nil {
			return err
		}
		if *db == "" || fs.NArg() == 0 {
			return errors.New("usage: fts5bench load -db DB PATHS...")
		}
		return runLoad(ctx, *db, fs.Args(), *optimize)
	case "bench":
		var o benchOptions
		fs.StringVar(&o.db, "db", "", "FTS5 database written by load")
		fs.StringVar(&o.index, "index", "", "redtape index of the same records (hit counts, facets timing)")
		fs.StringVar(&o.queries, "queries", "corpus/index/bench_test.go", "source file holding benchQueries")
		fs.StringVar(&o.redtapeBench, "redtape-bench", "", "output of go test -bench BenchmarkSearch on the same index")
		fs.IntVar(&o.n, "n", 300, "searches per class")
		if err := fs.Parse(args[1:]); err != nil {
			return err
		}
		if o.db == "" || o.n < 1 {
			return errors.New("usage: fts5bench bench -db DB [-index DIR] [-redtape-bench FILE] [-n N]")
		}
		return bench(ctx, os.Stdout, o)
	default:
		return fmt.Errorf("unknown command %q: load or bench", args[0])
	}
}

func runLoad(ctx context.Context, path string, paths []string, optimize bool) error {
	if _, err := os.Stat(path); err == nil {
		return fmt.Errorf("%s exists; remove it first", path)
	}
	db, err := openDB(path)
	if err != nil {
		return err
	}
	defer db.Close()
	cpu0 := cpuTime()
	st, err := load(ctx, db, paths, optimize)
	if err != nil {
		return err
	}
	cpu := cpuTime() - cpu0
	var ru syscall.Rusage
	_ = syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	size := int64(0)
	if fi, err := os.Stat(path); err == nil {
		size = fi.Size()
	}
	wall := st.load + st.optimize
	fmt.Printf("FTS5 load: %d procedures in %.1f s (%.0f/s), optimize %.1f s; CPU %.1f s (%.0f µs a procedure); peak RSS %d MiB; database %d MB\n",
		st.procedures, wall.Seconds(), float64(st.procedures)/wall.Seconds(), st.optimize.Seconds(),
		cpu.Seconds(), float64(cpu.Microseconds())/float64(max(st.procedures, 1)), ru.Maxrss/1024, size/1e6)
	return nil
}

func openIndex(path string) (*index.Index, error) {
	ix, err := index.Open(path)
	if err != nil {
		return nil, fmt.Errorf("open redtape index: %w", err)
	}
	return ix, nil
}
