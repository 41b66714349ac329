package index

import (
	"encoding/json"
	"errors"
	"fmt"
	"hash/crc32"
	"io"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/index/scorch"
	segment "github.com/blevesearch/scorch_segment_api/v2"
)

// sumFile is the file, inside an index directory, that holds the size and
// checksums of each segment file of the index as redtape last wrote it.
const sumFile = "redtape.sum"

// sumEdge is how many bytes at each end of a segment the quick checksum
// covers: the header and the footer, where zap keeps its offsets.
const sumEdge = 4096

// DamagedError reports an index whose files are not as redtape wrote them
// (a segment truncated, changed or missing), or that bleve cannot read.
type DamagedError struct {
	Path   string
	Reason string // what is wrong, for the curious
}

// Error says what is damaged and how to repair it.
func (e *DamagedError) Error() string {
	return fmt.Sprintf("the index at %s is damaged (%s): rebuild it with `redtape index --rebuild`", e.Path, e.Reason)
}

// segmentSum is what the sum file records of one segment.
type segmentSum struct {
	Size int64  `json:"size"`
	Edge uint32 `json:"edge"` // CRC-32 of the first and last sumEdge bytes
	Full uint32 `json:"full"` // CRC-32 of the whole file
}

// segments returns the names of the segment files in the store of the
// index at path, sorted.
func segments(path string) ([]string, error) {
	entries, err := os.ReadDir(filepath.Join(path, "store"))
	if err != nil {
		return nil, err
	}
	var out []string
	for _, e := range entries {
		if strings.HasSuffix(e.Name(), ".zap") {
			out = append(out, e.Name())
		}
	}
	sort.Strings(out)
	return out, nil
}

// sumSegment reads the segment file at path and returns its sums.
func sumSegment(path string) (segmentSum, error) {
	f, err := os.Open(path)
	if err != nil {
		return segmentSum{}, err
	}
	defer f.Close()
	full := crc32.NewIEEE()
	n, err := io.Copy(full, f)
	if err != nil {
		return segmentSum{}, fmt.Errorf("read %s: %w", path, err)
	}
	edge, err := edgeSum(f, n)
	if err != nil {
		return segmentSum{}, fmt.Errorf("read %s: %w", path, err)
	}
	return segmentSum{Size: n, Edge: edge, Full: full.Sum32()}, nil
}

// edgeSum returns the CRC-32 of the first and the last sumEdge bytes of
// f, a file of size bytes.
func edgeSum(f io.ReaderAt, size int64) (uint32, error) {
	h := crc32.NewIEEE()
	head := min(size, sumEdge)
	if _, err := io.Copy(h, io.NewSectionReader(f, 0, head)); err != nil {
		return 0, err
	}
	tail := max(head, size-sumEdge)
	if _, err := io.Copy(h, io.NewSectionReader(f, tail, size-tail)); err != nil {
		return 0, err
	}
	return h.Sum32(), nil
}

// liveSegments returns the names of the segment files the closed index at
// path reads: its root's, not those a merge left behind, which scorch
// removes when it next opens the index for writing.
func liveSegments(path string) (names []string, err error) {
	defer recovered(path, &err)
	b, err := bleve.OpenUsing(path, map[string]interface{}{"read_only": true, "bolt_timeout": "3s"})
	if err != nil {
		return nil, err
	}
	defer b.Close()
	adv, err := b.Advanced()
	if err != nil {
		return nil, err
	}
	r, err := adv.Reader()
	if err != nil {
		return nil, err
	}
	defer r.Close()
	snap, ok := r.(*scorch.IndexSnapshot)
	if !ok {
		return nil, fmt.Errorf("not a scorch index")
	}
	for _, ss := range snap.Segments() {
		if ps, ok := ss.Segment().(segment.PersistedSegment); ok {
			names = append(names, filepath.Base(ps.Path()))
		}
	}
	sort.Strings(names)
	return names, nil
}

