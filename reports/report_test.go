package reports

import (
	"bytes"
	"fmt"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/redtape-vn/redtape/reports/golden"
)

// goldenDir is testdata/reports at the repository root.
var goldenDir = golden.Dir(1, "reports")

// checkGolden compares got with the golden file name, or rewrites it with -update.
func checkGolden(t *testing.T, name string, got []byte) {
	t.Helper()
	golden.File(t, filepath.Join(goldenDir, name), got)
}

// handmade is an Input built by hand: two ministries, enough sectors and
// procedures to collapse lists, a name full of markup, a baseline.
func handmade() *Input {
	in := &Input{
		Generated: time.Date(2026, 11, 23, 9, 30, 0, 0, time.UTC),
		Target:    20,
		Scope: Scope{Ministry: "", Corpus: "records/current", Baseline: "records/2020",
			Procedures: 40, Files: 3, ReadErrors: 1, BaselineProcedures: 42, BaselineFiles: 2, AsOf: "2026-11-23",
			Unread: []Unread{{Place: "records/current/b.jsonl:7 (record 7)", Reason: "invalid JSON: unexpected end"},
				{Place: "records/current/meta.json", Reason: "summary of a national export", Skipped: true}}},
	}
	mk := func(name string, base, cut, cutF int, before, after, afterF int64) Tally {
		pc := func(n int) float64 { return float64(n) / float64(base) * 100 }
		return Tally{
			Name:        name,
			Regulations: Count{Baseline: base, Current: base - 1, Cut: cut, CutFlags: cutF, Percent: pc(cut), PercentFlags: pc(cutF)},
			Procedures:  Count{Baseline: base, Current: base - 1, Cut: cut, CutFlags: cutF, Percent: pc(cut), PercentFlags: pc(cutF)},
			Papers:      Count{Baseline: base * 4, Current: base*4 - 3, Cut: 3, CutFlags: 3 + cutF, Percent: 300 / float64(base*4), PercentFlags: float64(300+100*cutF) / float64(base*4)},
			Cost: Money{Before: before, After: after, AfterFlags: afterF, Saving: before - after, SavingFlags: before - afterF,
				Percent: float64(before-after) / float64(before) * 100, PercentFlags: float64(before-afterF) / float64(before) * 100, AssumedShare: 0.75},
			FlaggedPapers: cutF * 2, FlaggedProcedures: cutF,
		}
	}
	in.Total = mk("", 42, 5, 14, 50_000_000_000, 46_000_000_000, 38_500_000_000)
	in.Total.States = PaperStates{Achieved: StateCount{4, 3}, WithinReach: StateCount{28, 14}, MostPeople: StateCount{6, 5}}
	in.Ministries = []Tally{
		mk("Bộ Tài chính", 30, 4, 10, 40_000_000_000, 37_000_000_000, 30_000_000_000),
		mk("Bộ <b>Công</b> an | A", 12, 1, 4, 10_000_000_000, 9_000_000_000, 8_500_000_000),
	}
	in.Ministries[0].States = PaperStates{Achieved: StateCount{3, 2}, WithinReach: StateCount{20, 10}, MostPeople: StateCount{5, 4}}
	for i := 0; i < 25; i++ {
		in.Sectors = append(in.Sectors, mk(fmt.Sprintf("Lĩnh vực %02d", i+1), 10, i%3, i%5, int64(1000-i)*1_000_000, int64(990-i)*1_000_000, int64(900-i)*1_000_000))
	}
	db := Database{Name: "National Population Database", NameVi: "Cơ sở dữ liệu quốc gia về dân cư",
		Owner: "Ministry of Public Security", OwnerVi: "Bộ Công an", Papers: 18,
		Basis: []Basis{{Citation: "Resolution 66.7/2025/NQ-CP Art. 4.1.a", CitationVi: "điểm a khoản 1 Điều 4 Nghị quyết 66.7/2025/NQ-CP", Status: "law"},
			{Citation: "Decree 224/2026 Art. 18.4", CitationVi: "khoản 4 Điều 18 Nghị định 224/2026", Status: "unsure",
				Note: "copy not checked", NoteVi: "bản sao chưa đối chiếu"}},
		Entries: []EntryCount{{ID: "identity-card", Name: "Căn cước công dân", English: "identity card", Coverage: "full", Papers: 12},
			{ID: "residence-book", Name: "Sổ hộ khẩu", English: "household book", Coverage: "full", Papers: 6}}}
	for i := 0; i < 14; i++ {
		db.Procedures = append(db.Procedures, ProcedureRef{Code: fmt.Sprintf("1.%06d", i+1), Name: fmt.Sprintf("Thủ tục %d", i+1), Ministry: "Bộ Tài chính", Papers: 1 + i%2})
	}
	in.Databases = []Database{db, {Name: "CSDL `đăng ký` doanh nghiệp", Owner: "Bộ Tài chính", Papers: 2,
		Entries:    []EntryCount{{ID: "business-registration", Name: "Giấy chứng nhận đăng ký doanh nghiệp", English: "business registration", Coverage: "partial", Papers: 2}},
		Procedures: []ProcedureRef{{Code: "2.000001", Name: "Cấp phép <script>alert(1)</script> | loại A", Ministry: "Bộ Tài chính", Papers: 2}}}}
	for i := 0; i < 23; i++ {
		in.Opportunities = append(in.Opportunities, Opportunity{
			ProcedureRef: ProcedureRef{Code: fmt.Sprintf("1.%06d", i+1), Name: fmt.Sprintf("Thủ tục %d", i+1), Ministry: "Bộ Tài chính", Papers: 1, Annual: int64(100-i) * 10_000_000},
			Databases:    []string{"National Population Database"}, DatabasesVi: []string{"Cơ sở dữ liệu quốc gia về dân cư"}, Saving: int64(100-i) * 1_000_000, Percent: 10,
			AssumedShare: 1, Volume: 1000, VolumeMeasured: i%2 == 0})
	}
	in.Changes = &Changes{Statuses: map[string]int{"abolished": 3, "simplified": 2, "mixed": 1, "heavier": 1, "unchanged": 35, "new": 1},
		Added:     []ProcedureRef{{Code: "9.000001", Name: "Thủ tục mới", Ministry: "Bộ Tài chính", Papers: 4, Annual: 2_000_000_000}},
		AddedCost: 2_000_000_000, AbolishedCost: 3_000_000}
	for i := 0; i < 3; i++ {
		in.Changes.Abolished = append(in.Changes.Abolished, ProcedureRef{Code: fmt.Sprintf("8.00000%d", i), Name: "Thủ tục đã bỏ", Ministry: "Bộ Tài chính", Papers: 2, Annual: 1_000_000})
	}
	in.Method = Method{HourlyValue: 30681.82, ParamFiles: []string{"built-in", "ministry.yaml"}, CatalogFiles: []string{"catalog.yaml (built in)"},
		Params: []Param{{Name: "time_value.monthly_income", Value: 5400000, Unit: "VND per person per month", AsOf: "2024", Source: "GSO", Origin: "built-in"},
			{Name: "online_share", Value: 0.8, Unit: "share", Source: "ministry survey | 2026", Origin: "ministry.yaml", Unconfirmed: true}},
		Documents: []Document{{Title: "Circular A", TitleVi: "Thông tư Z", Status: "news", Source: "news"},
			{Title: "Resolution 66.7/2025/NQ-CP", TitleVi: "Nghị quyết 66.7/2025/NQ-CP", Status: "law", Source: "reference", SourceVi: "tài liệu tham khảo"}},
		VolumesAssumed: 20, FeesUnknown: 7, TimeUnknown: 2, SavingAssumedShare: 0.9}
	in.Decisions = &Decisions{Judged: 3, Applied: 1, NotApplied: 2,
		Ministries: []DecisionCount{{Name: "Bộ Tài chính", NotApplied: 2}, {Name: "Bộ <b>Công</b> an | A", Applied: 1}},
		Pending: []PendingDecision{
			{ProcedureRef: ProcedureRef{Code: "2.000001", Name: "Cấp phép | thử", Ministry: "Bộ Tài chính"},
				Paper: "Bản sao Giấy chứng nhận đăng ký doanh nghiệp [x](javascript:alert(1))", Citation: "Resolution 66.7/2025/NQ-CP, Appendix I, row 1", CitationVi: "Nghị quyết 66.7/2025/NQ-CP, Phụ lục I, row 1: Điểm b khoản 1 Điều 10"},
			{ProcedureRef: ProcedureRef{Code: "2.000002", Name: "Gia hạn", Ministry: "Bộ Tài chính"},
				Paper: "Giấy khai sinh", Citation: "Resolution 66.7/2025/NQ-CP, Appendix I, row 2", CitationVi: "Nghị quyết 66.7/2025/NQ-CP, Phụ lục I, row 2"},
		}}
	return in
}

