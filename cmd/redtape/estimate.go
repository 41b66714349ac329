package main

import (
	"context"
	"errors"
	"fmt"

	"github.com/urfave/cli/v2"

	"github.com/redtape-vn/redtape/analyzer/assess"
	"github.com/redtape-vn/redtape/analyzer/compare"
	"github.com/redtape-vn/redtape/corpus"
	"github.com/redtape-vn/redtape/internal/i18n"
	"github.com/redtape-vn/redtape/reports/estimate"
)

// estimateOptions are the options of the estimate command.
type estimateOptions struct {
	// Baseline and Current are the paths of the two sets of procedures;
	// both empty means the demo corpus against itself.
	Baseline []string
	Current  []string
	// assessArgs shape the assessment: target, parameters, catalog,
	// volumes, cost sheets, ministries, scope.
	assessArgs
	// Format is "text" or "json".
	Format string
	// Lang is the language of the text output, "vi" or "en"; the JSON
	// is the same in both.
	Lang string
	// Top is how many of the largest cuts to list, overall and per ministry.
	Top int
	// Input controls how records are read.
	Input corpus.Options
}

func estimateCommand(e *env) *cli.Command {
	return &cli.Command{
		Name:  "estimate",
		Usage: "estimate progress toward the regulation and compliance-cost reduction targets",
		Description: "Compares a baseline set of procedures with the current one: procedures abolished,\n" +
			"simplified, unchanged and new; the % cut of regulations (procedures + conditions, each\n" +
			"named) and of papers; the % cut of annual compliance cost by the Standard Cost Model;\n" +
			"the gap to the target; the largest cuts in total and per ministry. A second scenario,\n" +
			"\"flags applied\", removes every paper the state already holds as data.\n" +
			"With neither --baseline nor --current, the built-in demo corpus is the baseline and\n" +
			"the flags-applied scenario is shown against it. See docs/estimate.md.",
		Flags: append([]cli.Flag{
			&cli.StringSliceFlag{Name: "baseline", Aliases: []string{"b"}, Usage: "file or directory of baseline procedures (repeatable)"},
			&cli.StringSliceFlag{Name: "current", Aliases: []string{"c"}, Usage: "file or directory of current procedures (repeatable)"},
			&cli.StringFlag{Name: "format", Value: "text", Usage: "output format: text or json"},
			&cli.StringFlag{Name: "lang", Value: "vi", Usage: "language of the text output: vi or en (JSON is the same in both)"},
			&cli.IntFlag{Name: "top", Value: 10, Usage: "how many of the largest cuts to list, in total and per ministry"},
		}, append(assessFlags(), inputFlags()...)...),
		Action: func(c *cli.Context) error {
			if c.Args().Len() > 0 {
				return usageErrorf("estimate takes no arguments; use --baseline and --current")
			}
			return runEstimate(c.Context, estimateOptions{
				Baseline:   c.StringSlice("baseline"),
				Current:    c.StringSlice("current"),
				assessArgs: readAssessArgs(c),
				Format:     c.String("format"),
				Lang:       c.String("lang"),
				Top:        c.Int("top"),
				Input:      inputOptions(c),
			}, e)
		},
	}
}

// runEstimate compares the baseline with the current procedures and writes
// the estimate.
func runEstimate(ctx context.Context, opts estimateOptions, e *env) error {
	if opts.Format != "text" && opts.Format != "json" {
		return usageErrorf("--format must be text or json, not %q", opts.Format)
	}
	lang, err := i18n.ParseLang(opts.Lang)
	if err != nil {
		return usageErrorf("estimate: %v", err)
	}
	if opts.Top < 0 {
		return usageErrorf("--top must not be negative")
	}
	demo := len(opts.Baseline) == 0 && len(opts.Current) == 0
	if !demo && (len(opts.Baseline) == 0 || len(opts.Current) == 0) {
		return usageErrorf("give both --baseline and --current, or neither to use the demo corpus")
	}
	aopts, _, err := opts.assessArgs.options(e)
	if err != nil {
		return err
	}

	var (
		a       *assess.Assessment
		sums    []*corpus.Summary
		changes *estimate.ChangeFile // the changed procedures of a streamed JSON estimate
	)
	if demo {
		procs, sum, err := loadInput(ctx, e, nil, opts.Input)
		if err != nil {
			return err
		}
		sums = []*corpus.Summary{sum}
		if err := requireProcedures("baseline", opts.Baseline, len(procs), sum); err != nil {
			return err
		}
		a, err = assess.Run(ctx, procs, procs, aopts)
		if errors.Is(err, assess.ErrEmptyScope) {
			return usageErrorf("estimate: %v", err)
		}
		if err != nil {
			return fmt.Errorf("estimate: %w", err)
		}
	} else {
		// The JSON lists every procedure that changed, kept in a file as
		// they come; the text only the largest cuts.
		keep := compare.Keep{Top: opts.Top}
		if opts.Format == "json" {
			if changes, err = estimate.NewChangeFile(""); err != nil {
				return err
			}
			defer changes.Close()
			keep.OnChange = changes.Add
		}
		if a, sums, err = streamAssessment(ctx, e, opts, aopts, keep); err != nil {
			return err
		}
	}
	rep := estimate.Build(a, estimate.Options{Baseline: opts.Baseline, Current: opts.Current, Demo: demo, Top: opts.Top, Day: e.now(),
		Changes: changes})
	if opts.Format == "json" {
		err = estimate.WriteJSON(e.stdout, rep)
	} else {
		err = estimate.WriteText(e.stdout, rep, lang)
	}
	if err != nil {
		return fmt.Errorf("write estimate: %w", err)
	}
	return inputResult(mergeEstimateSummaries(sums))
}

// mergeEstimateSummaries adds up the read summaries of several loads.
func mergeEstimateSummaries(sums []*corpus.Summary) *corpus.Summary {
	out := &corpus.Summary{}
	for _, s := range sums {
		out.Merge(s)
	}
	return out
}
