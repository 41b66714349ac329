// Package searchreport prints a search result of the index: the JSON
// document of schema redtape.search/v1 (with the suggestions of a search
// without hits), a table for a terminal and a
// Markdown document. Text from records reaches none of them as markup or
// as control characters (reports/textfmt).
package searchreport

import (
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"text/tabwriter"

	"github.com/redtape-vn/redtape/corpus/index"
	"github.com/redtape-vn/redtape/internal/textfmt"
)

// Schema names the version of the JSON document.
const Schema = "redtape.search/v1"

// Report is the JSON document search prints (schema redtape.search/v1,
// docs/search.md).
type Report struct {
	Schema string `json:"schema"`
	*index.Result
}

// WriteJSON writes the result as indented JSON, HTML characters as they are.
func WriteJSON(w io.Writer, res *index.Result) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(Report{Schema: Schema, Result: res}); err != nil {
		return fmt.Errorf("write json: %w", err)
	}
	return nil
}

// suggestionLines says what a search without hits suggests: the query
// respelt, when it finds something, and the nearest words of each
// unknown word with the records holding them. esc escapes text from the
// query and the index.
func suggestionLines(s *index.Suggestions, esc func(string) string) []string {
	if s == nil {
		return nil
	}
	var out []string
	if s.Query != "" {
		out = append(out, fmt.Sprintf("did you mean: %s? (%s)", esc(textfmt.OneLine(s.Query)), procedures(s.Total)))
	}
	for _, w := range s.Words {
		if len(w.Terms) == 0 {
			out = append(out, fmt.Sprintf("  %s: no word of the index is near it", esc(w.Word)))
			continue
		}
		parts := make([]string, len(w.Terms))
		for i, t := range w.Terms {
			parts[i] = fmt.Sprintf("%s (%d)", esc(t.Text), t.Docs)
		}
		out = append(out, fmt.Sprintf("  %s: no record has it; near: %s", esc(w.Word), strings.Join(parts, ", ")))
	}
	return out
}

func procedures(n int) string {
	if n == 1 {
		return "1 procedure"
	}
	return fmt.Sprintf("%d procedures", n)
}

// markSnippet renders a snippet with its marks wrapped in open and close,
// each piece of the record's text passed through esc first (so that marks
// are added after escaping and text cannot forge them).
func markSnippet(s index.Snippet, open, close string, esc func(string) string) string {
	var b strings.Builder
	at := 0
	for _, m := range s.Marks {
		if m.Start < at || m.End > len(s.Text) || m.Start > m.End {
			continue
		}
		b.WriteString(esc(s.Text[at:m.Start]))
		b.WriteString(open)
		b.WriteString(esc(s.Text[m.Start:m.End]))
		b.WriteString(close)
		at = m.End
	}
	b.WriteString(esc(s.Text[at:]))
	return b.String()
}

// searchLine is textfmt.Terminal with runs of spaces collapsed: one line of a
// table.
func searchLine(s string) string { return textfmt.OneLine(textfmt.Terminal(s)) }

// facetLine is the number of values a table's facet line lists.
const facetLine = 8

// facetRest returns the number of values of f beyond the first shown and
// their count of procedures, including those beyond the values listed in
// JSON (f.OtherValues, f.Other).
func facetRest(f index.Facet, shown int) (values, count int) {
	values, count = f.OtherValues, f.Other
	for i := shown; i < len(f.Terms); i++ {
		values++
		count += f.Terms[i].Count
	}
	return values, count
}

// pastEnd says that a page lies beyond the last one.
func pastEnd(res *index.Result) string {
	return fmt.Sprintf("page %d is past the last page (%d): no hits shown; use --page 1 to %d", res.Page, pages(res), pages(res))
}

func pages(res *index.Result) int {
	if res.Total == 0 {
		return 0
	}
	return (res.Total + res.Size - 1) / res.Size
}

