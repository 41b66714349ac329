package catalog

import (
	"encoding/json"
	"fmt"
	"gopkg.in/yaml.v3"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func TestDefault(t *testing.T) {
	c, err := Default()
	if err != nil {
		t.Fatalf("Default: %v", err)
	}
	want := []string{"residence-book", "residence-confirmation", "id-card", "birth-certificate", "marriage-certificate",
		"marital-status", "death-extract", "civil-status-extract", "health-insurance-card", "social-insurance-book",
		"driving-licence", "vehicle-registration", "business-registration", "household-business-registration",
		"cooperative-registration", "land-certificate", "criminal-record", "health-certificate", "tax-code", "diploma",
		"passport", "family-relationship"}
	for _, id := range want {
		e := c.Entry(id)
		if e == nil {
			t.Errorf("entry %s missing", id)
			continue
		}
		if len(e.Basis) == 0 || len(e.Sources) == 0 || e.Database == "" || e.From.IsZero() {
			t.Errorf("entry %s lacks basis, source, database or date: %+v", id, e)
		}
		if e.Coverage != Full && e.Note == "" {
			t.Errorf("entry %s: %s coverage without a note", id, e.Coverage)
		}
	}
	// The variants seen in real procedures are there.
	for id, v := range map[string]string{"id-card": "CMND", "business-registration": "GCNĐKDN", "land-certificate": "sổ đỏ", "criminal-record": "LLTP", "residence-book": "hộ khẩu"} {
		found := false
		for _, x := range c.Entry(id).Variants {
			found = found || x == v
		}
		if !found {
			t.Errorf("entry %s lacks variant %q", id, v)
		}
	}
}

func TestJSONDates(t *testing.T) {
	c, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	b, err := json.Marshal(c.Entry("criminal-record"))
	if err != nil {
		t.Fatal(err)
	}
	s := string(b)
	for _, want := range []string{`"from":"2026-01-01"`, `"document":"nq66-7"`, `"until":"2027-02-28"`} {
		if !strings.Contains(s, want) {
			t.Errorf("entry JSON lacks %s: %s", want, s)
		}
	}
	if strings.Contains(s, "T00:00:00") || strings.Count(s, `"from"`) != 1+len(c.Entry("criminal-record").Basis) {
		t.Errorf("dates not in YYYY-MM-DD form or repeated: %s", s)
	}
}

func TestInForce(t *testing.T) {
	c, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	day := func(s string) time.Time { d, _ := ParseDate(s); return d }
	tests := []struct {
		day     string
		id      string
		inForce bool
		bases   int
	}{
		{"2022-06-01", "residence-book", false, 0},
		{"2023-01-01", "residence-book", true, 1},   // Decree 104/2022 only
		{"2026-03-01", "residence-book", true, 2},   // + Resolution 66.7
		{"2026-08-01", "residence-book", true, 3},   // + Decree 224/2026
		{"2027-03-01", "residence-book", true, 2},   // Resolution 66.7 lapsed on 28 Feb 2027
		{"2025-12-31", "criminal-record", false, 0}, // Resolution 66.7 not yet
		{"2027-02-28", "criminal-record", true, 2},
		{"2027-03-01", "criminal-record", true, 1}, // Decree 224/2026 [unsure] carries it on
	}
	for _, tt := range tests {
		e := c.InForce(day(tt.day)).Entry(tt.id)
		if (e != nil) != tt.inForce {
			t.Errorf("%s on %s: in force %v, want %v", tt.id, tt.day, e != nil, tt.inForce)
			continue
		}
		if e != nil && len(e.Basis) != tt.bases {
			t.Errorf("%s on %s: %d bases, want %d", tt.id, tt.day, len(e.Basis), tt.bases)
		}
	}
	if c.Entry("residence-book") == nil || len(c.Entry("residence-book").Basis) != 3 {
		t.Error("InForce changed the catalog it was called on")
	}
}

const okFile = `schema: redtape.catalog/v1
sources: {me: "a test"}
documents:
  law-x: {title: "Law X", from: 2020-01-01, status: law, source: "me"}
entries:
  - id: pet-licence
    name: "Giấy phép nuôi thú"
    english: "pet licence"
    variants: ["giấy phép nuôi thú cưng"]
    database: "Pet DB"
    owner: "Ministry of Pets"
    coverage: full
    basis: [{document: law-x, article: "Art. 1"}]
    sources: [me]
`

func TestParseErrors(t *testing.T) {
	tests := []struct {
		name, data, want string
	}{
		{"empty", "", "empty file"},
		{"schema", "schema: other/v9\n", `want "redtape.catalog/v1"`},
		{"unknown field", okFile + "    colour: red\n", "field colour not found"},
		{"no entries", "schema: redtape.catalog/v1\n", "no entries"},
		{"bad id", strings.Replace(okFile, "id: pet-licence", "id: Pet Licence", 1), `entry 1 (Pet Licence): id "Pet Licence"`},
		{"dup id", okFile + strings.SplitN(okFile, "entries:\n", 2)[1], `entry 2 (pet-licence): id "pet-licence" already used`},
		{"bad coverage", strings.Replace(okFile, "coverage: full", "coverage: most", 1), `coverage "most"`},
		{"partial without note", strings.Replace(okFile, "coverage: full", "coverage: partial", 1), "needs a note"},
		{"unknown document", strings.Replace(okFile, "{document: law-x", "{document: law-y", 1), `document "law-y" is not defined`},
		{"unknown source", strings.Replace(okFile, "sources: [me]", "sources: [you]", 1), `source "you" is not defined`},
		{"bad date", strings.Replace(okFile, "from: 2020-01-01", "from: 1 Jan 2020", 1), "not a YYYY-MM-DD date"},
		{"basis before its document", strings.Replace(okFile, `article: "Art. 1"}`, `article: "Art. 1", from: 2019-06-01}`, 1), "from 2019-06-01 is before law-x's from 2020-01-01: a basis may only narrow"},
		{"basis after its document", strings.Replace(strings.Replace(okFile, "from: 2020-01-01,", "from: 2020-01-01, until: 2021-12-31,", 1), `article: "Art. 1"}`, `article: "Art. 1", until: 2022-06-30}`, 1), "until 2022-06-30 is after law-x's until 2021-12-31: a basis may only narrow"},
		{"until before from", strings.Replace(okFile, "from: 2020-01-01,", "from: 2020-01-01, until: 2019-01-01,", 1), "before from"},
		{"no source", strings.Replace(okFile, `source: "me"`, `source: ""`, 1), "source is missing"},
		{"no basis", strings.Replace(okFile, `basis: [{document: law-x, article: "Art. 1"}]`, "basis: []", 1), "basis is missing"},
		{"abbreviation lower case", strings.Replace(okFile, "entries:", "abbreviations: {\"giấy phép\": {short: [gp], sources: [me]}}\nentries:", 1), `abbreviation "gp" of "giấy phép": want one word in capitals`},
		{"abbreviation two words", strings.Replace(okFile, "entries:", "abbreviations: {\"giấy phép\": {short: [\"G P\"], sources: [me]}}\nentries:", 1), "want one word in capitals"},
		{"abbreviation without source", strings.Replace(okFile, "entries:", "abbreviations: {\"giấy phép\": {short: [GP]}}\nentries:", 1), "sources are missing"},
		{"abbreviation unknown source", strings.Replace(okFile, "entries:", "abbreviations: {\"giấy phép\": {short: [GP], sources: [you]}}\nentries:", 1), `source "you" is not defined`},
		{"broader without note", strings.Replace(okFile, "    coverage: full", "    coverage: full\n    broader: {names: [\"giấy tờ nuôi thú\"], coverage: conditional}", 1), "broader: a note must say"},
		{"broader wider", strings.Replace(okFile, "    coverage: full", "    coverage: partial\n    note: n\n    broader: {names: [\"giấy tờ nuôi thú\"], coverage: full, note: n}", 1), "broader: coverage full is wider than the entry's partial"},
		{"broader without names", strings.Replace(okFile, "    coverage: full", "    coverage: full\n    broader: {coverage: conditional, note: n}", 1), "broader: names are missing"},
	}
	for _, tt := range tests {
		_, err := Parse("x.yaml", []byte(tt.data), nil)
		if err == nil || !strings.Contains(err.Error(), tt.want) || !strings.Contains(err.Error(), "x.yaml") {
			t.Errorf("%s: error %v, want one naming x.yaml and containing %q", tt.name, err, tt.want)
		}
	}
}

// TestBasisNarrows: a basis may narrow its document's dates, and the
// entry is in force only within them.
func TestBasisNarrows(t *testing.T) {
	data := strings.Replace(strings.Replace(okFile, "from: 2020-01-01,", "from: 2020-01-01, until: 2030-12-31,", 1),
		`article: "Art. 1"}`, `article: "Art. 1", from: 2021-07-01, until: 2025-06-30}`, 1)
	c, err := Parse("x.yaml", []byte(data), nil)
	if err != nil {
		t.Fatal(err)
	}
	e := c.Entry("pet-licence")
	if got := e.Basis[0].From.Format(dateLayout) + " " + e.Basis[0].Until.Format(dateLayout); got != "2021-07-01 2025-06-30" {
		t.Errorf("basis dates %s, want 2021-07-01 2025-06-30", got)
	}
	for day, want := range map[string]int{"2020-06-01": 0, "2021-07-01": 1, "2025-06-30": 1, "2026-01-01": 0} {
		d, _ := ParseDate(day)
		if n := len(c.InForce(d).Entries); n != want {
			t.Errorf("InForce(%s): %d entries, want %d", day, n, want)
		}
	}
}

// TestBadDocumentOnce: a document that fails to validate is reported once,
// not again as undefined for every basis citing it.
func TestBadDocumentOnce(t *testing.T) {
	data := strings.Replace(okFile, "from: 2020-01-01", "from: 2020-13-01", 1) + strings.Replace(strings.SplitN(okFile, "entries:\n", 2)[1], "pet-licence", "pet-permit", 1)
	_, err := Parse("x.yaml", []byte(data), nil)
	if err == nil || !strings.Contains(err.Error(), `document "law-x"`) {
		t.Fatalf("error %v, want one for document law-x", err)
	}
	if strings.Contains(err.Error(), "not defined") || strings.Count(err.Error(), "\n") != 0 {
		t.Errorf("error %q: want the document's error alone", err)
	}
}

func TestLoadExtendsAndReplaces(t *testing.T) {
	base, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	path := filepath.Join(dir, "mine.yaml")
	if err := os.WriteFile(path, []byte(okFile), 0o644); err != nil {
		t.Fatal(err)
	}
	c, err := Load(path, base)
	if err != nil {
		t.Fatal(err)
	}
	if len(c.Entries) != len(base.Entries)+1 || c.Entry("pet-licence") == nil || c.Entry("id-card") == nil {
		t.Errorf("extend: %d entries, want %d with both", len(c.Entries), len(base.Entries)+1)
	}
	if got := c.Entry("pet-licence").Origin; got != path {
		t.Errorf("origin %q, want %q", got, path)
	}
	// Same id replaces the base entry; replace: true drops the base.
	over := strings.Replace(okFile, "id: pet-licence", "id: id-card", 1)
	c, err = Parse("over.yaml", []byte(over), base)
	if err != nil {
		t.Fatal(err)
	}
	if len(c.Entries) != len(base.Entries) || c.Entry("id-card").Database != "Pet DB" {
		t.Errorf("override: %d entries, id-card database %q", len(c.Entries), c.Entry("id-card").Database)
	}
	c, err = Parse("only.yaml", []byte("replace: true\n"+okFile), base)
	if err != nil {
		t.Fatal(err)
	}
	if len(c.Entries) != 1 {
		t.Errorf("replace: %d entries, want 1", len(c.Entries))
	}
	if _, err := Load(filepath.Join(dir, "missing.yaml"), base); err == nil || !strings.Contains(err.Error(), "missing.yaml") {
		t.Errorf("missing file: %v", err)
	}
}

func FuzzCatalog(f *testing.F) {
	addSeeds(f, "FuzzCatalog")
	f.Add([]byte(okFile))
	// Each entry of the built-in catalog on its own, with the documents it
	// cites: mutations of the whole 37 KB file ran a few inputs a second.
	for _, seed := range entrySeeds(f, defaultData) {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		if len(data) > maxFuzzCatalog {
			return
		}
		c, err := Parse("fuzz.yaml", data, nil)
		if err != nil {
			if !strings.Contains(err.Error(), "fuzz.yaml") {
				t.Fatalf("error does not name the file: %v", err)
			}
			return
		}
		vi := map[string]string{}
		ab := c.Abbreviator()
		for _, e := range c.Entries {
			for _, v := range e.Variants {
				if sp := ab.Spellings(v); len(sp) == 0 || sp[0] != strings.Join(strings.Fields(v), " ") || len(sp) > maxSpellings {
					t.Fatalf("Spellings(%q) = %q", v, sp)
				}
			}
			if e.ID == "" || len(e.Basis) == 0 || len(e.Variants) == 0 {
				t.Fatalf("invalid entry accepted: %+v", e)
			}
			if v, ok := vi[e.Database]; ok && v != e.DatabaseVi {
				t.Fatalf("database %q named %q and %q in Vietnamese", e.Database, v, e.DatabaseVi)
			}
			vi[e.Database] = e.DatabaseVi
		}
		_ = c.InForce(time.Date(2026, 6, 1, 0, 0, 0, 0, time.UTC))
	})
}

