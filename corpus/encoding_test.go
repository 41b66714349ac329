package corpus

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf16"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

func encodingFixture(name string) string {
	return filepath.Join("..", "testdata", "corpus", "encoding", name)
}

func TestEncodings(t *testing.T) {
	for _, tc := range []struct {
		file, encoding, code, name string
	}{
		{"utf16le-bom.jsonl", "", "9.400001", "Cấp giấy chứng nhận thử nghiệm mã hóa"},
		{"utf16be-bom.jsonl", "", "9.400002", "Cấp giấy chứng nhận thử nghiệm mã hóa"},
		{"utf16le-bom.jsonl", "utf-16", "9.400001", "Cấp giấy chứng nhận thử nghiệm mã hóa"},
		{"cp1258.md", "", "9.400003", "Đăng ký thử nghiệm bản mã Windows-1258"},
		{"cp1258.md", "windows-1258", "9.400003", "Đăng ký thử nghiệm bản mã Windows-1258"},
		{"nfd.md", "", "9.400004", "Đăng ký thử nghiệm bản mã NFD"},
		{"nfd-escapes.json", "", "9.400005", "Thủ tục có chữ tổ hợp"},
	} {
		t.Run(tc.file+"/"+tc.encoding, func(t *testing.T) {
			procs, sum := loadAll(t, []string{encodingFixture(tc.file)}, Options{Encoding: tc.encoding})
			if sum.Failed() || len(procs) != 1 {
				t.Fatalf("%d procedures, errors %v", len(procs), sum.Errors)
			}
			p := procs[0]
			if p.Code != tc.code || p.Name != tc.name {
				t.Errorf("code %q name %q, want %q %q", p.Code, p.Name, tc.code, tc.name)
			}
			if !norm.NFC.IsNormalString(p.Name) {
				t.Errorf("name not NFC: %q", p.Name)
			}
			if len(p.Papers) > 0 && !strings.HasPrefix(p.Papers[0].Text, "Tờ khai") {
				t.Errorf("paper %q", p.Papers[0].Text)
			}
		})
	}
}

func TestEncodingErrors(t *testing.T) {
	// Forced UTF-8 on a file that is not: a clear error naming the file.
	_, sum := loadAll(t, []string{encodingFixture("invalid-utf8.txt")}, Options{Format: "jsonl", Encoding: "utf-8"})
	if len(sum.Errors) != 1 || !strings.Contains(sum.Errors[0].Error(), "invalid-utf8.txt: not UTF-8") {
		t.Errorf("errors %v", sum.Errors)
	}
	// Detected, the same bytes read as Windows-1258.
	procs, sum := loadAll(t, []string{encodingFixture("invalid-utf8.txt")}, Options{Format: "jsonl"})
	if sum.Failed() || len(procs) != 1 || procs[0].Name != "Tên" {
		t.Errorf("auto: %+v %v", procs, sum.Errors)
	}
	// UTF-16 forced on a file without a byte-order mark.
	_, sum = loadAll(t, []string{encodingFixture("nfd.md")}, Options{Encoding: "utf-16"})
	if len(sum.Errors) != 1 || !strings.Contains(sum.Errors[0].Error(), "nfd.md") {
		t.Errorf("utf-16 without BOM: %v", sum.Errors)
	}
	if _, _, err := Load(t.Context(), []string{encodingFixture("nfd.md")}, Options{Encoding: "koi8-r"}); err == nil || !strings.Contains(err.Error(), "unknown encoding") {
		t.Errorf("unknown encoding: %v", err)
	}
}

