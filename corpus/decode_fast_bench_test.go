package corpus_test

import (
	"bytes"
	"reflect"
	"strings"
	"testing"

	"github.com/redtape-vn/redtape/corpus"
	"github.com/redtape-vn/redtape/corpus/synth"
)

// synthLines returns n synthetic procedures as JSONL lines.
func synthLines(tb testing.TB, n int) []string {
	tb.Helper()
	var buf bytes.Buffer
	if err := corpus.WriteJSONL(&buf, synth.Generate(1, n)); err != nil {
		tb.Fatal(err)
	}
	return strings.Split(strings.TrimSuffix(buf.String(), "\n"), "\n")
}

// TestDecodeRecordFastSynth checks that the typed scanner takes every
// synthetic record and decodes it as encoding/json does.
func TestDecodeRecordFastSynth(t *testing.T) {
	lines := synthLines(t, 500)
	for i, line := range lines {
		got, ok := corpus.DecodeRecordFast(line)
		want, err := corpus.DecodeRecordStd(line)
		if err != nil {
			t.Fatalf("record %d: %v", i+1, err)
		}
		if !ok {
			t.Fatalf("record %d left to encoding/json:\n%s", i+1, line)
		}
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("record %d:\ntyped         %#v\nencoding/json %#v", i+1, got, want)
		}
	}
}

// BenchmarkDecodeJSONL decodes synthetic JSONL records one by one, with the
// typed scanner and with encoding/json (what the readers used before), and
// reports records per second of each.
func BenchmarkDecodeJSONL(b *testing.B) {
	lines := synthLines(b, 1000)
	size := 0
	for _, l := range lines {
		size += len(l)
	}
	for _, bc := range []struct {
		name   string
		decode func(string) bool
	}{
		{"typed", func(s string) bool { _, ok := corpus.DecodeRecordFast(s); return ok }},
		{"encoding-json", func(s string) bool { _, err := corpus.DecodeRecordStd(s); return err == nil }},
	} {
		b.Run(bc.name, func(b *testing.B) {
			b.SetBytes(int64(size))
			b.ReportAllocs()
			for i := 0; i < b.N; i++ {
				for _, l := range lines {
					if !bc.decode(l) {
						b.Fatalf("not decoded: %s", l)
					}
				}
			}
			b.ReportMetric(float64(b.N*len(lines))/b.Elapsed().Seconds(), "records/s")
		})
	}
}

// BenchmarkScanNFC checks that synthetic JSONL text (Vietnamese values
// among ASCII keys and digits) is valid UTF-8 in NFC, as every file read
// is checked before it is decoded.
func BenchmarkScanNFC(b *testing.B) {
	text := strings.Join(synthLines(b, 1000), "\n")
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		if valid, nfc := corpus.ScanNFC(text); !valid || !nfc {
			b.Fatal("synthetic text is not valid NFC")
		}
	}
}
