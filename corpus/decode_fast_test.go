package corpus

import (
	"encoding/json"
	"fmt"
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"
)

// fullRecord returns a record with every field of every type set, so that a
// field added to the model and not to the typed scanner is noticed.
func fullRecord() *Procedure {
	one, two := 1, 2
	vol, amount := int64(1200), int64(50000)
	return &Procedure{
		Code: "1.000001", Name: "Cấp giấy phép \"A\"\tB", Decision: "2822/QĐ-BNNMT", Ministry: "Bộ Tài chính",
		Authority: []string{"Bộ A"}, Agencies: []string{"Sở B", "Sở C"}, Sector: "Thuế", Levels: []string{"Cấp tỉnh"},
		Kind: "TTHC", Subjects: []string{"Doanh nghiệp"}, Steps: []string{"Bước 1\nnộp", "Bước 2"},
		Channels: []Channel{{Mode: ModeOnline, Text: "Trực tuyến", Time: &Duration{Text: "5 ngày", Value: 5.5, Unit: WorkingDays},
			Fees: []Fee{{Text: "Lệ phí", Amount: &amount, Kind: "charge"}}, Description: "qua cổng"}},
		Papers: []Paper{{Text: "Tờ khai", Case: "Trường hợp 1", Originals: &one, Copies: &two, Quantity: "1 bản chính",
			CertifiedCopy: true, Forms: []string{"Mẫu 01"}, Optional: true, Condition: "nếu có", Alternatives: []string{"CMND", "CCCD"},
			Span: &Span{Field: "papers", Start: 3, End: 10}}},
		LegalBasis: []LegalRef{{Text: "Luật 1", Number: "1/2020/QH14", Type: "Luật", Title: "Thuế", Issuer: "Quốc hội",
			Issued: "2020-01-01", Effective: "2021-01-01"}},
		Conditions: []string{"Đủ 18 tuổi"}, Results: []string{"Giấy phép"}, AnnualVolume: &vol,
		Source: Source{File: "a/b.json", Format: "portal-crawl", Record: 3, Line: 7, URL: "https://example.vn/x?a=1&b=<2>"},
	}
}

// checkAllSet fails when a field reachable from v is zero.
func checkAllSet(t *testing.T, path string, v reflect.Value) {
	t.Helper()
	if v.IsZero() {
		t.Errorf("%s is zero in fullRecord: set it, so the typed scanner is tested on it", path)
		return
	}
	switch v.Kind() {
	case reflect.Pointer:
		checkAllSet(t, path, v.Elem())
	case reflect.Struct:
		for i := 0; i < v.NumField(); i++ {
			checkAllSet(t, path+"."+v.Type().Field(i).Name, v.Field(i))
		}
	case reflect.Slice:
		for i := 0; i < v.Len(); i++ {
			checkAllSet(t, path+"[]", v.Index(i))
		}
	}
}

// stdDecode decodes text with encoding/json, as the readers did before the
// typed scanner.
func stdDecode(text string) (*Procedure, error) {
	p := new(Procedure)
	if err := decodeRecord([]byte(text), p); err != nil {
		return nil, err
	}
	return p, nil
}

// checkSameDecode fails unless decodeRecordText gives what encoding/json
// gives for text, record or error message, and unless the typed scanner,
// when it takes text, decodes it as encoding/json does.
func checkSameDecode(t *testing.T, text string) (fast bool) {
	t.Helper()
	want, wantErr := stdDecode(text)
	got, err := decodeRecordText(text)
	if (err == nil) != (wantErr == nil) || (err != nil && err.Error() != wantErr.Error()) {
		t.Fatalf("%q: error %v, encoding/json %v", text, err, wantErr)
	}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("%q:\ngot  %#v\nwant %#v", text, got, want)
	}
	p := new(Procedure)
	if fast = decodeRecordFast(text, p); fast {
		if wantErr != nil {
			t.Fatalf("%q: the scanner took it, encoding/json refused it: %v", text, wantErr)
		}
		if !reflect.DeepEqual(p, want) {
			t.Fatalf("%q: scanner\n%#v\nencoding/json\n%#v", text, p, want)
		}
	}
	return fast
}

func TestDecodeRecordFastFullRecord(t *testing.T) {
	full := fullRecord()
	checkAllSet(t, "Procedure", reflect.ValueOf(full))
	compact, err := json.Marshal(full)
	if err != nil {
		t.Fatal(err)
	}
	indented, err := json.MarshalIndent(full, " ", "\t")
	if err != nil {
		t.Fatal(err)
	}
	for _, text := range []string{string(compact), string(indented), " \r\n" + string(compact) + "\n\t "} {
		if !checkSameDecode(t, text) {
			t.Errorf("the typed scanner did not take a record with every field set:\n%s", text)
		}
	}
	got, err := decodeRecordText(string(compact))
	if err != nil || !reflect.DeepEqual(got, full) {
		t.Errorf("full record read back as %#v, %v", got, err)
	}
}

