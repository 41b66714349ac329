package main

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"

	"github.com/urfave/cli/v2"

	"github.com/redtape-vn/redtape/analyzer/assess"
	"github.com/redtape-vn/redtape/analyzer/check"
	"github.com/redtape-vn/redtape/analyzer/cost"
	"github.com/redtape-vn/redtape/analyzer/flags"
	"github.com/redtape-vn/redtape/corpus"
	"github.com/redtape-vn/redtape/internal/i18n"
	"github.com/redtape-vn/redtape/reports/findings"
)

// checkOptions are the options of the check command.
type checkOptions struct {
	// Paths are the drafts: files, or directories searched for .md, .html
	// and .txt files. With Diff set and no paths, the changed drafts.
	Paths []string
	// Format is the output format: text, json, sarif, github or markdown.
	Format string
	// FailOn is the lowest severity that fails the run; empty takes the
	// config's fail-on, else "error".
	FailOn string
	// Config is the configuration file; empty looks for .redtape.yaml from
	// the working directory up to the repository root.
	Config string
	// NoConfig skips looking for a configuration file.
	NoConfig bool
	// Diff keeps only findings on lines a change adds: a git revision to
	// diff the working tree against, or "-" for a unified diff on stdin.
	Diff string
	// Corpus lists the current procedures for the cost rule.
	Corpus []string
	// Catalog is a catalog file extending the built-in one.
	Catalog string
	// Decisions is a decisions file extending (or replacing) the built-in
	// list of the Government's decisions, for RT009.
	Decisions string
	// DraftFormat forces the draft reader: markdown, html or text.
	DraftFormat string
	// Metrics shows metric findings in text and Markdown output.
	Metrics bool
	// Output writes the report to this file instead of stdout.
	Output string
	// ListRules prints the rules with their configured severity and stops.
	ListRules bool
	// Lang is the language of the text, Markdown and GitHub outputs, "vi"
	// or "en"; empty takes the config's lang, else "vi". JSON and SARIF
	// are the same in both.
	Lang string
	// Input controls how corpus records are read.
	Input corpus.Options
}

