package findings

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"github.com/redtape-vn/redtape/analyzer/check"
	"github.com/redtape-vn/redtape/internal/textfmt"
)

const (
	ansiReset  = "\x1b[0m"
	ansiBold   = "\x1b[1m"
	ansiRed    = "\x1b[31m"
	ansiYellow = "\x1b[33m"
	ansiCyan   = "\x1b[36m"
	ansiDim    = "\x1b[2m"
)

func colorOf(s check.Severity) string {
	switch s {
	case check.SeverityError:
		return ansiRed
	case check.SeverityWarning:
		return ansiYellow
	case check.SeverityInfo:
		return ansiCyan
	}
	return ansiDim
}

// WriteText writes one line per finding ("file:line:col: severity RULE
// name: message"), its suggested fix indented below, then a summary, in
// the report's language; the severity word and the rule stay as they are.
// Text from the drafts and their names is printed with control and bidi
// characters escaped (see [textfmt.Printable]).
func WriteText(w io.Writer, r *Report) error {
	tx, err := r.texts()
	if err != nil {
		return err
	}
	bw := bufio.NewWriter(w)
	paint := func(code, s string) string {
		if !r.Color {
			return s
		}
		return code + s + ansiReset
	}
	for _, f := range r.Findings() {
		if f.Severity == check.SeverityMetric && !r.ShowMetrics {
			continue
		}
		msg, fix := r.text(f)
		fmt.Fprintf(bw, "%s:%d:%d: %s %s %s: %s\n", printable(f.File), f.Line, f.Column,
			paint(colorOf(f.Severity), f.Severity.String()), paint(ansiBold, printable(f.Rule)), printable(f.Name), oneLine(msg))
		if fix != "" {
			fmt.Fprintln(bw, tx.Get("fix", oneLine(fix)))
		}
	}
	for _, u := range r.Unreadable {
		fmt.Fprintf(bw, "%s: %s\n", paint(ansiRed, tx.Get("unreadable")), oneLine(u.Error))
	}
	c := r.Count()
	t := r.totals()
	fmt.Fprint(bw, r.summaryLine(tx, c))
	if c.Metrics > 0 && !r.ShowMetrics {
		fmt.Fprint(bw, tx.Get("metrics_hidden", count(tx, "n_metric", c.Metrics)))
	}
	if t.Suppressed > 0 {
		fmt.Fprint(bw, tx.Get("suppressed", number(tx.Lang(), t.Suppressed)))
	}
	if u := r.unreadableLine(tx); u != "" {
		fmt.Fprintf(bw, "; %s", paint(ansiRed, u))
	}
	fmt.Fprintln(bw)
	fmt.Fprintln(bw, tx.Get("defined",
		count(tx, "n_procedures", t.Procedures), count(tx, "n_dossiers", t.Dossiers), count(tx, "n_papers", t.Papers),
		count(tx, "n_conditions", t.Conditions), count(tx, "n_requirement_words", t.RequirementWords)))
	for _, n := range r.notes() {
		fmt.Fprintln(bw, tx.Get("note", oneLine(n)))
	}
	return bw.Flush()
}

// jsonRule is a rule in the JSON output.
type jsonRule struct {
	ID       string   `json:"id"`
	Name     string   `json:"name"`
	Severity string   `json:"severity"`
	Default  string   `json:"default_severity"`
	Summary  string   `json:"summary"`
	HelpURI  string   `json:"help_uri"`
	Sources  []string `json:"sources"`
}

// jsonReport is the redtape.check/v1 document.
type jsonReport struct {
	Schema string `json:"schema"`
	Tool   struct {
		Name    string `json:"name"`
		Version string `json:"version"`
	} `json:"tool"`
	FailOn   string              `json:"fail_on"`
	Summary  jsonSummary         `json:"summary"`
	Files    []*check.FileResult `json:"files"`
	Findings []check.Finding     `json:"findings"`
	Rules    []jsonRule          `json:"rules"`
	Notes    []string            `json:"notes"`
	// Unreadable lists the inputs that could not be read (added in v1).
	Unreadable []Unreadable `json:"unreadable"`
}