// TestDecodeRecordFastTakes lists texts the typed scanner decodes itself,
// the same as encoding/json.
func TestDecodeRecordFastTakes(t *testing.T) {
	for _, text := range []string{
		`{}`,
		`{"code":"1","name":"A"}`,
		`{"code":"","name":"","authority":[],"papers":[],"channels":[{"fees":[]}]}`,
		`{"code":null,"authority":null,"annual_volume":null,"source":null,"channels":[{"time":null,"text":null}]}`,
		`{"papers":[{"text":"x","originals":null,"span":null,"optional":false,"certified_copy":null}]}`,
		`{"name":"a\"b\\c\/d\b\f\n\r\t\u0041\u1ea1\u00e9\u0000 e","code":"\u0031"}`,
		`{"channels":[{"time":{"value":-0.5e+3,"text":"x"}},{"time":{"value":0,"unit":"days"}},{"time":{}}]}`,
		`{"channels":[{"time":{"value":1E-2}}, {"time":{"value":-0}}]}`,
		`{"annual_volume":-9223372036854775808,"papers":[{"text":"x","copies":-0,"originals":9223372036854775807}]}`,
		`{"source":{"file":"f","record":0,"line":-1}}`,
		`{ "code" : "1" , "steps" : [ "a" , "b" ] , "source" : { } }`,
		`{"name":"Tiếng Việt có dấu: ầ ẫ ặ ự ỹ","code":"𝔘"}`,
		`{"name":"Ti\u1ebfng Vi\u1ec7t c\u00f3 d\u1ea5u, runs of text between: \"q\" ầ e\u0301 end\\","code":"\u0031.0"}`,
		`{"steps":["\\","\n","x\/","\u00e9"],"code":"é\t"}`,
	} {
		if !checkSameDecode(t, text) {
			t.Errorf("the typed scanner did not take %s", text)
		}
	}
}

// TestDecodeRecordFastGivesUp lists texts the typed scanner leaves to
// encoding/json; each gives the record or the error it always gave.
func TestDecodeRecordFastGivesUp(t *testing.T) {
	for _, text := range []string{
		``, ` `, `null`, `[]`, `"x"`, `{`, `{"code":"1"`, `{"code":"1",}`, `{,"code":"1"}`, `{"code" "1"}`,
		`{"code":"1"} x`, `{"code":"1"}{"code":"2"}`, `{"code":"1"} {}`,
		`{"Code":"1","NAME":"A"}`,                           // encoding/json matches keys in any case
		`{"code":"1","code":"2"}`,                           // the last one wins
		`{"papers":[{"text":"a"}],"papers":[{"case":"b"}]}`, // merged by encoding/json
		`{"c\u006fde":"1"}`,                                 // an escaped key
		`{"code":"1","extra":2}`,                            // unknown field
		`{"source":{"file":"f","page":2}}`,                  // unknown nested field
		`{"code":1}`, `{"code":true}`, `{"authority":"a"}`, `{"authority":[1]}`, `{"source":[]}`,
		`{"authority":[null,"a"]}`, `{"papers":[null]}`, `{"channels":[null,{}]}`,
		`{"name":"\ud83d\ude00"}`, `{"name":"\ud800"}`, `{"name":"\udc00x"}`, `{"name":"\x"}`, `{"name":"\u12"}`,
		"{\"name\":\"a\tb\"}", "{\"name\":\"a\x01\"}",
		`{"annual_volume":1.5}`, `{"annual_volume":1e3}`, `{"annual_volume":9223372036854775808}`, `{"annual_volume":"5"}`,
		`{"annual_volume":01}`, `{"annual_volume":-}`, `{"annual_volume":1.}`, `{"annual_volume":.5}`, `{"annual_volume":+1}`,
		`{"channels":[{"time":{"value":1e999}}]}`, `{"channels":[{"time":{"value":"5"}}]}`,
		`{"papers":[{"text":"x","optional":1}]}`, `{"papers":[{"text":"x","optional":tru}]}`, `{"code":nul}`,
		`{"code":"1" "name":"2"}`, `{"steps":["a" "b"]}`, `{"steps":["a",]}`, `{"steps":[,"a"]}`,
	} {
		if checkSameDecode(t, text) {
			t.Errorf("the typed scanner took %q, which it must leave to encoding/json", text)
		}
	}
}

