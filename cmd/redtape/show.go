package main

import (
	"context"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/urfave/cli/v2"

	"github.com/redtape-vn/redtape/corpus"
	"github.com/redtape-vn/redtape/reports/textfmt"
)

// showOptions are the options of the show command.
type showOptions struct {
	// Paths are the files and directories to read; none means the demo corpus.
	Paths []string
	// Format is "text", "json", "jsonl" or "csv".
	Format string
	// Input controls how records are read.
	Input corpus.Options
}

// showFormats lists the output formats of show.
var showFormats = []string{"text", "json", "jsonl", "csv"}

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
			"Read errors go to stderr with file and line; exit code 3 when some input failed.\n" +
			"With no PATHS, the built-in demo corpus is shown.",
		Flags: append([]cli.Flag{
			&cli.StringFlag{Name: "format", Aliases: []string{"f"}, Value: "text", Usage: "output format: " + strings.Join(showFormats, ", ")},
		}, inputFlags()...),
		Action: func(c *cli.Context) error {
			return runShow(c.Context, showOptions{Paths: c.Args().Slice(), Format: c.String("format"), Input: inputOptions(c)}, e)
		},
	}
}

// runShow reads the procedures of opts.Paths and prints them in opts.Format.
func runShow(ctx context.Context, opts showOptions, e *env) error {
	if !showHasName(showFormats, opts.Format) {
		return usageErrorf("show: unknown --format %q (want one of %s)", opts.Format, strings.Join(showFormats, ", "))
	}
	procs, sum, err := loadInput(ctx, e, opts.Paths, opts.Input)
	if err != nil {
		return err
	}
	showSkipped(e, sum)
	switch opts.Format {
	case "json":
		err = corpus.WriteJSON(e.stdout, procs)
	case "jsonl":
		err = corpus.WriteJSONL(e.stdout, procs)
	case "csv":
		err = corpus.WriteCSV(e.stdout, procs)
	default:
		err = writeShowText(e.stdout, procs, sum)
	}
	if err != nil {
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

// writeShowText prints procedures for people, one block each, and a
// closing count.
func writeShowText(w io.Writer, procs []*corpus.Procedure, sum *corpus.Summary) error {
	ew := &showWriter{w: w}
	for i, p := range procs {
		if i > 0 {
			ew.printf("\n")
		}
		writeProcedureText(ew, p)
	}
	files, failed, skipped := 0, 0, 0
	if sum != nil {
		files, failed, skipped = sum.Files, len(sum.Errors), len(sum.Skipped)
	}
	if len(procs) > 0 {
		ew.printf("\n")
	}
	ew.printf("%s\n", readSummary(len(procs), files, failed, skipped))
	return ew.err
}

// writeProcedureText prints one procedure. What the record does not state
// is printed as "not stated", never as zero.
func writeProcedureText(w *showWriter, p *corpus.Procedure) {
	code := p.Code
	if code == "" {
		code = "(no code)"
	}
	w.printf("%s  %s\n", code, showOrNotStated(p.Name))
	field := func(label, value string) { w.printf("  %-13s %s\n", label+":", value) }
	field("Ministry", showOrNotStated(p.Ministry))
	field("Sector", showOrNotStated(p.Sector))
	field("Levels", showOrNotStated(strings.Join(p.Levels, ", ")))
	if p.Decision != "" {
		field("Decision", p.Decision)
	}
	if len(p.Agencies) > 0 {
		field("Agencies", strings.Join(p.Agencies, "; "))
	}
	if len(p.Subjects) > 0 {
		field("Subjects", strings.Join(p.Subjects, "; "))
	}
	if p.AnnualVolume != nil {
		field("Per year", showGroupDigits(*p.AnnualVolume)+" dossiers")
	}
	if len(p.Steps) > 0 {
		field("Steps", strconv.Itoa(len(p.Steps)))
	}
	if len(p.Channels) == 0 {
		field("Channels", "not stated")
	} else {
		w.printf("  Channels:\n")
		for _, c := range p.Channels {
			w.printf("    - %s: time %s; %s\n", showChannel(c), showDuration(c.Time), showFees(c.Fees))
		}
	}
	if len(p.Papers) == 0 {
		field("Papers", "not stated")
	} else {
		w.printf("  Papers (%d):\n", len(p.Papers))
		lastCase := ""
		for i, pp := range p.Papers {
			if pp.Case != lastCase && pp.Case != "" {
				w.printf("    [%s]\n", pp.Case)
			}
			lastCase = pp.Case
			w.printf("    %2d. %s\n", i+1, textfmt.OneLine(pp.Text))
			if d := showPaperDetails(pp); d != "" {
				w.printf("        %s\n", d)
			}
			for _, alt := range pp.Alternatives {
				w.printf("        or: %s\n", textfmt.OneLine(alt))
			}
		}
	}
	if len(p.LegalBasis) == 0 {
		field("Legal basis", "not stated")
	} else {
		w.printf("  Legal basis:\n")
		for _, l := range p.LegalBasis {
			w.printf("    - %s\n", showLegal(l))
		}
	}
	if len(p.Conditions) > 0 {
		field("Conditions", strconv.Itoa(len(p.Conditions)))
	}
	w.printf("  %-13s %s\n", "Source:", showSource(p.Source))
}

func showOrNotStated(s string) string {
	if strings.TrimSpace(s) == "" {
		return "not stated"
	}
	return s
}

func showChannel(c corpus.Channel) string {
	name := c.Text
	if name == "" {
		name = "any channel"
	}
	if c.Mode != "" && c.Mode != corpus.ModeOther {
		name += " (" + strings.ReplaceAll(string(c.Mode), "_", " ") + ")"
	}
	return name
}

// showDuration prints a processing time with its parsed value.
func showDuration(d *corpus.Duration) string {
	if d == nil {
		return "not stated"
	}
	if d.Unit == "" {
		return fmt.Sprintf("%q (not parsed)", textfmt.OneLine(d.Text))
	}
	unit := strings.ReplaceAll(string(d.Unit), "_", " ")
	if d.Value == 1 {
		unit = strings.TrimSuffix(unit, "s")
	}
	return fmt.Sprintf("%s %s", strconv.FormatFloat(d.Value, 'f', -1, 64), unit)
}

// showFees prints fees with their kind ("fee" phí, "charge" lệ phí; "fee"
// when not said) and amounts in đồng.
func showFees(fees []corpus.Fee) string {
	if len(fees) == 0 {
		return "fees not stated"
	}
	var parts []string
	for _, f := range fees {
		s := "fee "
		if f.Kind != "" {
			s = f.Kind + " "
		}
		if f.Amount != nil {
			s += showGroupDigits(*f.Amount) + " đ"
		} else {
			s += fmt.Sprintf("%q (amount not parsed)", textfmt.Clip(textfmt.OneLine(f.Text), 60))
		}
		parts = append(parts, s)
	}
	return strings.Join(parts, ", ")
}

// showGroupDigits writes n with dots between thousands, as Vietnamese amounts are written.
func showGroupDigits(n int64) string {
	s := strconv.FormatInt(n, 10)
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	var b strings.Builder
	for i, r := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte('.')
		}
		b.WriteRune(r)
	}
	if neg {
		return "-" + b.String()
	}
	return b.String()
}

