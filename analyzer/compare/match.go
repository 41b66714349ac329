package compare

import (
	"strings"

	"github.com/redtape-vn/redtape/analyzer/vntext"
	"github.com/redtape-vn/redtape/corpus"
)

// How a pair was matched.
const (
	ByCode = "code"
	ByName = "name"
)

// Pair is a baseline procedure and its current counterpart. Base or Current
// is -1 for a procedure found on one side only (abolished or new).
type Pair struct {
	// Base is the index in the baseline, or -1 for a new procedure.
	Base int
	// Current is the index in the current set, or -1 for an abolished one.
	Current int
	// By is ByCode or ByName for a matched pair, else empty.
	By string
}

// NameKey returns the normalised form of a procedure name used to match
// procedures without a common code: folded words joined by one space.
func NameKey(name string) string { return strings.Join(vntext.FoldedWords(name), " ") }

// Match pairs baseline and current procedures: first by code (the i-th
// baseline record of a code with the i-th current one), then the rest by
// normalised name. Pairs come in baseline order, then the new procedures
// in current order.
func Match(baseline, current []*corpus.Procedure) []Pair {
	used := make([]bool, len(current))
	matched := make([]int, len(baseline))
	for i := range matched {
		matched[i] = -1
	}
	by := make([]string, len(baseline))
	codes := map[string][]int{}
	names := map[string][]int{}
	for j, p := range current {
		if c := strings.TrimSpace(p.Code); c != "" {
			codes[c] = append(codes[c], j)
		}
		if k := NameKey(p.Name); k != "" {
			names[k] = append(names[k], j)
		}
	}
	take := func(list []int) int {
		for _, j := range list {
			if !used[j] {
				used[j] = true
				return j
			}
		}
		return -1
	}
	for i, p := range baseline {
		if c := strings.TrimSpace(p.Code); c != "" {
			if j := take(codes[c]); j >= 0 {
				matched[i], by[i] = j, ByCode
			}
		}
	}
	for i, p := range baseline {
		if matched[i] >= 0 {
			continue
		}
		if k := NameKey(p.Name); k != "" {
			if j := take(names[k]); j >= 0 {
				matched[i], by[i] = j, ByName
			}
		}
	}
	pairs := make([]Pair, 0, len(baseline)+len(current))
	for i := range baseline {
		pairs = append(pairs, Pair{Base: i, Current: matched[i], By: by[i]})
	}
	for j := range current {
		if !used[j] {
			pairs = append(pairs, Pair{Base: -1, Current: j})
		}
	}
	return pairs
}

// DropPapers returns copies of procs without the papers drop says to
// remove; drop gets each procedure and the index of a paper in it. The
// procedures themselves are not changed. A nil drop returns procs.
func DropPapers(procs []*corpus.Procedure, drop func(p *corpus.Procedure, paperIndex int) bool) []*corpus.Procedure {
	if drop == nil {
		return procs
	}
	out := make([]*corpus.Procedure, len(procs))
	for i, p := range procs {
		var kept []corpus.Paper
		removed := false
		for k := range p.Papers {
			if drop(p, k) {
				removed = true
				continue
			}
			kept = append(kept, p.Papers[k])
		}
		if !removed {
			out[i] = p
			continue
		}
		q := *p
		q.Papers = kept
		out[i] = &q
	}
	return out
}

// multisetDiff returns the indexes of a's items with no counterpart in b
// and of b's items with none in a, items compared by key.
func multisetDiff(a, b []string) (removed, added []int) {
	count := map[string]int{}
	for _, s := range b {
		count[s]++
	}
	for i, s := range a {
		if count[s] > 0 {
			count[s]--
			continue
		}
		removed = append(removed, i)
	}
	count = map[string]int{}
	for _, s := range a {
		count[s]++
	}
	for j, s := range b {
		if count[s] > 0 {
			count[s]--
			continue
		}
		added = append(added, j)
	}
	return removed, added
}

func paperKeys(p *corpus.Procedure) []string {
	keys := make([]string, len(p.Papers))
	for i, pp := range p.Papers {
		keys[i] = NameKey(pp.Text)
	}
	return keys
}

func conditionKeys(p *corpus.Procedure) []string {
	keys := make([]string, 0, len(p.Conditions))
	for _, c := range p.Conditions {
		keys = append(keys, NameKey(c))
	}
	return keys
}
