package corpus

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
)

// This file reads and writes redtape's CSV: one row per procedure under a
// header row of the column names in [CSVColumns] (any order; unknown
// columns are ignored). Lists of text (levels, agencies, steps ...) are
// joined with " | "; a list whose items would not survive that (an item
// holding " | ", or a cell that would start with "[") is written as a JSON
// array instead, which the reader recognises. Channels, papers and legal
// basis are JSON arrays in the schema of redtape's JSON. Written and read
// back, a CSV keeps every field of every record.

// listSep joins the items of a text list in one cell.
const listSep = " | "

// csvColumn is one column of the CSV: its name and how a procedure's field
// is written to and read from a cell.
type csvColumn struct {
	name string
	get  func(p *Procedure) (string, error)
	set  func(p *Procedure, cell string) error
}

func textColumn(name string, f func(p *Procedure) *string) csvColumn {
	return csvColumn{
		name: name,
		get:  func(p *Procedure) (string, error) { return *f(p), nil },
		set:  func(p *Procedure, cell string) error { *f(p) = cell; return nil },
	}
}

func listColumn(name string, f func(p *Procedure) *[]string) csvColumn {
	return csvColumn{
		name: name,
		get:  func(p *Procedure) (string, error) { return joinList(*f(p)) },
		set: func(p *Procedure, cell string) error {
			l, err := splitListCell(cell)
			*f(p) = l
			return err
		},
	}
}

func jsonColumn[T any](name string, f func(p *Procedure) *[]T) csvColumn {
	return csvColumn{
		name: name,
		get: func(p *Procedure) (string, error) {
			if len(*f(p)) == 0 {
				return "", nil
			}
			return compactJSON(*f(p))
		},
		set: func(p *Procedure, cell string) error {
			if strings.TrimSpace(cell) == "" {
				*f(p) = nil
				return nil
			}
			var v []T
			if err := json.Unmarshal([]byte(cell), &v); err != nil {
				return fmt.Errorf("not a JSON array: %w", err)
			}
			*f(p) = v
			return nil
		},
	}
}

func intColumn(name string, f func(p *Procedure) *int) csvColumn {
	return csvColumn{
		name: name,
		get: func(p *Procedure) (string, error) {
			if *f(p) == 0 {
				return "", nil
			}
			return strconv.Itoa(*f(p)), nil
		},
		set: func(p *Procedure, cell string) error {
			if strings.TrimSpace(cell) == "" {
				*f(p) = 0
				return nil
			}
			n, err := strconv.Atoi(strings.TrimSpace(cell))
			if err != nil || n < 0 {
				return fmt.Errorf("not a whole number: %q", cell)
			}
			*f(p) = n
			return nil
		},
	}
}

// csvColumns lists the columns in the order WriteCSV writes them.
func csvColumns() []csvColumn {
	return []csvColumn{
		textColumn("code", func(p *Procedure) *string { return &p.Code }),
		textColumn("name", func(p *Procedure) *string { return &p.Name }),
		textColumn("decision", func(p *Procedure) *string { return &p.Decision }),
		textColumn("ministry", func(p *Procedure) *string { return &p.Ministry }),
		listColumn("authority", func(p *Procedure) *[]string { return &p.Authority }),
		listColumn("agencies", func(p *Procedure) *[]string { return &p.Agencies }),
		textColumn("sector", func(p *Procedure) *string { return &p.Sector }),
		listColumn("levels", func(p *Procedure) *[]string { return &p.Levels }),
		textColumn("kind", func(p *Procedure) *string { return &p.Kind }),
		listColumn("subjects", func(p *Procedure) *[]string { return &p.Subjects }),
		listColumn("steps", func(p *Procedure) *[]string { return &p.Steps }),
		jsonColumn("channels", func(p *Procedure) *[]Channel { return &p.Channels }),
		jsonColumn("papers", func(p *Procedure) *[]Paper { return &p.Papers }),
		jsonColumn("legal_basis", func(p *Procedure) *[]LegalRef { return &p.LegalBasis }),
		listColumn("conditions", func(p *Procedure) *[]string { return &p.Conditions }),
		listColumn("results", func(p *Procedure) *[]string { return &p.Results }),
		{
			name: "annual_volume",
			get: func(p *Procedure) (string, error) {
				if p.AnnualVolume == nil {
					return "", nil
				}
				return strconv.FormatInt(*p.AnnualVolume, 10), nil
			},
			set: func(p *Procedure, cell string) error {
				cell = strings.TrimSpace(cell)
				if cell == "" {
					p.AnnualVolume = nil
					return nil
				}
				n, err := strconv.ParseInt(cell, 10, 64)
				if err != nil || n < 0 {
					return fmt.Errorf("not a whole number: %q", cell)
				}
				p.AnnualVolume = &n
				return nil
			},
		},
		textColumn("source_file", func(p *Procedure) *string { return &p.Source.File }),
		textColumn("source_format", func(p *Procedure) *string { return &p.Source.Format }),
		intColumn("source_record", func(p *Procedure) *int { return &p.Source.Record }),
		intColumn("source_line", func(p *Procedure) *int { return &p.Source.Line }),
		textColumn("source_url", func(p *Procedure) *string { return &p.Source.URL }),
	}
}

