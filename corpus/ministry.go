package corpus

import (
	_ "embed"
	"errors"
	"fmt"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"sync"

	"gopkg.in/yaml.v3"

	"github.com/redtape-vn/redtape/corpus/vntext"
	"github.com/redtape-vn/redtape/internal/memo"
)

// AgenciesSchema names the format of the table of ministries and their agencies.
const AgenciesSchema = "redtape.agencies/v1"

//go:embed ministry_agencies.yaml
var defaultAgenciesYAML []byte

// Evidence names what decided the ministry of a record.
type Evidence string

// Evidence, strongest first. A record's ministry is decided by the first of
// issuer, agency, folder and local agency that names one; the ministry its
// source states (EvidenceStated) is kept when it disagrees with them, the
// disagreement listed in [Attribution.Conflicts].
const (
	// EvidenceIssuer is the issuer code of the publishing decision
	// ("651/QĐ-BXD" → Bộ Xây dựng).
	EvidenceIssuer Evidence = "issuer"
	// EvidenceAgency is a central unit or a ministry named as competent or
	// implementing agency ("Cục Hàng không Việt Nam" → Bộ Xây dựng).
	EvidenceAgency Evidence = "agency"
	// EvidenceFolder is a directory of the record's path named after a
	// ministry ("bo-xay-dung", "BXD").
	EvidenceFolder Evidence = "folder"
	// EvidenceLocalAgency is a local Sở, mapped to its sector's ministry
	// ("Sở Xây dựng" → Bộ Xây dựng): the weakest evidence, since one Sở
	// handles several ministries' procedures.
	EvidenceLocalAgency Evidence = "local_agency"
	// EvidenceStated is the ministry field of the source, with no evidence
	// above confirming it.
	EvidenceStated Evidence = "stated"
	// EvidenceNone means nothing attributes the record.
	EvidenceNone Evidence = "none"
)

// Evidences lists every evidence, strongest first, for reports that count
// records per evidence.
var Evidences = []Evidence{EvidenceIssuer, EvidenceAgency, EvidenceFolder, EvidenceLocalAgency, EvidenceStated, EvidenceNone}

// Attribution is the ministry of one record and what decided it.
type Attribution struct {
	// Ministry is the ministry's current name; empty when unattributed.
	// For EvidenceStated it is the name as the source states it, or its
	// current name when the table knows it.
	Ministry string `json:"ministry,omitempty"`
	// Code is the ministry's issuer code ("BXD"); empty when the ministry
	// is not in the table.
	Code string `json:"code,omitempty"`
	// Evidence is what decided.
	Evidence Evidence `json:"evidence"`
	// Detail is the text that decided: the decision number, the agency,
	// the folder or the stated name.
	Detail string `json:"detail,omitempty"`
	// Tag is how sure the table row that decided is ("law", "news",
	// "unsure"); empty for issuer codes, folders and stated names.
	Tag string `json:"tag,omitempty"`
	// Source cites the table row that decided, where one did.
	Source string `json:"source,omitempty"`
	// Conflicts lists other evidence naming another ministry, e.g.
	// "folder bo-tai-chinh: Bộ Tài chính".
	Conflicts []string `json:"conflicts,omitempty"`
	// Note says why a record is unattributed when something was found that
	// does not decide ("former ministry split: ...", "agencies of several
	// ministries: ...").
	Note string `json:"note,omitempty"`
}

// Agencies is the table of ministries and ministry-level bodies, their
// units, the former ministries merged into them and the local Sở of each
// sector (ministry_agencies.yaml, transcribed from
// ../shared/reference/agencies.md). It is read-only once loaded.
type Agencies struct {
	// Source cites where the table comes from.
	Source string `yaml:"source" json:"source"`
	// Ministries are the current ministries and ministry-level bodies.
	Ministries []MinistryRow `yaml:"ministries" json:"ministries"`
	// Former are the bodies abolished or merged and where they went.
	Former []FormerRow `yaml:"former" json:"former"`
	// Local are the local agencies and their sector's ministry.
	Local []LocalRow `yaml:"local" json:"local"`

	byCode   map[string]*MinistryRow // folded code → ministry
	issuers  map[string]issuerHit    // folded code → ministry or former body
	central  nameIndex               // ministry names and units
	local    nameIndex               // local agencies
	folders  map[string]*MinistryRow // slug → ministry
	formerAt map[string]*FormerRow   // slug or lower-case code → former body
	named    map[string]*MinistryRow // folded name or alias → ministry
	formerOf map[string]*FormerRow   // folded name → former body

	// Attributions by decision and by directory, remembered: records
	// repeat both.
	issuerMemo, folderMemo *memo.Memo[string, found]
}

