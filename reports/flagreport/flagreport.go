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

// WriteTable prints rep for people: each procedure with its papers marked
// by status, then the summary by ministry, sector and database.
func WriteTable(w io.Writer, rep Report) error {
	w = textfmt.TerminalWriter{W: w}
	var b strings.Builder
	for _, r := range rep.Procedures {
		tableProcedure(&b, r)
	}
	if _, err := io.WriteString(w, b.String()); err != nil {
		return err
	}
	return tableSummary(w, rep)
}

// tableProcedure prints one procedure of the table, papers marked by status.
func tableProcedure(b *strings.Builder, r flags.ProcedureResult) {
	fmt.Fprintf(b, "%s  %s  (%d of %d papers flagged)\n", r.ID, textfmt.Clip(textfmt.OneLine(r.Name), 90), r.Flagged, len(r.Papers))
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
			fmt.Fprintf(b, "      → %s, %s (%s); %s\n", p.Entry, orEnglish(p.DatabaseVi, p.Database), coverageText(p.Coverage, p), basisText(p.Basis))
			for _, c := range alsoCovered(p) {
				fmt.Fprintf(b, "      + %s, %s (%s); %s\n", c.Entry, orEnglish(c.DatabaseVi, c.Database), c.Coverage, basisText(c.Basis))
			}
		case p.Status == flags.StatusPartlyReplaceable:
			fmt.Fprintf(b, "      ~ partly replaceable: %s (%s); covered: %s; left: %s\n", p.Entry, orEnglish(p.DatabaseVi, p.Database),
				textfmt.Clip(strings.Join(p.Covered, "; "), 80), textfmt.Clip(strings.Join(p.Left, "; "), 100))
		default:
			fmt.Fprintf(b, "      · %s: %s\n", p.Status, textfmt.Clip(p.Reason, 140))
		}
	}
	b.WriteByte('\n')
}

// tableSummary prints the totals after the table's procedures, to a
// writer that makes terminal controls visible.
func tableSummary(w io.Writer, rep Report) error {
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
	return writeDecisionsText(w, rep.Decisions)
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

// WriteMarkdown prints rep as a Markdown document.
func WriteMarkdown(w io.Writer, rep Report) error {
	var b strings.Builder
	markdownHead(&b, rep)
	for _, r := range rep.Procedures {
		markdownProcedure(&b, r)
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// markdownHead prints the Markdown document up to its procedures: the
// totals, the groups and the decisions.
func markdownHead(b *strings.Builder, rep Report) {
	s := rep.Summary
	fmt.Fprintf(b, "# Papers the state already holds as data\n\n%d of %d required papers flagged in %d of %d procedures (catalog as of %s). By status: %s.\n\n",
		s.PapersFlagged, s.Papers, s.Affected, s.Procedures, rep.AsOf, statusLine(s.ByStatus))
	for _, part := range []struct {
		title  string
		groups []flags.Group
	}{{"Ministry", s.ByMinistry}, {"Sector", s.BySector}, {"Database", s.ByDatabase}} {
		fmt.Fprintf(b, "## By %s\n\n| %s | papers flagged | procedures affected |\n| --- | ---: | ---: |\n", strings.ToLower(part.title), part.title)
		for _, g := range part.groups {
			fmt.Fprintf(b, "| %s | %s | %s |\n", textfmt.Markdown(orUnknown(orEnglish(g.KeyVi, g.Key))), ofTotal(g.PapersFlagged, g.Papers, part.title), ofTotal(g.Affected, g.Procedures, part.title))
		}
		b.WriteByte('\n')
	}
	writeDecisionsMarkdown(b, rep.Decisions)
	b.WriteString("## Procedures\n\n")
}

// markdownProcedure prints one procedure of the Markdown document.
func markdownProcedure(b *strings.Builder, r flags.ProcedureResult) {
	fmt.Fprintf(b, "### %s %s\n\n| paper | flagged | entry | database | basis | coverage |\n| --- | --- | --- | --- | --- | --- |\n", textfmt.Markdown(r.ID), textfmt.Markdown(r.Name))
	for _, p := range r.Papers {
		yes := "no"
		if p.Flagged {
			yes = "yes"
		}
		entry := p.Entry
		for _, c := range alsoCovered(p) {
			entry += ", " + c.Entry
		}
		fmt.Fprintf(b, "| %s | %s | %s | %s | %s | %s |\n", textfmt.Markdown(textfmt.Clip(textfmt.OneLine(p.Text), 160)), yes, entry, textfmt.Markdown(orEnglish(p.DatabaseVi, p.Database)), textfmt.Markdown(basisText(p.Basis)), coverageText(p.Coverage, p))
	}
	b.WriteByte('\n')
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

// WriteJSON writes rep as indented JSON.
func WriteJSON(w io.Writer, rep Report) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(rep)
}

// writeDecisionsText lists the rows of the Government's decisions the
// records do not apply yet, after a count of every outcome.
func writeDecisionsText(w io.Writer, d assess.DecisionSummary) error {
	ew := &textfmt.Writer{W: w}
	ew.Printf("GOVERNMENT DECISIONS: %d listed rows concern the procedures read: %d applied, %d not applied, %d paper not found\n",
		d.Judged, d.Applied, d.NotApplied, d.PaperNotFound)
	for _, v := range d.Verdicts {
		if v.Outcome != decisions.NotApplied {
			continue
		}
		ew.Printf("  not applied  %s  %s\n      still asks for %q: %s\n", v.ID, textfmt.Clip(textfmt.OneLine(v.Name), 80),
			textfmt.Clip(textfmt.OneLine(v.PaperText), 90), textfmt.Clip(v.Row.Cite(), 160))
	}
	return ew.Err
}

// writeDecisionsMarkdown is writeDecisionsText for Markdown.
func writeDecisionsMarkdown(b *strings.Builder, d assess.DecisionSummary) {
	fmt.Fprintf(b, "## Government decisions\n\n%d listed rows concern the procedures read: %d applied, %d not applied (the published procedure still asks for the paper), %d paper not found.\n\n",
		d.Judged, d.Applied, d.NotApplied, d.PaperNotFound)
	if d.NotApplied == 0 {
		return
	}
	b.WriteString("| procedure | ministry | paper still asked for | decision |\n| --- | --- | --- | --- |\n")
	for _, v := range d.Verdicts {
		if v.Outcome != decisions.NotApplied {
			continue
		}
		fmt.Fprintf(b, "| %s %s | %s | %s | %s |\n", textfmt.Markdown(v.ID), textfmt.Markdown(textfmt.Clip(v.Name, 100)),
			textfmt.Markdown(v.Ministry), textfmt.Markdown(textfmt.Clip(v.PaperText, 120)), textfmt.Markdown(v.Row.Cite()))
	}
	b.WriteByte('\n')
}
