package findings

import (
	"bufio"
	"fmt"
	"io"
	"strings"

	"github.com/redtape-vn/redtape/analyzer/check"
	"github.com/redtape-vn/redtape/reports/textfmt"
)

// MarkdownRows caps the findings listed in the Markdown summary; a
// pull-request comment must stay readable.
const MarkdownRows = 50

var severityMark = map[check.Severity]string{
	check.SeverityError:   "🔴 error",
	check.SeverityWarning: "🟠 warning",
	check.SeverityInfo:    "🔵 info",
	check.SeverityMetric:  "metric",
}

// WriteMarkdown writes a summary for a pull-request comment: counts by
// severity and rule, the findings (errors first, at most [MarkdownRows]),
// what the drafts define, inputs that could not be read, and notes. A run
// with unreadable inputs and no failing finding is "incomplete", not passed.
func WriteMarkdown(w io.Writer, r *Report) error {
	bw := bufio.NewWriter(w)
	c := r.Count()
	status := "✅ passed"
	switch {
	case check.AtOrAbove(r.Findings(), r.FailOn):
		status = "❌ failed"
	case len(r.Unreadable) > 0:
		status = "⚠️ incomplete"
	}
	fmt.Fprintf(bw, "## redtape check: %s\n\n", status)
	fmt.Fprintf(bw, "%s in %s: %s (failing at %s and above)", plural(c.Findings, "finding", "findings"),
		plural(len(r.Files), "file", "files"), r.summaryLine(), r.FailOn)
	if u := r.unreadableLine(); u != "" {
		fmt.Fprintf(bw, "; **%s**", u)
	}
	fmt.Fprint(bw, ".\n\n")
	if len(r.Unreadable) > 0 {
		fmt.Fprintln(bw, "| could not read | why |")
		fmt.Fprintln(bw, "| --- | --- |")
		for _, u := range r.Unreadable {
			fmt.Fprintf(bw, "| `%s` | %s |\n", mdCode(u.File), mdCell(u.Error))
		}
		fmt.Fprintln(bw)
	}
	if c.Findings > 0 || (r.ShowMetrics && c.Metrics > 0) {
		fmt.Fprintln(bw, "| rule | severity | findings |")
		fmt.Fprintln(bw, "| --- | --- | ---: |")
		for _, id := range sortedKeys(c.ByRule) {
			ri := r.rule(id)
			if ri == nil || ri.Severity == check.SeverityMetric && !r.ShowMetrics {
				continue
			}
			fmt.Fprintf(bw, "| [%s %s](%s%s.md) | %s | %d |\n", ri.ID, ri.Name, DocsBase, ri.ID, ri.Severity, c.ByRule[id])
		}
		fmt.Fprintln(bw)
		fmt.Fprintln(bw, "| | where | rule | finding | suggested fix |")
		fmt.Fprintln(bw, "| --- | --- | --- | --- | --- |")
		rows := 0
		shown := 0
		all := r.Findings()
		for _, sev := range severityList() {
			if sev == check.SeverityMetric && !r.ShowMetrics {
				continue
			}
			for _, f := range all {
				if f.Severity != sev {
					continue
				}
				rows++
				if rows > MarkdownRows {
					continue
				}
				shown++
				fmt.Fprintf(bw, "| %s | `%s:%d:%d` | %s | %s | %s |\n", severityMark[f.Severity], mdCode(f.File), f.Line, f.Column,
					f.Rule, mdCell(f.Message), mdCell(f.Fix))
			}
		}
		if rows > shown {
			fmt.Fprintf(bw, "\n…and %d more; see the full report (`--format text` or the SARIF upload).\n", rows-shown)
		}
		fmt.Fprintln(bw)
	}
	t := r.totals()
	fmt.Fprintln(bw, "<details><summary>What the drafts define</summary>")
	fmt.Fprintln(bw)
	fmt.Fprintln(bw, "| file | articles | procedures | papers | conditions | requirement words |")
	fmt.Fprintln(bw, "| --- | ---: | ---: | ---: | ---: | ---: |")
	for _, f := range r.Files {
		fmt.Fprintf(bw, "| `%s` | %d | %d | %d | %d | %d |\n", mdCode(f.Path), f.Articles, f.Procedures, f.Papers, f.Conditions, f.RequirementWords)
	}
	fmt.Fprintf(bw, "| **total** | %d | %d | %d | %d | %d |\n", t.Articles, t.Procedures, t.Papers, t.Conditions, t.RequirementWords)
	fmt.Fprintln(bw)
	fmt.Fprintln(bw, "</details>")
	for i, n := range r.Notes {
		if i == 0 {
			fmt.Fprintln(bw)
		}
		fmt.Fprintf(bw, "> **Note:** %s\n", mdCell(n))
	}
	return bw.Flush()
}

// mdCell escapes text for a Markdown table cell.
func mdCell(s string) string { return textfmt.Markdown(textfmt.OneLine(s)) }

// mdCode escapes text for a code span in a table cell.
func mdCode(s string) string {
	return strings.NewReplacer("`", "'", "|", "\\|", "\n", " ").Replace(s)
}
