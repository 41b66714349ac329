package catalog

import (
	"bytes"
	_ "embed"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"sort"
	"strings"
	"time"

	"gopkg.in/yaml.v3"

	"github.com/redtape-vn/redtape/corpus/vntext"
)

// Schema is the format name and version of catalog files.
const Schema = "redtape.catalog/v1"

// DefaultName is the name under which the embedded catalog reports errors.
const DefaultName = "catalog.yaml (built in)"

// defaultJSON is catalog.yaml decoded and written as JSON, which decodes
// several times faster than the YAML: every command that flags papers or
// searches reads the built-in catalog, so its parse is part of their
// start-up. "go test ./analyzer/catalog -update" writes it from the YAML,
// and a test fails while the two differ.
//
//go:embed catalog.json
var defaultJSON []byte

// Coverage says how much of a paper's population a database covers.
type Coverage string

// Coverage levels.
const (
	Full        Coverage = "full"        // every holder of the paper is in the database
	Partial     Coverage = "partial"     // some records are missing (old registers, not yet entered)
	Conditional Coverage = "conditional" // replaces the paper only under a condition stated in the note
)

// Rank orders coverage from weakest (0) to strongest; unknown values rank -1.
func (c Coverage) Rank() int {
	switch c {
	case Conditional:
		return 0
	case Partial:
		return 1
	case Full:
		return 2
	}
	return -1
}

// Status says how sure a fact is.
type Status string

// Statuses, as tagged in the reference note.
const (
	Law    Status = "law"    // read in the legal text
	News   Status = "news"   // official news or a secondary summary
	Unsure Status = "unsure" // inferred or from an unverified copy
)

func (s Status) valid() bool { return s == Law || s == News || s == Unsure }

// dateLayout is the form of every date in a catalog file.
const dateLayout = "2006-01-02"

// Document is a legal text cited as a basis.
type Document struct {
	// ID is the key entries cite it by, e.g. "nq66-7".
	ID string `json:"id"`
	// Title names the document, e.g. "Resolution 66.7/2025/NQ-CP".
	Title string `json:"title"`
	// TitleVi names it in Vietnamese, e.g. "Nghị quyết 66.7/2025/NQ-CP";
	// empty when the catalog gives no Vietnamese title ([Document.TitleIn]
	// then falls back to Title).
	TitleVi string `json:"title_vi,omitempty"`
	// From is the first day the document applies.
	From time.Time `json:"from"`
	// Until is the last day it applies; zero when it has no end date.
	Until time.Time `json:"until,omitzero"`
	// Status says how sure the document's facts are.
	Status Status `json:"status"`
	// Source says where the facts about the document come from.
	Source string `json:"source"`
	// SourceVi says the same in Vietnamese; empty when not given.
	SourceVi string `json:"source_vi,omitempty"`
}

// Basis is one legal basis of an entry: a document and the article in it.
type Basis struct {
	// Document is the id of the cited [Document].
	Document string `json:"document"`
	// Title is the cited document's title, and TitleVi its Vietnamese
	// title (empty when the catalog gives none).
	Title   string `json:"title"`
	TitleVi string `json:"title_vi,omitempty"`
	// Article is the article cited, e.g. "Art. 4.1.a"; empty when the source names none.
	Article string `json:"article,omitempty"`
	// Status says how sure the citation is; it defaults to the document's status.
	Status Status `json:"status"`
	// From and Until are the dates the basis applies, from the document
	// unless the entry narrows them; Until is zero when open-ended.
	From  time.Time `json:"from"`
	Until time.Time `json:"until,omitzero"`
	// Note says what is unsure or special about this basis, and NoteVi
	// says it in Vietnamese (empty when not given).
	Note   string `json:"note,omitempty"`
	NoteVi string `json:"note_vi,omitempty"`
}

// InForce reports whether the basis applies on day t.
func (b Basis) InForce(t time.Time) bool {
	d := day(t)
	return !d.Before(b.From) && (b.Until.IsZero() || !d.After(b.Until))
}

