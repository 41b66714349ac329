package findings

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/redtape-vn/redtape/analyzer/check"
	"github.com/redtape-vn/redtape/internal/i18n"
	"github.com/redtape-vn/redtape/reports/golden"
)

// goldenDir holds the expected outputs.
var goldenDir = filepath.Join("..", "..", "testdata", "check", "golden")

// sampleReport is a fixed report: two files, findings of every severity,
// a metric, characters that need escaping in every format.
func sampleReport(t *testing.T) *Report {
	t.Helper()
	rules, err := check.Rules()
	if err != nil {
		t.Fatal(err)
	}
	r := &Report{Tool: "redtape", Version: "0.1.0", FailOn: check.SeverityWarning}
	for _, ru := range rules {
		sev := ru.Severity
		if ru.ID == "RT005" {
			sev = check.SeverityOff
		}
		r.Rules = append(r.Rules, RuleInfo{Rule: ru, Severity: sev})
	}
	db := check.Pair("Civil-status e-database", "Cơ sở dữ liệu hộ tịch điện tử")
	r.Files = []*check.FileResult{
		{Path: "drafts/nghị-định.md", Format: check.FormatMarkdown, Tally: check.Tally{Articles: 4, Procedures: 2, Dossiers: 1, Papers: 5, Conditions: 2, RequirementWords: 7, Suppressed: 1}},
		{Path: "drafts/b.html", Format: check.FormatHTML, Tally: check.Tally{Articles: 1, Procedures: 1, Dossiers: 1, Papers: 4}},
	}
	// Each finding is kept once, in its file's result.
	r.Files[0].Findings = []check.Finding{
		{File: "drafts/nghị-định.md", Line: 3, Column: 1, EndLine: 3, EndColumn: 20, Rule: "RT007", Name: "requirement-words", Severity: check.SeverityMetric,
			Message: `Article 1 has 2 requirement words ("phải"×2)`, Msg: check.NewMessage("rt007_article", "1", 2, ` ("phải"×2)`), Article: "1", Metric: &check.Metric{Name: "requirement_words", Value: 2, Detail: map[string]int{"phải": 2}}, Fingerprint: "aa03"},
		{File: "drafts/nghị-định.md", Line: 20, Column: 4, EndLine: 20, EndColumn: 40, Rule: "RT006", Name: "new-paper", Severity: check.SeverityInfo,
			Message: `requires a dossier paper: "Đơn đề nghị"`, Msg: check.NewMessage("rt006", "Đơn đề nghị"), Snippet: "Đơn đề nghị", Article: "3", Fingerprint: "aa04"},
	}
	r.Files[1].Findings = []check.Finding{
		{File: "drafts/b.html", Line: 9, Column: 10, EndLine: 9, EndColumn: 32, Rule: "RT001", Name: "digitised-paper", Severity: check.SeverityError,
			Message: `requires "giấy khai sinh", which the state already holds as data in the Civil-status e-database`,
			Fix:     "look the data up in the Civil-status e-database (Decree 87/2020/NĐ-CP Art. 24.7) instead of requiring it", Snippet: "giấy khai sinh", Fingerprint: "aa01",
			Msg:    check.NewMessage("rt001", `"giấy khai sinh"`, db),
			FixMsg: check.NewMessage("rt001_fix_basis", db, check.Pair("Decree 87/2020/NĐ-CP Art. 24.7", "khoản 7 Điều 24 Nghị định 87/2020/NĐ-CP"))},
		{File: "drafts/b.html", Line: 11, Column: 5, EndLine: 12, EndColumn: 3, Rule: "RT002", Name: "catch-all-requirement", Severity: check.SeverityWarning,
			Message: "open-ended requirement \"Tài liệu khác, theo yêu cầu | 100%\": the applicant cannot know\nwhen the dossier is complete", Fix: "name each paper required, or drop the item",
			Msg: check.NewMessage("rt002", "Tài liệu khác, theo yêu cầu | 100%"), FixMsg: check.NewMessage("rt002_fix"),
			Snippet: "Tài liệu khác", Fingerprint: "aa02"},
	}
	r.AddMessage(check.NewMessage("note_rt008_no_corpus"))
	// The findings' English messages are their messages' English texts
	// (but for the line break of RT002, kept to test escaping).
	for _, f := range r.Findings() {
		if got := strings.Replace(f.Msg.String(), "know when", "know\nwhen", 1); got != f.Message || f.FixMsg.String() != f.Fix {
			t.Fatalf("%s: message %q, fix %q do not match %q, %q", f.Rule, f.Msg, f.FixMsg, f.Message, f.Fix)
		}
	}
	r.Unreadable = []Unreadable{{File: "drafts/scan|1.pdf", Error: "read draft drafts/scan|1.pdf: not text: 212 NUL characters (a binary file, or UTF-16 without a byte-order mark)"}}
	return r
}