func TestHandmadeGolden(t *testing.T) {
	opts := Options{Lang: Vietnamese, Top: 5, MaxList: 10}
	var md, htm bytes.Buffer
	if err := WriteMarkdown(&md, handmade(), opts); err != nil {
		t.Fatal(err)
	}
	checkGolden(t, "handmade.vi.md", md.Bytes())
	if err := WriteHTML(&htm, handmade(), opts); err != nil {
		t.Fatal(err)
	}
	checkGolden(t, "handmade.vi.html", htm.Bytes())
	out := md.String()
	for _, want := range []string{
		"<details>\n<summary>Xem thêm 20 lĩnh vực</summary>", // 25 sectors, 5 shown
		"… và 10 dòng nữa không liệt kê",                     // 20 collapsed, 10 listed
		"Còn 18 thủ tục khác có giấy tờ đã có dữ liệu",       // 23 opportunities, top 5
		`Cấp phép \<script\>alert(1)\</script\> \| loại A`,
		"khoản 4 Điều 18 Nghị định 224/2026 — *chưa chắc chắn* (bản sao chưa đối chiếu)",
		"| `online_share` | 0,8 | share |   | ministry survey \\| 2026 (đặt trong `ministry.yaml`) | có |",
		"1 tệp hoặc bản ghi không đọc được",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("report lacks %q", want)
		}
	}
}

