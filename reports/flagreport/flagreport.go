// Package flagreport arranges the flag verdicts on a set of procedures as
// the flag command prints them: the JSON document of schema
// redtape.flags/v1, a table for people and a Markdown document
// (docs/flags.md).
package flagreport

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"

	"github.com/redtape-vn/redtape/analyzer/assess"
	"github.com/redtape-vn/redtape/analyzer/catalog"
	"github.com/redtape-vn/redtape/analyzer/decisions"
	"github.com/redtape-vn/redtape/analyzer/flags"
	"github.com/redtape-vn/redtape/internal/i18n"
	"github.com/redtape-vn/redtape/internal/textfmt"
)

// Schema names the version of the JSON document.
const Schema = "redtape.flags/v1"

// Report is the JSON document flag prints (schema redtape.flags/v1,
// docs/flags.md).
type Report struct {
	Schema     string                  `json:"schema"`
	AsOf       string                  `json:"as_of"`
	Catalog    []string                `json:"catalog"`
	Procedures []flags.ProcedureResult `json:"procedures"`
	Summary    flags.Summary           `json:"summary"`
	// Decisions says which rows of the Government's lists (Resolution
	// 66.7/2025/NQ-CP Appendix I and any --decisions file) the records
	// apply: every row whose procedure was read, judged applied, not
	// applied or paper not found.
	Decisions assess.DecisionSummary `json:"decisions"`
}

// OnlyFlagged keeps the flagged papers of results and the procedures that
// have one.
func OnlyFlagged(results []flags.ProcedureResult) []flags.ProcedureResult {
	var out []flags.ProcedureResult
	for _, r := range results {
		if r, ok := flaggedOnly(r); ok {
			out = append(out, r)
		}
	}
	return out
}

// flaggedOnly keeps the flagged papers of r; false when it has none.
func flaggedOnly(r flags.ProcedureResult) (flags.ProcedureResult, bool) {
	if r.Flagged == 0 {
		return r, false
	}
	var papers []flags.PaperResult
	for _, p := range r.Papers {
		if p.Flagged {
			papers = append(papers, p)
		}
	}
	r.Papers = papers
	return r, true
}

// basisText cites the bases of a flagged paper in Vietnamese, most sure
// first as listed, each not of status law marked with its status.
func basisText(bases []catalog.Basis, t texts) string {
	var s []string
	for _, b := range bases {
		c := b.Citation(catalog.Vietnamese)
		if b.Status != catalog.Law {
			c += " [" + t.code("basis_", string(b.Status)) + "]"
		}
		s = append(s, c)
	}
	return strings.Join(s, "; ")
}

