package corpus

import (
	"bytes"
	"math"
	"math/rand/v2"
	"reflect"
	"testing"
)

// appendValue writes v to b unambiguously, by reflection: the reference
// the key writer is held to. It writes every string and list with its
// length, every pointer with whether it is nil. An empty list reads as a
// missing one and -0 as 0, as they do in JSON. It returns false on a NaN.
func appendValue(b *[]byte, v reflect.Value) bool {
	switch v.Kind() {
	case reflect.Pointer:
		if v.IsNil() {
			*b = append(*b, 0)
			return true
		}
		*b = append(*b, 1)
		return appendValue(b, v.Elem())
	case reflect.Struct:
		for i := 0; i < v.NumField(); i++ {
			if !appendValue(b, v.Field(i)) {
				return false
			}
		}
	case reflect.Slice:
		*b = appendUint(*b, uint64(v.Len()))
		for i := 0; i < v.Len(); i++ {
			if !appendValue(b, v.Index(i)) {
				return false
			}
		}
	case reflect.String:
		s := v.String()
		*b = appendUint(*b, uint64(len(s)))
		*b = append(*b, s...)
	case reflect.Bool:
		if v.Bool() {
			*b = append(*b, 1)
		} else {
			*b = append(*b, 0)
		}
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		*b = appendUint(*b, uint64(v.Int()))
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		*b = appendUint(*b, v.Uint())
	case reflect.Float32, reflect.Float64:
		f := v.Float()
		if math.IsNaN(f) {
			return false
		}
		if f == 0 {
			f = 0
		}
		*b = appendUint(*b, math.Float64bits(f))
	default:
		// A kind the record model does not use (map, interface): the
		// record is taken as distinct rather than hashed in part.
		return false
	}
	return true
}

// randomFill sets v to random values: nil or empty or longer lists, nil
// pointers, negative zeros and NaNs among the floats.
func randomFill(rng *rand.Rand, v reflect.Value) {
	switch v.Kind() {
	case reflect.Pointer:
		if rng.IntN(3) == 0 {
			v.Set(reflect.Zero(v.Type()))
			return
		}
		v.Set(reflect.New(v.Type().Elem()))
		randomFill(rng, v.Elem())
	case reflect.Struct:
		for i := 0; i < v.NumField(); i++ {
			randomFill(rng, v.Field(i))
		}
	case reflect.Slice:
		switch n := rng.IntN(4); n {
		case 0:
			v.Set(reflect.Zero(v.Type()))
		default:
			v.Set(reflect.MakeSlice(v.Type(), n-1, n-1))
			for i := 0; i < n-1; i++ {
				randomFill(rng, v.Index(i))
			}
		}
	case reflect.String:
		v.SetString([]string{"", "x", "Giấy phép", "\x00\x01", "yy"}[rng.IntN(5)])
	case reflect.Bool:
		v.SetBool(rng.IntN(2) == 0)
	case reflect.Int, reflect.Int64:
		v.SetInt([]int64{0, 1, -1, math.MaxInt64, 300}[rng.IntN(5)])
	case reflect.Float64:
		v.SetFloat([]float64{0, math.Copysign(0, -1), 2.5, math.NaN(), math.Inf(1)}[rng.IntN(5)])
	default:
		panic("randomFill: kind " + v.Kind().String())
	}
}

// TestKeyWriterIsAppendValue holds the key written by writeRecord to the
// reflective one, byte for byte, on random records: a field of the model
// that writeRecord leaves out, or keyWriter writes otherwise, fails it.
func TestKeyWriterIsAppendValue(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 5))
	nan := 0
	for range 3000 {
		var p Procedure
		randomFill(rng, reflect.ValueOf(&p).Elem())
		q := p
		q.Source = Source{}
		var want, got []byte
		wantOK := appendValue(&want, reflect.ValueOf(&q).Elem())
		w := keyWriter{}
		gotOK := writeRecord(&w, &p, false)
		got = w.b
		if gotOK != wantOK {
			t.Fatalf("%+v: typed ok %v, reflective %v", p, gotOK, wantOK)
		}
		if !wantOK {
			nan++
			continue
		}
		if !bytes.Equal(got, want) {
			t.Fatalf("%+v:\ntyped      %x\nreflective %x", p, got, want)
		}
	}
	if nan == 0 || nan == 3000 {
		t.Fatalf("%d records of 3000 held a NaN: the draw misses a case", nan)
	}
}