// found is an attribution by one kind of evidence, with its note.
type found struct {
	at   Attribution
	note string
}

// MinistryRow is one ministry or ministry-level body.
type MinistryRow struct {
	// Code is the issuer code used in document numbers, e.g. "BXD".
	Code string `yaml:"code" json:"code"`
	// Name is the Vietnamese name.
	Name string `yaml:"name" json:"name"`
	// English is a customary English name, never used for matching.
	English string `yaml:"english" json:"english"`
	// Slug is the ASCII folder name.
	Slug string `yaml:"slug" json:"slug"`
	// Aliases are other spellings of the name seen in records.
	Aliases []string `yaml:"aliases,omitempty" json:"aliases,omitempty"`
	// Folders are other folder names that name the body.
	Folders []string `yaml:"folders,omitempty" json:"folders,omitempty"`
	// Outside is true for a body that is not one of the 17 members of the
	// Government (the Supreme People's Court).
	Outside bool `yaml:"outside,omitempty" json:"outside,omitempty"`
	// Decree is the decree defining its structure.
	Decree string `yaml:"decree" json:"decree"`
	// Tag is "law", "news" or "unsure".
	Tag string `yaml:"tag" json:"tag"`
	// Source cites the row.
	Source string `yaml:"source" json:"source"`
	// Agencies are the units under it that may act as procedure agencies.
	Agencies []AgencyRow `yaml:"agencies" json:"agencies"`
}

// AgencyRow is one unit under a ministry.
type AgencyRow struct {
	// Name is the unit's Vietnamese name.
	Name string `yaml:"name" json:"name"`
	// Tag is "law", "news" or "unsure".
	Tag string `yaml:"tag" json:"tag"`
	// Source cites the row.
	Source string `yaml:"source" json:"source"`
	// Note qualifies the row.
	Note string `yaml:"note,omitempty" json:"note,omitempty"`
}

// FormerRow is a body abolished or merged in 2025.
type FormerRow struct {
	// Name is the former body's name.
	Name string `yaml:"name" json:"name"`
	// Code is its former issuer code.
	Code string `yaml:"code" json:"code"`
	// To lists the codes of the ministries it went to; more than one when
	// it was split.
	To []string `yaml:"to" json:"to"`
	// Tag is "law", "news" or "unsure".
	Tag string `yaml:"tag" json:"tag"`
	// Source cites the row.
	Source string `yaml:"source" json:"source"`
	// Note qualifies the row.
	Note string `yaml:"note,omitempty" json:"note,omitempty"`
}

// LocalRow is one local agency and its sector's ministry.
type LocalRow struct {
	// Name is the agency's generic name, e.g. "Sở Xây dựng".
	Name string `yaml:"name" json:"name"`
	// Ministry is the code of the sector's ministry; empty for bodies that
	// handle many ministries' procedures (the People's Committees).
	Ministry string `yaml:"ministry" json:"ministry"`
	// Tag is "law", "news" or "unsure".
	Tag string `yaml:"tag" json:"tag"`
	// Source cites the row.
	Source string `yaml:"source" json:"source"`
	// Note qualifies the row.
	Note string `yaml:"note,omitempty" json:"note,omitempty"`
}

// nameRow is one name to look for in agency texts.
type nameRow struct {
	key      string // folded words, space separated
	name     string
	ministry *MinistryRow // nil for a local body of many ministries
	former   *FormerRow   // set for a former ministry's name
	tag      string
	source   string
}

// nameIndex finds the longest name of its rows in a text, as whole
// words.
type nameIndex struct {
	rows  []nameRow               // longest first (in words), else in table order
	first map[string][]int        // first word of a key → indexes into rows
	found *memo.Memo[string, int] // texts met → the row longest gives, or -1
}

