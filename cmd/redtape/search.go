package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"runtime/debug"
	"strconv"
	"strings"

	"github.com/urfave/cli/v2"
	"golang.org/x/term"

	"github.com/redtape-vn/redtape/analyzer/assess"
	"github.com/redtape-vn/redtape/corpus"
	"github.com/redtape-vn/redtape/corpus/index"
	"github.com/redtape-vn/redtape/corpus/index/query"
	"github.com/redtape-vn/redtape/reports/searchreport"
)

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
	// The catalog (9-13 ms to read and fold) is read while the index opens.
	type vocabulary struct {
		flagValues []string
		synonyms   *query.Synonyms
		err        error
	}
	vocab := make(chan vocabulary, 1)
	go func() {
		var v vocabulary
		v.flagValues, v.synonyms, v.err = catalogVocabulary(e)
		vocab <- v
	}()
	dir := indexDir(opts.Index, e)
	ix, err := openOrBuildIndex(ctx, dir, opts.Index == "" && e.getenv("REDTAPE_INDEX") == "", e)
	v := <-vocab
	if err != nil {
		return err
	}
	defer ix.Close()
	flagValues, synonyms := v.flagValues, v.synonyms
	if v.err != nil {
		return v.err
	}
	res, err := ix.Search(ctx, index.Request{Query: tree.String(), Page: opts.Page, Size: opts.Size, FlagValues: flagValues, Synonyms: synonyms})
	if err != nil {
		var qe *query.Error
		if errors.As(err, &qe) {
			return queryUsageError(err)
		}
		return err
	}
	switch opts.Format {
	case "json":
		return searchreport.WriteJSON(e.stdout, res)
	case "markdown":
		return searchreport.WriteMarkdown(e.stdout, res)
	}
	return searchreport.WriteTable(e.stdout, res, colorOn(e))
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

// openOrBuildIndex opens the index at dir. When there is none and dir is
// the default (demoDefault: no --index, no REDTAPE_INDEX) it builds one
// from the demo corpus, saying so on stderr, so that a first search shows
// something; an index the user named that does not exist is a usage error
// saying how to build it. An index of another format is refused with advice.
func openOrBuildIndex(ctx context.Context, dir string, demoDefault bool, e *env) (*index.Index, error) {
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
	case !demoDefault:
		// An index the user named is never built from the demo corpus.
		return nil, usageErrorf("no index at %s: build one with \"redtape index --index %s PATHS\"", dir, dir)
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

// catalogVocabulary returns what the catalog in force today tells a
// search (assess.SearchVocabulary).
func catalogVocabulary(e *env) ([]string, *query.Synonyms, error) {
	cat, err := assess.Catalog("", e.now())
	if err != nil {
		return nil, nil, fmt.Errorf("catalog: %w", err)
	}
	values, synonyms := assess.SearchVocabulary(cat)
	return values, synonyms, nil
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
