package index

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"testing"

	"github.com/redtape-vn/redtape/corpus"
)

func count(t *testing.T, path, q string) int {
	t.Helper()
	ix, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	r, err := ix.Search(context.Background(), Request{Query: q, NoFacets: true, NoSnippets: true})
	if err != nil {
		t.Fatal(err)
	}
	return r.Total
}

func TestUpdateIncremental(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "idx")
	procs := fixture()
	// Files under a root: T.5 lives in a file that will disappear.
	for _, p := range procs {
		p.Source.File = filepath.Join(dir, "src", p.Code+".json")
	}
	roots := []string{filepath.Join(dir, "src")}
	st, err := Update(context.Background(), path, sliceSource(roots, procs), UpdateOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if !st.Rebuilt || st.Added != 5 || st.Docs != 5 {
		t.Fatalf("first run: %+v", st)
	}
	// Same input: nothing written.
	st, err = Update(context.Background(), path, sliceSource(roots, procs), UpdateOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if st.Rebuilt || st.Unchanged != 5 || st.Added+st.Updated+st.Deleted != 0 {
		t.Fatalf("second run: %+v", st)
	}
	// One record changed, one gone from the input.
	changed := *procs[0]
	changed.Name = "Đăng ký khai sinh lưu động"
	next := []*corpus.Procedure{&changed, procs[1], procs[2], procs[3]}
	st, err = Update(context.Background(), path, sliceSource(roots, next), UpdateOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if st.Updated != 1 || st.Unchanged != 3 || st.Deleted != 1 || st.Docs != 4 {
		t.Fatalf("third run: %+v", st)
	}
	if n := count(t, path, "luu dong"); n != 1 {
		t.Errorf("changed record not searchable: %d hits", n)
	}
	if n := count(t, path, `name:"lý lịch"`); n != 0 {
		t.Errorf("removed record still found")
	}
	// A run over other roots keeps records whose files still exist and
	// drops those whose files are gone (these never existed on disk).
	other := filepath.Join(dir, "other")
	os.MkdirAll(other, 0o755)
	extra := &corpus.Procedure{Code: "X.1", Name: "Thủ tục khác", Source: corpus.Source{File: filepath.Join(other, "x.json")}}
	st, err = Update(context.Background(), path, sliceSource([]string{other}, []*corpus.Procedure{extra}), UpdateOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if st.Added != 1 || st.Deleted != 4 || st.Docs != 1 {
		t.Fatalf("fourth run: %+v", st)
	}
}

func TestUpdateKeepsRecordsOfUnreadableFiles(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "idx")
	procs := fixture()[:2]
	root := filepath.Join(dir, "src")
	for _, p := range procs {
		p.Source.File = filepath.Join(root, p.Code+".json")
	}
	if _, err := Update(context.Background(), path, sliceSource([]string{root}, procs), UpdateOptions{}); err != nil {
		t.Fatal(err)
	}
	bad := procs[1].Source.File
	src := Source{Roots: []string{root}, Walk: func(ctx context.Context, fn func(*corpus.Procedure) error) (*corpus.Summary, error) {
		sum := &corpus.Summary{Errors: []*corpus.ReadError{{File: bad, Err: errors.New("broken")}}}
		return sum, fn(procs[0])
	}}
	st, err := Update(context.Background(), path, src, UpdateOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if st.Deleted != 0 || st.Docs != 2 {
		t.Fatalf("a file that could not be read lost its records: %+v", st)
	}
}

func TestDocIDsUniqueAcrossFiles(t *testing.T) {
	a := &corpus.Procedure{Code: "1.000001", Name: "A", Source: corpus.Source{File: "ha-noi.json"}}
	b := &corpus.Procedure{Code: "1.000001", Name: "A", Source: corpus.Source{File: "hue.json"}}
	c := &corpus.Procedure{Name: "Không mã", Source: corpus.Source{File: "x.jsonl"}}
	if DocID(a, 1) == DocID(b, 1) {
		t.Errorf("same code in two files gave one id %q", DocID(a, 1))
	}
	if DocID(a, 1) == DocID(a, 2) {
		t.Error("repeat within a file not told apart")
	}
	if got := Key(c); got != Key(&corpus.Procedure{Name: "KHÔNG  MÃ"}) || got[:5] != "name:" {
		t.Errorf("name key %q is not stable under case and spacing", got)
	}
	ix, _ := buildFixture(t, []*corpus.Procedure{a, b})
	if n, _ := ix.Count(); n != 2 {
		t.Errorf("provincial variants collapsed: %d records", n)
	}
}

// TestUpdateWhileSearching: an update that changes nothing runs beside a
// search (it reads the index read-only); one that must write waits for
// the search to close the index, then gives up with ErrLocked.
func TestUpdateWhileSearching(t *testing.T) {
	ix, path := buildFixture(t, fixture())
	st, err := Update(context.Background(), path, sliceSource(nil, fixture()), UpdateOptions{})
	if err != nil || st.Unchanged != 5 || st.Docs != 5 {
		t.Fatalf("unchanged update beside a search: %+v, %v", st, err)
	}
	changed := fixture()
	changed[0].Name = "Đăng ký khai sinh lưu động"
	_, err = Update(context.Background(), path, sliceSource(nil, changed), UpdateOptions{})
	if !errors.Is(err, ErrLocked) {
		t.Fatalf("writing update of an index open for search got %v, want ErrLocked", err)
	}
	if n, _ := ix.Count(); n != 5 {
		t.Errorf("searcher sees %d records", n)
	}
	if res, err := ix.Search(context.Background(), Request{Query: "khai sinh"}); err != nil || res.Total != 3 {
		t.Errorf("search after the refused update: %v, %v", res, err)
	}
}

func TestUpdateLocked(t *testing.T) {
	path := filepath.Join(t.TempDir(), "idx")
	unlock, err := lockFile(path + ".lock")
	if err != nil {
		t.Fatal(err)
	}
	defer unlock()
	_, err = Update(context.Background(), path, sliceSource(nil, fixture()), UpdateOptions{})
	if !errors.Is(err, ErrLocked) {
		t.Fatalf("second writer got %v, want ErrLocked", err)
	}
}

func TestFormatVersion(t *testing.T) {
	path := filepath.Join(t.TempDir(), "idx")
	if _, err := Update(context.Background(), path, sliceSource(nil, fixture()), UpdateOptions{}); err != nil {
		t.Fatal(err)
	}
	// Pretend an older redtape wrote it.
	b, err := openWritable(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := b.SetInternal(keyFormat, []byte("redtape.index/0")); err != nil {
		t.Fatal(err)
	}
	b.Close()
	var ie *IncompatibleError
	if _, err := Open(path); !errors.As(err, &ie) || ie.Found != "redtape.index/0" {
		t.Fatalf("Open of an old index: %v", err)
	}
	st, err := Update(context.Background(), path, sliceSource(nil, fixture()), UpdateOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if !st.Rebuilt || st.Docs != 5 {
		t.Fatalf("old index not rebuilt: %+v", st)
	}
	if n := count(t, path, "khai sinh"); n != 3 {
		t.Errorf("rebuilt index: %d hits", n)
	}
}

func TestInterruptedBuildKeepsPreviousIndex(t *testing.T) {
	path := filepath.Join(t.TempDir(), "idx")
	if _, err := Update(context.Background(), path, sliceSource(nil, fixture()), UpdateOptions{}); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	src := Source{Walk: func(ctx context.Context, fn func(*corpus.Procedure) error) (*corpus.Summary, error) {
		for i, p := range fixture() {
			if i == 2 {
				cancel()
			}
			if err := ctx.Err(); err != nil {
				return nil, err
			}
			p.Name = "Đổi tên"
			if err := fn(p); err != nil {
				return nil, err
			}
		}
		return &corpus.Summary{}, nil
	}}
	if _, err := Update(ctx, path, src, UpdateOptions{Rebuild: true}); !errors.Is(err, context.Canceled) {
		t.Fatalf("interrupted rebuild returned %v", err)
	}
	if n := count(t, path, "khai sinh"); n != 3 {
		t.Errorf("previous index lost: %d hits", n)
	}
	if _, err := os.Stat(path + ".new"); !os.IsNotExist(err) {
		t.Errorf("unfinished build left behind: %v", err)
	}
	// An interrupted incremental update leaves a usable index too.
	ctx2, cancel2 := context.WithCancel(context.Background())
	cancel = cancel2
	if _, err := Update(ctx2, path, src, UpdateOptions{BatchSize: 1}); !errors.Is(err, context.Canceled) {
		t.Fatalf("interrupted update returned %v", err)
	}
	if n := count(t, path, "-code:none"); n != 5 {
		t.Errorf("index after interrupted update holds %d records", n)
	}
}

// Merging the summaries of a walk and a re-read keeps every count and list,
// warnings included.
func TestMergeSummaries(t *testing.T) {
	a := &corpus.Summary{Files: 2, Procedures: 3, Errors: []*corpus.ReadError{{File: "a"}},
		Warnings: []*corpus.ReadError{{File: "w1"}}}
	b := &corpus.Summary{Files: 1, Procedures: 1, Skipped: []corpus.Skipped{{File: "meta.json"}},
		Warnings: []*corpus.ReadError{{File: "w2"}}}
	got := mergeSummaries(a, b)
	if got.Files != 3 || got.Procedures != 4 || len(got.Errors) != 1 || len(got.Skipped) != 1 || len(got.Warnings) != 2 ||
		got.Warnings[0].File != "w1" || got.Warnings[1].File != "w2" {
		t.Errorf("merged %+v", got)
	}
	if len(a.Warnings) != 1 {
		t.Errorf("merging changed its input: %d warnings", len(a.Warnings))
	}
	if mergeSummaries(nil, b) != b || mergeSummaries(a, nil) != a {
		t.Error("a nil side should give the other")
	}
}
