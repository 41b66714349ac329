package corpus

import (
	"encoding/json"
	"reflect"
	"sort"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestTopLevelKeys(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want []string // nil: not an object
	}{
		{`{"a": 1, "b": "x", "c": {"d": [1, {"e": "}"}]}, "f": null}`, []string{"a", "b", "c", "f"}},
		{` [ {"code": "1", "name": "\\"q\\""}, {"other": 1} ]`, []string{"code", "name"}},
		{`{"s\u0063hema": "redtape", "procedures": []}`, []string{"procedures", "schema"}},
		{`{"raw_text": "dài \"trích\" \\ [{", "ma_thu_tuc": "1"}`, []string{"ma_thu_tuc", "raw_text"}},
		{`{}`, []string{}},
		{`{"a": 1, "b": `, []string{"a", "b"}},      // cut: the keys read so far
		{`{"a": "unclosed, "b": 2}`, []string{"a"}}, // the string ends at the next quote
		{`{"a" 1}`, []string{}},
		{`[1, 2]`, nil},
		{`"text"`, nil},
		{``, nil},
	} {
		got := topLevelKeys(tc.in)
		var names []string
		if got != nil {
			names = []string{}
			for k := range got {
				names = append(names, k)
			}
			sort.Strings(names)
		}
		if !reflect.DeepEqual(names, tc.want) {
			t.Errorf("topLevelKeys(%q) = %q, want %q", tc.in, names, tc.want)
		}
	}
}

// decodedTopLevelKeys is topLevelKeys by decoding, the reference for the
// fuzz target: the keys of the top-level object, or of an array's first
// element.
func decodedTopLevelKeys(text string) map[string]bool {
	var v any
	if err := json.Unmarshal([]byte(text), &v); err != nil {
		return nil
	}
	if a, ok := v.([]any); ok {
		if len(a) == 0 {
			return nil
		}
		v = a[0]
	}
	obj, ok := v.(map[string]any)
	if !ok {
		return nil
	}
	keys := map[string]bool{}
	for k := range obj {
		keys[k] = true
	}
	return keys
}

// FuzzTopLevelKeys checks the scanner against decoding on valid JSON, and
// that it never panics on anything else.
func FuzzTopLevelKeys(f *testing.F) {
	addSeeds(f, "FuzzTopLevelKeys", `{"a":1,"b":[{"c":"]"}]}`, `[{"code":"x"}]`, `{"k\u00e9":"\\"}`, `{"a":`)
	f.Fuzz(func(t *testing.T, s string) {
		got := topLevelKeys(s)
		if !json.Valid([]byte(s)) {
			return
		}
		want := decodedTopLevelKeys(s)
		if want == nil {
			return // an empty array or a scalar: the scanner may say nil or {}
		}
		if !utf8.ValidString(s) || invalidUTF8Key(want) {
			return // decoding changed the keys' bytes; the scanner keeps them
		}
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("topLevelKeys(%q) = %v, want %v", s, got, want)
		}
	})
}

// invalidUTF8Key reports whether a key was changed by decoding (invalid
// UTF-8 or escapes of lone surrogates become U+FFFD), where the scanner
// keeps the bytes.
func invalidUTF8Key(keys map[string]bool) bool {
	for k := range keys {
		if strings.ContainsRune(k, '\uFFFD') {
			return true
		}
	}
	return false
}
