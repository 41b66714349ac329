package cost

import (
	"bytes"
	_ "embed"
	"errors"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/redtape-vn/redtape/corpus/vntext"
)

// ParamsSchema names the format of the parameter file.
const ParamsSchema = "redtape.cost-params/v1"

// The rules for costing a dossier that differs by case ([Params.CaseRule]).
const (
	// CaseAverage costs the average of the cases: Circular 02/2017/TT-VPCP
	// Art. 27 asks for the lower, average figure where figures differ.
	CaseAverage = "average"
	// CaseMostDemanding costs the most demanding case, as redtape did
	// before following Art. 27.
	CaseMostDemanding = "most_demanding"
)

// DefaultOrigin is the [Param.Origin] of a figure from the built-in file.
const DefaultOrigin = "built-in"

//go:embed params.yaml
var defaultParams []byte

// Param is one figure of the model with where it comes from.
type Param struct {
	// Value is the figure, exact.
	Value Amount `yaml:"value" json:"value"`
	// Unit says what Value counts, e.g. "hours per dossier".
	Unit string `yaml:"unit,omitempty" json:"unit,omitempty"`
	// UnitVi says the same in Vietnamese, for Vietnamese reports; optional.
	UnitVi string `yaml:"unit_vi,omitempty" json:"unit_vi,omitempty"`
	// AsOf is the date or year the figure holds for, when it has one.
	AsOf string `yaml:"as_of,omitempty" json:"as_of,omitempty"`
	// Source cites where the figure comes from.
	Source string `yaml:"source,omitempty" json:"source,omitempty"`
	// SourceVi cites the same source in Vietnamese; optional.
	SourceVi string `yaml:"source_vi,omitempty" json:"source_vi,omitempty"`
	// Unconfirmed is true when the figure could not be checked against an
	// official text or is an assumption of this tool.
	Unconfirmed bool `yaml:"unconfirmed,omitempty" json:"unconfirmed,omitempty"`
	// Origin is "built-in" for the shipped default, else the file that set it.
	Origin string `yaml:"-" json:"origin"`
	set    bool   // set by the file being decoded
}

// UnmarshalYAML reads a parameter given in full ({value, unit, source, ...})
// or as a bare number. Its value is parsed exactly from the YAML text.
func (p *Param) UnmarshalYAML(n *yaml.Node) error {
	if n.Kind == yaml.ScalarNode {
		v, err := ParseAmount(n.Value)
		if err != nil {
			return fmt.Errorf("line %d: %w", n.Line, err)
		}
		*p = Param{Value: v, Unit: p.Unit, UnitVi: p.UnitVi, set: true}
		return nil
	}
	if err := knownKeys(n, "value", "unit", "unit_vi", "as_of", "source", "source_vi", "unconfirmed"); err != nil {
		return err
	}
	var raw struct {
		Value       yaml.Node `yaml:"value"`
		Unit        string    `yaml:"unit"`
		UnitVi      string    `yaml:"unit_vi"`
		AsOf        string    `yaml:"as_of"`
		Source      string    `yaml:"source"`
		SourceVi    string    `yaml:"source_vi"`
		Unconfirmed bool      `yaml:"unconfirmed"`
	}
	if err := n.Decode(&raw); err != nil {
		return err
	}
	if raw.Value.Kind == 0 {
		return fmt.Errorf("line %d: parameter without value", n.Line)
	}
	v, err := ParseAmount(raw.Value.Value)
	if err != nil {
		return fmt.Errorf("line %d: %w", raw.Value.Line, err)
	}
	unit, unitVi := raw.Unit, raw.UnitVi
	if unit == "" {
		unit = p.Unit // keep the default's unit when an override omits it
		if unitVi == "" {
			unitVi = p.UnitVi
		}
	}
	*p = Param{Value: v, Unit: unit, UnitVi: unitVi, AsOf: raw.AsOf, Source: raw.Source, SourceVi: raw.SourceVi,
		Unconfirmed: raw.Unconfirmed, set: true}
	return nil
}