// build sorts the rows and indexes them by their first word.
func (x *nameIndex) build() {
	slices.SortStableFunc(x.rows, func(a, b nameRow) int { return strings.Count(b.key, " ") - strings.Count(a.key, " ") })
	x.first, x.found = map[string][]int{}, &memo.Memo[string, int]{}
	for i, r := range x.rows {
		w, _, _ := strings.Cut(r.key, " ")
		x.first[w] = append(x.first[w], i)
	}
}

// longest returns the longest row whose name is in text, the first in the
// table among names of one length.
func (x *nameIndex) longest(text string) (nameRow, bool) {
	best := x.found.Get(text, x.search)
	if best < 0 {
		return nameRow{}, false
	}
	return x.rows[best], true
}

// search is longest without remembering: the index of the row, or -1.
func (x *nameIndex) search(text string) int {
	k := nameKey(text)
	best := -1
	for pos := 0; pos < len(k); {
		w, _, _ := strings.Cut(k[pos:], " ")
		for _, i := range x.first[w] {
			key := x.rows[i].key
			if (best < 0 || i < best) && strings.HasPrefix(k[pos:], key) && (len(k) == pos+len(key) || k[pos+len(key)] == ' ') {
				best = i
			}
		}
		pos += len(w) + 1
	}
	return best
}

// issuerHit is what an issuer code names.
type issuerHit struct {
	ministry *MinistryRow
	former   *FormerRow
}

// DefaultAgencies returns the built-in table. It panics only if the
// embedded file is invalid, which the tests rule out.
func DefaultAgencies() *Agencies {
	a, err := defaultAgencies()
	if err != nil {
		panic(fmt.Sprintf("corpus: built-in agencies: %v", err))
	}
	return a
}

var defaultAgencies = sync.OnceValues(func() (*Agencies, error) { return ParseAgencies(defaultAgenciesYAML) })

var validTags = map[string]bool{"law": true, "news": true, "unsure": true}

