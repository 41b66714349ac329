package corpus

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// mustSharedCorpus returns the path of ../shared/corpus/<sub> seen from the
// repository root, skipping the test when the shared data is absent.
func mustSharedCorpus(t testing.TB, sub string) string {
	t.Helper()
	dir := filepath.Join("..", "..", "shared", "corpus", sub)
	if _, err := os.Stat(dir); err != nil {
		t.Skipf("shared corpus absent (%s): tests on real records skip", dir)
	}
	return dir
}

// loadAll reads paths and fails the test on a walk error.
func loadAll(t testing.TB, paths []string, opts Options) ([]*Procedure, *Summary) {
	t.Helper()
	procs, sum, err := Load(context.Background(), paths, opts)
	if err != nil {
		t.Fatalf("Load(%v): %v", paths, err)
	}
	return procs, sum
}

// readAllData reads one in-memory file and returns its records and summary.
func readAllData(t testing.TB, name string, data []byte, opts Options) ([]*Procedure, *Summary) {
	t.Helper()
	var procs []*Procedure
	sum, err := ReadData(context.Background(), name, data, opts, func(p *Procedure) error {
		procs = append(procs, p)
		return nil
	})
	if err != nil {
		t.Fatalf("ReadData(%s): %v", name, err)
	}
	return procs, sum
}

// TestRoundTripRealRecords reads real records with every reader that has
// them (and the project's fixtures for the others), writes them as redtape
// JSON, JSONL and CSV, reads them back and requires the same records.
func TestRoundTripRealRecords(t *testing.T) {
	var procs []*Procedure
	if fileExists(filepath.Join("..", "..", "shared", "corpus")) {
		for _, sub := range []string{"word-export", "national-export-sample", "portal-crawl"} {
			got, sum := loadShared(t, sub)
			if sum.Failed() {
				t.Fatalf("%s: %d read errors, first: %v", sub, len(sum.Errors), sum.Errors[0])
			}
			for _, p := range got {
				// One ministry of the crawl is enough to cover its shape.
				if sub != "portal-crawl" || filepath.Base(filepath.Dir(p.Source.File)) == "bo-cong-an" {
					procs = append(procs, p)
				}
			}
		}
	}
	var paths []string
	for _, dir := range []string{"html", "markdown", "csv", "encoding"} {
		local, _ := filepath.Glob(filepath.Join("..", "testdata", "corpus", dir, "*"))
		for _, f := range local {
			if filepath.Ext(f) != ".txt" { // invalid-utf8.txt is read only by the encoding tests
				paths = append(paths, f)
			}
		}
	}
	local, sum := loadAll(t, paths, Options{})
	procs = append(procs, local...)
	if len(procs) == 0 {
		t.Skip("no records to round-trip")
	}
	formats := map[string]int{}
	for _, p := range procs {
		formats[p.Source.Format]++
	}
	if sum.Failed() {
		t.Fatalf("%d read errors in the input, first: %v", len(sum.Errors), sum.Errors[0])
	}
	t.Logf("round trip of %d records (%v)", len(procs), formats)

	for _, tc := range []struct {
		name  string
		write func(*bytes.Buffer) error
	}{
		{"round.json", func(b *bytes.Buffer) error { return WriteJSON(b, procs) }},
		{"round.jsonl", func(b *bytes.Buffer) error { return WriteJSONL(b, procs) }},
		{"round.csv", func(b *bytes.Buffer) error { return WriteCSV(b, procs) }},
	} {
		var buf bytes.Buffer
		if err := tc.write(&buf); err != nil {
			t.Fatal(err)
		}
		back, bsum := readAllData(t, tc.name, buf.Bytes(), Options{})
		if bsum.Failed() {
			t.Fatalf("%s: read back with errors: %v", tc.name, bsum.Errors[0])
		}
		if len(back) != len(procs) {
			t.Fatalf("%s: read back %d records, wrote %d", tc.name, len(back), len(procs))
		}
		for i := range procs {
			if !reflect.DeepEqual(procs[i], back[i]) {
				t.Fatalf("%s: record %d (%s) differs after the round trip:\nwrote %+v\nread  %+v", tc.name, i, procs[i].ID(), procs[i], back[i])
			}
		}
	}
}

// fuzzReader runs one reader on fuzzed input: seeds come from
// ../testdata/fuzz/<target>/ (plain files, one input each) and from extra.
// Whatever the input, reading must not panic, every record must have a code
// or a name, and every string must be valid NFC UTF-8.
func fuzzReader(f *testing.F, target, format, name string, extra ...string) {
	addFuzzSeeds(f, target, extra...)
	f.Fuzz(func(t *testing.T, data []byte) { checkFuzzRead(t, format, name, data) })
}