// coverageText is a paper's coverage with whether the paper is asked for
// only if it exists or only in some case: "full, if any", "partial, in
// some cases".
func coverageText(cov catalog.Coverage, p flags.PaperResult, t texts) string {
	var s []string
	if cov != "" {
		s = append(s, t.coverage(cov))
	}
	if p.Optional {
		s = append(s, t.Get("if_any"))
	}
	if p.Conditional {
		s = append(s, t.Get("in_some_cases"))
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

// WriteTable prints rep for people in language l: each procedure with
// its papers marked by status, then the summary by ministry, sector and
// database.
func WriteTable(w io.Writer, rep Report, l i18n.Lang) error {
	t, err := loadTexts(l)
	if err != nil {
		return err
	}
	w = textfmt.TerminalWriter{W: w}
	var b strings.Builder
	for _, r := range rep.Procedures {
		tableProcedure(&b, r, t)
	}
	if _, err := io.WriteString(w, b.String()); err != nil {
		return err
	}
	return tableSummary(w, rep, t)
}

// tableProcedure prints one procedure of the table, papers marked by status.
func tableProcedure(b *strings.Builder, r flags.ProcedureResult, t texts) {
	b.WriteString(t.Get("proc_head", r.ID, textfmt.Clip(textfmt.OneLine(r.Name), 90), t.count(r.Flagged), t.count(len(r.Papers))))
	b.WriteByte('\n')
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
		fmt.Fprintf(b, "%s%s\n", mark, textfmt.Clip(textfmt.OneLine(p.Text), 100))
		switch {
		case p.Flagged:
			fmt.Fprintf(b, "      → %s, %s (%s); %s\n", p.Entry, t.name(p.DatabaseVi, p.Database), coverageText(p.Coverage, p, t), basisText(p.Basis, t))
			for _, c := range alsoCovered(p) {
				fmt.Fprintf(b, "      + %s, %s (%s); %s\n", c.Entry, t.name(c.DatabaseVi, c.Database), t.coverage(c.Coverage), basisText(c.Basis, t))
			}
		case p.Status == flags.StatusPartlyReplaceable:
			fmt.Fprintf(b, "      ~ %s\n", t.Get("partly_line", p.Entry, t.name(p.DatabaseVi, p.Database),
				textfmt.Clip(strings.Join(p.Covered, "; "), 80), textfmt.Clip(strings.Join(p.Left, "; "), 100)))
		default:
			fmt.Fprintf(b, "      · %s: %s\n", t.status(p.Status), t.reason(p, func(s string) string { return textfmt.Clip(s, 140) }))
		}
	}
	b.WriteByte('\n')
}

// groupPart is one group table of the summary: the text key of its
// title and its groups.
type groupPart struct {
	key    string
	groups []flags.Group
}

// groupParts are the summary's group tables: by ministry, sector and
// database.
func groupParts(s flags.Summary) []groupPart {
	return []groupPart{{"group_ministry", s.ByMinistry}, {"group_sector", s.BySector}, {"group_database", s.ByDatabase}}
}

// tableSummary prints the totals after the table's procedures, to a
// writer that makes terminal controls visible.
func tableSummary(w io.Writer, rep Report, t texts) error {
	s := rep.Summary
	fmt.Fprintf(w, "%s\n", t.Get("summary_line", t.count(s.PapersFlagged), t.count(s.Papers), t.count(s.Affected), t.count(s.Procedures), t.date(rep.AsOf)))
	fmt.Fprintf(w, "%s\n\n", t.Get("by_status", statusLine(s.ByStatus, t)))
	for _, part := range groupParts(s) {
		db := part.key == "group_database"
		tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
		fmt.Fprintf(tw, "%s\t%s\t%s\n", strings.ToUpper(t.Get(part.key)), t.Get("col_papers_flagged"), t.Get("col_procedures_affected"))
		for _, g := range part.groups {
			fmt.Fprintf(tw, "%s\t%s\t%s\n", orUnknown(t.name(g.KeyVi, g.Key), t), ofTotal(g.PapersFlagged, g.Papers, db, t), ofTotal(g.Affected, g.Procedures, db, t))
		}
		if err := tw.Flush(); err != nil {
			return err
		}
		fmt.Fprintln(w)
	}
	return writeDecisionsText(w, rep.Decisions, t)
}

// statusLine counts the papers of each status met, in the order of
// flags.Statuses: "replaceable 3, partly-replaceable 1, ...".
func statusLine(by map[flags.Status]flags.StatusCount, t texts) string {
	var parts []string
	for _, st := range flags.Statuses {
		if c, ok := by[st]; ok {
			parts = append(parts, t.Get("status_count", t.status(st), t.count(c.Papers)))
		}
	}
	if len(parts) == 0 {
		return t.Get("no_papers")
	}
	return strings.Join(parts, ", ")
}

// WriteMarkdown prints rep as a Markdown document in language l.
func WriteMarkdown(w io.Writer, rep Report, l i18n.Lang) error {
	t, err := loadTexts(l)
	if err != nil {
		return err
	}
	var b strings.Builder
	markdownHead(&b, rep, t)
	for _, r := range rep.Procedures {
		markdownProcedure(&b, r, t)
	}
	_, err = io.WriteString(w, b.String())
	return err
}

// markdownHead prints the Markdown document up to its procedures: the
// totals, the groups and the decisions.
func markdownHead(b *strings.Builder, rep Report, t texts) {
	s := rep.Summary
	fmt.Fprintf(b, "%s\n\n%s\n\n", t.Get("md_title"), t.Get("md_summary",
		t.count(s.PapersFlagged), t.count(s.Papers), t.count(s.Affected), t.count(s.Procedures), t.date(rep.AsOf), statusLine(s.ByStatus, t)))
	for _, part := range groupParts(s) {
		db := part.key == "group_database"
		title := t.Get(part.key)
		fmt.Fprintf(b, "%s\n\n| %s | %s | %s |\n| --- | ---: | ---: |\n", t.Get("md_by", strings.ToLower(title)), title, t.Get("col_papers_flagged"), t.Get("col_procedures_affected"))
		for _, g := range part.groups {
			fmt.Fprintf(b, "| %s | %s | %s |\n", textfmt.Markdown(orUnknown(t.name(g.KeyVi, g.Key), t)), ofTotal(g.PapersFlagged, g.Papers, db, t), ofTotal(g.Affected, g.Procedures, db, t))
		}
		b.WriteByte('\n')
	}
	writeDecisionsMarkdown(b, rep.Decisions, t)
	fmt.Fprintf(b, "%s\n\n", t.Get("md_procedures"))
}

// markdownProcedure prints one procedure of the Markdown document.
func markdownProcedure(b *strings.Builder, r flags.ProcedureResult, t texts) {
	fmt.Fprintf(b, "### %s %s\n\n%s\n| --- | --- | --- | --- | --- | --- |\n", textfmt.Markdown(r.ID), textfmt.Markdown(r.Name), t.Get("md_paper_cols"))
	for _, p := range r.Papers {
		yes := t.Get("flagged_no")
		if p.Flagged {
			yes = t.Get("flagged_yes")
		}
		entry := p.Entry
		for _, c := range alsoCovered(p) {
			entry += ", " + c.Entry
		}
		fmt.Fprintf(b, "| %s | %s | %s | %s | %s | %s |\n", textfmt.Markdown(textfmt.Clip(textfmt.OneLine(p.Text), 160)), yes, entry, textfmt.Markdown(t.name(p.DatabaseVi, p.Database)), textfmt.Markdown(basisText(p.Basis, t)), coverageText(p.Coverage, p, t))
	}
	b.WriteByte('\n')
}

// ofTotal prints "n of total"; a database group counts flagged papers
// only, so it prints n alone.
func ofTotal(n, total int, database bool, t texts) string {
	if database {
		return t.count(n)
	}
	return t.Get("of_total", t.count(n), t.count(total))
}

func orUnknown(s string, t texts) string {
	if s == "" {
		return t.Get("unknown")
	}
	return s
}

// WriteJSON writes rep as indented JSON.
func WriteJSON(w io.Writer, rep Report) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(rep)
}

