package check_test

import (
	"context"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/redtape-vn/redtape/analyzer/check"
	"github.com/redtape-vn/redtape/analyzer/cost"
	"github.com/redtape-vn/redtape/corpus"
	"github.com/redtape-vn/redtape/internal/i18n"
	"github.com/redtape-vn/redtape/internal/i18n/i18ntest"
)

// messageTexts reads data/messages.yaml by key, then language.
func messageTexts(t *testing.T) map[string]map[string]i18n.Text {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("data", "messages.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	all, err := i18n.Parse(data, check.MessageSchema)
	if err != nil {
		t.Fatal(err)
	}
	return all
}

// englishWords returns the words of the English texts of all that a
// Vietnamese message must not hold: ASCII words of four letters or more
// ("requires", "dossier", "states"), but for the words of rule names and
// of options, which notes name in both languages ("RT008 cost-increase:
// cần --corpus").
func englishWords(t *testing.T, all map[string]map[string]i18n.Text) map[string]bool {
	t.Helper()
	word := regexp.MustCompile(`[A-Za-z]{4,}`)
	names := map[string]bool{}
	rules, err := check.Rules()
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range rules {
		for _, w := range strings.Split(r.Name, "-") {
			names[w] = true
		}
	}
	option := regexp.MustCompile(`--([a-z-]+)`)
	out := map[string]bool{}
	for _, tr := range all {
		en := tr[string(i18n.English)]
		for _, m := range option.FindAllStringSubmatch(en.Other, -1) {
			for _, w := range strings.Split(m[1], "-") {
				names[w] = true
			}
		}
		for _, w := range word.FindAllString(en.One+" "+en.Other, -1) {
			out[strings.ToLower(w)] = true
		}
	}
	for w := range names {
		delete(out, w)
	}
	return out
}

// quoted matches the draft text a message quotes (%q).
var quoted = regexp.MustCompile(`"(?:[^"\\]|\\.)*"`)

// englishIn returns the English words of s outside its quotes that are
// ASCII words of the English texts only.
func englishIn(s string, words map[string]bool) []string {
	var out []string
	for _, w := range regexp.MustCompile(`[A-Za-z]+`).FindAllString(quoted.ReplaceAllString(s, `""`), -1) {
		if words[strings.ToLower(w)] {
			out = append(out, w)
		}
	}
	return out
}

// TestMessagesInBothLanguages checks every fixture (the cost fixture with
// a corpus; all of them once with no catalog nor decisions, for the notes)
// and renders each finding and note in Vietnamese and English: every key
// a rule emitted has both texts, the English text is the finding's Message
// and Fix, and the Vietnamese one holds no [[key]] and no English sentence
// of the templates.
func TestMessagesInBothLanguages(t *testing.T) {
	ctx := context.Background()
	all := messageTexts(t)
	words := englishWords(t, all)
	if len(words) < 50 || !words["requires"] || !words["dossier"] {
		t.Fatalf("only %d English words to look for", len(words))
	}
	procs, _, err := corpus.Load(ctx, []string{filepath.Join("..", "..", "testdata", "corpus", "markdown", "procedures.md")}, corpus.Options{})
	if err != nil {
		t.Fatal(err)
	}
	var drafts []string
	files, err := filepath.Glob(filepath.Join(fixtureDir, "*.*"))
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range files {
		if !strings.HasSuffix(f, ".yaml") && !strings.HasSuffix(f, ".diff") {
			drafts = append(drafts, f)
		}
	}
	cases := []struct {
		opts  check.Options
		files []string
	}{
		{opts: check.Options{Matcher: realMatcher(t), Decisions: realDecisions(t)}, files: drafts},
		{opts: check.Options{}, files: drafts},
		{opts: check.Options{Corpus: procs, Coster: check.CostModel(cost.New(nil))}, files: []string{filepath.Join(fixtureDir, "cost", "amend.md")}},
	}
	keys := map[string]bool{}
	for _, tc := range cases {
		run, err := check.CheckPaths(ctx, check.PathsOptions{Options: tc.opts, Paths: tc.files})
		if err != nil {
			t.Fatal(err)
		}
		if len(run.Files) != len(tc.files) {
			t.Fatalf("checked %d of %d drafts", len(run.Files), len(tc.files))
		}
		var texts []string
		for _, f := range run.Findings() {
			keys = addKeys(keys, f.Msg, f.FixMsg)
			if f.Msg.IsZero() || f.Msg.String() != f.Message || f.FixMsg.String() != f.Fix {
				t.Errorf("%s %s: English %q / %q, message %q / %q", f.File, f.Rule, f.Msg, f.FixMsg, f.Message, f.Fix)
			}
			if en, enFix := f.Text(i18n.English); en != f.Message || enFix != f.Fix {
				t.Errorf("%s %s: Text(en) = %q, %q", f.File, f.Rule, en, enFix)
			}
			msg, fix := f.Text(i18n.Vietnamese)
			if msg == f.Message || fix != "" && fix == f.Fix {
				t.Errorf("%s %s: not translated: %q / %q", f.File, f.Rule, msg, fix)
			}
			texts = append(texts, f.Rule+": "+msg, f.Rule+": "+fix)
		}
		vi := run.NotesIn(i18n.Vietnamese)
		if len(vi) != len(run.Notes) {
			t.Fatalf("notes %v in Vietnamese: %v", run.Notes, vi)
		}
		for i, n := range vi {
			if n == run.Notes[i] {
				t.Errorf("note not translated: %s", n)
			}
		}
		texts = append(texts, vi...)
		if en := run.NotesIn(i18n.English); strings.Join(en, "\n") != strings.Join(run.Notes, "\n") {
			t.Errorf("English notes %v, Notes %v", en, run.Notes)
		}
		for _, n := range run.Notes {
			keys[noteKeys[n]] = true
		}
		for _, s := range texts {
			if strings.Contains(s, "[[") {
				t.Errorf("missing text: %s", s)
			}
			if w := englishIn(s, words); len(w) > 0 {
				t.Errorf("English %q left in %s", w, s)
			}
		}
	}
	for k := range keys {
		if k != "" && all[k] == nil {
			t.Errorf("key %s emitted but not in messages.yaml", k)
		}
	}
	for _, k := range []string{"note_rt001_no_catalog", "note_rt009_no_list", "rt001", "rt002", "rt003", "rt004", "rt005", "rt006",
		"rt007_article", "rt008", "rt009", "rt010", "rt011", "rt012", "rt013", "rt014"} {
		if !keys[k] {
			t.Errorf("no fixture emitted %s: the test does not see that message", k)
		}
	}
}

// noteKeys names the notes of a run by their English text.
var noteKeys = map[string]string{
	check.NewMessage("note_rt001_no_catalog").String(): "note_rt001_no_catalog",
	check.NewMessage("note_rt009_no_list").String():    "note_rt009_no_list",
}

// addKeys adds the keys the messages use to keys.
func addKeys(keys map[string]bool, ms ...check.Message) map[string]bool {
	for _, m := range ms {
		for _, k := range m.Keys() {
			keys[k] = true
		}
	}
	return keys
}

// Every key of messages.yaml is used by the code, literally or, for the
// marks of a basis, through a family.
func TestMessagesUsed(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("data", "messages.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	basis := func(key string) bool { return strings.HasPrefix(key, "basis_") }
	for _, key := range i18ntest.Unused(t, data, check.MessageSchema, basis) {
		t.Errorf("message %s is used nowhere", key)
	}
}

// Arguments that are prose are rendered in the message's language: lists
// joined with the language's "or", numbers with its decimal mark, texts
// given in both languages picked.
func TestMessageArguments(t *testing.T) {
	db := check.Pair("Civil-status e-database", "Cơ sở dữ liệu hộ tịch điện tử")
	m := check.NewMessage("rt001", `"a"`, db)
	if got := m.In(i18n.English); got != `requires "a", which the state already holds as data in the Civil-status e-database` {
		t.Errorf("en: %q", got)
	}
	if got := m.In(i18n.Vietnamese); !strings.Contains(got, "Cơ sở dữ liệu hộ tịch điện tử") || strings.Contains(got, "Civil-status") {
		t.Errorf("vi: %q", got)
	}
	if got := check.NewMessage("rt009_fix", check.NewMessage("rt009_a_database")).In(i18n.Vietnamese); !strings.Contains(got, "(một cơ sở dữ liệu)") {
		t.Errorf("nested message: %q", got)
	}
	if got := check.NewMessage("no_such_key").In(i18n.Vietnamese); got != "[[no_such_key]]" {
		t.Errorf("missing key: %q", got)
	}
	if got := check.Pair("x", "").In(i18n.Vietnamese); got != "x" {
		t.Errorf("pair without vi: %q", got)
	}
	two := check.NewMessage("rt006", "A").Then(check.NewMessage("rt007_above", 3))
	if got := two.String(); got != `requires a dossier paper: "A", above the threshold of 3` || len(two.Keys()) != 2 {
		t.Errorf("Then: %q %v", got, two.Keys())
	}
}
