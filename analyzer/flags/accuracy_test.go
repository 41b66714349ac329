package flags

import (
	"bufio"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/redtape-vn/redtape/analyzer/catalog"
	"github.com/redtape-vn/redtape/corpus"
)

// sharedDir is the shared data directory, read in place from the repo root's sibling.
var sharedDir = filepath.Join("..", "..", "..", "shared")

// label is one expected verdict of testdata/flags/labels.tsv.
type label struct {
	file       string // relative to shared/
	start, end int    // rune span in the portal-crawl field, or -1
	index      int    // index in the word-export array, or -1
	want       string // entry id, or "" for none
	line       int
}

func readLabels(t *testing.T) []label {
	t.Helper()
	f, err := os.Open(filepath.Join("..", "..", "testdata", "flags", "labels.tsv"))
	if err != nil {
		t.Fatalf("open labels: %v", err)
	}
	defer f.Close()
	var out []label
	sc := bufio.NewScanner(f)
	n := 0
	for sc.Scan() {
		n++
		line := sc.Text()
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		cols := strings.Split(line, "\t")
		if len(cols) < 3 {
			t.Fatalf("labels.tsv:%d: want 3 tab-separated columns", n)
		}
		l := label{file: cols[0], start: -1, end: -1, index: -1, want: cols[2], line: n}
		if l.want == "none" {
			l.want = ""
		}
		if rest, ok := strings.CutPrefix(cols[1], "#"); ok {
			l.index, err = strconv.Atoi(rest)
		} else {
			a, b, _ := strings.Cut(cols[1], "-")
			l.start, err = strconv.Atoi(a)
			if err == nil {
				l.end, err = strconv.Atoi(b)
			}
		}
		if err != nil {
			t.Fatalf("labels.tsv:%d: bad paper %q", n, cols[1])
		}
		out = append(out, l)
	}
	return out
}

// pick returns the paper a label points at: by array index, or the paper
// whose span overlaps the label's span most.
func pick(p *corpus.Procedure, l label) (int, bool) {
	if l.index >= 0 {
		return l.index, l.index < len(p.Papers)
	}
	best, bestOv := -1, 0
	for i, pa := range p.Papers {
		if pa.Span == nil {
			continue
		}
		ov := min(pa.Span.End, l.end) - max(pa.Span.Start, l.start)
		if ov > bestOv {
			best, bestOv = i, ov
		}
	}
	return best, best >= 0
}

// TestAccuracy measures the matcher on the labelled real papers.
func TestAccuracy(t *testing.T) {
	if _, err := os.Stat(filepath.Join(sharedDir, "corpus")); err != nil {
		t.Skipf("shared corpus not found at %s: accuracy needs the real records", sharedDir)
	}
	labels := readLabels(t)
	files := map[string]bool{}
	for _, l := range labels {
		files[l.file] = true
	}
	var paths []string
	for f := range files {
		paths = append(paths, filepath.Join(sharedDir, f))
	}
	sort.Strings(paths)
	procs, sum, err := corpus.Load(context.Background(), paths, corpus.Options{})
	if err != nil {
		t.Fatal(err)
	}
	// A labelled record the reader cannot read is a reader regression:
	// name each one.
	for _, e := range sum.Errors {
		t.Errorf("labelled record could not be read: %v", e)
	}
	byFile := map[string]*corpus.Procedure{}
	for _, p := range procs {
		rel, _ := filepath.Rel(sharedDir, p.Source.File)
		byFile[filepath.ToSlash(rel)] = p
	}
	c, err := catalog.Default()
	if err != nil {
		t.Fatal(err)
	}
	m := NewMatcher(c)
	var tp, fp, fn, tn, missing int
	var partlyNone int // papers labelled none that are partly replaceable by alternatives
	results := map[*corpus.Procedure]ProcedureResult{}
	for _, l := range labels {
		p := byFile[l.file]
		if p == nil {
			missing++
			t.Errorf("labels.tsv:%d: %s was not read", l.line, l.file)
			continue
		}
		i, ok := pick(p, l)
		if !ok {
			missing++
			t.Errorf("labels.tsv:%d: no paper of %s at %d-%d #%d", l.line, l.file, l.start, l.end, l.index)
			continue
		}
		r, done := results[p]
		if !done {
			r = m.Procedure(p)
			results[p] = r
		}
		got := r.Papers[i]
		entry := ""
		if asksCovered(got) {
			entry = got.Entry
		}
		if l.want == "" && got.Replaceable() && !asksCovered(got) {
			partlyNone++
		}
		switch {
		case l.want != "" && entry == l.want:
			tp++
		case l.want == "" && entry == "":
			tn++
		default:
			if entry != "" {
				fp++
			}
			if l.want != "" {
				fn++
			}
			if testing.Verbose() {
				t.Logf("labels.tsv:%d: want %q, got %q (%s) in %q", l.line, l.want, entry, got.Reason, trim(got.Text, 160))
			}
		}
	}
	precision := float64(tp) / float64(max(tp+fp, 1))
	recall := float64(tp) / float64(max(tp+fn, 1))
	fmt.Printf("flags accuracy: %d labels (%d positive), precision %.3f, recall %.3f (tp %d, fp %d, fn %d, tn %d, unmatched %d)\n",
		len(labels), tp+fn, precision, recall, tp, fp, fn, tn, missing)
	// The labels mark a paper with an entry when every alternative of a
	// paper it asks for is covered; a covered alternative beside an
	// uncovered one is labelled none, and Replaceable() counts it, so it is
	// said apart here and scored by TestStatesAccuracy.
	fmt.Printf("flags accuracy: %d papers labelled none are partly replaceable by their alternatives (Replaceable() true, not scored here)\n", partlyNone)
	if missing > len(labels)/20 {
		t.Errorf("%d labels point at no paper", missing)
	}
	if precision < 0.95 {
		t.Errorf("precision %.3f < 0.95", precision)
	}
	if recall < 0.90 {
		t.Errorf("recall %.3f < 0.90", recall)
	}
}

func trim(s string, n int) string {
	r := []rune(s)
	if len(r) > n {
		return string(r[:n]) + "…"
	}
	return s
}
