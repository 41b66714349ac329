package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"

	"github.com/urfave/cli/v2"

	"github.com/redtape-vn/redtape/analyzer/catalog"
	"github.com/redtape-vn/redtape/analyzer/flags"
	"github.com/redtape-vn/redtape/corpus"
	"github.com/redtape-vn/redtape/reports/textfmt"
)

// flagSchema names the version of the JSON that flag prints (docs/flags.md).
const flagSchema = "redtape.flags/v1"

// flagOptions are the options of the flag command.
type flagOptions struct {
	// Paths are the files and directories to read; none means the demo corpus.
	Paths []string
	// Catalog is a catalog file extending (or, with "replace: true",
	// replacing) the built-in one; empty for none.
	Catalog string
	// AsOf is the day whose catalog entries apply, YYYY-MM-DD; empty for today.
	AsOf string
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
			&cli.StringFlag{Name: "format", Aliases: []string{"f"}, Value: "table", Usage: "output format: table, json, markdown"},
			&cli.BoolFlag{Name: "only-flagged", Usage: "print only flagged papers and the procedures that have one"},
		}, inputFlags()...),
		Action: func(c *cli.Context) error {
			return runFlag(c.Context, flagOptions{
				Paths: c.Args().Slice(), Catalog: c.String("catalog"), AsOf: c.String("as-of"),
				Format: c.String("format"), OnlyFlagged: c.Bool("only-flagged"), Input: inputOptions(c),
			}, e)
		},
	}
}

// flagReport is the JSON document flag prints.
type flagReport struct {
	Schema     string                  `json:"schema"`
	AsOf       string                  `json:"as_of"`
	Catalog    []string                `json:"catalog"`
	Procedures []flags.ProcedureResult `json:"procedures"`
	Summary    flags.Summary           `json:"summary"`
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
	rep := flagReport{Schema: flagSchema, AsOf: day.Format("2006-01-02"), Catalog: cat.Files, Summary: flags.Summarize(results)}
	rep.Procedures = results
	if opts.OnlyFlagged {
		rep.Procedures = onlyFlagged(results)
	}
	switch opts.Format {
	case "json":
		enc := json.NewEncoder(e.stdout)
		enc.SetIndent("", "  ")
		err = enc.Encode(rep)
	case "markdown":
		err = writeFlagMarkdown(e.stdout, rep)
	default:
		err = writeFlagTable(e.stdout, rep)
	}
	if err != nil {
		return fmt.Errorf("write flags: %w", err)
	}
	return inputResult(sum)
}

func onlyFlagged(results []flags.ProcedureResult) []flags.ProcedureResult {
	var out []flags.ProcedureResult
	for _, r := range results {
		if r.Flagged == 0 {
			continue
		}
		var papers []flags.PaperResult
		for _, p := range r.Papers {
			if p.Flagged {
				papers = append(papers, p)
			}
		}
		r.Papers = papers
		out = append(out, r)
	}
	return out
}

// basisText cites the bases of a flagged paper in Vietnamese, most sure
// first as listed, each not of status law marked with its status.
func basisText(bases []catalog.Basis) string {
	var s []string
	for _, b := range bases {
		c := b.Citation(catalog.Vietnamese)
		if b.Status != catalog.Law {
			c += " [" + string(b.Status) + "]"
		}
		s = append(s, c)
	}
	return strings.Join(s, "; ")
}

// coverageText is a paper's coverage with whether the paper is asked for
// only if it exists or only in some case: "full, if any", "partial, in
// some cases".
func coverageText(cov catalog.Coverage, p flags.PaperResult) string {
	var s []string
	if cov != "" {
		s = append(s, string(cov))
	}
	if p.Optional {
		s = append(s, "if any")
	}
	if p.Conditional {
		s = append(s, "in some cases")
	}
	return strings.Join(s, ", ")
}

// alsoCovered returns the covered components of a flagged paper after the
// first, which the paper's own entry and database describe.
func alsoCovered(p flags.PaperResult) []flags.Component {
	var out []flags.Component
	first := true
	for _, c := range p.Components {
		if !c.Covered {
			continue
		}
		if !first {
			out = append(out, c)
		}
		first = false
	}
	return out
}