// A Vietnamese report names databases, owners and legal texts in
// Vietnamese, an English one in English; a name without a Vietnamese
// version stands in both.
func TestNamesInReportLanguage(t *testing.T) {
	tests := []struct {
		lang      Lang
		want, not []string
	}{
		{Vietnamese, []string{
			"| Cơ sở dữ liệu quốc gia về dân cư | Bộ Công an | 18 | 14 |",
			"### Cơ sở dữ liệu quốc gia về dân cư",
			"- điểm a khoản 1 Điều 4 Nghị quyết 66.7/2025/NQ-CP\n",
			"| Cơ sở dữ liệu quốc gia về dân cư | ≈ 100.000.000 đ |",
			"| Nghị quyết 66.7/2025/NQ-CP | đã đối chiếu văn bản | tài liệu tham khảo |\n| Thông tư Z |", // sorted by the Vietnamese title
			"| CSDL \\`đăng ký\\` doanh nghiệp | Bộ Tài chính |",
			"áp dụng tại ngày:** 23/11/2026",
		}, []string{"National Population Database", "Ministry of Public Security", "Resolution", "copy not checked", "2026-11-23"}},
		{English, []string{
			"| National Population Database | Ministry of Public Security | 18 | 14 |",
			"### National Population Database",
			"- Decree 224/2026 Art. 18.4 — *unsure* (copy not checked)",
			"| Circular A | from official news, not read in the text | news |\n| Resolution 66.7/2025/NQ-CP | read in the legal text | reference |",
			"2026-11-23",
		}, []string{"Cơ sở dữ liệu quốc gia về dân cư", "Bộ Công an", "Nghị quyết", "khoản", "Thông tư"}},
	}
	for _, tt := range tests {
		var b bytes.Buffer
		if err := WriteMarkdown(&b, handmade(), Options{Lang: tt.lang}); err != nil {
			t.Fatal(err)
		}
		out := b.String()
		for _, w := range tt.want {
			if !strings.Contains(out, w) {
				t.Errorf("%s report lacks %q", tt.lang, w)
			}
		}
		for _, n := range tt.not {
			if strings.Contains(out, n) {
				t.Errorf("%s report contains %q", tt.lang, n)
			}
		}
	}
}

var linkRE = regexp.MustCompile(`\]\(#([^)]+)\)`)