// knownKeys returns an error naming the first key of mapping n not in
// keys: a misspelt "sorce" must not pass silently.
func knownKeys(n *yaml.Node, keys ...string) error {
	if n.Kind != yaml.MappingNode {
		return fmt.Errorf("line %d: expected a mapping", n.Line)
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k := n.Content[i]
		if !slices.Contains(keys, k.Value) {
			return fmt.Errorf("line %d: field %s not known (known: %s)", k.Line, k.Value, strings.Join(keys, ", "))
		}
	}
	return nil
}

// TimeValue is the basis of the hourly value of time.
type TimeValue struct {
	MonthlyIncome       Param `yaml:"monthly_income" json:"monthly_income"`
	WorkingDaysPerMonth Param `yaml:"working_days_per_month" json:"working_days_per_month"`
	HoursPerDay         Param `yaml:"hours_per_day" json:"hours_per_day"`
}

// HourlyValue returns monthly income / working days per month / hours per day.
func (t TimeValue) HourlyValue() Amount {
	return t.MonthlyIncome.Value.Div(t.WorkingDaysPerMonth.Value).Div(t.HoursPerDay.Value)
}

// ChannelCost is the time and cash of submitting a dossier and collecting
// the result through one channel.
type ChannelCost struct {
	Hours Param `yaml:"hours" json:"hours"`
	Cash  Param `yaml:"cash" json:"cash"`
}

// Channels holds the submission cost of each channel mode. A channel of
// mode "other" is costed as in person.
type Channels struct {
	InPerson ChannelCost `yaml:"in_person" json:"in_person"`
	Online   ChannelCost `yaml:"online" json:"online"`
	Post     ChannelCost `yaml:"post" json:"post"`
}

// Tier is one step of a per-page fee ladder: PerPage đồng for every page
// from FromPage up to the next tier.
type Tier struct {
	FromPage int    `yaml:"from_page" json:"from_page"`
	PerPage  Amount `yaml:"per_page" json:"per_page"`
}

// UnmarshalYAML reads a tier, its fee parsed exactly.
func (t *Tier) UnmarshalYAML(n *yaml.Node) error {
	if err := knownKeys(n, "from_page", "per_page"); err != nil {
		return err
	}
	var raw struct {
		FromPage int       `yaml:"from_page"`
		PerPage  yaml.Node `yaml:"per_page"`
	}
	if err := n.Decode(&raw); err != nil {
		return err
	}
	if raw.PerPage.Kind == 0 {
		return fmt.Errorf("line %d: tier without per_page", n.Line)
	}
	v, err := ParseAmount(raw.PerPage.Value)
	if err != nil {
		return fmt.Errorf("line %d: %w", raw.PerPage.Line, err)
	}
	*t = Tier{FromPage: raw.FromPage, PerPage: v}
	return nil
}

// CertifiedCopy is the fee ladder and effort of a certified copy.
type CertifiedCopy struct {
	// Source cites the ladder.
	Source string `yaml:"source" json:"source"`
	// SourceVi cites it in Vietnamese; optional.
	SourceVi string `yaml:"source_vi,omitempty" json:"source_vi,omitempty"`
	// Tiers is the per-page ladder, by increasing FromPage, the first from page 1.
	Tiers []Tier `yaml:"tiers" json:"tiers"`
	// Cap is the most one copy costs.
	Cap Param `yaml:"cap" json:"cap"`
	// PagesPerCopy is the assumed length of a copied paper.
	PagesPerCopy Param `yaml:"pages_per_copy" json:"pages_per_copy"`
	// Hours is the time spent having a paper's copies certified.
	Hours Param `yaml:"hours" json:"hours"`
	// Keywords are folded words in a paper's text that ask for a certified
	// or notarised copy.
	Keywords []string `yaml:"keywords" json:"keywords"`
}

// Fee returns the fee of certifying one copy of pages pages.
func (c CertifiedCopy) Fee(pages int) Amount {
	total := Amount{}
	for i, t := range c.Tiers {
		last := pages
		if i+1 < len(c.Tiers) && c.Tiers[i+1].FromPage-1 < last {
			last = c.Tiers[i+1].FromPage - 1
		}
		if n := last - t.FromPage + 1; n > 0 {
			total = total.Add(t.PerPage.MulInt(int64(n)))
		}
	}
	return total.Min(c.Cap.Value)
}