func TestGolden(t *testing.T) {
	for _, format := range Formats() {
		t.Run(format, func(t *testing.T) {
			var buf bytes.Buffer
			if err := Write(&buf, format, sampleReport(t)); err != nil {
				t.Fatal(err)
			}
			ext := map[string]string{"text": "txt", "json": "json", "sarif": "sarif", "github": "github.txt", "markdown": "md"}[format]
			path := filepath.Join(goldenDir, "report."+ext)
			golden.File(t, path, buf.Bytes())
		})
	}
	if err := Write(&bytes.Buffer{}, "xml", sampleReport(t)); err == nil {
		t.Error("unknown format accepted")
	}
}

// TestGoldenVietnamese writes the sample report in Vietnamese: the prose
// formats to their own golden files, the machine formats (JSON, SARIF)
// byte for byte as in English.
func TestGoldenVietnamese(t *testing.T) {
	for _, format := range Formats() {
		t.Run(format, func(t *testing.T) {
			var en, en2, vi bytes.Buffer
			if err := Write(&en, format, sampleReport(t)); err != nil {
				t.Fatal(err)
			}
			r2 := sampleReport(t)
			r2.Lang = i18n.English
			if err := Write(&en2, format, r2); err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(en.Bytes(), en2.Bytes()) {
				t.Errorf("%s: Lang en differs from the empty Lang", format)
			}
			if format != "json" && format != "sarif" {
				r2.Lang = "fr"
				if err := Write(&bytes.Buffer{}, format, r2); err == nil {
					t.Errorf("%s: Lang fr accepted", format)
				}
			}
			r := sampleReport(t)
			r.Lang = i18n.Vietnamese
			if err := Write(&vi, format, r); err != nil {
				t.Fatal(err)
			}
			switch format {
			case "json", "sarif":
				if !bytes.Equal(en.Bytes(), vi.Bytes()) {
					t.Errorf("%s differs with Lang vi", format)
				}
				return
			}
			if bytes.Equal(en.Bytes(), vi.Bytes()) {
				t.Fatalf("%s: Vietnamese output is the English one", format)
			}
			for _, english := range []string{"requires", "look the data up", "finding", "defined:", "note:", "Fix:", "could not be read", "suggested fix", "failed"} {
				if strings.Contains(vi.String(), english) {
					t.Errorf("%s: English %q left in the Vietnamese output", format, english)
				}
			}
			if i := strings.Index(vi.String(), "[["); i >= 0 {
				t.Errorf("%s: missing text %s", format, vi.String()[i:min(vi.Len(), i+40)])
			}
			ext := map[string]string{"text": "txt", "github": "github.txt", "markdown": "md"}[format]
			golden.File(t, filepath.Join(goldenDir, "report.vi."+ext), vi.Bytes())
		})
	}
}

