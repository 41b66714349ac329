package index

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/redtape-vn/redtape/corpus"
	"github.com/redtape-vn/redtape/corpus/index/query"
)

// TestUpdateRefusesForeignDirectory: a directory holding anything but a
// bleve index is never replaced, with or without --rebuild, and what it
// holds survives.
func TestUpdateRefusesForeignDirectory(t *testing.T) {
	for _, rebuild := range []bool{false, true} {
		dir := filepath.Join(t.TempDir(), "d")
		if err := os.MkdirAll(filepath.Join(dir, "sub"), 0o755); err != nil {
			t.Fatal(err)
		}
		notes := filepath.Join(dir, "notes.txt")
		if err := os.WriteFile(notes, []byte("important"), 0o644); err != nil {
			t.Fatal(err)
		}
		_, err := Update(context.Background(), dir, sliceSource(nil, fixture()), UpdateOptions{Rebuild: rebuild})
		var ne *NotIndexError
		if !errors.As(err, &ne) || ne.Path != dir {
			t.Fatalf("rebuild=%v: got %v, want a NotIndexError naming %s", rebuild, err, dir)
		}
		if b, err := os.ReadFile(notes); err != nil || string(b) != "important" {
			t.Errorf("rebuild=%v: notes.txt lost: %v", rebuild, err)
		}
		if _, err := os.Stat(filepath.Join(dir, "sub")); err != nil {
			t.Errorf("rebuild=%v: sub/ lost: %v", rebuild, err)
		}
	}
	// A plain file is refused too; an empty directory becomes the index.
	file := filepath.Join(t.TempDir(), "f")
	os.WriteFile(file, []byte("x"), 0o644)
	if _, err := Update(context.Background(), file, sliceSource(nil, fixture()), UpdateOptions{}); !errors.As(err, new(*NotIndexError)) {
		t.Errorf("a file as index: %v", err)
	}
	empty := filepath.Join(t.TempDir(), "e")
	os.Mkdir(empty, 0o755)
	st, err := Update(context.Background(), empty, sliceSource(nil, fixture()), UpdateOptions{})
	if err != nil || st.Docs != 5 || st.Reason != "new index" {
		t.Fatalf("empty directory: %+v, %v", st, err)
	}
	// A leftover build holding foreign files is refused, not removed.
	if err := os.MkdirAll(empty+".new", 0o755); err != nil {
		t.Fatal(err)
	}
	os.WriteFile(filepath.Join(empty+".new", "mine.txt"), []byte("x"), 0o644)
	if _, err := Update(context.Background(), empty, sliceSource(nil, fixture()), UpdateOptions{}); !errors.As(err, new(*NotIndexError)) {
		t.Errorf("foreign %s.new: %v", empty, err)
	}
	if _, err := os.Stat(filepath.Join(empty+".new", "mine.txt")); err != nil {
		t.Errorf("foreign .new emptied: %v", err)
	}
}

// TestLeftoverBuildRemoved: an unfinished build (DIR.new) is removed by
// the next run of any kind, update or search.
func TestLeftoverBuildRemoved(t *testing.T) {
	path := filepath.Join(t.TempDir(), "idx")
	if _, err := Update(context.Background(), path, sliceSource(nil, fixture()), UpdateOptions{}); err != nil {
		t.Fatal(err)
	}
	leftover := func() {
		t.Helper()
		// What a killed build leaves: a bleve index under DIR.new.
		if _, err := Update(context.Background(), path+".new", sliceSource(nil, fixture()[:1]), UpdateOptions{}); err != nil {
			t.Fatal(err)
		}
		os.Remove(path + ".new.lock")
	}
	leftover()
	if _, err := Update(context.Background(), path, sliceSource(nil, fixture()), UpdateOptions{}); err != nil {
		t.Fatal(err)
	}
	if exists(path + ".new") {
		t.Error("update left DIR.new")
	}
	leftover()
	ix, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	ix.Close()
	if exists(path + ".new") {
		t.Error("search left DIR.new")
	}
}

