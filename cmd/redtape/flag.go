package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"

	"github.com/urfave/cli/v2"

	"github.com/redtape-vn/redtape/analyzer/assess"
	"github.com/redtape-vn/redtape/analyzer/flags"
	"github.com/redtape-vn/redtape/corpus"
	"github.com/redtape-vn/redtape/internal/i18n"
	"github.com/redtape-vn/redtape/reports/flagreport"
)

// flagOptions are the options of the flag command.
type flagOptions struct {
	// Paths are the files and directories to read; none means the demo corpus.
	Paths []string
	// Catalog is a catalog file extending (or, with "replace: true",
	// replacing) the built-in one; empty for none.
	Catalog string
	// AsOf is the day whose catalog entries apply, YYYY-MM-DD; empty for today.
	AsOf string
	// Decisions is a decisions file extending (or replacing) the built-in
	// list; empty for none.
	Decisions string
	// Format is "table", "json" or "markdown".
	Format string
	// OnlyFlagged keeps only flagged papers and the procedures that have one.
	OnlyFlagged bool
	// Lang is the language of the table and Markdown, "vi" or "en"; the
	// JSON is the same in both.
	Lang string
	// Input controls how records are read.
	Input corpus.Options
}

func flagCommand(e *env) *cli.Command {
	return &cli.Command{
		Name:      "flag",
		Usage:     "flag required papers the state already holds as data, with database and legal basis",
		ArgsUsage: "[PATHS...]",
		Description: "Matches every required paper of the procedures under PATHS (the demo corpus when none)\n" +
			"against the catalog of digitised data and prints, per procedure and paper, whether it is\n" +
			"flagged, the catalog entry, the database that holds the data, the legal basis and the\n" +
			"coverage, then a summary by ministry, sector and database. See docs/flags.md.",
		Flags: append([]cli.Flag{
			&cli.StringFlag{Name: "catalog", Usage: "catalog `FILE` extending the built-in catalog (\"replace: true\" replaces it)"},
			&cli.StringFlag{Name: "as-of", Usage: "use the catalog entries in force on `DATE` (YYYY-MM-DD; default today)"},
			decisionsFlag(),
			&cli.StringFlag{Name: "format", Aliases: []string{"f"}, Value: "table", Usage: "output format: table, json, markdown"},
			&cli.BoolFlag{Name: "only-flagged", Usage: "print only flagged papers and the procedures that have one"},
			&cli.StringFlag{Name: "lang", Value: "vi", Usage: "language of the table and Markdown: vi or en (JSON is the same in both)"},
		}, inputFlags()...),
		Action: func(c *cli.Context) error {
			return runFlag(c.Context, flagOptions{
				Paths: c.Args().Slice(), Catalog: c.String("catalog"), AsOf: c.String("as-of"), Decisions: c.String("decisions"),
				Format: c.String("format"), OnlyFlagged: c.Bool("only-flagged"), Lang: c.String("lang"), Input: inputOptions(c),
			}, e)
		},
	}
}

func runFlag(ctx context.Context, opts flagOptions, e *env) error {
	switch opts.Format {
	case "table", "json", "markdown":
	default:
		return usageErrorf("--format %q: want table, json or markdown", opts.Format)
	}
	lang, err := i18n.ParseLang(opts.Lang)
	if err != nil {
		return usageErrorf("flag: %v", err)
	}
	cat, day, err := loadCatalog(opts.Catalog, opts.AsOf, e)
	if err != nil {
		return err
	}
	list, err := loadDecisions(opts.Decisions)
	if err != nil {
		return err
	}
	// The report is written as procedures are flagged, but held until
	// the input is known to be worth a report (requireProcedures).
	out := holdOutput(e.stdout, e.stderr)
	defer out.Close()
	var spool *heldOutput
	if opts.Format == "markdown" {
		spool = holdOutput(nil, nil)
		defer spool.Close()
	}
	st, err := flagreport.NewStream(out, opts.Format, flagreport.Report{Schema: flagreport.Schema, AsOf: day.Format("2006-01-02"), Catalog: cat.Files}, opts.OnlyFlagged, spool, lang)
	if err != nil {
		return err
	}
	var totals flags.Summarizer
	judge := assess.NewDecisionJudge(list, nil)
	n := 0
	m := flags.NewMatcher(cat)
	// Workers flag each record and render its part of the report; the
	// totals and the writing follow in input order.
	work := func(p *corpus.Procedure) (flagged, error) {
		r := m.Procedure(p)
		x, err := st.Render(r)
		return flagged{r, x}, err
	}
	sum, err := streamInput(ctx, e, opts.Paths, opts.Input, work, func(p *corpus.Procedure, f flagged) error {
		n++
		totals.Add(f.res)
		judge.Add(p, f.res)
		if err := st.AddRendered(f.out); err != nil {
			return fmt.Errorf("write flags: %w", err)
		}
		return nil
	})
	if err != nil {
		return out.drop(err)
	}
	if err := requireProcedures("input", opts.Paths, n, sum); err != nil {
		return out.drop(err)
	}
	if err := st.Close(totals.Summary(), judge.Summary()); err != nil {
		return out.drop(fmt.Errorf("write flags: %w", err))
	}
	if err := out.Commit(); err != nil {
		return fmt.Errorf("write flags: %w", err)
	}
	return inputResult(sum)
}

