package main

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"fmt"
	"io"
	"strings"
	"time"

	sqlite3 "github.com/mattn/go-sqlite3"

	"github.com/redtape-vn/redtape/corpus/index"
)

// facetFields are the facets both engines count, in redtape's order.
var facetFields = []string{"ministry", "sector", "level"}

// counts are the hits of a query by facet value: field → value → count.
type counts map[string]map[string]int

// answer is what a search found: its number of hits and, when asked, the
// facet counts of all of them.
type answer struct {
	total  int
	facets counts
}

// ftsEngine searches the FTS5 database. The facet values of every record
// are read once when it opens, as redtape reads its facet sets once per
// open index, and hits are counted by value in memory.
type ftsEngine struct {
	db     *sql.DB
	values [3][]string  // per facet, the distinct values
	byID   [3][][]int32 // per facet, record id → value numbers
}

// openFTS opens the database at path and reads the facet values.
func openFTS(ctx context.Context, path string) (*ftsEngine, time.Duration, error) {
	db, err := sql.Open("sqlite3", "file:"+path+"?mode=ro")
	if err != nil {
		return nil, 0, fmt.Errorf("open %s: %w", path, err)
	}
	db.SetMaxOpenConns(1)
	// The index files are mapped, as bleve maps its segments.
	for _, p := range []string{"PRAGMA mmap_size = 17179869184", "PRAGMA cache_size = -262144"} {
		if _, err := db.ExecContext(ctx, p); err != nil {
			db.Close()
			return nil, 0, fmt.Errorf("%s: %w", p, err)
		}
	}
	start := time.Now()
	e := &ftsEngine{db: db}
	rows, err := db.QueryContext(ctx, "SELECT id, ministry, sector, levels FROM docs ORDER BY id")
	if err != nil {
		db.Close()
		return nil, 0, fmt.Errorf("read facets of %s: %w", path, err)
	}
	defer rows.Close()
	var numbers [3]map[string]int32
	for f := range numbers {
		numbers[f] = map[string]int32{}
		e.byID[f] = [][]int32{nil} // ids start at 1
	}
	number := func(f int, v string) int32 {
		n, ok := numbers[f][v]
		if !ok {
			n = int32(len(e.values[f]))
			numbers[f][v] = n
			e.values[f] = append(e.values[f], v)
		}
		return n
	}
	for rows.Next() {
		var id int
		var ministry, sector, levels string
		if err := rows.Scan(&id, &ministry, &sector, &levels); err != nil {
			db.Close()
			return nil, 0, fmt.Errorf("read facets of %s: %w", path, err)
		}
		if id != len(e.byID[0]) {
			db.Close()
			return nil, 0, fmt.Errorf("read facets of %s: id %d out of order", path, id)
		}
		vals := [3][]string{{ministry}, {sector}, strings.Split(levels, "\x1f")}
		for f, vs := range vals {
			var ns []int32
			for _, v := range vs {
				if v != "" {
					ns = append(ns, number(f, v))
				}
			}
			e.byID[f] = append(e.byID[f], ns)
		}
	}
	if err := rows.Err(); err != nil {
		db.Close()
		return nil, 0, fmt.Errorf("read facets of %s: %w", path, err)
	}
	return e, time.Since(start), nil
}

// Close closes the database.
func (e *ftsEngine) Close() error { return e.db.Close() }

// raw calls fn with the SQLite connection under the pool's only one.
func (e *ftsEngine) raw(ctx context.Context, fn func(*sqlite3.SQLiteConn) error) error {
	c, err := e.db.Conn(ctx)
	if err != nil {
		return err
	}
	defer c.Close()
	return c.Raw(func(dc any) error {
		sc, ok := dc.(*sqlite3.SQLiteConn)
		if !ok {
			return fmt.Errorf("driver connection is a %T", dc)
		}
		return fn(sc)
	})
}