// ParseAgencies reads and validates a table of ministries and agencies:
// schema AgenciesSchema, a source, and every row with a name, a known tag
// and a source; codes and names unique; every ministry a former or local
// row points to present.
func ParseAgencies(data []byte) (*Agencies, error) {
	var doc struct {
		Schema   string `yaml:"schema"`
		Agencies `yaml:",inline"`
	}
	dec := yaml.NewDecoder(strings.NewReader(string(data)))
	dec.KnownFields(true)
	if err := dec.Decode(&doc); err != nil {
		return nil, fmt.Errorf("agencies: %w", err)
	}
	if doc.Schema != AgenciesSchema {
		return nil, fmt.Errorf("agencies: schema is %q, want %q", doc.Schema, AgenciesSchema)
	}
	a := doc.Agencies
	var errs []error
	bad := func(format string, args ...any) { errs = append(errs, fmt.Errorf("agencies: "+format, args...)) }
	if strings.TrimSpace(a.Source) == "" {
		bad("no source")
	}
	row := func(what, name, tag, source string) {
		if strings.TrimSpace(name) == "" {
			bad("%s without a name", what)
		}
		if !validTags[tag] {
			bad("%s %q: tag %q, want law, news or unsure", what, name, tag)
		}
		if strings.TrimSpace(source) == "" {
			bad("%s %q: no source", what, name)
		}
	}
	a.byCode = map[string]*MinistryRow{}
	a.issuers = map[string]issuerHit{}
	a.folders = map[string]*MinistryRow{}
	a.formerAt = map[string]*FormerRow{}
	a.named = map[string]*MinistryRow{}
	a.formerOf = map[string]*FormerRow{}
	names := map[string][]*MinistryRow{} // unit key → ministries listing it
	var central []nameRow
	for i := range a.Ministries {
		m := &a.Ministries[i]
		row("ministry", m.Name, m.Tag, m.Source)
		code := codeKey(m.Code)
		if code == "" {
			bad("ministry %q: no code", m.Name)
		} else if a.byCode[code] != nil {
			bad("ministry code %q twice", m.Code)
		}
		a.byCode[code] = m
		a.issuers[code] = issuerHit{ministry: m}
		for _, s := range append([]string{m.Slug, Slug(m.Name), strings.ToLower(code)}, m.Folders...) {
			if s == "" {
				continue
			}
			if o := a.folders[s]; o != nil && o != m {
				bad("folder %q names %s and %s", s, o.Code, m.Code)
			}
			a.folders[s] = m
		}
		for _, n := range append([]string{m.Name}, m.Aliases...) {
			k := nameKey(n)
			if o := a.named[k]; o != nil && o != m {
				bad("name %q names %s and %s", n, o.Code, m.Code)
			}
			a.named[k] = m
			central = append(central, nameRow{key: k, name: n, ministry: m, tag: m.Tag, source: m.Source})
		}
		for _, u := range m.Agencies {
			row("agency", u.Name, u.Tag, u.Source)
			k := nameKey(u.Name)
			if !slices.Contains(names[k], m) {
				names[k] = append(names[k], m)
			}
			central = append(central, nameRow{key: k, name: u.Name, ministry: m, tag: u.Tag, source: u.Source})
		}
	}
	for i := range a.Former {
		f := &a.Former[i]
		row("former body", f.Name, f.Tag, f.Source)
		if len(f.To) == 0 {
			bad("former body %q goes nowhere", f.Name)
		}
		for _, to := range f.To {
			if a.byCode[codeKey(to)] == nil {
				bad("former body %q goes to unknown code %q", f.Name, to)
			}
		}
		if c := codeKey(f.Code); c != "" {
			if _, dup := a.issuers[c]; dup {
				bad("issuer code %q twice", f.Code)
			}
			a.issuers[c] = issuerHit{former: f}
			a.formerAt[strings.ToLower(c)] = f
		}
		a.formerAt[Slug(f.Name)] = f
		a.formerOf[nameKey(f.Name)] = f
		central = append(central, nameRow{key: nameKey(f.Name), name: f.Name, former: f, tag: f.Tag, source: f.Source})
	}
	for i := range a.Local {
		l := &a.Local[i]
		row("local agency", l.Name, l.Tag, l.Source)
		var m *MinistryRow
		if l.Ministry != "" {
			if m = a.byCode[codeKey(l.Ministry)]; m == nil {
				bad("local agency %q: unknown ministry %q", l.Name, l.Ministry)
			}
		}
		a.local.rows = append(a.local.rows, nameRow{key: nameKey(l.Name), name: l.Name, ministry: m, tag: l.Tag, source: l.Source})
	}
	// A unit name listed under two ministries decides nothing.
	for _, r := range central {
		if r.ministry == nil || len(names[r.key]) < 2 {
			a.central.rows = append(a.central.rows, r)
		}
	}
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	a.central.build()
	a.local.build()
	// A decision publishes tens of procedures, so a few thousand
	// remembered cover a stream; each is a whole attribution.
	a.issuerMemo, a.folderMemo = &memo.Memo[string, found]{Max: 4096}, &memo.Memo[string, found]{Max: 4096}
	return &a, nil
}

// Ministry returns the ministry with the given issuer code ("BXD",
// "BGDDT" and "BGDĐT" alike), or nil.
func (a *Agencies) Ministry(code string) *MinistryRow { return a.byCode[codeKey(code)] }

// Current returns the ministry a name designates today: a current
// ministry by its name or an alias, or a former ministry merged into one.
// It returns nil for a former ministry split between several, and for
// names it does not know.
func (a *Agencies) Current(name string) *MinistryRow {
	k := nameKey(name)
	if f := a.formerOf[k]; f != nil {
		return a.single(f)
	}
	return a.named[k]
}

// Named returns the current ministry a name or alias designates ("Bộ tài
// chính", "Bộ NN và MT"), or nil; unlike [Agencies.Current] it does not
// follow former ministries.
func (a *Agencies) Named(name string) *MinistryRow { return a.named[nameKey(name)] }

// single returns the one ministry a former body went to, or nil when it
// was split.
func (a *Agencies) single(f *FormerRow) *MinistryRow {
	if len(f.To) != 1 {
		return nil
	}
	return a.byCode[codeKey(f.To[0])]
}

