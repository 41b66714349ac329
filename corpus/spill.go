package corpus

import (
	"bufio"
	"fmt"
	"os"
	"slices"
	"sync"
)

// Spill keeps procedures in a temporary file and reads them back by
// number, so that a command can hold a large set of records at the cost of
// an offset each: a record is written in a binary form of its own (see
// spill_codec.go) and read back as it was. Other pieces of bytes are kept
// alike: AddEncoded takes them and AppendEncoded gives them back.
//
// Add must be called from one goroutine at a time; Get and AppendEncoded
// may be called from several once the records they read were added, also
// while others are added. Close removes the file.
type Spill struct {
	f       *os.File
	w       *bufio.Writer
	mu      sync.RWMutex // guards offsets, flushed and w for Get
	offsets []int64      // offsets[i] is where record i starts; one more for the end
	flushed int64        // bytes written to f
}

// NewSpill creates an empty spill file in dir ("" for the default
// temporary directory).
func NewSpill(dir string) (*Spill, error) {
	f, err := os.CreateTemp(dir, "redtape-spill-*")
	if err != nil {
		return nil, fmt.Errorf("spill records: %w", err)
	}
	return &Spill{f: f, w: bufio.NewWriterSize(f, 1<<20), offsets: []int64{0}}, nil
}

// EncodeSpilled returns p as Spill.AddEncoded takes it. It may be called
// from several goroutines at once, to share the encoding among cores.
func EncodeSpilled(p *Procedure) []byte {
	return appendSpilled(nil, p)
}

// Add writes p and returns its number.
func (s *Spill) Add(p *Procedure) (int, error) {
	return s.AddEncoded(EncodeSpilled(p))
}

// AddEncoded writes b, a record EncodeSpilled encoded or any other bytes,
// and returns its number.
func (s *Spill) AddEncoded(b []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if _, err := s.w.Write(b); err != nil {
		return 0, fmt.Errorf("spill records to %s: %w", s.f.Name(), err)
	}
	n := len(s.offsets) - 1
	s.offsets = append(s.offsets, s.offsets[n]+int64(len(b)))
	return n, nil
}

// Len returns the number of records added.
func (s *Spill) Len() int {
	s.mu.RLock()
	defer s.mu.RUnlock()
	return len(s.offsets) - 1
}

// Get reads record i back.
func (s *Spill) Get(i int) (*Procedure, error) {
	buf, err := s.AppendEncoded(nil, i)
	if err != nil {
		return nil, err
	}
	p, err := decodeSpilled(buf)
	if err != nil {
		return nil, fmt.Errorf("read spilled record %d from %s: %w", i, s.f.Name(), err)
	}
	return p, nil
}

// AppendEncoded appends record i to dst as AddEncoded took it.
func (s *Spill) AppendEncoded(dst []byte, i int) ([]byte, error) {
	s.mu.RLock()
	if i < 0 || i >= len(s.offsets)-1 {
		n := len(s.offsets) - 1
		s.mu.RUnlock()
		return nil, fmt.Errorf("spilled record %d of %d: no such record", i, n)
	}
	start, end := s.offsets[i], s.offsets[i+1]
	if end > s.flushed {
		s.mu.RUnlock()
		s.mu.Lock()
		if end > s.flushed {
			if err := s.w.Flush(); err != nil {
				s.mu.Unlock()
				return nil, fmt.Errorf("spill records to %s: %w", s.f.Name(), err)
			}
			s.flushed = s.offsets[len(s.offsets)-1]
		}
		s.mu.Unlock()
	} else {
		s.mu.RUnlock()
	}
	n := len(dst)
	dst = slices.Grow(dst, int(end-start))[:n+int(end-start)]
	if _, err := s.f.ReadAt(dst[n:], start); err != nil {
		return nil, fmt.Errorf("read spilled record %d from %s: %w", i, s.f.Name(), err)
	}
	return dst, nil
}

// Close removes the spill file.
func (s *Spill) Close() error {
	err := s.f.Close()
	if rerr := os.Remove(s.f.Name()); err == nil {
		err = rerr
	}
	if err != nil {
		return fmt.Errorf("remove spill file: %w", err)
	}
	return nil
}
