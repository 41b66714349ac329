package findings

import (
	"bufio"
	"fmt"
	"io"
	"strings"

	"github.com/redtape-vn/redtape/analyzer/check"
	"github.com/redtape-vn/redtape/internal/textfmt"
)

// MarkdownRows caps the findings listed in the Markdown summary; a
// pull-request comment must stay readable.
const MarkdownRows = 50

// severityMark marks a severity in the Markdown table of findings.
var severityMark = map[check.Severity]string{
	check.SeverityError:   "🔴 ",
	check.SeverityWarning: "🟠 ",
	check.SeverityInfo:    "🔵 ",
}

// WriteMarkdown writes a summary for a pull-request comment: counts by
// severity and rule, the findings (errors first, at most [MarkdownRows]),
// what the drafts define, inputs that could not be read, and notes, in the
// report's language. A run with unreadable inputs and no failing finding
// is "incomplete", not passed.
func WriteMarkdown(w io.Writer, r *Report) error {
	tx, err := r.texts()
	if err != nil {
		return err
	}
	bw := bufio.NewWriter(w)
	n := func(v int) string { return number(tx.Lang(), v) }
	c := r.Count()
	status := tx.Get("md_passed")
	switch {
	case check.AtOrAbove(r.Findings(), r.FailOn):
		status = tx.Get("md_failed")
	case len(r.Unreadable) > 0:
		status = tx.Get("md_incomplete")
	}
	fmt.Fprintf(bw, "## redtape check: %s\n\n", status)
	fmt.Fprint(bw, r.summaryLine(tx, c)+tx.Get("md_failing", severityName(tx, r.FailOn)))
	if u := r.unreadableLine(tx); u != "" {
		fmt.Fprintf(bw, "; **%s**", u)
	}
	fmt.Fprint(bw, ".\n\n")
	if len(r.Unreadable) > 0 {
		fmt.Fprintln(bw, tx.Get("md_unreadable_head"))
		fmt.Fprintln(bw, "| --- | --- |")
		for _, u := range r.Unreadable {
			fmt.Fprintf(bw, "| `%s` | %s |\n", mdCode(u.File), mdCell(u.Error))
		}
		fmt.Fprintln(bw)
	}
	if c.Findings > 0 || (r.ShowMetrics && c.Metrics > 0) {
		fmt.Fprintln(bw, tx.Get("md_rules_head"))
		fmt.Fprintln(bw, "| --- | --- | ---: |")
		for _, id := range sortedKeys(c.ByRule) {
			ri := r.rule(id)
			if ri == nil || ri.Severity == check.SeverityMetric && !r.ShowMetrics {
				continue
			}
			fmt.Fprintf(bw, "| [%s %s](%s%s.md) | %s | %s |\n", ri.ID, ri.Name, DocsBase, ri.ID, severityName(tx, ri.Severity), n(c.ByRule[id]))
		}
		fmt.Fprintln(bw)
		fmt.Fprintln(bw, tx.Get("md_findings_head"))
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
				msg, fix := r.text(f)
				fmt.Fprintf(bw, "| %s%s | `%s:%d:%d` | %s | %s | %s |\n", severityMark[f.Severity], severityName(tx, f.Severity), mdCode(f.File), f.Line, f.Column,
					f.Rule, mdCell(msg), mdCell(fix))
			}
		}
		if rows > shown {
			fmt.Fprintf(bw, "\n%s\n", tx.Get("md_more", number(tx.Lang(), rows-shown)))
		}
		fmt.Fprintln(bw)
	}
	t := r.totals()
	fmt.Fprintf(bw, "<details><summary>%s</summary>\n", tx.Get("md_defines"))
	fmt.Fprintln(bw)
	fmt.Fprintln(bw, tx.Get("md_defines_head"))
	fmt.Fprintln(bw, "| --- | ---: | ---: | ---: | ---: | ---: |")
	for _, f := range r.Files {
		fmt.Fprintf(bw, "| `%s` | %s | %s | %s | %s | %s |\n", mdCode(f.Path), n(f.Articles), n(f.Procedures), n(f.Papers), n(f.Conditions), n(f.RequirementWords))
	}
	fmt.Fprintf(bw, "| %s | %s | %s | %s | %s | %s |\n", tx.Get("md_total"), n(t.Articles), n(t.Procedures), n(t.Papers), n(t.Conditions), n(t.RequirementWords))
	fmt.Fprintln(bw)
	fmt.Fprintln(bw, "</details>")
	for i, n := range r.notes() {
		if i == 0 {
			fmt.Fprintln(bw)
		}
		fmt.Fprintln(bw, tx.Get("md_note", mdCell(n)))
	}
	return bw.Flush()
}

// mdCell escapes text for a Markdown table cell.
func mdCell(s string) string { return textfmt.Markdown(textfmt.OneLine(s)) }

// mdCode escapes text for a code span in a table cell.
func mdCode(s string) string {
	return strings.NewReplacer("`", "'", "|", "\\|", "\n", " ").Replace(s)
}
