package compare

import (
	"bytes"
	"github.com/redtape-vn/redtape/internal/memo"
	"slices"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/redtape-vn/redtape/corpus"
	"github.com/redtape-vn/redtape/corpus/vntext"
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
// procedures without a common code: folded words joined by one space,
// without a leading "thủ tục" (published names carry it or not).
func NameKey(name string) string {
	// vntext.FoldedWords joined by spaces, in one pass and one string of
	// its exact length (keys are kept for the whole comparison): every
	// record read for a comparison has its name keyed.
	var room [160]byte
	b := room[:0]
	words, inWord := 0, false
	for _, r := range name {
		f := vntext.FoldRune(r)
		switch {
		case f < 0:
			continue // dropped by folding: neither word nor separator
		case !vntext.IsWordRune(f):
			inWord = false
			continue
		case !inWord:
			if words > 0 {
				b = append(b, ' ')
			}
			words++
			inWord = true
		}
		b = utf8.AppendRune(b, f)
	}
	if words > 2 {
		b = bytes.TrimPrefix(b, []byte("thu tuc "))
	}
	return string(b)
}

// CodeKey returns the normalised form of a procedure code: trimmed, upper
// case, without inner spaces ("1.000005 " and "1.000005" match).
func CodeKey(code string) string {
	return strings.ToUpper(strings.Join(strings.Fields(code), ""))
}

// Keys are what matching reads of a procedure: its code, name and
// ministry in the forms [CodeKey] and [NameKey] give. A comparison that
// does not hold the procedures (one that reads them as a stream) matches
// their keys.
type Keys struct {
	Code, Name, Ministry string
}

// KeysOf returns the matching keys of p.
func KeysOf(p *corpus.Procedure) Keys {
	return Keys{Code: CodeKey(p.Code), Name: NameKey(p.Name), Ministry: NameKey(p.Ministry)}
}

// Match pairs baseline and current procedures: first by code (the i-th
// baseline record of a code with the i-th current one), then the rest by
// normalised name, a current procedure of the same ministry (folded name)
// before one of another. Pairs come in baseline order, then the new procedures
// in current order.
func Match(baseline, current []*corpus.Procedure) []Pair {
	keys := func(ps []*corpus.Procedure) []Keys {
		out := make([]Keys, len(ps))
		for i, p := range ps {
			out[i] = KeysOf(p)
		}
		return out
	}
	return MatchKeys(keys(baseline), keys(current))
}

// MatchKeys is [Match] on the procedures' keys: the pairs it returns
// index baseline and current as Match's do.
func MatchKeys(baseline, current []Keys) []Pair {
	used := make([]bool, len(current))
	matched := make([]int, len(baseline))
	for i := range matched {
		matched[i] = -1
	}
	by := make([]string, len(baseline))
	// The current procedures of a code, of a name, and of a name and
	// ministry, in order, each list with a cursor past its leading
	// procedures already taken: a code or name shared by thousands of
	// procedures (every province's version of one) costs no more than
	// others, where scanning each list from its start took quadratic time.
	type nameMinistry struct{ name, ministry string }
	codes := map[string]*cursor{}
	names := map[string]*cursor{}
	byMinistry := map[nameMinistry]*cursor{}
	for j, k := range current {
		if k.Code != "" {
			addTo(codes, k.Code, j)
		}
		if k.Name != "" {
			addTo(names, k.Name, j)
			addTo(byMinistry, nameMinistry{k.Name, k.Ministry}, j)
		}
	}
	take := func(c *cursor) int {
		j := c.first(used)
		if j >= 0 {
			used[j] = true
		}
		return j
	}
	for i, k := range baseline {
		if k.Code != "" {
			if j := take(codes[k.Code]); j >= 0 {
				matched[i], by[i] = j, ByCode
			}
		}
	}
	// By name, a current procedure of the same ministry is taken first:
	// provinces and ministries publish procedures of one name. Once none
	// of its ministry is left, the first left of the name is of another.
	for i, k := range baseline {
		if matched[i] >= 0 || k.Name == "" {
			continue
		}
		j := take(byMinistry[nameMinistry{k.Name, k.Ministry}])
		if j < 0 {
			j = take(names[k.Name])
		}
		if j >= 0 {
			matched[i], by[i] = j, ByName
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

// cursor walks a list of current procedures in order, past those taken.
type cursor struct {
	list []int
	next int
}

// first returns the first procedure of c not used yet, or -1 (also for a
// nil c). Procedures are only ever taken, so the cursor never goes back.
func (c *cursor) first(used []bool) int {
	if c == nil {
		return -1
	}
	for c.next < len(c.list) && used[c.list[c.next]] {
		c.next++
	}
	if c.next == len(c.list) {
		return -1
	}
	return c.list[c.next]
}

// addTo appends j to the list of key in m.
func addTo[K comparable](m map[K]*cursor, key K, j int) {
	c := m[key]
	if c == nil {
		c = &cursor{}
		m[key] = c
	}
	c.list = append(c.list, j)
}

// DropPapers returns copies of procs without the papers drop says to
// remove; drop gets each procedure and the index of a paper in it. The
// procedures themselves are not changed. A nil drop returns procs.
func DropPapers(procs []*corpus.Procedure, drop func(p *corpus.Procedure, paperIndex int) bool) []*corpus.Procedure {
	out, _ := dropPapers(procs, drop)
	return out
}

// dropPapers is DropPapers that also returns, per procedure, the indexes
// of the papers removed (nil where none was).
func dropPapers(procs []*corpus.Procedure, drop func(p *corpus.Procedure, paperIndex int) bool) ([]*corpus.Procedure, [][]int) {
	if drop == nil {
		return procs, make([][]int, len(procs))
	}
	out := make([]*corpus.Procedure, len(procs))
	removed := make([][]int, len(procs))
	for i, p := range procs {
		var kept []corpus.Paper
		for k := range p.Papers {
			if drop(p, k) {
				removed[i] = append(removed[i], k)
				continue
			}
			kept = append(kept, p.Papers[k])
		}
		if removed[i] == nil {
			out[i] = p
			continue
		}
		q := *p
		q.Papers = kept
		out[i] = &q
	}
	return out, removed
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

// DefaultSimilarity is the least share of common words (Jaccard index of
// the folded word sets) at which a paper or condition left over on both
// sides counts as reworded rather than removed and added: "Bản sao Giấy
// khai sinh" and "Giấy khai sinh (bản sao)" share all their words; "Giấy
// chứng nhận đăng ký doanh nghiệp" and "… đăng ký đầu tư" share 5 of 9
// (0.56) and stay different papers.
const DefaultSimilarity = 0.6

// pairReworded removes from removed and added the items that are rewordings
// of each other: pairs of at least minSim word similarity, most similar
// first. It returns the pairs as baseline → current indexes. words gives
// the word set of a key ([wordSet]).
func pairReworded(a, b []string, removed, added []int, minSim float64, words func(string) []string) (keptRemoved, keptAdded []int, pairs [][2]int) {
	if len(removed) == 0 || len(added) == 0 {
		return removed, added, nil
	}
	type cand struct {
		i, j int
		sim  float64
	}
	var cands []cand
	wb := make([][]string, len(added))
	for k, j := range added {
		wb[k] = words(b[j])
	}
	for _, i := range removed {
		wa := words(a[i])
		for k, j := range added {
			if sim := jaccard(wa, wb[k]); sim >= minSim {
				cands = append(cands, cand{i, j, sim})
			}
		}
	}
	sort.SliceStable(cands, func(x, y int) bool { return cands[x].sim > cands[y].sim })
	usedA, usedB := map[int]bool{}, map[int]bool{}
	for _, c := range cands {
		if usedA[c.i] || usedB[c.j] {
			continue
		}
		usedA[c.i], usedB[c.j] = true, true
		pairs = append(pairs, [2]int{c.i, c.j})
	}
	for _, i := range removed {
		if !usedA[i] {
			keptRemoved = append(keptRemoved, i)
		}
	}
	for _, j := range added {
		if !usedB[j] {
			keptAdded = append(keptAdded, j)
		}
	}
	sort.Slice(pairs, func(x, y int) bool { return pairs[x][0] < pairs[y][0] })
	return keptRemoved, keptAdded, pairs
}

// wordSet returns the distinct words of key, sorted.
func wordSet(key string) []string {
	words := strings.Fields(key)
	slices.Sort(words)
	return slices.Compact(words)
}

// jaccard returns the Jaccard index of two sorted sets of words: the
// words in both over the words in either (1 for two empty sets).
func jaccard(a, b []string) float64 {
	if len(a) == 0 && len(b) == 0 {
		return 1
	}
	common := 0
	for i, j := 0, 0; i < len(a) && j < len(b); {
		switch c := strings.Compare(a[i], b[j]); {
		case c == 0:
			common++
			i++
			j++
		case c < 0:
			i++
		default:
			j++
		}
	}
	return float64(common) / float64(len(a)+len(b)-common)
}

// textKeys folds paper and condition texts to their keys ([NameKey]) and
// keys to their word sets, remembering those met before: the same papers
// and conditions come back in procedure after procedure. It is safe for
// concurrent use.
type textKeys struct {
	memo memo.Memo[string, string]
	sets memo.Memo[string, []string]
}

func (k *textKeys) key(text string) string { return k.memo.Get(text, NameKey) }

// wordSet is [wordSet] of key, shared with the other callers: it must not
// be modified.
func (k *textKeys) wordSet(key string) []string { return k.sets.Get(key, wordSet) }

func paperKeys(p *corpus.Procedure, tk *textKeys) []string {
	keys := make([]string, len(p.Papers))
	for i, pp := range p.Papers {
		keys[i] = tk.key(pp.Text)
	}
	return keys
}

func conditionKeys(p *corpus.Procedure, tk *textKeys) []string {
	keys := make([]string, 0, len(p.Conditions))
	for _, c := range p.Conditions {
		keys = append(keys, tk.key(c))
	}
	return keys
}

// KeyInterner makes keys share the strings of equal names and ministries,
// which many procedures repeat (the local variants of one national
// procedure): a table of keys for a large corpus holds each distinct
// name once.
type KeyInterner struct {
	strings map[string]string
}

// NewKeyInterner returns an empty KeyInterner.
func NewKeyInterner() *KeyInterner { return &KeyInterner{strings: map[string]string{}} }

// Keys returns k with its name and ministry shared with the keys seen
// before.
func (in *KeyInterner) Keys(k Keys) Keys {
	k.Name, k.Ministry = in.intern(k.Name), in.intern(k.Ministry)
	return k
}

func (in *KeyInterner) intern(s string) string {
	if t, ok := in.strings[s]; ok {
		return t
	}
	in.strings[s] = s
	return s
}