func TestJSONContract(t *testing.T) {
	var buf bytes.Buffer
	if err := WriteJSON(&buf, sampleReport(t)); err != nil {
		t.Fatal(err)
	}
	var doc struct {
		Schema  string `json:"schema"`
		FailOn  string `json:"fail_on"`
		Summary struct {
			BySeverity map[string]int `json:"by_severity"`
			Findings   int            `json:"findings"`
			Metrics    int            `json:"metrics"`
			Papers     int            `json:"papers"`
		} `json:"summary"`
		Findings []map[string]any `json:"findings"`
		Rules    []map[string]any `json:"rules"`
	}
	if err := json.Unmarshal(buf.Bytes(), &doc); err != nil {
		t.Fatal(err)
	}
	if doc.Schema != "redtape.check/v1" || doc.FailOn != "warning" || doc.Summary.Findings != 3 || doc.Summary.Metrics != 1 || doc.Summary.Papers != 9 {
		t.Errorf("header = %+v", doc)
	}
	if len(doc.Findings) != 4 || doc.Findings[0]["severity"] != "error" || doc.Findings[0]["rule"] != "RT001" {
		t.Errorf("findings = %v", doc.Findings)
	}
	for _, key := range []string{"file", "line", "column", "end_line", "end_column", "rule", "name", "severity", "message", "fingerprint"} {
		if _, ok := doc.Findings[1][key]; !ok {
			t.Errorf("finding lacks %q", key)
		}
	}
	if len(doc.Rules) != 14 || doc.Rules[4]["severity"] != "off" || doc.Rules[4]["default_severity"] != "info" {
		t.Errorf("rules = %v", doc.Rules)
	}
}

func TestGitHubEscaping(t *testing.T) {
	var buf bytes.Buffer
	if err := WriteGitHub(&buf, sampleReport(t)); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(buf.String()), "\n")
	if len(lines) != 5 { // error, warning, notice (info), unreadable input, summary; the metric is left out
		t.Fatalf("annotations = %d:\n%s", len(lines), buf.String())
	}
	if !strings.HasPrefix(lines[1], "::warning file=drafts/b.html,line=11,endLine=12,col=5,endColumn=3,title=RT002 catch-all-requirement::") {
		t.Errorf("warning line = %q", lines[1])
	}
	if strings.Contains(lines[1], "\n") || !strings.Contains(lines[1], "%0A") || !strings.Contains(lines[1], "100%25") {
		t.Errorf("message not escaped: %q", lines[1])
	}
	if !strings.HasPrefix(lines[2], "::notice file=drafts/nghị-định.md,line=20") {
		t.Errorf("info line = %q", lines[2])
	}
	if !strings.HasPrefix(lines[3], "::error file=drafts/scan|1.pdf,title=unreadable input::read draft drafts/scan|1.pdf: not text") {
		t.Errorf("unreadable line = %q", lines[3])
	}
}

// TestUnreadableStatus: a run whose inputs could not all be read is not
// reported as passed or successful, even without a failing finding.
func TestUnreadableStatus(t *testing.T) {
	for _, tt := range []struct {
		unreadable bool
		md, sarif  string
	}{
		{false, "## redtape check: ✅ passed", `"executionSuccessful": true`},
		{true, "## redtape check: ⚠️ incomplete", `"executionSuccessful": false`},
	} {
		r := sampleReport(t)
		r.FailOn = check.SeverityError
		r.Files[1].Findings = r.Files[1].Findings[1:] // no error left
		if !tt.unreadable {
			r.Unreadable = nil
		}
		var md, sarif bytes.Buffer
		if err := WriteMarkdown(&md, r); err != nil {
			t.Fatal(err)
		}
		if err := WriteSARIF(&sarif, r); err != nil {
			t.Fatal(err)
		}
		if !strings.HasPrefix(md.String(), tt.md) || strings.Contains(md.String(), "could not read") != tt.unreadable {
			t.Errorf("unreadable %v: markdown:\n%s", tt.unreadable, md.String())
		}
		if !strings.Contains(sarif.String(), tt.sarif) || strings.Contains(sarif.String(), "toolExecutionNotifications") != tt.unreadable {
			t.Errorf("unreadable %v: sarif lacks %s", tt.unreadable, tt.sarif)
		}
		for _, e := range validateSARIF(sarif.Bytes()) {
			t.Error(e)
		}
	}
}

