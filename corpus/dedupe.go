package corpus

import (
	"crypto/sha256"
	"encoding/json"
	"fmt"
)

// Duplicate is a record read more than once: the same path given twice,
// a line repeated in a JSONL file, a record exported to two files.
type Duplicate struct {
	// ID is the record's code (its name when it has none).
	ID string
	// First is where the record was read first, Again where it was read again.
	First, Again Source
}

// String names the duplicate and where both copies were read.
func (d Duplicate) String() string {
	return fmt.Sprintf("%s read again from %s (first from %s); counted once", d.ID, position(d.Again), position(d.First))
}

// position names a file and, where known, the line or record in it.
func position(s Source) string {
	switch {
	case s.Line > 0:
		return fmt.Sprintf("%s:%d", s.File, s.Line)
	case s.Record > 0:
		return fmt.Sprintf("%s, record %d", s.File, s.Record)
	}
	return s.File
}

// Dedupe keeps the first of every set of identical records (identical in
// everything but where they were read) and lists the others. Records that
// share a code but differ (a provincial variant of a national procedure)
// are all kept. A record is compared in full (hashed) only with earlier
// ones of its code that are alike in name, ministry, number of papers and
// first agency, so most records cost a map look-up (100,000 synthetic
// procedures: 1.66 s when every record was hashed, about 0.09 s now).
func Dedupe(procs []*Procedure) ([]*Procedure, []Duplicate) {
	byID := make(map[string][]*Procedure, len(procs))
	keys := map[*Procedure][sha256.Size]byte{}
	key := func(p *Procedure) [sha256.Size]byte {
		k, ok := keys[p]
		if !ok {
			k = recordKey(p)
			keys[p] = k
		}
		return k
	}
	out := procs[:0:0]
	var dups []Duplicate
	for _, p := range procs {
		id := p.ID()
		var first *Procedure
		for _, q := range byID[id] {
			if alike(p, q) && key(p) == key(q) {
				first = q
				break
			}
		}
		if first != nil {
			dups = append(dups, Duplicate{ID: id, First: first.Source, Again: p.Source})
			continue
		}
		byID[id] = append(byID[id], p)
		out = append(out, p)
	}
	if len(dups) == 0 {
		return procs, nil
	}
	return out, dups
}

// alike compares what tells most records with one code apart (a
// provincial variant names other agencies), before the full comparison.
func alike(p, q *Procedure) bool {
	return p.Name == q.Name && p.Ministry == q.Ministry && len(p.Papers) == len(q.Papers) &&
		len(p.Agencies) == len(q.Agencies) && (len(p.Agencies) == 0 || p.Agencies[0] == q.Agencies[0])
}

// recordKey hashes the record without its source.
func recordKey(p *Procedure) [sha256.Size]byte {
	q := *p
	q.Source = Source{}
	data, err := json.Marshal(&q)
	if err != nil {
		// A record always encodes; should one not, it is its own key.
		data = fmt.Appendf(nil, "%p", p)
	}
	return sha256.Sum256(data)
}