// Every in-document link points at a heading, in both languages, and no
// text key is missing.
func TestLinksAndTexts(t *testing.T) {
	for _, lang := range []Lang{Vietnamese, English} {
		d, err := build(handmade(), Options{Lang: lang})
		if err != nil {
			t.Fatal(err)
		}
		ids := map[string]bool{}
		for _, b := range d.blocks {
			if h, ok := b.(headingBlock); ok {
				ids[h.id] = true
			}
		}
		out := d.markdown()
		for _, m := range linkRE.FindAllStringSubmatch(out, -1) {
			if !ids[m[1]] {
				t.Errorf("%s: link to #%s has no heading", lang, m[1])
			}
		}
		if i := strings.Index(out, "[["); i >= 0 {
			t.Errorf("%s: missing text key near %q", lang, out[i:min(len(out), i+40)])
		}
		sections := 0
		for _, h := range d.toc {
			if h.level == 2 {
				sections++
			}
		}
		if sections != 8 || len(d.toc) != 8+2+2+5 { // 2 databases, added/abolished, 5 appendix parts
			t.Errorf("%s: %d sections, %d entries in the table of contents, want 8 and 17", lang, sections, len(d.toc))
		}
		if md := d.markdown(); !strings.Contains(md, "\n  - [") {
			t.Errorf("%s: no nested entries in the table of contents", lang)
		}
	}
}

func TestDeterministic(t *testing.T) {
	var a, b bytes.Buffer
	if err := WriteHTML(&a, handmade(), Options{}); err != nil {
		t.Fatal(err)
	}
	if err := WriteHTML(&b, handmade(), Options{}); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a.Bytes(), b.Bytes()) {
		t.Error("two runs on the same input differ")
	}
}

// The HTML page needs nothing from outside and lets no input markup through.
func TestHTMLSelfContained(t *testing.T) {
	var b bytes.Buffer
	if err := WriteHTML(&b, handmade(), Options{Lang: English}); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	for _, bad := range []string{"<link", " src=", "@import", "url(", "<script>alert", "<b>Công</b>", "<img"} {
		if strings.Contains(out, bad) {
			t.Errorf("HTML contains %q", bad)
		}
	}
	if n := strings.Count(out, "<script>"); n != 1 {
		t.Errorf("%d scripts, want only the print helper", n)
	}
	if n := strings.Count(out, "<svg "); n != 2 {
		t.Errorf("%d inline charts, want 2", n)
	}
	if strings.Contains(out, "language-mermaid") {
		t.Error("HTML shows a Mermaid block instead of the SVG chart")
	}
	toc := out[strings.Index(out, `<nav class="toc">`):strings.Index(out, "</nav>")]
	if strings.Count(toc, "<ul>") != strings.Count(toc, "</ul>") || strings.Count(toc, "<li>") != strings.Count(toc, "</li>") {
		t.Errorf("unbalanced table of contents:\n%s", toc)
	}
	if !strings.Contains(out, "<details>") || !strings.Contains(out, "<table>") {
		t.Error("HTML lacks collapsed sections or tables")
	}
	if !strings.Contains(out, "Bộ &lt;b&gt;Công&lt;/b&gt; an | A") {
		t.Error("the ministry name with markup is not shown as text")
	}
}

func TestParseLang(t *testing.T) {
	for in, want := range map[string]Lang{"vi": Vietnamese, "": Vietnamese, "EN": English, " en ": English} {
		if got, err := ParseLang(in); err != nil || got != want {
			t.Errorf("ParseLang(%q) = %q, %v", in, got, err)
		}
	}
	if _, err := ParseLang("fr"); err == nil {
		t.Error("ParseLang accepted fr")
	}
}

var hrefRE = regexp.MustCompile(`href="#([^"]+)"`)

// Every in-document link of the HTML page, in the contents and in the
// prose (the summary's link to the appendix), is a live link to an id of
// the page.
func TestHTMLLinks(t *testing.T) {
	for _, lang := range []Lang{Vietnamese, English} {
		var b bytes.Buffer
		if err := WriteHTML(&b, handmade(), Options{Lang: lang}); err != nil {
			t.Fatal(err)
		}
		out := b.String()
		body := out[strings.Index(out, "</nav>"):]
		links := hrefRE.FindAllStringSubmatch(body, -1)
		if len(links) == 0 {
			t.Errorf("%s: no in-document link outside the contents", lang)
		}
		for _, m := range hrefRE.FindAllStringSubmatch(out, -1) {
			if !strings.Contains(out, `id="`+m[1]+`"`) {
				t.Errorf("%s: link to #%s has no target", lang, m[1])
			}
		}
		if strings.Contains(out, "<tt>") {
			t.Errorf("%s: a link was rendered as plain text (<tt>)", lang)
		}
	}
}

