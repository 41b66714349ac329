// Package records prints what was read from procedure records for people:
// every field of each record (the show command) and the counts of what was
// found and what is missing, by ministry (the stats command, whose JSON
// is the schema redtape.stats/v1). What a record does not state is printed
// as "not stated", never as zero.
package records

import (
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"strings"
	"text/tabwriter"
	"unicode/utf8"

	"github.com/redtape-vn/redtape/corpus"
	"github.com/redtape-vn/redtape/internal/i18n"
	"github.com/redtape-vn/redtape/reports/textfmt"
)

// StatsSchema names the version of the JSON that stats prints.
const StatsSchema = "redtape.stats/v1"

// unknownMinistry is the group of procedures that name no ministry.
const unknownMinistry = "(ministry not stated)"

// WriteText prints procedures for people, one block each, and a
// closing count.
func WriteText(w io.Writer, procs []*corpus.Procedure, sum *corpus.Summary) error {
	x, err := NewWriter(w, "text")
	if err != nil {
		return err
	}
	for _, p := range procs {
		if err := x.Add(p); err != nil {
			return err
		}
	}
	return x.Close(sum)
}

// writeProcedure prints one procedure. What the record does not state
// is printed as "not stated", never as zero.
func writeProcedure(w *textfmt.Writer, p *corpus.Procedure) {
	code := p.Code
	if code == "" {
		code = "(no code)"
	}
	w.Printf("%s  %s\n", code, showOrNotStated(p.Name))
	field := func(label, value string) { w.Printf("  %-13s %s\n", label+":", value) }
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
		w.Printf("  Channels:\n")
		for _, c := range p.Channels {
			w.Printf("    - %s: time %s; %s\n", showChannel(c), showDuration(c.Time), showFees(c.Fees))
		}
	}
	if len(p.Papers) == 0 {
		field("Papers", "not stated")
	} else {
		w.Printf("  Papers (%d):\n", len(p.Papers))
		lastCase := ""
		for i, pp := range p.Papers {
			if pp.Case != lastCase && pp.Case != "" {
				w.Printf("    [%s]\n", pp.Case)
			}
			lastCase = pp.Case
			w.Printf("    %2d. %s\n", i+1, textfmt.OneLine(pp.Text))
			if d := showPaperDetails(pp); d != "" {
				w.Printf("        %s\n", d)
			}
			for _, alt := range pp.Alternatives {
				w.Printf("        or: %s\n", textfmt.OneLine(alt))
			}
		}
	}
	if len(p.LegalBasis) == 0 {
		field("Legal basis", "not stated")
	} else {
		w.Printf("  Legal basis:\n")
		for _, l := range p.LegalBasis {
			w.Printf("    - %s\n", showLegal(l))
		}
	}
	if len(p.Conditions) > 0 {
		field("Conditions", strconv.Itoa(len(p.Conditions)))
	}
	w.Printf("  %-13s %s\n", "Source:", showSource(p.Source))
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

// Counts are the counts of one group of procedures. Each "Missing"
// count is the number of procedures that do not state that field.
type Counts struct {
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

// fields are the fields whose absence stats counts, in print order.
var fields = []struct {
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

func (c *Counts) add(p *corpus.Procedure) {
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
	for _, f := range fields {
		if f.missing(p) {
			c.Missing[f.name]++
		} else if _, ok := c.Missing[f.name]; !ok {
			c.Missing[f.name] = 0
		}
	}
}

// Ministry is the counts of one ministry.
type Ministry struct {
	Ministry string `json:"ministry"`
	Counts
}

// Stats is what stats prints: totals, counts by ministry (sorted by
// name) and the read summary.
type Stats struct {
	Schema     string     `json:"schema"`
	Total      Counts     `json:"total"`
	Ministries []Ministry `json:"ministries"`
	Files      int        `json:"files"`
	ReadErrors int        `json:"read_errors"`
	Skipped    int        `json:"skipped_files"`
}

// Count counts procs, in total and by ministry, with the read summary
// sum (which may be nil).
func Count(procs []*corpus.Procedure, sum *corpus.Summary) *Stats {
	c := NewCounter()
	for _, p := range procs {
		c.Add(p)
	}
	return c.Stats(sum)
}

// WriteStats prints the counts as two aligned tables, what was found and
// what is missing, each with a row per ministry and a total, then the read
// summary, in language l (empty is Vietnamese): headings, column headers,
// field labels and the closing line from text.yaml, counts in the
// language's convention. The ministry column is aligned left, the counts
// right. Ministry names are printed as the records state them.
func WriteStats(w io.Writer, rep *Stats, l i18n.Lang) error {
	t, err := loadTexts(l)
	if err != nil {
		return err
	}
	w = textfmt.TerminalWriter{W: w}
	rows := make([]Ministry, 0, len(rep.Ministries)+1)
	for _, m := range rep.Ministries {
		if m.Ministry == unknownMinistry {
			m.Ministry = t.Get("no_ministry")
		}
		rows = append(rows, m)
	}
	rows = append(rows, Ministry{Ministry: t.Get("total"), Counts: rep.Total})
	head := t.Get("col_ministry")
	width := utf8.RuneCountInString(head)
	for _, r := range rows {
		width = max(width, utf8.RuneCountInString(r.Ministry))
	}
	// fmt pads by runes, as tabwriter counts them: NFC names line up.
	name := func(s string) string { return fmt.Sprintf("%-*s", width, s) }
	line := func(first string, cells []string) string {
		return name(first) + "\t" + strings.Join(cells, "\t") + "\t"
	}

	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, t.Get("found_title"))
	var cols []string
	for _, k := range []string{"col_procedures", "col_papers", "col_counted", "col_fee_amount", "col_fee_stated",
		"col_time_read", "col_time_stated", "col_legal_refs", "col_numbered"} {
		cols = append(cols, t.Get(k))
	}
	fmt.Fprintln(tw, line(head, cols))
	for _, r := range rows {
		cells := []string{}
		for _, n := range []int{r.Procedures, r.Papers, r.PapersCounted, r.WithFees, r.WithFeeText,
			r.WithTime, r.WithTimeText, r.LegalRefs, r.LegalNumbered} {
			cells = append(cells, t.count(n))
		}
		fmt.Fprintln(tw, line(r.Ministry, cells))
	}
	fmt.Fprintln(tw)
	fmt.Fprintln(tw, t.Get("missing_title"))
	cols = cols[:0]
	for _, f := range fields {
		cols = append(cols, t.Get("field_"+f.name))
	}
	fmt.Fprintln(tw, line(head, cols))
	for _, r := range rows {
		cells := []string{}
		for _, f := range fields {
			cells = append(cells, t.count(r.Missing[f.name]))
		}
		fmt.Fprintln(tw, line(r.Ministry, cells))
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	_, err = fmt.Fprintf(w, "\n%s\n", t.readSummary(rep.Total.Procedures, rep.Files, rep.ReadErrors, rep.Skipped))
	return err
}

// ReadSummary is the closing line of show and stats, in English: how many
// procedures were read from how many files, how many files or records
// could not be read and how many files were skipped on purpose (both
// listed on stderr). [ReadSummaryIn] writes it in either language.
func ReadSummary(procedures, files, failed, skipped int) string {
	s, err := ReadSummaryIn(i18n.English, procedures, files, failed, skipped)
	if err != nil {
		// text.yaml is embedded, and its tests load it in both languages.
		panic(err)
	}
	return s
}

// WriteStatsJSON writes rep as indented JSON, HTML characters as they are.
func WriteStatsJSON(w io.Writer, rep *Stats) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(rep)
}