type jsonSummary struct {
	Counts
	Files int `json:"files"`
	// Unreadable counts the inputs that could not be read (added in v1).
	Unreadable int `json:"unreadable"`
	check.Tally
}

// WriteJSON writes the redtape.check/v1 document: every finding (metrics
// included), per-file counts, the rules, notes and unreadable inputs.
func WriteJSON(w io.Writer, r *Report) error {
	var out jsonReport
	out.Schema = check.SchemaVersion
	out.Tool.Name, out.Tool.Version = r.Tool, r.Version
	out.FailOn = r.FailOn.String()
	out.Summary = jsonSummary{Counts: r.Count(), Files: len(r.Files), Unreadable: len(r.Unreadable), Tally: r.totals()}
	out.Files = r.Files
	if out.Files == nil {
		out.Files = []*check.FileResult{}
	}
	out.Findings = r.Findings()
	if out.Findings == nil {
		out.Findings = []check.Finding{}
	}
	for _, ri := range r.Rules {
		out.Rules = append(out.Rules, jsonRule{ID: ri.ID, Name: ri.Name, Severity: ri.Severity.String(),
			Default: ri.Rule.Severity.String(), Summary: ri.Summary, HelpURI: DocsBase + ri.ID + ".md", Sources: ri.Sources})
	}
	out.Notes = r.Notes
	if out.Notes == nil {
		out.Notes = []string{}
	}
	out.Unreadable = r.Unreadable
	if out.Unreadable == nil {
		out.Unreadable = []Unreadable{}
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(out)
}

// WriteGitHub writes GitHub Actions workflow commands, one annotation per
// finding above metric level (error, warning, notice), an error per input
// that could not be read, then a summary notice, their prose in the
// report's language.
func WriteGitHub(w io.Writer, r *Report) error {
	tx, err := r.texts()
	if err != nil {
		return err
	}
	bw := bufio.NewWriter(w)
	for _, f := range r.Findings() {
		cmd := ""
		switch f.Severity {
		case check.SeverityError:
			cmd = "error"
		case check.SeverityWarning:
			cmd = "warning"
		case check.SeverityInfo:
			cmd = "notice"
		default:
			continue
		}
		msg, fix := r.text(f)
		if fix != "" {
			msg += "\n" + tx.Get("gh_fix", fix)
		}
		fmt.Fprintf(bw, "::%s file=%s,line=%d,endLine=%d,col=%d,endColumn=%d,title=%s::%s\n", cmd,
			ghProperty(r.repoPath(f.File)), f.Line, f.EndLine, f.Column, f.EndColumn, ghProperty(f.Rule+" "+f.Name), ghData(msg))
	}
	for _, u := range r.Unreadable {
		fmt.Fprintf(bw, "::error file=%s,title=%s::%s\n", ghProperty(r.repoPath(u.File)), ghProperty(tx.Get("gh_unreadable")), ghData(u.Error))
	}
	summary := r.summaryLine(tx, r.Count())
	if u := r.unreadableLine(tx); u != "" {
		summary += "; " + u
	}
	fmt.Fprintf(bw, "::notice title=redtape check::%s\n", ghData(summary))
	return bw.Flush()
}

// ghData escapes the message of a workflow command: its line breaks are
// kept as the %0A GitHub reads back, every other control or bidi character
// is escaped (see [textfmt.Printable]).
func ghData(s string) string {
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		lines[i] = textfmt.Printable(l)
	}
	return strings.NewReplacer("%", "%25", "\n", "%0A").Replace(strings.Join(lines, "\n"))
}

// ghProperty escapes a property value of a workflow command (a file name,
// a title): control and bidi characters, newlines included, are escaped
// (see [textfmt.Printable]), then the characters that end a property.
func ghProperty(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C").Replace(textfmt.Printable(s))
}

// oneLine keeps a finding on its line, its control and bidi characters
// escaped.
func oneLine(s string) string { return textfmt.Printable(textfmt.OneLine(s)) }

// printable escapes the control and bidi characters of a name.
func printable(s string) string { return textfmt.Printable(s) }