// CSVColumns lists the column names of redtape's CSV in the order
// [WriteCSV] writes them.
func CSVColumns() []string {
	var out []string
	for _, c := range csvColumns() {
		out = append(out, c.name)
	}
	return out
}

// WriteCSV writes procs as redtape CSV: a header row, then one row per
// procedure.
func WriteCSV(w io.Writer, procs []*Procedure) error {
	cols := csvColumns()
	cw := csv.NewWriter(w)
	if err := cw.Write(CSVColumns()); err != nil {
		return fmt.Errorf("write csv: %w", err)
	}
	row := make([]string, len(cols))
	for _, p := range procs {
		for i, c := range cols {
			cell, err := c.get(p)
			if err != nil {
				return fmt.Errorf("write csv: %s: column %s: %w", p.ID(), c.name, err)
			}
			row[i] = cell
		}
		if err := cw.Write(row); err != nil {
			return fmt.Errorf("write csv: %w", err)
		}
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		return fmt.Errorf("write csv: %w", err)
	}
	return nil
}

// joinList writes a text list in one cell (see the file comment).
func joinList(items []string) (string, error) {
	if len(items) == 0 {
		return "", nil
	}
	joined := strings.Join(items, listSep)
	safe := !strings.HasPrefix(joined, "[")
	for _, it := range items {
		if it == "" || strings.Contains(it, "|") || strings.TrimSpace(it) != it {
			safe = false
		}
	}
	if safe {
		return joined, nil
	}
	return compactJSON(items)
}

// splitListCell reads a text-list cell: a JSON array of strings, or items
// joined with " | ".
func splitListCell(cell string) ([]string, error) {
	if strings.TrimSpace(cell) == "" {
		return nil, nil
	}
	if strings.HasPrefix(cell, "[") {
		var items []string
		if err := json.Unmarshal([]byte(cell), &items); err == nil {
			if len(items) == 0 {
				return nil, nil
			}
			return items, nil
		}
	}
	var out []string
	for _, it := range strings.Split(cell, "|") {
		if it = strings.TrimSpace(it); it != "" {
			out = append(out, it)
		}
	}
	return out, nil
}

func compactJSON(v any) (string, error) {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return "", err
	}
	return strings.TrimSuffix(b.String(), "\n"), nil
}