// maxFuzzCatalog bounds the inputs FuzzCatalog reads: larger files
// exercise nothing a one-entry file does not, at a fraction of the speed.
const maxFuzzCatalog = 16 << 10

// entrySeeds splits a catalog file into one file per entry, each with the
// schema, sources and abbreviations and only the documents the entry
// cites.
func entrySeeds(f testing.TB, data []byte) [][]byte {
	f.Helper()
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil || len(doc.Content) == 0 {
		f.Fatalf("built-in catalog: %v", err)
	}
	root := doc.Content[0]
	section := func(key string) *yaml.Node {
		for i := 0; i+1 < len(root.Content); i += 2 {
			if root.Content[i].Value == key {
				return root.Content[i+1]
			}
		}
		return nil
	}
	docs, entries := section("documents"), section("entries")
	if docs == nil || entries == nil {
		f.Fatal("built-in catalog: no documents or entries")
	}
	var seeds [][]byte
	for _, e := range entries.Content {
		cited := map[string]bool{}
		var walk func(n *yaml.Node)
		walk = func(n *yaml.Node) {
			for i := 0; i+1 < len(n.Content); i++ {
				if n.Kind == yaml.MappingNode && i%2 == 0 && n.Content[i].Value == "document" {
					cited[n.Content[i+1].Value] = true
				}
			}
			for _, c := range n.Content {
				walk(c)
			}
		}
		walk(e)
		mine := &yaml.Node{Kind: yaml.MappingNode}
		for i := 0; i+1 < len(docs.Content); i += 2 {
			if cited[docs.Content[i].Value] {
				mine.Content = append(mine.Content, docs.Content[i], docs.Content[i+1])
			}
		}
		out := &yaml.Node{Kind: yaml.MappingNode}
		for i := 0; i+1 < len(root.Content); i += 2 {
			k, v := root.Content[i], root.Content[i+1]
			switch k.Value {
			case "documents":
				v = mine
			case "entries":
				v = &yaml.Node{Kind: yaml.SequenceNode, Content: []*yaml.Node{e}}
			}
			out.Content = append(out.Content, k, v)
		}
		b, err := yaml.Marshal(out)
		if err != nil {
			f.Fatal(err)
		}
		seeds = append(seeds, b)
	}
	return seeds
}

