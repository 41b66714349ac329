package decisions

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// TestDefault checks the built-in list: its row count, that its header
// says it, and that every row is clean and indexed.
func TestDefault(t *testing.T) {
	l, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	const want = 650 // 663 rows of the shared file, less 8 without a paper and 5 repeated
	if l.Len() != want {
		t.Errorf("Default holds %d rows, want %d", l.Len(), want)
	}
	code := regexp.MustCompile(`^\d\.\d{6}$`)
	n, noDocument := 0, 0
	for _, r := range l.Rows {
		if !code.MatchString(r.Code) {
			t.Errorf("%s:%d: code %q is not a clean procedure code", r.File, r.Line, r.Code)
		}
		if r.Paper == "" || r.Provision == "" || r.Database == "" || r.Owner == "" || r.Ref == "" || r.Procedure == "" || r.Section == "" {
			t.Errorf("%s:%d: a field is empty: %+v", r.File, r.Line, r)
		}
		if r.Document == "" {
			noDocument++ // the Appendix names the provision only
		}
		if r.Title != "Nghị quyết 66.7/2025/NQ-CP, Phụ lục I" || !strings.Contains(r.Source, "66.7/2025/NQ-CP") {
			t.Errorf("%s:%d: title %q, source %q", r.File, r.Line, r.Title, r.Source)
		}
		if len(r.names) == 0 {
			t.Errorf("%s:%d: no name to look for in %q", r.File, r.Line, r.Paper)
		}
		found := false
		for _, x := range l.ByCode(r.Code) {
			found = found || x == r
		}
		if !found {
			t.Errorf("%s:%d: row is not indexed under %s", r.File, r.Line, r.Code)
		}
	}
	if noDocument != 2 {
		t.Errorf("%d rows without a document, want 2 (rows 258 and 417 of the Appendix)", noDocument)
	}
	for _, rows := range l.byCode {
		n += len(rows)
	}
	if n != l.Len() {
		t.Errorf("the index holds %d rows, the list %d", n, l.Len())
	}
	if l.Codes() != 630 {
		t.Errorf("Default names %d procedure codes, want 630", l.Codes())
	}
	if l.ByCode("9.999999") != nil {
		t.Error("ByCode of an unknown code is not nil")
	}
	if got := l.ByCode("2.002093.000.00.00.H12"); len(got) != 1 || got[0].Code != "2.002093" {
		t.Errorf("ByCode of a local code: got %d rows", len(got))
	}
	if got := l.ByCode(" 2.002093 "); len(got) != 1 {
		t.Errorf("ByCode trims the code: got %d rows", len(got))
	}
}

const userFile = `# my decisions
# schema: redtape.decisions/v1
# title: Nghị quyết 99/2026/NQ-CP, Phụ lục II
# source: an example resolution, written for the tests
# rows: 2
code,paper,database,owner,document,provision,ref
2.002093,Giấy chứng nhận đăng ký doanh nghiệp,Cơ sở dữ liệu quốc gia về đăng ký doanh nghiệp,Bộ Tài Chính,Nghị định số 113/2017/NĐ-CP,Điểm b khoản 1 Điều 10,1
9.000001,  Giấy  khai sinh ,CSDL hộ tịch điện tử,Bộ Tư pháp,Nghị định 1/2026/NĐ-CP,Điều 3,2
`

// TestParseExtendReplace checks that a user file extends a base list (a
// row of the same key replaces the base's) or replaces it.
func TestParseExtendReplace(t *testing.T) {
	base, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	ext, err := Parse("user.csv", []byte(userFile), base)
	if err != nil {
		t.Fatal(err)
	}
	if ext.Len() != base.Len()+1 {
		t.Errorf("extended list holds %d rows, want %d (one row replaced, one added)", ext.Len(), base.Len()+1)
	}
	rows := ext.ByCode("2.002093")
	if len(rows) != 1 || rows[0].File != "user.csv" || rows[0].Title != "Nghị quyết 99/2026/NQ-CP, Phụ lục II" {
		t.Errorf("the user row does not replace the base row of the same key: %+v", rows)
	}
	if r := ext.ByCode("9.000001"); len(r) != 1 || r[0].Paper != "Giấy khai sinh" || r[0].Line != 8 {
		t.Errorf("added row: %+v (want paper with white space collapsed, line 8)", r)
	}
	if got := strings.Join(ext.Files, ","); got != DefaultName+",user.csv" {
		t.Errorf("Files = %q", got)
	}
	if base.ByCode("9.000001") != nil {
		t.Error("extending modified the base list")
	}
	rep, err := Parse("user.csv", []byte(strings.Replace(userFile, "# rows: 2", "# rows: 2\n# replace: true", 1)), base)
	if err != nil {
		t.Fatal(err)
	}
	if rep.Len() != 2 {
		t.Errorf("replacing list holds %d rows, want 2", rep.Len())
	}
	// Load reads a file the same way.
	path := filepath.Join(t.TempDir(), "d.csv")
	if err := os.WriteFile(path, []byte(userFile), 0o644); err != nil {
		t.Fatal(err)
	}
	alone, err := Load(path, nil)
	if err != nil {
		t.Fatal(err)
	}
	if alone.Len() != 2 || alone.Rows[0].File != path {
		t.Errorf("Load alone: %d rows from %v", alone.Len(), alone.Files)
	}
	if _, err := Load(filepath.Join(t.TempDir(), "missing.csv"), nil); err == nil || !strings.Contains(err.Error(), "read decisions") {
		t.Errorf("Load of a missing file: %v", err)
	}
}

