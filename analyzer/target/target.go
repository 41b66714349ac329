package target

import (
	"bytes"
	_ "embed"
	"errors"
	"fmt"
	"maps"
	"slices"
	"strings"
	"sync"
	"time"

	"gopkg.in/yaml.v3"

	"github.com/redtape-vn/redtape/analyzer/cost"
)

// Schema names the format of the preset file.
const Schema = "redtape.targets/v1"

//go:embed presets.yaml
var presetsYAML []byte

// Unit is what a target cuts.
type Unit string

// The units a preset sets percentages for.
const (
	// Regulations are business regulations counted one by one (procedures,
	// conditions, reporting duties, inspections, technical requirements).
	Regulations Unit = "regulations"
	// Conditions are unnecessary business conditions.
	Conditions Unit = "conditions"
	// Cost is the annual compliance cost.
	Cost Unit = "cost"
	// Time is the statutory processing time.
	Time Unit = "time"
)

// Units lists every unit in the order reports show them.
func Units() []Unit { return []Unit{Regulations, Conditions, Cost, Time} }

// Preset is one named target: a resolution's percentages to cut, per unit.
type Preset struct {
	// Name is what a user types, e.g. "nq66-2026".
	Name string `json:"name"`
	// Title says what the preset asks for, in English.
	Title string `json:"title"`
	// TitleVi says the same in Vietnamese.
	TitleVi string `json:"title_vi,omitempty"`
	// Percent is the percentage to cut per unit; a unit the resolution sets
	// no target for is absent.
	Percent map[Unit]cost.Amount `json:"percent"`
	// BaselineYear is the year the cut is measured against.
	BaselineYear int `json:"baseline_year"`
	// Baseline describes the baseline in words.
	Baseline string `json:"baseline"`
	// From and Until bound the period the target is in force, both days
	// included.
	From  time.Time `json:"from"`
	Until time.Time `json:"until"`
	// Citation names the resolution and where it was read.
	Citation string `json:"citation"`
	// CitationVi names it in Vietnamese.
	CitationVi string `json:"citation_vi,omitempty"`
	// Status is "law" when the resolution's text was read, "news" when
	// only Government news reports it.
	Status string `json:"status"`
	// Note adds what a reader should know, e.g. that a programme ended.
	Note string `json:"note,omitempty"`
}

// PercentOf returns the percentage the preset asks to cut of u, and false
// when it sets no target for u.
func (p Preset) PercentOf(u Unit) (cost.Amount, bool) {
	v, ok := p.Percent[u]
	return v, ok
}

// Gap returns how many percentage points achieved falls short of the
// preset's target for u (negative when it goes beyond), and false when the
// preset sets no target for u.
func (p Preset) Gap(u Unit, achieved cost.Amount) (cost.Amount, bool) {
	v, ok := p.Percent[u]
	if !ok {
		return cost.Amount{}, false
	}
	return v.Sub(achieved), true
}

// InForceOn reports whether day falls within the preset's period.
func (p Preset) InForceOn(day time.Time) bool {
	d := dayOf(day)
	return !d.Before(p.From) && !d.After(p.Until)
}

// Target is what a user asked to reach: a named preset, or a plain
// percentage applied to every unit.
type Target struct {
	// Preset is the preset asked for. For a plain percentage its Name is
	// the percentage as typed without spaces ("12.5%"), every unit holds
	// the percentage, and it cites nothing.
	Preset
	// Custom is true for a plain percentage.
	Custom bool `json:"custom"`
}

// Headline returns the one percentage a single-number comparison uses: the
// cost target, else the regulations target, else the largest percentage.
func (t Target) Headline() cost.Amount {
	for _, u := range []Unit{Cost, Regulations} {
		if v, ok := t.Percent[u]; ok {
			return v
		}
	}
	var out cost.Amount
	for _, v := range t.Percent {
		if v.Cmp(out) > 0 {
			out = v
		}
	}
	return out
}

// file is the preset file as written.
type file struct {
	Schema  string      `yaml:"schema"`
	Default string      `yaml:"default"`
	Presets []rawPreset `yaml:"presets"`
}

