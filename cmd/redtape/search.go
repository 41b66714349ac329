package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime/debug"
	"strconv"
	"strings"
	"text/tabwriter"
	"unicode/utf8"

	"github.com/urfave/cli/v2"
	"golang.org/x/term"

	"github.com/redtape-vn/redtape/corpus"
	"github.com/redtape-vn/redtape/corpus/index"
	"github.com/redtape-vn/redtape/corpus/index/query"
)

// searchSchema names the version of the JSON that search prints (docs/search.md).
const searchSchema = "redtape.search/v1"

// searchOptions are the options of the search command.
type searchOptions struct {
	// Query is the query, in the language of docs/query-syntax.md.
	Query string
	// Index is the index directory; empty means the default location.
	Index string
	// Page is the 1-based page; Size the hits per page.
	Page, Size int
	// Format is "table", "json" or "markdown".
	Format string
}

func searchCommand(e *env) *cli.Command {
	return &cli.Command{
		Name:      "search",
		Usage:     "search the index: ranked hits with highlighted snippets and facet counts",
		ArgsUsage: "QUERY...",
		Description: "Searches the index built by \"redtape index\" (one is built from the demo corpus when there\n" +
			"is none). Words are all required; OR, -exclusion, \"phrases\", (groups) and the filters\n" +
			"ministry: sector: level: code: paper: basis: name: flagged: are understood; diacritics\n" +
			"are optional. See docs/query-syntax.md.\n\n" +
			"Examples:\n" +
			"   redtape search giay khai sinh\n" +
			"   redtape search '\"sổ hộ khẩu\" level:xã'\n" +
			"   redtape search 'basis:123/2015/ND-CP -sector:\"hộ tịch\"'",
		Flags: []cli.Flag{
			indexFlag(),
			&cli.IntFlag{Name: "page", Value: 1, Usage: "page of hits to print, from 1"},
			&cli.IntFlag{Name: "size", Value: 10, Usage: "hits per page (1 to 1000)"},
			&cli.StringFlag{Name: "format", Aliases: []string{"f"}, Value: "table", Usage: "output format: table, json, markdown"},
		},
		Action: func(c *cli.Context) error {
			opts := searchOptions{Index: c.String("index"), Page: c.Int("page"), Size: c.Int("size"), Format: c.String("format")}
			words, err := trailingSearchFlags(c.Args().Slice(), &opts)
			if err != nil {
				return err
			}
			opts.Query = strings.Join(words, " ")
			return runSearch(c.Context, opts, e)
		},
	}
}

func runSearch(ctx context.Context, opts searchOptions, e *env) error {
	// A search lives for one query and keeps a small heap (under 100 MB at
	// 100,000 records): collecting it less often took a search of a broad
	// query from 72-74 to 58-60 ms at 100,000 records.
	defer debug.SetGCPercent(debug.SetGCPercent(400))
	switch opts.Format {
	case "table", "json", "markdown":
	default:
		return usageErrorf("--format %q: want table, json or markdown", opts.Format)
	}
	if opts.Page < 1 {
		return usageErrorf("--page %d: pages start at 1", opts.Page)
	}
	if opts.Size < 1 || opts.Size > 1000 {
		return usageErrorf("--size %d: want 1 to 1000", opts.Size)
	}
	if strings.TrimSpace(opts.Query) == "" {
		return usageErrorf("search: give a query, e.g. redtape search giay khai sinh (see docs/query-syntax.md)")
	}
	tree, err := query.Parse(opts.Query)
	if err != nil {
		return queryUsageError(err)
	}
	dir := indexDir(opts.Index, e)
	ix, err := openOrBuildIndex(ctx, dir, e)
	if err != nil {
		return err
	}
	defer ix.Close()
	res, err := ix.Search(ctx, index.Request{Query: tree.String(), Page: opts.Page, Size: opts.Size})
	if err != nil {
		var qe *query.Error
		if errors.As(err, &qe) {
			return queryUsageError(err)
		}
		return err
	}
	switch opts.Format {
	case "json":
		return writeSearchJSON(e.stdout, res)
	case "markdown":
		return writeSearchMarkdown(e.stdout, res)
	}
	return writeSearchTable(e.stdout, res, colorOn(e))
}