// AttributeMinistry attributes p with the built-in table (see
// [Agencies.Attribute]).
func AttributeMinistry(p *Procedure) Attribution { return DefaultAgencies().Attribute(p) }

// Attribute names the ministry of p and what decided it, from what the
// record says, strongest evidence first: the issuer code of its publishing
// decision, then a ministry or central unit named among its competent and
// implementing agencies, then a directory of its path named after a
// ministry, then a local Sở of a ministry's sector; two weaker pieces of
// evidence agreeing outvote a stronger one alone. When p states a
// ministry and the evidence agrees, the evidence is given; when it
// disagrees, the stated ministry is kept and the evidence listed in
// Conflicts; when there is no evidence the stated ministry stands alone.
// A record with none of these is left unattributed (EvidenceNone), with a
// Note when something was found that does not decide.
func (a *Agencies) Attribute(p *Procedure) Attribution {
	var found []Attribution
	var notes []string
	for _, f := range []func(*Procedure) (Attribution, string){a.byIssuer, a.byAgency, a.byFolder, a.byLocal} {
		at, note := f(p)
		if at.Evidence != "" {
			found = append(found, at)
		}
		if note != "" {
			notes = append(notes, note)
		}
	}
	conflicts := func(best Attribution) []string {
		var out []string
		for _, f := range found {
			if f.Code != best.Code {
				out = append(out, fmt.Sprintf("%s %s: %s", f.Evidence, f.Detail, f.Ministry))
			}
		}
		return out
	}
	if stated := strings.TrimSpace(p.Ministry); stated != "" {
		st := Attribution{Ministry: stated, Evidence: EvidenceStated, Detail: stated}
		if m := a.Current(stated); m != nil {
			st.Ministry, st.Code = m.Name, m.Code
		}
		for _, f := range found {
			if st.Code != "" && f.Code == st.Code {
				f.Conflicts = conflicts(f)
				return f
			}
		}
		st.Conflicts = conflicts(st)
		return st
	}
	if len(found) == 0 {
		return Attribution{Evidence: EvidenceNone, Note: strings.Join(notes, "; ")}
	}
	best := outvoted(found)
	best.Conflicts = conflicts(best)
	return best
}

// outvoted returns the strongest of found, unless two weaker pieces of
// evidence of different kinds agree on another ministry: a decision
// number misprinted on the portal ("651/QĐ-BXD" on a border-pass procedure
// of the police, its agency Công an and its folder bo-cong-an) does not
// outweigh the agency and the folder together.
func outvoted(found []Attribution) Attribution {
	for i, x := range found[1:] {
		for _, y := range found[i+2:] {
			if x.Code == y.Code && x.Code != found[0].Code {
				return x
			}
		}
	}
	return found[0]
}

// decisionCodeRe finds document numbers' suffixes: "651/QĐ-BXD" →
// "QĐ-BXD", "885/QĐ-BCA-C06" → "QĐ-BCA-C06".
var decisionCodeRe = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`\d+/(?:\d{4}/)?([\p{L}\p{N}]+(?:-[\p{L}\p{N}&]+)+)`) })

// byIssuer attributes p by the issuer code of its publishing decision.
func (a *Agencies) byIssuer(p *Procedure) (Attribution, string) {
	f := a.issuerMemo.Get(p.Decision, func(decision string) found {
		at, note := a.issuerOf(decision)
		return found{at, note}
	})
	return f.at, f.note
}

// issuerOf attributes a procedure published by decision.
func (a *Agencies) issuerOf(decision string) (Attribution, string) {
	var note string
	for _, m := range decisionCodeRe().FindAllStringSubmatch(decision, -1) {
		parts := strings.Split(m[1], "-")
		for _, part := range parts[1:] { // parts[0] is the kind: QĐ, TT, ...
			hit, ok := a.issuers[codeKey(part)]
			if !ok {
				continue
			}
			if hit.former != nil {
				if hit.ministry = a.single(hit.former); hit.ministry == nil {
					note = fmt.Sprintf("issuer %s: former %s, split between %s", part, hit.former.Name, strings.Join(hit.former.To, ", "))
					continue
				}
			}
			return Attribution{Ministry: hit.ministry.Name, Code: hit.ministry.Code, Evidence: EvidenceIssuer, Detail: strings.TrimSpace(decision)}, ""
		}
	}
	return Attribution{}, note
}