func TestDecodeText(t *testing.T) {
	for _, tc := range []struct {
		name   string
		raw    []byte
		forced string
		want   string
	}{
		{"utf-8 BOM", []byte("\xef\xbb\xbfTên"), "", "Tên"},
		{"NFD to NFC", []byte("Te\u0302\u0300n"), "", "Tền"},
		{"cp1258 combining tone", []byte("Vi\xea\xf2t"), "", "Việt"},
		{"utf-16le BOM", []byte{0xff, 0xfe, 'A', 0, 0x11, 0x01}, "", "Ađ"},
		{"utf-16be forced no BOM", []byte{0, 'A', 0x01, 0x11}, "utf-16be", "Ađ"},
		{"utf-16le guessed without BOM", utf16le("Thủ tục {\"a\": 1}"), "", "Thủ tục {\"a\": 1}"},
		{"utf-16be guessed without BOM", utf16be("code,name\n1,Đăng ký"), "", "code,name\n1,Đăng ký"},
		{"NULs in UTF-8 are not UTF-16", []byte("ab\x00\x00cd"), "", "ab\x00\x00cd"},
		{"meta charset wins over auto", []byte(`<meta charset="windows-1258"><p>Vi` + "\xea\xf2t"), "", `<meta charset="windows-1258"><p>Việt`},
		{"meta charset utf-8", []byte(`<meta http-equiv="Content-Type" content="text/html; charset=UTF-8"><p>Việt`), "", `<meta http-equiv="Content-Type" content="text/html; charset=UTF-8"><p>Việt`},
		{"unknown meta charset falls back", []byte(`<meta charset="x-unknown"><p>Việt`), "", `<meta charset="x-unknown"><p>Việt`},
	} {
		got, _, err := decodeText(tc.raw, tc.forced, false)
		if err != nil || got != tc.want {
			t.Errorf("%s: decodeText = %q, %v; want %q", tc.name, got, err, tc.want)
		}
	}
	// A legacy page declaring UTF-8 by mistake is refused, not read as
	// replacement characters; forced UTF-8 is never guessed at. Both say
	// where the first invalid byte is.
	for _, tc := range []struct {
		name, raw, forced, want string
	}{
		{"legacy page declaring UTF-8", `<meta charset="utf-8"><p>Vi` + "\xea\xf2t Nam", "", "declared UTF-8 but not UTF-8: 2 invalid UTF-8 byte(s) among 0 valid non-ASCII characters, the first at line 1, column 28 (byte 28 of the file) (a legacy Windows-1258 file?"},
		{"legacy text after a byte-order mark", "\xef\xbb\xbfVi\xea\xf2t \xc3\xa1 \xe2\xe2", "", "declared UTF-8 but not UTF-8: 4 invalid UTF-8 byte(s) among 1 valid non-ASCII characters, the first at line 1, column 3 (byte 6 of the file)"},
		{"forced UTF-8", "Tên\nVi\xea\xf2t", "utf-8", "not UTF-8: 2 invalid UTF-8 byte(s) among 1 valid non-ASCII characters, the first at line 2, column 3 (byte 8 of the file)"},
		{"forced UTF-8 with a byte-order mark", "\xef\xbb\xbfTên \xff", "utf-8", "the first at line 1, column 6 (byte 9 of the file)"},
	} {
		if _, _, err := decodeText([]byte(tc.raw), tc.forced, false); err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: decodeText error %v, want %q", tc.name, err, tc.want)
		}
	}
}

