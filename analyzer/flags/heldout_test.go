package flags

import (
	"bufio"
	"context"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/redtape-vn/redtape/analyzer/catalog"
	"github.com/redtape-vn/redtape/corpus"
)

// heldoutReasons are the reason codes of testdata/flags/heldout/*.tsv; the
// first three go with an expected entry, the others with "none".
var heldoutReasons = []string{"asks", "asks-cond", "asks-optional",
	"form", "own", "other", "mention", "lookup", "alt-uncovered", "foreign", "produced", "note"}

// heldoutLabel is one line of a held-out label file: a label with the set
// of entries a paper requires (several for a conjunction "A, B và C") and
// why.
type heldoutLabel struct {
	label
	entries []string // sorted; empty for none
	reason  string
	src     string // the label file, for messages
}

func (l heldoutLabel) String() string {
	return fmt.Sprintf("%s:%d", filepath.Base(l.src), l.line)
}

// readLabelFile reads a label file in the format of labels.tsv (record
// file, paper, entry or "none"), where the entry may join several entries
// with "+" and a fourth column, when present, gives a reason code.
func readLabelFile(t *testing.T, path string) []heldoutLabel {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatalf("open labels: %v", err)
	}
	defer f.Close()
	var out []heldoutLabel
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
			t.Fatalf("%s:%d: want at least 3 tab-separated columns", path, n)
		}
		l := heldoutLabel{label: label{file: cols[0], start: -1, end: -1, index: -1, line: n}, src: path}
		if cols[2] != "none" {
			l.entries = strings.Split(cols[2], "+")
			sort.Strings(l.entries)
			l.want = l.entries[0]
		}
		if len(cols) > 3 {
			l.reason = cols[3]
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
		if err != nil || (l.index < 0 && l.start >= l.end) {
			t.Fatalf("%s:%d: bad paper %q", path, n, cols[1])
		}
		out = append(out, l)
	}
	if err := sc.Err(); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return out
}

// flagScore counts the matcher's verdicts against labels, entry by entry:
// a flag with a labelled entry is a true positive, a flag with another
// entry or on a paper labelled none a false positive, each labelled entry
// not flagged a false negative.
type flagScore struct {
	labels, positives     int
	tp, fp, fn, tn, unmet int
	errors                []string
}

func (s *flagScore) add(o flagScore) {
	s.labels += o.labels
	s.positives += o.positives
	s.tp += o.tp
	s.fp += o.fp
	s.fn += o.fn
	s.tn += o.tn
	s.unmet += o.unmet
	s.errors = append(s.errors, o.errors...)
}

func (s flagScore) precision() float64 { return float64(s.tp) / float64(max(s.tp+s.fp, 1)) }
func (s flagScore) recall() float64    { return float64(s.tp) / float64(max(s.tp+s.fn, 1)) }

func (s flagScore) String() string {
	return fmt.Sprintf("%d labels (%d positive), precision %.3f, recall %.3f (tp %d, fp %d, fn %d, tn %d, unmatched %d)",
		s.labels, s.positives, s.precision(), s.recall(), s.tp, s.fp, s.fn, s.tn, s.unmet)
}

// interval gives the figures with their 95% Wilson score intervals.
func (s flagScore) interval() string {
	pl, ph := wilson(s.tp, s.tp+s.fp)
	rl, rh := wilson(s.tp, s.tp+s.fn)
	return fmt.Sprintf("precision %.3f [%.2f, %.2f], recall %.3f [%.2f, %.2f] (95%% Wilson intervals)", s.precision(), pl, ph, s.recall(), rl, rh)
}

// wilson returns the 95% Wilson score interval of k successes in n trials.
func wilson(k, n int) (lo, hi float64) {
	if n == 0 {
		return 0, 1
	}
	const z = 1.96
	p, fn := float64(k)/float64(n), float64(n)
	d := 1 + z*z/fn
	c := (p + z*z/(2*fn)) / d
	h := z * math.Sqrt(p*(1-p)/fn+z*z/(4*fn*fn)) / d
	return max(c-h, 0), min(c+h, 1)
}

