package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/urfave/cli/v2"

	"github.com/redtape-vn/redtape/analyzer/assess"
	"github.com/redtape-vn/redtape/corpus"
	"github.com/redtape-vn/redtape/reports"
	"github.com/redtape-vn/redtape/reports/collect"
)

// reportOptions are the options of "redtape report".
type reportOptions struct {
	paths    []string // current corpus; none means the demo corpus
	baseline []string // baseline corpus; none means the current one
	input    corpus.Options
	ministry string
	sector   string
	lang     string
	html     bool
	output   string // file to write; empty means stdout
	assessArgs
	top   int
	title string
}

func reportCommand(e *env) *cli.Command {
	return &cli.Command{
		Name:      "report",
		Usage:     "write a reduction report (Markdown or HTML) for a ministry",
		ArgsUsage: "[PATHS...]",
		Description: "Writes a report on progress toward the regulation and compliance-cost targets: headline\n" +
			"bars, charts and tables by ministry and sector, papers the state already holds grouped by\n" +
			"database with the legal basis to cite, the largest opportunities, the procedures added since\n" +
			"the baseline, and an appendix with method, parameters, sources and assumptions.\n" +
			"PATHS are the current records (none: the built-in demo corpus). See docs/reports.md.",
		Flags: append(append(inputFlags(), assessFlags()...),
			&cli.StringSliceFlag{Name: "baseline", Usage: "baseline records (file or directory; repeat for several); default: the current records"},
			&cli.StringFlag{Name: "ministry", Usage: "only procedures of this ministry (ignores case and diacritics; a part of the name works)"},
			&cli.StringFlag{Name: "sector", Usage: "only procedures of this sector (lĩnh vực)"},
			&cli.StringFlag{Name: "lang", Value: "vi", Usage: "language of headings and prose: vi or en"},
			&cli.BoolFlag{Name: "html", Usage: "write one self-contained HTML file instead of Markdown"},
			&cli.StringFlag{Name: "output", Aliases: []string{"o"}, Usage: "write to `FILE` instead of stdout (a .html name implies --html)"},
			&cli.IntFlag{Name: "top", Value: 20, Usage: "rows of ranked tables before the rest is collapsed"},
			&cli.StringFlag{Name: "title", Usage: "report title instead of the default"},
		),
		Action: func(c *cli.Context) error {
			return runReport(c.Context, reportOptions{
				paths: c.Args().Slice(), baseline: c.StringSlice("baseline"), input: inputOptions(c),
				ministry: c.String("ministry"), sector: c.String("sector"), lang: c.String("lang"),
				html: c.Bool("html"), output: c.String("output"), assessArgs: readAssessArgs(c),
				top: c.Int("top"), title: c.String("title"),
			}, e)
		},
	}
}

// loadReportInputs reads the current records and, when given, the
// baseline's at the same time (reading is the longest part of a report);
// what each read prints to stderr is printed in that order, current first.
func loadReportInputs(ctx context.Context, e *env, opts reportOptions) (cur []*corpus.Procedure, curSum *corpus.Summary,
	base []*corpus.Procedure, baseSum *corpus.Summary, err error) {
	if len(opts.baseline) == 0 {
		cur, curSum, err = loadInput(ctx, e, opts.paths, opts.input)
		return cur, curSum, nil, nil, err
	}
	var baseErr error
	var baseLog bytes.Buffer
	done := make(chan struct{})
	go func() {
		defer close(done)
		be := *e
		be.stderr = &baseLog
		base, baseSum, baseErr = loadInput(ctx, &be, opts.baseline, opts.input)
	}()
	var curLog bytes.Buffer
	ce := *e
	ce.stderr = &curLog
	cur, curSum, err = loadInput(ctx, &ce, opts.paths, opts.input)
	<-done
	e.stderr.Write(curLog.Bytes())
	if err != nil {
		return nil, nil, nil, nil, err
	}
	e.stderr.Write(baseLog.Bytes())
	if baseErr != nil {
		return nil, nil, nil, nil, baseErr
	}
	return cur, curSum, base, baseSum, nil
}

