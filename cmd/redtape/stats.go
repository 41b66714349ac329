package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"
	"text/tabwriter"
	"unicode/utf8"

	"github.com/urfave/cli/v2"

	"github.com/redtape-vn/redtape/corpus"
)

// statsSchema names the version of the JSON that stats prints.
const statsSchema = "redtape.stats/v1"

// statsUnknownMinistry is the group of procedures that name no ministry.
const statsUnknownMinistry = "(ministry not stated)"

// statsOptions are the options of the stats command.
type statsOptions struct {
	// Paths are the files and directories to read; none means the demo corpus.
	Paths []string
	// Format is "text" or "json".
	Format string
	// Input controls how records are read.
	Input corpus.Options
}

// statsCounts are the counts of one group of procedures. Each "Missing"
// count is the number of procedures that do not state that field.
type statsCounts struct {
	Procedures int `json:"procedures"`
	Papers     int `json:"papers"`
	// PapersCounted are papers whose number of originals or copies was read.
	PapersCounted int `json:"papers_counted"`
	// WithFees are procedures with at least one fee whose amount was read;
	// WithFeeText those stating a fee at all, read or not.
	WithFees    int `json:"with_fees"`
	WithFeeText int `json:"with_fee_text"`
	// WithTime are procedures with a processing time whose value was read;
	// WithTimeText those stating a time at all.
	WithTime     int `json:"with_time"`
	WithTimeText int `json:"with_time_text"`
	// LegalRefs are legal-basis entries, LegalNumbered those with a document number.
	LegalRefs     int            `json:"legal_refs"`
	LegalNumbered int            `json:"legal_numbered"`
	Missing       map[string]int `json:"missing"`
}

// statsFields are the fields whose absence stats counts, in print order.
var statsFields = []struct {
	name    string
	missing func(p *corpus.Procedure) bool
}{
	{"code", func(p *corpus.Procedure) bool { return p.Code == "" }},
	{"name", func(p *corpus.Procedure) bool { return p.Name == "" }},
	{"ministry", func(p *corpus.Procedure) bool { return p.Ministry == "" }},
	{"sector", func(p *corpus.Procedure) bool { return p.Sector == "" }},
	{"levels", func(p *corpus.Procedure) bool { return len(p.Levels) == 0 }},
	{"agencies", func(p *corpus.Procedure) bool { return len(p.Agencies) == 0 && len(p.Authority) == 0 }},
	{"channels", func(p *corpus.Procedure) bool { return len(p.Channels) == 0 }},
	{"papers", func(p *corpus.Procedure) bool { return len(p.Papers) == 0 }},
	{"time", func(p *corpus.Procedure) bool { return p.ProcessingTime() == nil }},
	{"fees", func(p *corpus.Procedure) bool { return len(p.Fees()) == 0 }},
	{"legal_basis", func(p *corpus.Procedure) bool { return len(p.LegalBasis) == 0 }},
	{"steps", func(p *corpus.Procedure) bool { return len(p.Steps) == 0 }},
	{"results", func(p *corpus.Procedure) bool { return len(p.Results) == 0 }},
	{"annual_volume", func(p *corpus.Procedure) bool { return p.AnnualVolume == nil }},
}

func (c *statsCounts) add(p *corpus.Procedure) {
	if c.Missing == nil {
		c.Missing = map[string]int{}
	}
	c.Procedures++
	c.Papers += len(p.Papers)
	for _, pp := range p.Papers {
		if pp.Originals != nil || pp.Copies != nil {
			c.PapersCounted++
		}
	}
	fees := p.Fees()
	if len(fees) > 0 {
		c.WithFeeText++
		for _, f := range fees {
			if f.Amount != nil {
				c.WithFees++
				break
			}
		}
	}
	if t := p.ProcessingTime(); t != nil {
		c.WithTimeText++
		if t.Unit != "" {
			c.WithTime++
		}
	}
	c.LegalRefs += len(p.LegalBasis)
	for _, l := range p.LegalBasis {
		if l.Number != "" {
			c.LegalNumbered++
		}
	}
	for _, f := range statsFields {
		if f.missing(p) {
			c.Missing[f.name]++
		} else if _, ok := c.Missing[f.name]; !ok {
			c.Missing[f.name] = 0
		}
	}
}

// statsMinistry is the counts of one ministry.
type statsMinistry struct {
	Ministry string `json:"ministry"`
	statsCounts
}

// statsReport is what stats prints: totals, counts by ministry (sorted by
// name) and the read summary.
type statsReport struct {
	Schema     string          `json:"schema"`
	Total      statsCounts     `json:"total"`
	Ministries []statsMinistry `json:"ministries"`
	Files      int             `json:"files"`
	ReadErrors int             `json:"read_errors"`
	Skipped    int             `json:"skipped_files"`
}

