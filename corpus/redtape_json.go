package corpus

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
)

// Document is the top-level shape of a redtape JSON file: a schema name and
// the procedures. The reader also accepts a bare array of procedures or one
// procedure object.
type Document struct {
	Schema     string       `json:"schema"`
	Procedures []*Procedure `json:"procedures"`
}

// WriteJSON writes procs as one redtape JSON document.
func WriteJSON(w io.Writer, procs []*Procedure) error {
	if procs == nil {
		procs = []*Procedure{}
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(Document{Schema: SchemaVersion, Procedures: procs}); err != nil {
		return fmt.Errorf("write json: %w", err)
	}
	return nil
}

// WriteJSONL writes procs one per line.
func WriteJSONL(w io.Writer, procs []*Procedure) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	for _, p := range procs {
		if err := enc.Encode(p); err != nil {
			return fmt.Errorf("write jsonl: %w", err)
		}
	}
	return nil
}

func validateRecord(p *Procedure) error {
	if strings.TrimSpace(p.Code) == "" && strings.TrimSpace(p.Name) == "" {
		return errors.New("record has neither code nor name")
	}
	for i, pp := range p.Papers {
		if strings.TrimSpace(pp.Text) == "" {
			return fmt.Errorf("paper %d has no text (a paper is an object with at least \"text\"; see docs/record-format.md)", i+1)
		}
	}
	return nil
}

// decodeRecord decodes one record of the redtape JSON or JSONL format. A
// field the format does not define is an error naming it, not a value
// silently dropped: the record is reported and counted as unreadable.
func decodeRecord(data []byte, p *Procedure) error {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(p); err != nil {
		return err
	}
	if _, err := dec.Token(); err != io.EOF {
		return errors.New("more than one JSON value")
	}
	return nil
}

// jsonlBatch is how many lines the JSONL reader decodes at a time, spread
// over the available cores; records are still emitted in file order.
const jsonlBatch = 512

// jsonlLine is one non-empty line of a JSONL file and what it decoded to.
type jsonlLine struct {
	text   string
	line   int
	record int
	proc   *Procedure
	err    error
}

func jsonlReader() reader {
	return reader{
		name:      "jsonl",
		exts:      []string{".jsonl", ".ndjson"},
		canonical: true,
		read: func(ctx context.Context, path, text string, emit func(*Procedure) error, fail func(*ReadError)) error {
			// Strings can only be non-NFC in an NFC text through \u escapes.
			nfc := strings.Contains(text, `\u`)
			workers := decodeWorkers()
			batch := make([]jsonlLine, 0, jsonlBatch)
			flush := func() error {
				decodeJSONLBatch(batch, workers, nfc, "invalid JSON")
				for i := range batch {
					l := &batch[i]
					if l.err != nil {
						fail(&ReadError{Line: l.line, Record: l.record, Err: l.err})
						continue
					}
					keepOrSetSource(l.proc, Source{File: path, Format: "jsonl", Record: l.record, Line: l.line})
					if err := emit(l.proc); err != nil {
						return err
					}
				}
				batch = batch[:0]
				return ctx.Err()
			}
			line, record := 0, 0
			for rest := text; rest != ""; {
				var cur string
				cur, rest, _ = strings.Cut(rest, "\n")
				line++
				if cur = strings.TrimSpace(cur); cur == "" {
					continue
				}
				record++
				batch = append(batch, jsonlLine{text: cur, line: line, record: record})
				if len(batch) == jsonlBatch {
					if err := flush(); err != nil {
						return err
					}
				}
			}
			return flush()
		},
	}
}

// decodeWorkers returns how many goroutines decode a batch of records.
func decodeWorkers() int {
	return min(runtime.GOMAXPROCS(0), 8)
}

// decodeJSONLBatch decodes the records of batch, in parallel when it is
// large enough to pay for it. A record that is not valid JSON or does not
// fit the format gets an error starting with what (then ": ").
func decodeJSONLBatch(batch []jsonlLine, workers int, nfc bool, what string) {
	decode := func(l *jsonlLine) {
		p, err := decodeRecordText(l.text)
		if err != nil {
			l.err = fmt.Errorf("%s: %w", what, err)
			return
		}
		if err := validateRecord(p); err != nil {
			l.err = err
			return
		}
		canonicalize(p, nfc)
		l.proc = p
	}
	if workers < 2 || len(batch) < 64 {
		for i := range batch {
			decode(&batch[i])
		}
		return
	}
	// Lines are taken one at a time from a shared counter, so a worker
	// that is held up (by a long line, or by other work on the machine)
	// does not keep the others waiting at the end of the batch.
	var next atomic.Int64
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := int(next.Add(1) - 1); i < len(batch); i = int(next.Add(1) - 1) {
				decode(&batch[i])
			}
		}()
	}
	wg.Wait()
}

// sniffRedtapeJSON reports whether text is a redtape document, array or record.
func sniffRedtapeJSON(_, text string) bool {
	keys := topLevelKeys(text)
	if keys["schema"] && keys["procedures"] {
		return true
	}
	return keys["code"] && keys["name"] && (keys["papers"] || keys["source"] || keys["channels"] || keys["legal_basis"])
}

// lineOfOffset returns the 1-based line of byte offset off in text.
func lineOfOffset(text string, off int64) int {
	if off > int64(len(text)) {
		off = int64(len(text))
	}
	return strings.Count(text[:off], "\n") + 1
}

