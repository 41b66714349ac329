package main

import (
	"context"
	"fmt"

	"github.com/urfave/cli/v2"

	"github.com/redtape-vn/redtape/corpus"
	"github.com/redtape-vn/redtape/internal/i18n"
	"github.com/redtape-vn/redtape/reports/records"
)

// statsOptions are the options of the stats command.
type statsOptions struct {
	// Paths are the files and directories to read; none means the demo corpus.
	Paths []string
	// Format is "text" or "json".
	Format string
	// Lang is the language of the text output, "vi" or "en"; the JSON
	// is the same in both.
	Lang string
	// Input controls how records are read.
	Input corpus.Options
}

func statsCommand(e *env) *cli.Command {
	return &cli.Command{
		Name:      "stats",
		Usage:     "count procedures, papers, fees and times found, and fields missing, by ministry",
		ArgsUsage: "[PATHS...]",
		Description: "Reads procedure records like show and counts, in total and by ministry: procedures,\n" +
			"papers (and those with counts of originals/copies read), procedures with a fee amount\n" +
			"and with a processing time read (and with one stated at all), legal references (and\n" +
			"those with a document number) and, per field, how many procedures do not state it.\n" +
			"--format json prints the same as a redtape.stats/v1 document. --lang sets the language\n" +
			"of the text output (vi, the default, or en); JSON is the same in both. With no PATHS,\n" +
			"the built-in demo corpus is counted.",
		Flags: append([]cli.Flag{
			&cli.StringFlag{Name: "format", Aliases: []string{"f"}, Value: "text", Usage: "output format: text or json"},
			&cli.StringFlag{Name: "lang", Value: "vi", Usage: "language of the text output: vi or en (JSON is the same in both)"},
		}, inputFlags()...),
		Action: func(c *cli.Context) error {
			return runStats(c.Context, statsOptions{Paths: c.Args().Slice(), Format: c.String("format"), Lang: c.String("lang"), Input: inputOptions(c)}, e)
		},
	}
}

// runStats reads the procedures of opts.Paths and prints their counts.
func runStats(ctx context.Context, opts statsOptions, e *env) error {
	if opts.Format != "text" && opts.Format != "json" {
		return usageErrorf("stats: unknown --format %q (want text or json)", opts.Format)
	}
	lang, err := i18n.ParseLang(opts.Lang)
	if err != nil {
		return usageErrorf("stats: %v", err)
	}
	counter := records.NewCounter()
	n := 0
	sum, err := streamInput[struct{}](ctx, e, opts.Paths, opts.Input, nil, func(p *corpus.Procedure, _ struct{}) error {
		counter.Add(p)
		n++
		return nil
	})
	if err != nil {
		return err
	}
	showSkipped(e, sum)
	if err := requireProcedures("input", opts.Paths, n, sum); err != nil {
		return err
	}
	rep := counter.Stats(sum)
	if opts.Format == "json" {
		err = records.WriteStatsJSON(e.stdout, rep)
	} else {
		err = records.WriteStats(e.stdout, rep, lang)
	}
	if err != nil {
		return fmt.Errorf("stats: %w", err)
	}
	return inputResult(sum)
}
