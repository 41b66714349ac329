package corpus

import (
	"bytes"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

func TestCSVRoundTrip(t *testing.T) {
	paths := []string{filepath.Join("..", "testdata", "corpus", "markdown"), filepath.Join("..", "testdata", "corpus", "html")}
	procs, _ := loadAll(t, paths, Options{})
	if fileExists(filepath.Join("..", "..", "shared", "corpus", "word-export")) {
		shared, _ := loadShared(t, "word-export")
		procs = append(procs, shared...)
	}
	vol := int64(42)
	procs = append(procs, &Procedure{
		Code: "X.1", Name: "Tên có | dấu gạch", Levels: []string{"a | b", " c"}, Steps: []string{"[1] bước"},
		Conditions: []string{"dòng 1\ndòng 2"}, AnnualVolume: &vol,
		Source: Source{File: "x.csv", Format: "csv", Record: 3, Line: 7, URL: "https://example.invalid/a,b"},
	})
	var buf bytes.Buffer
	if err := WriteCSV(&buf, procs); err != nil {
		t.Fatal(err)
	}
	back, sum := readAllData(t, "round.csv", buf.Bytes(), Options{})
	if sum.Failed() {
		t.Fatalf("errors %v", sum.Errors)
	}
	if len(back) != len(procs) {
		t.Fatalf("read back %d, wrote %d", len(back), len(procs))
	}
	for i := range procs {
		if !reflect.DeepEqual(procs[i], back[i]) {
			t.Fatalf("record %d (%s) differs:\nwrote %+v\nread  %+v", i, procs[i].ID(), procs[i], back[i])
		}
	}
	t.Logf("%d records through CSV unchanged", len(back))
}

func TestCSVWriteShape(t *testing.T) {
	var buf bytes.Buffer
	one := 1
	err := WriteCSV(&buf, []*Procedure{{Code: "1.0", Name: "A", Levels: []string{"Cấp tỉnh", "Cấp xã"}, Papers: []Paper{{Text: "Đơn", Originals: &one}}}})
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(buf.String()), "\n")
	if lines[0] != strings.Join(CSVColumns(), ",") {
		t.Errorf("header %q", lines[0])
	}
	want := `1.0,A,,,,,,Cấp tỉnh | Cấp xã,,,,,"[{""text"":""Đơn"",""originals"":1}]",,,,,,,,,`
	if lines[1] != want {
		t.Errorf("row\n got %s\nwant %s", lines[1], want)
	}
}

