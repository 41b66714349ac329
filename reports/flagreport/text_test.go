package flagreport

import (
	"bytes"
	"context"
	"io"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/redtape-vn/redtape/analyzer/assess"
	"github.com/redtape-vn/redtape/analyzer/catalog"
	"github.com/redtape-vn/redtape/analyzer/decisions"
	"github.com/redtape-vn/redtape/analyzer/flags"
	"github.com/redtape-vn/redtape/internal/i18n"
	"github.com/redtape-vn/redtape/internal/i18n/i18ntest"
)

// corpusReports are the whole reports of the stream's corpora, with one
// decision verdict not applied added so that its lines are printed.
func corpusReports(t *testing.T) map[string]Report {
	t.Helper()
	cat, err := assess.Catalog("", time.Date(2026, 6, 1, 0, 0, 0, 0, time.UTC))
	if err != nil {
		t.Fatal(err)
	}
	list, err := assess.Decisions("")
	if err != nil {
		t.Fatal(err)
	}
	m := flags.NewMatcher(cat)
	out := map[string]Report{}
	for name, procs := range streamCorpora(t) {
		results, err := m.Procedures(context.Background(), procs)
		if err != nil {
			t.Fatal(err)
		}
		dec := assess.JudgeDecisions(list, procs, results, nil)
		dec.NotApplied++
		dec.Verdicts = append(dec.Verdicts, assess.Decided{ID: "Z.9", Name: "Thủ tục thử", Ministry: "Bộ Tư pháp",
			Verdict: decisions.Verdict{Row: &decisions.Row{Title: "Nghị quyết 66.7/2025/NQ-CP", Ref: "1"}, Outcome: decisions.NotApplied, PaperText: "Bản sao Giấy khai sinh"}})
		out[name] = Report{Schema: Schema, AsOf: "2026-06-01", Catalog: cat.Files, Procedures: results, Summary: flags.Summarize(results), Decisions: dec}
	}
	return out
}

// Every text is used and every text the outputs ask for exists: the table
// and Markdown of every corpus have no [[key]] in either language, and
// every key of text.yaml is named in the code, literally or through a
// family of codes.
func TestTextsUsed(t *testing.T) {
	for name, rep := range corpusReports(t) {
		for _, l := range []i18n.Lang{i18n.Vietnamese, i18n.English} {
			for format, write := range map[string]func(io.Writer, Report, i18n.Lang) error{"table": WriteTable, "markdown": WriteMarkdown} {
				var b bytes.Buffer
				if err := write(&b, rep, l); err != nil {
					t.Fatal(err)
				}
				if i := strings.Index(b.String(), "[["); i >= 0 {
					t.Errorf("%s, %s, %s: missing text %s", name, l, format, b.String()[i:min(b.Len(), i+40)])
				}
			}
		}
	}
	families := regexp.MustCompile(`^(status|reason|coverage|basis)_`)
	for _, key := range i18ntest.Unused(t, textData, TextSchema, families.MatchString) {
		t.Errorf("text %s is used nowhere", key)
	}
}

// Every code the outputs label has a text, whose English is the code
// itself (the English output reads as before it had a language) and whose
// Vietnamese is a translation; the paper statuses the estimate names too
// have the estimate's Vietnamese words.
func TestLabelsCoverCodes(t *testing.T) {
	en, err := loadTexts(i18n.English)
	if err != nil {
		t.Fatal(err)
	}
	vi, err := loadTexts(i18n.Vietnamese)
	if err != nil {
		t.Fatal(err)
	}
	codes := map[string]string{}
	for _, st := range flags.Statuses {
		codes["status_"+string(st)] = string(st)
	}
	for _, r := range []string{flags.ReasonFlagged, flags.ReasonForm, flags.ReasonOwnDocument, flags.ReasonNotInCatalog,
		flags.ReasonMentionOnly, flags.ReasonPartlyCovered, flags.ReasonNotCovered} {
		codes["reason_"+r] = r
	}
	for _, c := range []catalog.Coverage{catalog.Full, catalog.Partial, catalog.Conditional} {
		codes["coverage_"+string(c)] = string(c)
	}
	for _, s := range []catalog.Status{catalog.News, catalog.Unsure} {
		codes["basis_"+string(s)] = string(s)
	}
	i18ntest.CodeLabels(t, en, vi, codes)
	// The estimate's words (reports/estimate/text.yaml, state_*).
	for st, want := range map[flags.Status]string{
		flags.StatusReplaceable: "thay được bằng dữ liệu", flags.StatusPartlyReplaceable: "thay được một phần", flags.StatusLookedUp: "đã khai thác dữ liệu",
	} {
		if got := vi.status(st); got != want {
			t.Errorf("%s: Vietnamese %q, the estimate says %q", st, got, want)
		}
	}
	if got := vi.code("coverage_", "someday"); got != "someday" {
		t.Errorf("a coverage without a text prints %q, want the code", got)
	}
}