func checkCommand(e *env) *cli.Command {
	return &cli.Command{
		Name:      "check",
		Usage:     "lint draft regulations (Markdown, HTML, text) like code, for CI",
		ArgsUsage: "[DRAFTS...]",
		Description: "Reads drafts and reports, with file:line:column, a paper the state already holds as data\n" +
			"(RT001), open-ended requirements (RT002), certified copies (RT003), new procedures,\n" +
			"conditions and papers (RT004-RT006), requirement words per article (RT007) and the\n" +
			"compliance-cost increase of an amended procedure (RT008, needs --corpus).\n" +
			"Configuration: .redtape.yaml; inline: <!-- redtape-disable RT002 --> ... <!-- redtape-enable RT002 -->.\n" +
			"Exit codes: 0 nothing at or above --fail-on, 1 findings at or above it (also when some\n" +
			"input could not be read), 2 usage or configuration error (also: no drafts under DRAFTS, a\n" +
			"--diff - that is empty or not a diff, a diff of drafts not found), 3 some input could not\n" +
			"be read. Piped diff paths are read from the git top level; SARIF and github output name\n" +
			"files from the repository root. Text, markdown and github output are in Vietnamese unless\n" +
			"--lang en; json and sarif are the same in both. See docs/check.md.",
		Flags: append([]cli.Flag{
			&cli.StringFlag{Name: "format", Aliases: []string{"f"}, Value: "text", Usage: "output format: " + strings.Join(findings.Formats(), ", ")},
			&cli.StringFlag{Name: "fail-on", Usage: "lowest severity that fails the run: error, warning or info (default: config, else error)"},
			&cli.StringFlag{Name: "config", Usage: "configuration `FILE` (default: .redtape.yaml found upward from the working directory)"},
			&cli.BoolFlag{Name: "no-config", Usage: "do not look for .redtape.yaml"},
			&cli.StringFlag{Name: "diff", Usage: "report only lines added since git revision `BASE`, or by the unified diff on stdin with -"},
			&cli.StringSliceFlag{Name: "corpus", Usage: "file or directory of the current procedures, for the cost rule (repeatable)"},
			&cli.StringFlag{Name: "catalog", Usage: "catalog `FILE` of digitised data extending the built-in one"},
			decisionsFlag(),
			&cli.StringFlag{Name: "draft-format", Value: "auto", Usage: "draft reader: auto, markdown, html or text"},
			&cli.BoolFlag{Name: "metrics", Usage: "show metric findings (requirement words per article) in text and markdown output"},
			&cli.StringFlag{Name: "output", Aliases: []string{"o"}, Usage: "write the report to `FILE` instead of standard output"},
			&cli.BoolFlag{Name: "list-rules", Usage: "list the rules (id, name, severity as configured, summary) and exit"},
			&cli.StringFlag{Name: "lang", Usage: "language of the text, markdown and github output: vi or en (default: config, else vi; json and sarif are the same in both)"},
		}, inputFlags()...),
		Action: func(c *cli.Context) error {
			return runCheck(c.Context, checkOptions{
				Paths: c.Args().Slice(), Format: c.String("format"), FailOn: c.String("fail-on"),
				Config: c.String("config"), NoConfig: c.Bool("no-config"), Diff: c.String("diff"),
				Corpus: c.StringSlice("corpus"), Catalog: c.String("catalog"), Decisions: c.String("decisions"), DraftFormat: c.String("draft-format"),
				Metrics: c.Bool("metrics"), Output: c.String("output"), ListRules: c.Bool("list-rules"), Lang: c.String("lang"), Input: inputOptions(c),
			}, e)
		},
	}
}

// runCheck checks the drafts, writes the report and returns errFindings
// when findings reach the failure level.
func runCheck(ctx context.Context, opts checkOptions, e *env) error {
	if !slices.Contains(findings.Formats(), opts.Format) {
		return usageErrorf("--format: unknown format %q (known: %s)", opts.Format, strings.Join(findings.Formats(), ", "))
	}
	draftFormat, err := check.ParseFormat(opts.DraftFormat)
	if err != nil {
		return usageErrorf("--draft-format: %v", err)
	}
	cfg, err := check.OpenConfig(opts.Config, !opts.NoConfig)
	if err != nil {
		return usageErrorf("%v", err)
	}
	failOn, err := check.ParseFailOn(opts.FailOn, cfg.FailOn)
	if err != nil {
		return usageErrorf("--fail-on: %v", err)
	}
	lang, err := i18n.ParseLang(cmp.Or(opts.Lang, cfg.Lang))
	if err != nil {
		return usageErrorf("--lang: %v", err)
	}
	rules, err := check.Rules()
	if err != nil {
		return err
	}
	var infos []findings.RuleInfo
	for _, r := range rules {
		infos = append(infos, findings.RuleInfo{Rule: r, Severity: cfg.Severity(r)})
	}
	if opts.ListRules {
		return findings.WriteRules(e.stdout, infos)
	}
	m, err := checkMatcher(opts, cfg, e)
	if err != nil {
		return err
	}
	list, err := loadDecisions(opts.Decisions)
	if err != nil {
		return err
	}
	popts := check.PathsOptions{Paths: opts.Paths, Diff: opts.Diff, Stdin: e.stdin,
		Options: check.Options{Config: cfg, Matcher: check.CatalogMatcher(m), Format: draftFormat, Coster: check.CostModel(cost.New(nil)),
			Decisions: list}}
	corpusPaths := opts.Corpus
	if len(corpusPaths) == 0 {
		for _, p := range cfg.Corpus {
			corpusPaths = append(corpusPaths, cfg.Resolve(p))
		}
	}
	sum := &corpus.Summary{}
	if len(corpusPaths) > 0 {
		procs, csum, err := loadInput(ctx, e, corpusPaths, opts.Input)
		if err != nil {
			return err
		}
		popts.Corpus = procs
		if csum != nil {
			sum.Errors = csum.Errors
		}
	}
	run, err := check.CheckPaths(ctx, popts)
	if errors.Is(err, check.ErrUsage) || errors.Is(err, check.ErrDirective) {
		return usageErrorf("%v", err)
	}
	if err != nil {
		return err
	}
	rep := &findings.Report{Run: *run, Rules: infos, Tool: "redtape", Version: toolVersion(), ShowMetrics: opts.Metrics, FailOn: failOn, Lang: lang,
		Color: opts.Format == "text" && opts.Output == "" && isTerminal(e.stdout) && e.getenv("NO_COLOR") == ""}
	// The corpus files that could not be read come first, as they were met
	// first; the drafts are listed on stderr here.
	var unreadable []findings.Unreadable
	for _, re := range sum.Errors {
		unreadable = append(unreadable, findings.Unreadable{File: re.File, Error: re.Error()})
	}
	for _, u := range run.Unreadable {
		fmt.Fprintf(e.stderr, "redtape: %s\n", u.Error)
		sum.Errors = append(sum.Errors, &corpus.ReadError{File: u.File, Err: errors.New(u.Error)})
	}
	rep.Unreadable = append(unreadable, run.Unreadable...)
	if err := writeCheckReport(opts, e, rep); err != nil {
		return err
	}
	return checkResult(e, check.AtOrAbove(rep.Findings(), failOn), sum)
}