// writeSums records the sums of every segment of the closed index at
// path, the writer's lock held. Segment files a merge left behind are
// removed first (as scorch would at its next open), so that the store
// holds exactly the segments listed.
func writeSums(path string) error {
	names, err := liveSegments(path)
	if err != nil {
		return fmt.Errorf("checksum index %s: %w", path, err)
	}
	all, err := segments(path)
	if err != nil {
		return fmt.Errorf("checksum index %s: %w", path, err)
	}
	for _, name := range all {
		if _, found := slices.BinarySearch(names, name); !found {
			if err := os.Remove(filepath.Join(path, "store", name)); err != nil {
				return fmt.Errorf("checksum index %s: remove merged segment: %w", path, err)
			}
		}
	}
	sums := make(map[string]segmentSum, len(names))
	for _, name := range names {
		s, err := sumSegment(filepath.Join(path, "store", name))
		if err != nil {
			return fmt.Errorf("checksum index %s: %w", path, err)
		}
		sums[name] = s
	}
	b, err := json.Marshal(sums)
	if err != nil {
		return fmt.Errorf("checksum index %s: %w", path, err)
	}
	tmp := filepath.Join(path, sumFile+".tmp")
	if err := os.WriteFile(tmp, b, 0o644); err != nil {
		return fmt.Errorf("checksum index %s: %w", path, err)
	}
	if err := os.Rename(tmp, filepath.Join(path, sumFile)); err != nil {
		os.Remove(tmp)
		return fmt.Errorf("checksum index %s: %w", path, err)
	}
	return nil
}

// dropSums removes the sums of the index at path before it is written in
// place: an update that does not finish leaves an index without sums,
// which is not verified, rather than one that no longer matches them.
func dropSums(path string) error {
	if err := os.Remove(filepath.Join(path, sumFile)); err != nil && !errors.Is(err, os.ErrNotExist) {
		return fmt.Errorf("index %s: %w", path, err)
	}
	return nil
}

// verifySums checks the segments of the index at path against its sums:
// each segment listed is there with its size, and the first and last
// sumEdge bytes of each (full: every byte) are as written. A listed
// segment may be missing only when one not listed is there: another
// writer (an earlier redtape, which keeps no sums) merged it away. An
// index without sums (written before they were kept, or by an update that
// did not finish) is not checked. A mismatch is a *DamagedError.
func verifySums(path string, full bool) error {
	b, err := os.ReadFile(filepath.Join(path, sumFile))
	if errors.Is(err, os.ErrNotExist) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("index %s: %w", path, err)
	}
	var sums map[string]segmentSum
	if err := json.Unmarshal(b, &sums); err != nil {
		return &DamagedError{Path: path, Reason: fmt.Sprintf("%s unreadable: %v", sumFile, err)}
	}
	names, err := segments(path)
	if err != nil {
		return &DamagedError{Path: path, Reason: err.Error()}
	}
	// Segments are never rewritten: a new one was added by a writer that
	// does not keep the sums (an earlier redtape), which may also have
	// merged listed ones away. Those listed and still there are checked.
	unlisted := false
	for _, name := range names {
		if _, ok := sums[name]; !ok {
			unlisted = true
		}
	}
	for name, want := range sums {
		file := filepath.Join(path, "store", name)
		f, err := os.Open(file)
		if errors.Is(err, os.ErrNotExist) && unlisted {
			continue
		}
		if err != nil {
			return &DamagedError{Path: path, Reason: fmt.Sprintf("segment store/%s: %v", name, errors.Unwrap(err))}
		}
		fi, err := f.Stat()
		if err == nil && fi.Size() != want.Size {
			err = fmt.Errorf("%d bytes, written with %d", fi.Size(), want.Size)
		}
		var edge uint32
		if err == nil {
			edge, err = edgeSum(f, want.Size)
		}
		if err == nil && edge != want.Edge {
			err = errors.New("checksum mismatch")
		}
		f.Close()
		if err == nil && full {
			var got segmentSum
			if got, err = sumSegment(file); err == nil && got.Full != want.Full {
				err = errors.New("checksum mismatch")
			}
		}
		if err != nil {
			return &DamagedError{Path: path, Reason: fmt.Sprintf("segment store/%s: %v", name, err)}
		}
	}
	return nil
}

// recovered turns a panic of bleve reading a damaged index into a
// *DamagedError in *err. Use it deferred, in the goroutine that reads.
func recovered(path string, err *error) {
	if r := recover(); r != nil {
		*err = &DamagedError{Path: path, Reason: fmt.Sprintf("bleve failed reading it: %v", r)}
	}
}

// sumsCurrent reports whether the index at path has sums that list
// exactly its segments.
func sumsCurrent(path string) bool {
	b, err := os.ReadFile(filepath.Join(path, sumFile))
	if err != nil {
		return false
	}
	var sums map[string]segmentSum
	if json.Unmarshal(b, &sums) != nil {
		return false
	}
	names, err := segments(path)
	if err != nil || len(names) != len(sums) {
		return false
	}
	for _, n := range names {
		if _, ok := sums[n]; !ok {
			return false
		}
	}
	return true
}
