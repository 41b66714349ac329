package collect

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/redtape-vn/redtape/analyzer/assess"
	"github.com/redtape-vn/redtape/analyzer/catalog"
	"github.com/redtape-vn/redtape/corpus"
	"github.com/redtape-vn/redtape/corpus/demo"
	"github.com/redtape-vn/redtape/reports"
	"github.com/redtape-vn/redtape/reports/golden"
)

var (
	goldenDir = golden.Dir(2, "reports")
	pairDir   = filepath.Join(goldenDir, "pair")
	sharedDir = filepath.Join("..", "..", "..", "shared", "corpus")
	reportDay = time.Date(2026, 11, 23, 0, 0, 0, 0, time.UTC)
)

func checkGolden(t *testing.T, name string, got []byte) {
	t.Helper()
	golden.File(t, filepath.Join(goldenDir, name), got)
}

func load(t testing.TB, paths ...string) ([]*corpus.Procedure, *corpus.Summary) {
	t.Helper()
	procs, sum, err := corpus.Load(context.Background(), paths, corpus.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if sum.Failed() {
		t.Fatalf("read errors: %v", sum.Errors[0])
	}
	return procs, sum
}

func render(t *testing.T, in *reports.Input, lang reports.Lang, html bool) []byte {
	t.Helper()
	var b bytes.Buffer
	var err error
	if html {
		err = reports.WriteHTML(&b, in, reports.Options{Lang: lang})
	} else {
		err = reports.WriteMarkdown(&b, in, reports.Options{Lang: lang})
	}
	if err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func TestDemoGolden(t *testing.T) {
	procs, err := demo.Load(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	in, err := Collect(context.Background(), procs, Options{Generated: reportDay,
		CurrentSummary: &corpus.Summary{Files: 1, Procedures: len(procs)}})
	if err != nil {
		t.Fatal(err)
	}
	if in.Total.Procedures.Current != len(procs) || in.Changes != nil {
		t.Errorf("demo input: %d procedures, changes %v", in.Total.Procedures.Current, in.Changes)
	}
	// Without a baseline nothing is achieved yet.
	if in.Total.Procedures.Cut != 0 || in.Total.Cost.Saving != 0 {
		t.Errorf("achieved without a baseline: %+v", in.Total)
	}
	checkGolden(t, "demo.vi.md", render(t, in, reports.Vietnamese, false))
	checkGolden(t, "demo.en.md", render(t, in, reports.English, false))
	checkGolden(t, "demo.vi.html", render(t, in, reports.Vietnamese, true))
}

func pairInput(t *testing.T, opts Options) *reports.Input {
	t.Helper()
	base, bsum := load(t, filepath.Join(pairDir, "baseline.jsonl"))
	cur, csum := load(t, filepath.Join(pairDir, "current.jsonl"))
	opts.Generated, opts.Baseline, opts.BaselineSummary, opts.CurrentSummary = reportDay, base, bsum, csum
	opts.Corpus, opts.BaselineLabel = "pair/current.jsonl", "pair/baseline.jsonl"
	in, err := Collect(context.Background(), cur, opts)
	if err != nil {
		t.Fatal(err)
	}
	return in
}

// The pair: RT.0001 simplified (a paper dropped, an online channel added),
// RT.0003 abolished, RT.0005 heavier (a condition added), RT.0007 new, the
// rest unchanged.
func TestPairGolden(t *testing.T) {
	in := pairInput(t, Options{})
	ch := in.Changes
	if ch == nil {
		t.Fatal("no changes with a baseline")
	}
	want := map[string]int{"abolished": 1, "simplified": 1, "heavier": 1, "unchanged": 3, "new": 1}
	for s, n := range want {
		if ch.Statuses[s] != n {
			t.Errorf("%s: %d, want %d", s, ch.Statuses[s], n)
		}
	}
	if len(ch.Added) != 1 || ch.Added[0].Code != "RT.0007" || len(ch.Abolished) != 1 || ch.Abolished[0].Code != "RT.0003" {
		t.Errorf("added %v, abolished %v", ch.Added, ch.Abolished)
	}
	p := in.Total.Procedures
	if p.Baseline != 6 || p.Cut != 2 || p.CutFlags < p.Cut {
		t.Errorf("procedures: %+v", p)
	}
	// Opportunities come largest first and only with flagged papers.
	for i, o := range in.Opportunities {
		if o.Papers == 0 || o.Saving <= 0 || (i > 0 && o.Saving > in.Opportunities[i-1].Saving) {
			t.Errorf("opportunity %d: %+v", i, o)
		}
	}
	checkGolden(t, "pair.vi.md", render(t, in, reports.Vietnamese, false))
}

func TestMinistryNarrowing(t *testing.T) {
	in := pairInput(t, Options{Ministry: "bo dan su"}) // no diacritics, part of the name
	if len(in.Ministries) != 1 || in.Ministries[0].Name != "Bộ Dân sự mẫu" {
		t.Fatalf("ministries: %+v", in.Ministries)
	}
	if in.Total.Procedures.Baseline != 3 || in.Total.Procedures.Current != 3 {
		t.Errorf("procedures: %+v", in.Total.Procedures)
	}
	for _, o := range in.Opportunities {
		if o.Ministry != "Bộ Dân sự mẫu" {
			t.Errorf("opportunity of another ministry: %+v", o)
		}
	}
	checkGolden(t, "ministry.vi.md", render(t, in, reports.Vietnamese, false))

	if got := in.Scope.Ministries; len(got) != 1 || got[0] != "Bộ Dân sự mẫu" || in.Scope.Sectors != nil {
		t.Errorf("names matched: %q, sectors %q", got, in.Scope.Sectors)
	}
	sec := pairInput(t, Options{Sector: "Hộ tịch"})
	if sec.Total.Procedures.Current != 2 || len(sec.Sectors) != 1 {
		t.Errorf("sector narrowing: %d procedures, %d sectors", sec.Total.Procedures.Current, len(sec.Sectors))
	}
	if got := sec.Scope.Sectors; len(got) != 1 || got[0] != "Hộ tịch" {
		t.Errorf("sectors matched: %q", got)
	}
	// A part of several names matches them all, in the baseline or the
	// current corpus, and the scope lists each once.
	all := pairInput(t, Options{Ministry: "mau"})
	if got := all.Scope.Ministries; len(got) != 2 || got[0] != "Bộ Dân sự mẫu" || got[1] != "Bộ Kế hoạch mẫu" {
		t.Errorf("ministries matched by a part: %q", got)
	}

	cur, _ := load(t, filepath.Join(pairDir, "current.jsonl"))
	_, err := Collect(context.Background(), cur, Options{Generated: reportDay, Ministry: "Bộ Quốc phòng"})
	if !errors.Is(err, ErrNoMatch) || !strings.Contains(err.Error(), "Bộ Kế hoạch mẫu") {
		t.Errorf("unknown ministry: %v", err)
	}
}

func TestNarrow(t *testing.T) {
	ps := []*corpus.Procedure{
		{Code: "1", Ministry: "Bộ Tài chính", Sector: "Thuế"},
		{Code: "2", Ministry: "Bộ Tài chính", Sector: "Hải quan"},
		{Code: "3", Ministry: "Bộ Tài nguyên", Sector: "Đất đai"},
		{Code: "4", Ministry: "Ngân hàng Nhà nước Việt Nam", Sector: "Tiền tệ"},
	}
	for _, tc := range []struct {
		ministry, sector string
		want             string
	}{
		{"Bộ Tài chính", "", "12"}, // exact wins over "Bộ Tài nguyên"
		{"BO TAI CHINH", "", "12"}, // case and diacritics ignored
		{"bộ tài", "", "123"},      // a part matches every ministry holding it
		{"ngan hang", "", "4"},
		{"", "hai quan", "2"},
		{"tai chinh", "thue", "1"},
	} {
		got, err := narrow(ps, tc.ministry, tc.sector)
		if err != nil {
			t.Errorf("%q/%q: %v", tc.ministry, tc.sector, err)
			continue
		}
		codes := ""
		for _, p := range got {
			codes += p.Code
		}
		if codes != tc.want {
			t.Errorf("%q/%q: got %s, want %s", tc.ministry, tc.sector, codes, tc.want)
		}
	}
	if _, err := narrow(ps, "Bộ Y tế", ""); !errors.Is(err, ErrNoMatch) {
		t.Errorf("no match: %v", err)
	}
}

// The whole shared corpus gives a navigable report: a table of contents,
// collapsed long lists, every ministry in the table.
func TestSharedCorpus(t *testing.T) {
	if testing.Short() {
		t.Skip("reads the whole shared corpus")
	}
	if _, err := os.Stat(sharedDir); err != nil {
		t.Skipf("shared corpus not found at %s: %v", sharedDir, err)
	}
	procs, sum, err := corpus.Load(context.Background(), []string{sharedDir}, corpus.Options{})
	if err != nil {
		t.Fatal(err)
	}
	in, err := Collect(context.Background(), procs, Options{Generated: reportDay, CurrentSummary: sum, Corpus: "shared/corpus"})
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if err := reports.WriteMarkdown(&b, in, reports.Options{}); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	t.Logf("%d procedures, %d ministries, %d sectors, %d databases, %d opportunities, %d flagged papers; report %d bytes",
		len(procs), len(in.Ministries), len(in.Sectors), len(in.Databases), len(in.Opportunities), in.Total.FlaggedPapers, b.Len())
	if len(procs) < 2000 || len(in.Ministries) < 5 {
		t.Errorf("read %d procedures in %d ministries", len(procs), len(in.Ministries))
	}
	if !strings.Contains(out, "## Mục lục") || !strings.Contains(out, "<details>") {
		t.Error("the report lacks a table of contents or collapsed lists")
	}
	if b.Len() > 2<<20 {
		t.Errorf("report is %d bytes: too long to read", b.Len())
	}
	// No English name of the catalog leaks into the Vietnamese report.
	cat, err := catalog.Default()
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range cat.Entries {
		for _, en := range []string{e.Database, e.Owner} {
			if strings.Contains(out, en) {
				t.Errorf("Vietnamese report contains the English name %q", en)
			}
		}
	}
	// The Government's decisions: rows of procedures read are judged, and
	// every one not applied names the paper still asked for and the row.
	d := in.Decisions
	if d == nil || d.Judged < 50 || d.Applied+d.NotApplied+d.PaperNotFound != d.Judged || d.NotApplied != len(d.Pending) {
		t.Fatalf("decisions: %+v", d)
	}
	for _, p := range d.Pending {
		if p.Paper == "" || !strings.Contains(p.CitationVi, "66.7/2025/NQ-CP") || !strings.Contains(p.Citation, "Appendix I, row") {
			t.Errorf("pending decision without its paper or row: %+v", p)
		}
	}
	if !strings.Contains(out, "## Quyết định của Chính phủ chưa được áp dụng") {
		t.Error("the report lacks the section on decisions not applied")
	}
	t.Logf("decisions: %d rows judged, %d applied, %d not applied, %d paper not found", d.Judged, d.Applied, d.NotApplied, d.PaperNotFound)
}

// The report input carries the catalog's Vietnamese names next to the
// English ones; a user catalog without them falls back to English.
func TestVietnameseNames(t *testing.T) {
	procs, err := demo.Load(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	in, err := Collect(context.Background(), procs, Options{Generated: reportDay})
	if err != nil {
		t.Fatal(err)
	}
	if len(in.Databases) == 0 || len(in.Opportunities) == 0 || len(in.Method.Documents) == 0 {
		t.Fatal("demo input has no databases, opportunities or documents")
	}
	for _, db := range in.Databases {
		if db.NameVi == "" || db.OwnerVi == "" || db.NameVi == db.Name {
			t.Errorf("database %q: Vietnamese %q (%q)", db.Name, db.NameVi, db.OwnerVi)
		}
		for _, b := range db.Basis {
			if b.CitationVi == "" || b.CitationVi == b.Citation || (b.Note != "" && b.NoteVi == "") {
				t.Errorf("%s: basis %+v", db.Name, b)
			}
		}
	}
	for _, o := range in.Opportunities {
		if len(o.DatabasesVi) != len(o.Databases) {
			t.Errorf("%s: %d Vietnamese names for %d databases", o.Code, len(o.DatabasesVi), len(o.Databases))
		}
	}
	for _, d := range in.Method.Documents {
		if d.TitleVi == "" || d.SourceVi == "" {
			t.Errorf("document %q has no Vietnamese title or source", d.Title)
		}
	}

	user := `schema: redtape.catalog/v1
replace: true
sources: {me: "a test"}
documents:
  law-x: {title: "Law X", from: 2020-01-01, status: law, source: "me"}
entries:
  - id: id-card
    name: "Căn cước công dân"
    english: "identity card"
    variants: ["CCCD", "chứng minh nhân dân"]
    database: "Identity DB"
    owner: "Ministry X"
    coverage: full
    basis: [{document: law-x, article: "Art. 2.1"}]
    sources: [me]
`
	cat, err := catalog.Parse("user.yaml", []byte(user), nil)
	if err != nil {
		t.Fatal(err)
	}
	in, err = Collect(context.Background(), procs, Options{Generated: reportDay, Assess: assess.Options{Catalog: cat}})
	if err != nil {
		t.Fatal(err)
	}
	out := string(render(t, in, reports.Vietnamese, false))
	for _, want := range []string{"| Identity DB | Ministry X |", "- Law X Art. 2.1\n"} {
		if !strings.Contains(out, want) {
			t.Errorf("report with an English-only catalog lacks %q", want)
		}
	}
}

func TestSourceKey(t *testing.T) {
	sources := map[string]string{"ref": "shared/reference/digitised-data.md (facts)", "ref-news": "official news of 2025", "me": "a test"}
	for _, tc := range []struct {
		en, vi               string
		file, restEn, restVi string
	}{
		{"ref: in force 1 Jul 2024", "ref: hiệu lực 01/7/2024", "shared/reference/digitised-data.md", ": in force 1 Jul 2024", ": hiệu lực 01/7/2024"},
		{"ref table (tax code)", "ref, bảng (mã số thuế)", "shared/reference/digitised-data.md", " table (tax code)", ", bảng (mã số thuế)"},
		{"ref-news: dated 2025", "", "ref-news", ": dated 2025", ""},
		{"me", "me", "me", "", ""},
		{"reference notes", "tài liệu", "", "reference notes", "tài liệu"}, // "ref" only as a part of a word
		{"ref: x", "nguồn khác", "", "ref: x", "nguồn khác"},               // the Vietnamese text names no source
	} {
		file, en, vi := sourceKey(sources, tc.en, tc.vi)
		if file != tc.file || en != tc.restEn || vi != tc.restVi {
			t.Errorf("sourceKey(%q, %q) = %q, %q, %q; want %q, %q, %q", tc.en, tc.vi, file, en, vi, tc.file, tc.restEn, tc.restVi)
		}
	}
}

// The Vietnamese appendix names the catalog's source files, not its keys,
// and quotes no English passage where the catalog glosses it.
func TestVietnameseAppendix(t *testing.T) {
	procs, err := demo.Load(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	in, err := Collect(context.Background(), procs, Options{Generated: reportDay})
	if err != nil {
		t.Fatal(err)
	}
	cat, err := catalog.Default()
	if err != nil {
		t.Fatal(err)
	}
	out := string(render(t, in, reports.Vietnamese, false))
	appendix := out[strings.Index(out, "\n## Phụ lục"):]
	for key := range cat.Sources {
		if strings.Contains(appendix, "| "+key+":") || strings.Contains(appendix, "| "+key+",") || strings.Contains(appendix, "| "+key+" ") {
			t.Errorf("a source cell starts with the key %q", key)
		}
	}
	for _, d := range in.Method.Documents {
		if strings.Contains(d.SourceVi, "'") && strings.Contains(appendix, d.SourceVi) {
			t.Errorf("quoted passage printed as is: %q", d.SourceVi)
		}
	}
	// The built-in parameters carry Vietnamese units and sources: the table
	// prints them and needs no note that it quotes English.
	if strings.Contains(appendix, "trích nguyên văn (tiếng Anh) từ tệp") || strings.Contains(appendix, "assumption of this tool") {
		t.Error("the parameter table quotes the English units and sources")
	}
	if !strings.Contains(appendix, "giả định của công cụ") || !strings.Contains(appendix, "đồng/người/tháng") {
		t.Error("the parameter table lacks the Vietnamese units and sources")
	}
}
