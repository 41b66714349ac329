package corpus

import (
	"hash/maphash"
	"math"
	"sync"
)

// Deduper is [Dedupe] for records read one at a time: it keeps, instead of
// the records, a compact key table (per code, the content hash of each
// record kept and where it was read), so a stream of any length can be
// deduplicated in memory that grows by about 110 bytes a record. A record is
// a duplicate when an earlier record of its code has the same content in
// everything but where it was read; the duplicates it reports name both
// places as Dedupe's do. The zero value is not usable; call [NewDeduper].
type Deduper struct {
	seeds [2]maphash.Seed
	// byID maps a record's ID to its latest entry; entries of one ID are
	// chained through prev.
	byID    map[string]int32
	entries []keyEntry
	// files interns the file names of the sources, so an entry holds an
	// index and the table does not grow with the length of paths.
	files    []string
	fileIdx  map[string]int32
	formats  []string
	formatIx map[string]int32
	bufs     sync.Pool
}

// keyEntry is one kept record in the key table.
type keyEntry struct {
	sum          [2]uint64
	prev         int32
	file, format int32
	line, record int32
}

// NewDeduper returns an empty Deduper.
func NewDeduper() *Deduper {
	return &Deduper{
		bufs:     sync.Pool{New: func() any { return new([]byte) }},
		seeds:    [2]maphash.Seed{maphash.MakeSeed(), maphash.MakeSeed()},
		byID:     map[string]int32{},
		fileIdx:  map[string]int32{},
		formatIx: map[string]int32{},
	}
}

// Key is a record's content hash, as [Deduper.Key] computes it.
type Key struct {
	sum [2]uint64
	ok  bool
}

// Add reports whether p repeats a record added before and, when it does,
// the duplicate naming both places; a record that is not a duplicate is
// remembered. It is AddKey(p, d.Key(p)).
func (d *Deduper) Add(p *Procedure) (Duplicate, bool) {
	return d.AddKey(p, d.Key(p))
}

// Key hashes every field of p but its source. It is safe to call from
// several goroutines at once (and so to hash records in parallel before
// adding them in order). The hash is 128 bits wide (two seeded hashes),
// so two different records of one code are taken for one with odds of
// about 2^-128; a record holding a NaN (which JSON cannot write, so
// [Dedupe] keeps it apart) has a key matching no other.
func (d *Deduper) Key(p *Procedure) Key {
	buf := d.bufs.Get().(*[]byte)
	defer d.bufs.Put(buf)
	*buf = (*buf)[:0]
	if !appendProcedure(buf, p) {
		return Key{}
	}
	return Key{sum: [2]uint64{maphash.Bytes(d.seeds[0], *buf), maphash.Bytes(d.seeds[1], *buf)}, ok: true}
}

// AddKey is Add for a record whose key was computed already; k must come
// from d.Key(p).
func (d *Deduper) AddKey(p *Procedure, k Key) (Duplicate, bool) {
	if !k.ok {
		// Distinct from every record: no later record can match it.
		return Duplicate{}, false
	}
	id := p.ID()
	head, seen := d.byID[id]
	if seen {
		for i := head; i >= 0; i = d.entries[i].prev {
			if e := &d.entries[i]; e.sum == k.sum {
				return Duplicate{ID: id, First: d.source(e), Again: p.Source}, true
			}
		}
	}
	prev := int32(-1)
	if seen {
		prev = head
	}
	d.entries = append(d.entries, keyEntry{
		sum: k.sum, prev: prev,
		file: intern(&d.files, d.fileIdx, p.Source.File), format: intern(&d.formats, d.formatIx, p.Source.Format),
		line: clampInt32(p.Source.Line), record: clampInt32(p.Source.Record),
	})
	d.byID[id] = int32(len(d.entries) - 1)
	return Duplicate{}, false
}

// source rebuilds where a kept record was read (without its URL, which
// the table does not keep and no duplicate message names).
func (d *Deduper) source(e *keyEntry) Source {
	return Source{File: d.files[e.file], Format: d.formats[e.format], Line: int(e.line), Record: int(e.record)}
}

func intern(list *[]string, idx map[string]int32, s string) int32 {
	if i, ok := idx[s]; ok {
		return i
	}
	*list = append(*list, s)
	idx[s] = int32(len(*list) - 1)
	return idx[s]
}

