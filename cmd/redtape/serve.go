package main

import (
	"cmp"
	"context"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"os"
	"strings"
	"sync"
	"time"

	"github.com/urfave/cli/v2"

	"github.com/redtape-vn/redtape/corpus"
	"github.com/redtape-vn/redtape/corpus/index"
	"github.com/redtape-vn/redtape/reports/web"
)

// serveOptions are the options of "redtape serve".
type serveOptions struct {
	// Paths are the records to index before serving; none means the
	// index given, or the demo corpus when no index is given either.
	Paths []string
	// Index is the index directory; empty means $REDTAPE_INDEX, else (with
	// no Paths) a temporary index of the demo corpus.
	Index string
	// Addr is the address to listen on.
	Addr  string
	Input corpus.Options
	// Assess are the options of the assessment, as for "redtape report".
	Assess assessArgs
	// ready, when set, is called with the address once the server listens
	// (tests).
	ready func(addr string)
	// watchEvery is how often a given index is looked at for changes;
	// zero means every 3 seconds.
	watchEvery time.Duration
}

func serveCommand(e *env) *cli.Command {
	return &cli.Command{
		Name:      "serve",
		Usage:     "serve the web workspace: search, procedures with their papers' verdicts and costs, reports, a draft checker",
		ArgsUsage: "[PATHS...]",
		Description: "Serves a web workspace for legal reviewers over the index: search with facets and\n" +
			"highlights, a page per procedure with the verdict on each paper and its estimated cost, the\n" +
			"reduction report by ministry or sector, and a page that checks a pasted draft as \"redtape\n" +
			"check\" does. With PATHS the index is brought up to date from them first; with --index\n" +
			"alone the existing index is served (from a snapshot, reloaded when \"redtape index\" changes\n" +
			"it); with neither, the built-in demo corpus. Stops cleanly on Ctrl-C or SIGTERM. See\n" +
			"docs/serve.md.",
		Flags: append([]cli.Flag{
			indexFlag(),
			&cli.StringFlag{Name: "addr", Value: "127.0.0.1:8080", Usage: "`HOST:PORT` to listen on (port 0 picks a free one)"},
		}, append(assessFlags(), inputFlags()...)...),
		Action: func(c *cli.Context) error {
			return runServe(c.Context, serveOptions{
				Paths: c.Args().Slice(), Index: c.String("index"), Addr: c.String("addr"), Input: inputOptions(c),
				Assess: readAssessArgs(c),
			}, e)
		},
	}
}

// runServe prepares the index and the records, then serves until ctx is
// cancelled (a signal), and shuts the server down cleanly.
func runServe(ctx context.Context, opts serveOptions, e *env) error {
	wopts := web.Options{Now: e.now, Corpus: strings.Join(opts.Paths, ", ")}
	var err error
	if wopts.Assess, wopts.AsOf, err = opts.Assess.options(e); err != nil {
		return err
	}
	ln, err := net.Listen("tcp", opts.Addr)
	if err != nil {
		return usageErrorf("serve: --addr %s: %v", opts.Addr, err)
	}
	defer ln.Close()

	logger := slog.New(slog.NewTextHandler(e.stderr, nil))
	wopts.Logger = logger
	if len(opts.Paths) == 0 {
		// The reports name what they rest on: "" would say the demo corpus.
		if d := cmp.Or(opts.Index, e.getenv("REDTAPE_INDEX")); d != "" {
			wopts.Corpus = "index " + d
		}
	}
	first, watch, err := serveIndex(ctx, opts, wopts, e)
	if err != nil {
		return err
	}
	h := &liveHandler{retired: map[*served]bool{}}
	h.cur.Store(first)
	var watching sync.WaitGroup
	defer func() {
		watching.Wait()
		h.closeAll()
	}()
	if watch != "" {
		watching.Add(1)
		go func() {
			defer watching.Done()
			every := opts.watchEvery
			if every == 0 {
				every = 3 * time.Second
			}
			h.watch(ctx, watch, every, opts.Input, wopts, e)
		}()
	}
	srv := &http.Server{
		// Only the check page takes a body: a draft of web.MaxDraft.
		Handler:           http.MaxBytesHandler(h, web.MaxDraft+1<<17),
		ReadHeaderTimeout: 5 * time.Second,
		ReadTimeout:       10 * time.Second,
		WriteTimeout:      60 * time.Second,
		IdleTimeout:       120 * time.Second,
		MaxHeaderBytes:    1 << 15,
		ErrorLog:          slog.NewLogLogger(logger.Handler(), slog.LevelWarn),
		BaseContext:       func(net.Listener) context.Context { return context.WithoutCancel(ctx) },
	}
	addr := ln.Addr().String()
	fmt.Fprintf(e.stdout, "redtape: serving %d procedures at http://%s/ (Ctrl-C to stop)\n", first.procedures, addr)
	done := make(chan error, 1)
	go func() { done <- srv.Serve(ln) }()
	if opts.ready != nil {
		opts.ready(addr)
	}
	select {
	case err := <-done:
		return fmt.Errorf("serve: %w", err)
	case <-ctx.Done():
	}
	shut, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if err := srv.Shutdown(shut); err != nil {
		return fmt.Errorf("serve: shut down: %w", err)
	}
	fmt.Fprintln(e.stderr, "redtape: server stopped")
	return nil
}