// addSeeds adds the files of testdata/fuzz/<target>/ at the repository root.
func addSeeds(f *testing.F, target string) {
	seeds, _ := filepath.Glob(filepath.Join("..", "..", "testdata", "fuzz", target, "*"))
	for _, s := range seeds {
		if b, err := os.ReadFile(s); err == nil {
			f.Add(b)
		}
	}
}

func ExampleCatalog_InForce() {
	c, _ := Default()
	day, _ := ParseDate("2025-06-01")
	for _, e := range c.InForce(day).Entries[:3] {
		fmt.Println(e.ID, e.Basis[0])
	}
	// Output:
	// residence-book Decree 104/2022/NĐ-CP [news]
	// residence-confirmation Circular 55/2021/TT-BCA (amended by 66/2023) Art. 17 [unsure]
	// id-card Law on Identification 2023 (26/2023/QH15) Art. 20.3
}

func TestSpellings(t *testing.T) {
	c, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	a := c.Abbreviator()
	tests := []struct {
		name string
		want []string // among the spellings
		not  []string // not among them
	}{
		{"giấy chứng nhận đăng ký doanh nghiệp", []string{"giấy chứng nhận đăng ký doanh nghiệp", "GCN đăng ký DN", "giấy CN ĐK DN", "GCN ĐK DN", "giấy chứng nhận ĐK doanh nghiệp"}, nil},
		{"giấy chứng nhận đăng ký kinh doanh", []string{"GCN ĐKKD", "giấy chứng nhận ĐK KD"}, nil},
		{"giấy chứng nhận quyền sử dụng đất, quyền sở hữu nhà ở", []string{"GCN QSDĐ, quyền sở hữu nhà ở", "GCN QSD đất, quyền sở hữu nhà ở"}, nil},
		// A phrase does not run across punctuation.
		{"giấy chứng, nhận", []string{"giấy chứng, nhận"}, []string{"giấy CN"}},
		{"sổ hộ khẩu", []string{"sổ hộ khẩu"}, nil},
	}
	for _, tt := range tests {
		got := a.Spellings(tt.name)
		if len(got) == 0 || got[0] != tt.name || len(got) > maxSpellings {
			t.Errorf("Spellings(%q) = %q: want the name first, at most %d", tt.name, got, maxSpellings)
		}
		set := map[string]bool{}
		for _, g := range got {
			set[g] = true
		}
		for _, w := range tt.want {
			if !set[w] {
				t.Errorf("Spellings(%q) lacks %q: %q", tt.name, w, got)
			}
		}
		for _, w := range tt.not {
			if set[w] {
				t.Errorf("Spellings(%q) has %q", tt.name, w)
			}
		}
	}
}

// Every one-entry seed of FuzzCatalog is a valid catalog of one entry
// within the size the target reads: otherwise the fuzzer would start from
// errors or skipped inputs only.
func TestEntrySeedsParse(t *testing.T) {
	seeds := entrySeeds(t, defaultData)
	def, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	if len(seeds) != len(def.Entries) {
		t.Fatalf("%d seeds for %d entries", len(seeds), len(def.Entries))
	}
	for i, seed := range seeds {
		c, err := Parse("seed.yaml", seed, nil)
		if err != nil {
			t.Fatalf("seed %d: %v", i, err)
		}
		if len(c.Entries) != 1 || c.Entries[0].ID != def.Entries[i].ID {
			t.Errorf("seed %d holds %d entries, want entry %s alone", i, len(c.Entries), def.Entries[i].ID)
		}
		if len(seed) > maxFuzzCatalog {
			t.Errorf("seed %d (%s) is %d bytes, over the %d FuzzCatalog reads", i, def.Entries[i].ID, len(seed), maxFuzzCatalog)
		}
	}
}