// Text from the records never becomes a live link, an image or markup in
// the HTML page or a Mermaid label, whatever its Markdown or URLs.
func TestInputTextNotLive(t *testing.T) {
	in := handmade()
	hostile := []string{
		"Thủ tục ![img](http://evil.example/a.png) http://evil.example/b <http://evil.example/c>",
		"[bấm](https://evil.example/d) www.evil.example",
		"Bộ <img src=x onerror=alert(3)> &lt;b&gt;",
	}
	in.Ministries[0].Name = hostile[2]
	in.Opportunities[0].Name = hostile[0]
	in.Opportunities[1].Name = hostile[1]
	in.Databases[0].Procedures[0].Name = hostile[0]
	var h, md bytes.Buffer
	if err := WriteHTML(&h, in, Options{}); err != nil {
		t.Fatal(err)
	}
	out := h.String()
	for _, bad := range []string{"<a href=\"http", "<a href=\"www", "<img", "evil.example\" rel"} {
		if strings.Contains(out, bad) {
			t.Errorf("HTML contains %q", bad)
		}
	}
	if !strings.Contains(out, "http://evil.example/a.png") {
		t.Error("the URL in a name is not shown as text")
	}
	if err := WriteMarkdown(&md, in, Options{}); err != nil {
		t.Fatal(err)
	}
	for _, block := range strings.Split(md.String(), "```mermaid")[1:] {
		for _, line := range strings.Split(block[:strings.Index(block, "```")], "\n") {
			if strings.Contains(line, "x-axis") && strings.ContainsAny(line, "<>&") {
				t.Errorf("Mermaid labels keep markup: %s", line)
			}
		}
	}
}

var pluralRE = regexp.MustCompile(`\b1 (procedures|files|papers|databases|sectors|ministries|rows|records)\b|\b1 files or records\b`)

// English counts agree with their nouns: "1 procedure", "2 procedures".
func TestEnglishPlurals(t *testing.T) {
	in := handmade()
	in.Scope.Files, in.Scope.BaselineFiles = 1, 1
	in.Total.FlaggedPapers, in.Total.FlaggedProcedures = 1, 1
	in.Databases = in.Databases[1:] // 2 papers in 1 procedure
	in.Sectors = in.Sectors[:6]     // 5 shown, 1 more
	in.Opportunities = in.Opportunities[:6]
	in.Changes.Abolished = in.Changes.Abolished[:1]
	var b bytes.Buffer
	if err := WriteMarkdown(&b, in, Options{Lang: English, Top: 5}); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	if m := pluralRE.FindString(out); m != "" {
		t.Errorf("English report says %q", m)
	}
	for _, want := range []string{
		"(40 procedures from 1 file)", "1 file or record could not be read and is not counted",
		"**1 paper** in **1 procedure** asks for data the state already holds in 1 database. Dropping it",
		"<summary>Show 1 more sector</summary>", "1 more procedure has flagged papers, saving",
		"1 new procedure, adding", "1 procedure abolished; its compliance cost at the baseline",
		"(2 papers in 1 procedure).",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("English report lacks %q", want)
		}
	}
}

// The abolished procedures are listed with their baseline cost, under a
// heading that says so, after a lead sentence with their total.
func TestAbolishedAtBaselineCost(t *testing.T) {
	for _, tc := range []struct {
		lang       Lang
		lead, head string
	}{
		{Vietnamese, "3 thủ tục đã bãi bỏ; chi phí tuân thủ ở kỳ gốc: ≈ 3.000.000 đ mỗi năm.", "| Chi phí mỗi năm ở kỳ gốc |"},
		{English, "3 procedures abolished; their compliance cost at the baseline: ≈ 3,000,000 VND a year together.", "| Cost per year at the baseline |"},
	} {
		in := handmade()
		in.Changes.AbolishedCost = 3_000_000
		var b bytes.Buffer
		if err := WriteMarkdown(&b, in, Options{Lang: tc.lang}); err != nil {
			t.Fatal(err)
		}
		out := b.String()
		_, sec, _ := strings.Cut(out, "### "+map[Lang]string{Vietnamese: "Thủ tục đã bãi bỏ", English: "Procedures abolished"}[tc.lang])
		sec, _, _ = strings.Cut(sec, "\n## ")
		if !strings.Contains(sec, tc.lead) || !strings.Contains(sec, tc.head) {
			t.Errorf("%s: abolished section lacks %q or %q:\n%s", tc.lang, tc.lead, tc.head, sec)
		}
	}
}