// flagged is a procedure's verdicts and its part of the report.
type flagged struct {
	res flags.ProcedureResult
	out flagreport.Rendered
}

// heldMemory is how much output a heldOutput keeps in memory before it
// moves it to a temporary file.
const heldMemory = 4 << 20

// heldOutput is output written as it is produced and sent on only once
// the command knows it stands (Commit), or dropped (Discard): a command
// that may still refuse its input prints nothing then, as when it built
// its output whole. Output to a regular file or the null device is
// written in place (and a regular file cut back on Discard); other output
// is kept in memory up to heldMemory, then in a temporary file, so memory
// stays bounded whatever its size. With no destination it is a spool for
// flagreport.Stream.
type heldOutput struct {
	dest   io.Writer
	direct *os.File // written in place; start is its offset before
	start  int64
	mem    bytes.Buffer
	spill  *os.File
	err    error
}

// holdOutput holds the output for w (nil for a spool). stderr is where
// the command writes its messages: when it is the file w is, output is
// not written in place, lest cutting it back cut them.
func holdOutput(w, stderr io.Writer) *heldOutput {
	h := &heldOutput{dest: w}
	if f, ok := w.(*os.File); ok {
		if fi, err := f.Stat(); err == nil {
			if null, err := os.Stat(os.DevNull); err == nil && os.SameFile(fi, null) {
				h.direct = f
			} else if fi.Mode().IsRegular() && !sameFile(fi, stderr) {
				// Only at the end of the file (not appending to one, whose
				// offset is still 0): cutting back restores it.
				if off, err := f.Seek(0, io.SeekCurrent); err == nil && off == fi.Size() {
					h.direct, h.start = f, off
				}
			}
		}
	}
	return h
}

// Write holds p.
func (h *heldOutput) Write(p []byte) (int, error) {
	switch {
	case h.err != nil:
		return 0, h.err
	case h.direct != nil:
		return h.direct.Write(p)
	case h.spill == nil && h.mem.Len()+len(p) <= heldMemory:
		return h.mem.Write(p)
	case h.spill == nil:
		f, err := os.CreateTemp("", "redtape-output-*")
		if err != nil {
			h.err = fmt.Errorf("hold output: %w", err)
			return 0, h.err
		}
		h.spill = f
		if _, err := h.mem.WriteTo(f); err != nil {
			h.err = fmt.Errorf("hold output: %w", err)
			return 0, h.err
		}
	}
	n, err := h.spill.Write(p)
	if err != nil {
		h.err = fmt.Errorf("hold output: %w", err)
	}
	return n, h.err
}

// Replay writes what is held to w.
func (h *heldOutput) Replay(w io.Writer) error {
	if h.err != nil {
		return h.err
	}
	if h.spill == nil {
		_, err := w.Write(h.mem.Bytes())
		return err
	}
	if _, err := h.spill.Seek(0, io.SeekStart); err != nil {
		return fmt.Errorf("hold output: %w", err)
	}
	_, err := io.Copy(w, h.spill)
	return err
}

// Commit sends what is held on to the destination.
func (h *heldOutput) Commit() error {
	if h.direct != nil {
		return h.err
	}
	return h.Replay(h.dest)
}

// Discard drops what is held: output written in place to a regular file
// is cut back to where it started.
func (h *heldOutput) Discard() error {
	h.mem.Reset()
	if h.direct == nil {
		return nil
	}
	fi, err := h.direct.Stat()
	if err != nil || !fi.Mode().IsRegular() {
		return nil
	}
	if err := h.direct.Truncate(h.start); err != nil {
		return fmt.Errorf("drop output: %w", err)
	}
	if _, err := h.direct.Seek(h.start, io.SeekStart); err != nil {
		return fmt.Errorf("drop output: %w", err)
	}
	return nil
}

// drop discards the output of a command ending with err, and returns err
// (with the discard's own error, if any).
func (h *heldOutput) drop(err error) error {
	if derr := h.Discard(); derr != nil {
		return errors.Join(err, derr)
	}
	return err
}

// sameFile reports whether w is an open file that is fi.
func sameFile(fi os.FileInfo, w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	gi, err := f.Stat()
	return err == nil && os.SameFile(fi, gi)
}

// Close removes the temporary file, if any.
func (h *heldOutput) Close() {
	if h.spill != nil {
		h.spill.Close()
		os.Remove(h.spill.Name())
		h.spill = nil
	}
}
