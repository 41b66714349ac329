package flagreport

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"github.com/redtape-vn/redtape/analyzer/assess"
	"github.com/redtape-vn/redtape/analyzer/flags"
	"github.com/redtape-vn/redtape/internal/textfmt"
)

// Spool holds what a [Stream] writes before its place in the output is
// reached: the Markdown document's procedures, which follow the totals.
// A temporary file does, and a buffer for small inputs.
type Spool interface {
	io.Writer
	// Replay writes everything written so far to w.
	Replay(w io.Writer) error
}

// Stream writes the flag report of procedures flagged one at a time, the
// same bytes as [WriteJSON], [WriteTable] and [WriteMarkdown] write for
// the whole report, keeping no procedure once written: memory is bounded
// by the largest procedure, not by their number. Procedures are written
// as they are added (JSON, table) or to the spool until [Stream.Close]
// has the totals to print first (Markdown).
type Stream struct {
	out         *bufio.Writer
	format      string
	head        Report
	onlyFlagged bool
	spool       Spool
	body        io.Writer // where procedures go
	n           int       // procedures written
}

// NewStream starts a report in format ("json", "table" or "markdown") on
// w. head gives the schema, day and catalog files; its procedures,
// summary and decisions are ignored. onlyFlagged keeps the flagged papers
// of each procedure and the procedures that have one, as [OnlyFlagged].
// spool is needed for Markdown only. Nothing is written before the first
// procedure or Close.
func NewStream(w io.Writer, format string, head Report, onlyFlagged bool, spool Spool) (*Stream, error) {
	s := &Stream{out: bufio.NewWriterSize(w, 64<<10), format: format, head: head, onlyFlagged: onlyFlagged, spool: spool}
	switch format {
	case "json":
		s.body = s.out
	case "table":
		s.body = s.out // rendered through textfmt.TerminalWriter
	case "markdown":
		if spool == nil {
			return nil, fmt.Errorf("flag report: markdown needs a spool for its procedures")
		}
		s.body = spool
	default:
		return nil, fmt.Errorf("flag report: unknown format %q", format)
	}
	return s, nil
}

// Rendered is one procedure as a [Stream] writes it, rendered ahead by
// [Stream.Render].
type Rendered struct {
	data []byte
	keep bool // false: left out by onlyFlagged
}

// Render renders r as [Stream.Add] would write it, without writing it. It
// keeps no state and may be called from several goroutines at once, so
// that procedures can be rendered in parallel and added in order with
// [Stream.AddRendered].
func (s *Stream) Render(r flags.ProcedureResult) (Rendered, error) {
	if s.onlyFlagged {
		var ok bool
		if r, ok = flaggedOnly(r); !ok {
			return Rendered{}, nil
		}
	}
	var b strings.Builder
	switch s.format {
	case "json":
		compact, err := json.Marshal(r)
		if err != nil {
			return Rendered{}, fmt.Errorf("flag report: %s: %w", r.ID, err)
		}
		return Rendered{data: appendIndent(make([]byte, 0, len(compact)*3/2), compact, "    ", "  "), keep: true}, nil
	case "table":
		tableProcedure(&b, r)
		var out bytes.Buffer
		if _, err := io.WriteString(textfmt.TerminalWriter{W: &out}, b.String()); err != nil {
			return Rendered{}, err
		}
		return Rendered{data: out.Bytes(), keep: true}, nil
	default:
		markdownProcedure(&b, r)
		return Rendered{data: []byte(b.String()), keep: true}, nil
	}
}

// Add writes r, the verdicts on the next procedure.
func (s *Stream) Add(r flags.ProcedureResult) error {
	x, err := s.Render(r)
	if err != nil {
		return err
	}
	return s.AddRendered(x)
}