// A list too long to print says which command lists it all: the flagged
// procedures of a database by redtape flag, the changes by redtape estimate.
func TestMoreRowsHint(t *testing.T) {
	in := handmade()
	for i := 0; i < 14; i++ {
		in.Changes.Added = append(in.Changes.Added, ProcedureRef{Code: fmt.Sprintf("9.1%05d", i), Name: "Mới", Papers: 1, Annual: 1})
	}
	var b bytes.Buffer
	if err := WriteMarkdown(&b, in, Options{Top: 5, MaxList: 2}); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	for _, tc := range []struct{ section, hint string }{
		{"### Cơ sở dữ liệu quốc gia về dân cư", "`redtape flag --only-flagged`"},
		{"### Thủ tục mới kể từ kỳ gốc", "`redtape estimate --baseline KỲ_GỐC --current HIỆN_TẠI --format json`"},
		{"## Theo lĩnh vực", "`--top`"},
	} {
		_, sec, _ := strings.Cut(out, tc.section+"\n")
		sec, _, _ = strings.Cut(sec, "\n#")
		if !strings.Contains(sec, "dòng nữa không liệt kê. ") || !strings.Contains(sec, tc.hint) {
			t.Errorf("%s: hint lacks %s:\n%s", tc.section, tc.hint, sec)
		}
	}
}

// The header names the ministries and sectors a filter matched, with the
// text searched for when it is not one of them.
func TestScopeNamesMatched(t *testing.T) {
	for _, tc := range []struct {
		query string
		names []string
		want  string
	}{
		{"Bộ Tài chính", []string{"Bộ Tài chính"}, "**Bộ, ngành:** Bộ Tài chính\n"},
		{"tai chinh", []string{"Bộ Tài chính"}, "**Bộ, ngành:** Bộ Tài chính (tìm theo “tai chinh”)\n"},
		{"Bộ", []string{"Bộ A", "Bộ B"}, "**Bộ, ngành:** Bộ A; Bộ B (tìm theo “Bộ”)\n"},
		{"b", []string{"B1", "B2", "B3", "B4", "B5", "B6", "B7", "B8", "B9", "B10"},
			"**Bộ, ngành:** B1; B2; B3; B4; B5; B6; B7; B8 và 2 khác (tìm theo “b”)\n"},
	} {
		in := handmade()
		in.Scope.Ministry, in.Scope.Ministries = tc.query, tc.names
		var b bytes.Buffer
		if err := WriteMarkdown(&b, in, Options{}); err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(b.String(), tc.want) {
			t.Errorf("%q: header lacks %q", tc.query, tc.want)
		}
	}
}

// The summary explains why the ranking is shorter than the flagged
// procedures, gives the papers droppable for most applicants and those
// looked up already apart, and mentions procedures made heavier.
func TestSummaryReconciles(t *testing.T) {
	in := handmade()
	in.Opportunities = in.Opportunities[:12]
	var b bytes.Buffer
	if err := WriteMarkdown(&b, in, Options{}); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	for _, want := range []string{
		"Ngoài ra, **6 giấy tờ** trong 5 thủ tục có thể bỏ với phần lớn người nộp",
		"Đã làm được: với **4 giấy tờ**, hồ sơ của 3 thủ tục đã ghi rằng cơ quan tự khai thác dữ liệu",
		"Mục Cơ hội cắt giảm chỉ xếp hạng 12 thủ tục mà việc bỏ giấy tờ làm giảm chi phí; ở 2 thủ tục còn lại",
		"1 nặng hơn, 1 nhẹ hơn mặt này nhưng nặng hơn mặt khác, 1 mới.",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("summary lacks %q", want)
		}
	}
	// When every flagged procedure saves and no paper is partly covered or
	// looked up, there is nothing to explain.
	in.Total.FlaggedProcedures = len(in.Opportunities)
	in.Total.States = PaperStates{}
	b.Reset()
	if err := WriteMarkdown(&b, in, Options{}); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(b.String(), "Ngoài ra") || strings.Contains(b.String(), "Đã làm được") || strings.Contains(b.String(), "chỉ xếp hạng") {
		t.Error("reconciling sentence without a difference to explain")
	}
}

