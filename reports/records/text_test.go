package records

import (
	"bytes"
	"regexp"
	"strings"
	"testing"

	"github.com/redtape-vn/redtape/corpus"
	"github.com/redtape-vn/redtape/corpus/synth"
	"github.com/redtape-vn/redtape/internal/i18n"
	"github.com/redtape-vn/redtape/internal/i18n/i18ntest"
)

// statsCorpus is a synthetic corpus with more than a thousand procedures
// (so that counts need a thousands separator), some without a ministry.
func statsCorpus() []*corpus.Procedure {
	procs := synth.Generate(7, 1500)
	for i := 0; i < len(procs); i += 50 {
		q := *procs[i]
		q.Ministry = ""
		procs[i] = &q
	}
	return procs
}

// Every text is used and every text the output asks for exists: the
// output has no [[key]] in either language, and every key of text.yaml is
// named in the code, literally or as the label of a field.
func TestTextsUsed(t *testing.T) {
	rep := Count(statsCorpus(), &corpus.Summary{Files: 3, Errors: make([]*corpus.ReadError, 2), Skipped: make([]corpus.Skipped, 1)})
	for _, l := range []i18n.Lang{i18n.Vietnamese, i18n.English} {
		var b bytes.Buffer
		if err := WriteStats(&b, rep, l); err != nil {
			t.Fatal(err)
		}
		if i := strings.Index(b.String(), "[["); i >= 0 {
			t.Errorf("%s: missing text %s", l, b.String()[i:min(b.Len(), i+40)])
		}
	}
	all, err := i18n.Parse(textData, TextSchema)
	if err != nil {
		t.Fatal(err)
	}
	labels := map[string]bool{"originals_not_stated": true, "copies_not_stated": true, "fee_kind_fee": true, "fee_kind_charge": true}
	for _, f := range fields {
		labels["field_"+f.name] = true
	}
	// The codes of the record format that show labels.
	for _, u := range []corpus.TimeUnit{corpus.WorkingDays, corpus.Days, corpus.Hours, corpus.WorkingHours, corpus.Months} {
		labels["unit_"+string(u)] = true
	}
	for _, m := range []corpus.ChannelMode{corpus.ModeInPerson, corpus.ModeOnline, corpus.ModePost} {
		labels["mode_"+string(m)] = true
	}
	for _, key := range i18ntest.Unused(t, textData, TextSchema, func(key string) bool { return labels[key] }) {
		t.Errorf("text %s is used nowhere", key)
	}
	for key := range labels {
		if _, ok := all[key]; !ok {
			t.Errorf("%s has no text", key)
		}
	}
}

// A field's English label is its JSON key, so the English output reads as
// it did before it had a language; its Vietnamese label is a translation,
// and no two fields share one.
func TestFieldLabels(t *testing.T) {
	en, err := loadTexts(i18n.English)
	if err != nil {
		t.Fatal(err)
	}
	vi, err := loadTexts(i18n.Vietnamese)
	if err != nil {
		t.Fatal(err)
	}
	codes := map[string]string{}
	for _, f := range fields {
		codes["field_"+f.name] = f.name
	}
	i18ntest.CodeLabels(t, en, vi, codes)
	seen := map[string]string{}
	for _, f := range fields {
		got := vi.Get("field_" + f.name)
		if other, ok := seen[got]; ok {
			t.Errorf("%s and %s share the Vietnamese label %q", other, f.name, got)
		}
		seen[got] = f.name
	}
	if en.Get("no_ministry") != unknownMinistry {
		t.Errorf("English no_ministry %q, the JSON group is %q", en.Get("no_ministry"), unknownMinistry)
	}
}