// byAgency attributes p by the ministries and central units named among
// its competent and implementing agencies: the ministry named by the most
// agency texts, none when two tie.
func (a *Agencies) byAgency(p *Procedure) (Attribution, string) {
	return a.byNames(p, &a.central, EvidenceAgency)
}

// byLocal attributes p by the local Sở named among its agencies.
func (a *Agencies) byLocal(p *Procedure) (Attribution, string) {
	return a.byNames(p, &a.local, EvidenceLocalAgency)
}

func (a *Agencies) byNames(p *Procedure, names *nameIndex, ev Evidence) (Attribution, string) {
	type vote struct {
		n   int
		row nameRow
		m   *MinistryRow
		txt string
	}
	var votes []*vote
	var split []string
	for _, text := range slices.Concat(p.Authority, p.Agencies) {
		r, ok := names.longest(text)
		if ok {
			m := r.ministry
			if r.former != nil {
				if m = a.single(r.former); m == nil {
					split = append(split, fmt.Sprintf("%s: former %s, split between %s", text, r.former.Name, strings.Join(r.former.To, ", ")))
				}
			}
			if m != nil {
				i := slices.IndexFunc(votes, func(v *vote) bool { return v.m == m })
				if i < 0 {
					votes = append(votes, &vote{row: r, m: m, txt: text})
					i = len(votes) - 1
				}
				votes[i].n++
			}
		}
	}
	note := strings.Join(split, "; ")
	if len(votes) == 0 {
		return Attribution{}, note
	}
	slices.SortStableFunc(votes, func(x, y *vote) int { return y.n - x.n })
	if len(votes) > 1 && votes[1].n == votes[0].n {
		var ms []string
		for _, v := range votes {
			ms = append(ms, v.m.Code)
		}
		return Attribution{}, fmt.Sprintf("%s names several ministries equally: %s", ev, strings.Join(ms, ", "))
	}
	v := votes[0]
	src := v.row.source
	if v.row.former != nil {
		src = v.row.former.Source
	}
	return Attribution{Ministry: v.m.Name, Code: v.m.Code, Evidence: ev, Detail: v.txt, Tag: v.row.tag, Source: src}, note
}

// byFolder attributes p by the nearest directory of its path named after a
// ministry, a ministry-level body or a former ministry merged into one.
func (a *Agencies) byFolder(p *Procedure) (Attribution, string) {
	f := a.folderMemo.Get(filepath.Dir(filepath.ToSlash(p.Source.File)), func(dir string) found {
		at, note := a.folderOf(dir)
		return found{at, note}
	})
	return f.at, f.note
}

// folderOf attributes a record of directory dir (slash separated).
func (a *Agencies) folderOf(dir string) (Attribution, string) {
	for dir != "." && dir != "/" && dir != "" {
		base := filepath.Base(dir)
		s := Slug(base)
		m := a.folders[s]
		if f := a.formerAt[s]; f != nil {
			if m = a.single(f); m == nil {
				return Attribution{}, fmt.Sprintf("folder %s: former %s, split between %s", base, f.Name, strings.Join(f.To, ", "))
			}
		}
		if m != nil {
			return Attribution{Ministry: m.Name, Code: m.Code, Evidence: EvidenceFolder, Detail: base}, ""
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			break
		}
		dir = parent
	}
	return Attribution{}, ""
}

// Slug returns the folder name of a ministry's name by the rule of
// agencies.md: lower case, no diacritics, đ as d, every other character
// a "-" (runs collapsed, none at the ends).
func Slug(name string) string { return strings.Join(vntext.FoldedWords(name), "-") }

// nameKey folds a name for comparison: its folded words, space separated.
func nameKey(s string) string { return strings.Join(vntext.FoldedWords(s), " ") }

// codeKey folds an issuer code: upper case, Đ as D ("BGDĐT" → "BGDDT").
func codeKey(s string) string { return strings.ToUpper(vntext.Fold(strings.TrimSpace(s))) }
