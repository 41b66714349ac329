package main

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
	"time"

	"github.com/redtape-vn/redtape/corpus"
	"github.com/redtape-vn/redtape/corpus/index/fields"
)

// valueSep is written between the values of a many-valued column (the
// papers, the texts of a procedure). FTS5 has no position gap between
// values, so a word no query asks for keeps a phrase from running from
// one value into the next, as redtape's gap does.
const valueSep = " qqzsep "

// schema is the database the benchmark searches: fts holds the text, folded
// by unicode61 (remove_diacritics 2) after đ is written d; docs holds what
// is filtered and counted as plain values.
const schema = `
CREATE TABLE docs(id INTEGER PRIMARY KEY, code TEXT, ministry TEXT, sector TEXT, levels TEXT);
CREATE VIRTUAL TABLE fts USING fts5(name, text, papers, ministry, sector, levels, basis,
	tokenize = 'unicode61 remove_diacritics 2');
INSERT INTO fts(fts, rank) VALUES ('rank', 'bm25(3.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0)');
`

// row is one procedure as the two tables hold it.
type row struct {
	code, ministry, sector string
	levels                 []string
	name, text, papers     string
	basis                  string
}

// rowOf takes from a procedure the same texts redtape's index takes
// (corpus/index/document.go): the name, papers, steps, conditions,
// results, subjects, authorities, agencies, legal basis, channel
// descriptions, ministry, sector, kind, decision, code and levels.
func rowOf(p *corpus.Procedure) row {
	var texts []string
	add := func(ss ...string) {
		for _, s := range ss {
			if s = strings.TrimSpace(s); s != "" {
				texts = append(texts, s)
			}
		}
	}
	add(p.Name)
	var papers []string
	for _, pp := range p.Papers {
		if t := strings.TrimSpace(pp.Text); t != "" {
			papers = append(papers, t)
		}
	}
	add(papers...)
	add(p.Steps...)
	add(p.Conditions...)
	add(p.Results...)
	add(p.Subjects...)
	add(p.Authority...)
	add(p.Agencies...)
	var numbers []string
	for _, ref := range p.LegalBasis {
		add(ref.Text)
		if ref.Title != "" && !strings.Contains(ref.Text, ref.Title) {
			add(ref.Title)
		}
		if ref.Number != "" {
			numbers = appendUnique(numbers, fields.NormalizeNumber(ref.Number))
		}
		for _, n := range fields.ExtractNumbers(ref.Text) {
			numbers = appendUnique(numbers, n)
		}
	}
	for _, c := range p.Channels {
		add(c.Description)
	}
	var levels []string
	for _, l := range p.Levels {
		if l = fields.CanonicalLevel(l); l != "" {
			levels = appendUnique(levels, l)
		}
	}
	add(p.Ministry, p.Sector, p.Kind, p.Decision, p.Code)
	add(levels...)
	return row{
		code:     strings.ToLower(strings.TrimSpace(p.Code)),
		ministry: strings.TrimSpace(p.Ministry),
		sector:   strings.TrimSpace(p.Sector),
		levels:   levels,
		name:     foldD(p.Name),
		text:     foldD(strings.Join(texts, valueSep)),
		papers:   foldD(strings.Join(papers, valueSep)),
		basis:    strings.Join(numbers, valueSep),
	}
}

func appendUnique(list []string, s string) []string {
	for _, x := range list {
		if x == s {
			return list
		}
	}
	return append(list, s)
}

// openDB opens (or creates) the database at path on one connection.
func openDB(path string) (*sql.DB, error) {
	db, err := sql.Open("sqlite3", path)
	if err != nil {
		return nil, fmt.Errorf("open %s: %w", path, err)
	}
	db.SetMaxOpenConns(1)
	return db, nil
}

// loadStats is what building the FTS5 database cost.
type loadStats struct {
	procedures int
	load       time.Duration // reading the records and inserting them
	optimize   time.Duration // merging FTS5's segments into one b-tree
}

// load reads the records under paths into a new database.
func load(ctx context.Context, db *sql.DB, paths []string, optimize bool) (loadStats, error) {
	var st loadStats
	start := time.Now()
	for _, p := range []string{"PRAGMA journal_mode = OFF", "PRAGMA synchronous = OFF", schema} {
		if _, err := db.ExecContext(ctx, p); err != nil {
			return st, fmt.Errorf("create schema: %w", err)
		}
	}
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return st, fmt.Errorf("begin: %w", err)
	}
	defer tx.Rollback()
	insDoc, err := tx.PrepareContext(ctx, "INSERT INTO docs(id, code, ministry, sector, levels) VALUES (?, ?, ?, ?, ?)")
	if err != nil {
		return st, fmt.Errorf("prepare: %w", err)
	}
	insFTS, err := tx.PrepareContext(ctx, "INSERT INTO fts(rowid, name, text, papers, ministry, sector, levels, basis) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
	if err != nil {
		return st, fmt.Errorf("prepare: %w", err)
	}
	sum, err := corpus.Walk(ctx, paths, corpus.Options{}, func(p *corpus.Procedure) error {
		st.procedures++
		r := rowOf(p)
		id := st.procedures
		if _, err := insDoc.ExecContext(ctx, id, r.code, r.ministry, r.sector, strings.Join(r.levels, "\x1f")); err != nil {
			return fmt.Errorf("insert %s: %w", p.Code, err)
		}
		if _, err := insFTS.ExecContext(ctx, id, r.name, r.text, r.papers, foldD(r.ministry), foldD(r.sector),
			foldD(strings.Join(r.levels, valueSep)), r.basis); err != nil {
			return fmt.Errorf("insert %s: %w", p.Code, err)
		}
		return nil
	})
	if err != nil {
		return st, fmt.Errorf("read %s: %w", strings.Join(paths, " "), err)
	}
	if sum.Failed() {
		return st, fmt.Errorf("read %s: %d inputs could not be read, first: %v", strings.Join(paths, " "), len(sum.Errors), sum.Errors[0])
	}
	if _, err := tx.ExecContext(ctx, "CREATE INDEX docs_code ON docs(code)"); err != nil {
		return st, fmt.Errorf("index codes: %w", err)
	}
	if err := tx.Commit(); err != nil {
		return st, fmt.Errorf("commit: %w", err)
	}
	st.load = time.Since(start)
	if optimize {
		start = time.Now()
		if _, err := db.ExecContext(ctx, "INSERT INTO fts(fts) VALUES ('optimize')"); err != nil {
			return st, fmt.Errorf("optimize: %w", err)
		}
		st.optimize = time.Since(start)
	}
	return st, nil
}
