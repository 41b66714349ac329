package main

import (
	"context"
	"fmt"

	"github.com/urfave/cli/v2"

	"github.com/redtape-vn/redtape/analyzer/assess"
	"github.com/redtape-vn/redtape/analyzer/flags"
	"github.com/redtape-vn/redtape/corpus"
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
		}, inputFlags()...),
		Action: func(c *cli.Context) error {
			return runFlag(c.Context, flagOptions{
				Paths: c.Args().Slice(), Catalog: c.String("catalog"), AsOf: c.String("as-of"), Decisions: c.String("decisions"),
				Format: c.String("format"), OnlyFlagged: c.Bool("only-flagged"), Input: inputOptions(c),
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
	cat, day, err := loadCatalog(opts.Catalog, opts.AsOf, e)
	if err != nil {
		return err
	}
	list, err := loadDecisions(opts.Decisions)
	if err != nil {
		return err
	}
	procs, sum, err := loadInput(ctx, e, opts.Paths, opts.Input)
	if err != nil {
		return err
	}
	if err := requireProcedures("input", opts.Paths, len(procs), sum); err != nil {
		return err
	}
	results, err := flags.NewMatcher(cat).Procedures(ctx, procs)
	if err != nil {
		return err
	}
	rep := flagreport.Report{Schema: flagreport.Schema, AsOf: day.Format("2006-01-02"), Catalog: cat.Files, Summary: flags.Summarize(results)}
	rep.Procedures = results
	rep.Decisions = assess.JudgeDecisions(list, procs, results, nil)
	if opts.OnlyFlagged {
		rep.Procedures = flagreport.OnlyFlagged(results)
	}
	switch opts.Format {
	case "json":
		err = flagreport.WriteJSON(e.stdout, rep)
	case "markdown":
		err = flagreport.WriteMarkdown(e.stdout, rep)
	default:
		err = flagreport.WriteTable(e.stdout, rep)
	}
	if err != nil {
		return fmt.Errorf("write flags: %w", err)
	}
	return inputResult(sum)
}