type rawPreset struct {
	Name         string            `yaml:"name"`
	Title        string            `yaml:"title"`
	TitleVi      string            `yaml:"title_vi"`
	Percent      map[string]string `yaml:"percent"`
	BaselineYear int               `yaml:"baseline_year"`
	Baseline     string            `yaml:"baseline"`
	From         string            `yaml:"from"`
	Until        string            `yaml:"until"`
	Citation     string            `yaml:"citation"`
	CitationVi   string            `yaml:"citation_vi"`
	Status       string            `yaml:"status"`
	Note         string            `yaml:"note"`
}

// load reads and validates a preset file: the schema, unique lower-case
// names, a default that is a preset, percentages of known units above 0
// and at most 100, a period whose end does not come before its start, a
// baseline year and a citation for each.
func load(data []byte) ([]Preset, string, error) {
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	var f file
	if err := dec.Decode(&f); err != nil {
		return nil, "", fmt.Errorf("target presets: %w", err)
	}
	var errs []error
	if f.Schema != Schema {
		errs = append(errs, fmt.Errorf("schema is %q, want %q", f.Schema, Schema))
	}
	var out []Preset
	seen := map[string]bool{}
	for i, r := range f.Presets {
		p, err := r.preset()
		if err != nil {
			errs = append(errs, fmt.Errorf("preset %d (%s): %w", i+1, r.Name, err))
			continue
		}
		if seen[p.Name] {
			errs = append(errs, fmt.Errorf("preset %s given twice", p.Name))
		}
		seen[p.Name] = true
		out = append(out, p)
	}
	if !seen[f.Default] {
		errs = append(errs, fmt.Errorf("default %q is not a preset", f.Default))
	}
	if err := errors.Join(errs...); err != nil {
		return nil, "", fmt.Errorf("target presets: %w", err)
	}
	return out, f.Default, nil
}

func (r rawPreset) preset() (Preset, error) {
	var errs []error
	if r.Name == "" || r.Name != strings.ToLower(strings.TrimSpace(r.Name)) || strings.ContainsAny(r.Name, " %") {
		errs = append(errs, fmt.Errorf("name %q must be lower case without spaces or %%", r.Name))
	}
	if strings.TrimSpace(r.Title) == "" || strings.TrimSpace(r.Citation) == "" || strings.TrimSpace(r.Baseline) == "" {
		errs = append(errs, errors.New("title, baseline and citation are required"))
	}
	if r.Status != "law" && r.Status != "news" {
		errs = append(errs, fmt.Errorf("status %q must be law or news", r.Status))
	}
	if r.BaselineYear < 1990 || r.BaselineYear > 2100 {
		errs = append(errs, fmt.Errorf("baseline_year %d out of range", r.BaselineYear))
	}
	p := Preset{Name: r.Name, Title: r.Title, TitleVi: r.TitleVi, BaselineYear: r.BaselineYear, Baseline: r.Baseline,
		Citation: r.Citation, CitationVi: r.CitationVi, Status: r.Status, Note: r.Note, Percent: map[Unit]cost.Amount{}}
	var err error
	if p.From, err = time.Parse(time.DateOnly, r.From); err != nil {
		errs = append(errs, fmt.Errorf("from: %w", err))
	}
	if p.Until, err = time.Parse(time.DateOnly, r.Until); err != nil {
		errs = append(errs, fmt.Errorf("until: %w", err))
	}
	if p.Until.Before(p.From) {
		errs = append(errs, errors.New("until comes before from"))
	}
	if len(r.Percent) == 0 {
		errs = append(errs, errors.New("no percentage given"))
	}
	for k, v := range r.Percent {
		if !slices.Contains(Units(), Unit(k)) {
			errs = append(errs, fmt.Errorf("percent: unit %q not known (known: regulations, conditions, cost, time)", k))
			continue
		}
		a, err := percentage(v)
		if err != nil {
			errs = append(errs, fmt.Errorf("percent.%s: %w", k, err))
			continue
		}
		p.Percent[Unit(k)] = a
	}
	return p, errors.Join(errs...)
}

