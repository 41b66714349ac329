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
	writers  sync.Pool // of *keyWriter
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
		writers:  sync.Pool{New: func() any { return new(keyWriter) }},
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
	w := d.writers.Get().(*keyWriter)
	defer d.writers.Put(w)
	w.b = w.b[:0]
	if !writeRecord(w, p, false) {
		return Key{}
	}
	return Key{sum: [2]uint64{maphash.Bytes(d.seeds[0], w.b), maphash.Bytes(d.seeds[1], w.b)}, ok: true}
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

// keyWriter writes the parts of a record (writeRecord) as appendValue
// writes them by reflection (a test holds the two to the same bytes on
// random records): strings and lists with their length, integers and
// floats in eight bytes, -0 as 0, pointers and flags as a byte. It refuses
// a NaN.
type keyWriter struct{ b []byte }

func (w *keyWriter) str(s string) {
	w.b = appendUint(w.b, uint64(len(s)))
	w.b = append(w.b, s...)
}

func (w *keyWriter) count(n int) { w.b = appendUint(w.b, uint64(n)) }
func (w *keyWriter) int(n int64) { w.b = appendUint(w.b, uint64(n)) }

func (w *keyWriter) bool(v bool) {
	if v {
		w.b = append(w.b, 1)
	} else {
		w.b = append(w.b, 0)
	}
}

func (w *keyWriter) float(f float64) bool {
	if math.IsNaN(f) {
		return false
	}
	if f == 0 {
		f = 0
	}
	w.b = appendUint(w.b, math.Float64bits(f))
	return true
}

func appendUint(b []byte, n uint64) []byte {
	return append(b, byte(n), byte(n>>8), byte(n>>16), byte(n>>24), byte(n>>32), byte(n>>40), byte(n>>48), byte(n>>56))
}