// String cites the basis, e.g. "Resolution 66.7/2025/NQ-CP Art. 4.1.a [unsure]".
func (b Basis) String() string {
	s := b.Title
	if b.Article != "" {
		s += " " + b.Article
	}
	if b.Status != Law {
		s += " [" + string(b.Status) + "]"
	}
	return s
}

// Entry is one kind of paper the state holds as data.
type Entry struct {
	// ID is the stable identifier, e.g. "birth-certificate".
	ID string `json:"id"`
	// Name is the Vietnamese name.
	Name string `json:"name"`
	// Variants are the names, abbreviations and legacy spellings the paper
	// goes by in dossier lists; matched on folded words.
	Variants []string `json:"variants"`
	// Excludes are longer names that contain a variant but name another
	// paper ("giấy phép lái xe quân sự"); where one matches, the entry does not.
	Excludes []string `json:"excludes,omitempty"`
	// Broader are names of a wider class of papers of which the entry's is
	// one ("giấy tờ chứng minh nhân thân": an ID card, but also a passport
	// or a foreign paper). They match like variants, but the match has
	// coverage at most BroaderCoverage, with BroaderNote (and
	// BroaderNoteVi) saying why.
	Broader         []string `json:"broader,omitempty"`
	BroaderCoverage Coverage `json:"broader_coverage,omitempty"`
	BroaderNote     string   `json:"broader_note,omitempty"`
	BroaderNoteVi   string   `json:"broader_note_vi,omitempty"`
	// Companions are papers that, listed after this one with a comma, offer
	// another choice rather than another paper ("văn bằng, chứng chỉ").
	Companions []string `json:"companions,omitempty"`
	// CitizensOnly is true when the database holds the paper only for
	// Vietnamese citizens, so it does not cover a procedure for foreigners.
	CitizensOnly bool `json:"citizens_only,omitempty"`
	// English is the English name.
	English string `json:"english"`
	// Database is the database or platform that holds the data, in English.
	Database string `json:"database"`
	// DatabaseVi is its Vietnamese name: the entry's database_vi, else the
	// one another entry gives the same database; empty when none does
	// ([Entry.DatabaseIn] then falls back to Database).
	DatabaseVi string `json:"database_vi,omitempty"`
	// Owner is the body that owns the database, in English.
	Owner string `json:"owner"`
	// OwnerVi is the owner's Vietnamese name, found as DatabaseVi is.
	OwnerVi string `json:"owner_vi,omitempty"`
	// Basis lists the legal bases that oblige or let an agency look the data up.
	Basis []Basis `json:"basis"`
	// From is the first day any basis applies; Until the last day one does
	// (zero when some basis has no end date).
	From  time.Time `json:"from"`
	Until time.Time `json:"until,omitzero"`
	// Coverage says how much of the paper's population the database holds.
	Coverage Coverage `json:"coverage"`
	// Note explains the coverage and what is unsure.
	Note string `json:"note,omitempty"`
	// Sources are the sources of the entry's facts, as text.
	Sources []string `json:"sources"`
	// Origin is the catalog file the entry was read from.
	Origin string `json:"origin"`
}

// Unsure reports whether any basis of the entry is unsure.
func (e *Entry) Unsure() bool {
	for _, b := range e.Basis {
		if b.Status == Unsure {
			return true
		}
	}
	return false
}

// Catalog is a validated set of entries. It is not modified after it is
// built; [Catalog.InForce] and [Load] return new catalogs.
type Catalog struct {
	// Entries are the entries in file order (base entries first).
	Entries []*Entry
	// Documents are the cited legal documents by id.
	Documents map[string]*Document
	// Sources are the sources by key.
	Sources map[string]string
	// Files lists the files the catalog was read from, in order.
	Files []string
	// Abbreviations map a phrase of catalog names ("giấy chứng nhận") to
	// the abbreviations written for it in dossiers ("GCN"); a matcher
	// also accepts every name with any of its phrases abbreviated.
	Abbreviations map[string][]string
	// Lapsed are the entries [Catalog.InForce] left out, none of whose
	// bases is in force that day: a matcher tells their papers apart from
	// papers the catalog does not know.
	Lapsed []*Entry
	// invalid holds, while a file is parsed, the documents it defines that
	// failed to validate: their error is reported once, not again for
	// every basis citing them.
	invalid map[string]bool
}