func clampInt32(n int) int32 {
	return int32(min(max(n, math.MinInt32), math.MaxInt32))
}

// appendProcedure writes p, its source left out, to b as appendValue
// writes the same record with a zero Source, field by field without
// reflection (a test holds the two to the same bytes on random records, so
// a field added to the model and not here fails it). It returns false
// when the record holds a NaN.
func appendProcedure(b *[]byte, p *Procedure) bool {
	for _, s := range [...]string{p.Code, p.Name, p.Decision, p.Ministry} {
		appendString(b, s)
	}
	appendStrings(b, p.Authority)
	appendStrings(b, p.Agencies)
	appendString(b, p.Sector)
	appendStrings(b, p.Levels)
	appendString(b, p.Kind)
	appendStrings(b, p.Subjects)
	appendStrings(b, p.Steps)
	*b = appendUint(*b, uint64(len(p.Channels)))
	for i := range p.Channels {
		c := &p.Channels[i]
		appendString(b, string(c.Mode))
		appendString(b, c.Text)
		if c.Time == nil {
			*b = append(*b, 0)
		} else {
			*b = append(*b, 1)
			appendString(b, c.Time.Text)
			if !appendFloat(b, c.Time.Value) {
				return false
			}
			appendString(b, string(c.Time.Unit))
		}
		*b = appendUint(*b, uint64(len(c.Fees)))
		for _, f := range c.Fees {
			appendString(b, f.Text)
			appendIntPtr(b, f.Amount)
			appendString(b, f.Kind)
		}
		appendString(b, c.Description)
	}
	*b = appendUint(*b, uint64(len(p.Papers)))
	for i := range p.Papers {
		pp := &p.Papers[i]
		appendString(b, pp.Text)
		appendString(b, pp.Case)
		appendIntPtr(b, pp.Originals)
		appendIntPtr(b, pp.Copies)
		appendString(b, pp.Quantity)
		appendBool(b, pp.CertifiedCopy)
		appendStrings(b, pp.Forms)
		appendBool(b, pp.Optional)
		appendString(b, pp.Condition)
		appendStrings(b, pp.Alternatives)
		if pp.Span == nil {
			*b = append(*b, 0)
		} else {
			*b = append(*b, 1)
			appendString(b, pp.Span.Field)
			*b = appendUint(*b, uint64(pp.Span.Start))
			*b = appendUint(*b, uint64(pp.Span.End))
		}
	}
	*b = appendUint(*b, uint64(len(p.LegalBasis)))
	for i := range p.LegalBasis {
		l := &p.LegalBasis[i]
		for _, s := range [...]string{l.Text, l.Number, l.Type, l.Title, l.Issuer, l.Issued, l.Effective} {
			appendString(b, s)
		}
	}
	appendStrings(b, p.Conditions)
	appendStrings(b, p.Results)
	appendIntPtr(b, p.AnnualVolume)
	// A zero Source: two empty strings, two zeros, an empty string.
	*b = appendUint(appendUint(appendUint(appendUint(appendUint(*b, 0), 0), 0), 0), 0)
	return true
}

func appendString(b *[]byte, s string) {
	*b = appendUint(*b, uint64(len(s)))
	*b = append(*b, s...)
}

func appendStrings(b *[]byte, l []string) {
	*b = appendUint(*b, uint64(len(l)))
	for _, s := range l {
		appendString(b, s)
	}
}

func appendBool(b *[]byte, v bool) {
	if v {
		*b = append(*b, 1)
	} else {
		*b = append(*b, 0)
	}
}

// appendIntPtr writes a pointer to an integer of any width as appendValue
// does: whether it is nil, then the integer.
func appendIntPtr[T int | int64](b *[]byte, v *T) {
	if v == nil {
		*b = append(*b, 0)
		return
	}
	*b = appendUint(append(*b, 1), uint64(*v))
}

// appendFloat writes f as appendValue does (-0 as 0); false for a NaN.
func appendFloat(b *[]byte, f float64) bool {
	if math.IsNaN(f) {
		return false
	}
	if f == 0 {
		f = 0
	}
	*b = appendUint(*b, math.Float64bits(f))
	return true
}

func appendUint(b []byte, n uint64) []byte {
	return append(b, byte(n), byte(n>>8), byte(n>>16), byte(n>>24), byte(n>>32), byte(n>>40), byte(n>>48), byte(n>>56))
}
