package collect

import (
	"context"
	"errors"
	"fmt"
	"math"
	"slices"

	"github.com/redtape-vn/redtape/analyzer/assess"
	"github.com/redtape-vn/redtape/analyzer/compare"
	"github.com/redtape-vn/redtape/corpus"
	"github.com/redtape-vn/redtape/reports"
)

// Reader reads a set of records, in the same order at every read. It calls
// work with each record on any goroutine (nil work: none) and fn with each
// record and work's result in order on one, each with the record's place
// in the read (seq: 0, 1, ...). The first read (again false) leaves out
// the records read more than once and reports what it reports (read
// errors, duplicates); a read again reports nothing and hands over every
// record, duplicates included, at the places of the first read.
type Reader func(ctx context.Context, again bool, work func(seq int, p *corpus.Procedure) (any, error),
	fn func(seq int, p *corpus.Procedure, res any) error) error

// Streamed says how a report is collected from records read as a stream.
type Streamed struct {
	// Current reads the current records; Baseline the baseline's, nil for
	// none (the current records are their own baseline).
	Current, Baseline Reader
	// Checked, when set, is called once both sets were read for the first
	// time, with how many records each holds (baseline -1 for none); an
	// error it returns ends the collection.
	Checked func(current, baseline int) error
	// Limit is how many entries each list of the report keeps (0: all).
	Limit int
	// SpillDir is the directory of the temporary file the baseline is kept
	// in ("" for the default).
	SpillDir string
}

// side is what the first read of a set keeps of each record: its keys,
// sector (and ministry, when narrowing), place in the read and number in
// the spill file; a record out of scope has no keys, place or number.
type side struct {
	keys             []compare.Keys
	ministry, sector []string // ministry only when narrowing
	seq              []int32  // place in the read; -1 for a record out of scope
	n                int      // records read
	narrowing        *Narrowing
	spill            *corpus.Spill
	spilledAt        []int32 // per record kept: its number in the spill
	intern           *compare.KeyInterner
	strings          map[string]string
}

// ministryOf returns the ministry of record k, "" when not narrowing.
func (s *side) ministryOf(k int) string {
	if s.ministry == nil {
		return ""
	}
	return s.ministry[k]
}

func (s *side) internString(v string) string {
	if t, ok := s.strings[v]; ok {
		return t
	}
	s.strings[v] = v
	return v
}

// read reads a set once, keeping the keys, ministry and sector of the
// records in scope and spilling them when spill is set.
func (s *side) read(ctx context.Context, r Reader, inScope func(*corpus.Procedure) bool) error {
	type firstRead struct {
		keys    compare.Keys
		record  []byte
		inScope bool
	}
	return r(ctx, false, func(_ int, p *corpus.Procedure) (any, error) {
		if !inScope(p) {
			return firstRead{}, nil
		}
		out := firstRead{keys: compare.KeysOf(p), inScope: true}
		if s.spill != nil {
			out.record = corpus.EncodeSpilled(assess.KeepBaseline(p))
		}
		return out, nil
	}, func(seq int, p *corpus.Procedure, res any) error {
		s.n++
		if s.narrowing != nil {
			s.narrowing.Count(p.Ministry, p.Sector)
		}
		f := res.(firstRead)
		if !f.inScope {
			// Collect narrows before the assessment keeps the scope: a
			// record out of scope counts for the narrowing, the names and
			// the refusal of a scope that keeps nothing, and is not
			// assessed.
			if s.narrowing != nil {
				s.ministry = append(s.ministry, s.internString(p.Ministry))
			}
			s.sector = append(s.sector, s.internString(p.Sector))
			s.keys, s.seq, s.spilledAt = append(s.keys, compare.Keys{}), append(s.seq, -1), append(s.spilledAt, -1)
			return nil
		}
		s.keys = append(s.keys, s.intern.Keys(f.keys))
		if s.narrowing != nil {
			s.ministry = append(s.ministry, s.internString(p.Ministry))
		}
		s.sector = append(s.sector, s.internString(p.Sector))
		s.seq = append(s.seq, int32(seq))
		at := -1
		if s.spill != nil {
			n, err := s.spill.AddEncoded(f.record)
			if err != nil {
				return err
			}
			at = n
		}
		if at > math.MaxInt32 || seq > math.MaxInt32 {
			return fmt.Errorf("more than %d records: too many to report on", math.MaxInt32)
		}
		s.spilledAt = append(s.spilledAt, int32(at))
		return nil
	})
}