// Entry returns the entry with id, or nil.
func (c *Catalog) Entry(id string) *Entry {
	for _, e := range c.Entries {
		if e.ID == id {
			return e
		}
	}
	return nil
}

// InForce returns the catalog of the entries with a basis in force on day
// asOf, each keeping only the bases in force then.
func (c *Catalog) InForce(asOf time.Time) *Catalog {
	out := &Catalog{Documents: c.Documents, Sources: c.Sources, Files: c.Files, Abbreviations: c.Abbreviations}
	for _, e := range c.Entries {
		var bases []Basis
		for _, b := range e.Basis {
			if b.InForce(asOf) {
				bases = append(bases, b)
			}
		}
		if len(bases) == 0 {
			out.Lapsed = append(out.Lapsed, e)
			continue
		}
		ne := *e
		ne.Basis = bases
		ne.From, ne.Until = span(bases)
		out.Entries = append(out.Entries, &ne)
	}
	return out
}

// Default returns the embedded catalog.
func Default() (*Catalog, error) {
	return parseJSON(DefaultName, defaultJSON)
}

// parseJSON reads a catalog file written as JSON (catalog.json) on its own;
// fields the format does not have are errors, as in YAML.
func parseJSON(name string, data []byte) (*Catalog, error) {
	var f file
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&f); err != nil {
		return nil, fmt.Errorf("catalog %s: %w", name, err)
	}
	return fromFile(name, &f, nil)
}

// Load reads the catalog file at path. With a nil base the file stands
// alone; otherwise it extends base: its entries replace base entries of the
// same id and are added after the others, its documents and sources are
// added, and a file with "replace: true" drops base's entries altogether.
func Load(path string, base *Catalog) (*Catalog, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("read catalog: %w", err)
	}
	return Parse(path, data, base)
}

// file is the shape of a catalog file.
type file struct {
	Schema    string              `yaml:"schema" json:"schema,omitempty"`
	Replace   bool                `yaml:"replace" json:"replace,omitempty"`
	Sources   map[string]string   `yaml:"sources" json:"sources,omitempty"`
	Documents map[string]document `yaml:"documents" json:"documents,omitempty"`
	// Abbreviations map a phrase to its abbreviations, each with the
	// sources where it was seen.
	Abbreviations map[string]abbreviation `yaml:"abbreviations" json:"abbreviations,omitempty"`
	Entries       []entry                 `yaml:"entries" json:"entries,omitempty"`
}

type abbreviation struct {
	Short   []string `yaml:"short" json:"short,omitempty"`
	Sources []string `yaml:"sources" json:"sources,omitempty"`
}

type broader struct {
	Names    []string `yaml:"names" json:"names,omitempty"`
	Coverage string   `yaml:"coverage" json:"coverage,omitempty"`
	Note     string   `yaml:"note" json:"note,omitempty"`
	NoteVi   string   `yaml:"note_vi" json:"note_vi,omitempty"`
}

type document struct {
	Title    string `yaml:"title" json:"title,omitempty"`
	TitleVi  string `yaml:"title_vi" json:"title_vi,omitempty"`
	From     string `yaml:"from" json:"from,omitempty"`
	Until    string `yaml:"until" json:"until,omitempty"`
	Status   string `yaml:"status" json:"status,omitempty"`
	Source   string `yaml:"source" json:"source,omitempty"`
	SourceVi string `yaml:"source_vi" json:"source_vi,omitempty"`
}