func TestReadSummaryIn(t *testing.T) {
	for _, tc := range []struct {
		procs, files, failed, skipped int
		vi, en                        string
	}{
		{0, 0, 0, 0, "0 thủ tục từ 0 tệp", "0 procedures from 0 files"},
		{1, 1, 0, 0, "1 thủ tục từ 1 tệp", "1 procedure from 1 file"},
		{2054, 2056, 0, 2, "2.054 thủ tục từ 2.056 tệp; 2 tệp được bỏ qua (xem stderr)",
			"2054 procedures from 2056 files; 2 files skipped (see stderr)"},
		{3, 5, 1, 1, "3 thủ tục từ 5 tệp; 1 tệp hoặc bản ghi không đọc được; 1 tệp được bỏ qua (xem stderr)",
			"3 procedures from 5 files; 1 file or record could not be read; 1 file skipped (see stderr)"},
		{0, 2, 1200, 0, "0 thủ tục từ 2 tệp; 1.200 tệp hoặc bản ghi không đọc được (xem stderr)",
			"0 procedures from 2 files; 1200 files or records could not be read (see stderr)"},
	} {
		for l, want := range map[i18n.Lang]string{i18n.Vietnamese: tc.vi, i18n.English: tc.en, "": tc.vi} {
			got, err := ReadSummaryIn(l, tc.procs, tc.files, tc.failed, tc.skipped)
			if err != nil || got != want {
				t.Errorf("%q: ReadSummaryIn(%d, %d, %d, %d) = %q, %v; want %q", l, tc.procs, tc.files, tc.failed, tc.skipped, got, err, want)
			}
		}
		if got := ReadSummary(tc.procs, tc.files, tc.failed, tc.skipped); got != tc.en {
			t.Errorf("ReadSummary is %q, want the English %q", got, tc.en)
		}
	}
}

// The stats text is the same whether counted as a list or one procedure at
// a time, in either language; in Vietnamese the headings, the total, the
// group without a ministry and the counts are Vietnamese, while the
// ministries are named as the records name them, and the JSON, which
// has no language, keeps its English group name.
func TestWriteStatsLanguages(t *testing.T) {
	procs := statsCorpus()
	sum := &corpus.Summary{Files: 4}
	whole := Count(procs, sum)
	c := NewCounter()
	for _, p := range procs {
		c.Add(p)
	}
	streamed := c.Stats(sum)
	out := map[i18n.Lang]string{}
	for _, l := range []i18n.Lang{i18n.Vietnamese, i18n.English} {
		var a, b bytes.Buffer
		if err := WriteStats(&a, whole, l); err != nil {
			t.Fatal(err)
		}
		if err := WriteStats(&b, streamed, l); err != nil {
			t.Fatal(err)
		}
		if a.String() != b.String() {
			t.Errorf("%s: counted one at a time, the text differs", l)
		}
		out[l] = a.String()
	}
	vi, en := out[i18n.Vietnamese], out[i18n.English]
	for _, want := range []string{"Đã tìm thấy, theo bộ, ngành:\n", "\n  Tổng cộng ", "\n  (chưa nêu bộ, ngành) ",
		"thành phần hồ sơ", "\n\n1.500 thủ tục từ 4 tệp\n"} {
		if !strings.Contains(vi, want) {
			t.Errorf("Vietnamese lacks %q:\n%s", want, vi)
		}
	}
	for _, unwanted := range []string{"Total", "procedures", "ministry", "annual_volume"} {
		if strings.Contains(vi, unwanted) {
			t.Errorf("Vietnamese holds the English %q", unwanted)
		}
	}
	for _, want := range []string{"Found, by ministry:\n", "\n  Total ", "\n  (ministry not stated) ", "annual_volume", "\n\n1500 procedures from 4 files\n"} {
		if !strings.Contains(en, want) {
			t.Errorf("English lacks %q:\n%s", want, en)
		}
	}
	// Both languages name the same ministries, one row each, in the same order.
	for _, m := range whole.Ministries {
		if m.Ministry == unknownMinistry {
			continue
		}
		row := regexp.MustCompile(`(?m)^  ` + regexp.QuoteMeta(m.Ministry) + ` `)
		if n, k := len(row.FindAllString(vi, -1)), len(row.FindAllString(en, -1)); n != 2 || k != 2 {
			t.Errorf("%s: %d rows in Vietnamese, %d in English, want 2 (found, missing)", m.Ministry, n, k)
		}
	}
	// Every line of a table has the width of its header: the columns line up
	// with Vietnamese headers too.
	for l, s := range out {
		for _, table := range strings.Split(strings.TrimSpace(s), "\n\n")[:2] {
			lines := strings.Split(table, "\n")[1:]
			for _, line := range lines[1:] {
				if a, b := len([]rune(line)), len([]rune(lines[0])); a != b {
					t.Errorf("%s: line of %d runes under a header of %d:\n%s\n%s", l, a, b, lines[0], line)
				}
			}
		}
	}
	var j bytes.Buffer
	if err := WriteStatsJSON(&j, whole); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(j.String(), `"ministry": "(ministry not stated)"`) {
		t.Errorf("JSON lacks the group without a ministry")
	}
}
