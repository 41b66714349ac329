package flags

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestStatesAccuracy scores the partly-replaceable and looked-up states on
// the labelled real papers of testdata/flags/states.tsv (expected state:
// partly-replaceable, looked-up, or other for any other status) and prints
// precision and recall per state. The floors are set under today's point
// estimates, to catch a regression, not to certify the states.
func TestStatesAccuracy(t *testing.T) {
	if _, err := os.Stat(filepath.Join(sharedDir, "corpus")); err != nil {
		t.Skipf("shared corpus not found at %s: accuracy needs the real records", sharedDir)
	}
	labels := readLabelFile(t, filepath.Join("..", "..", "testdata", "flags", "states.tsv"))
	s := newFlagScorer(t, labels)
	type score struct{ tp, fp, fn int }
	scores := map[Status]*score{StatusPartlyReplaceable: {}, StatusLookedUp: {}}
	states := []Status{StatusPartlyReplaceable, StatusLookedUp}
	for _, l := range labels {
		want := Status(strings.Join(l.entries, "+"))
		if want != StatusPartlyReplaceable && want != StatusLookedUp && want != "other" {
			t.Fatalf("%s: unknown state %q", l, want)
		}
		p := s.byFile[l.file]
		if p == nil {
			t.Errorf("%s: %s was not read", l, l.file)
			continue
		}
		i, ok := pick(p, l.label)
		if !ok {
			t.Errorf("%s: no paper of %s at %d-%d #%d", l, l.file, l.start, l.end, l.index)
			continue
		}
		r, done := s.results[p]
		if !done {
			r = s.m.Procedure(p)
			s.results[p] = r
		}
		got := r.Papers[i].Status
		for _, st := range states {
			switch {
			case got == st && want == st:
				scores[st].tp++
			case got == st:
				scores[st].fp++
			case want == st:
				scores[st].fn++
			}
		}
		if (got == StatusPartlyReplaceable || got == StatusLookedUp || want != "other") && Status(want) != got && testing.Verbose() {
			t.Logf("%s: want %s, got %s (%s) in %q", l, want, got, r.Papers[i].Reason, trim(r.Papers[i].Text, 160))
		}
	}
	floors := map[Status][2]float64{StatusPartlyReplaceable: {0.80, 0.90}, StatusLookedUp: {0.80, 0.80}}
	var lines []string
	for _, st := range states {
		sc := scores[st]
		p := float64(sc.tp) / float64(max(sc.tp+sc.fp, 1))
		r := float64(sc.tp) / float64(max(sc.tp+sc.fn, 1))
		lines = append(lines, fmt.Sprintf("  %s: precision %.3f, recall %.3f (tp %d, fp %d, fn %d)", st, p, r, sc.tp, sc.fp, sc.fn))
		if f := floors[st]; p < f[0] || r < f[1] {
			t.Errorf("%s: precision %.3f, recall %.3f; floors %.2f, %.2f", st, p, r, f[0], f[1])
		}
	}
	msg := fmt.Sprintf("states accuracy: %d labels\n%s", len(labels), strings.Join(lines, "\n"))
	t.Log(msg)
	if testing.Verbose() {
		fmt.Println(msg)
	}
}
