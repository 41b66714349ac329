package main

import (
	"context"
	"fmt"
	"strings"

	"github.com/urfave/cli/v2"

	"github.com/redtape-vn/redtape/corpus"
	"github.com/redtape-vn/redtape/internal/i18n"
	"github.com/redtape-vn/redtape/reports/records"
)

// showOptions are the options of the show command.
type showOptions struct {
	// Paths are the files and directories to read; none means the demo corpus.
	Paths []string
	// Format is "text", "json", "jsonl" or "csv".
	Format string
	// Lang is the language of the text format, "vi" or "en"; the other
	// formats are the same in both.
	Lang string
	// Input controls how records are read.
	Input corpus.Options
}

// showFormats lists the output formats of show.
var showFormats = records.Formats

func showCommand(e *env) *cli.Command {
	return &cli.Command{
		Name:      "show",
		Usage:     "print the procedures read from PATHS",
		ArgsUsage: "[PATHS...]",
		Description: "Reads procedure records (portal crawl JSON, Word-export and national-export JSON, portal\n" +
			"HTML, Markdown, redtape JSON/JSONL, CSV; see docs/record-format.md) and prints what was\n" +
			"read: code, name, ministry, sector, levels, channels with time and fees, papers with\n" +
			"counts and flags, legal basis. --format json prints the documented record schema\n" +
			"(redtape.procedure/v1), which every reader reads back; jsonl and csv convert.\n" +
			"--lang sets the language of the text format (vi, the default, or en).\n" +
			"Read errors go to stderr with file and line; exit code 3 when some input failed.\n" +
			"With no PATHS, the built-in demo corpus is shown.",
		Flags: append([]cli.Flag{
			&cli.StringFlag{Name: "format", Aliases: []string{"f"}, Value: "text", Usage: "output format: " + strings.Join(showFormats, ", ")},
			&cli.StringFlag{Name: "lang", Value: "vi", Usage: "language of the text format: vi or en (json, jsonl and csv are the same in both)"},
		}, inputFlags()...),
		Action: func(c *cli.Context) error {
			return runShow(c.Context, showOptions{Paths: c.Args().Slice(), Format: c.String("format"), Lang: c.String("lang"), Input: inputOptions(c)}, e)
		},
	}
}

// runShow reads the procedures of opts.Paths and prints them in opts.Format.
func runShow(ctx context.Context, opts showOptions, e *env) error {
	if !showHasName(showFormats, opts.Format) {
		return usageErrorf("show: unknown --format %q (want one of %s)", opts.Format, strings.Join(showFormats, ", "))
	}
	lang, err := i18n.ParseLang(opts.Lang)
	if err != nil {
		return usageErrorf("show: %v", err)
	}
	w, err := records.NewWriter(e.stdout, opts.Format, lang)
	if err != nil {
		return usageErrorf("show: %v", err)
	}
	// Procedures are rendered on every core and written in order as they
	// are read; what could not be read is told on stderr once the walk is
	// done. Written to a terminal, they take the screen the progress bar
	// would be drawn on.
	if e.stdoutTerminal {
		opts.Input.Progress = noProgress
	}
	sum, err := streamInput(ctx, e, opts.Paths, opts.Input, w.Render, func(_ *corpus.Procedure, r records.Rendered) error {
		if err := w.AddRendered(r); err != nil {
			return fmt.Errorf("show: %w", err)
		}
		return nil
	})
	if err != nil {
		return err
	}
	showSkipped(e, sum)
	if err := w.Close(sum); err != nil {
		return fmt.Errorf("show: %w", err)
	}
	return inputResult(sum)
}

// showSkipped tells on stderr which files were knowingly not read as
// records, and why.
func showSkipped(e *env, sum *corpus.Summary) {
	if sum == nil {
		return
	}
	for _, s := range sum.Skipped {
		fmt.Fprintf(e.stderr, "redtape: skipped %s: %s\n", s.File, s.Reason)
	}
}

func showHasName(names []string, s string) bool {
	for _, n := range names {
		if n == s {
			return true
		}
	}
	return false
}