// addFuzzSeeds adds the files of testdata/fuzz/target and extra as seeds.
func addFuzzSeeds(f *testing.F, target string, extra ...string) {
	seeds, _ := filepath.Glob(filepath.Join("..", "testdata", "fuzz", target, "*"))
	for _, s := range seeds {
		if b, err := os.ReadFile(s); err == nil {
			f.Add(b)
		}
	}
	for _, s := range extra {
		f.Add([]byte(s))
	}
}

// checkFuzzRead reads data as file name, with the reader format forced and
// detected, and fails on a record without code or name, text not in NFC, a
// summary that miscounts, or an error without the file name.
func checkFuzzRead(t *testing.T, format, name string, data []byte) {
	for _, opts := range []Options{{Format: format}, {}} {
		var n int
		sum, err := ReadData(context.Background(), name, data, opts, func(p *Procedure) error {
			n++
			if p.Code == "" && p.Name == "" {
				t.Fatalf("record without code or name: %+v", p)
			}
			checkNFC(t, reflect.ValueOf(p))
			return nil
		})
		if err != nil {
			t.Fatalf("ReadData: %v", err)
		}
		if sum.Procedures != n {
			t.Fatalf("summary counts %d procedures, emitted %d", sum.Procedures, n)
		}
		for _, e := range sum.Errors {
			if e.File != name {
				t.Fatalf("read error without the file name: %v", e)
			}
		}
	}
}

// checkNFC fails when a string reachable from v is not NFC UTF-8.
func checkNFC(t *testing.T, v reflect.Value) {
	t.Helper()
	switch v.Kind() {
	case reflect.Pointer, reflect.Interface:
		if !v.IsNil() {
			checkNFC(t, v.Elem())
		}
	case reflect.Struct:
		for i := 0; i < v.NumField(); i++ {
			if v.Type().Field(i).IsExported() {
				checkNFC(t, v.Field(i))
			}
		}
	case reflect.Slice, reflect.Array:
		for i := 0; i < v.Len(); i++ {
			checkNFC(t, v.Index(i))
		}
	case reflect.String:
		if s := v.String(); !utf8.ValidString(s) || !norm.NFC.IsNormalString(s) {
			t.Fatalf("string not NFC UTF-8: %q", s)
		}
	}
}

func readFileString(path string) (string, error) {
	b, err := os.ReadFile(path)
	return string(b), err
}

func fileExists(path string) bool {
	_, err := os.Stat(path)
	return err == nil
}

// TestJSONLOrderAndErrors reads a JSONL file large enough to be decoded in
// parallel: records come out in file order and each bad line is reported
// with its own line and record number.
func TestJSONLOrderAndErrors(t *testing.T) {
	var b strings.Builder
	wantErr := map[int]bool{}
	line := 0
	for i := 1; i <= 1500; i++ {
		line++
		switch {
		case i%400 == 0:
			b.WriteString("{\"code\": \n")
			wantErr[line] = true
		case i%333 == 0:
			b.WriteString("\n") // blank lines do not count as records
		default:
			fmt.Fprintf(&b, "{\"code\":\"C.%d\",\"name\":\"Thủ tục %d\",\"papers\":[],\"levels\":[]}\n", i, i)
		}
	}
	procs, sum := readAllData(t, "big.jsonl", []byte(b.String()), Options{})
	if len(sum.Errors) != len(wantErr) {
		t.Fatalf("%d errors, want %d", len(sum.Errors), len(wantErr))
	}
	for _, e := range sum.Errors {
		if !wantErr[e.Line] {
			t.Errorf("error at line %d: %v", e.Line, e)
		}
	}
	prev := 0
	for _, p := range procs {
		var n int
		fmt.Sscanf(p.Code, "C.%d", &n)
		if n <= prev || p.Source.Line != n {
			t.Fatalf("record %s out of order or at line %d", p.Code, p.Source.Line)
		}
		prev = n
		if p.Papers != nil || p.Levels != nil {
			t.Fatalf("empty lists not made nil: %+v", p)
		}
	}
	if len(procs) != 1500-len(wantErr)-4 {
		t.Errorf("%d procedures", len(procs))
	}
}

func FuzzJSONL(f *testing.F) {
	fuzzReader(f, "FuzzJSONL", "jsonl", "fuzz.jsonl",
		`{"code":"1","name":"A","papers":[{"text":"B","originals":1}]}`+"\n\n"+`{"code":2}`+"\n",
		`{"code":"1","name":"Te\u0302\u0300n"}`)
}