type entry struct {
	ID         string   `yaml:"id" json:"id,omitempty"`
	Name       string   `yaml:"name" json:"name,omitempty"`
	English    string   `yaml:"english" json:"english,omitempty"`
	Variants   []string `yaml:"variants" json:"variants,omitempty"`
	Excludes   []string `yaml:"excludes" json:"excludes,omitempty"`
	Citizens   bool     `yaml:"citizens_only" json:"citizens_only,omitempty"`
	Companions []string `yaml:"companions" json:"companions,omitempty"`
	Broader    broader  `yaml:"broader" json:"broader,omitzero"`
	Database   string   `yaml:"database" json:"database,omitempty"`
	DatabaseVi string   `yaml:"database_vi" json:"database_vi,omitempty"`
	Owner      string   `yaml:"owner" json:"owner,omitempty"`
	OwnerVi    string   `yaml:"owner_vi" json:"owner_vi,omitempty"`
	Coverage   string   `yaml:"coverage" json:"coverage,omitempty"`
	Note       string   `yaml:"note" json:"note,omitempty"`
	Basis      []basis  `yaml:"basis" json:"basis,omitempty"`
	Sources    []string `yaml:"sources" json:"sources,omitempty"`
}

type basis struct {
	Document string `yaml:"document" json:"document,omitempty"`
	Article  string `yaml:"article" json:"article,omitempty"`
	Status   string `yaml:"status" json:"status,omitempty"`
	From     string `yaml:"from" json:"from,omitempty"`
	Until    string `yaml:"until" json:"until,omitempty"`
	Note     string `yaml:"note" json:"note,omitempty"`
	NoteVi   string `yaml:"note_vi" json:"note_vi,omitempty"`
}

// Parse reads a catalog file's content; name is used in errors and as the
// entries' origin. See [Load] for how base is extended.
func Parse(name string, data []byte, base *Catalog) (*Catalog, error) {
	var f file
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	if err := dec.Decode(&f); err != nil {
		if errors.Is(err, io.EOF) {
			return nil, fmt.Errorf("catalog %s: empty file", name)
		}
		return nil, fmt.Errorf("catalog %s: %w", name, err)
	}
	return fromFile(name, &f, base)
}

// fromFile validates a decoded catalog file and makes it a Catalog (see
// [Parse]).
func fromFile(name string, f *file, base *Catalog) (*Catalog, error) {
	if f.Schema != Schema {
		return nil, fmt.Errorf("catalog %s: schema is %q, want %q", name, f.Schema, Schema)
	}
	out := &Catalog{Documents: map[string]*Document{}, Sources: map[string]string{}, Abbreviations: map[string][]string{}}
	if base != nil {
		for k, v := range base.Abbreviations {
			out.Abbreviations[k] = v
		}
		for k, v := range base.Documents {
			out.Documents[k] = v
		}
		for k, v := range base.Sources {
			out.Sources[k] = v
		}
		out.Files = append(out.Files, base.Files...)
	}
	out.Files = append(out.Files, name)
	var errs []error
	fail := func(format string, args ...any) {
		errs = append(errs, fmt.Errorf("catalog %s: "+format, append([]any{name}, args...)...))
	}
	for k, v := range f.Sources {
		if strings.TrimSpace(k) == "" || strings.TrimSpace(v) == "" {
			fail("source %q: key and text must not be empty", k)
			continue
		}
		out.Sources[k] = v
	}
	for _, phrase := range sortedKeys(f.Abbreviations) {
		ab := f.Abbreviations[phrase]
		words := vntext.FoldedWords(phrase)
		if len(words) == 0 {
			fail("abbreviation of %q: the phrase has no words", phrase)
			continue
		}
		var short []string
		for _, a := range ab.Short {
			a = vntext.NFC(strings.TrimSpace(a))
			if len(vntext.FoldedWords(a)) != 1 || strings.ToUpper(a) != a {
				fail("abbreviation %q of %q: want one word in capitals", a, phrase)
				continue
			}
			short = append(short, a)
		}
		if len(ab.Short) == 0 {
			fail("abbreviation of %q: short is missing", phrase)
		}
		if len(ab.Sources) == 0 {
			fail("abbreviation of %q: sources are missing: say where it is written so", phrase)
		}
		for _, src := range ab.Sources {
			if _, ok := out.Sources[src]; !ok {
				fail("abbreviation of %q: source %q is not defined under sources", phrase, src)
			}
		}
		key := vntext.CollapseSpace(vntext.NFC(phrase))
		out.Abbreviations[key] = append(append([]string{}, out.Abbreviations[key]...), short...)
	}
	for _, id := range sortedKeys(f.Documents) {
		d := f.Documents[id]
		doc, err := d.build(id)
		if err != nil {
			fail("document %q: %v", id, err)
			if out.invalid == nil {
				out.invalid = map[string]bool{}
			}
			out.invalid[id] = true
			continue
		}
		out.Documents[id] = doc
	}
	seen := map[string]int{}
	var entries []*Entry
	for i, raw := range f.Entries {
		where := fmt.Sprintf("entry %d", i+1)
		if raw.ID != "" {
			where += fmt.Sprintf(" (%s)", raw.ID)
		}
		if j, dup := seen[raw.ID]; dup && raw.ID != "" {
			fail("%s: id %q already used by entry %d", where, raw.ID, j)
			continue
		}
		seen[raw.ID] = i + 1
		e, eerrs := raw.build(out)
		for _, err := range eerrs {
			fail("%s: %v", where, err)
		}
		if e != nil {
			e.Origin = name
			entries = append(entries, e)
		}
	}
	if len(f.Entries) == 0 && (base == nil || f.Replace) {
		fail("no entries")
	}
	out.invalid = nil
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	if base != nil && !f.Replace {
		for _, e := range base.Entries {
			if _, replaced := seen[e.ID]; !replaced {
				out.Entries = append(out.Entries, e)
			}
		}
	}
	out.Entries = append(out.Entries, entries...)
	if err := nameVietnamese(name, out.Entries); err != nil {
		return nil, err
	}
	return out, nil
}

