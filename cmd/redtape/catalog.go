package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/urfave/cli/v2"

	"github.com/redtape-vn/redtape/analyzer/catalog"
)

// catalogOptions are the options of the catalog command.
type catalogOptions struct {
	// Catalog is a catalog file extending the built-in one; empty for none.
	Catalog string
	// AsOf keeps the entries in force on that day (YYYY-MM-DD); empty lists all.
	AsOf string
	// Format is "table" or "json".
	Format string
}

func catalogCommand(e *env) *cli.Command {
	return &cli.Command{
		Name:  "catalog",
		Usage: "list the catalog of digitised data: papers, databases, legal bases and sources",
		Description: "Lists every entry of the catalog the flag command matches against: the paper and the\n" +
			"names it goes by, the database and owner that hold it, the legal basis with the dates it\n" +
			"applies, the coverage and the sources. See docs/flags.md for the file format.",
		Flags: []cli.Flag{
			&cli.StringFlag{Name: "catalog", Usage: "catalog `FILE` extending the built-in catalog (\"replace: true\" replaces it)"},
			&cli.StringFlag{Name: "as-of", Usage: "list only the entries in force on `DATE` (YYYY-MM-DD)"},
			&cli.StringFlag{Name: "format", Aliases: []string{"f"}, Value: "table", Usage: "output format: table, json"},
		},
		Action: func(c *cli.Context) error {
			return runCatalog(c.Context, catalogOptions{Catalog: c.String("catalog"), AsOf: c.String("as-of"), Format: c.String("format")}, e)
		},
	}
}

// catalogReport is the JSON document catalog prints.
type catalogReport struct {
	Schema  string           `json:"schema"`
	Files   []string         `json:"files"`
	Entries []*catalog.Entry `json:"entries"`
	// Abbreviations map a phrase of names to its abbreviations.
	Abbreviations map[string][]string `json:"abbreviations,omitempty"`
}

func runCatalog(_ context.Context, opts catalogOptions, e *env) error {
	if opts.Format != "table" && opts.Format != "json" {
		return usageErrorf("--format %q: want table or json", opts.Format)
	}
	cat, err := catalog.Default()
	if err != nil {
		return err
	}
	if opts.Catalog != "" {
		if cat, err = catalog.Load(opts.Catalog, cat); err != nil {
			return usageErrorf("--catalog: %v", err)
		}
	}
	if opts.AsOf != "" {
		day, err := catalog.ParseDate(opts.AsOf)
		if err != nil {
			return usageErrorf("--as-of: %v", err)
		}
		cat = cat.InForce(day)
	}
	if opts.Format == "json" {
		enc := json.NewEncoder(e.stdout)
		enc.SetIndent("", "  ")
		if err := enc.Encode(catalogReport{Schema: catalog.Schema, Files: cat.Files, Entries: cat.Entries, Abbreviations: cat.Abbreviations}); err != nil {
			return fmt.Errorf("write catalog: %w", err)
		}
		return nil
	}
	if err := writeCatalogTable(e.stdout, cat); err != nil {
		return fmt.Errorf("write catalog: %w", err)
	}
	return nil
}

func writeCatalogTable(w io.Writer, cat *catalog.Catalog) error {
	var b strings.Builder
	for _, en := range cat.Entries {
		until := "no end date"
		if !en.Until.IsZero() {
			until = "until " + en.Until.Format("2006-01-02")
		}
		fmt.Fprintf(&b, "%s — %s (%s)\n", en.ID, en.Name, en.English)
		fmt.Fprintf(&b, "  database:  %s (%s)\n", en.DatabaseIn(catalog.Vietnamese), en.OwnerIn(catalog.Vietnamese))
		if en.DatabaseVi != "" || en.OwnerVi != "" {
			fmt.Fprintf(&b, "             %s (%s)\n", en.Database, en.Owner)
		}
		fmt.Fprintf(&b, "  coverage:  %s; from %s, %s\n", en.Coverage, en.From.Format("2006-01-02"), until)
		for _, bs := range en.Basis {
			fmt.Fprintf(&b, "  basis:     %s\n", bs.String())
			if vi := bs.Citation(catalog.Vietnamese); vi != bs.Citation(catalog.English) {
				fmt.Fprintf(&b, "             %s\n", vi)
			}
		}
		fmt.Fprintf(&b, "  names:     %s\n", strings.Join(en.Variants, "; "))
		if len(en.Broader) > 0 {
			fmt.Fprintf(&b, "  broader:   %s (%s: %s)\n", strings.Join(en.Broader, "; "), en.BroaderCoverage, en.BroaderNote)
		}
		if en.Note != "" {
			fmt.Fprintf(&b, "  note:      %s\n", en.Note)
		}
		for _, s := range en.Sources {
			fmt.Fprintf(&b, "  source:    %s\n", s)
		}
		b.WriteByte('\n')
	}
	if len(cat.Abbreviations) > 0 {
		phrases := make([]string, 0, len(cat.Abbreviations))
		for p := range cat.Abbreviations {
			phrases = append(phrases, p)
		}
		sort.Strings(phrases)
		b.WriteString("abbreviations (names also match with these phrases abbreviated):\n")
		for _, p := range phrases {
			fmt.Fprintf(&b, "  %s: %s\n", strings.Join(cat.Abbreviations[p], ", "), p)
		}
		b.WriteByte('\n')
	}
	fmt.Fprintf(&b, "%d entries from %s\n", len(cat.Entries), strings.Join(cat.Files, ", "))
	_, err := io.WriteString(w, b.String())
	return err
}