// TestParseErrors checks that bad files are refused with the file, the
// line and what is wrong.
func TestParseErrors(t *testing.T) {
	head := "# schema: redtape.decisions/v1\n# title: T\n# source: S\n"
	tests := []struct {
		name, data string
		want       []string // substrings of the error
	}{
		{"empty", "", []string{"bad.csv", `schema is ""`}},
		{"wrong schema", "# schema: redtape.catalog/v1\ncode,paper\n", []string{`schema is "redtape.catalog/v1"`}},
		{"no title or source", "# schema: redtape.decisions/v1\ncode,paper\n1.000001,Giấy khai sinh\n", []string{"title is missing", "source is missing"}},
		{"unknown header key", head + "# replce: true\ncode,paper\n", []string{"line 4", `header key "replce"`}},
		{"bad replace", head + "# replace: maybe\ncode,paper\n", []string{`replace "maybe"`}},
		{"bad rows", head + "# rows: many\ncode,paper\n", []string{`rows "many"`}},
		{"no columns", head, []string{"column names are missing"}},
		{"unknown column", head + "code,paper,law\n", []string{"bad.csv:4", `column "law"`}},
		{"missing column", head + "code,database\n", []string{"bad.csv:4", `column "paper" is missing`}},
		{"twice", head + "code,paper,code\n", []string{`column "code" appears twice`}},
		{"missing code", head + "code,paper\n,Giấy khai sinh\n", []string{"bad.csv:5", "procedure code is missing"}},
		{"bad code", head + "code,paper\n1.00 0001,Giấy khai sinh\n", []string{"bad.csv:5", `procedure code "1.00 0001"`}},
		{"missing paper", head + "code,paper\n1.000001,\n1.000002, \n", []string{"bad.csv:5", "bad.csv:6", "the paper is missing"}},
		{"paper names nothing", head + "code,paper\n1.000001,Bản sao\n", []string{"bad.csv:5", "names no paper"}},
		{"fields", head + "code,paper\n1.000001,Giấy khai sinh,x\n", []string{"bad.csv:5", "3 fields, want 2"}},
		{"repeat", head + "code,paper\n1.000001,Giấy khai sinh\n1.000001,GIẤY KHAI SINH\n", []string{"bad.csv:6", "repeats line 5"}},
		{"row count", head + "# rows: 3\ncode,paper\n1.000001,Giấy khai sinh\n", []string{"rows: 3", "holds 1"}},
		{"no rows", head + "code,paper\n", []string{"no rows"}},
		{"quote", head + "code,paper\n1.000001,\"Giấy\n", []string{"bad.csv", "line 5"}},
		{"commented row", head + "code,paper\n# 1.000001,Giấy khai sinh\n\n1.000002,\n", []string{"bad.csv:7", "the paper is missing"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Parse("bad.csv", []byte(tt.data), nil)
			if err == nil {
				t.Fatal("no error")
			}
			for _, w := range tt.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("error %q does not say %q", err, w)
				}
			}
		})
	}
}

// TestCite checks how a row is cited.
func TestCite(t *testing.T) {
	r := &Row{Title: "Nghị quyết 66.7/2025/NQ-CP, Phụ lục I", Ref: "1", Document: "Nghị định số 113/2017/NĐ-CP", Provision: "Điểm b khoản 1 Điều 10"}
	if got, want := r.Cite(), "Nghị quyết 66.7/2025/NQ-CP, Phụ lục I, row 1: Điểm b khoản 1 Điều 10, Nghị định số 113/2017/NĐ-CP"; got != want {
		t.Errorf("Cite = %q, want %q", got, want)
	}
	r = &Row{Title: "T", File: "f.csv", Line: 7}
	if got, want := r.Cite(), "T (f.csv:7)"; got != want {
		t.Errorf("Cite = %q, want %q", got, want)
	}
}