// trailingSearchFlags takes the long options written after the query
// ("redtape search giay khai sinh --size 20"), which the command-line parser
// leaves among the arguments, and returns the query words. Only "--" forms
// are taken: a single "-" starts an exclusion in the query language.
func trailingSearchFlags(args []string, opts *searchOptions) ([]string, error) {
	var words []string
	for i := 0; i < len(args); i++ {
		a := args[i]
		name, value, hasValue := strings.Cut(strings.TrimPrefix(a, "--"), "=")
		if !strings.HasPrefix(a, "--") || len(a) == 2 {
			words = append(words, a)
			continue
		}
		switch name {
		case "page", "size", "format", "index":
		default:
			words = append(words, a)
			continue
		}
		if !hasValue {
			if i+1 == len(args) {
				return nil, usageErrorf("--%s needs a value", name)
			}
			i++
			value = args[i]
		}
		switch name {
		case "page", "size":
			n, err := strconv.Atoi(value)
			if err != nil {
				return nil, usageErrorf("--%s %q: want a number", name, value)
			}
			if name == "page" {
				opts.Page = n
			} else {
				opts.Size = n
			}
		case "format":
			opts.Format = value
		case "index":
			opts.Index = value
		}
	}
	return words, nil
}

// queryUsageError shows a malformed query with a caret under the problem.
func queryUsageError(err error) error {
	var qe *query.Error
	if errors.As(err, &qe) {
		return usageErrorf("%s\n  %s", qe.Msg, strings.ReplaceAll(qe.Caret(), "\n", "\n  "))
	}
	return usageErrorf("%v", err)
}

// openOrBuildIndex opens the index at dir. When there is none it builds
// one from the demo corpus, saying so on stderr, so that a first search
// shows something; an index of another format is refused with advice.
func openOrBuildIndex(ctx context.Context, dir string, e *env) (*index.Index, error) {
	ix, err := index.Open(dir)
	if err == nil {
		return ix, nil
	}
	var ie *index.IncompatibleError
	switch {
	case errors.As(err, &ie), errors.As(err, new(*index.NotIndexError)):
		return nil, usageErrorf("%v", err)
	case errors.Is(err, index.ErrLocked):
		return nil, fmt.Errorf("index %s: %w", dir, err)
	case !errors.Is(err, index.ErrNotExist):
		return nil, err
	}
	fmt.Fprintf(e.stderr, "redtape: no index at %s; building one from the demo corpus (run \"redtape index PATHS\" to index your own records)\n", dir)
	f, err := flagsFunc(e)
	if err != nil {
		return nil, err
	}
	if _, err := index.Update(ctx, dir, indexSource(nil, corpus.Options{}), index.UpdateOptions{Now: e.now, Flags: f}); err != nil {
		return nil, fmt.Errorf("build demo index at %s: %w", dir, err)
	}
	return index.Open(dir)
}

// colorOn reports whether to colour the output: stdout is a terminal and
// NO_COLOR is not set.
func colorOn(e *env) bool {
	if e.getenv("NO_COLOR") != "" {
		return false
	}
	f, ok := e.stdout.(*os.File)
	return ok && term.IsTerminal(int(f.Fd()))
}

// searchReport is the JSON document search prints.
type searchReport struct {
	Schema string `json:"schema"`
	*index.Result
}

func writeSearchJSON(w io.Writer, res *index.Result) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(searchReport{Schema: searchSchema, Result: res}); err != nil {
		return fmt.Errorf("write json: %w", err)
	}
	return nil
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

