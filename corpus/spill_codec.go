package corpus

import (
	"encoding/binary"
	"errors"
	"math"
)

// The spill file holds records in a binary form of their own, written and
// read field by field: a spilled record is read back once or twice by
// every comparison, and parsing JSON cost several times as much. Strings
// and lists are written with their length (a uvarint), integers as
// varints, floats as their eight bytes, pointers and booleans as a byte;
// every string read back is a copy of its own.
// A list of none reads back as nil and a float of -0 as 0, as a JSON round
// trip of a record gives them (records read are canonical: the form keeps
// everything else). The form lives only as long as the command that wrote
// it, so it carries no version.

// errSpillCorrupt is what reading a spilled record that is not one gives.
var errSpillCorrupt = errors.New("not a spilled record (the spill file was changed or cut)")

// appendSpilled appends p in the spill form to b.
func appendSpilled(b []byte, p *Procedure) []byte {
	w := spillWriter{b: b}
	writeRecord(&w, p, true)
	return w.b
}

// decodeSpilled reads a record appendSpilled wrote.
func decodeSpilled(b []byte) (*Procedure, error) {
	r := spillReader{b: b}
	p := new(Procedure)
	p.Code = r.str()
	p.Name = r.str()
	p.Decision = r.str()
	p.Ministry = r.str()
	p.Authority = r.strs()
	p.Agencies = r.strs()
	p.Sector = r.str()
	p.Levels = r.strs()
	p.Kind = r.str()
	p.Subjects = r.strs()
	p.Steps = r.strs()
	if n := r.count(); n > 0 {
		p.Channels = make([]Channel, n)
		for i := range p.Channels {
			c := &p.Channels[i]
			c.Mode = ChannelMode(r.str())
			c.Text = r.str()
			if r.bool() {
				c.Time = &Duration{Text: r.str()}
				c.Time.Value = r.float()
				c.Time.Unit = TimeUnit(r.str())
			}
			if n := r.count(); n > 0 {
				c.Fees = make([]Fee, n)
				for k := range c.Fees {
					f := &c.Fees[k]
					f.Text = r.str()
					if r.bool() {
						v := r.int()
						f.Amount = &v
					}
					f.Kind = r.str()
				}
			}
			c.Description = r.str()
		}
	}
	if n := r.count(); n > 0 {
		p.Papers = make([]Paper, n)
		for i := range p.Papers {
			pp := &p.Papers[i]
			pp.Text = r.str()
			pp.Case = r.str()
			pp.Originals = r.intPtr()
			pp.Copies = r.intPtr()
			pp.Quantity = r.str()
			pp.CertifiedCopy = r.bool()
			pp.Forms = r.strs()
			pp.Optional = r.bool()
			pp.Condition = r.str()
			pp.Alternatives = r.strs()
			if r.bool() {
				pp.Span = &Span{Field: r.str()}
				pp.Span.Start = int(r.int())
				pp.Span.End = int(r.int())
			}
		}
	}
	if n := r.count(); n > 0 {
		p.LegalBasis = make([]LegalRef, n)
		for i := range p.LegalBasis {
			l := &p.LegalBasis[i]
			l.Text = r.str()
			l.Number = r.str()
			l.Type = r.str()
			l.Title = r.str()
			l.Issuer = r.str()
			l.Issued = r.str()
			l.Effective = r.str()
		}
	}
	p.Conditions = r.strs()
	p.Results = r.strs()
	if r.bool() {
		v := r.int()
		p.AnnualVolume = &v
	}
	p.Source.File = r.str()
	p.Source.Format = r.str()
	p.Source.Record = int(r.int())
	p.Source.Line = int(r.int())
	p.Source.URL = r.str()
	if r.bad || r.i != len(r.b) {
		return nil, errSpillCorrupt
	}
	return p, nil
}

// spillWriter writes the parts of a record (writeRecord) in the spill
// form.
type spillWriter struct{ b []byte }

func (w *spillWriter) count(n int) { w.b = binary.AppendUvarint(w.b, uint64(n)) }
func (w *spillWriter) int(n int64) { w.b = binary.AppendVarint(w.b, n) }

func (w *spillWriter) str(s string) {
	w.count(len(s))
	w.b = append(w.b, s...)
}

func (w *spillWriter) bool(v bool) {
	if v {
		w.b = append(w.b, 1)
	} else {
		w.b = append(w.b, 0)
	}
}

func (w *spillWriter) float(f float64) bool {
	w.b = binary.LittleEndian.AppendUint64(w.b, math.Float64bits(f))
	return true
}

// spillReader reads the parts of a spilled record from b at i. Past the
// end of b or on a part out of shape it sets bad and reads zeros, so that
// a damaged record is an error, never a panic or a huge allocation.
type spillReader struct {
	b   []byte
	i   int
	bad bool
}

func (r *spillReader) uint() uint64 {
	v, n := binary.Uvarint(r.b[r.i:])
	if n <= 0 {
		r.bad, r.i = true, len(r.b)
		return 0
	}
	r.i += n
	return v
}

func (r *spillReader) int() int64 {
	v, n := binary.Varint(r.b[r.i:])
	if n <= 0 {
		r.bad, r.i = true, len(r.b)
		return 0
	}
	r.i += n
	return v
}

// count reads the length of a list; every element takes a byte at least,
// so a length beyond the bytes left is damage.
func (r *spillReader) count() int {
	n := r.uint()
	if n > uint64(len(r.b)-r.i) {
		r.bad, r.i = true, len(r.b)
		return 0
	}
	return int(n)
}

// str reads a string as a copy of its own, not a part of b: strings of
// baseline records outlive them as keys of the comparison's memos, where a
// part would keep the whole record in memory for the rest of the run.
func (r *spillReader) str() string {
	n := r.count()
	if n == 0 {
		return ""
	}
	s := string(r.b[r.i : r.i+n])
	r.i += n
	return s
}

func (r *spillReader) strs() []string {
	n := r.count()
	if n == 0 {
		return nil
	}
	l := make([]string, n)
	for i := range l {
		l[i] = r.str()
	}
	return l
}

func (r *spillReader) bool() bool {
	if r.i >= len(r.b) || r.b[r.i] > 1 {
		r.bad, r.i = true, len(r.b)
		return false
	}
	r.i++
	return r.b[r.i-1] == 1
}

func (r *spillReader) float() float64 {
	if len(r.b)-r.i < 8 {
		r.bad, r.i = true, len(r.b)
		return 0
	}
	f := math.Float64frombits(binary.LittleEndian.Uint64(r.b[r.i:]))
	r.i += 8
	if f == 0 {
		f = 0 // -0 reads as 0, as JSON's round trip gives it
	}
	return f
}

func (r *spillReader) intPtr() *int {
	if !r.bool() {
		return nil
	}
	v := int(r.int())
	return &v
}
