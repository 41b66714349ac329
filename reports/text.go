package reports

import (
	"bytes"
	_ "embed"
	"fmt"
	"regexp"
	"sort"
	"strings"

	"gopkg.in/yaml.v3"
)

// TextSchema names the format of the report text file.
const TextSchema = "redtape.report-text/v1"

//go:embed text.yaml
var textData []byte

// texts are a report's headings and prose in one language.
type texts struct {
	lang Lang
	m    map[string]string
}

type textFile struct {
	Schema string                       `yaml:"schema"`
	Texts  map[string]map[string]string `yaml:"texts"`
}

var verbRE = regexp.MustCompile(`%[-+# 0-9.]*[a-zA-Z%]`)

// parseTexts reads and validates a text file: every key has a non-empty
// text in every language, with the same format verbs in the same order.
func parseTexts(data []byte) (map[string]map[string]string, error) {
	var f textFile
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	if err := dec.Decode(&f); err != nil {
		return nil, fmt.Errorf("report texts: %w", err)
	}
	if f.Schema != TextSchema {
		return nil, fmt.Errorf("report texts: schema is %q, want %q", f.Schema, TextSchema)
	}
	if len(f.Texts) == 0 {
		return nil, fmt.Errorf("report texts: no texts")
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
		if strings.TrimSpace(vi) == "" || strings.TrimSpace(en) == "" {
			errs = append(errs, fmt.Sprintf("%s: needs both vi and en", k))
			continue
		}
		if a, b := verbs(vi), verbs(en); a != b {
			errs = append(errs, fmt.Sprintf("%s: vi has verbs %q, en has %q", k, a, b))
		}
	}
	if len(errs) > 0 {
		return nil, fmt.Errorf("report texts: %s", strings.Join(errs, "; "))
	}
	return f.Texts, nil
}

func loadTexts(l Lang) (*texts, error) {
	all, err := parseTexts(textData)
	if err != nil {
		return nil, err
	}
	t := &texts{lang: l, m: make(map[string]string, len(all))}
	for k, tr := range all {
		t.m[k] = strings.TrimRight(tr[string(l)], "\n")
	}
	return t, nil
}

// get returns the text of key formatted with args; a missing key shows as
// [[key]] so tests catch it.
func (t *texts) get(key string, args ...any) string {
	s, ok := t.m[key]
	if !ok {
		return "[[" + key + "]]"
	}
	return fmt.Sprintf(s, args...)
}

// plain returns the text of key without Markdown emphasis, for SVG text
// and <summary> lines; args must be plain text.
func (t *texts) plain(key string, args ...any) string {
	return strings.ReplaceAll(t.get(key, args...), "**", "")
}

// verbs lists the fmt verbs of s, without the literal "%%".
func verbs(s string) string {
	var out []string
	for _, v := range verbRE.FindAllString(s, -1) {
		if v != "%%" {
			out = append(out, v)
		}
	}
	return strings.Join(out, " ")
}
