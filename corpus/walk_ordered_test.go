package corpus_test

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/redtape-vn/redtape/corpus"
	"github.com/redtape-vn/redtape/corpus/synth"
)

// walked is what a walk gave: the records in order and the summary.
type walked struct {
	procs []*corpus.Procedure
	sum   *corpus.Summary
	err   error
}

func walkAll(t *testing.T, workers int, paths []string, opts corpus.Options) walked {
	t.Helper()
	var w walked
	w.sum, w.err = corpus.WalkParallel(context.Background(), paths, opts, workers, func(p *corpus.Procedure) error {
		w.procs = append(w.procs, p)
		return nil
	})
	return w
}

// orderedCorpus writes n synthetic records over files of uneven size, a
// broken line, a file of an unknown format and a file holding no record.
func orderedCorpus(t *testing.T, n int) string {
	t.Helper()
	dir := t.TempDir()
	procs := synth.Generate(3, n)
	for i, at := 0, 0; at < len(procs); i++ {
		end := min(at+1+i*i%97, len(procs))
		f, err := os.Create(filepath.Join(dir, fmt.Sprintf("part-%03d.jsonl", i)))
		if err != nil {
			t.Fatal(err)
		}
		if err := corpus.WriteJSONL(f, procs[at:end]); err != nil {
			t.Fatal(err)
		}
		if i%5 == 2 {
			fmt.Fprintln(f, "{broken")
		}
		if err := f.Close(); err != nil {
			t.Fatal(err)
		}
		at = end
	}
	for name, body := range map[string]string{"zz.csv": "code,name\n,\n", "empty.jsonl": "", "odd.json": "[1,2"} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// TestWalkParallelAsWalk reads the same inputs with Walk and with
// WalkParallel over 2 and 5 workers, a tiny byte budget included: same
// records in the same order, same summary.
func TestWalkParallelAsWalk(t *testing.T) {
	dir := orderedCorpus(t, 1500)
	inputs := [][]string{
		{dir},
		{filepath.Join("..", "testdata", "corpus")},
		{filepath.Join(dir, "part-003.jsonl"), filepath.Join(dir, "missing.jsonl"), dir},
	}
	for _, paths := range inputs {
		want := walkAll(t, 1, paths, corpus.Options{})
		if len(want.procs) == 0 || want.err != nil {
			t.Fatalf("%v: Walk read %d records: %v", paths, len(want.procs), want.err)
		}
		for _, workers := range []int{2, 5} {
			got := walkAll(t, workers, paths, corpus.Options{})
			if got.err != nil {
				t.Fatalf("%v, %d workers: %v", paths, workers, got.err)
			}
			if len(got.procs) != len(want.procs) {
				t.Fatalf("%v, %d workers: %d records, Walk reads %d", paths, workers, len(got.procs), len(want.procs))
			}
			for i := range got.procs {
				if !reflect.DeepEqual(got.procs[i], want.procs[i]) {
					t.Fatalf("%v, %d workers: record %d is %v, Walk gives %v", paths, workers, i, got.procs[i].Source, want.procs[i].Source)
				}
			}
			if !reflect.DeepEqual(got.sum, want.sum) {
				t.Errorf("%v, %d workers: summary\n%+v\nWalk's\n%+v", paths, workers, got.sum, want.sum)
			}
		}
	}
	if want := walkAll(t, 1, inputs[0], corpus.Options{}); !want.sum.Failed() || len(want.sum.Errors) < 4 {
		t.Errorf("the corpus should hold read errors: %v", want.sum.Errors)
	}
}

// TestWalkParallelStops ends the walk from fn, with ErrStop and with an
// error of its own, and from the context: no goroutine is left waiting.
func TestWalkParallelStops(t *testing.T) {
	dir := orderedCorpus(t, 3000)
	for _, stopWith := range []error{corpus.ErrStop, errors.New("enough")} {
		n := 0
		sum, err := corpus.WalkParallel(context.Background(), []string{dir}, corpus.Options{}, 3, func(*corpus.Procedure) error {
			n++
			if n == 700 {
				return stopWith
			}
			return nil
		})
		switch {
		case errors.Is(stopWith, corpus.ErrStop) && err != nil:
			t.Errorf("ErrStop: error %v", err)
		case !errors.Is(stopWith, corpus.ErrStop) && !errors.Is(err, stopWith):
			t.Errorf("fn's error: got %v", err)
		}
		if n != 700 || sum == nil || sum.Procedures < 700 {
			t.Errorf("%v: fn called %d times, summary %+v", stopWith, n, sum)
		}
	}
	ctx, cancel := context.WithCancel(context.Background())
	n := 0
	_, err := corpus.WalkParallel(ctx, []string{dir}, corpus.Options{}, 2, func(*corpus.Procedure) error {
		if n++; n == 100 {
			cancel()
		}
		return nil
	})
	if !errors.Is(err, context.Canceled) || n >= 3000 {
		t.Errorf("cancelled walk: %v after %d records", err, n)
	}
}

// TestWalkParallelProgress reports every file once, in order, up to the total.
func TestWalkParallelProgress(t *testing.T) {
	dir := orderedCorpus(t, 400)
	var seen []corpus.Progress
	opts := corpus.Options{Progress: func(p corpus.Progress) { seen = append(seen, p) }}
	if _, err := corpus.WalkParallel(context.Background(), []string{dir}, opts, 2, func(*corpus.Procedure) error { return nil }); err != nil {
		t.Fatal(err)
	}
	last := seen[len(seen)-1]
	if len(seen) != last.TotalFiles+1 || last.Files != last.TotalFiles || last.Bytes != last.TotalBytes || last.TotalBytes == 0 {
		t.Errorf("progress %+v", seen)
	}
}