// plainText makes text from records, file names or the query safe to print
// on a terminal or in a CI log, where a control character could move the
// cursor, recolour the screen or, after a line break, start a workflow
// command ("::error ..."): line and paragraph breaks and tabs become
// spaces; other control characters (C0, DEL, C1), the bidirectional
// controls that reorder what is shown (U+202A–U+202E, U+2066–U+2069) and
// invalid bytes are written as visible escapes (\x1b, \u202e, \xff).
func plainText(s string) string {
	clean := true
	for _, r := range s {
		if unsafeRune(r) || r == '\t' || r == '\n' || r == '\r' {
			clean = false
			break
		}
	}
	if clean {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + 8)
	for i, r := range s {
		switch {
		case r == '\n' || r == '\r' || r == '\t' || r == '\u0085' || r == '\u2028' || r == '\u2029':
			b.WriteByte(' ')
		case r == utf8.RuneError:
			if _, n := utf8.DecodeRuneInString(s[i:]); n == 1 {
				fmt.Fprintf(&b, "\\x%02x", s[i])
			} else {
				b.WriteRune(r)
			}
		case r < 0x80 && unsafeRune(r):
			fmt.Fprintf(&b, "\\x%02x", r)
		case unsafeRune(r):
			fmt.Fprintf(&b, "\\u%04x", r)
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// unsafeRune reports whether r must not reach a terminal as it is: a
// control character, a line or paragraph separator, a bidirectional
// control, or the mark of an invalid byte.
func unsafeRune(r rune) bool {
	return r < 0x20 || r == 0x7f || r >= 0x80 && r <= 0x9f || r == '\u2028' || r == '\u2029' ||
		r >= '\u202a' && r <= '\u202e' || r >= '\u2066' && r <= '\u2069' || r == utf8.RuneError
}

// searchLine is plainText with runs of spaces collapsed: one line of a
// table.
func searchLine(s string) string { return searchOneLine(plainText(s)) }

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
	return fmt.Sprintf("page %d is past the last page (%d): no hits shown; use --page 1 to %d", res.Page, searchPages(res), searchPages(res))
}

func searchPages(res *index.Result) int {
	if res.Total == 0 {
		return 0
	}
	return (res.Total + res.Size - 1) / res.Size
}

func writeSearchTable(w io.Writer, res *index.Result, color bool) error {
	open, close := "«", "»"
	if color {
		open, close = "\033[1;33m", "\033[0m"
	}
	bw := &searchWriter{w: w}
	switch res.Total {
	case 0:
		bw.printf("no procedure matches %s\n", plainText(res.Query))
		return bw.err
	case 1:
		bw.printf("1 procedure matches %s\n", plainText(res.Query))
	default:
		bw.printf("%d procedures match %s (page %d of %d)\n", res.Total, plainText(res.Query), res.Page, searchPages(res))
	}
	if len(res.Hits) == 0 {
		bw.printf("%s\n", pastEnd(res))
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
				name = searchOneLine(markSnippet(s, open, close, plainText))
			}
		}
		bw.printf("\n%3d. %s  %s\n", n, searchLine(h.Code), name)
		place := []string{}
		for _, s := range []string{h.Ministry, h.Sector, strings.Join(h.Levels, ", ")} {
			if s = searchLine(s); s != "" {
				place = append(place, s)
			}
		}
		if len(place) > 0 {
			bw.printf("     %s\n", strings.Join(place, " · "))
		}
		for _, s := range h.Snippets {
			if s.Field != "name" {
				bw.printf("     %s: %s\n", s.Field, searchOneLine(markSnippet(s, open, close, plainText)))
			}
		}
		src := plainText(shownPath(wd, h.File))
		if h.Record > 0 {
			src = fmt.Sprintf("%s #%d", src, h.Record)
		}
		bw.printf("     %s\n", src)
	}
	if len(res.Facets) > 0 {
		bw.printf("\n")
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
	return bw.err
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

func searchOneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

func writeSearchMarkdown(w io.Writer, res *index.Result) error {
	bw := &searchWriter{w: w}
	bw.printf("# Search: `%s`\n\n", strings.ReplaceAll(searchLine(res.Query), "`", "'"))
	if res.Total == 0 {
		bw.printf("No procedure matches.\n")
		return bw.err
	}
	if res.Total == 1 {
		bw.printf("1 procedure matches.\n\n")
	} else {
		bw.printf("%d procedures match; page %d of %d.\n\n", res.Total, res.Page, searchPages(res))
	}
	if len(res.Hits) == 0 {
		bw.printf("%s\n", pastEnd(res))
		return bw.err
	}
	bw.printf("| # | Code | Procedure | Ministry | Sector | Level | Matches |\n| ---: | --- | --- | --- | --- | --- | --- |\n")
	for i, h := range res.Hits {
		name := searchMDCell(h.Name)
		var matches []string
		for _, s := range h.Snippets {
			text := searchOneLine(markSnippet(s, "**", "**", mdInline))
			if s.Field == "name" {
				name = text
				continue
			}
			matches = append(matches, s.Field+": "+text)
		}
		bw.printf("| %d | %s | %s | %s | %s | %s | %s |\n", (res.Page-1)*res.Size+i+1, searchMDCell(h.Code), name,
			searchMDCell(h.Ministry), searchMDCell(h.Sector), searchMDCell(strings.Join(h.Levels, ", ")), strings.Join(matches, "<br>"))
	}
	for _, f := range res.Facets {
		if len(f.Terms) == 0 {
			continue
		}
		bw.printf("\n**%s**: ", f.Field)
		for i, t := range f.Terms {
			if i > 0 {
				bw.printf(", ")
			}
			bw.printf("%s (%d)", searchMDCell(t.Value), t.Count)
		}
		if f.OtherValues > 0 {
			bw.printf(", … %d more values (%d)", f.OtherValues, f.Other)
		}
		bw.printf("\n")
	}
	return bw.err
}

// searchMDCell makes text from a record safe inside a Markdown table cell:
// one line (see [plainText]), every character that Markdown or HTML reads
// as markup escaped (see [mdInline]).
func searchMDCell(s string) string { return mdInline(searchLine(s)) }

// mdInline escapes text for inline Markdown, in a paragraph or a table
// cell, so that it shows as written and does nothing else: every ASCII
// punctuation character Markdown or HTML reads as markup is
// backslash-escaped, so "[x](javascript:…)" is no link, "![](http://…)" no
// image, "<script>" no tag, "|" ends no cell and "**" emphasises
// nothing; a colon and the dot of "www." are escaped too, so a bare
// address ("http://…", "www.…") is not made a link by renderers that link
// such text. Control characters are made visible by [plainText].
func mdInline(s string) string {
	s = plainText(s)
	var b strings.Builder
	b.Grow(len(s) + 8)
	for _, r := range s {
		switch r {
		case '\\', '`', '*', '_', '[', ']', '(', ')', '<', '>', '|', '~', '&', '$', '#', '!', '{', '}', ':':
			b.WriteByte('\\')
		case '.':
			if t := b.String(); len(t) >= 3 && strings.EqualFold(t[len(t)-3:], "www") {
				b.WriteByte('\\') // www.…, which renderers link as they link http://…
			}
		}
		b.WriteRune(r)
	}
	return b.String()
}

// searchWriter remembers the first write error.
type searchWriter struct {
	w   io.Writer
	err error
}

func (w *searchWriter) Write(p []byte) (int, error) {
	if w.err != nil {
		return 0, w.err
	}
	n, err := w.w.Write(p)
	w.err = err
	return n, err
}

func (w *searchWriter) printf(format string, args ...any) {
	fmt.Fprintf(w, format, args...)
}
