package corpus_test

import (
	"encoding/json"
	"fmt"
	"math"
	"reflect"
	"strings"
	"testing"

	"github.com/redtape-vn/redtape/corpus"
	"github.com/redtape-vn/redtape/corpus/synth"
)

// dedupeStream runs procs through a Deduper as Dedupe takes them whole.
func dedupeStream(procs []*corpus.Procedure) ([]*corpus.Procedure, []corpus.Duplicate) {
	d := corpus.NewDeduper()
	var kept []*corpus.Procedure
	var dups []corpus.Duplicate
	for _, p := range procs {
		if dup, ok := d.Add(p); ok {
			dups = append(dups, dup)
			continue
		}
		kept = append(kept, p)
	}
	return kept, dups
}

// TestDeduperAgreesWithDedupe feeds both the same stream: synthetic
// records, some read again from another file, one variant of a code and
// one record alike at first look but reworded; both keep the same records
// and report the same duplicates with the same messages.
func TestDeduperAgreesWithDedupe(t *testing.T) {
	procs := synth.Generate(7, 600)
	var stream []*corpus.Procedure
	stream = append(stream, procs...)
	for i := 0; i < len(procs); i += 37 {
		again := clone(t, procs[i])
		again.Source = corpus.Source{File: "again.jsonl", Line: i + 1, Format: "jsonl"}
		stream = append(stream, again)
		if i%2 == 0 {
			variant := clone(t, procs[i])
			variant.Agencies = append(variant.Agencies, "UBND xã Mới")
			stream = append(stream, variant)
		}
		if i%3 == 0 && len(procs[i].Papers) > 0 {
			reworded := clone(t, procs[i])
			reworded.Papers[0].Text += " (bản điện tử)"
			stream = append(stream, reworded)
		}
	}
	// A repeat of a repeat names the first copy.
	third := clone(t, procs[0])
	third.Source = corpus.Source{File: "third.json", Record: 4}
	stream = append(stream, third)

	wantKept, wantDups := corpus.Dedupe(append([]*corpus.Procedure(nil), stream...))
	gotKept, gotDups := dedupeStream(stream)
	if len(gotKept) != len(wantKept) {
		t.Fatalf("kept %d records, Dedupe keeps %d", len(gotKept), len(wantKept))
	}
	for i := range gotKept {
		if gotKept[i] != wantKept[i] {
			t.Fatalf("record %d kept: %s from %v, Dedupe keeps %s from %v", i, gotKept[i].ID(), gotKept[i].Source, wantKept[i].ID(), wantKept[i].Source)
		}
	}
	if len(gotDups) != len(wantDups) || len(gotDups) < 17 {
		t.Fatalf("%d duplicates, Dedupe finds %d (want at least 17)", len(gotDups), len(wantDups))
	}
	for i := range gotDups {
		if gotDups[i].String() != wantDups[i].String() {
			t.Errorf("duplicate %d: %q, Dedupe says %q", i, gotDups[i], wantDups[i])
		}
	}
	if last := gotDups[len(gotDups)-1].String(); !strings.Contains(last, "third.json, record 4") || !strings.Contains(last, "first from synth/part-0000.jsonl, record 1") {
		t.Errorf("repeat of a repeat: %q", last)
	}
}

