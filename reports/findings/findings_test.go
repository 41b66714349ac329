package findings

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/redtape-vn/redtape/analyzer/check"
)

var update = flag.Bool("update", false, "rewrite the golden files")

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
	r.Files = []*check.FileResult{
		{Path: "drafts/nghị-định.md", Format: check.FormatMarkdown, Tally: check.Tally{Articles: 4, Procedures: 2, Dossiers: 1, Papers: 5, Conditions: 2, RequirementWords: 7, Suppressed: 1}},
		{Path: "drafts/b.html", Format: check.FormatHTML, Tally: check.Tally{Articles: 1, Procedures: 1, Dossiers: 1, Papers: 4}},
	}
	r.Findings = []check.Finding{
		{File: "drafts/b.html", Line: 9, Column: 10, EndLine: 9, EndColumn: 32, Rule: "RT001", Name: "digitised-paper", Severity: check.SeverityError,
			Message: `requires "giấy khai sinh", which the state already holds as data in the Civil-status e-database`,
			Fix:     "look the data up in the Civil-status e-database (Decree 87/2020/NĐ-CP Art. 24.7) instead of requiring it", Snippet: "giấy khai sinh", Fingerprint: "aa01"},
		{File: "drafts/b.html", Line: 11, Column: 5, EndLine: 12, EndColumn: 3, Rule: "RT002", Name: "catch-all-requirement", Severity: check.SeverityWarning,
			Message: "open-ended requirement \"Tài liệu khác, theo yêu cầu | 100%\": the applicant cannot know\nwhen the dossier is complete", Fix: "name each paper required, or drop the item",
			Snippet: "Tài liệu khác", Fingerprint: "aa02"},
		{File: "drafts/nghị-định.md", Line: 3, Column: 1, EndLine: 3, EndColumn: 20, Rule: "RT007", Name: "requirement-words", Severity: check.SeverityMetric,
			Message: `Article 1 has 2 requirement words ("phải"×2)`, Article: "1", Metric: &check.Metric{Name: "requirement_words", Value: 2, Detail: map[string]int{"phải": 2}}, Fingerprint: "aa03"},
		{File: "drafts/nghị-định.md", Line: 20, Column: 4, EndLine: 20, EndColumn: 40, Rule: "RT006", Name: "new-paper", Severity: check.SeverityInfo,
			Message: `requires a dossier paper: "Đơn đề nghị"`, Snippet: "Đơn đề nghị", Article: "3", Fingerprint: "aa04"},
	}
	r.Notes = []string{"RT008 cost-increase: needs --corpus (the current procedures) to compare the draft's dossiers against; the rule did not run"}
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
			if *update {
				if err := os.MkdirAll(goldenDir, 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("%v (run go test -update)", err)
			}
			if !bytes.Equal(buf.Bytes(), want) {
				t.Errorf("%s output differs from %s (run go test -update and review the diff):\n%s", format, path, buf.String())
			}
		})
	}
	if err := Write(&bytes.Buffer{}, "xml", sampleReport(t)); err == nil {
		t.Error("unknown format accepted")
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
	if len(doc.Rules) != 8 || doc.Rules[4]["severity"] != "off" || doc.Rules[4]["default_severity"] != "info" {
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
		r.Findings = r.Findings[1:] // no error left
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

// TestSARIFValid checks the SARIF output against the required properties
// and enumerations of the SARIF 2.1.0 schema and what GitHub code scanning
// needs (stable rule ids, ruleIndex, partialFingerprints, 1-based regions).
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
}

func TestSARIFFingerprintsStable(t *testing.T) {
	r := sampleReport(t)
	var a, b bytes.Buffer
	if err := WriteSARIF(&a, r); err != nil {
		t.Fatal(err)
	}
	// Lines move (text added above): fingerprints stay.
	for i := range r.Findings {
		r.Findings[i].Line += 5
		r.Findings[i].EndLine += 5
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

// sarifLevels are the values of result.level and
// reportingConfiguration.level in SARIF 2.1.0.
var sarifLevels = map[string]bool{"none": true, "note": true, "warning": true, "error": true}

// validateSARIF checks the properties SARIF 2.1.0 requires, the
// enumerations it restricts, the cross-references between results and
// rules, and that no object carries a property the schema does not define.
func validateSARIF(data []byte) []error {
	var errs []error
	fail := func(format string, args ...any) { errs = append(errs, fmt.Errorf(format, args...)) }
	var root map[string]any
	if err := json.Unmarshal(data, &root); err != nil {
		return []error{err}
	}
	only := func(where string, obj map[string]any, allowed ...string) {
		ok := map[string]bool{}
		for _, a := range allowed {
			ok[a] = true
		}
		for k := range obj {
			if !ok[k] {
				fail("%s: property %q not in the SARIF 2.1.0 schema", where, k)
			}
		}
	}
	obj := func(where string, v any) map[string]any {
		m, ok := v.(map[string]any)
		if !ok {
			fail("%s: want an object, got %T", where, v)
			return map[string]any{}
		}
		return m
	}
	str := func(where string, v any) string {
		s, ok := v.(string)
		if !ok || s == "" {
			fail("%s: want a non-empty string, got %v", where, v)
		}
		return s
	}
	intAtLeast := func(where string, v any, min int) int {
		f, ok := v.(float64)
		if !ok || f != float64(int(f)) || int(f) < min {
			fail("%s: want an integer >= %d, got %v", where, min, v)
			return min
		}
		return int(f)
	}
	message := func(where string, v any) {
		m := obj(where, v)
		only(where, m, "text", "markdown", "id", "arguments", "properties")
		if _, ok := m["text"]; !ok {
			if _, ok := m["id"]; !ok {
				fail("%s: message needs text or id", where)
			}
		}
	}
	only("log", root, "$schema", "version", "runs", "inlineExternalProperties", "properties")
	if root["version"] != "2.1.0" {
		fail("log.version = %v, want 2.1.0", root["version"])
	}
	if s, ok := root["$schema"].(string); ok {
		if u, err := url.Parse(s); err != nil || !u.IsAbs() {
			fail("$schema %q is not an absolute URI", s)
		}
	}
	runs, ok := root["runs"].([]any)
	if !ok {
		fail("log.runs missing")
		return errs
	}
	for ri, rv := range runs {
		where := fmt.Sprintf("runs[%d]", ri)
		run := obj(where, rv)
		only(where, run, "tool", "results", "columnKind", "originalUriBaseIds", "properties", "invocations", "artifacts")
		invs, _ := run["invocations"].([]any)
		for ii, iv := range invs {
			w := fmt.Sprintf("%s.invocations[%d]", where, ii)
			inv := obj(w, iv)
			only(w, inv, "executionSuccessful", "toolExecutionNotifications", "toolConfigurationNotifications", "exitCode", "properties")
			if _, ok := inv["executionSuccessful"].(bool); !ok {
				fail("%s.executionSuccessful: want a boolean, got %v", w, inv["executionSuccessful"])
			}
			notes, _ := inv["toolExecutionNotifications"].([]any)
			for ni, nv := range notes {
				nw := fmt.Sprintf("%s.toolExecutionNotifications[%d]", w, ni)
				n := obj(nw, nv)
				only(nw, n, "level", "message", "locations", "descriptor", "associatedRule", "timeUtc", "exception", "properties")
				message(nw+".message", n["message"])
				if lv, ok := n["level"].(string); ok && !sarifLevels[lv] {
					fail("%s.level = %q", nw, lv)
				}
				locs, _ := n["locations"].([]any)
				for li, lv := range locs {
					lw := fmt.Sprintf("%s.locations[%d]", nw, li)
					loc := obj(lw, lv)
					only(lw, loc, "physicalLocation", "message", "properties", "id")
					pl := obj(lw+".physicalLocation", loc["physicalLocation"])
					only(lw+".physicalLocation", pl, "artifactLocation", "region", "contextRegion", "properties")
					al := obj(lw+".artifactLocation", pl["artifactLocation"])
					only(lw+".artifactLocation", al, "uri", "uriBaseId", "index", "description", "properties")
					u := str(lw+".artifactLocation.uri", al["uri"])
					if _, err := url.Parse(u); err != nil || strings.Contains(u, `\`) {
						fail("%s: uri %q is not a URI reference", lw, u)
					}
				}
			}
		}
		if ck, ok := run["columnKind"]; ok && ck != "utf16CodeUnits" && ck != "unicodeCodePoints" {
			fail("%s.columnKind = %v", where, ck)
		}
		tool := obj(where+".tool", run["tool"])
		driver := obj(where+".tool.driver", tool["driver"])
		only(where+".tool.driver", driver, "name", "version", "semanticVersion", "informationUri", "rules", "properties", "fullName", "organization")
		str(where+".tool.driver.name", driver["name"])
		var ruleIDs []string
		seen := map[string]bool{}
		rules, _ := driver["rules"].([]any)
		for i, rv := range rules {
			w := fmt.Sprintf("%s.rules[%d]", where, i)
			rule := obj(w, rv)
			only(w, rule, "id", "name", "shortDescription", "fullDescription", "help", "helpUri", "defaultConfiguration", "properties", "messageStrings")
			id := str(w+".id", rule["id"])
			if seen[id] {
				fail("%s: duplicate rule id %s", w, id)
			}
			seen[id] = true
			ruleIDs = append(ruleIDs, id)
			if len(id) > 255 {
				fail("%s: id longer than GitHub accepts", w)
			}
			for _, k := range []string{"shortDescription", "fullDescription", "help"} {
				if v, ok := rule[k]; ok {
					m := obj(w+"."+k, v)
					only(w+"."+k, m, "text", "markdown", "properties")
					str(w+"."+k+".text", m["text"])
				}
			}
			if h, ok := rule["helpUri"].(string); ok {
				if u, err := url.Parse(h); err != nil || !u.IsAbs() {
					fail("%s.helpUri %q is not an absolute URI", w, h)
				}
			}
			if dc, ok := rule["defaultConfiguration"]; ok {
				m := obj(w+".defaultConfiguration", dc)
				only(w+".defaultConfiguration", m, "enabled", "level", "rank", "parameters", "properties")
				if lv, ok := m["level"].(string); ok && !sarifLevels[lv] {
					fail("%s.defaultConfiguration.level = %q", w, lv)
				}
			}
		}
		results, ok := run["results"].([]any)
		if !ok {
			fail("%s.results missing (GitHub needs the array, even empty)", where)
		}
		for i, rv := range results {
			w := fmt.Sprintf("%s.results[%d]", where, i)
			res := obj(w, rv)
			only(w, res, "ruleId", "ruleIndex", "level", "message", "locations", "partialFingerprints", "fingerprints", "properties", "kind", "fixes")
			message(w+".message", res["message"])
			id := str(w+".ruleId", res["ruleId"])
			idx := intAtLeast(w+".ruleIndex", res["ruleIndex"], 0)
			if idx >= len(ruleIDs) || ruleIDs[idx] != id {
				fail("%s: ruleIndex %d does not point at rule %s", w, idx, id)
			}
			if lv, ok := res["level"].(string); ok && !sarifLevels[lv] {
				fail("%s.level = %q", w, lv)
			}
			pf := obj(w+".partialFingerprints", res["partialFingerprints"])
			if len(pf) == 0 {
				fail("%s: no partialFingerprints", w)
			}
			for k, v := range pf {
				str(w+".partialFingerprints."+k, v)
			}
			locs, _ := res["locations"].([]any)
			if len(locs) == 0 {
				fail("%s: no locations (code scanning needs one)", w)
			}
			for li, lv := range locs {
				lw := fmt.Sprintf("%s.locations[%d]", w, li)
				loc := obj(lw, lv)
				only(lw, loc, "physicalLocation", "message", "properties", "id")
				pl := obj(lw+".physicalLocation", loc["physicalLocation"])
				only(lw+".physicalLocation", pl, "artifactLocation", "region", "contextRegion", "properties")
				al := obj(lw+".artifactLocation", pl["artifactLocation"])
				only(lw+".artifactLocation", al, "uri", "uriBaseId", "index", "description", "properties")
				u := str(lw+".artifactLocation.uri", al["uri"])
				if _, err := url.Parse(u); err != nil || strings.Contains(u, `\`) {
					fail("%s: uri %q is not a URI reference", lw, u)
				}
				reg := obj(lw+".region", pl["region"])
				only(lw+".region", reg, "startLine", "startColumn", "endLine", "endColumn", "charOffset", "charLength", "snippet", "message", "properties")
				sl := intAtLeast(lw+".region.startLine", reg["startLine"], 1)
				sc := intAtLeast(lw+".region.startColumn", reg["startColumn"], 1)
				el := intAtLeast(lw+".region.endLine", reg["endLine"], sl)
				ec := intAtLeast(lw+".region.endColumn", reg["endColumn"], 1)
				if el == sl && ec < sc {
					fail("%s.region ends (%d) before it starts (%d)", lw, ec, sc)
				}
				if sn, ok := reg["snippet"]; ok {
					m := obj(lw+".region.snippet", sn)
					only(lw+".region.snippet", m, "text", "binary", "rendered", "properties")
				}
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
		r.Findings = append(r.Findings, res.Findings...)
	}
	check.SortFindings(r.Findings)
	if len(r.Findings) < 20 {
		t.Fatalf("only %d findings on the fixtures", len(r.Findings))
	}
	var buf bytes.Buffer
	if err := WriteSARIF(&buf, r); err != nil {
		t.Fatal(err)
	}
	for _, e := range validateSARIF(buf.Bytes()) {
		t.Error(e)
	}
}