// runReport writes the report of opts to opts.output or stdout.
func runReport(ctx context.Context, opts reportOptions, e *env) error {
	lang, err := reports.ParseLang(opts.lang)
	if err != nil {
		return usageErrorf("report: %v", err)
	}
	if opts.top < 1 {
		return usageErrorf("report: --top %d must be at least 1", opts.top)
	}
	ext := strings.ToLower(filepath.Ext(opts.output))
	switch ext {
	case "", ".md", ".markdown", ".html", ".htm", ".txt":
	default:
		return usageErrorf("report: --output %s: a report is Markdown (.md) or HTML (.html), not %s", opts.output, ext)
	}
	asHTML := opts.html || ext == ".html" || ext == ".htm"

	copts := collect.Options{Ministry: opts.ministry, Sector: opts.sector, Generated: e.now().UTC(), Title: opts.title}
	if copts.Assess, copts.AsOf, err = opts.assessArgs.options(e); err != nil {
		return err
	}

	ropts := reports.Options{Lang: lang, Top: opts.top}
	var (
		in           *reports.Input
		sum, baseSum *corpus.Summary
	)
	if len(opts.paths) == 0 {
		in, sum, baseSum, err = collectInMemory(ctx, e, opts, copts)
	} else {
		in, sum, baseSum, err = collectStreamed(ctx, e, opts, copts, ropts.Kept())
	}
	if err != nil {
		return err
	}
	var buf bytes.Buffer
	if asHTML {
		err = reports.WriteHTML(&buf, in, ropts)
	} else {
		err = reports.WriteMarkdown(&buf, in, ropts)
	}
	if err != nil {
		return fmt.Errorf("report: %w", err)
	}
	if opts.output == "" {
		if _, err := e.stdout.Write(buf.Bytes()); err != nil {
			return fmt.Errorf("report: %w", err)
		}
	} else {
		if err := os.WriteFile(opts.output, buf.Bytes(), 0o644); err != nil {
			return fmt.Errorf("report: %w", err)
		}
		fmt.Fprintf(e.stderr, "redtape: wrote %s (%d procedures)\n", opts.output, in.Total.Procedures.Current)
	}
	if err := inputResult(sum); err != nil {
		return err
	}
	return inputResult(baseSum)
}

// collectInMemory collects the report of the records loaded whole (the
// demo corpus, or a baseline of its own beside it).
func collectInMemory(ctx context.Context, e *env, opts reportOptions, copts collect.Options) (*reports.Input, *corpus.Summary, *corpus.Summary, error) {
	current, sum, base, baseSum, err := loadReportInputs(ctx, e, opts)
	if err != nil {
		return nil, nil, nil, err
	}
	if err := requireProcedures("current", opts.paths, len(current), sum); err != nil {
		return nil, nil, nil, err
	}
	copts.Corpus, copts.CurrentSummary = strings.Join(opts.paths, ", "), sum
	if len(opts.baseline) > 0 {
		if len(base) == 0 {
			base = []*corpus.Procedure{}
			warnEmptyBaseline(e, opts.baseline)
		}
		copts.Baseline, copts.BaselineLabel, copts.BaselineSummary = base, strings.Join(opts.baseline, ", "), baseSum
	}
	in, err := collect.Collect(ctx, current, copts)
	return in, sum, baseSum, reportError(err)
}

// collectStreamed collects the report of the records under opts.paths
// (and opts.baseline) read as a stream, holding neither corpus: each
// list keeps the kept entries a report shows (collect.CollectStream).
func collectStreamed(ctx context.Context, e *env, opts reportOptions, copts collect.Options, kept int) (*reports.Input, *corpus.Summary, *corpus.Summary, error) {
	defer limitMemory()()
	sum := &corpus.Summary{}
	var (
		baseSum *corpus.Summary
		readErr error // an error reading or checking the input, reported as it is
	)
	reader := func(paths []string, into *corpus.Summary) collect.Reader {
		return func(ctx context.Context, again bool, work func(int, *corpus.Procedure) (any, error), fn func(int, *corpus.Procedure, any) error) error {
			mode := readOnce
			if again {
				mode = readAgainAll
			}
			s, err := streamRecords(ctx, e, paths, opts.input, mode, work, fn)
			if !again && s != nil {
				*into = *s
			}
			if err != nil && readErr == nil {
				readErr = err
			}
			return err
		}
	}
	src := collect.Streamed{Current: reader(opts.paths, sum), Limit: kept}
	copts.Corpus, copts.CurrentSummary = strings.Join(opts.paths, ", "), sum
	if len(opts.baseline) > 0 {
		baseSum = &corpus.Summary{}
		src.Baseline = reader(opts.baseline, baseSum)
		copts.BaselineLabel, copts.BaselineSummary = strings.Join(opts.baseline, ", "), baseSum
	}
	src.Checked = func(current, baseline int) error {
		if err := requireProcedures("current", opts.paths, current, sum); err != nil {
			readErr = err
			return err
		}
		if baseline == 0 {
			warnEmptyBaseline(e, opts.baseline)
		}
		return nil
	}
	in, err := collect.CollectStream(ctx, src, copts)
	if readErr != nil {
		return nil, sum, baseSum, readErr
	}
	return in, sum, baseSum, reportError(err)
}

// warnEmptyBaseline warns that a baseline holds no procedure.
func warnEmptyBaseline(e *env, paths []string) {
	fmt.Fprintf(e.stderr, "redtape: warning: the baseline %s has no procedures: every current procedure counts as new and no cut can be measured\n",
		strings.Join(paths, ", "))
}

// reportError classifies an error of collecting a report.
func reportError(err error) error {
	switch {
	case err == nil:
		return nil
	case errors.Is(err, collect.ErrNoMatch) || errors.Is(err, assess.ErrEmptyScope):
		return usageErrorf("report: %v", err)
	default:
		return fmt.Errorf("report: %w", err)
	}
}