// showPaperDetails prints what was parsed from a paper: counts, flags, forms.
func showPaperDetails(p corpus.Paper) string {
	var parts []string
	switch {
	case p.Originals != nil || p.Copies != nil:
		parts = append(parts, showCount(p.Originals, "original")+", "+showCount(p.Copies, "copy"))
	case p.Quantity != "":
		parts = append(parts, fmt.Sprintf("quantity %q", textfmt.OneLine(p.Quantity)))
	}
	if p.CertifiedCopy {
		parts = append(parts, "certified copy")
	}
	if p.Optional {
		parts = append(parts, "optional")
	}
	if p.Condition != "" {
		parts = append(parts, "if: "+textfmt.Clip(textfmt.OneLine(p.Condition), 80))
	}
	if len(p.Forms) > 0 {
		parts = append(parts, "form "+strings.Join(p.Forms, ", "))
	}
	return strings.Join(parts, "; ")
}

func showCount(n *int, what string) string {
	plural := what + "s"
	if what == "copy" {
		plural = "copies"
	}
	if n == nil {
		return plural + " not stated"
	}
	if *n == 1 {
		return "1 " + what
	}
	return strconv.Itoa(*n) + " " + plural
}

func showLegal(l corpus.LegalRef) string {
	var b strings.Builder
	switch {
	case l.Number != "" && l.Type != "":
		b.WriteString(l.Type + " " + l.Number)
	case l.Number != "":
		b.WriteString(l.Number)
	default:
		b.WriteString(textfmt.Clip(textfmt.OneLine(l.Text), 100) + " (no number found)")
	}
	if l.Title != "" && l.Number != "" && strings.TrimSpace(l.Title) != l.Type+" "+l.Number && strings.TrimSpace(l.Title) != l.Number {
		b.WriteString(": " + textfmt.Clip(textfmt.OneLine(l.Title), 80))
	}
	if l.Issued != "" {
		b.WriteString(", issued " + l.Issued)
	}
	if l.Effective != "" {
		b.WriteString(", in force " + l.Effective)
	}
	return b.String()
}

func showSource(s corpus.Source) string {
	out := s.File
	if s.Line > 0 {
		out += ":" + strconv.Itoa(s.Line)
	}
	if s.Record > 0 {
		out += fmt.Sprintf(" (record %d)", s.Record)
	}
	if s.Format != "" {
		out += " [" + s.Format + "]"
	}
	return out
}

// showWriter remembers the first write error so printing code stays flat.
type showWriter struct {
	w   io.Writer
	err error
}

func (w *showWriter) printf(format string, args ...any) {
	if w.err == nil {
		_, w.err = fmt.Fprintf(w.w, format, args...)
	}
}
