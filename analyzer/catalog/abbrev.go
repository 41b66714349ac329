package catalog

import (
	"strings"

	"github.com/redtape-vn/redtape/corpus/vntext"
)

// maxSpellings bounds the spellings [Abbreviator.Spellings] returns for one name.
const maxSpellings = 64

// Abbreviator spells catalog names with their phrases abbreviated as the
// catalog's Abbreviations say ("giấy chứng nhận đăng ký doanh nghiệp" as
// "GCN đăng ký DN", "giấy CN ĐKDN", ...). It is read-only once built.
type Abbreviator struct {
	// byFirst maps a phrase's first folded word to its phrases.
	byFirst map[string][]abbrPhrase
}

type abbrPhrase struct {
	words []string // folded words of the phrase
	short []string // its abbreviations as written
}

// Abbreviator returns the abbreviator of the catalog's Abbreviations.
func (c *Catalog) Abbreviator() *Abbreviator {
	a := &Abbreviator{byFirst: map[string][]abbrPhrase{}}
	for _, phrase := range sortedKeys(c.Abbreviations) {
		w := vntext.FoldedWords(phrase)
		if len(w) == 0 {
			continue
		}
		a.byFirst[w[0]] = append(a.byFirst[w[0]], abbrPhrase{words: w, short: c.Abbreviations[phrase]})
	}
	return a
}

// Spellings returns name and its spellings with any of its phrases
// abbreviated, name first, at most maxSpellings. A phrase matches whole
// space-separated words; punctuation after its last word is kept.
func (a *Abbreviator) Spellings(name string) []string {
	fields := strings.Fields(name)
	folded := make([]string, len(fields))
	for i, f := range fields {
		if w := vntext.FoldedWords(f); len(w) == 1 {
			folded[i] = w[0]
		}
	}
	var out []string
	seen := map[string]bool{}
	var walk func(i int, acc []string)
	walk = func(i int, acc []string) {
		if len(out) >= maxSpellings {
			return
		}
		if i == len(fields) {
			s := strings.Join(acc, " ")
			if !seen[s] {
				seen[s] = true
				out = append(out, s)
			}
			return
		}
		walk(i+1, append(acc[:len(acc):len(acc)], fields[i]))
		for _, p := range a.byFirst[folded[i]] {
			n := len(p.words)
			if i+n > len(fields) || !p.matches(folded[i:i+n], fields[i:i+n]) {
				continue
			}
			tail := trailingPunct(fields[i+n-1])
			for _, s := range p.short {
				walk(i+n, append(acc[:len(acc):len(acc)], s+tail))
			}
		}
	}
	walk(0, nil)
	return out
}

// matches reports whether the words folded (of fields) are the phrase;
// punctuation may only follow the last word.
func (p abbrPhrase) matches(folded, fields []string) bool {
	for k, w := range p.words {
		if folded[k] != w {
			return false
		}
		if k < len(p.words)-1 && trailingPunct(fields[k]) != "" {
			return false
		}
	}
	return true
}

// trailingPunct returns the characters after the last letter or digit of word.
func trailingPunct(word string) string {
	end := len(word)
	for end > 0 {
		r := rune(word[end-1])
		if r < 0x80 && !('a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9') {
			end--
			continue
		}
		break
	}
	return word[end:]
}