// TestSARIFValid checks the SARIF output against the SARIF 2.1.0 JSON
// schema and what GitHub code scanning needs (ruleIndex, partialFingerprints,
// a location per result), and that the validator rejects broken logs.
func TestSARIFValid(t *testing.T) {
	var buf bytes.Buffer
	if err := WriteSARIF(&buf, sampleReport(t)); err != nil {
		t.Fatal(err)
	}
	if errs := validateSARIF(buf.Bytes()); len(errs) > 0 {
		for _, e := range errs {
			t.Error(e)
		}
	}
	// The validator must catch what it claims to.
	bad := strings.Replace(buf.String(), `"startLine": 9`, `"startLine": 0`, 1)
	bad = strings.Replace(bad, `"level": "warning"`, `"level": "warn"`, 1)
	bad = strings.Replace(bad, `"version": "2.1.0"`, `"version": "2.0.0"`, 1)
	bad = strings.Replace(bad, `"executionSuccessful": false`, `"executionSuccessful": "no"`, 1)
	if errs := validateSARIF([]byte(bad)); len(errs) < 4 {
		t.Errorf("validator missed broken properties: %v", errs)
	}
	// Each kind of mistake alone: the schema catches what a hand-written
	// subset would miss (an unknown property, a bad URI, a bad enum).
	for _, tt := range []struct{ name, from, to string }{
		{"startLine 0", `"startLine": 9`, `"startLine": 0`},
		{"level", `"level": "warning"`, `"level": "warn"`},
		{"version", `"version": "2.1.0"`, `"version": "2.0.0"`},
		{"executionSuccessful", `"executionSuccessful": false`, `"executionSuccessful": "no"`},
		{"unknown property", `"ruleId": "RT002"`, `"ruleId": "RT002", "rule_id": "RT002"`},
		{"columnKind", `"columnKind": "unicodeCodePoints"`, `"columnKind": "codePoints"`},
		{"helpUri", `"helpUri": "https://`, `"helpUri": "not a uri https://`},
		{"ruleIndex", `"ruleIndex": 1,`, `"ruleIndex": 0,`},
		{"no fingerprints", `"partialFingerprints": {`, `"fingerprintz": {`},
	} {
		broken := strings.Replace(buf.String(), tt.from, tt.to, 1)
		if broken == buf.String() {
			t.Fatalf("%s: %q not in the SARIF output", tt.name, tt.from)
		}
		if errs := validateSARIF([]byte(broken)); len(errs) == 0 {
			t.Errorf("%s: validator accepted a broken log", tt.name)
		}
	}
}

func TestSARIFFingerprintsStable(t *testing.T) {
	r := sampleReport(t)
	var a, b bytes.Buffer
	if err := WriteSARIF(&a, r); err != nil {
		t.Fatal(err)
	}
	// Lines move (text added above): fingerprints stay.
	for _, f := range r.Files {
		for i := range f.Findings {
			f.Findings[i].Line += 5
			f.Findings[i].EndLine += 5
		}
	}
	if err := WriteSARIF(&b, r); err != nil {
		t.Fatal(err)
	}
	fp := func(data []byte) []string {
		var log struct {
			Runs []struct {
				Results []struct {
					PartialFingerprints map[string]string `json:"partialFingerprints"`
				} `json:"results"`
			} `json:"runs"`
		}
		if err := json.Unmarshal(data, &log); err != nil {
			t.Fatal(err)
		}
		var out []string
		for _, res := range log.Runs[0].Results {
			out = append(out, res.PartialFingerprints["redtapeFinding/v1"]+"/"+res.PartialFingerprints["primaryLocationLineHash"])
		}
		return out
	}
	if x, y := fp(a.Bytes()), fp(b.Bytes()); strings.Join(x, " ") != strings.Join(y, " ") || len(x) != 3 {
		t.Errorf("fingerprints changed with line numbers: %v vs %v", x, y)
	}
}

// sarifSchemaFile is the SARIF 2.1.0 JSON schema published with the OASIS
// standard, vendored (see its README for source and licence).
var sarifSchemaFile = filepath.Join("..", "..", "testdata", "check", "sarif", "sarif-2.1.0-rtm.5.json")

// sarifSchema compiles the vendored schema once per test binary.
var sarifSchema = sync.OnceValues(func() (*jsonschema.Schema, error) {
	f, err := os.Open(sarifSchemaFile)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	doc, err := jsonschema.UnmarshalJSON(f)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", sarifSchemaFile, err)
	}
	c := jsonschema.NewCompiler()
	c.AssertFormat() // "uri", "date-time" … are checked, as the schema intends
	const loc = "urn:redtape:sarif-2.1.0.json"
	if err := c.AddResource(loc, doc); err != nil {
		return nil, fmt.Errorf("%s: %w", sarifSchemaFile, err)
	}
	sch, err := c.Compile(loc)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", sarifSchemaFile, err)
	}
	return sch, nil
})