func writeFlagTable(w io.Writer, rep flagReport) error {
	var b strings.Builder
	for _, r := range rep.Procedures {
		fmt.Fprintf(&b, "%s  %s  (%d of %d papers flagged)\n", r.ID, textfmt.Clip(r.Name, 90), r.Flagged, len(r.Papers))
		for _, p := range r.Papers {
			mark := "    "
			switch p.Status {
			case flags.StatusReplaceable:
				mark = "  ✗ "
			case flags.StatusPartlyReplaceable:
				mark = "  ~ "
			case flags.StatusLookedUp:
				mark = "  ✓ "
			}
			fmt.Fprintf(&b, "%s%s\n", mark, textfmt.Clip(textfmt.OneLine(p.Text), 100))
			switch {
			case p.Flagged:
				fmt.Fprintf(&b, "      → %s, %s (%s); %s\n", p.Entry, orEnglish(p.DatabaseVi, p.Database), coverageText(p.Coverage, p), basisText(p.Basis))
				for _, c := range alsoCovered(p) {
					fmt.Fprintf(&b, "      + %s, %s (%s); %s\n", c.Entry, orEnglish(c.DatabaseVi, c.Database), c.Coverage, basisText(c.Basis))
				}
			case p.Status == flags.StatusPartlyReplaceable:
				fmt.Fprintf(&b, "      ~ partly replaceable: %s (%s); covered: %s; left: %s\n", p.Entry, orEnglish(p.DatabaseVi, p.Database),
					textfmt.Clip(strings.Join(p.Covered, "; "), 80), textfmt.Clip(strings.Join(p.Left, "; "), 100))
			default:
				fmt.Fprintf(&b, "      · %s: %s\n", p.Status, textfmt.Clip(p.Reason, 140))
			}
		}
		b.WriteByte('\n')
	}
	if _, err := io.WriteString(w, b.String()); err != nil {
		return err
	}
	s := rep.Summary
	fmt.Fprintf(w, "%d of %d papers flagged in %d of %d procedures (catalog as of %s)\n", s.PapersFlagged, s.Papers, s.Affected, s.Procedures, rep.AsOf)
	fmt.Fprintf(w, "by status: %s\n\n", statusLine(s.ByStatus))
	for _, part := range []struct {
		title  string
		groups []flags.Group
	}{{"ministry", s.ByMinistry}, {"sector", s.BySector}, {"database", s.ByDatabase}} {
		tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
		fmt.Fprintf(tw, "%s\tpapers flagged\tprocedures affected\n", strings.ToUpper(part.title))
		for _, g := range part.groups {
			fmt.Fprintf(tw, "%s\t%s\t%s\n", orUnknown(orEnglish(g.KeyVi, g.Key)), ofTotal(g.PapersFlagged, g.Papers, part.title), ofTotal(g.Affected, g.Procedures, part.title))
		}
		if err := tw.Flush(); err != nil {
			return err
		}
		fmt.Fprintln(w)
	}
	return nil
}

// statusLine counts the papers of each status met, in the order of
// flags.Statuses: "replaceable 3, partly-replaceable 1, ...".
func statusLine(by map[flags.Status]flags.StatusCount) string {
	var parts []string
	for _, st := range flags.Statuses {
		if c, ok := by[st]; ok {
			parts = append(parts, fmt.Sprintf("%s %d", st, c.Papers))
		}
	}
	if len(parts) == 0 {
		return "no papers"
	}
	return strings.Join(parts, ", ")
}

func writeFlagMarkdown(w io.Writer, rep flagReport) error {
	var b strings.Builder
	s := rep.Summary
	fmt.Fprintf(&b, "# Papers the state already holds as data\n\n%d of %d required papers flagged in %d of %d procedures (catalog as of %s). By status: %s.\n\n",
		s.PapersFlagged, s.Papers, s.Affected, s.Procedures, rep.AsOf, statusLine(s.ByStatus))
	for _, part := range []struct {
		title  string
		groups []flags.Group
	}{{"Ministry", s.ByMinistry}, {"Sector", s.BySector}, {"Database", s.ByDatabase}} {
		fmt.Fprintf(&b, "## By %s\n\n| %s | papers flagged | procedures affected |\n| --- | ---: | ---: |\n", strings.ToLower(part.title), part.title)
		for _, g := range part.groups {
			fmt.Fprintf(&b, "| %s | %s | %s |\n", textfmt.Markdown(orUnknown(orEnglish(g.KeyVi, g.Key))), ofTotal(g.PapersFlagged, g.Papers, part.title), ofTotal(g.Affected, g.Procedures, part.title))
		}
		b.WriteByte('\n')
	}
	b.WriteString("## Procedures\n\n")
	for _, r := range rep.Procedures {
		fmt.Fprintf(&b, "### %s %s\n\n| paper | flagged | entry | database | basis | coverage |\n| --- | --- | --- | --- | --- | --- |\n", textfmt.Markdown(r.ID), textfmt.Markdown(r.Name))
		for _, p := range r.Papers {
			yes := "no"
			if p.Flagged {
				yes = "yes"
			}
			entry := p.Entry
			for _, c := range alsoCovered(p) {
				entry += ", " + c.Entry
			}
			fmt.Fprintf(&b, "| %s | %s | %s | %s | %s | %s |\n", textfmt.Markdown(textfmt.Clip(textfmt.OneLine(p.Text), 160)), yes, entry, textfmt.Markdown(orEnglish(p.DatabaseVi, p.Database)), textfmt.Markdown(basisText(p.Basis)), coverageText(p.Coverage, p))
		}
		b.WriteByte('\n')
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// ofTotal prints "n of total"; a database group counts flagged papers
// only, so it prints n alone.
func ofTotal(n, total int, part string) string {
	if strings.EqualFold(part, "database") {
		return fmt.Sprint(n)
	}
	return fmt.Sprintf("%d of %d", n, total)
}

// orEnglish returns the Vietnamese name vi, or the English name en when
// the catalog gives no Vietnamese one.
func orEnglish(vi, en string) string {
	if vi != "" {
		return vi
	}
	return en
}

func orUnknown(s string) string {
	if s == "" {
		return "(unknown)"
	}
	return s
}