func csvReader() reader {
	return reader{
		name: "csv",
		exts: []string{".csv"},
		read: func(ctx context.Context, path, text string, emit func(*Procedure) error, fail func(*ReadError)) error {
			cr := newCSVReader(text, csvDelimiter(text))
			header, err := cr.Read()
			if err != nil {
				if errors.Is(err, io.EOF) {
					err = errors.New("empty file: a header row is required")
				}
				fail(&ReadError{Line: 1, Err: fmt.Errorf("csv header: %w", err)})
				return nil
			}
			byName := map[string]csvColumn{}
			for _, c := range csvColumns() {
				byName[c.name] = c
			}
			cols := make([]*csvColumn, len(header))
			for i, h := range header {
				if c, ok := byName[strings.ToLower(strings.TrimSpace(h))]; ok {
					cols[i] = &c
				}
			}
			if _, hasCode := indexOf(header, "code"); !hasCode {
				if _, hasName := indexOf(header, "name"); !hasName {
					fail(&ReadError{Line: 1, Err: fmt.Errorf("csv header has neither a code nor a name column (columns: %s)", strings.Join(CSVColumns(), ", "))})
					return nil
				}
			}
			// lineBase is the number of lines of text before the one cr
			// reads from: after a broken quote the reading starts afresh.
			lineBase := 0
			for rec := 1; ; rec++ {
				if rec%1024 == 0 {
					if err := ctx.Err(); err != nil {
						return err
					}
				}
				row, err := cr.Read()
				if errors.Is(err, io.EOF) {
					return nil
				}
				line := 0
				if err == nil && len(row) > 0 {
					line, _ = cr.FieldPos(0)
					line += lineBase
				}
				if err != nil {
					var pe *csv.ParseError
					if !errors.As(err, &pe) {
						fail(&ReadError{Line: line, Record: rec, Err: fmt.Errorf("csv: %w", err)})
						return nil
					}
					line = lineBase + pe.StartLine
					if pe.Err == csv.ErrFieldCount {
						fail(&ReadError{Line: line, Record: rec, Err: fmt.Errorf("csv: %w", err)})
						continue
					}
					// A broken quote swallows the rows after it: report the
					// row where it starts and read on from the next line,
					// so that each later row is read or reported itself.
					next, ok := lineStart(text, line+1)
					msg := fmt.Sprintf("csv: row starting on line %d: %v (line %d, column %d)", line, pe.Err, lineBase+pe.Line, pe.Column)
					if !ok {
						fail(&ReadError{Line: line, Record: rec, Err: errors.New(msg)})
						return nil
					}
					fail(&ReadError{Line: line, Record: rec, Err: fmt.Errorf("%s; reading on from line %d", msg, line+1)})
					cr = newCSVReader(text[next:], cr.Comma)
					lineBase = line
					continue
				}
				p := new(Procedure)
				var bad error
				for i, cell := range row {
					if i >= len(cols) || cols[i] == nil {
						continue
					}
					if err := cols[i].set(p, cell); err != nil && bad == nil {
						bad = fmt.Errorf("column %s: %w", cols[i].name, err)
					}
				}
				if bad == nil {
					bad = validateRecord(p)
				}
				if bad != nil {
					fail(&ReadError{Line: line, Record: rec, Err: bad})
					continue
				}
				keepOrSetSource(p, Source{File: path, Format: "csv", Record: rec, Line: line})
				if err := emit(p); err != nil {
					return err
				}
			}
		},
	}
}

// newCSVReader returns a CSV reader of text with delimiter comma, rows of
// any length.
func newCSVReader(text string, comma rune) *csv.Reader {
	cr := csv.NewReader(strings.NewReader(text))
	cr.Comma = comma
	cr.FieldsPerRecord = -1
	return cr
}

// lineStart returns the byte offset where 1-based line n of text starts;
// false when text has fewer lines.
func lineStart(text string, n int) (int, bool) {
	at := 0
	for l := 1; l < n; l++ {
		i := strings.IndexByte(text[at:], '\n')
		if i < 0 {
			return 0, false
		}
		at += i + 1
	}
	return at, at < len(text)
}

// csvDelimiter picks ';' for a file whose header row has semicolons and no
// commas (as spreadsheets in many locales save CSV), else ','.
func csvDelimiter(text string) rune {
	head, _, _ := strings.Cut(text, "\n")
	if strings.Contains(head, ";") && !strings.Contains(head, ",") {
		return ';'
	}
	return ','
}

func indexOf(header []string, name string) (int, bool) {
	for i, h := range header {
		if strings.EqualFold(strings.TrimSpace(h), name) {
			return i, true
		}
	}
	return -1, false
}