// PaperKind is a kind of paper with the time and cash it takes to provide.
type PaperKind struct {
	// ID names the kind in results, e.g. "judicial_record".
	ID string `yaml:"id" json:"id"`
	// Name describes the kind for people.
	Name string `yaml:"name" json:"name"`
	// Keywords are folded word sequences that mark a paper of this kind.
	Keywords []string `yaml:"keywords,omitempty" json:"keywords,omitempty"`
	// Hours is the time to obtain or prepare one such paper.
	Hours Param `yaml:"hours" json:"hours"`
	// Cash is the outlay for one such paper.
	Cash Param `yaml:"cash" json:"cash"`
	// Anywhere is true when the keywords match anywhere in the paper's
	// text, not only among its first words (see [Params.HeadWords]).
	Anywhere bool `yaml:"anywhere,omitempty" json:"anywhere,omitempty"`
	// Extra is true when a paper of another kind that names this kind
	// anywhere (a list "bản thông tin cá nhân, Phiếu lý lịch tư pháp")
	// costs this kind too.
	Extra bool `yaml:"extra,omitempty" json:"extra,omitempty"`
	// KeptWhenLookedUp is the share (0–1) of Hours and Cash that remains
	// when the agency looks the paper's data up instead of asking for the
	// paper: the service behind the paper still takes place (a health
	// certificate's data comes from an examination). Nil means none remains.
	KeptWhenLookedUp *Param `yaml:"kept_when_looked_up,omitempty" json:"kept_when_looked_up,omitempty"`
}

// FallbackKind names the kinds given to papers no keyword matches.
type FallbackKind struct {
	WithForm  string `yaml:"with_form" json:"with_form"`
	Otherwise string `yaml:"otherwise" json:"otherwise"`
}

// Params are the figures of the cost model. Get them from [Default] or
// [LoadParams]; a Params is read-only once loaded.
type Params struct {
	// Schema is ParamsSchema.
	Schema string `yaml:"schema" json:"schema"`
	// AsOf dates the file.
	AsOf string `yaml:"as_of" json:"as_of"`
	// TimeValue is the basis of the hourly value of time.
	TimeValue TimeValue `yaml:"time_value" json:"time_value"`
	// LearningHours is the time spent learning about a procedure, per dossier.
	LearningHours Param `yaml:"learning_hours" json:"learning_hours"`
	// Channels is the cost of submitting and collecting, per channel.
	Channels Channels `yaml:"channels" json:"channels"`
	// OnlineShare is the share of dossiers sent online where a procedure
	// offers it.
	OnlineShare Param `yaml:"online_share" json:"online_share"`
	// WaitingHoursPerDay is the time lost per working day of processing.
	WaitingHoursPerDay Param `yaml:"waiting_hours_per_day" json:"waiting_hours_per_day"`
	// CaseRule says how a dossier that differs by case is costed:
	// CaseAverage (the default) or CaseMostDemanding.
	CaseRule string `yaml:"case_rule" json:"case_rule"`
	// AnnualVolume is the number of dossiers a year of a procedure whose
	// record states none.
	AnnualVolume Param `yaml:"annual_volume" json:"annual_volume"`
	// OptionalShare is the share of dossiers including an optional paper.
	OptionalShare Param `yaml:"optional_share" json:"optional_share"`
	// CertifiedCopy is the fee ladder and effort of certified copies.
	CertifiedCopy CertifiedCopy `yaml:"certified_copy" json:"certified_copy"`
	// HeadWords is how many of a paper's first words name its kind.
	HeadWords Param `yaml:"head_words" json:"head_words"`
	// HeadSkip is the copy wording skipped before a paper's first words.
	HeadSkip []string `yaml:"head_skip" json:"head_skip"`
	// ExtraNotAfter lists folded words after which (within two words) an
	// extra kind's keyword is a request to issue the paper, not the paper.
	ExtraNotAfter []string `yaml:"extra_not_after" json:"extra_not_after"`
	// PaperKinds are the kinds of paper, tried in order.
	PaperKinds []PaperKind `yaml:"paper_kinds" json:"paper_kinds"`
	// FallbackKind names the kinds of papers no keyword matches.
	FallbackKind FallbackKind `yaml:"fallback_kind" json:"fallback_kind"`

	foldedKinds        [][]string   // folded keywords of each kind, padded (see foldKeywords)
	kindWords          [][][]string // the words of each of foldedKinds
	foldedCertKeywords []string     // padded, as foldedKinds
	foldedHeadSkip     [][]string   // words of each head_skip phrase
	headWords          int
	extraNotAfter      map[string]bool
}