func (d document) build(id string) (*Document, error) {
	if !validID(id) {
		return nil, fmt.Errorf("id must be lower-case letters, digits and dashes")
	}
	if strings.TrimSpace(d.Title) == "" {
		return nil, fmt.Errorf("title is missing")
	}
	if strings.TrimSpace(d.Source) == "" {
		return nil, fmt.Errorf("source is missing: every legal claim cites its source")
	}
	st := Status(d.Status)
	if !st.valid() {
		return nil, fmt.Errorf("status %q is not law, news or unsure", d.Status)
	}
	from, until, err := parseSpan(d.From, d.Until, true)
	if err != nil {
		return nil, err
	}
	for field, v := range map[string]string{"title_vi": d.TitleVi, "source_vi": d.SourceVi} {
		if err := checkVi(field, v); err != nil {
			return nil, err
		}
	}
	return &Document{ID: id, Title: d.Title, TitleVi: tidy(d.TitleVi), From: from, Until: until, Status: st,
		Source: d.Source, SourceVi: tidy(d.SourceVi)}, nil
}

func (r entry) build(c *Catalog) (*Entry, []error) {
	var errs []error
	bad := func(format string, args ...any) { errs = append(errs, fmt.Errorf(format, args...)) }
	if !validID(r.ID) {
		bad("id %q must be lower-case letters, digits and dashes", r.ID)
	}
	for field, v := range map[string]string{"name": r.Name, "english": r.English, "database": r.Database, "owner": r.Owner} {
		if strings.TrimSpace(v) == "" {
			bad("%s is missing", field)
		}
	}
	for _, f := range [][2]string{{"database_vi", r.DatabaseVi}, {"owner_vi", r.OwnerVi}} {
		if err := checkVi(f[0], f[1]); err != nil {
			errs = append(errs, err)
		}
	}
	cov := Coverage(r.Coverage)
	if cov.Rank() < 0 {
		bad("coverage %q is not full, partial or conditional", r.Coverage)
	}
	if cov != Full && strings.TrimSpace(r.Note) == "" {
		bad("coverage %s needs a note saying what is missing", cov)
	}
	variants := append([]string{r.Name}, r.Variants...)
	var kept []string
	folded := map[string]bool{}
	for _, v := range variants {
		f := strings.Join(vntext.FoldedWords(v), " ")
		if f == "" {
			bad("variant %q has no words", v)
			continue
		}
		if !folded[f] {
			folded[f] = true
			kept = append(kept, vntext.CollapseSpace(vntext.NFC(v)))
		}
	}
	if len(r.Variants) == 0 {
		bad("variants are missing")
	}
	var excludes []string
	for _, x := range r.Excludes {
		if len(vntext.FoldedWords(x)) == 0 {
			bad("exclude %q has no words", x)
			continue
		}
		excludes = append(excludes, vntext.CollapseSpace(vntext.NFC(x)))
	}
	var broaderNames []string
	var broaderCov Coverage
	if len(r.Broader.Names) > 0 {
		for _, x := range r.Broader.Names {
			if len(vntext.FoldedWords(x)) == 0 {
				bad("broader name %q has no words", x)
				continue
			}
			broaderNames = append(broaderNames, vntext.CollapseSpace(vntext.NFC(x)))
		}
		broaderCov = Coverage(r.Broader.Coverage)
		switch {
		case broaderCov.Rank() < 0:
			bad("broader: coverage %q is not full, partial or conditional", r.Broader.Coverage)
		case cov.Rank() >= 0 && broaderCov.Rank() > cov.Rank():
			bad("broader: coverage %s is wider than the entry's %s", broaderCov, cov)
		}
		if strings.TrimSpace(r.Broader.Note) == "" {
			bad("broader: a note must say which papers of the class the database does not hold")
		}
		if err := checkVi("broader.note_vi", r.Broader.NoteVi); err != nil {
			errs = append(errs, err)
		}
	} else if r.Broader.Coverage != "" || r.Broader.Note != "" {
		bad("broader: names are missing")
	}
	var sources []string
	for _, s := range r.Sources {
		text, ok := c.Sources[s]
		if !ok {
			bad("source %q is not defined under sources", s)
			continue
		}
		sources = append(sources, text)
	}
	if len(r.Sources) == 0 {
		bad("sources are missing: every fact cites its source")
	}
	var bases []Basis
	dropped := false // a basis cites a document that failed to validate
	if len(r.Basis) == 0 {
		bad("basis is missing: every entry cites the legal text that lets an agency look the data up")
	}
	for i, b := range r.Basis {
		doc, ok := c.Documents[b.Document]
		if !ok {
			if c.invalid[b.Document] {
				// Reported with the document; a basis citing it says nothing more.
				dropped = true
				continue
			}
			bad("basis %d: document %q is not defined under documents", i+1, b.Document)
			continue
		}
		st := doc.Status
		if b.Status != "" {
			st = Status(b.Status)
			if !st.valid() {
				bad("basis %d: status %q is not law, news or unsure", i+1, b.Status)
				continue
			}
		}
		from, until := doc.From, doc.Until
		if b.From != "" || b.Until != "" {
			f, u, err := parseSpan(b.From, b.Until, false)
			if err != nil {
				bad("basis %d: %v", i+1, err)
				continue
			}
			// A basis may only narrow its document's dates: the article
			// cannot apply before the document does, nor after it lapses.
			if !f.IsZero() {
				if f.Before(doc.From) {
					bad("basis %d: from %s is before %s's from %s: a basis may only narrow its document's dates", i+1, f.Format(dateLayout), doc.ID, doc.From.Format(dateLayout))
					continue
				}
				from = f
			}
			if !u.IsZero() {
				if !doc.Until.IsZero() && u.After(doc.Until) {
					bad("basis %d: until %s is after %s's until %s: a basis may only narrow its document's dates", i+1, u.Format(dateLayout), doc.ID, doc.Until.Format(dateLayout))
					continue
				}
				until = u
			}
			if !until.IsZero() && until.Before(from) {
				bad("basis %d: until %s is before from %s", i+1, until.Format(dateLayout), from.Format(dateLayout))
				continue
			}
		}
		if err := checkVi("note_vi", b.NoteVi); err != nil {
			bad("basis %d: %v", i+1, err)
			continue
		}
		bases = append(bases, Basis{Document: doc.ID, Title: doc.Title, TitleVi: doc.TitleVi, Article: b.Article, Status: st,
			From: from, Until: until, Note: b.Note, NoteVi: tidy(b.NoteVi)})
	}
	if len(errs) > 0 || dropped {
		return nil, errs
	}
	e := &Entry{ID: r.ID, Name: r.Name, Variants: kept, Excludes: excludes,
		Broader: broaderNames, BroaderCoverage: broaderCov, BroaderNote: r.Broader.Note, BroaderNoteVi: tidy(r.Broader.NoteVi), CitizensOnly: r.Citizens, Companions: r.Companions, English: r.English, Database: r.Database, Owner: r.Owner,
		DatabaseVi: tidy(r.DatabaseVi), OwnerVi: tidy(r.OwnerVi),
		Basis: bases, Coverage: cov, Note: r.Note, Sources: sources}
	e.From, e.Until = span(bases)
	return e, nil
}