// FuzzRedtapeJSON reads redtape JSON documents, arrays and objects: every
// record has a code or a name and NFC text, errors name the file, and each
// record written back with [WriteJSON] reads back the same.
func FuzzRedtapeJSON(f *testing.F) {
	addFuzzSeeds(f, "FuzzRedtapeJSON",
		`{"schema":"redtape.procedure/v1","procedures":[{"code":"1","name":"A"},{"name":""},{"code":"2","papers":[{"text":"B","copies":-1}]}]}`,
		`{"code":"1","name":"A","papers":[{"text":"B"}],"annual_volume":"x"}`)
	f.Fuzz(func(t *testing.T, data []byte) {
		checkFuzzRead(t, "redtape-json", "fuzz.json", data)
		var procs []*Procedure
		if _, err := ReadData(context.Background(), "fuzz.json", data, Options{Format: "redtape-json"}, func(p *Procedure) error {
			procs = append(procs, p)
			return nil
		}); err != nil {
			t.Fatalf("ReadData: %v", err)
		}
		if len(procs) == 0 {
			return
		}
		var b bytes.Buffer
		if err := WriteJSON(&b, procs); err != nil {
			t.Fatalf("WriteJSON: %v", err)
		}
		var back []*Procedure
		sum, err := ReadData(context.Background(), "fuzz.json", b.Bytes(), Options{Format: "redtape-json"}, func(p *Procedure) error {
			back = append(back, p)
			return nil
		})
		if err != nil || sum.Failed() || !reflect.DeepEqual(back, procs) {
			t.Fatalf("round trip: %v, errors %v\nread    %+v\nwritten %+v", err, sum.Errors, procs, back)
		}
	})
}