// TestCanonicalSourcePaths: one file named relatively, absolutely and
// through a symbolic link is one record.
func TestCanonicalSourcePaths(t *testing.T) {
	dir := t.TempDir()
	if err := os.MkdirAll(filepath.Join(dir, "corp"), 0o755); err != nil {
		t.Fatal(err)
	}
	procs := fixture()
	for _, p := range procs {
		os.WriteFile(filepath.Join(dir, "corp", p.Code+".json"), []byte("{}"), 0o644)
	}
	if err := os.Symlink(filepath.Join(dir, "corp"), filepath.Join(dir, "link")); err != nil {
		t.Fatal(err)
	}
	t.Chdir(dir)
	path := filepath.Join(dir, "idx")
	run := func(root string) *Stats {
		t.Helper()
		in := make([]*corpus.Procedure, len(procs))
		for i, p := range procs {
			c := *p
			c.Source.File = filepath.Join(root, p.Code+".json")
			in[i] = &c
		}
		st, err := Update(context.Background(), path, sliceSource([]string{root}, in), UpdateOptions{})
		if err != nil {
			t.Fatal(err)
		}
		return st
	}
	run("corp")
	for _, root := range []string{filepath.Join(dir, "corp"), "./corp/", "link", filepath.Join(dir, "link")} {
		if st := run(root); st.Unchanged != len(procs) || st.Added+st.Deleted != 0 || st.Docs != len(procs) {
			t.Errorf("root %s: %+v, want all %d unchanged", root, st, len(procs))
		}
	}
	if n := count(t, path, "code:T.1"); n != 1 {
		t.Errorf("code:T.1 has %d hits", n)
	}
}