func TestCSVRead(t *testing.T) {
	for _, tc := range []struct {
		name     string
		doc      string
		codes    []string
		errLines []int
		errText  string
	}{
		{"semicolons", "code;name;levels\n1.1;Thủ tục A;Cấp tỉnh | Cấp xã\n", []string{"1.1"}, nil, ""},
		{"extra columns ignored", "ghi_chu,name,code\nx,Thủ tục B,2.2\n", []string{"2.2"}, nil, ""},
		{"quoted multi-line cell", "code,name,steps\n3.1,\"A\nB\",s1\n3.2,C,\n", []string{"3.1", "3.2"}, nil, ""},
		{"bad json cell", "code,name,papers\n4.1,A,[{\n4.2,B,\n", []string{"4.2"}, []int{2}, "column papers"},
		{"bad number", "code,name,annual_volume\n5.1,A,nhiều\n", nil, []int{2}, "column annual_volume"},
		{"empty record", "code,name\n,\n6.1,A\n", []string{"6.1"}, []int{2}, "neither code nor name"},
		{"no key column", "ten,ma\nA,1\n", nil, []int{1}, "neither a code nor a name column"},
		{"bare quote", "code,name\n7.1,\"A\n", nil, []int{2}, "csv:"},
		// An unterminated quote: its row fails, the rows after it are
		// read (or fail) each on its own.
		{"unterminated quote", "code,name,ministry,papers\n1.1,A,X,\n1.2,\"B unterminated,X,\n1.3,C,X,[not json\n1.4,D,X,\n", []string{"1.1", "1.4"}, []int{3, 4}, "in.csv:"},
		{"unterminated quote, then quoted cells", "code,name\n8.1,\"A\n8.2,\"B\"\n8.3,\"C, D\"\n", []string{"8.2", "8.3"}, []int{2}, "reading on from line 3"},
		{"stray quote mid-cell", "code,name\n9.1,A \"x\" B\n9.2,C\n", []string{"9.2"}, []int{2}, "bare \" in non-quoted-field"},
		{"empty file", "", nil, []int{1}, "header"},
	} {
		procs, sum := readAllData(t, "in.csv", []byte(tc.doc), Options{})
		var codes []string
		for _, p := range procs {
			codes = append(codes, p.Code)
		}
		if !equalStrings(codes, tc.codes) {
			t.Errorf("%s: codes %q, want %q", tc.name, codes, tc.codes)
		}
		var lines []int
		for _, e := range sum.Errors {
			lines = append(lines, e.Line)
			if !strings.Contains(e.Error(), tc.errText) || !strings.HasPrefix(e.Error(), "in.csv:") {
				t.Errorf("%s: error %q, want file, line and %q", tc.name, e, tc.errText)
			}
		}
		if !reflect.DeepEqual(lines, tc.errLines) {
			t.Errorf("%s: error lines %v, want %v", tc.name, lines, tc.errLines)
		}
	}
	procs, _ := readAllData(t, "in.csv", []byte("code,name\n8.1,\"A\n8.2,B\n\n8.3,\"C\nD\"\n"), Options{})
	if len(procs) != 2 || procs[0].Source.Line != 3 || procs[1].Source.Line != 5 || procs[1].Source.Record != 3 || procs[1].Name != "C\nD" {
		t.Errorf("lines after an unterminated quote: %+v", procs)
	}
	procs, _ = readAllData(t, "in.csv", []byte("code,name,steps\n3.1,\"A\nB\",s1\n3.2,C,\n"), Options{})
	if len(procs) != 2 {
		t.Fatalf("a multi-line cell: read %d records, want 2", len(procs))
	}
	if procs[1].Source.Line != 4 || procs[0].Name != "A\nB" {
		t.Errorf("line of record after a multi-line cell: %+v", procs[1].Source)
	}
}

func FuzzCSV(f *testing.F) {
	fuzzReader(f, "FuzzCSV", "csv", "fuzz.csv",
		"code,name,papers,levels\n1,A,\"[{\"\"text\"\":\"\"B\"\"}]\",[\"\"x\"\"]\n",
		"code;name\n1;A\n2\n")
}

func TestCSVFixtures(t *testing.T) {
	procs, sum := loadAll(t, []string{filepath.Join("..", "testdata", "corpus", "csv")}, Options{})
	if sum.Failed() || len(procs) != 3 {
		t.Fatalf("%d procedures, errors %v", len(procs), sum.Errors)
	}
	p := procs[0]
	if p.Code != "9.500001" || !equalStrings(p.Levels, []string{"Cấp tỉnh", "Cấp xã"}) || p.AnnualVolume == nil || *p.AnnualVolume != 12000 {
		t.Errorf("record 1 %+v", p)
	}
	if len(p.Channels) != 1 || p.Channels[0].Time.Unit != Days || *p.Channels[0].Fees[0].Amount != 75000 {
		t.Errorf("channels %+v", p.Channels)
	}
	if len(p.Papers) != 2 || *p.Papers[1].Copies != 1 || p.LegalBasis[0].Number != "50/2014/QH13" {
		t.Errorf("papers %+v legal %+v", p.Papers, p.LegalBasis)
	}
	if p.Source.Format != "csv" || p.Source.Line != 2 || p.Source.Record != 1 {
		t.Errorf("source %+v", p.Source)
	}
	q := procs[1]
	if q.Name != "Đăng ký thử nghiệm có dấu phẩy, và xuống dòng\ntrong tên" || !equalStrings(q.Levels, []string{"Cấp tỉnh | đặc biệt"}) || q.Channels != nil || q.Source.Line != 3 {
		t.Errorf("record 2 %+v", q)
	}
	if r := procs[2]; r.Code != "9.500003" || !equalStrings(r.Levels, []string{"Cấp Bộ", "Cấp tỉnh"}) {
		t.Errorf("semicolon record %+v", r)
	}
}