// WriteTable prints the result for people: the hits with their snippets,
// marks shown in colour when color is set (else «…»), then the facets.
func WriteTable(w io.Writer, res *index.Result, color bool) error {
	open, close := "«", "»"
	if color {
		open, close = "\033[1;33m", "\033[0m"
	}
	bw := &textfmt.Writer{W: w}
	switch res.Total {
	case 0:
		bw.Printf("no procedure matches %s\n", textfmt.Terminal(res.Query))
		for _, line := range suggestionLines(res.Suggestions, textfmt.Terminal) {
			bw.Printf("%s\n", line)
		}
		return bw.Err
	case 1:
		bw.Printf("1 procedure matches %s\n", textfmt.Terminal(res.Query))
	default:
		bw.Printf("%d procedures match %s (page %d of %d)\n", res.Total, textfmt.Terminal(res.Query), res.Page, pages(res))
	}
	if len(res.Hits) == 0 {
		bw.Printf("%s\n", pastEnd(res))
	}
	wd, err := os.Getwd()
	if err != nil {
		wd = "" // paths are shown as the index holds them
	}
	for i, h := range res.Hits {
		n := (res.Page-1)*res.Size + i + 1
		name := searchLine(h.Name)
		for _, s := range h.Snippets {
			if s.Field == "name" {
				name = textfmt.OneLine(markSnippet(s, open, close, textfmt.Terminal))
			}
		}
		bw.Printf("\n%3d. %s  %s\n", n, searchLine(h.Code), name)
		place := []string{}
		for _, s := range []string{h.Ministry, h.Sector, strings.Join(h.Levels, ", ")} {
			if s = searchLine(s); s != "" {
				place = append(place, s)
			}
		}
		if len(place) > 0 {
			bw.Printf("     %s\n", strings.Join(place, " · "))
		}
		for _, s := range h.Snippets {
			if s.Field != "name" {
				bw.Printf("     %s: %s\n", s.Field, textfmt.OneLine(markSnippet(s, open, close, textfmt.Terminal)))
			}
		}
		src := textfmt.Terminal(shownPath(wd, h.File))
		if h.Record > 0 {
			src = fmt.Sprintf("%s #%d", src, h.Record)
		}
		bw.Printf("     %s\n", src)
	}
	if len(res.Facets) > 0 {
		bw.Printf("\n")
		tw := tabwriter.NewWriter(bw, 0, 4, 2, ' ', 0)
		for _, f := range res.Facets {
			var parts []string
			for i, t := range f.Terms {
				if i == facetLine {
					break
				}
				parts = append(parts, fmt.Sprintf("%s (%d)", searchLine(t.Value), t.Count))
			}
			if values, count := facetRest(f, facetLine); values > 0 {
				parts = append(parts, fmt.Sprintf("… %d more values (%d)", values, count))
			}
			fmt.Fprintf(tw, "%s:\t%s\n", f.Field, strings.Join(parts, ", "))
		}
		if err := tw.Flush(); err != nil {
			return err
		}
	}
	return bw.Err
}

// shownPath returns file relative to the working directory wd ("" when
// unknown) when it lies under it: the index records absolute paths (JSON
// shows them as stored).
func shownPath(wd, file string) string {
	if wd == "" || !filepath.IsAbs(file) {
		return file
	}
	rel, err := filepath.Rel(wd, file)
	if err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
		return file
	}
	return rel
}

// WriteMarkdown prints the result as Markdown, every text from a record
// escaped (textfmt.Markdown) before the marks are added.
func WriteMarkdown(w io.Writer, res *index.Result) error {
	bw := &textfmt.Writer{W: w}
	bw.Printf("# Search: `%s`\n\n", strings.ReplaceAll(searchLine(res.Query), "`", "'"))
	if res.Total == 0 {
		bw.Printf("No procedure matches.\n")
		if lines := suggestionLines(res.Suggestions, textfmt.Markdown); len(lines) > 0 {
			bw.Printf("\n%s\n", strings.Join(lines, "  \n"))
		}
		return bw.Err
	}
	if res.Total == 1 {
		bw.Printf("1 procedure matches.\n\n")
	} else {
		bw.Printf("%d procedures match; page %d of %d.\n\n", res.Total, res.Page, pages(res))
	}
	if len(res.Hits) == 0 {
		bw.Printf("%s\n", pastEnd(res))
		return bw.Err
	}
	bw.Printf("| # | Code | Procedure | Ministry | Sector | Level | Matches |\n| ---: | --- | --- | --- | --- | --- | --- |\n")
	for i, h := range res.Hits {
		name := searchMDCell(h.Name)
		var matches []string
		for _, s := range h.Snippets {
			text := textfmt.OneLine(markSnippet(s, "**", "**", textfmt.Markdown))
			if s.Field == "name" {
				name = text
				continue
			}
			matches = append(matches, s.Field+": "+text)
		}
		bw.Printf("| %d | %s | %s | %s | %s | %s | %s |\n", (res.Page-1)*res.Size+i+1, searchMDCell(h.Code), name,
			searchMDCell(h.Ministry), searchMDCell(h.Sector), searchMDCell(strings.Join(h.Levels, ", ")), strings.Join(matches, "<br>"))
	}
	for _, f := range res.Facets {
		if len(f.Terms) == 0 {
			continue
		}
		bw.Printf("\n**%s**: ", f.Field)
		for i, t := range f.Terms {
			if i > 0 {
				bw.Printf(", ")
			}
			bw.Printf("%s (%d)", searchMDCell(t.Value), t.Count)
		}
		if f.OtherValues > 0 {
			bw.Printf(", … %d more values (%d)", f.OtherValues, f.Other)
		}
		bw.Printf("\n")
	}
	return bw.Err
}

// searchMDCell makes text from a record safe inside a Markdown table cell:
// one line (see [textfmt.Terminal]), every character that Markdown or HTML reads
// as markup escaped (see [textfmt.Markdown]).
func searchMDCell(s string) string { return textfmt.Markdown(searchLine(s)) }