// TestDecodeInvalidUTF8 checks how a file that is not valid UTF-8 is read
// without a forced encoding: mostly UTF-8 with a few bad bytes stays UTF-8,
// with a warning; legacy Windows-1258 Vietnamese is decoded as such.
func TestDecodeInvalidUTF8(t *testing.T) {
	vi := "Đăng ký tài khoản điện tử; Thành phần hồ sơ: Tờ khai đề nghị cấp giấy phép. "
	for _, tc := range []struct {
		name     string
		raw      []byte
		want     string
		warning  string // substring; "" for none
		noLegacy bool
	}{
		{"one stray byte in UTF-8", []byte(vi + "\xff" + vi), vi + "\uFFFD" + vi, "1 invalid UTF-8 byte(s)", true},
		{"stray byte in a large file", []byte(strings.Repeat(vi+"\n", 8000) + "\xff"), strings.Repeat(vi+"\n", 8000) + "\uFFFD", "line 8001", true},
		{"stray byte on line 3", []byte("a\nb\n" + vi + "\x80x"), "a\nb\n" + vi + "\uFFFDx", fmt.Sprintf("line 3, column %d (byte %d of the file)", len(vi)+1, len("a\nb\n")+len(vi)+1), true},
		{"Windows-1258", []byte("Vi\xea\xf2t Nam \xd0\xe3ng ky\xec"), "Việt Nam Đăng ký", "", false},
		{"Windows-1258 with an accidental UTF-8 pair", []byte("Vi\xea\xf2t Nam \xd0\xe3ng ky\xec th\xea\xf2 \xc3\xa1"), "Việt Nam Đăng ký thệ Ă¡", "", false},
		// Declared UTF-8 with a stray byte reads as undeclared UTF-8 does;
		// the byte is counted from the start of the file, its byte-order
		// mark included.
		{"stray byte after a UTF-8 byte-order mark", []byte("\xef\xbb\xbf" + vi + "\xff" + vi), vi + "\uFFFD" + vi, fmt.Sprintf("the first at line 1, column %d (byte %d of the file)", len(vi)+1, 3+len(vi)+1), true},
		{"stray byte in a page declaring UTF-8", []byte(`<meta charset="utf-8"><p>` + vi + "\x80" + vi), `<meta charset="utf-8"><p>` + vi + "\uFFFD" + vi, "1 invalid UTF-8 byte(s)", true},
		{"many bad bytes, Windows-1258 reading not Vietnamese", []byte("Vi\xe1\xbb\x87t \x81\x8d\x8f\x90\x9d\x9e"), "Việt \uFFFD", "6 invalid UTF-8 byte(s)", true},
	} {
		got, warning, err := decodeText(tc.raw, "", false)
		if err != nil || got != tc.want {
			t.Errorf("%s: decodeText = %q, %v; want %q", tc.name, got, err, tc.want)
		}
		if tc.warning == "" && warning != "" || tc.warning != "" && !strings.Contains(warning, tc.warning) {
			t.Errorf("%s: warning %q, want %q", tc.name, warning, tc.warning)
		}
	}

	// A portal record with one stray byte in raw_text: every field reads
	// as UTF-8 and the file is listed with a warning.
	rec := portalFixture("bo-cong-an")
	rec["raw_text"] = "Thủ tục \xff"
	data, err := json.Marshal(rec)
	if err != nil {
		t.Fatal(err)
	}
	data = bytes.Replace(data, []byte("\\ufffd"), []byte("\xff"), 1)
	if utf8.Valid(data) {
		t.Fatal("fixture lost its invalid byte")
	}
	procs, sum := readAllData(t, "x/bo-cong-an/9.999001.json", data, Options{})
	if sum.Failed() || len(procs) != 1 {
		t.Fatalf("errors %v, %d records", sum.Errors, len(procs))
	}
	if p := procs[0]; p.Name != "Cấp giấy phép thử nghiệm" || len(p.Papers) != 3 {
		t.Errorf("name %q, %d papers", p.Name, len(p.Papers))
	}
	if len(sum.Warnings) != 1 || !strings.Contains(sum.Warnings[0].Error(), "9.999001.json: 1 invalid UTF-8 byte(s)") {
		t.Errorf("warnings %v", sum.Warnings)
	}
}

