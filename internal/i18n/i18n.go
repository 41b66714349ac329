// Package i18n holds the headings and prose of redtape's outputs in
// Vietnamese and English: text files (YAML) of keys, each with a text per
// language, validated when read (every key in both languages, the same
// format verbs in each, plural forms in English only), and the lookup of a
// text by key, formatted with its arguments.
package i18n

import (
	"bytes"
	"fmt"
	"regexp"
	"sort"
	"strings"
	"sync"

	"gopkg.in/yaml.v3"
)

// Lang is a language of headings and prose.
type Lang string

// Languages.
const (
	Vietnamese Lang = "vi"
	English    Lang = "en"
)

// ParseLang reads "vi" or "en"; empty means Vietnamese, the language of
// prose meant for officials.
func ParseLang(s string) (Lang, error) {
	switch Lang(strings.ToLower(strings.TrimSpace(s))) {
	case Vietnamese, "":
		return Vietnamese, nil
	case English:
		return English, nil
	}
	return "", fmt.Errorf("language %q is not vi or en", s)
}

// Texts are the texts of one file in one language.
type Texts struct {
	lang Lang
	m    map[string]Text
}

// Lang returns the language of t.
func (t *Texts) Lang() Lang { return t.lang }

// Text is one text in one language: a single form, or, for an English
// sentence that counts something, the form for one ("1 procedure") and
// the form for any other number ("0 procedures", "2 procedures").
// Vietnamese nouns do not change with the number, so a Vietnamese text
// has one form only.
type Text struct {
	One, Other string
	Plural     bool // One and Other are the English forms
}

// UnmarshalYAML reads a text given as a string, or as a mapping with the
// keys one and other.
func (t *Text) UnmarshalYAML(n *yaml.Node) error {
	if n.Kind == yaml.ScalarNode {
		t.One, t.Other = n.Value, n.Value
		return nil
	}
	var forms struct {
		One   string `yaml:"one"`
		Other string `yaml:"other"`
	}
	if n.Kind != yaml.MappingNode {
		return fmt.Errorf("line %d: a text is a string or a mapping of plural forms (one, other)", n.Line)
	}
	if err := n.Decode(&forms); err != nil {
		return fmt.Errorf("line %d: %w", n.Line, err)
	}
	if strings.TrimSpace(forms.One) == "" || strings.TrimSpace(forms.Other) == "" {
		return fmt.Errorf("line %d: plural forms need both one and other", n.Line)
	}
	t.One, t.Other, t.Plural = forms.One, forms.Other, true
	return nil
}

// forms lists the forms of t.
func (t Text) forms() []string {
	if t.Plural {
		return []string{t.One, t.Other}
	}
	return []string{t.Other}
}

type textFile struct {
	Schema string                     `yaml:"schema"`
	Texts  map[string]map[string]Text `yaml:"texts"`
}

var verbRE = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`%[-+# 0-9.]*[a-zA-Z%]`) })

// Parse reads and validates a text file of the given schema: every key
// has a non-empty text in every language, with the same format verbs in the
// same order in every form; only English texts have plural forms. It
// returns the texts by key, then language.
func Parse(data []byte, schema string) (map[string]map[string]Text, error) {
	var f textFile
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	if err := dec.Decode(&f); err != nil {
		return nil, fmt.Errorf("texts: %w", err)
	}
	if f.Schema != schema {
		return nil, fmt.Errorf("texts: schema is %q, want %q", f.Schema, schema)
	}
	if len(f.Texts) == 0 {
		return nil, fmt.Errorf("texts: no texts")
	}
	keys := make([]string, 0, len(f.Texts))
	for k := range f.Texts {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var errs []string
	for _, k := range keys {
		tr := f.Texts[k]
		for l := range tr {
			if Lang(l) != Vietnamese && Lang(l) != English {
				errs = append(errs, fmt.Sprintf("%s: unknown language %q", k, l))
			}
		}
		vi, en := tr[string(Vietnamese)], tr[string(English)]
		if strings.TrimSpace(vi.Other) == "" || strings.TrimSpace(en.Other) == "" {
			errs = append(errs, fmt.Sprintf("%s: needs both vi and en", k))
			continue
		}
		if vi.Plural {
			errs = append(errs, fmt.Sprintf("%s: vi has plural forms; Vietnamese nouns do not change with the number", k))
		}
		for _, form := range en.forms() {
			if a, b := Verbs(vi.Other), Verbs(form); a != b {
				errs = append(errs, fmt.Sprintf("%s: vi has verbs %q, en has %q", k, a, b))
			}
		}
	}
	if len(errs) > 0 {
		return nil, fmt.Errorf("texts: %s", strings.Join(errs, "; "))
	}
	return f.Texts, nil
}

// Load reads and validates a text file of the given schema (see
// [Parse]) and returns its texts in language l.
func Load(data []byte, schema string, l Lang) (*Texts, error) {
	all, err := Parse(data, schema)
	if err != nil {
		return nil, err
	}
	t := &Texts{lang: l, m: make(map[string]Text, len(all))}
	for k, tr := range all {
		x := tr[string(l)]
		t.m[k] = Text{One: strings.TrimRight(x.One, "\n"), Other: strings.TrimRight(x.Other, "\n"), Plural: x.Plural}
	}
	return t, nil
}

// Get returns the text of key formatted with args; a missing key shows as
// [[key]] so tests catch it. A text with plural forms takes the form for
// numbers other than one.
func (t *Texts) Get(key string, args ...any) string {
	s, ok := t.m[key]
	if !ok {
		return "[[" + key + "]]"
	}
	return fmt.Sprintf(s.Other, args...)
}

// Count returns the text of key in the form for the number n (English
// "1 procedure", "2 procedures"), formatted with args.
func (t *Texts) Count(key string, n int64, args ...any) string {
	s, ok := t.m[key]
	if !ok {
		return "[[" + key + "]]"
	}
	form := s.Other
	if n == 1 && s.Plural {
		form = s.One
	}
	return fmt.Sprintf(form, args...)
}

// Plain returns the text of key without Markdown emphasis, for SVG text
// and <summary> lines; args must be plain text.
func (t *Texts) Plain(key string, args ...any) string {
	return strings.ReplaceAll(t.Get(key, args...), "**", "")
}

// PlainCount is Plain for a text counting n.
func (t *Texts) PlainCount(key string, n int64, args ...any) string {
	return strings.ReplaceAll(t.Count(key, n, args...), "**", "")
}

// Verbs lists the fmt verbs of s, without the literal "%%".
func Verbs(s string) string {
	var out []string
	for _, v := range verbRE().FindAllString(s, -1) {
		if v != "%%" {
			out = append(out, v)
		}
	}
	return strings.Join(out, " ")
}