// TestDeduperHashesEveryField changes each field of a record with every
// field set, one at a time: every change but one of the source makes
// another record, so a field added to the model is not silently left out
// of the comparison.
func TestDeduperHashesEveryField(t *testing.T) {
	base := &corpus.Procedure{}
	fill(reflect.ValueOf(base).Elem())
	paths := leaves(reflect.TypeOf(*base), "")
	if len(paths) < 40 {
		t.Fatalf("only %d fields found", len(paths))
	}
	for _, path := range paths {
		changed := clone(t, base)
		changeLeaf(reflect.ValueOf(changed).Elem(), path)
		d := corpus.NewDeduper()
		d.Add(base)
		_, dup := d.Add(changed)
		if strings.HasPrefix(path, ".Source") {
			if !dup {
				t.Errorf("%s: records differing only in where they were read are kept apart", path)
			}
			continue
		}
		if dup {
			t.Errorf("%s: records differing there are taken for one", path)
		}
	}
	// JSON equates an empty list with a missing one, and -0 with 0.
	a, b := clone(t, base), clone(t, base)
	a.Steps, b.Steps = nil, []string{}
	a.Channels[0].Time.Value, b.Channels[0].Time.Value = 0, math.Copysign(0, -1)
	d := corpus.NewDeduper()
	d.Add(a)
	if _, dup := d.Add(b); !dup {
		t.Error("an empty list and -0 make another record")
	}
	// A NaN is never a duplicate, as Dedupe cannot hash it either.
	n1, n2 := clone(t, base), clone(t, base)
	n1.Channels[0].Time.Value, n2.Channels[0].Time.Value = math.NaN(), math.NaN()
	d = corpus.NewDeduper()
	d.Add(n1)
	if _, dup := d.Add(n2); dup {
		t.Error("records holding a NaN taken for one")
	}
}

func clone(t *testing.T, p *corpus.Procedure) *corpus.Procedure {
	t.Helper()
	data, err := json.Marshal(p)
	if err != nil {
		t.Fatal(err)
	}
	var q corpus.Procedure
	if err := json.Unmarshal(data, &q); err != nil {
		t.Fatal(err)
	}
	return &q
}

// fill sets every field reachable from v: strings, numbers, true, lists of one.
func fill(v reflect.Value) {
	switch v.Kind() {
	case reflect.Pointer:
		v.Set(reflect.New(v.Type().Elem()))
		fill(v.Elem())
	case reflect.Struct:
		for i := 0; i < v.NumField(); i++ {
			fill(v.Field(i))
		}
	case reflect.Slice:
		v.Set(reflect.MakeSlice(v.Type(), 1, 1))
		fill(v.Index(0))
	case reflect.String:
		v.SetString("x")
	case reflect.Bool:
		v.SetBool(true)
	case reflect.Int, reflect.Int64:
		v.SetInt(2)
	case reflect.Float64:
		v.SetFloat(2.5)
	default:
		panic(fmt.Sprintf("fill: kind %s", v.Kind()))
	}
}

// leaves lists the paths (".Papers.Text") of every scalar field of t.
func leaves(t reflect.Type, prefix string) []string {
	switch t.Kind() {
	case reflect.Pointer, reflect.Slice:
		return leaves(t.Elem(), prefix)
	case reflect.Struct:
		var out []string
		for i := 0; i < t.NumField(); i++ {
			out = append(out, leaves(t.Field(i).Type, prefix+"."+t.Field(i).Name)...)
		}
		return out
	}
	return []string{prefix}
}

// changeLeaf changes the scalar at path under v (lists: their first element).
func changeLeaf(v reflect.Value, path string) {
	for _, name := range strings.Split(strings.TrimPrefix(path, "."), ".") {
		for v.Kind() == reflect.Pointer || v.Kind() == reflect.Slice {
			if v.Kind() == reflect.Pointer {
				v = v.Elem()
			} else {
				v = v.Index(0)
			}
		}
		v = v.FieldByName(name)
	}
	for v.Kind() == reflect.Pointer || v.Kind() == reflect.Slice {
		if v.Kind() == reflect.Pointer {
			v = v.Elem()
		} else {
			v = v.Index(0)
		}
	}
	switch v.Kind() {
	case reflect.String:
		v.SetString(v.String() + "y")
	case reflect.Bool:
		v.SetBool(!v.Bool())
	case reflect.Int, reflect.Int64:
		v.SetInt(v.Int() + 1)
	case reflect.Float64:
		v.SetFloat(v.Float() + 1)
	}
}

func BenchmarkDeduper100k(b *testing.B) {
	procs := synth.Generate(1, 100_000)
	for b.Loop() {
		d := corpus.NewDeduper()
		for _, p := range procs {
			d.Add(p)
		}
	}
}