// A note says when most of the ranked saving comes from one kind of cost
// costed by unconfirmed parameters, and only then.
func TestRankingDriverNote(t *testing.T) {
	const note = "**Lưu ý:** "
	health := CostPart{Key: "paper_kinds.health_certificate", Params: []string{"paper_kinds.health_certificate.cash", "paper_kinds.health_certificate.hours"}}
	other := CostPart{Key: "paper_kinds.document", Params: []string{"paper_kinds.document.hours"}}
	params := []Param{{Name: "paper_kinds.health_certificate.cash", Value: 300000, Unconfirmed: true},
		{Name: "paper_kinds.health_certificate.hours", Value: 4, Unconfirmed: true},
		{Name: "paper_kinds.document.hours", Value: 0.5, Unconfirmed: true}}
	for _, tc := range []struct {
		name      string
		share     float64 // of each saving from health
		def       bool    // the other part is the default kind
		confirmed bool
		want      string
	}{
		{"mostly one assumed kind", 0.8, false, false, "80,0 % tổng mức tiết kiệm của 5 thủ tục ở bảng trên đến từ một loại chi phí, `paper_kinds.health_certificate`, tính bằng tham số chưa xác nhận (`paper_kinds.health_certificate.cash` = 300.000, `paper_kinds.health_certificate.hours` = 4"},
		{"spread", 0.4, true, false, ""},
		{"the default kind is not a driver", 0.2, true, false, ""},
		{"confirmed figures", 0.8, false, true, ""},
	} {
		in := handmade()
		in.Method.Params = append([]Param(nil), params...)
		if tc.confirmed {
			in.Method.Params[0].Unconfirmed, in.Method.Params[1].Unconfirmed = false, false
		}
		for i := range in.Opportunities {
			o := &in.Opportunities[i]
			h, d := health, other
			h.Saving = int64(float64(o.Saving) * tc.share)
			d.Saving, d.Default = o.Saving-h.Saving, tc.def
			o.Parts = []CostPart{h, d}
		}
		var b bytes.Buffer
		if err := WriteMarkdown(&b, in, Options{Top: 5}); err != nil {
			t.Fatal(err)
		}
		_, sec, _ := strings.Cut(b.String(), "## Cơ hội cắt giảm lớn nhất")
		sec, _, _ = strings.Cut(sec, "\n## ")
		got := strings.Contains(sec, note)
		if got != (tc.want != "") || (tc.want != "" && !strings.Contains(sec, tc.want)) {
			t.Errorf("%s: note %v, want %q:\n%s", tc.name, got, tc.want, sec)
		}
	}
}

// Outside the appendix (and the collapsed lists' hints) the report is
// prose for a minister: no command lines, no options.
func TestNoCommandsInProse(t *testing.T) {
	for _, lang := range []Lang{Vietnamese, English} {
		for _, in := range []*Input{handmade(), {Generated: handmade().Generated, Target: 20}} {
			var b bytes.Buffer
			if err := WriteMarkdown(&b, in, Options{Lang: lang, Top: 5, MaxList: 10}); err != nil {
				t.Fatal(err)
			}
			out := b.String()
			appendix := map[Lang]string{Vietnamese: "\n## Phụ lục", English: "\n## Appendix"}[lang]
			body := out[:strings.Index(out, appendix)]
			body = regexp.MustCompile(`(?s)<details>.*?</details>`).ReplaceAllString(body, "")
			for _, bad := range []string{"`--", "`redtape"} {
				if i := strings.Index(body, bad); i >= 0 {
					t.Errorf("%s: prose has %q: %q", lang, bad, body[max(0, i-60):min(len(body), i+40)])
				}
			}
			if !strings.Contains(out[strings.Index(out, appendix):], "`--target`") {
				t.Errorf("%s: the appendix does not say how to set the target", lang)
			}
		}
	}
}

func TestDates(t *testing.T) {
	for _, tc := range []struct {
		lang     Lang
		in, want string
	}{
		{Vietnamese, "hiệu lực 01/7/2024; ngày 13/9/2025", "hiệu lực 01/07/2024; ngày 13/09/2025"},
		{Vietnamese, "issued 15 Nov 2025, in force 1 January 2026", "issued 15/11/2025, in force 01/01/2026"},
		{English, "issued 15 Nov 2025, 1/7/2024", "issued 2025-11-15, 2024-07-01"},
		{Vietnamese, "online 24/4-31/12/2025, 32/1/2020, Điều 20.3", "online 24/4-31/12/2025, 32/1/2020, Điều 20.3"},
	} {
		w := &writer{opts: Options{Lang: tc.lang}}
		if got := w.dates(tc.in); got != tc.want {
			t.Errorf("%s dates(%q) = %q, want %q", tc.lang, tc.in, got, tc.want)
		}
	}
}