// TestRebuildKeepsEarlierPaths: a rebuild forced by a format change keeps
// the records of files outside this run's paths by reading them again;
// without a reader it counts them as dropped, and records of files that
// are gone as removed.
func TestRebuildKeepsEarlierPaths(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "idx")
	fx := fixture()
	in := func(root string, ps ...*corpus.Procedure) Source {
		var out []*corpus.Procedure
		for _, p := range ps {
			c := *p
			c.Source.File = filepath.Join(dir, root, p.Code+".json")
			os.MkdirAll(filepath.Join(dir, root), 0o755)
			os.WriteFile(c.Source.File, []byte("{}"), 0o644)
			out = append(out, &c)
		}
		src := sliceSource([]string{filepath.Join(dir, root)}, out)
		return src
	}
	a, b, c := in("a", fx[0], fx[1]), in("b", fx[2]), in("c", fx[3])
	for _, src := range []Source{a, b, c} {
		if _, err := Update(context.Background(), path, src, UpdateOptions{}); err != nil {
			t.Fatal(err)
		}
	}
	os.RemoveAll(filepath.Join(dir, "c"))
	age := func() {
		t.Helper()
		ix, err := openWritable(path)
		if err != nil {
			t.Fatal(err)
		}
		ix.SetInternal(keyFormat, []byte("redtape.index/0"))
		ix.Close()
	}
	// Read gives the records of files again, as a walk of them would.
	b.Read = func(ctx context.Context, files []string, fn func(*corpus.Procedure) error) (*corpus.Summary, error) {
		sum, err := a.Walk(ctx, func(p *corpus.Procedure) error {
			for _, f := range files {
				if f == p.Source.File {
					return fn(p)
				}
			}
			return nil
		})
		return sum, err
	}
	age()
	st, err := Update(context.Background(), path, b, UpdateOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if !st.Rebuilt || st.Docs != 3 || st.Reread != 2 || st.Deleted != 1 || st.Dropped != 0 {
		t.Fatalf("rebuild with a reader: %+v, want 3 records, 2 read again, 1 removed", st)
	}
	if n := count(t, path, "code:T.1"); n != 1 {
		t.Errorf("record of a earlier path lost: %d hits", n)
	}
	age()
	b.Read = nil
	st, err = Update(context.Background(), path, b, UpdateOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if st.Docs != 1 || st.Dropped != 2 || st.Reread != 0 {
		t.Fatalf("rebuild without a reader: %+v, want 2 dropped", st)
	}
}

// TestLevelSpellingsOneFacet: levels spelled with other capitals or
// spacing are one facet value, and level: finds them all.
func TestLevelSpellingsOneFacet(t *testing.T) {
	procs := fixture()
	procs[1].Levels = []string{"Cấp Xã"}
	procs[3].Levels = []string{"CẤP  TỈNH", "cấp xã"}
	ix, _ := buildFixture(t, procs)
	res, err := ix.Search(context.Background(), Request{Query: "level:xã"})
	if err != nil {
		t.Fatal(err)
	}
	if res.Total != 3 {
		t.Errorf("level:xã: %d hits, want 3", res.Total)
	}
	for _, f := range res.Facets {
		if f.Field != "level" {
			continue
		}
		if len(f.Terms) != 2 || f.Terms[0] != (FacetCount{"Cấp xã", 3}) || f.Terms[1] != (FacetCount{"Cấp tỉnh", 1}) {
			t.Errorf("level facet %+v, want Cấp xã (3), Cấp tỉnh (1)", f.Terms)
		}
	}
	for _, h := range res.Hits {
		for _, l := range h.Levels {
			if l != "Cấp xã" && l != "Cấp tỉnh" {
				t.Errorf("%s shows level %q", h.Code, l)
			}
		}
	}
}

// TestFlaggedDatabaseNames: flagged: finds a database by either of the
// names the flag function gives, with or without diacritics.
func TestFlaggedDatabaseNames(t *testing.T) {
	path := filepath.Join(t.TempDir(), "idx")
	flags := func(p *corpus.Procedure) []string {
		if p.Code == "T.1" || p.Code == "T.5" {
			return []string{"any", "residence-book", "National Population Database", "Cơ sở dữ liệu quốc gia về dân cư"}
		}
		return nil
	}
	if _, err := Update(context.Background(), path, sliceSource(nil, fixture()), UpdateOptions{Flags: flags}); err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{`flagged:"Cơ sở dữ liệu quốc gia về dân cư"`, `flagged:"co so du lieu quoc gia ve dan cu"`,
		`flagged:"national population database"`, "flagged:residence-book", "flagged:any", "flagged:co*"} {
		if n := count(t, path, q); n != 2 {
			t.Errorf("%s: %d hits, want 2", q, n)
		}
	}
	ix, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	// A value the index does not know is an error pointing at it and
	// naming the values it knows, part of a database name included.
	for _, c := range []struct {
		q   string
		req Request
		col int
	}{
		{q: `flagged:"cơ sở dữ liệu"`, col: 1},
		{q: `giấy flagged:true`, col: 6},
		{q: `flagged:none OR khai`, col: 1},
		{q: `flagged:xyz*`, col: 1},
		// The values given in the request are the ones known.
		{q: `flagged:residence-book`, req: Request{FlagValues: []string{"id-card", "Cơ sở dữ liệu quốc gia về dân cư"}}, col: 1},
	} {
		req := c.req
		req.Query = c.q
		_, err := ix.Search(context.Background(), req)
		var qe *query.Error
		if !errors.As(err, &qe) {
			t.Errorf("%s: %v, want a query error", c.q, err)
			continue
		}
		if qe.Pos != c.col || qe.Query != c.q || !strings.Contains(qe.Msg, "any") {
			t.Errorf("%s: column %d of %q: %s", c.q, qe.Pos, qe.Query, qe.Msg)
		}
		want := "residence-book"
		if c.req.FlagValues != nil {
			want = "id-card"
		}
		if !strings.Contains(qe.Msg, want) || !strings.Contains(qe.Msg, "databases") {
			t.Errorf("%s: the message does not list the values: %s", c.q, qe.Msg)
		}
	}
	res, err := ix.Search(context.Background(), Request{Query: "flagged:id-card", FlagValues: []string{"id-card"}})
	if err != nil || res.Total != 0 {
		t.Errorf("a known value flagging nothing: %v, %v", res, err)
	}
}

// TestExactMatchesFirst: records spelling every typed word as typed, and
// holding free-text words next to each other, rank before the others,
// whatever their scores.
func TestExactMatchesFirst(t *testing.T) {
	procs := fixture()
	// A record that says duong many times, folded only, in its name and text.
	procs = append(procs, &corpus.Procedure{Code: "T.6", Name: "Bảo dưỡng đường ống dưỡng khí", Sector: "Dưỡng",
		Steps: []string{"dưỡng dưỡng dưỡng"}, Papers: []corpus.Paper{{Text: "Giấy đề nghị khai báo sinh hoạt"}}, Source: corpus.Source{File: "fx/T.6.json"}})
	ix, _ := buildFixture(t, procs)
	tests := []struct {
		q     string
		first []string // codes allowed in the first len(first) places
		total int
	}{
		{"dương", []string{"T.4"}, 3},
		{"đường", []string{"T.3", "T.6"}, 3},
		{"giay khai sinh", []string{"T.3", "T.5"}, 4},
		{"khai sinh giay", []string{"T.1", "T.3", "T.5", "T.6"}, 4},
	}
	for _, tt := range tests {
		res, err := ix.Search(context.Background(), Request{Query: tt.q, NoFacets: true, NoSnippets: true})
		if err != nil {
			t.Fatal(err)
		}
		if res.Total != tt.total {
			t.Errorf("%s: %d hits, want %d", tt.q, res.Total, tt.total)
		}
		allowed := map[string]bool{}
		for _, c := range tt.first {
			allowed[c] = true
		}
		for i := 0; i < len(tt.first) && i < len(res.Hits); i++ {
			if !allowed[res.Hits[i].Code] {
				var got []string
				for _, h := range res.Hits {
					got = append(got, h.Code)
				}
				t.Errorf("%s: hits %v, want %v first", tt.q, got, tt.first)
				break
			}
		}
	}
}

// TestConcurrentSearches: one open index serves searches from several
// goroutines (run with -race), each with the same answer.
func TestConcurrentSearches(t *testing.T) {
	ix, _ := buildFixture(t, fixture())
	want, err := ix.Search(context.Background(), Request{Query: "khai sinh"})
	if err != nil {
		t.Fatal(err)
	}
	errs := make(chan error, 8)
	for i := 0; i < 8; i++ {
		go func() {
			res, err := ix.Search(context.Background(), Request{Query: "khai sinh"})
			if err == nil && (res.Total != want.Total || len(res.Facets) != len(want.Facets) || res.Hits[0].ID != want.Hits[0].ID) {
				err = errors.New("a concurrent search answered differently")
			}
			errs <- err
		}()
	}
	for i := 0; i < 8; i++ {
		if err := <-errs; err != nil {
			t.Error(err)
		}
	}
}

// TestEmptyBuild: an index built from no records is a valid, empty index
// that the next update and a search accept.
func TestEmptyBuild(t *testing.T) {
	path := filepath.Join(t.TempDir(), "idx")
	for i := 0; i < 2; i++ {
		st, err := Update(context.Background(), path, sliceSource(nil, nil), UpdateOptions{})
		if err != nil || st.Docs != 0 {
			t.Fatalf("run %d: %+v, %v", i+1, st, err)
		}
	}
	if n := count(t, path, "-code:none"); n != 0 {
		t.Errorf("empty index has %d records", n)
	}
	st, err := Update(context.Background(), path, sliceSource(nil, fixture()), UpdateOptions{})
	if err != nil || st.Added != 5 || st.Rebuilt {
		t.Fatalf("update of the empty index: %+v, %v", st, err)
	}
}

// TestNeverTouchesForeignFiles: a file of the user's inside the index's
// store, at the lock's path (<dir>.lock) or at the path a rebuild sets the
// old index aside (<dir>.old) is neither deleted nor overwritten nor
// moved (issue 15: "index --rebuild" deleted a foreign file in store/, and
// a user's DIR.lock was overwritten in place).
func TestNeverTouchesForeignFiles(t *testing.T) {
	ctx := context.Background()
	for _, rebuild := range []bool{false, true} {
		dir := filepath.Join(t.TempDir(), "idx")
		if _, err := Update(ctx, dir, sliceSource(nil, fixture()), UpdateOptions{}); err != nil {
			t.Fatal(err)
		}
		mine := filepath.Join(dir, "store", "notes.txt")
		if err := os.WriteFile(mine, []byte("important"), 0o644); err != nil {
			t.Fatal(err)
		}
		_, err := Update(ctx, dir, sliceSource(nil, fixture()[:2]), UpdateOptions{Rebuild: rebuild})
		var ne *NotIndexError
		if !errors.As(err, &ne) || !strings.Contains(err.Error(), `its store holds "notes.txt"`) {
			t.Errorf("rebuild=%v: %v, want a NotIndexError naming store/notes.txt", rebuild, err)
		}
		if b, err := os.ReadFile(mine); err != nil || string(b) != "important" {
			t.Errorf("rebuild=%v: store/notes.txt lost: %v", rebuild, err)
		}
	}

	// The lock's path.
	for name, setup := range map[string]func(lock string) error{
		"text":    func(lock string) error { return os.WriteFile(lock, []byte("my notes\n"), 0o644) },
		"big":     func(lock string) error { return os.WriteFile(lock, []byte(strings.Repeat("1", 100)), 0o644) },
		"symlink": func(lock string) error { return os.Symlink(filepath.Join(filepath.Dir(lock), "target"), lock) },
		"dir":     func(lock string) error { return os.Mkdir(lock, 0o755) },
	} {
		base := t.TempDir()
		dir := filepath.Join(base, "idx")
		target := filepath.Join(base, "target")
		if err := os.WriteFile(target, []byte("target"), 0o644); err != nil {
			t.Fatal(err)
		}
		if err := setup(dir + ".lock"); err != nil {
			t.Fatal(err)
		}
		before, _ := os.ReadFile(dir + ".lock")
		_, err := Update(ctx, dir, sliceSource(nil, fixture()), UpdateOptions{})
		var fe *ForeignLockError
		if !errors.As(err, &fe) || fe.Path != dir+".lock" {
			t.Errorf("%s: %v, want a ForeignLockError", name, err)
		}
		if after, _ := os.ReadFile(dir + ".lock"); string(after) != string(before) {
			t.Errorf("%s: lock path rewritten: %q", name, after)
		}
		if b, _ := os.ReadFile(target); string(b) != "target" {
			t.Errorf("%s: link target rewritten: %q", name, b)
		}
		if exists(dir) {
			t.Errorf("%s: index written despite the refusal", name)
		}
	}
	// A lock of an earlier version (a bare pid) is taken over, and removed
	// with the lock once the run is over: no lock file stays beside the
	// index.
	dir := filepath.Join(t.TempDir(), "idx")
	if err := os.WriteFile(dir+".lock", []byte("12345\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := Update(ctx, dir, sliceSource(nil, fixture()), UpdateOptions{}); err != nil {
		t.Fatalf("earlier lock: %v", err)
	}
	if _, err := os.Stat(dir + ".lock"); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("a lock file stays beside the index: %v", err)
	}

	// A directory of the user's called <dir>.old is not moved into place.
	dir = filepath.Join(t.TempDir(), "idx")
	if err := os.MkdirAll(dir+".old", 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir+".old", "backup.txt"), []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	_, err := Update(ctx, dir, sliceSource(nil, fixture()), UpdateOptions{})
	if _, serr := os.Stat(filepath.Join(dir+".old", "backup.txt")); serr != nil {
		t.Errorf("%s.old moved or emptied (%v): %v", dir, err, serr)
	}
}