// AddRendered writes the next procedure, rendered by [Stream.Render].
func (s *Stream) AddRendered(x Rendered) error {
	if !x.keep {
		return nil
	}
	if s.format == "json" {
		if s.n == 0 {
			if err := s.jsonHead(); err != nil {
				return err
			}
			s.out.WriteString("[\n    ")
		} else {
			s.out.WriteString(",\n    ")
		}
	}
	s.n++
	_, err := s.body.Write(x.data)
	return err
}

// jsonHead writes the document's fields before its procedures.
func (s *Stream) jsonHead() error {
	head, err := json.MarshalIndent(struct {
		Schema  string   `json:"schema"`
		AsOf    string   `json:"as_of"`
		Catalog []string `json:"catalog"`
	}{s.head.Schema, s.head.AsOf, s.head.Catalog}, "", "  ")
	if err != nil {
		return fmt.Errorf("flag report: %w", err)
	}
	// Drop the closing "\n}" and open the procedures.
	s.out.Write(head[:len(head)-2])
	_, err = s.out.WriteString(",\n  \"procedures\": ")
	return err
}

// Close writes the totals (and, for Markdown, the procedures spooled
// after them) and flushes.
func (s *Stream) Close(sum flags.Summary, dec assess.DecisionSummary) error {
	rep := s.head
	rep.Procedures, rep.Summary, rep.Decisions = nil, sum, dec
	switch s.format {
	case "json":
		if s.n == 0 {
			if err := s.jsonHead(); err != nil {
				return err
			}
			empty := "[]"
			if s.onlyFlagged {
				empty = "null" // as OnlyFlagged gives no list
			}
			s.out.WriteString(empty)
		} else {
			s.out.WriteString("\n  ]")
		}
		tail, err := json.MarshalIndent(struct {
			Summary   flags.Summary          `json:"summary"`
			Decisions assess.DecisionSummary `json:"decisions"`
		}{sum, dec}, "", "  ")
		if err != nil {
			return fmt.Errorf("flag report: %w", err)
		}
		// The fields after the procedures, without the opening "{".
		s.out.WriteByte(',')
		s.out.Write(tail[1:])
		s.out.WriteByte('\n')
	case "table":
		if err := tableSummary(textfmt.TerminalWriter{W: s.out}, rep); err != nil {
			return err
		}
	case "markdown":
		var b strings.Builder
		markdownHead(&b, rep)
		s.out.WriteString(b.String())
		if err := s.out.Flush(); err != nil {
			return err
		}
		if err := s.spool.Replay(s.out); err != nil {
			return err
		}
	}
	return s.out.Flush()
}

// appendIndent appends the compact JSON src to dst indented as
// json.MarshalIndent(v, prefix, indent) would: a line per element and
// field, "key": value, empty lists and objects kept on one line. src
// holds no white space outside strings, as json.Marshal writes it.
func appendIndent(dst, src []byte, prefix, indent string) []byte {
	depth := 0
	open := false // after '{' or '[': a newline is due unless it closes at once
	newline := func() {
		dst = append(dst, '\n')
		dst = append(dst, prefix...)
		for range depth {
			dst = append(dst, indent...)
		}
	}
	for i := 0; i < len(src); i++ {
		c := src[i]
		if open && c != '}' && c != ']' {
			newline()
		}
		switch c {
		case '"':
			open = false
			j := i + 1
			for ; j < len(src); j++ {
				if src[j] == '\\' {
					j++
					continue
				}
				if src[j] == '"' {
					break
				}
			}
			j = min(j, len(src)-1)
			dst = append(dst, src[i:j+1]...)
			i = j
			continue
		case '{', '[':
			dst = append(dst, c)
			depth++
			open = true
			continue
		case '}', ']':
			depth--
			if !open {
				newline()
			}
			dst = append(dst, c)
		case ',':
			dst = append(dst, c)
			newline()
		case ':':
			dst = append(dst, c, ' ')
		default:
			dst = append(dst, c)
		}
		open = false
	}
	return dst
}