// NamedParam is a parameter with its dotted name, e.g. "time_value.hours_per_day".
type NamedParam struct {
	// Name is the dotted name, as in the parameter file.
	Name string `json:"name"`
	// Param is the figure with its source.
	Param Param `json:"param"`
}

// each calls fn with every parameter and its dotted name, in file order.
func (p *Params) each(fn func(name string, q *Param)) {
	fn("time_value.monthly_income", &p.TimeValue.MonthlyIncome)
	fn("time_value.working_days_per_month", &p.TimeValue.WorkingDaysPerMonth)
	fn("time_value.hours_per_day", &p.TimeValue.HoursPerDay)
	fn("learning_hours", &p.LearningHours)
	for _, c := range []struct {
		name string
		cc   *ChannelCost
	}{{"in_person", &p.Channels.InPerson}, {"online", &p.Channels.Online}, {"post", &p.Channels.Post}} {
		fn("channels."+c.name+".hours", &c.cc.Hours)
		fn("channels."+c.name+".cash", &c.cc.Cash)
	}
	fn("online_share", &p.OnlineShare)
	fn("waiting_hours_per_day", &p.WaitingHoursPerDay)
	fn("annual_volume", &p.AnnualVolume)
	fn("optional_share", &p.OptionalShare)
	fn("certified_copy.cap", &p.CertifiedCopy.Cap)
	fn("certified_copy.pages_per_copy", &p.CertifiedCopy.PagesPerCopy)
	fn("certified_copy.hours", &p.CertifiedCopy.Hours)
	fn("head_words", &p.HeadWords)
	for i := range p.PaperKinds {
		k := &p.PaperKinds[i]
		fn("paper_kinds."+k.ID+".hours", &k.Hours)
		fn("paper_kinds."+k.ID+".cash", &k.Cash)
		if k.KeptWhenLookedUp != nil {
			fn("paper_kinds."+k.ID+".kept_when_looked_up", k.KeptWhenLookedUp)
		}
	}
}

// All returns every parameter with its dotted name, in file order.
func (p *Params) All() []NamedParam {
	var out []NamedParam
	p.each(func(name string, q *Param) { out = append(out, NamedParam{name, *q}) })
	return out
}

// HourlyValue returns the hourly value of time in đồng.
func (p *Params) HourlyValue() Amount { return p.TimeValue.HourlyValue() }

// Default returns the built-in parameters. It panics only if the embedded
// file is invalid, which the package's tests rule out.
func Default() *Params {
	p, err := parseDefault()
	if err != nil {
		panic(fmt.Sprintf("cost: built-in parameters: %v", err))
	}
	return p
}

func parseDefault() (*Params, error) {
	p := new(Params)
	if err := decodeStrict(defaultParams, p); err != nil {
		return nil, err
	}
	p.each(func(_ string, q *Param) { q.Origin = DefaultOrigin; q.set = false })
	if err := p.validate(true); err != nil {
		return nil, err
	}
	return p, nil
}

// LoadParams reads a parameter file over the built-in defaults: what the
// file gives replaces the default, the rest stays. A paper_kinds list given
// in the file replaces the whole default list. name is the file's name for
// [Param.Origin] and error messages.
func LoadParams(r io.Reader, name string) (*Params, error) {
	return LoadParamsOver(r, name, nil)
}