// validateSARIF validates a SARIF log against the SARIF 2.1.0 JSON schema
// (draft-04) and checks what GitHub code scanning needs beyond it: a
// results array, each result with a location, partialFingerprints and a
// ruleIndex pointing at its rule.
func validateSARIF(data []byte) []error {
	sch, err := sarifSchema()
	if err != nil {
		return []error{fmt.Errorf("SARIF schema: %w", err)}
	}
	inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(data))
	if err != nil {
		return []error{err}
	}
	var errs []error
	if err := sch.Validate(inst); err != nil {
		var ve *jsonschema.ValidationError
		if !errors.As(err, &ve) {
			return []error{err}
		}
		// One error per failing leaf keyword, located in the log.
		var leaves func(e *jsonschema.ValidationError)
		leaves = func(e *jsonschema.ValidationError) {
			if len(e.Causes) == 0 {
				msg := strings.TrimSpace(e.Error())
				if i := strings.LastIndex(msg, "\n"); i >= 0 {
					msg = strings.TrimSpace(msg[i+1:])
				}
				errs = append(errs, fmt.Errorf("schema: %s", strings.TrimPrefix(msg, "- ")))
			}
			for _, c := range e.Causes {
				leaves(c)
			}
		}
		leaves(ve)
	}
	var log struct {
		Runs []struct {
			Tool struct {
				Driver struct {
					Rules []struct {
						ID string `json:"id"`
					} `json:"rules"`
				} `json:"driver"`
			} `json:"tool"`
			Results *[]struct {
				RuleID              string            `json:"ruleId"`
				RuleIndex           *int              `json:"ruleIndex"`
				Locations           []json.RawMessage `json:"locations"`
				PartialFingerprints map[string]string `json:"partialFingerprints"`
			} `json:"results"`
		} `json:"runs"`
	}
	if err := json.Unmarshal(data, &log); err != nil {
		return append(errs, err)
	}
	for ri, run := range log.Runs {
		if run.Results == nil {
			errs = append(errs, fmt.Errorf("runs[%d].results missing (code scanning needs the array, even empty)", ri))
			continue
		}
		for i, res := range *run.Results {
			w := fmt.Sprintf("runs[%d].results[%d]", ri, i)
			rules := run.Tool.Driver.Rules
			if res.RuleIndex == nil || *res.RuleIndex >= len(rules) || rules[*res.RuleIndex].ID != res.RuleID {
				errs = append(errs, fmt.Errorf("%s: ruleIndex does not point at rule %q", w, res.RuleID))
			}
			if len(res.Locations) == 0 {
				errs = append(errs, fmt.Errorf("%s: no locations (code scanning needs one)", w))
			}
			if len(res.PartialFingerprints) == 0 {
				errs = append(errs, fmt.Errorf("%s: no partialFingerprints", w))
			}
		}
	}
	return errs
}

// TestSARIFValidOnFixtures validates the SARIF of real checker output: the
// draft fixtures, every rule's findings, multi-line spans, Vietnamese text.
func TestSARIFValidOnFixtures(t *testing.T) {
	c, err := check.New(check.Options{})
	if err != nil {
		t.Fatal(err)
	}
	files, _ := filepath.Glob(filepath.Join("..", "..", "testdata", "check", "*.*"))
	r := &Report{Tool: "redtape", Version: "test", FailOn: check.SeverityError}
	for _, ru := range c.Rules() {
		r.Rules = append(r.Rules, RuleInfo{Rule: ru, Severity: ru.Severity})
	}
	for _, f := range files {
		d, err := c.ParseFile(f)
		if err != nil {
			t.Fatal(err)
		}
		res, err := c.Check(t.Context(), d)
		if err != nil {
			t.Fatal(err)
		}
		r.Files = append(r.Files, res)
	}
	if n := len(r.Findings()); n < 20 {
		t.Fatalf("only %d findings on the fixtures", n)
	}
	var buf bytes.Buffer
	if err := WriteSARIF(&buf, r); err != nil {
		t.Fatal(err)
	}
	for _, e := range validateSARIF(buf.Bytes()) {
		t.Error(e)
	}
}