// FuzzDecodeRecordText decodes each line of the input, and splits the
// whole input into records, both ways, and fails on any difference.
func FuzzDecodeRecordText(f *testing.F) {
	addFuzzSeeds(f, "FuzzJSONL")
	addFuzzSeeds(f, "FuzzRedtapeJSON",
		`{"code":"1","name":"A","papers":[{"text":"B","originals":1,"span":{"field":"papers","start":0,"end":1}}]}`,
		`{"name":"a\u00e9\"","channels":[{"mode":"online","time":{"text":"5","value":5,"unit":"days"},"fees":[{"text":"f","amount":0}]}]}`,
		`{"code":"1","CODE":"2","papers":[null]}`)
	if full, err := json.Marshal(fullRecord()); err == nil {
		f.Add(full)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		if !utf8.Valid(data) {
			return // the readers hand over valid UTF-8 only
		}
		checkSameSplit(t, strings.TrimSpace(string(data)))
		for _, line := range strings.Split(string(data), "\n") {
			checkSameDecode(t, line)
		}
	})
}

// TestHasLongField sets each string of a record with every field set in
// turn longer than the limit: hasLongField must find every one, since
// capFields only runs when it does.
func TestHasLongField(t *testing.T) {
	const max = 8
	probe := fullRecord()
	var strs []reflect.Value
	var paths []string
	var visit func(path string, v reflect.Value)
	visit = func(path string, v reflect.Value) {
		switch v.Kind() {
		case reflect.Pointer:
			visit(path, v.Elem())
		case reflect.Struct:
			for i := 0; i < v.NumField(); i++ {
				visit(path+"."+v.Type().Field(i).Name, v.Field(i))
			}
		case reflect.Slice:
			for i := 0; i < v.Len(); i++ {
				visit(fmt.Sprintf("%s[%d]", path, i), v.Index(i))
			}
		case reflect.String:
			v.SetString("x")
			strs, paths = append(strs, v), append(paths, path)
		}
	}
	visit("Procedure", reflect.ValueOf(probe))
	if len(strs) < 40 {
		t.Fatalf("only %d strings visited", len(strs))
	}
	if hasLongField(probe, max) {
		t.Fatal("a record with no string over the limit reported long")
	}
	for i, v := range strs {
		v.SetString(strings.Repeat("x", max))
		if hasLongField(probe, max) {
			t.Errorf("%s at the limit reported long", paths[i])
		}
		v.SetString(strings.Repeat("x", max+1))
		if !hasLongField(probe, max) {
			t.Errorf("%s longer than the limit not found", paths[i])
		}
		v.SetString("x")
	}
}

// checkSameSplit fails unless splitRedtapeJSON, when it takes text, finds
// what unmarshalRedtapeJSON finds.
func checkSameSplit(t *testing.T, text string) (fast bool) {
	t.Helper()
	records, schema, doc, ok := splitRedtapeJSON(text)
	if !ok {
		return false
	}
	want, wantSchema, wantDoc, err := unmarshalRedtapeJSON(text)
	if err != nil {
		t.Fatalf("%q: split, but encoding/json refused it: %v", text, err)
	}
	if len(records) != len(want) || (len(want) > 0 && !reflect.DeepEqual(records, want)) || schema != wantSchema || doc != wantDoc {
		t.Fatalf("%q: split %q %q %v, encoding/json %q %q %v", text, records, schema, doc, want, wantSchema, wantDoc)
	}
	return true
}

func TestSplitRedtapeJSON(t *testing.T) {
	for _, text := range []string{
		`[]`, `[ ]`, `[{"code":"1"}, {"code":"2","papers":[{"text":"]}"}]} ,null,5,"x",[1,{}]]`,
		`{"schema":"redtape.procedure/v1","procedures":[{"code":"1"},{"name":"a\"b"}]}`,
		"{\n \"procedures\": [\n  {\"code\": \"1\"}\n ],\n \"schema\": \"redtape.procedure/v1\"\n}",
		`{"schema":"other/v1","procedures":[]}`, `{"schema":"","procedures":[{}]}`, `{"code":"1","name":"A"}`,
		`{"x":{"procedures":1},"y":[1,2,"]"],"schema":"redtape.procedure/v1","procedures":[{"code":"1"}],"z":-1.5e3}`,
		`{}`,
	} {
		if !checkSameSplit(t, text) {
			t.Errorf("not split: %s", text)
		}
	}
	for _, text := range []string{
		``, `[`, `[1,]`, `{"schema":"a"}x`, `null`, `"x"`, `5`,
		`{"Schema":"redtape.procedure/v1","procedures":[]}`, `{"schema":"a","PROCEDURES":[]}`,
		`{"schema":"redtape.procedure/v1","schema":"x"}`, `{"procedures":[{}],"procedures":[]}`,
		`{"schema":5}`, `{"schema":null,"procedures":[]}`, `{"procedures":null}`, `{"procedures":{}}`,
		`{"sch\u0065ma":"a"}`, `{"schema":"redtape.procedure\/v1"}`, `{"ſchema":"a"}`,
	} {
		if checkSameSplit(t, text) {
			t.Errorf("split %q, which it must leave to encoding/json", text)
		}
	}
}
