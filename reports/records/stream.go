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
	"github.com/redtape-vn/redtape/internal/i18n"
	"github.com/redtape-vn/redtape/internal/textfmt"
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
	n      int
	// csvHead is the header corpus.WriteCSV writes before the rows.
	csvHead []byte
	// t are the texts of the text format.
	t texts
}

// NewWriter starts writing procedures to w in format (one of [Formats]),
// the text format in language l (empty is Vietnamese; the other formats
// are the same in every language). Nothing is written before the first
// procedure or Close.
func NewWriter(w io.Writer, format string, l i18n.Lang) (*Writer, error) {
	x := &Writer{out: bufio.NewWriterSize(w, 64<<10), format: format}
	switch format {
	case "text":
		t, err := loadTexts(l)
		if err != nil {
			return nil, err
		}
		x.t = t
	case "json", "jsonl":
	case "csv":
		var head bytes.Buffer
		if err := corpus.WriteCSV(&head, nil); err != nil {
			return nil, err
		}
		x.csvHead = head.Bytes()
	default:
		return nil, fmt.Errorf("unknown format %q (want one of %s)", format, strings.Join(Formats, ", "))
	}
	return x, nil
}

// Rendered is one procedure as a [Writer] writes it, rendered ahead by
// [Writer.Render].
type Rendered []byte

// Render renders p as [Writer.Add] would write it, without writing it.
// It keeps no state and may be called from several goroutines at once,
// so that procedures can be rendered in parallel and added in order with
// [Writer.AddRendered].
func (x *Writer) Render(p *corpus.Procedure) (Rendered, error) {
	var buf bytes.Buffer
	switch x.format {
	case "text":
		w := &textfmt.Writer{W: textfmt.TerminalWriter{W: &buf}}
		x.t.writeProcedure(w, p)
		return buf.Bytes(), w.Err
	case "json":
		enc := json.NewEncoder(&buf)
		enc.SetIndent("    ", "  ")
		enc.SetEscapeHTML(false)
		if err := enc.Encode(p); err != nil {
			return nil, fmt.Errorf("write json: %w", err)
		}
		return bytes.TrimSuffix(buf.Bytes(), []byte("\n")), nil
	case "jsonl":
		err := corpus.WriteJSONL(&buf, []*corpus.Procedure{p})
		return buf.Bytes(), err
	default:
		if err := corpus.WriteCSV(&buf, []*corpus.Procedure{p}); err != nil {
			return nil, err
		}
		return bytes.TrimPrefix(buf.Bytes(), x.csvHead), nil
	}
}

// Add writes p.
func (x *Writer) Add(p *corpus.Procedure) error {
	r, err := x.Render(p)
	if err != nil {
		return err
	}
	return x.AddRendered(r)
}

// AddRendered writes the next procedure, rendered by [Writer.Render].
func (x *Writer) AddRendered(r Rendered) error {
	first := x.n == 0
	x.n++
	switch x.format {
	case "text":
		if !first {
			x.out.WriteByte('\n')
		}
	case "json":
		if first {
			if err := x.jsonHead(); err != nil {
				return err
			}
			x.out.WriteString("[\n    ")
		} else {
			x.out.WriteString(",\n    ")
		}
	case "csv":
		if first {
			x.out.Write(x.csvHead)
		}
	}
	_, err := x.out.Write(r)
	return err
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
			x.out.WriteByte('\n')
		}
		// The summary goes through the terminal filter as the records do.
		if _, err := io.WriteString(textfmt.TerminalWriter{W: x.out}, x.t.readSummary(x.n, files, failed, skipped)+"\n"); err != nil {
			return err
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
			x.out.Write(x.csvHead)
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
