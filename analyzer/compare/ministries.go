package compare

import (
	_ "embed"
	"errors"
	"fmt"
	"github.com/redtape-vn/redtape/internal/memo"
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/redtape-vn/redtape/corpus"
	"github.com/redtape-vn/redtape/corpus/vntext"
)

// MinistriesSchema names the format of a ministry renaming file.
const MinistriesSchema = "redtape.ministries/v1"

//go:embed ministries.yaml
var defaultMinistries []byte

// Ministries maps the names of ministries renamed or merged to their
// current names, so that a baseline and a current set drawn up under
// different governments are tallied under one name. It is read-only once
// loaded.
type Ministries struct {
	// Source cites the reorganisation the renamings come from.
	Source string `yaml:"source" json:"source"`
	// Unconfirmed is true when the source could not be checked.
	Unconfirmed bool `yaml:"unconfirmed" json:"unconfirmed"`
	// Renamed lists the current names with the former names they replace.
	Renamed []Renaming `yaml:"renamed" json:"renamed"`

	to      map[string]string          // folded former name → current name
	current *memo.Memo[string, string] // names met → current name
}

// Renaming is one current ministry name and the former names it replaces.
type Renaming struct {
	// To is the current name.
	To string `yaml:"to" json:"to"`
	// From lists the former names.
	From []string `yaml:"from" json:"from"`
}

// DefaultMinistries returns the built-in renamings (the 2025 reorganisation).
// It panics only if the embedded file is invalid, which the tests rule out.
func DefaultMinistries() *Ministries {
	m, err := ParseMinistries(defaultMinistries)
	if err != nil {
		panic(fmt.Sprintf("compare: built-in ministries: %v", err))
	}
	return m
}

// ParseMinistries reads a renaming file: a schema, a source and the list of
// renamings. A former name may be renamed only once, and never to itself.
func ParseMinistries(data []byte) (*Ministries, error) {
	var doc struct {
		Schema     string `yaml:"schema"`
		Ministries `yaml:",inline"`
	}
	dec := yaml.NewDecoder(strings.NewReader(string(data)))
	dec.KnownFields(true)
	if err := dec.Decode(&doc); err != nil {
		return nil, fmt.Errorf("ministries: %w", err)
	}
	if doc.Schema != MinistriesSchema {
		return nil, fmt.Errorf("ministries: schema is %q, want %q", doc.Schema, MinistriesSchema)
	}
	m := doc.Ministries
	var errs []error
	if strings.TrimSpace(m.Source) == "" {
		errs = append(errs, errors.New("ministries: no source"))
	}
	m.to, m.current = map[string]string{}, &memo.Memo[string, string]{}
	for _, r := range m.Renamed {
		if strings.TrimSpace(r.To) == "" {
			errs = append(errs, errors.New("ministries: a renaming without a current name"))
		}
		for _, f := range r.From {
			k := NameKey(f)
			switch {
			case k == "" || k == NameKey(r.To):
				errs = append(errs, fmt.Errorf("ministries: %q renamed to itself or empty", f))
			case m.to[k] != "":
				errs = append(errs, fmt.Errorf("ministries: %q renamed twice", f))
			}
			m.to[k] = r.To
		}
	}
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	return &m, nil
}

// Current returns the current name of a ministry: its new name when it was
// renamed or merged; else, when the table of ministries
// (corpus.DefaultAgencies) knows it as a current ministry's name or alias,
// the name the table gives ("Bộ tài chính", "Bộ NN và MT" → "Bộ Nông
// nghiệp và Môi trường"); else name as given. Former ministries are renamed
// only by m.
func (m *Ministries) Current(name string) string {
	if m == nil || m.current == nil {
		return m.lookUpCurrent(name)
	}
	return m.current.Get(name, m.lookUpCurrent)
}

// lookUpCurrent is Current without remembering: the renamings, then the
// agencies table.
func (m *Ministries) lookUpCurrent(name string) string {
	if m != nil {
		if to, ok := m.to[strings.Join(vntext.FoldedWords(name), " ")]; ok {
			return to
		}
	}
	if r := corpus.DefaultAgencies().Named(name); r != nil {
		return r.Name
	}
	return name
}