// TestWalkMissingPaths checks that a path that cannot be opened is reported
// as unreadable input while the others are read, and that a walk of
// nothing but such paths is an error.
func TestWalkMissingPaths(t *testing.T) {
	dir := t.TempDir()
	good := filepath.Join(dir, "good.md")
	if err := os.WriteFile(good, []byte("# Thủ tục A\n\n- Mã thủ tục: 1.1\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	missing := filepath.Join(dir, "missing.json")
	for _, tc := range []struct {
		name   string
		paths  []string
		codes  []string
		errors []string
		fail   bool
	}{
		{"one missing among several", []string{good, missing}, []string{"1.1"}, []string{missing + ": unreadable input: no such file or directory"}, false},
		{"missing first", []string{missing, good}, []string{"1.1"}, []string{missing + ": unreadable input: no such file or directory"}, false},
		{"only missing", []string{missing}, nil, nil, true},
		{"all missing", []string{missing, missing + "2"}, nil, nil, true},
	} {
		procs, sum, err := Load(t.Context(), tc.paths, Options{})
		if (err != nil) != tc.fail {
			t.Errorf("%s: err %v", tc.name, err)
		}
		if tc.fail {
			if err == nil || !strings.Contains(err.Error(), missing) {
				t.Errorf("%s: error %v should name %s", tc.name, err, missing)
			}
			continue
		}
		var codes, errs []string
		for _, p := range procs {
			codes = append(codes, p.Code)
		}
		for _, e := range sum.Errors {
			errs = append(errs, e.Error())
		}
		if !equalStrings(codes, tc.codes) || !equalStrings(errs, tc.errors) || sum.Files != 1 {
			t.Errorf("%s: codes %q errors %q files %d", tc.name, codes, errs, sum.Files)
		}
	}
}

// TestUnrecognisedFormatHint checks that the error for a file no reader
// recognises names the flag that chooses one.
func TestUnrecognisedFormatHint(t *testing.T) {
	_, sum := readAllData(t, "x.json", []byte(`{"khong":"phai"}`), Options{})
	if len(sum.Errors) != 1 || !strings.Contains(sum.Errors[0].Error(), "x.json: unrecognised format (use --from to choose a reader)") {
		t.Errorf("errors %v", sum.Errors)
	}
}

// TestWalkLinkedDirectory checks that a root that is a symbolic link to a
// directory is walked like the directory, its files named under the link.
func TestWalkLinkedDirectory(t *testing.T) {
	dir := t.TempDir()
	real := filepath.Join(dir, "real")
	if err := os.MkdirAll(filepath.Join(real, "sub"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(real, "sub", "a.md"), []byte("# Thủ tục A\n\n- Mã thủ tục: 1.1\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	link := filepath.Join(dir, "link")
	if err := os.Symlink(real, link); err != nil {
		t.Skipf("no symbolic links here: %v", err)
	}
	procs, sum, err := Load(t.Context(), []string{link}, Options{})
	if err != nil || sum.Failed() || len(procs) != 1 || procs[0].Code != "1.1" {
		t.Fatalf("walk of a linked directory: %v, %+v, %d procedures", err, sum, len(procs))
	}
	if got, want := procs[0].Source.File, filepath.Join(link, "sub", "a.md"); got != want {
		t.Errorf("source file %q, want %q", got, want)
	}
}

// TestSummaryMerge checks that Merge adds every count and list and leaves
// its argument alone.
func TestSummaryMerge(t *testing.T) {
	s := &Summary{Files: 1, Procedures: 2, Errors: []*ReadError{{File: "a"}}}
	o := &Summary{Files: 3, Procedures: 4, Errors: []*ReadError{{File: "b"}}, Skipped: []Skipped{{File: "meta.json"}},
		Warnings: []*ReadError{{File: "w"}}}
	s.Merge(o)
	s.Merge(nil)
	if s.Files != 4 || s.Procedures != 6 || len(s.Errors) != 2 || s.Errors[1].File != "b" || len(s.Skipped) != 1 || len(s.Warnings) != 1 {
		t.Errorf("merged %+v", s)
	}
	if len(o.Errors) != 1 || o.Files != 3 {
		t.Errorf("Merge changed its argument: %+v", o)
	}
}

// TestWalkProgress checks that Walk reports every file once, in order,
// with the running and total counts of files and bytes, unreadable files
// included, so that a progress bar ends full.
func TestWalkProgress(t *testing.T) {
	dir := t.TempDir()
	files := map[string]string{
		"a.md":   "# Thủ tục A\n\n- Mã thủ tục: 1.1\n",
		"b.json": `{"khong":"phai"}`,
		"c.md":   "# Thủ tục C\n\n- Mã thủ tục: 1.3\n\n# Thủ tục D\n\n- Mã thủ tục: 1.4\n",
	}
	var total int64
	for name, text := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		total += int64(len(text))
	}
	var got []Progress
	_, sum, err := Load(t.Context(), []string{dir}, Options{Progress: func(p Progress) { got = append(got, p) }})
	if err != nil {
		t.Fatal(err)
	}
	if len(sum.Errors) != 1 {
		t.Fatalf("errors %v, want the unrecognised b.json", sum.Errors)
	}
	want := []Progress{
		{0, 3, 0, total},
		{1, 3, int64(len(files["a.md"])), total},
		{2, 3, int64(len(files["a.md"]) + len(files["b.json"])), total},
		{3, 3, total, total},
	}
	if !slices.Equal(got, want) {
		t.Errorf("progress %+v, want %+v", got, want)
	}
}

// Input the redtape JSON reader does not understand is reported and
// counted, never read as an empty paper or dropped silently.
func TestRedtapeJSONRefusesWhatItDoesNotKnow(t *testing.T) {
	tests := []struct {
		name, data, want string
	}{
		{"in.json", `{"schema":"redtape.procedures/v9","procedures":[{"code":"1","name":"x"}]}`, "unknown schema"},
		{"in.json", `{"schema":"redtape.procedure/v1","procedures":{"code":"1"}}`, "invalid JSON"},
		{"in.json", `{"schema":"redtape.procedure/v1","procedures":[{"code":"1","name":"x","papers":[{"weird":1}]}]}`, `unknown field "weird"`},
		{"in.jsonl", `{"code":"3","name":"z","papers":[{"text":"Đơn","colour":"red"}]}`, `unknown field "colour"`},
		{"in.jsonl", `{"code":"3","name":"z","papers":[{"optional":true}]}`, "paper 1 has no text"},
		{"in.jsonl", `{"code":"3","name":"z"} {"code":"4","name":"w"}`, "more than one JSON value"},
	}
	for _, tt := range tests {
		procs, sum := readAllData(t, tt.name, []byte(tt.data), Options{})
		if len(procs) != 0 || !sum.Failed() || len(sum.Errors) != 1 {
			t.Errorf("%s: read %d procedures, %d errors; want the record refused", tt.data, len(procs), len(sum.Errors))
			continue
		}
		if msg := sum.Errors[0].Error(); !strings.Contains(msg, tt.want) || !strings.HasPrefix(msg, tt.name) {
			t.Errorf("%s: error %q, want the file and %q", tt.data, msg, tt.want)
		}
	}
}
