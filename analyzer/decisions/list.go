package decisions

import (
	"bytes"
	_ "embed"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"

	"github.com/redtape-vn/redtape/corpus/vntext"
)

// Schema is the format name and version of decisions files.
const Schema = "redtape.decisions/v1"

// DefaultName is the name under which the embedded list reports errors.
const DefaultName = "appendix-i.csv (built in)"

//go:embed appendix-i.csv
var defaultData []byte

// columns are the columns a decisions file may have, in the built-in
// list's order. Read only.
var columns = []string{"code", "paper", "database", "owner", "document", "provision", "ref", "procedure", "section"}

// Columns returns the columns a decisions file may have, in the built-in
// list's order; code and paper are required, the others may be left out
// of the header or empty in a row.
func Columns() []string { return append([]string(nil), columns...) }

// Row is one decision: in the procedure with Code, Paper is replaced by the
// data of Database.
type Row struct {
	// Code is the procedure code, e.g. "2.002093".
	Code string `json:"code"`
	// Paper is the paper (or papers, separated by ";", "/", "," or
	// "hoặc") the database replaces, as the decision writes it.
	Paper string `json:"paper"`
	// Database is the database that holds the data, and Owner the body
	// that owns it, as written.
	Database string `json:"database,omitempty"`
	Owner    string `json:"owner,omitempty"`
	// Document is the legal document that asks for the paper, and
	// Provision the article or clause in it, as written.
	Document  string `json:"document,omitempty"`
	Provision string `json:"provision,omitempty"`
	// Ref is the row's number in the decision (the Appendix's "STT").
	Ref string `json:"ref,omitempty"`
	// Procedure is the procedure's name, and Section the section of the
	// decision the row is in (the ministry's field), as written.
	Procedure string `json:"procedure,omitempty"`
	Section   string `json:"section,omitempty"`
	// Title names the decision the row belongs to, e.g. "Nghị quyết
	// 66.7/2025/NQ-CP, Phụ lục I"; Source says where its rows come from.
	Title  string `json:"title"`
	Source string `json:"source"`
	// File and Line locate the row in the file it was read from.
	File string `json:"file"`
	Line int    `json:"line"`
	// names are the row's paper names as folded key phrases.
	names []name
}

// Cite cites the row: the decision, its row number, and the legal
// provision, e.g. "Nghị quyết 66.7/2025/NQ-CP, Phụ lục I, row 1: Điểm b
// khoản 1 Điều 10, Nghị định số 113/2017/NĐ-CP".
func (r *Row) Cite() string {
	s := r.Title
	if r.Ref != "" {
		s += ", row " + r.Ref
	} else {
		s += fmt.Sprintf(" (%s:%d)", r.File, r.Line)
	}
	var law []string
	for _, x := range []string{r.Provision, r.Document} {
		if x != "" {
			law = append(law, x)
		}
	}
	if len(law) > 0 {
		s += ": " + strings.Join(law, ", ")
	}
	return s
}

// Key returns the row's identity: its code, and its paper, document and
// provision in folded words. A row of a file extending a list replaces the
// list's row of the same key.
func (r *Row) Key() string {
	k := r.Code
	for _, s := range []string{r.Paper, r.Document, r.Provision} {
		k += "\x00" + strings.Join(vntext.FoldedWords(s), " ")
	}
	return k
}

// List is a validated set of rows with an index by procedure code. It is
// not modified after it is built ([Load] and [Parse] return new lists), so
// it is safe for concurrent use.
type List struct {
	// Rows are the rows in file order (base rows first).
	Rows []*Row
	// Files lists the files the list was read from, in order.
	Files []string
	// byCode indexes Rows by procedure code.
	byCode map[string][]*Row
}

// Len returns the number of rows.
func (l *List) Len() int { return len(l.Rows) }

// ByCode returns the rows of the procedure with code, in file order; nil
// when the list names none. A code with an agency suffix
// ("1.004194.000.00.00.H12", as local procedures are numbered) finds the
// rows of its national code ("1.004194") when the list names none under
// the whole code. The slice must not be modified.
func (l *List) ByCode(code string) []*Row {
	if l == nil {
		return nil
	}
	code = strings.TrimSpace(code)
	if rows := l.byCode[code]; rows != nil {
		return rows
	}
	if len(code) > 8 && code[1] == '.' && code[8] == '.' {
		return l.byCode[code[:8]]
	}
	return nil
}