func buildStats(procs []*corpus.Procedure, sum *corpus.Summary) *statsReport {
	rep := &statsReport{Schema: statsSchema, Ministries: []statsMinistry{}}
	rep.Total.Missing = map[string]int{}
	for _, f := range statsFields {
		rep.Total.Missing[f.name] = 0
	}
	byName := map[string]*statsCounts{}
	for _, p := range procs {
		m := strings.TrimSpace(p.Ministry)
		if m == "" {
			m = statsUnknownMinistry
		}
		c := byName[m]
		if c == nil {
			c = &statsCounts{}
			byName[m] = c
		}
		c.add(p)
		rep.Total.add(p)
	}
	var names []string
	for n := range byName {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		rep.Ministries = append(rep.Ministries, statsMinistry{Ministry: n, statsCounts: *byName[n]})
	}
	if sum != nil {
		rep.Files, rep.ReadErrors, rep.Skipped = sum.Files, len(sum.Errors), len(sum.Skipped)
	}
	return rep
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
			"--format json prints the same as a redtape.stats/v1 document. With no PATHS, the\n" +
			"built-in demo corpus is counted.",
		Flags: append([]cli.Flag{
			&cli.StringFlag{Name: "format", Aliases: []string{"f"}, Value: "text", Usage: "output format: text or json"},
		}, inputFlags()...),
		Action: func(c *cli.Context) error {
			return runStats(c.Context, statsOptions{Paths: c.Args().Slice(), Format: c.String("format"), Input: inputOptions(c)}, e)
		},
	}
}

// runStats reads the procedures of opts.Paths and prints their counts.
func runStats(ctx context.Context, opts statsOptions, e *env) error {
	if opts.Format != "text" && opts.Format != "json" {
		return usageErrorf("stats: unknown --format %q (want text or json)", opts.Format)
	}
	procs, sum, err := loadInput(ctx, e, opts.Paths, opts.Input)
	if err != nil {
		return err
	}
	showSkipped(e, sum)
	if err := requireProcedures("input", opts.Paths, len(procs), sum); err != nil {
		return err
	}
	rep := buildStats(procs, sum)
	if opts.Format == "json" {
		enc := json.NewEncoder(e.stdout)
		enc.SetIndent("", "  ")
		enc.SetEscapeHTML(false)
		err = enc.Encode(rep)
	} else {
		err = writeStatsText(e.stdout, rep)
	}
	if err != nil {
		return fmt.Errorf("stats: %w", err)
	}
	return inputResult(sum)
}

// writeStatsText prints the counts as two aligned tables, what was found and
// what is missing, each with a row per ministry and a total, then the read
// summary. The ministry column is aligned left, the counts right.
func writeStatsText(w io.Writer, rep *statsReport) error {
	rows := append([]statsMinistry(nil), rep.Ministries...)
	rows = append(rows, statsMinistry{Ministry: "Total", statsCounts: rep.Total})
	width := len("ministry")
	for _, r := range rows {
		width = max(width, utf8.RuneCountInString(r.Ministry))
	}
	// fmt pads by runes, as tabwriter counts them: NFC names line up.
	name := func(s string) string { return fmt.Sprintf("%-*s", width, s) }

	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "Found, by ministry:")
	fmt.Fprintln(tw, name("ministry")+"\tprocedures\tpapers\tcounted\tfee amount\tfee stated\ttime read\ttime stated\tlegal refs\tnumbered\t")
	for _, r := range rows {
		fmt.Fprintf(tw, "%s\t%d\t%d\t%d\t%d\t%d\t%d\t%d\t%d\t%d\t\n", name(r.Ministry), r.Procedures, r.Papers, r.PapersCounted,
			r.WithFees, r.WithFeeText, r.WithTime, r.WithTimeText, r.LegalRefs, r.LegalNumbered)
	}
	fmt.Fprintln(tw)
	fmt.Fprintln(tw, "Procedures not stating each field, by ministry:")
	head := name("ministry")
	for _, f := range statsFields {
		head += "\t" + f.name
	}
	fmt.Fprintln(tw, head+"\t")
	for _, r := range rows {
		line := name(r.Ministry)
		for _, f := range statsFields {
			line += "\t" + strconv.Itoa(r.Missing[f.name])
		}
		fmt.Fprintln(tw, line+"\t")
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	_, err := fmt.Fprintf(w, "\n%s\n", readSummary(rep.Total.Procedures, rep.Files, rep.ReadErrors, rep.Skipped))
	return err
}

// readSummary is the closing line of show and stats: how many procedures
// were read from how many files, how many files or records could not be
// read and how many files were skipped on purpose (both listed on stderr).
func readSummary(procedures, files, failed, skipped int) string {
	s := countOf(procedures, "procedure", "procedures") + " from " + countOf(files, "file", "files")
	if failed > 0 {
		s += "; " + countOf(failed, "file or record", "files or records") + " could not be read"
	}
	if skipped > 0 {
		s += "; " + countOf(skipped, "file", "files") + " skipped"
	}
	if failed > 0 || skipped > 0 {
		s += " (see stderr)"
	}
	return s
}

// countOf writes n and the noun in the number n takes.
func countOf(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return strconv.Itoa(n) + " " + many
}
