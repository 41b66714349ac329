package corpus

import (
	"reflect"

	"golang.org/x/text/unicode/norm"
)

// normalizeStrings rewrites every string reachable from v (a pointer) to NFC.
// Readers decode escapes such as JSON's \u sequences after the file text was
// normalised, so records are normalised once more on the way out.
func normalizeStrings(v reflect.Value) {
	switch v.Kind() {
	case reflect.Pointer, reflect.Interface:
		if !v.IsNil() {
			normalizeStrings(v.Elem())
		}
	case reflect.Struct:
		for i := 0; i < v.NumField(); i++ {
			if v.Type().Field(i).IsExported() {
				normalizeStrings(v.Field(i))
			}
		}
	case reflect.Slice, reflect.Array:
		for i := 0; i < v.Len(); i++ {
			normalizeStrings(v.Index(i))
		}
	case reflect.String:
		if s := v.String(); !isNFC(s) && v.CanSet() {
			v.SetString(norm.NFC.String(s))
		}
	}
}