// Codes returns the number of distinct procedure codes.
func (l *List) Codes() int { return len(l.byCode) }

// Default returns the built-in list: Appendix I of Resolution
// 66.7/2025/NQ-CP, parsed anew on every call.
func Default() (*List, error) {
	return Parse(DefaultName, defaultData, nil)
}

// Load reads the decisions file at path. With a nil base the file stands
// alone; otherwise it extends base: its rows replace base rows of the same
// [Row.Key] and are added after the others, and a file whose header says
// "# replace: true" drops base's rows altogether.
func Load(path string, base *List) (*List, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("read decisions: %w", err)
	}
	return Parse(path, data, base)
}

// header is a file's metadata, from its leading "# key: value" lines.
type header struct {
	schema, title, source string
	rows                  int // -1 when not given
	replace               bool
}

// Parse reads a decisions file's content; name is used in errors and as
// the rows' File. See [Load] for how base is extended.
func Parse(name string, data []byte, base *List) (*List, error) {
	var errs []error
	fail := func(line int, format string, args ...any) {
		where := name
		if line > 0 {
			where += ":" + strconv.Itoa(line)
		}
		errs = append(errs, fmt.Errorf("decisions %s: "+format, append([]any{where}, args...)...))
	}
	h, body, skipped, err := readHeader(data)
	if err != nil {
		return nil, fmt.Errorf("decisions %s: %w", name, err)
	}
	if h.schema != Schema {
		return nil, fmt.Errorf("decisions %s: schema is %q, want %q (a line \"# schema: %s\" before the column names)", name, h.schema, Schema, Schema)
	}
	if h.title == "" {
		fail(0, "title is missing: a line \"# title: ...\" names the decision its rows cite")
	}
	if h.source == "" {
		fail(0, "source is missing: a line \"# source: ...\" says where the rows come from")
	}
	r := csv.NewReader(bytes.NewReader(body))
	r.FieldsPerRecord = -1
	r.Comment = '#' // a row may be commented out
	cols, err := r.Read()
	if err != nil {
		if errors.Is(err, io.EOF) {
			return nil, fmt.Errorf("decisions %s: the column names are missing", name)
		}
		return nil, fmt.Errorf("decisions %s: %w", name, lineErr(err, skipped))
	}
	at := map[string]int{}
	for i, c := range cols {
		c = strings.TrimSpace(strings.TrimPrefix(c, "\ufeff"))
		if !known(c) {
			fail(skipped+1, "column %q is not one of %s", c, strings.Join(columns, ", "))
			continue
		}
		if _, dup := at[c]; dup {
			fail(skipped+1, "column %q appears twice", c)
			continue
		}
		at[c] = i
	}
	for _, c := range []string{"code", "paper"} {
		if _, ok := at[c]; !ok {
			fail(skipped+1, "column %q is missing", c)
		}
	}
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	get := func(rec []string, c string) string {
		i, ok := at[c]
		if !ok || i >= len(rec) {
			return ""
		}
		return vntext.CollapseSpace(vntext.NFC(rec[i]))
	}
	var rows []*Row
	seen := map[string]int{}
	for {
		rec, err := r.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			fail(0, "%w", lineErr(err, skipped))
			break
		}
		line, _ := r.FieldPos(0)
		line += skipped
		if len(rec) != len(cols) {
			fail(line, "%d fields, want %d as the column names", len(rec), len(cols))
			continue
		}
		row := &Row{Title: h.title, Source: h.source, File: name, Line: line}
		row.Code, row.Paper = get(rec, "code"), get(rec, "paper")
		row.Database, row.Owner = get(rec, "database"), get(rec, "owner")
		row.Document, row.Provision = get(rec, "document"), get(rec, "provision")
		row.Ref, row.Procedure, row.Section = get(rec, "ref"), get(rec, "procedure"), get(rec, "section")
		ok := true
		switch {
		case row.Code == "":
			fail(line, "the procedure code is missing")
			ok = false
		case strings.ContainsFunc(row.Code, func(r rune) bool { return !(r >= '0' && r <= '9' || r == '.' || r >= 'A' && r <= 'Z' || r == '-') }):
			fail(line, "procedure code %q: want digits and dots, e.g. 2.002093", row.Code)
			ok = false
		}
		if row.Paper == "" {
			fail(line, "the paper is missing")
			ok = false
		} else if row.names = names(row.Paper, row.Database); len(row.names) == 0 {
			fail(line, "paper %q names no paper to look for", row.Paper)
			ok = false
		}
		if !ok {
			continue
		}
		if first, dup := seen[row.Key()]; dup {
			fail(line, "row repeats line %d (same code, paper, document and provision)", first)
			continue
		}
		seen[row.Key()] = line
		rows = append(rows, row)
	}
	if h.rows >= 0 && len(errs) == 0 && h.rows != len(rows) {
		fail(0, "the header says rows: %d, the file holds %d", h.rows, len(rows))
	}
	if len(rows) == 0 && len(errs) == 0 && (base == nil || h.replace) {
		fail(0, "no rows")
	}
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	out := &List{}
	if base != nil {
		out.Files = append(out.Files, base.Files...)
		if !h.replace {
			for _, r := range base.Rows {
				if _, replaced := seen[r.Key()]; !replaced {
					out.Rows = append(out.Rows, r)
				}
			}
		}
	}
	out.Files = append(out.Files, name)
	out.Rows = append(out.Rows, rows...)
	out.byCode = make(map[string][]*Row, len(out.Rows))
	for _, r := range out.Rows {
		out.byCode[r.Code] = append(out.byCode[r.Code], r)
	}
	return out, nil
}

