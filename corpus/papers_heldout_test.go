package corpus

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"testing"

	"golang.org/x/text/unicode/norm"
)

// heldoutSeed prefixes each portal-crawl path before hashing to draw the
// held-out sample of testdata/corpus/papers-heldout/ (see its "about").
const heldoutSeed = "redtape-heldout-papers-1:"

// heldoutSize is the number of records drawn.
const heldoutSize = 25

// splitScore counts how the papers split from real records compare with
// hand-checked annotations.
type splitScore struct {
	records    int
	ministries map[string]bool
	expected   int // annotated papers
	right      int // annotated papers split exactly (text after trimming, counts)
	extra      int // papers split that match no annotation
	misses     []string
}

// score is the share of papers exactly right, counting invented papers as
// misses too.
func (s splitScore) score() float64 {
	return float64(s.right) / float64(max(s.expected+s.extra, 1))
}

func (s splitScore) String() string {
	return fmt.Sprintf("%d/%d expected papers exactly right, %d unexpected papers, %.1f%% over %d records",
		s.right, s.expected, s.extra, 100*s.score(), s.records)
}

// readPaperAnnotations reads the annotation files matching glob, checking
// their schema, in file-name order.
func readPaperAnnotations(t *testing.T, glob string) []paperAnnotations {
	t.Helper()
	files, err := filepath.Glob(glob)
	if err != nil || len(files) == 0 {
		t.Fatalf("no annotations at %s: %v", glob, err)
	}
	sort.Strings(files)
	var out []paperAnnotations
	for _, af := range files {
		b, err := os.ReadFile(af)
		if err != nil {
			t.Fatal(err)
		}
		var ann paperAnnotations
		if err := json.Unmarshal(b, &ann); err != nil {
			t.Fatalf("%s: %v", af, err)
		}
		if ann.Schema != "redtape.paper-annotations/v1" {
			t.Fatalf("%s: schema %q", af, ann.Schema)
		}
		out = append(out, ann)
	}
	return out
}

// scorePaperSplit reads each annotated record of shared in place and
// compares the papers the reader splits with the annotations, the way
// TestPaperSplitQuality does.
func scorePaperSplit(t *testing.T, shared string, anns []paperAnnotations) splitScore {
	t.Helper()
	s := splitScore{ministries: map[string]bool{}}
	for _, ann := range anns {
		for _, rec := range ann.Records {
			s.records++
			s.ministries[filepath.Base(filepath.Dir(rec.File))] = true
			path := filepath.Join(shared, filepath.FromSlash(rec.File))
			raw := readRawRecord(t, path)
			field := []rune(norm.NFC.String(raw[rec.Field]))
			data, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			var got *Procedure
			if _, err := ReadData(context.Background(), path, data, Options{}, func(p *Procedure) error { got = p; return nil }); err != nil || got == nil {
				t.Fatalf("%s: read: %v", rec.File, err)
			}
			matched := make([]bool, len(got.Papers))
			for _, want := range rec.Papers {
				s.expected++
				if want.Start < 0 || want.End > len(field) || want.Start >= want.End {
					t.Errorf("%s: annotation [%d,%d) outside the field", rec.File, want.Start, want.End)
					continue
				}
				wantText := trimPaper(string(field[want.Start:want.End]))
				why := "no paper with this text"
				for i, p := range got.Papers {
					if matched[i] || p.Span == nil || p.Span.Field != rec.Field || trimPaper(p.Text) != wantText {
						continue
					}
					if p.Span.End <= want.Start || p.Span.Start >= want.End {
						continue // same words elsewhere in the field
					}
					matched[i] = true
					why = fmt.Sprintf("counts %s/%s, want %s/%s", showCount(p.Originals), showCount(p.Copies), showCount(want.Originals), showCount(want.Copies))
					if sameCount(p.Originals, want.Originals) && sameCount(p.Copies, want.Copies) {
						why = ""
					}
					break
				}
				if why == "" {
					s.right++
				} else {
					s.misses = append(s.misses, fmt.Sprintf("%s: missed paper [%d,%d) %.60q: %s", rec.File, want.Start, want.End, wantText, why))
				}
			}
			for i, m := range matched {
				if !m {
					s.extra++
					s.misses = append(s.misses, fmt.Sprintf("%s: unexpected paper %.60q", rec.File, got.Papers[i].Text))
				}
			}
		}
	}
	return s
}