// CollectStream is [Collect] for records read as a stream: it holds the
// matching keys of both sets, the baseline (or the current set, when it is
// its own baseline) in a temporary file, and of each list of the report
// only the entries it shows. Its input renders as Collect's does on the
// same records.
func CollectStream(ctx context.Context, src Streamed, opts Options) (*reports.Input, error) {
	aopts, _, err := AssessOptions(opts)
	if err != nil {
		return nil, err
	}
	opts.streamedBaseline = src.Baseline != nil
	spill, err := corpus.NewSpill(src.SpillDir)
	if err != nil {
		return nil, err
	}
	defer spill.Close()
	filtered := opts.Ministry != "" || opts.Sector != ""
	newSide := func() *side {
		s := &side{intern: compare.NewKeyInterner(), strings: map[string]string{}}
		if filtered {
			s.narrowing = NewNarrowing(opts.Ministry, opts.Sector)
		}
		return s
	}
	cur, base := newSide(), newSide()
	if src.Baseline == nil {
		cur.spill = spill
	} else {
		base.spill = spill
	}
	if err := cur.read(ctx, src.Current, aopts.InScope); err != nil {
		return nil, err
	}
	nBase := -1
	if src.Baseline != nil {
		if err := base.read(ctx, src.Baseline, aopts.InScope); err != nil {
			return nil, err
		}
		nBase = base.n
	}
	if src.Checked != nil {
		if err := src.Checked(cur.n, nBase); err != nil {
			return nil, err
		}
	}

	// Narrow as Collect does: the current set must match; the baseline may
	// match nothing when the current set matches something.
	keepAll := func(string, string) bool { return true }
	keepCur, keepBase := keepAll, keepAll
	if filtered {
		if keepCur, err = cur.narrowing.Keep(); err != nil {
			return nil, err
		}
		if src.Baseline != nil {
			k, berr := base.narrowing.Keep()
			switch {
			case berr == nil:
				keepBase = k
			case !errors.Is(berr, ErrNoMatch):
				return nil, berr
			default:
				keepBase = func(string, string) bool { return false }
				if !anyKept(cur, keepCur) {
					return nil, berr
				}
			}
		}
	}
	// The current records kept, by their place in the read, and the
	// baseline kept (the current set itself without a baseline).
	var (
		curKeys          []compare.Keys
		curSectors       []string
		index            []int32 // by place in the current read: index in curKeys, or -1
		nNarrowed        int
		ministryNames    = valueSet{}
		sectorNames      = valueSet{}
		baseline         assess.Baseline
		baseSectors      []string
		baseSide, keepBS = base, keepBase
	)
	// The tables are filtered in place, over what the first reads kept,
	// which nothing reads after them: at 1,000,000 records a copy of each
	// added some 100 MB to the peak. The current side is read again for
	// the baseline when there is none, so it is then copied.
	if src.Baseline != nil {
		curKeys, curSectors = cur.keys[:0], cur.sector[:0]
	}
	index = make([]int32, 0, cur.n)
	for k := range cur.keys {
		if !keepCur(cur.ministryOf(k), cur.sector[k]) {
			continue
		}
		nNarrowed++
		ministryNames.add(cur.ministryOf(k))
		sectorNames.add(cur.sector[k])
		if cur.seq[k] < 0 {
			continue // out of scope
		}
		for len(index) <= int(cur.seq[k]) {
			index = append(index, -1)
		}
		index[cur.seq[k]] = int32(len(curKeys))
		curKeys = append(curKeys, cur.keys[k])
		curSectors = append(curSectors, cur.sector[k])
	}
	if src.Baseline == nil {
		baseSide, keepBS = cur, keepCur
	}
	baseline.Keys, baseSectors = baseSide.keys[:0], baseSide.sector[:0]
	spilled := baseSide.spilledAt[:0]
	for k := range baseSide.keys {
		if baseSide.seq[k] < 0 || !keepBS(baseSide.ministryOf(k), baseSide.sector[k]) {
			continue
		}
		baseline.Keys = append(baseline.Keys, baseSide.keys[k])
		baseSectors = append(baseSectors, baseSide.sector[k])
		spilled = append(spilled, baseSide.spilledAt[k])
		if src.Baseline != nil {
			ministryNames.add(baseSide.ministryOf(k))
			sectorNames.add(baseSide.sector[k])
		}
	}
	curKeys, curSectors = compacted(curKeys), compacted(curSectors)
	baseline.Keys, baseSectors, spilled = compacted(baseline.Keys), compacted(baseSectors), compacted(spilled)
	baseline.Get = func(i int) (*corpus.Procedure, error) { return spill.Get(int(spilled[i])) }
	// What the first reads kept is in the tables above now: free it
	// before the second read.
	*cur, *base = side{}, side{}
	if len(curKeys) == 0 && nNarrowed > 0 {
		return nil, fmt.Errorf("%w: none of the %d current procedures is of scope %q", assess.ErrEmptyScope, nNarrowed, aopts.Scope)
	}

	s, err := assess.NewStream(baseline, curKeys, aopts, compare.Keep{Top: 10})
	if err != nil {
		return nil, err
	}
	if err := s.MatchWithin(baseSectors, curSectors); err != nil {
		return nil, err
	}
	c := NewStream(s, src.Baseline != nil, src.Limit)
	err = src.Current(ctx, true, func(seq int, p *corpus.Procedure) (any, error) {
		if seq >= len(index) || index[seq] < 0 {
			return (*assess.Item)(nil), nil
		}
		return s.Assess(int(index[seq]), p)
	}, func(_ int, _ *corpus.Procedure, res any) error {
		it := res.(*assess.Item)
		if it == nil {
			return nil
		}
		if err := s.Add(it); err != nil {
			return err
		}
		c.Add(it)
		return nil
	})
	if err != nil {
		return nil, err
	}
	a, err := s.FinishWith(ctx, c.Unmatched)
	if err != nil {
		return nil, err
	}
	var ministries, sectors []string
	if opts.Ministry != "" {
		ministries = ministryNames.sorted()
	}
	if opts.Sector != "" {
		sectors = sectorNames.sorted()
	}
	return c.Input(opts, a, ministries, sectors)
}

// compacted returns a table filtered in place: itself when it fills half
// of its array or more, its entries past the end cleared (they would keep
// strings), else a copy of its own, so that a narrow scope does not keep
// the array of every record read through the second read.
func compacted[T any](s []T) []T {
	if len(s) < cap(s)/2 {
		return slices.Clone(s)
	}
	clear(s[len(s):cap(s)])
	return s
}

// anyKept reports whether keep keeps a record of s.
func anyKept(s *side, keep func(string, string) bool) bool {
	for k := range s.keys {
		if keep(s.ministryOf(k), s.sector[k]) {
			return true
		}
	}
	return false
}
