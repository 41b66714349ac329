package records

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/redtape-vn/redtape/corpus"
	"github.com/redtape-vn/redtape/reports/textfmt"
)

// Formats lists the formats a [Writer] writes, as show names them.
var Formats = []string{"text", "json", "jsonl", "csv"}

// Writer writes procedures as they are read, in one of show's formats,
// the same bytes as [WriteText], corpus.WriteJSON, corpus.WriteJSONL and
// corpus.WriteCSV write for the whole list, keeping none of them: memory
// is bounded by the largest procedure, not by their number.
type Writer struct {
	out    *bufio.Writer
	format string
	text   *textfmt.Writer
	n      int
	buf    bytes.Buffer
	enc    *json.Encoder
	// csvHead is the header corpus.WriteCSV writes before the rows.
	csvHead int
}

// NewWriter starts writing procedures to w in format (one of [Formats]).
// Nothing is written before the first procedure or Close.
func NewWriter(w io.Writer, format string) (*Writer, error) {
	x := &Writer{out: bufio.NewWriterSize(w, 64<<10), format: format}
	switch format {
	case "text":
		x.text = &textfmt.Writer{W: textfmt.TerminalWriter{W: x.out}}
	case "json":
		x.enc = json.NewEncoder(&x.buf)
		x.enc.SetIndent("    ", "  ")
		x.enc.SetEscapeHTML(false)
	case "jsonl", "csv":
	default:
		return nil, fmt.Errorf("unknown format %q (want one of %s)", format, strings.Join(Formats, ", "))
	}
	return x, nil
}

// Add writes p.
func (x *Writer) Add(p *corpus.Procedure) error {
	first := x.n == 0
	x.n++
	switch x.format {
	case "text":
		if !first {
			x.text.Printf("\n")
		}
		writeProcedure(x.text, p)
		return x.text.Err
	case "json":
		if first {
			if err := x.jsonHead(); err != nil {
				return err
			}
			x.out.WriteString("[\n    ")
		} else {
			x.out.WriteString(",\n    ")
		}
		x.buf.Reset()
		if err := x.enc.Encode(p); err != nil {
			return fmt.Errorf("write json: %w", err)
		}
		_, err := x.out.Write(bytes.TrimSuffix(x.buf.Bytes(), []byte("\n")))
		return err
	case "jsonl":
		return corpus.WriteJSONL(x.out, []*corpus.Procedure{p})
	case "csv":
		x.buf.Reset()
		if err := corpus.WriteCSV(&x.buf, []*corpus.Procedure{p}); err != nil {
			return err
		}
		if first {
			var head bytes.Buffer
			if err := corpus.WriteCSV(&head, nil); err != nil {
				return err
			}
			x.csvHead = head.Len()
			_, err := x.out.Write(x.buf.Bytes())
			return err
		}
		_, err := x.out.Write(x.buf.Bytes()[x.csvHead:])
		return err
	}
	return nil
}

// jsonHead writes the document's schema and opens its procedures.
func (x *Writer) jsonHead() error {
	schema, err := json.Marshal(corpus.SchemaVersion)
	if err != nil {
		return fmt.Errorf("write json: %w", err)
	}
	_, err = fmt.Fprintf(x.out, "{\n  \"schema\": %s,\n  \"procedures\": ", schema)
	return err
}

// Close ends the output (for text, with the read summary of sum, which
// may be nil) and flushes it.
func (x *Writer) Close(sum *corpus.Summary) error {
	switch x.format {
	case "text":
		files, failed, skipped := 0, 0, 0
		if sum != nil {
			files, failed, skipped = sum.Files, len(sum.Errors), len(sum.Skipped)
		}
		if x.n > 0 {
			x.text.Printf("\n")
		}
		x.text.Printf("%s\n", ReadSummary(x.n, files, failed, skipped))
		if x.text.Err != nil {
			return x.text.Err
		}
	case "json":
		if x.n == 0 {
			if err := x.jsonHead(); err != nil {
				return err
			}
			x.out.WriteString("[]")
		} else {
			x.out.WriteString("\n  ]")
		}
		x.out.WriteString("\n}\n")
	case "csv":
		if x.n == 0 {
			if err := corpus.WriteCSV(x.out, nil); err != nil {
				return err
			}
		}
	}
	return x.out.Flush()
}

// Counter counts procedures one at a time, as [Count] counts a list: a
// command reading a stream keeps the counts, not the procedures. Its
// memory grows with the ministries met. Use [NewCounter].
type Counter struct {
	total  Counts
	byName map[string]*Counts
}

// NewCounter returns a Counter with nothing counted.
func NewCounter() *Counter {
	c := &Counter{byName: map[string]*Counts{}}
	c.total.Missing = map[string]int{}
	for _, f := range fields {
		c.total.Missing[f.name] = 0
	}
	return c
}

// Add counts p, in the total and in its ministry.
func (c *Counter) Add(p *corpus.Procedure) {
	m := strings.TrimSpace(p.Ministry)
	if m == "" {
		m = unknownMinistry
	}
	g := c.byName[m]
	if g == nil {
		g = &Counts{}
		c.byName[m] = g
	}
	g.add(p)
	c.total.add(p)
}

// Stats returns the counts so far, ministries sorted by name, with the
// read summary sum (which may be nil).
func (c *Counter) Stats(sum *corpus.Summary) *Stats {
	rep := &Stats{Schema: StatsSchema, Total: c.total, Ministries: []Ministry{}}
	var names []string
	for n := range c.byName {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		rep.Ministries = append(rep.Ministries, Ministry{Ministry: n, Counts: *c.byName[n]})
	}
	if sum != nil {
		rep.Files, rep.ReadErrors, rep.Skipped = sum.Files, len(sum.Errors), len(sum.Skipped)
	}
	return rep
}