// LoadParamsOver reads a parameter file over base, as [LoadParams] does
// over the built-in defaults, and leaves base as it was. base is a
// [Default] or the result of an earlier load (a caller that reads many
// files over the same parameters parses them once); nil means the
// built-in defaults.
func LoadParamsOver(r io.Reader, name string, base *Params) (*Params, error) {
	data, err := io.ReadAll(r)
	if err != nil {
		return nil, fmt.Errorf("read params %s: %w", name, err)
	}
	if base == nil {
		if base, err = parseDefault(); err != nil {
			return nil, err
		}
	}
	p := base.clone()
	kinds := p.PaperKinds
	p.PaperKinds = nil
	if err := decodeStrict(data, p); err != nil {
		return nil, fmt.Errorf("params %s: %w", name, err)
	}
	if p.PaperKinds == nil {
		p.PaperKinds = kinds
	}
	p.each(func(_ string, q *Param) {
		if q.set {
			q.Origin = name
			q.set = false
		}
		if q.Origin == "" {
			q.Origin = name
		}
	})
	if err := p.validate(false); err != nil {
		return nil, fmt.Errorf("params %s: %w", name, err)
	}
	return p, nil
}

// clone returns a copy of p that shares nothing a decoder or validate
// writes to: its slices, and the parameters paper kinds point to, are
// copied (Amounts are immutable). The folded keywords are left for
// validate to build anew.
func (p *Params) clone() *Params {
	c := *p
	c.CertifiedCopy.Tiers = slices.Clone(p.CertifiedCopy.Tiers)
	c.CertifiedCopy.Keywords = slices.Clone(p.CertifiedCopy.Keywords)
	c.HeadSkip = slices.Clone(p.HeadSkip)
	c.ExtraNotAfter = slices.Clone(p.ExtraNotAfter)
	c.PaperKinds = slices.Clone(p.PaperKinds)
	for i := range c.PaperKinds {
		k := &c.PaperKinds[i]
		k.Keywords = slices.Clone(k.Keywords)
		if k.KeptWhenLookedUp != nil {
			kept := *k.KeptWhenLookedUp
			k.KeptWhenLookedUp = &kept
		}
	}
	c.foldedKinds, c.kindWords, c.foldedCertKeywords, c.foldedHeadSkip, c.extraNotAfter = nil, nil, nil, nil, nil
	return &c
}

// LoadParamsFile reads the parameter file at path over the defaults.
func LoadParamsFile(path string) (*Params, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("open params: %w", err)
	}
	defer f.Close()
	return LoadParams(f, path)
}

func decodeStrict(data []byte, p *Params) error {
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	if err := dec.Decode(p); err != nil {
		if errors.Is(err, io.EOF) {
			return nil // an empty file changes nothing
		}
		return err
	}
	return nil
}

