package web

import (
	"os"
	"path/filepath"
	"sort"

	"github.com/redtape-vn/redtape/corpus"
	"github.com/redtape-vn/redtape/corpus/index"
)

// Store holds the records the index was built from, by their index id, so
// that a procedure page shows every field of the record (the index stores
// only what search needs). It is read only once built.
type Store struct {
	procs []*corpus.Procedure
	byID  map[string]*corpus.Procedure
	ids   map[*corpus.Procedure]string
}

// NewStore indexes procs by the id index.Update gives them: the key, "@"
// and the canonical path of the source file (absolute, symbolic links of
// its directory resolved), "#n" for the n-th repeat of a key in one file.
// The procedures are not modified.
func NewStore(procs []*corpus.Procedure) *Store {
	s := &Store{procs: procs, byID: make(map[string]*corpus.Procedure, len(procs)), ids: make(map[*corpus.Procedure]string, len(procs))}
	dirs := map[string]string{}
	repeats := map[string]int{}
	for _, p := range procs {
		q := *p
		q.Source.File = canonicalFile(q.Source.File, dirs)
		key := index.Key(&q) + "@" + q.Source.File
		repeats[key]++
		id := index.DocID(&q, repeats[key])
		s.byID[id] = p
		s.ids[p] = id
	}
	return s
}

// Summary counts the records and the files they come from, as a report
// says what it rests on.
func (s *Store) Summary() *corpus.Summary {
	files := map[string]bool{}
	for _, p := range s.procs {
		files[p.Source.File] = true
	}
	return &corpus.Summary{Files: len(files), Procedures: len(s.procs)}
}

// Procedures returns every record, in the order given to NewStore.
func (s *Store) Procedures() []*corpus.Procedure { return s.procs }

// Get returns the record with the index id id.
func (s *Store) Get(id string) (*corpus.Procedure, bool) {
	p, ok := s.byID[id]
	return p, ok
}

// ID returns the index id of p.
func (s *Store) ID(p *corpus.Procedure) string { return s.ids[p] }

// Len returns the number of records.
func (s *Store) Len() int { return len(s.procs) }

// IDs returns every id, sorted.
func (s *Store) IDs() []string {
	out := make([]string, 0, len(s.byID))
	for id := range s.byID {
		out = append(out, id)
	}
	sort.Strings(out)
	return out
}

// canonicalFile is the path index.Update records for a source file: the
// same rule as the index's (absolute, cleaned, the directory's symbolic
// links resolved, a linked file resolved).
func canonicalFile(f string, dirs map[string]string) string {
	if f == "" {
		return f
	}
	abs, err := filepath.Abs(f)
	if err != nil {
		return filepath.Clean(f)
	}
	dir, base := filepath.Split(abs)
	real, ok := dirs[dir]
	if !ok {
		real = filepath.Clean(dir)
		if r, err := filepath.EvalSymlinks(dir); err == nil {
			real = r
		}
		dirs[dir] = real
	}
	if base == "" {
		return real
	}
	out := filepath.Join(real, base)
	if fi, err := os.Lstat(out); err == nil && fi.Mode()&os.ModeSymlink != 0 {
		if r, err := filepath.EvalSymlinks(out); err == nil {
			return r
		}
	}
	return out
}