// flagScorer reads the labelled records once and judges their papers.
type flagScorer struct {
	m       *Matcher
	byFile  map[string]*corpus.Procedure
	results map[*corpus.Procedure]ProcedureResult
}

// newFlagScorer loads every record the labels point at from the shared
// corpus, in place.
func newFlagScorer(t *testing.T, labels ...[]heldoutLabel) *flagScorer {
	t.Helper()
	files := map[string]bool{}
	for _, ls := range labels {
		for _, l := range ls {
			files[l.file] = true
		}
	}
	paths := make([]string, 0, len(files))
	for f := range files {
		paths = append(paths, filepath.Join(sharedDir, filepath.FromSlash(f)))
	}
	sort.Strings(paths)
	procs, sum, err := corpus.Load(context.Background(), paths, corpus.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if sum.Failed() {
		t.Logf("%d labelled records could not be read: %v", len(sum.Errors), sum.Errors[0])
	}
	c, err := catalog.Default()
	if err != nil {
		t.Fatal(err)
	}
	s := &flagScorer{m: NewMatcher(c), byFile: map[string]*corpus.Procedure{}, results: map[*corpus.Procedure]ProcedureResult{}}
	for _, p := range procs {
		rel, _ := filepath.Rel(sharedDir, p.Source.File)
		s.byFile[filepath.ToSlash(rel)] = p
	}
	return s
}

// flagged returns the entries the matcher reports for a flagged paper: one
// per covered component of a conjunction ("A, B và C"), else its entry.
func flagged(r PaperResult) []string {
	if !asksCovered(r) {
		return nil
	}
	var out []string
	for _, c := range r.Components {
		if c.Covered && c.Entry != "" && !slices.Contains(out, c.Entry) {
			out = append(out, c.Entry)
		}
	}
	if len(out) == 0 && r.Entry != "" {
		out = append(out, r.Entry)
	}
	return out
}

func (s *flagScorer) score(labels []heldoutLabel) flagScore {
	var sc flagScore
	for _, l := range labels {
		sc.labels++
		if len(l.entries) > 0 {
			sc.positives++
		}
		p := s.byFile[l.file]
		i, ok := -1, false
		if p != nil {
			i, ok = pick(p, l.label)
		}
		if !ok {
			sc.unmet++
			sc.errors = append(sc.errors, fmt.Sprintf("%s: no paper of %s at %d-%d #%d", l, l.file, l.start, l.end, l.index))
			continue
		}
		r, done := s.results[p]
		if !done {
			r = s.m.Procedure(p)
			s.results[p] = r
		}
		got := r.Papers[i]
		gotEntries := flagged(got)
		tp := 0
		for _, e := range gotEntries {
			if slices.Contains(l.entries, e) {
				tp++
			}
		}
		fp, fn := len(gotEntries)-tp, len(l.entries)-tp
		sc.tp += tp
		sc.fp += fp
		sc.fn += fn
		if len(gotEntries) == 0 && len(l.entries) == 0 {
			sc.tn++
		}
		if fp > 0 || fn > 0 {
			sc.errors = append(sc.errors, fmt.Sprintf("%s: want %q (%s), got %q (%s) in %q",
				l, strings.Join(l.entries, "+"), l.reason, strings.Join(gotEntries, "+"), got.Reason, trim(got.Text, 160)))
		}
	}
	return sc
}

// TestAccuracyHeldout measures the matcher on the held-out samples of
// testdata/flags/heldout/ (drawn at random, independently of the matcher;
// see the files' headers) next to the labels it was tuned on, and prints
// both. Random papers hold few positives, so the samples drawn among papers
// naming a catalog paper carry most of the recall. The thresholds (precision
// 0.85, recall 0.80) apply to the pooled held-out samples; with a few dozen
// positives a point figure moves by several points per paper. Precision is
// asserted on the point estimate (issue 19: a false flag costs a ministry's
// trust, so the sample must not show one in seven); recall fails only when
// 0.80 lies above its 95% Wilson interval. Both are printed with their
// intervals (the 0.95 / 0.90 are asserted on the tuned labels by
// TestAccuracy).
func TestAccuracyHeldout(t *testing.T) {
	if _, err := os.Stat(filepath.Join(sharedDir, "corpus")); err != nil {
		t.Skipf("shared corpus not found at %s: accuracy needs the real records", sharedDir)
	}
	files, err := filepath.Glob(filepath.Join("..", "..", "testdata", "flags", "heldout", "*.tsv"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no held-out labels: %v", err)
	}
	sort.Strings(files)
	tuned := readLabelFile(t, filepath.Join("..", "..", "testdata", "flags", "labels.tsv"))
	c, err := catalog.Default()
	if err != nil {
		t.Fatal(err)
	}
	ids := map[string]bool{}
	for _, e := range c.Entries {
		ids[e.ID] = true
	}
	samples := make([][]heldoutLabel, len(files))
	seen := map[string]heldoutLabel{}
	for k, f := range files {
		samples[k] = readLabelFile(t, f)
		for _, l := range samples[k] {
			for _, e := range l.entries {
				if !ids[e] {
					t.Errorf("%s: unknown catalog entry %q", l, e)
				}
			}
			if !slices.Contains(heldoutReasons, l.reason) {
				t.Errorf("%s: unknown reason %q", l, l.reason)
			} else if asks := strings.HasPrefix(l.reason, "asks"); asks != (len(l.entries) > 0) {
				t.Errorf("%s: reason %q does not go with entry %q", l, l.reason, strings.Join(l.entries, "+"))
			}
			key := fmt.Sprintf("%s %d-%d #%d", l.file, l.start, l.end, l.index)
			if prev, dup := seen[key]; dup {
				t.Errorf("%s: same paper as %s", l, prev)
			}
			seen[key] = l
			for _, u := range tuned {
				if u.file == l.file && overlaps(u.label, l.label) {
					t.Errorf("%s: paper also labelled in labels.tsv:%d; a held-out paper must be new", l, u.line)
				}
			}
		}
	}

	s := newFlagScorer(t, append(samples, tuned)...)
	ts := s.score(tuned)
	var pooled flagScore
	var lines []string
	for k, f := range files {
		hs := s.score(samples[k])
		pooled.add(hs)
		lines = append(lines, fmt.Sprintf("  held-out %s: %s", strings.TrimSuffix(filepath.Base(f), ".tsv"), hs))
	}
	if testing.Verbose() {
		for _, e := range pooled.errors {
			t.Log("held-out " + e)
		}
	}
	msg := fmt.Sprintf("flags accuracy:\n  tuned labels.tsv: %s\n%s\n  held-out pooled: %s\n  held-out pooled: %s",
		ts, strings.Join(lines, "\n"), pooled, pooled.interval())
	t.Log(msg)
	if testing.Verbose() {
		fmt.Println(msg)
	}
	if pooled.unmet > pooled.labels/20 {
		t.Errorf("%d held-out labels point at no paper", pooled.unmet)
	}
	if pooled.positives < 5 {
		t.Errorf("held-out samples have %d positive labels; too few to measure recall", pooled.positives)
	}
	if pooled.precision() < 0.85 {
		lo, hi := wilson(pooled.tp, pooled.tp+pooled.fp)
		t.Errorf("held-out precision %.3f < 0.85 (95%% interval [%.2f, %.2f] over %d flags)", pooled.precision(), lo, hi, pooled.tp+pooled.fp)
	}
	if _, hi := wilson(pooled.tp, pooled.tp+pooled.fn); hi < 0.80 {
		t.Errorf("held-out recall %.3f, 95%% interval up to %.2f: below 0.80", pooled.recall(), hi)
	} else if pooled.recall() < 0.80 {
		t.Logf("held-out recall %.3f is under 0.80, within the sampling error of %d positives", pooled.recall(), pooled.tp+pooled.fn)
	}
}

// overlaps reports whether two labels point at the same paper of a record:
// the same index, or overlapping spans.
func overlaps(a, b label) bool {
	if a.index >= 0 || b.index >= 0 {
		return a.index == b.index
	}
	return min(a.end, b.end) > max(a.start, b.start)
}