// serveIndex returns the first site to serve and the index directory to
// watch for changes ("" for none). With PATHS the index (opts.Index, else
// $REDTAPE_INDEX, else the default) is brought up to date from them;
// with an index alone it is served as it is; with neither, a temporary
// index of the demo corpus is built. A given index is served from a
// snapshot, so that "redtape index" can update it meanwhile.
func serveIndex(ctx context.Context, opts serveOptions, wopts web.Options, e *env) (*served, string, error) {
	dir := opts.Index
	if dir == "" {
		dir = e.getenv("REDTAPE_INDEX")
	}
	if dir == "" && len(opts.Paths) > 0 {
		dir = indexDir("", e)
	}
	if dir != "" && len(opts.Paths) == 0 {
		s, err := fromSnapshot(ctx, dir, opts.Input, wopts, e)
		return s, dir, err
	}
	cleanup := func() {}
	if dir == "" {
		tmp, err := os.MkdirTemp("", "redtape-serve-")
		if err != nil {
			return nil, "", err
		}
		cleanup = func() { os.RemoveAll(tmp) }
		dir = tmp + string(os.PathSeparator) + "index"
		fmt.Fprintf(e.stderr, "redtape: no index or paths given: serving the demo corpus (redtape serve --index DIR or redtape serve PATHS for your own records)\n")
	} else if err := checkInput(ctx, opts.Paths, opts.Input); err != nil {
		return nil, "", err
	}
	f, err := flagsFunc(e)
	if err != nil {
		cleanup()
		return nil, "", err
	}
	var procs []*corpus.Procedure
	src := indexSource(opts.Paths, opts.Input)
	walk := src.Walk
	// The walk of the update yields every record, changed or not: keep
	// them for the procedure pages and the reports.
	src.Walk = func(ctx context.Context, fn func(*corpus.Procedure) error) (*corpus.Summary, error) {
		return walk(ctx, func(p *corpus.Procedure) error {
			procs = append(procs, p)
			return fn(p)
		})
	}
	// So does the reading again of the files of an earlier index outside
	// PATHS, which a rebuild keeps.
	if read := src.Read; read != nil {
		src.Read = func(ctx context.Context, files []string, fn func(*corpus.Procedure) error) (*corpus.Summary, error) {
			return read(ctx, files, func(p *corpus.Procedure) error {
				procs = append(procs, p)
				return fn(p)
			})
		}
	}
	st, err := index.Update(ctx, dir, src, index.UpdateOptions{Now: e.now, Flags: f})
	if err != nil {
		cleanup()
		return nil, "", fmt.Errorf("index %s: %w", dir, err)
	}
	reportReadErrors(e, st.Summary)
	procs, dups := corpus.Dedupe(procs)
	reportDuplicates(e, dups)
	if len(opts.Paths) == 0 {
		s, err := newServed(ctx, dir, procs, wopts, cleanup)
		return s, "", err
	}
	if err := requireProcedures("input", opts.Paths, st.Read, st.Summary); err != nil {
		return nil, "", err
	}
	fmt.Fprintf(e.stderr, "redtape: index %s: %d procedures read, %d added, %d updated, %d unchanged, %d removed\n",
		dir, st.Read, st.Added, st.Updated, st.Unchanged, st.Deleted)
	snap, remove, err := web.Snapshot(dir, snapshotWait)
	if err != nil {
		return nil, "", fmt.Errorf("index %s: %w", dir, err)
	}
	s, err := newServed(ctx, snap, procs, wopts, remove)
	return s, dir, err
}