// validate checks the figures, and, for the built-in file, that every one
// cites a source. It also prepares the folded keywords.
func (p *Params) validate(builtin bool) error {
	var errs []error
	if p.Schema != ParamsSchema {
		errs = append(errs, fmt.Errorf("schema is %q, want %q", p.Schema, ParamsSchema))
	}
	p.each(func(name string, q *Param) {
		if q.Value.Sign() < 0 {
			errs = append(errs, fmt.Errorf("%s is negative", name))
		}
		if builtin && strings.TrimSpace(q.Source) == "" {
			errs = append(errs, fmt.Errorf("%s cites no source", name))
		}
	})
	for _, q := range []struct {
		name string
		p    Param
	}{{"time_value.working_days_per_month", p.TimeValue.WorkingDaysPerMonth}, {"time_value.hours_per_day", p.TimeValue.HoursPerDay}} {
		if q.p.Value.Sign() <= 0 {
			errs = append(errs, fmt.Errorf("%s must be positive", q.name))
		}
	}
	for _, q := range []struct {
		name string
		p    Param
	}{{"online_share", p.OnlineShare}, {"optional_share", p.OptionalShare}} {
		if q.p.Value.Cmp(Int(1)) > 0 {
			errs = append(errs, fmt.Errorf("%s must be between 0 and 1", q.name))
		}
	}
	if !p.AnnualVolume.Value.Round(0).Sub(p.AnnualVolume.Value).IsZero() {
		errs = append(errs, errors.New("annual_volume must be a whole number"))
	}
	switch p.CaseRule {
	case "":
		p.CaseRule = CaseAverage
	case CaseAverage, CaseMostDemanding:
	default:
		errs = append(errs, fmt.Errorf("case_rule is %q, want %s or %s", p.CaseRule, CaseAverage, CaseMostDemanding))
	}
	cc := p.CertifiedCopy
	if len(cc.Tiers) == 0 || cc.Tiers[0].FromPage != 1 {
		errs = append(errs, errors.New("certified_copy.tiers must start at from_page 1"))
	}
	for i, t := range cc.Tiers {
		if i > 0 && t.FromPage <= cc.Tiers[i-1].FromPage {
			errs = append(errs, fmt.Errorf("certified_copy.tiers[%d]: from_page must increase", i))
		}
		if t.PerPage.Sign() < 0 {
			errs = append(errs, fmt.Errorf("certified_copy.tiers[%d]: per_page is negative", i))
		}
	}
	if strings.TrimSpace(cc.Source) == "" {
		errs = append(errs, errors.New("certified_copy cites no source"))
	}
	if !p.CertifiedCopy.PagesPerCopy.Value.Round(0).Sub(p.CertifiedCopy.PagesPerCopy.Value).IsZero() || p.CertifiedCopy.PagesPerCopy.Value.Sign() <= 0 {
		errs = append(errs, errors.New("certified_copy.pages_per_copy must be a positive whole number"))
	}
	p.foldedCertKeywords = foldKeywords(cc.Keywords)
	if hw := p.HeadWords.Value; hw.Sign() <= 0 || !hw.Round(0).Sub(hw).IsZero() || hw.Cmp(Int(1000)) > 0 {
		errs = append(errs, errors.New("head_words must be a whole number from 1 to 1000"))
	} else {
		p.headWords = int(hw.Rat().Num().Int64())
	}
	p.extraNotAfter = map[string]bool{}
	for _, w := range p.ExtraNotAfter {
		for _, f := range vntext.FoldedWords(w) {
			p.extraNotAfter[f] = true
		}
	}
	p.foldedHeadSkip = nil
	for _, s := range foldKeywords(p.HeadSkip) {
		p.foldedHeadSkip = append(p.foldedHeadSkip, strings.Fields(s))
	}
	ids := map[string]bool{}
	p.foldedKinds, p.kindWords = nil, nil
	for i, k := range p.PaperKinds {
		if k.ID == "" {
			errs = append(errs, fmt.Errorf("paper_kinds[%d] has no id", i))
		}
		if ids[k.ID] {
			errs = append(errs, fmt.Errorf("paper kind %q given twice", k.ID))
		}
		ids[k.ID] = true
		if q := k.KeptWhenLookedUp; q != nil && q.Value.Cmp(Int(1)) > 0 {
			errs = append(errs, fmt.Errorf("paper_kinds.%s.kept_when_looked_up must be between 0 and 1", k.ID))
		}
		kws := foldKeywords(k.Keywords)
		words := make([][]string, len(kws))
		for j, kw := range kws {
			words[j] = strings.Fields(kw)
		}
		p.foldedKinds, p.kindWords = append(p.foldedKinds, kws), append(p.kindWords, words)
	}
	for _, id := range []string{p.FallbackKind.WithForm, p.FallbackKind.Otherwise} {
		if !ids[id] {
			errs = append(errs, fmt.Errorf("fallback kind %q is not a paper kind", id))
		}
	}
	return errors.Join(errs...)
}

// foldKeywords folds each keyword to space-separated words with a space
// either side (" giay khai sinh "), to be found as whole words in a text
// joined by joinWords; it drops empty ones.
func foldKeywords(kws []string) []string {
	var out []string
	for _, k := range kws {
		if w := vntext.FoldedWords(k); len(w) > 0 {
			out = append(out, joinWords(w))
		}
	}
	return out
}