// percentage reads a plain decimal above 0 and at most 100.
func percentage(s string) (cost.Amount, error) {
	if s == "" || strings.Trim(s, "0123456789.") != "" || strings.Count(s, ".") > 1 || s[0] == '.' || s[len(s)-1] == '.' {
		return cost.Amount{}, fmt.Errorf("%q is not a plain decimal such as 20 or 12.5", s)
	}
	a, err := cost.ParseAmount(s)
	if err != nil {
		return cost.Amount{}, err
	}
	if a.Sign() <= 0 || a.Cmp(cost.Int(100)) > 0 {
		return cost.Amount{}, fmt.Errorf("%s%% is not above 0 and at most 100", s)
	}
	return a, nil
}

// loaded holds the embedded file, read once. It is never changed: builtin
// hands out copies.
var loaded = sync.OnceValue(func() loadedFile {
	ps, def, err := load(presetsYAML)
	return loadedFile{ps, def, err}
})

type loadedFile struct {
	presets []Preset
	def     string
	err     error
}

// builtin returns a copy of the presets of the embedded file and the
// default's name. It panics only if the embedded file is invalid, which the
// package's tests rule out.
func builtin() ([]Preset, string) {
	l := loaded()
	if l.err != nil {
		panic(l.err)
	}
	out := make([]Preset, len(l.presets))
	for i, p := range l.presets {
		p.Percent = maps.Clone(p.Percent)
		out[i] = p
	}
	return out, l.def
}

// Presets returns every preset, in file order.
func Presets() []Preset {
	ps, _ := builtin()
	return ps
}

// Default returns the preset used when the user names none: nq68, the 20%
// its users asked for, though its programme ended in 2025.
func Default() Target {
	t, err := Parse("")
	if err != nil {
		panic(err)
	}
	return t
}

// InForce returns the presets in force on day, in file order: the ones a
// report dated day states its gap to.
func InForce(day time.Time) []Preset {
	var out []Preset
	for _, p := range Presets() {
		if p.InForceOn(day) {
			out = append(out, p)
		}
	}
	return out
}

// Lookup returns the preset named name (case and surrounding spaces
// ignored), and false when there is none.
func Lookup(name string) (Preset, bool) {
	name = strings.ToLower(strings.TrimSpace(name))
	for _, p := range Presets() {
		if p.Name == name {
			return p, true
		}
	}
	return Preset{}, false
}

// Names returns the presets' names, in file order.
func Names() []string {
	var out []string
	for _, p := range Presets() {
		out = append(out, p.Name)
	}
	return out
}

// Parse reads a target as a user types it: a preset's name ("nq68",
// "nq66-2025", "nq66-2026", any case), or a plain percentage above 0 and at
// most 100 with or without a "%" ("20", "20%", "12.5"), read exactly once.
// An empty string is the default preset. Anything else is an error that
// lists the presets.
func Parse(s string) (Target, error) {
	ps, def := builtin()
	s = strings.TrimSpace(s)
	name := strings.ToLower(s)
	if name == "" {
		name = def
	}
	for _, p := range ps {
		if p.Name == name {
			return Target{Preset: p}, nil
		}
	}
	num := strings.TrimSpace(strings.TrimSuffix(s, "%"))
	a, err := percentage(num)
	if err != nil {
		return Target{}, fmt.Errorf("target %q is neither a preset (%s) nor a percentage: %w", s, strings.Join(Names(), ", "), err)
	}
	p := Preset{Name: num + "%", Title: "cut " + num + "% of every unit", Percent: map[Unit]cost.Amount{}}
	for _, u := range Units() {
		p.Percent[u] = a
	}
	return Target{Preset: p, Custom: true}, nil
}

// dayOf returns day's date at midnight UTC, so that a period's last day is
// in force all day in any time zone the day was given in.
func dayOf(day time.Time) time.Time {
	y, m, d := day.Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}