func known(c string) bool {
	for _, k := range columns {
		if c == k {
			return true
		}
	}
	return false
}

// lineErr shifts the line of a csv.ParseError by the header lines skipped.
func lineErr(err error, skipped int) error {
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		e := *pe
		e.StartLine += skipped
		e.Line += skipped
		return &e
	}
	return err
}

// readHeader reads the leading comment lines of a file: "# key: value"
// lines with key one of schema, title, source, rows and replace set the
// header; other comment lines and blank lines are skipped. It returns the
// rest of the file and the number of lines before it.
func readHeader(data []byte) (h header, body []byte, skipped int, err error) {
	h.rows = -1
	data = bytes.TrimPrefix(data, []byte("\ufeff"))
	off := 0
	for off < len(data) {
		end := bytes.IndexByte(data[off:], '\n')
		next := len(data)
		if end >= 0 {
			next = off + end + 1
		}
		t := strings.TrimSpace(string(data[off:next]))
		if t != "" && !strings.HasPrefix(t, "#") {
			break
		}
		off = next
		skipped++
		key, val, ok := strings.Cut(strings.TrimSpace(strings.TrimPrefix(t, "#")), ":")
		if !ok || !isKey(key) {
			continue
		}
		val = strings.TrimSpace(val)
		switch key {
		case "schema":
			h.schema = val
		case "title":
			h.title = vntext.CollapseSpace(vntext.NFC(val))
		case "source":
			h.source = vntext.CollapseSpace(vntext.NFC(val))
		case "rows":
			n, perr := strconv.Atoi(val)
			if perr != nil || n < 0 {
				return h, nil, 0, fmt.Errorf("line %d: rows %q is not a count", skipped, val)
			}
			h.rows = n
		case "replace":
			b, perr := strconv.ParseBool(val)
			if perr != nil {
				return h, nil, 0, fmt.Errorf("line %d: replace %q is not true or false", skipped, val)
			}
			h.replace = b
		default:
			return h, nil, 0, fmt.Errorf("line %d: header key %q is not one of schema, title, source, rows, replace", skipped, key)
		}
	}
	if off > len(data) {
		off = len(data)
	}
	return h, data[off:], skipped, nil
}

// isKey reports whether s is a header key: one lower-case word.
func isKey(s string) bool {
	if s == "" {
		return false
	}
	for _, r := range s {
		if !(r >= 'a' && r <= 'z' || r == '_') {
			return false
		}
	}
	return true
}