// Counts and dates follow the language's convention; English prints them
// as before.
func TestNumbersAndNames(t *testing.T) {
	vi, err := loadTexts(i18n.Vietnamese)
	if err != nil {
		t.Fatal(err)
	}
	en, err := loadTexts(i18n.English)
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct{ got, want string }{
		{vi.count(11088), "11.088"}, {en.count(11088), "11088"}, {vi.count(999), "999"}, {vi.count(1234567), "1.234.567"},
		{vi.count(-1200), "−1.200"}, {vi.count(0), "0"},
		{vi.date("2026-06-01"), "01/06/2026"}, {en.date("2026-06-01"), "2026-06-01"}, {vi.date("today"), "today"},
		{vi.name("Cơ sở dữ liệu", "Database"), "Cơ sở dữ liệu"}, {en.name("Cơ sở dữ liệu", "Database"), "Database"},
		{en.name("Bộ Công an", ""), "Bộ Công an"}, {vi.name("", "Database"), "Database"},
	} {
		if tc.got != tc.want {
			t.Errorf("got %q, want %q", tc.got, tc.want)
		}
	}
}

// A paper not flagged shows the analyzer's reason in English, after the
// Vietnamese label of its reason code in Vietnamese.
func TestReasonLabel(t *testing.T) {
	vi, err := loadTexts(i18n.Vietnamese)
	if err != nil {
		t.Fatal(err)
	}
	en, err := loadTexts(i18n.English)
	if err != nil {
		t.Fatal(err)
	}
	p := flags.PaperResult{Status: flags.StatusForm, ReasonCode: flags.ReasonForm, Reason: "a form or declaration the applicant fills in (Đơn)"}
	same := func(s string) string { return s }
	if got, want := en.reason(p, same), p.Reason; got != want {
		t.Errorf("English reason %q, want %q", got, want)
	}
	if got, want := vi.reason(p, same), vi.Get("reason_form")+" — "+p.Reason; got != want {
		t.Errorf("Vietnamese reason %q, want %q", got, want)
	}
	p.ReasonCode = ""
	if got := vi.reason(p, same); got != p.Reason {
		t.Errorf("reason without a code: %q", got)
	}
}

// The Vietnamese table and Markdown name no status, coverage or column by
// its English word, and the JSON does not change with the language.
func TestVietnameseOutputs(t *testing.T) {
	rep := corpusReports(t)["fixtures"]
	var table, md bytes.Buffer
	if err := WriteTable(&table, rep, i18n.Vietnamese); err != nil {
		t.Fatal(err)
	}
	if err := WriteMarkdown(&md, rep, i18n.Vietnamese); err != nil {
		t.Fatal(err)
	}
	for _, out := range []string{table.String(), md.String()} {
		for _, english := range []string{"papers flagged", "procedures affected", "by status", "By status", "partly replaceable:", "if any",
			"in some cases", "replaceable 5", "GOVERNMENT DECISIONS", "Government decisions", "## By ", "(partial)", "| yes |", "| no |", "[unsure]"} {
			if strings.Contains(out, english) {
				t.Errorf("Vietnamese output holds %q", english)
			}
		}
	}
	for _, want := range []string{"BỘ, NGÀNH", "CƠ SỞ DỮ LIỆU", "thay được bằng dữ liệu: 5", "(danh mục dữ liệu số áp dụng tại ngày 01/06/2026)",
		"chưa áp dụng  Z.9", "vẫn yêu cầu nộp \"Bản sao Giấy khai sinh\""} {
		if !strings.Contains(table.String(), want) {
			t.Errorf("Vietnamese table lacks %q", want)
		}
	}
	for _, want := range []string{"## Theo bộ, ngành", "## Theo cơ sở dữ liệu", "| Lĩnh vực | giấy tờ được gắn cờ |", "## Quyết định của Chính phủ", "| có |", "nếu có, trong một số trường hợp"} {
		if !strings.Contains(md.String(), want) {
			t.Errorf("Vietnamese Markdown lacks %q", want)
		}
	}
}