// span returns the first From and, when every basis ends, the last Until.
func span(bases []Basis) (from, until time.Time) {
	open := false
	for i, b := range bases {
		if i == 0 || b.From.Before(from) {
			from = b.From
		}
		if b.Until.IsZero() {
			open = true
		} else if b.Until.After(until) {
			until = b.Until
		}
	}
	if open {
		until = time.Time{}
	}
	return from, until
}

func parseSpan(from, until string, needFrom bool) (f, u time.Time, err error) {
	if from == "" && needFrom {
		return f, u, fmt.Errorf("from date is missing")
	}
	if from != "" {
		if f, err = time.Parse(dateLayout, from); err != nil {
			return f, u, fmt.Errorf("from %q is not a YYYY-MM-DD date", from)
		}
	}
	if until != "" {
		if u, err = time.Parse(dateLayout, until); err != nil {
			return f, u, fmt.Errorf("until %q is not a YYYY-MM-DD date", until)
		}
		if !f.IsZero() && u.Before(f) {
			return f, u, fmt.Errorf("until %s is before from %s", until, from)
		}
	}
	return f, u, nil
}

// ParseDate reads a YYYY-MM-DD date, as --as-of takes it.
func ParseDate(s string) (time.Time, error) {
	t, err := time.Parse(dateLayout, s)
	if err != nil {
		return t, fmt.Errorf("date %q is not in YYYY-MM-DD form", s)
	}
	return t, nil
}

