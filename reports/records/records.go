// Package records prints what was read from procedure records for people:
// every field of each record (the show command) and the counts of what was
// found and what is missing, by ministry (the stats command, whose JSON
// is the schema redtape.stats/v1). What a record does not state is printed
// as "not stated" (chưa nêu), never as zero. The text is in Vietnamese or
// English (text.yaml); the JSON is the same in both.
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
	"github.com/redtape-vn/redtape/internal/textfmt"
)

// StatsSchema names the version of the JSON that stats prints.
const StatsSchema = "redtape.stats/v1"

// unknownMinistry is the group of procedures that name no ministry.
const unknownMinistry = "(ministry not stated)"

// WriteText prints procedures for people, one block each, and a
// closing count, in language l (empty is Vietnamese).
func WriteText(w io.Writer, procs []*corpus.Procedure, sum *corpus.Summary, l i18n.Lang) error {
	x, err := NewWriter(w, "text", l)
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

// labelKeys are the labels of show's fields, whose longest sets the
// width of the label column.
var labelKeys = []string{"label_ministry", "label_sector", "label_levels", "label_decision", "label_agencies",
	"label_subjects", "label_per_year", "label_steps", "label_channels", "label_papers", "label_legal_basis",
	"label_conditions", "label_source"}

// labelWidth is the width of the label column: the longest label and its
// colon, and a space, 13 columns at least.
func (t texts) labelWidth() int {
	width := 13
	for _, k := range labelKeys {
		width = max(width, utf8.RuneCountInString(t.Get(k))+2)
	}
	return width
}

// writeProcedure prints one procedure. What the record does not state
// is printed as "not stated", never as zero.
func (t texts) writeProcedure(w *textfmt.Writer, p *corpus.Procedure) {
	code := p.Code
	if code == "" {
		code = t.Get("no_code")
	}
	w.Printf("%s  %s\n", code, t.orNotStated(p.Name))
	width := t.labelWidth()
	head := func(key string) { w.Printf("  %s:\n", t.Get(key)) }
	field := func(key, value string) { w.Printf("  %-*s %s\n", width, t.Get(key)+":", value) }
	field("label_ministry", t.orNotStated(p.Ministry))
	field("label_sector", t.orNotStated(p.Sector))
	field("label_levels", t.orNotStated(strings.Join(p.Levels, ", ")))
	if p.Decision != "" {
		field("label_decision", p.Decision)
	}
	if len(p.Agencies) > 0 {
		field("label_agencies", strings.Join(p.Agencies, "; "))
	}
	if len(p.Subjects) > 0 {
		field("label_subjects", strings.Join(p.Subjects, "; "))
	}
	if p.AnnualVolume != nil {
		field("label_per_year", t.Get("per_year", showGroupDigits(*p.AnnualVolume)))
	}
	if len(p.Steps) > 0 {
		field("label_steps", t.count(len(p.Steps)))
	}
	if len(p.Channels) == 0 {
		field("label_channels", t.Get("not_stated"))
	} else {
		head("label_channels")
		for _, c := range p.Channels {
			w.Printf("    - %s\n", t.Get("channel", t.channel(c), t.duration(c.Time), t.fees(c.Fees)))
		}
	}
	if len(p.Papers) == 0 {
		field("label_papers", t.Get("not_stated"))
	} else {
		w.Printf("  %s (%s):\n", t.Get("label_papers"), t.count(len(p.Papers)))
		lastCase := ""
		for i, pp := range p.Papers {
			if pp.Case != lastCase && pp.Case != "" {
				w.Printf("    [%s]\n", pp.Case)
			}
			lastCase = pp.Case
			w.Printf("    %2d. %s\n", i+1, textfmt.OneLine(pp.Text))
			if d := t.paperDetails(pp); d != "" {
				w.Printf("        %s\n", d)
			}
			for _, alt := range pp.Alternatives {
				w.Printf("        %s\n", t.Get("paper_or", textfmt.OneLine(alt)))
			}
		}
	}
	if len(p.LegalBasis) == 0 {
		field("label_legal_basis", t.Get("not_stated"))
	} else {
		head("label_legal_basis")
		for _, l := range p.LegalBasis {
			w.Printf("    - %s\n", t.legal(l))
		}
	}
	if len(p.Conditions) > 0 {
		field("label_conditions", t.count(len(p.Conditions)))
	}
	field("label_source", t.source(p.Source))
}

func (t texts) orNotStated(s string) string {
	if strings.TrimSpace(s) == "" {
		return t.Get("not_stated")
	}
	return s
}

func (t texts) channel(c corpus.Channel) string {
	name := c.Text
	if name == "" {
		name = t.Get("any_channel")
	}
	if c.Mode != "" && c.Mode != corpus.ModeOther {
		// "Trực tiếp (trực tiếp)" says nothing the channel does not.
		if mode := t.label("mode_"+string(c.Mode), strings.ReplaceAll(string(c.Mode), "_", " ")); !strings.EqualFold(mode, name) {
			name += " (" + mode + ")"
		}
	}
	return name
}

// label returns the text of key, or code when there is no such text (a
// code of a newer record format).
func (t texts) label(key, code string) string {
	if s := t.Get(key); !strings.HasPrefix(s, "[[") {
		return s
	}
	return code
}

// duration prints a processing time with its parsed value, a decimal
// comma in Vietnamese.
func (t texts) duration(d *corpus.Duration) string {
	if d == nil {
		return t.Get("not_stated")
	}
	if d.Unit == "" {
		return t.Get("duration_not_parsed", textfmt.OneLine(d.Text))
	}
	v := strconv.FormatFloat(d.Value, 'f', -1, 64)
	if t.Lang() != i18n.English {
		v = strings.Replace(v, ".", ",", 1)
	}
	n := int64(2)
	if d.Value == 1 {
		n = 1
	}
	if s := t.Count("unit_"+string(d.Unit), n, v); !strings.HasPrefix(s, "[[") {
		return s
	}
	unit := strings.ReplaceAll(string(d.Unit), "_", " ")
	if n == 1 {
		unit = strings.TrimSuffix(unit, "s")
	}
	return v + " " + unit
}

// fees prints fees with their kind ("fee" phí, "charge" lệ phí; "fee"
// when not said) and amounts in đồng.
func (t texts) fees(fees []corpus.Fee) string {
	if len(fees) == 0 {
		return t.Get("fees_not_stated")
	}
	var parts []string
	for _, f := range fees {
		kind := t.Get("fee_kind_fee")
		if f.Kind != "" {
			kind = t.label("fee_kind_"+f.Kind, f.Kind)
		}
		if f.Amount != nil {
			parts = append(parts, kind+" "+showGroupDigits(*f.Amount)+" đ")
		} else {
			parts = append(parts, t.Get("fee_not_parsed", kind, textfmt.Clip(textfmt.OneLine(f.Text), 60)))
		}
	}
	return strings.Join(parts, ", ")
}

// showGroupDigits writes n with dots between thousands, as Vietnamese amounts are written.
func showGroupDigits(n int64) string { return i18n.GroupDigits(n, ".") }

// paperDetails prints what was parsed from a paper: counts, flags, forms.
func (t texts) paperDetails(p corpus.Paper) string {
	var parts []string
	switch {
	case p.Originals != nil || p.Copies != nil:
		parts = append(parts, t.paperCount(p.Originals, "originals")+", "+t.paperCount(p.Copies, "copies"))
	case p.Quantity != "":
		parts = append(parts, t.Get("quantity", textfmt.OneLine(p.Quantity)))
	}
	if p.CertifiedCopy {
		parts = append(parts, t.Get("certified_copy"))
	}
	if p.Optional {
		parts = append(parts, t.Get("optional"))
	}
	if p.Condition != "" {
		parts = append(parts, t.Get("paper_if", textfmt.Clip(textfmt.OneLine(p.Condition), 80)))
	}
	if len(p.Forms) > 0 {
		parts = append(parts, t.Get("paper_form", strings.Join(p.Forms, ", ")))
	}
	return strings.Join(parts, "; ")
}

// paperCount prints a number of originals or copies (key "originals" or
// "copies").
func (t texts) paperCount(n *int, key string) string {
	if n == nil {
		return t.Get(key + "_not_stated")
	}
	return t.counted(key, *n)
}

func (t texts) legal(l corpus.LegalRef) string {
	var b strings.Builder
	switch {
	case l.Number != "" && l.Type != "":
		b.WriteString(l.Type + " " + l.Number)
	case l.Number != "":
		b.WriteString(l.Number)
	default:
		b.WriteString(t.Get("legal_no_number", textfmt.Clip(textfmt.OneLine(l.Text), 100)))
	}
	if l.Title != "" && l.Number != "" && strings.TrimSpace(l.Title) != l.Type+" "+l.Number && strings.TrimSpace(l.Title) != l.Number {
		b.WriteString(": " + textfmt.Clip(textfmt.OneLine(l.Title), 80))
	}
	if l.Issued != "" {
		b.WriteString(", " + t.Get("legal_issued", t.date(l.Issued)))
	}
	if l.Effective != "" {
		b.WriteString(", " + t.Get("legal_in_force", t.date(l.Effective)))
	}
	return b.String()
}

func (t texts) source(s corpus.Source) string {
	out := s.File
	if s.Line > 0 {
		out += ":" + strconv.Itoa(s.Line)
	}
	if s.Record > 0 {
		out += " (" + t.Get("source_record", s.Record) + ")"
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
