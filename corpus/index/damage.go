package index

import (
	"encoding/json"
	"errors"
	"fmt"
	"hash/crc32"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
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

// writeSums records the sums of every segment of the closed index at path.
func writeSums(path string) error {
	names, err := segments(path)
	if err != nil {
		return fmt.Errorf("checksum index %s: %w", path, err)
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
// each segment listed is there with its size, no other is, and the first
// and last sumEdge bytes of each (full: every byte) are as written. An
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
	for _, name := range names {
		if _, ok := sums[name]; !ok {
			return &DamagedError{Path: path, Reason: fmt.Sprintf("segment store/%s was not written by redtape", name)}
		}
	}
	for name, want := range sums {
		file := filepath.Join(path, "store", name)
		f, err := os.Open(file)
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
