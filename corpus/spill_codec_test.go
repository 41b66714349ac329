package corpus

import (
	"bytes"
	"encoding/json"
	"errors"
	"math"
	"math/rand/v2"
	"reflect"
	"testing"
)

// jsonRoundTrip is p written as JSON and read back, what the spill file
// gave when it held JSON; ok is false when JSON cannot hold p (a NaN or
// an infinity).
func jsonRoundTrip(t *testing.T, p *Procedure) (q *Procedure, ok bool) {
	t.Helper()
	data, err := json.Marshal(p)
	if err != nil {
		return nil, false
	}
	q = new(Procedure)
	if err := json.Unmarshal(data, q); err != nil {
		t.Fatal(err)
	}
	return q, true
}

// TestSpillCodecIsJSONRoundTrip: a record spilled and read back is the
// record a JSON round trip gives, on random records with every field of
// the model set or not (lists of none, one and two, nil pointers, -0):
// a field the codec leaves out fails it. Records JSON cannot hold come
// back alike when spilled again.
func TestSpillCodecIsJSONRoundTrip(t *testing.T) {
	rng := rand.New(rand.NewPCG(9, 4))
	checked := 0
	for range 3000 {
		var p Procedure
		randomFill(rng, reflect.ValueOf(&p).Elem())
		enc := appendSpilled(nil, &p)
		got, err := decodeSpilled(enc)
		if err != nil {
			t.Fatalf("%+v: %v", p, err)
		}
		want, ok := jsonRoundTrip(t, &p)
		if !ok {
			// NaN and infinities: read back and spilled again, the same
			// bytes (the first time -0 may have become 0).
			enc2 := appendSpilled(nil, got)
			got2, err := decodeSpilled(enc2)
			if err != nil || !bytes.Equal(appendSpilled(nil, got2), enc2) {
				t.Fatalf("%+v came back as %+v, then %+v (%v)", p, got, got2, err)
			}
			continue
		}
		checked++
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("spilled and read back:\n got %+v\nwant %+v", got, want)
		}
		// DeepEqual takes -0 for 0; JSON's round trip gives 0.
		for _, c := range got.Channels {
			if c.Time != nil && math.Signbit(c.Time.Value) {
				t.Fatalf("a processing time of -0 came back as -0, not 0: %+v", c.Time)
			}
		}
		// The strings read back are copies: writing over what was read
		// leaves the record as it is.
		clear(enc)
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("the record read back changed with the bytes it was read from:\n got %+v\nwant %+v", got, want)
		}
	}
	if checked < 1000 {
		t.Fatalf("only %d of 3000 records compared with JSON", checked)
	}
}

// TestSpillCodecRefusesDamage: every cut of a spilled record, and the
// record with a byte more, is an error, never a panic.
func TestSpillCodecRefusesDamage(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 8))
	var p Procedure
	for len(appendSpilled(nil, &p)) < 200 {
		randomFill(rng, reflect.ValueOf(&p).Elem())
	}
	enc := appendSpilled(nil, &p)
	for n := range len(enc) {
		if _, err := decodeSpilled(enc[:n:n]); !errors.Is(err, errSpillCorrupt) {
			t.Fatalf("the first %d of %d bytes: %v, want errSpillCorrupt", n, len(enc), err)
		}
	}
	if _, err := decodeSpilled(append(enc[:len(enc):len(enc)], 0)); !errors.Is(err, errSpillCorrupt) {
		t.Fatalf("a byte too many: %v", err)
	}
	// A list longer than the bytes left is refused before it is made.
	huge := appendSpilled(nil, &Procedure{})
	huge = append(huge[:0], 0, 0, 0, 0, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x7F)
	if _, err := decodeSpilled(huge); !errors.Is(err, errSpillCorrupt) {
		t.Fatalf("a list of 2^63 strings: %v", err)
	}
}

// FuzzDecodeSpilled: any bytes are a record or an error, and a record
// read from them is written back to the same record.
func FuzzDecodeSpilled(f *testing.F) {
	rng := rand.New(rand.NewPCG(2, 6))
	for range 8 {
		var p Procedure
		randomFill(rng, reflect.ValueOf(&p).Elem())
		f.Add(appendSpilled(nil, &p))
	}
	f.Add([]byte{})
	f.Fuzz(func(t *testing.T, data []byte) {
		p, err := decodeSpilled(bytes.Clone(data))
		if err != nil {
			return
		}
		again, err := decodeSpilled(appendSpilled(nil, p))
		if err != nil {
			t.Fatalf("a record read back cannot be read again: %v", err)
		}
		if !reflect.DeepEqual(again, p) && !hasNaN(p) {
			t.Fatalf("read back as %+v, then %+v", p, again)
		}
	})
}

// hasNaN reports whether a processing time of p is NaN, which no record
// equals.
func hasNaN(p *Procedure) bool {
	for _, c := range p.Channels {
		if c.Time != nil && math.IsNaN(c.Time.Value) {
			return true
		}
	}
	return false
}