// writeDecisionsText lists the rows of the Government's decisions the
// records do not apply yet, after a count of every outcome.
func writeDecisionsText(w io.Writer, d assess.DecisionSummary, t texts) error {
	ew := &textfmt.Writer{W: w}
	ew.Printf("%s\n", t.Get("decisions_text", t.count(d.Judged), t.count(d.Applied), t.count(d.NotApplied), t.count(d.PaperNotFound)))
	for _, v := range d.Verdicts {
		if v.Outcome != decisions.NotApplied {
			continue
		}
		ew.Printf("%s\n%s\n", t.Get("decision_not_applied", v.ID, textfmt.Clip(textfmt.OneLine(v.Name), 80)),
			t.Get("decision_still_asks", textfmt.Clip(textfmt.OneLine(v.PaperText), 90), textfmt.Clip(v.Row.Cite(), 160)))
	}
	return ew.Err
}

// writeDecisionsMarkdown is writeDecisionsText for Markdown.
func writeDecisionsMarkdown(b *strings.Builder, d assess.DecisionSummary, t texts) {
	fmt.Fprintf(b, "%s\n\n%s\n\n", t.Get("md_decisions"), t.Get("md_decisions_lead", t.count(d.Judged), t.count(d.Applied), t.count(d.NotApplied), t.count(d.PaperNotFound)))
	if d.NotApplied == 0 {
		return
	}
	fmt.Fprintf(b, "%s\n| --- | --- | --- | --- |\n", t.Get("md_decision_cols"))
	for _, v := range d.Verdicts {
		if v.Outcome != decisions.NotApplied {
			continue
		}
		fmt.Fprintf(b, "| %s %s | %s | %s | %s |\n", textfmt.Markdown(v.ID), textfmt.Markdown(textfmt.Clip(v.Name, 100)),
			textfmt.Markdown(v.Ministry), textfmt.Markdown(textfmt.Clip(v.PaperText, 120)), textfmt.Markdown(v.Row.Cite()))
	}
	b.WriteByte('\n')
}