func day(t time.Time) time.Time {
	y, m, d := t.Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}

func validID(id string) bool {
	if id == "" {
		return false
	}
	for _, r := range id {
		if !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '-') {
			return false
		}
	}
	return true
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// jsonDate formats t as YYYY-MM-DD, or "" for the zero time.
func jsonDate(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format(dateLayout)
}

// MarshalJSON writes the dates as YYYY-MM-DD, leaving out an open end.
func (b Basis) MarshalJSON() ([]byte, error) {
	type plain Basis
	return json.Marshal(struct {
		plain
		From  string `json:"from"`
		Until string `json:"until,omitempty"`
	}{plain(b), jsonDate(b.From), jsonDate(b.Until)})
}

// MarshalJSON writes the dates as YYYY-MM-DD, leaving out an open end.
func (e Entry) MarshalJSON() ([]byte, error) {
	type plain Entry
	return json.Marshal(struct {
		plain
		From  string `json:"from"`
		Until string `json:"until,omitempty"`
	}{plain(e), jsonDate(e.From), jsonDate(e.Until)})
}

// MarshalJSON writes the dates as YYYY-MM-DD, leaving out an open end.
func (d Document) MarshalJSON() ([]byte, error) {
	type plain Document
	return json.Marshal(struct {
		plain
		From  string `json:"from"`
		Until string `json:"until,omitempty"`
	}{plain(d), jsonDate(d.From), jsonDate(d.Until)})
}
