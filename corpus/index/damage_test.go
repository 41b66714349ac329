package index

import (
	"context"
	"errors"
	"math/rand"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/redtape-vn/redtape/corpus"
)

// damagedFixture indexes the fixture and returns the index path and the
// path of its one segment file.
func damagedFixture(t *testing.T) (string, string) {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "idx")
	if _, err := Update(context.Background(), dir, sliceSource(nil, fixture()), UpdateOptions{}); err != nil {
		t.Fatal(err)
	}
	segs, err := segments(dir)
	if err != nil || len(segs) == 0 {
		t.Fatalf("segments %v, %v", segs, err)
	}
	return dir, filepath.Join(dir, "store", segs[len(segs)-1])
}

// TestDamagedIndexDetected: a segment truncated, or with bytes changed at
// its ends, is reported as damage by Open (issue 15: a truncated segment
// was read as an empty index, "no procedure matches", exit 0); bytes
// changed inside it are found by the full check of the next update,
// which rebuilds; a panic of bleve reading it becomes a *DamagedError.
func TestDamagedIndexDetected(t *testing.T) {
	ctx := context.Background()
	for _, tc := range []struct {
		name   string
		damage func(seg string) error
		// atOpen is whether Open finds it (size and ends); else only the
		// full check of Update does.
		atOpen bool
	}{
		{"truncated", func(seg string) error { return os.Truncate(seg, 2000) }, true},
		{"footer changed", func(seg string) error { return flipBytes(seg, -100, 50) }, true},
		{"middle changed", func(seg string) error { return flipBytes(seg, sumEdge+10, 200) }, false},
		{"missing", os.Remove, true},
	} {
		dir, seg := damagedFixture(t)
		if err := tc.damage(seg); err != nil {
			t.Fatal(err)
		}
		ix, err := Open(dir)
		var de *DamagedError
		switch {
		case tc.atOpen && (!errors.As(err, &de) || de.Path != dir):
			t.Errorf("%s: Open: %v, want a DamagedError", tc.name, err)
		case !tc.atOpen && err == nil:
			// Reading it must not panic; it may fail as damage.
			if _, serr := ix.Search(ctx, Request{Query: "giấy"}); serr != nil && !errors.As(serr, &de) {
				t.Errorf("%s: Search: %v", tc.name, serr)
			}
			ix.Close()
		case !tc.atOpen && !errors.As(err, &de):
			t.Errorf("%s: Open: %v", tc.name, err)
		}
		if err != nil && !strings.Contains(err.Error(), "rebuild it with `redtape index --rebuild`") {
			t.Errorf("%s: %v", tc.name, err)
		}
		st, err := Update(ctx, dir, sliceSource(nil, fixture()), UpdateOptions{})
		if err != nil || !st.Rebuilt || !strings.HasPrefix(st.Reason, "existing index damaged") || st.Docs != 5 {
			t.Fatalf("%s: update: %+v, %v; want a rebuild of a damaged index", tc.name, st, err)
		}
		ix, err = Open(dir)
		if err != nil {
			t.Fatalf("%s: after the rebuild: %v", tc.name, err)
		}
		ix.Close()
	}
}

// TestInterruptedUpdateUnverified: an update drops the sums before it
// writes, so one that stops half-way leaves an index that is read without
// them, not one reported as damaged; the next update writes them again.
func TestInterruptedUpdateUnverified(t *testing.T) {
	ctx := context.Background()
	dir, _ := damagedFixture(t)
	procs := fixture()
	procs[0].Name += " (sửa)"
	src := Source{Walk: func(ctx context.Context, fn func(*corpus.Procedure) error) (*corpus.Summary, error) {
		if err := fn(procs[0]); err != nil {
			return nil, err
		}
		return &corpus.Summary{}, context.Canceled
	}}
	if _, err := Update(ctx, dir, src, UpdateOptions{BatchSize: 1}); !errors.Is(err, context.Canceled) {
		t.Fatalf("update: %v", err)
	}
	if _, err := os.Stat(filepath.Join(dir, sumFile)); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("sums kept by an unfinished update: %v", err)
	}
	ix, err := Open(dir)
	if err != nil {
		t.Fatalf("open after an unfinished update: %v", err)
	}
	ix.Close()
	if _, err := Update(ctx, dir, sliceSource(nil, procs), UpdateOptions{}); err != nil {
		t.Fatal(err)
	}
	if err := verifySums(dir, true); err != nil {
		t.Error(err)
	}
	if _, err := os.Stat(filepath.Join(dir, sumFile)); err != nil {
		t.Errorf("no sums after a finished update: %v", err)
	}
}

// flipBytes changes n bytes of file from offset at (from the end when
// negative).
func flipBytes(file string, at int64, n int) error {
	f, err := os.OpenFile(file, os.O_RDWR, 0)
	if err != nil {
		return err
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil {
		return err
	}
	if at < 0 {
		at += fi.Size()
	}
	r := rand.New(rand.NewSource(1))
	b := make([]byte, 1)
	for i := 0; i < n; i++ {
		off := at + int64(i)*7%max(1, fi.Size()-at)
		if _, err := f.ReadAt(b, off); err != nil {
			return err
		}
		b[0] ^= byte(1 + r.Intn(255))
		if _, err := f.WriteAt(b, off); err != nil {
			return err
		}
	}
	return nil
}