// TestIsNFC checks the table-driven NFC check against the norm package on
// every safe rune and on random strings mixing them with combining marks,
// composing starters and other scripts.
func TestIsNFC(t *testing.T) {
	safe := 0
	for r := rune(0x80); r < nfcSafeEnd; r++ {
		if !nfcSafe()[r] {
			continue
		}
		safe++
		for _, s := range []string{string(r), "a" + string(r), string(r) + "\u0301", string(r) + "\u0323\u0302", "\u1100" + string(r)} {
			if isNFC(s) != norm.NFC.IsNormalString(s) {
				t.Fatalf("isNFC(%q) = %v, norm says %v", s, isNFC(s), !isNFC(s))
			}
		}
	}
	for _, r := range "ếẾđĐơưỮắặ₫–“”…àÀ" {
		if !nfcSafe()[r] {
			t.Errorf("%q not safe: Vietnamese text would always take the slow check", r)
		}
	}
	for _, r := range []rune{0x0300, 0x0301, 0x0340, 0x0344, 0x0374, 0x037E, 0x0387, 0x2000, 0x2001, 0x1E9B} {
		if r < nfcSafeEnd && nfcSafe()[r] {
			t.Errorf("%U safe, but it is a mark, a singleton or decomposes to one", r)
		}
	}
	alphabet := []rune("aeEoy đĐơưếẾặ₫–\u0300\u0301\u0302\u0303\u0309\u0323\u031B\u0340\u2000\u212B\u1100\u1161\u0B47\u0B3E한")
	rng := rand.New(rand.NewPCG(1, 2))
	for i := 0; i < 20000; i++ {
		var b strings.Builder
		for n := rng.IntN(8); n >= 0; n-- {
			b.WriteRune(alphabet[rng.IntN(len(alphabet))])
			if rng.IntN(3) == 0 {
				b.WriteString("ascii text"[:rng.IntN(11)])
			}
		}
		s := b.String()
		if got, want := isNFC(s), norm.NFC.IsNormalString(s); got != want {
			t.Fatalf("isNFC(%q) = %v, want %v", s, got, want)
		}
	}
	// Validity: random bytes, including truncated and overlong sequences.
	// Lengths past 16 take the eight-byte steps over ASCII runs of every
	// length and position.
	bytesAlphabet := []byte{'a', 'b', ' ', '"', 0x7F, 0x80, 0xBF, 0xC0, 0xC2, 0xC3, 0xDF, 0xE0, 0xE1, 0xE2, 0xED, 0xEF, 0xF0, 0xF4, 0xFF, 0xA0, 0xBA, 0xBB, 0x83}
	for i := 0; i < 100000; i++ {
		b := make([]byte, rng.IntN(40))
		for j := range b {
			b[j] = bytesAlphabet[rng.IntN(len(bytesAlphabet))]
		}
		s := string(b)
		valid, ok := scanNFC(s)
		if valid != utf8.ValidString(s) || valid && ok != norm.NFC.IsNormalString(s) {
			t.Fatalf("scanNFC(%q) = %v, %v; utf8 says %v, norm %v", s, valid, ok, utf8.ValidString(s), norm.NFC.IsNormalString(s))
		}
	}
	t.Logf("%d safe runes below %U", safe, nfcSafeEnd)
}

func utf16le(s string) []byte {
	var b []byte
	for _, u := range utf16.Encode([]rune(s)) {
		b = append(b, byte(u), byte(u>>8))
	}
	return b
}

func utf16be(s string) []byte {
	var b []byte
	for _, u := range utf16.Encode([]rune(s)) {
		b = append(b, byte(u>>8), byte(u))
	}
	return b
}

// TestNFCLargeText checks the parallel path of nfc: pieces are cut after
// line breaks, normalised alone and joined back unchanged elsewhere.
func TestNFCLargeText(t *testing.T) {
	line := "Đăng ký khai sinh cho trẻ em; Te\u0302\u0300n ba\u0309n sao\n"
	var b strings.Builder
	for b.Len() < 3*nfcChunk {
		b.WriteString(line)
	}
	in := b.String()
	if got, want := nfc(in), norm.NFC.String(in); got != want {
		t.Fatalf("nfc differs from norm.NFC.String on %d bytes", len(in))
	}
	clean := norm.NFC.String(in)
	if got := nfc(clean); got != clean {
		t.Fatal("nfc changed NFC text")
	}
}