// A baseline without procedures is said so in the header.
func TestEmptyBaselineWarned(t *testing.T) {
	in := handmade()
	in.Total.Procedures.Baseline = 0
	var b bytes.Buffer
	if err := WriteMarkdown(&b, in, Options{Lang: English}); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(b.String(), "- **Warning:** the baseline has no procedure in scope") {
		t.Error("no warning for an empty baseline")
	}
	in.Scope.Baseline = ""
	b.Reset()
	if err := WriteMarkdown(&b, in, Options{Lang: English}); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(b.String(), "**Warning:**") {
		t.Error("warning without a baseline given")
	}
}

// Catalog texts in a Vietnamese report: the source file in a code span
// before the rest, an English passage glossed in Vietnamese printed as the
// gloss; parameters in Vietnamese where given.
func TestVietnameseSources(t *testing.T) {
	in := handmade()
	in.Method.Documents = []Document{{Title: "Resolution 66.7", TitleVi: "Nghị quyết 66.7", Status: "law", SourceFile: "shared/reference/digitised-data.md",
		Source: ", 'The rules that forbid asking again': issued 15 Nov 2025", SourceVi: ", mục 'The rules that forbid asking again' (các quy định cấm yêu cầu lại giấy tờ): ban hành 15/11/2025"}}
	in.Method.Params = []Param{{Name: "a", Value: 1, Unit: "hours", UnitVi: "giờ", Source: "GSO", SourceVi: "Tổng cục Thống kê"}}
	for _, tc := range []struct {
		lang      Lang
		want, not string
	}{
		{Vietnamese, "| Nghị quyết 66.7 | đã đối chiếu văn bản | `shared/reference/digitised-data.md`, mục “các quy định cấm yêu cầu lại giấy tờ”: ban hành 15/11/2025 |", "The rules"},
		{English, "| Resolution 66.7 | read in the legal text | `shared/reference/digitised-data.md`, 'The rules that forbid asking again': issued 2025-11-15 |", "các quy định"},
	} {
		var b bytes.Buffer
		if err := WriteMarkdown(&b, in, Options{Lang: tc.lang}); err != nil {
			t.Fatal(err)
		}
		out := b.String()
		if !strings.Contains(out, tc.want) || strings.Contains(out, tc.not) {
			t.Errorf("%s: sources table lacks %q or has %q", tc.lang, tc.want, tc.not)
		}
		if tc.lang == Vietnamese && (!strings.Contains(out, "| `a` | 1 | giờ |   | Tổng cục Thống kê |") || strings.Contains(out, "trích nguyên văn")) {
			t.Errorf("Vietnamese parameters not used, or said to be quoted")
		}
	}
}

// The appendix names every file the report does not rest on, up to
// MaxUnreadListed per input, with the rest counted; names from outside
// cannot break out of their code span or add lines.
func TestUnreadFilesNamed(t *testing.T) {
	in := handmade()
	in.Scope.BaselineUnread = nil
	for i := 0; i < MaxUnreadListed+3; i++ {
		in.Scope.BaselineUnread = append(in.Scope.BaselineUnread, Unread{Place: fmt.Sprintf("old/r%03d.json", i), Reason: "not a record"})
	}
	in.Scope.Unread = append(in.Scope.Unread, Unread{Place: "evil`|\n## x.json", Reason: "[x](javascript:alert(1))"})
	var b bytes.Buffer
	if err := WriteMarkdown(&b, in, Options{Lang: English}); err != nil {
		t.Fatal(err)
	}
	md := b.String()
	for _, want := range []string{
		"Not used by this report, from the current data:",
		"- `records/current/b.jsonl:7 (record 7)`: could not be read (invalid JSON: unexpected end)",
		"- `records/current/meta.json`: skipped as holding no procedures (summary of a national export)",
		"Not used by this report, from the baseline:",
		fmt.Sprintf("- `old/r%03d.json`: could not be read", MaxUnreadListed-1),
		"- and 3 more files or records (redtape stats lists them all)",
	} {
		if !strings.Contains(md, want) {
			t.Errorf("report lacks %q", want)
		}
	}
	if strings.Contains(md, fmt.Sprintf("old/r%03d.json", MaxUnreadListed)) {
		t.Errorf("more than %d unread files named", MaxUnreadListed)
	}
	if strings.Contains(md, "\n## x.json") || !strings.Contains(md, `\[x\](javascript`) {
		t.Error("an unread file's name or reason escaped its place")
	}
}