func showCount(n *int) string {
	if n == nil {
		return "?"
	}
	return fmt.Sprint(*n)
}

// heldoutDraw returns the portal-crawl files (relative to shared/) of the
// held-out draw: of the files not in exclude, the n whose SHA-256 of
// heldoutSeed + path is smallest.
func heldoutDraw(t *testing.T, shared string, exclude map[string]bool, n int) []string {
	t.Helper()
	files, err := filepath.Glob(filepath.Join(shared, "corpus", "portal-crawl", "*", "*.json"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no portal-crawl files: %v", err)
	}
	type keyed struct {
		rel string
		key [sha256.Size]byte
	}
	var cand []keyed
	for _, f := range files {
		rel, err := filepath.Rel(shared, f)
		if err != nil {
			t.Fatal(err)
		}
		rel = filepath.ToSlash(rel)
		if !exclude[rel] {
			cand = append(cand, keyed{rel, sha256.Sum256([]byte(heldoutSeed + rel))})
		}
	}
	sort.Slice(cand, func(i, j int) bool { return bytes.Compare(cand[i].key[:], cand[j].key[:]) < 0 })
	out := make([]string, 0, n)
	for _, c := range cand[:min(n, len(cand))] {
		out = append(out, c.rel)
	}
	sort.Strings(out)
	return out
}

// TestPaperSplitHeldout scores the splitter on a held-out sample drawn at
// random, independently of the splitter's output, next to the hand-checked
// set the splitter was tuned on, and prints both figures. The held-out
// figure must reach 90% (the 95% of the issue is asserted on the tuned set
// by TestPaperSplitQuality); the test also checks that the sample is the
// documented draw, so that it cannot be hand-picked.
func TestPaperSplitHeldout(t *testing.T) {
	shared := sharedDir(t)
	tuned := readPaperAnnotations(t, filepath.Join("..", "testdata", "corpus", "papers", "*.json"))
	held := readPaperAnnotations(t, filepath.Join("..", "testdata", "corpus", "papers-heldout", "*.json"))

	annotated := map[string]bool{}
	for _, a := range tuned {
		for _, r := range a.Records {
			annotated[r.File] = true
		}
	}
	var got []string
	for _, a := range held {
		for _, r := range a.Records {
			if annotated[r.File] {
				t.Errorf("%s: held-out record is also in the tuned set", r.File)
			}
			got = append(got, r.File)
		}
	}
	sort.Strings(got)
	if want := heldoutDraw(t, shared, annotated, heldoutSize); !slices.Equal(got, want) {
		t.Errorf("held-out records are not the documented draw:\n got %s\nwant %s", strings.Join(got, " "), strings.Join(want, " "))
	}

	ts := scorePaperSplit(t, shared, tuned)
	hs := scorePaperSplit(t, shared, held)
	for _, m := range hs.misses {
		t.Log("held-out: " + m)
	}
	msg := fmt.Sprintf("paper split quality: tuned set %s; held-out set %s", ts, hs)
	t.Log(msg)
	if testing.Verbose() {
		fmt.Println(msg)
	}
	if hs.records != heldoutSize || len(hs.ministries) < 4 {
		t.Errorf("held-out set has %d records of %d ministries; want %d of at least 4", hs.records, len(hs.ministries), heldoutSize)
	}
	if hs.score() < 0.90 {
		t.Errorf("held-out paper split quality %.1f%%; want at least 90%%", 100*hs.score())
	}
}