// search runs q as redtape's search does when page is true: the ten best
// hits by bm25 with a snippet each, then every hit, counted in all and by
// facet value. With page false only the counts are made.
func (e *ftsEngine) search(ctx context.Context, q ftsQuery, page bool) (answer, error) {
	from, sqlArgs := q.from()
	args := make([]driver.Value, len(sqlArgs))
	for i, v := range sqlArgs {
		args[i] = v
	}
	if page {
		cols := "d.id, '', ''"
		order := "d.id"
		if q.Match != "" {
			cols = "fts.rowid, fts.name, snippet(fts, -1, '«', '»', '…', 24)"
			order = "rank"
		}
		rows, err := e.db.QueryContext(ctx, "SELECT "+cols+" "+from+" ORDER BY "+order+" LIMIT 10", sqlArgs...)
		if err != nil {
			return answer{}, fmt.Errorf("search %s: %w", q, err)
		}
		for rows.Next() {
			var id int
			var name, snippet string
			if err := rows.Scan(&id, &name, &snippet); err != nil {
				rows.Close()
				return answer{}, fmt.Errorf("search %s: %w", q, err)
			}
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return answer{}, fmt.Errorf("search %s: %w", q, err)
		}
	}
	id := "d.id"
	if q.Match != "" {
		id = "fts.rowid"
	}
	var per [3][]int
	for f := range per {
		per[f] = make([]int, len(e.values[f]))
	}
	var a answer
	// Every hit's id passes from SQLite to Go; through database/sql's
	// Scan that cost two to three times what FTS5 spends finding them
	// (82,266 ids: 35-67 ms against 10-13 ms for count(*)), so the ids
	// are read through the driver's own rows (25 ms).
	err := e.raw(ctx, func(c *sqlite3.SQLiteConn) error {
		rows, err := c.Query("SELECT "+id+" "+from, args)
		if err != nil {
			return err
		}
		defer rows.Close()
		dest := make([]driver.Value, 1)
		for {
			if err := rows.Next(dest); err == io.EOF {
				return nil
			} else if err != nil {
				return err
			}
			id, ok := dest[0].(int64)
			if !ok || id < 1 || id >= int64(len(e.byID[0])) {
				return fmt.Errorf("id %v out of range", dest[0])
			}
			a.total++
			for f := range per {
				for _, n := range e.byID[f][id] {
					per[f][n]++
				}
			}
		}
	})
	if err != nil {
		return answer{}, fmt.Errorf("count %s: %w", q, err)
	}
	a.facets = counts{}
	for f, name := range facetFields {
		m := map[string]int{}
		for n, c := range per[f] {
			if c > 0 {
				m[e.values[f][n]] = c
			}
		}
		a.facets[name] = m
	}
	return a, nil
}

// from returns the FROM and WHERE clauses of q and their arguments.
func (q ftsQuery) from() (string, []any) {
	var args []any
	var where []string
	from := "FROM docs d"
	if q.Match != "" {
		from = "FROM fts"
		if len(q.Where) > 0 {
			from += " JOIN docs d ON d.id = fts.rowid"
		}
		where = append(where, "fts MATCH ?")
		args = append(args, q.Match)
	}
	where = append(where, q.Where...)
	args = append(args, q.Args...)
	return from + " WHERE " + strings.Join(where, " AND "), args
}

// String returns the query as SQL reads it, for messages.
func (q ftsQuery) String() string {
	s, args := q.from()
	return fmt.Sprintf("%s %q", s, args)
}

// redtapeEngine searches a redtape index through the library, as the
// search command does.
type redtapeEngine struct{ ix *index.Index }

// search runs q for its counts only: one hit, no snippets, the facets.
func (e redtapeEngine) search(ctx context.Context, q string) (answer, error) {
	res, err := e.ix.Search(ctx, index.Request{Query: q, Size: 1, NoSnippets: true, NoSuggestions: true})
	if err != nil {
		return answer{}, fmt.Errorf("redtape search %q: %w", q, err)
	}
	a := answer{total: res.Total, facets: counts{}}
	for _, f := range res.Facets {
		m := map[string]int{}
		for _, t := range f.Terms {
			m[t.Value] = t.Count
		}
		if f.OtherValues > 0 {
			// Values past the first 50 are summed: keep the sum under a
			// name no value has, so that the comparison sees it.
			m[otherKey] = f.Other
		}
		a.facets[f.Field] = m
	}
	return a, nil
}

// otherKey holds the summed count of the values a facet does not list.
const otherKey = "\x00other"