func redtapeJSONReader() reader {
	return reader{
		name:      "redtape-json",
		exts:      []string{".json"},
		sniff:     sniffRedtapeJSON,
		canonical: true,
		read: func(ctx context.Context, path, text string, emit func(*Procedure) error, fail func(*ReadError)) error {
			trimmed := strings.TrimSpace(text)
			nfc := strings.Contains(text, `\u`)
			records, schema, doc, ok := splitRedtapeJSON(trimmed)
			if !ok {
				var err error
				if records, schema, doc, err = unmarshalRedtapeJSON(trimmed); err != nil {
					fail(&ReadError{Line: jsonErrorLine(text, err), Err: fmt.Errorf("invalid JSON: %w", err)})
					return nil
				}
			}
			if doc {
				if schema == "" {
					records = []string{trimmed}
				} else if !strings.HasPrefix(schema, "redtape.procedure/") {
					fail(&ReadError{Err: fmt.Errorf("unknown schema %q (want %s)", schema, SchemaVersion)})
					return nil
				}
			}
			workers := decodeWorkers()
			batch := make([]jsonlLine, 0, min(len(records), jsonlBatch))
			for start := 0; start < len(records); start += jsonlBatch {
				batch = batch[:0]
				for i, raw := range records[start:min(start+jsonlBatch, len(records))] {
					batch = append(batch, jsonlLine{text: raw, record: start + i + 1})
				}
				decodeJSONLBatch(batch, workers, nfc, "invalid record")
				for i := range batch {
					if err := ctx.Err(); err != nil {
						return err
					}
					r := &batch[i]
					if r.err != nil {
						fail(&ReadError{Record: r.record, Err: r.err})
						continue
					}
					keepOrSetSource(r.proc, Source{File: path, Format: "redtape-json", Record: r.record})
					if err := emit(r.proc); err != nil {
						return err
					}
				}
			}
			return nil
		},
	}
}

// unmarshalRedtapeJSON reads the records of a redtape JSON text with
// encoding/json: the elements of an array, or the schema and procedures of
// a document (doc true; a document without schema is one record).
func unmarshalRedtapeJSON(trimmed string) (records []string, schema string, doc bool, err error) {
	var raws []json.RawMessage
	if strings.HasPrefix(trimmed, "[") {
		if err := json.Unmarshal([]byte(trimmed), &raws); err != nil {
			return nil, "", false, err
		}
	} else {
		var d struct {
			Schema     string            `json:"schema"`
			Procedures []json.RawMessage `json:"procedures"`
		}
		if err := json.Unmarshal([]byte(trimmed), &d); err != nil {
			return nil, "", true, err
		}
		raws, schema, doc = d.Procedures, d.Schema, true
	}
	records = make([]string, len(raws))
	for i, r := range raws {
		records[i] = string(r)
	}
	return records, schema, doc, nil
}

// splitRedtapeJSON finds what [unmarshalRedtapeJSON] finds, the same
// records as pieces of the text, without decoding the whole text twice
// and copying each record. It reports ok false, for encoding/json to
// decide, when the text is not valid JSON or when its document members
// are anything but "schema" (a string without escapes) and "procedures"
// (an array) at most once each, with other members, which encoding/json
// ignores, spelled in no letter case that it would take for them.
func splitRedtapeJSON(trimmed string) (records []string, schema string, doc, ok bool) {
	if !json.Valid([]byte(trimmed)) {
		return nil, "", false, false
	}
	s := jsonScanner{text: trimmed}
	if s.peek() == '[' {
		records, ok = s.elements()
		return records, "", false, ok
	}
	if s.peek() != '{' {
		return nil, "", false, false
	}
	s.i++
	var haveSchema, haveProcedures bool
	for n := 0; ; n++ {
		s.space()
		if s.peek() == '}' {
			return records, schema, true, true
		}
		if n > 0 {
			if s.peek() != ',' {
				return nil, "", false, false
			}
			s.i++
			s.space()
		}
		start := s.i
		if s.peek() != '"' || !s.skipString() {
			return nil, "", false, false
		}
		key := trimmed[start+1 : s.i-1]
		s.space()
		if s.peek() != ':' {
			return nil, "", false, false
		}
		s.i++
		s.space()
		switch {
		case strings.IndexByte(key, '\\') >= 0:
			return nil, "", false, false
		case key == "schema" && !haveSchema && s.peek() == '"':
			start := s.i
			if !s.skipString() {
				return nil, "", false, false
			}
			if schema = trimmed[start+1 : s.i-1]; strings.IndexByte(schema, '\\') >= 0 {
				return nil, "", false, false
			}
			haveSchema = true
			continue
		case key == "procedures" && !haveProcedures && s.peek() == '[':
			if records, ok = s.elements(); !ok {
				return nil, "", false, false
			}
			haveProcedures = true
			continue
		case strings.EqualFold(key, "schema") || strings.EqualFold(key, "procedures"):
			return nil, "", false, false
		}
		if !s.skipValue() {
			return nil, "", false, false
		}
	}
}

// jsonErrorLine returns the line of a JSON syntax error, or 0.
func jsonErrorLine(text string, err error) int {
	var se *json.SyntaxError
	if errors.As(err, &se) {
		return lineOfOffset(text, se.Offset)
	}
	var te *json.UnmarshalTypeError
	if errors.As(err, &te) {
		return lineOfOffset(text, te.Offset)
	}
	return 0
}

// keepOrSetSource keeps the source a record carries (a round trip of records
// first read from elsewhere stays lossless) and otherwise points it at src.
func keepOrSetSource(p *Procedure, src Source) {
	if p.Source.File == "" {
		p.Source = src
	}
}
