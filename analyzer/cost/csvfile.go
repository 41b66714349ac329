package cost

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strings"
)

// maxCSVBytes is the largest volumes or sheet file read: 64 MiB, far above
// a row per procedure of every ministry (about 6,400 procedures).
const maxCSVBytes = 64 << 20

// csvRow is one data row of a CSV file read by column name.
type csvRow struct {
	line   int
	fields map[string]string
}

// readCSV reads a CSV file whose first row names its columns. Column
// names are matched without regard to case, surrounding spaces, and
// spaces or hyphens in place of underscores; aliases maps other accepted
// names to a column. Every column in required must be present; a column
// neither required nor in optional is an error, so that a misspelt name
// does not pass silently. A UTF-8 byte order mark, Windows line ends and a
// semicolon in place of the comma (as spreadsheets write in Vietnamese
// locales) are accepted. Blank rows are skipped. Errors name the file
// (what) and the line.
func readCSV(r io.Reader, what string, required, optional []string, aliases map[string]string) ([]csvRow, error) {
	data, err := io.ReadAll(io.LimitReader(r, maxCSVBytes+1))
	if err != nil {
		return nil, fmt.Errorf("%s: %w", what, err)
	}
	if len(data) > maxCSVBytes {
		return nil, fmt.Errorf("%s: larger than %d MiB", what, maxCSVBytes>>20)
	}
	data = bytes.TrimPrefix(data, []byte("\ufeff"))
	cr := csv.NewReader(bytes.NewReader(data))
	first, _, _ := bytes.Cut(data, []byte("\n"))
	if bytes.Count(first, []byte(";")) > bytes.Count(first, []byte(",")) {
		cr.Comma = ';'
	}
	cr.FieldsPerRecord = -1
	cr.TrimLeadingSpace = true
	header, err := cr.Read()
	if errors.Is(err, io.EOF) {
		return nil, fmt.Errorf("%s:1: empty file: a header row is required (columns: %s)", what, strings.Join(required, ", "))
	}
	if err != nil {
		return nil, fmt.Errorf("%s:%w", what, csvErr(err))
	}
	known := map[string]bool{}
	for _, c := range append(append([]string(nil), required...), optional...) {
		known[c] = true
	}
	cols := make([]string, len(header))
	at := map[string]bool{}
	for i, h := range header {
		name := strings.NewReplacer(" ", "_", "-", "_").Replace(strings.ToLower(strings.TrimSpace(h)))
		if a, ok := aliases[name]; ok {
			name = a
		}
		if !known[name] {
			return nil, fmt.Errorf("%s:1: column %q not known (known: %s)", what, h, strings.Join(append(append([]string(nil), required...), optional...), ", "))
		}
		if at[name] {
			return nil, fmt.Errorf("%s:1: column %s given twice", what, name)
		}
		at[name] = true
		cols[i] = name
	}
	for _, c := range required {
		if !at[c] {
			return nil, fmt.Errorf("%s:1: header has no %s column (required: %s)", what, c, strings.Join(required, ", "))
		}
	}
	var rows []csvRow
	for {
		rec, err := cr.Read()
		if errors.Is(err, io.EOF) {
			return rows, nil
		}
		if err != nil {
			return nil, fmt.Errorf("%s:%w", what, csvErr(err))
		}
		line, _ := cr.FieldPos(0)
		if len(rec) > len(cols) {
			return nil, fmt.Errorf("%s:%d: %d fields, the header has %d", what, line, len(rec), len(cols))
		}
		row := csvRow{line: line, fields: map[string]string{}}
		blank := true
		for i, v := range rec {
			v = strings.TrimSpace(v)
			row.fields[cols[i]] = v
			blank = blank && v == ""
		}
		if !blank {
			rows = append(rows, row)
		}
	}
}

// csvErr returns a CSV parse error as "LINE: message".
func csvErr(err error) error {
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		return fmt.Errorf("%d: %w", pe.StartLine, pe.Err)
	}
	return fmt.Errorf("1: %w", err)
}
