// Package findings writes the findings of redtape check: text for people,
// JSON (schema "redtape.check/v1"), SARIF 2.1.0 for code scanning, GitHub
// workflow annotations and a Markdown summary for a pull-request comment.
// It formats what the checker computed and analyses nothing.
package findings

import (
	"fmt"
	"io"
	"sort"
	"strings"
	"text/tabwriter"

	"github.com/redtape-vn/redtape/analyzer/check"
	"github.com/redtape-vn/redtape/internal/i18n"
)

// DocsBase is the address rule documentation pages are published under;
// a rule's page is DocsBase + "RT001.md".
const DocsBase = "https://github.com/redtape-vn/redtape/blob/main/docs/rules/"

// Report is everything a writer needs: the run of the checker (files with
// their findings, notes, unreadable inputs, the root machine output names
// files from) and how it was configured. The Root of the run is the
// directory SARIF and GitHub annotations name files from: code scanning and
// annotations resolve paths against the repository root, so a run from a
// subdirectory must not name "a.md" for "drafts/a.md". Empty keeps the
// paths as given. Text, JSON and Markdown keep the paths as given.
type Report struct {
	check.Run
	// Tool and Version name the program.
	Tool, Version string
	// Rules are the registered rules with their configured severity.
	Rules []RuleInfo
	// FailOn is the severity at which the run fails.
	FailOn check.Severity
	// ShowMetrics prints metric findings in the text and Markdown outputs.
	ShowMetrics bool
	// Color enables ANSI colours in the text output.
	Color bool
	// Lang is the language of the prose of the text, Markdown and GitHub
	// outputs: the findings' messages and fixes, notes, summary and
	// headings. Empty means English, the language of these outputs before
	// they had one (the command's --lang defaults to Vietnamese). JSON and
	// SARIF are the same whatever Lang: English messages, stable keys.
	Lang i18n.Lang
}

// repoPath returns file as SARIF and GitHub annotations name it.
func (r *Report) repoPath(file string) string {
	if r.Root == "" {
		return file
	}
	return check.RootPath(r.Root, file)
}

// Unreadable is an input the run could not read.
type Unreadable = check.Unreadable

// RuleInfo is a rule as configured for the run.
type RuleInfo struct {
	*check.Rule
	// Severity is the configured severity (SeverityOff when disabled).
	Severity check.Severity
}

// Formats lists the output formats.
func Formats() []string { return []string{"text", "json", "sarif", "github", "markdown"} }

// Write writes r in format.
func Write(w io.Writer, format string, r *Report) error {
	switch format {
	case "text", "":
		return WriteText(w, r)
	case "json":
		return WriteJSON(w, r)
	case "sarif":
		return WriteSARIF(w, r)
	case "github":
		return WriteGitHub(w, r)
	case "markdown", "md":
		return WriteMarkdown(w, r)
	}
	return fmt.Errorf("unknown format %q (known: %s)", format, strings.Join(Formats(), ", "))
}

// Counts tallies findings by severity and by rule.
type Counts struct {
	BySeverity map[string]int `json:"by_severity"`
	ByRule     map[string]int `json:"by_rule"`
	// Findings counts the findings above metric level.
	Findings int `json:"findings"`
	// Metrics counts metric findings.
	Metrics int `json:"metrics"`
}

// Count tallies r's findings.
func (r *Report) Count() Counts {
	c := Counts{BySeverity: map[string]int{}, ByRule: map[string]int{}}
	for _, f := range r.Findings() {
		c.BySeverity[f.Severity.String()]++
		c.ByRule[f.Rule]++
		if f.Severity == check.SeverityMetric {
			c.Metrics++
		} else {
			c.Findings++
		}
	}
	return c
}

// totals sums the per-file counts.
func (r *Report) totals() check.Tally {
	var t check.Tally
	for _, f := range r.Files {
		t.Add(f.Tally)
	}
	return t
}

func (r *Report) rule(id string) *RuleInfo {
	for i := range r.Rules {
		if r.Rules[i].ID == id {
			return &r.Rules[i]
		}
	}
	return nil
}

// unreadableLine says how many inputs could not be read, or "" when all were.
func (r *Report) unreadableLine(t *i18n.Texts) string {
	if len(r.Unreadable) == 0 {
		return ""
	}
	return count(t, "n_unreadable", len(r.Unreadable))
}

// severityList returns severities from the most serious down.
func severityList() []check.Severity {
	return []check.Severity{check.SeverityError, check.SeverityWarning, check.SeverityInfo, check.SeverityMetric}
}

// summaryLine says how many findings there are in how many files, and of
// each severity: "3 findings in 2 files: 1 error, 1 warning, 1 info".
func (r *Report) summaryLine(t *i18n.Texts, c Counts) string {
	var parts []string
	for _, s := range []check.Severity{check.SeverityError, check.SeverityWarning, check.SeverityInfo} {
		parts = append(parts, count(t, "n_"+s.String(), c.BySeverity[s.String()]))
	}
	return t.Get("summary", count(t, "n_findings", c.Findings), count(t, "n_files", len(r.Files)), strings.Join(parts, ", "))
}

// sortedKeys returns the keys of m in order.
func sortedKeys(m map[string]int) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// WriteRules lists rules as configured, one a line: id, name, severity
// (the default in brackets when the configuration changes it), summary.
func WriteRules(w io.Writer, rules []RuleInfo) error {
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	for _, r := range rules {
		sev := r.Severity.String()
		if sev != r.Rule.Severity.String() {
			sev += " [" + r.Rule.Severity.String() + "]"
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\n", r.ID, r.Name, sev, r.Summary)
	}
	return tw.Flush()
}