// checkMatcher loads the catalog of digitised data: the built-in catalog
// extended by --catalog, else by the config's catalog, validated, legal
// bases in force on e.now. A bad catalog is a usage error naming where it
// was set: the flag, or the configuration file.
func checkMatcher(opts checkOptions, cfg *check.Config, e *env) (*flags.Matcher, error) {
	path, where := opts.Catalog, "--catalog"
	if path == "" && cfg.Catalog != "" {
		path, where = cfg.Resolve(cfg.Catalog), "config: catalog"
		if cfg.Path != "" {
			where = cfg.Path + ": catalog"
		}
	}
	cat, err := assess.Catalog(path, e.now())
	if err != nil {
		return nil, usageErrorf("%s: %v", where, err)
	}
	return flags.NewMatcher(cat), nil
}

// checkResult is the error runCheck ends with. Findings at or above
// --fail-on win over unreadable inputs (exit 1, not 3): exitCode tests
// errFindings first, so both are joined and the unreadable inputs, already
// listed on stderr and in the report, are summed up on stderr here.
func checkResult(e *env, failed bool, sum *corpus.Summary) error {
	inputErr := inputResult(sum)
	switch {
	case failed && inputErr != nil:
		fmt.Fprintf(e.stderr, "redtape: %v\n", inputErr)
		return errors.Join(errFindings, inputErr)
	case failed:
		return errFindings
	}
	return inputErr
}

// writeCheckReport writes the report to stdout or to opts.Output.
func writeCheckReport(opts checkOptions, e *env, rep *findings.Report) error {
	if opts.Output == "" {
		if err := findings.Write(e.stdout, opts.Format, rep); err != nil {
			return fmt.Errorf("write report: %w", err)
		}
		return nil
	}
	f, err := os.Create(opts.Output)
	if err != nil {
		return fmt.Errorf("--output: %w", err)
	}
	if err := findings.Write(f, opts.Format, rep); err != nil {
		f.Close()
		return fmt.Errorf("write report: %w", err)
	}
	return f.Close()
}

// isTerminal reports whether w is a terminal.
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	st, err := f.Stat()
	return err == nil && st.Mode()&os.ModeCharDevice != 0
}

// toolVersion is the version reported in machine output.
func toolVersion() string { return "0.1.0" }
