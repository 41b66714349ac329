package synth

import (
	"context"
	"encoding/json"
	"fmt"
	"reflect"
	"regexp"
	"strings"
	"testing"

	"github.com/redtape-vn/redtape/corpus"
)

func TestVocabularyValid(t *testing.T) {
	if _, err := parseVocabulary(vocabJSON); err != nil {
		t.Fatal(err)
	}
	if _, err := parseVocabulary([]byte(`{"ministries": []}`)); err == nil || !strings.Contains(err.Error(), "ministries is empty") {
		t.Errorf("empty vocabulary: got %v, want an error naming the empty list", err)
	}
}

func TestGenerateDeterministic(t *testing.T) {
	a, b := Generate(7, 300), Generate(7, 300)
	if !reflect.DeepEqual(a, b) {
		t.Fatal("same seed gave different procedures")
	}
	c := Generate(8, 300)
	if reflect.DeepEqual(a, c) {
		t.Fatal("different seeds gave the same procedures")
	}
	// Each yields the same stream as Generate.
	var got []*corpus.Procedure
	if err := Each(context.Background(), 7, 300, func(p *corpus.Procedure) error {
		got = append(got, p)
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(a, got) {
		t.Fatal("Each and Generate differ")
	}
}

var legalNumber = regexp.MustCompile(`^\d{1,3}/\d{4}/(NĐ-CP|QH1[345]|TT-[A-ZĐ]+)$`)

func TestGenerateRealistic(t *testing.T) {
	procs := Generate(1, 2000)
	ids := map[string]bool{}
	codes := map[string]int{}
	ministries := map[string]bool{}
	for i, p := range procs {
		if p.Code == "" || p.Name == "" || p.Ministry == "" || p.Sector == "" || len(p.Levels) == 0 {
			t.Fatalf("procedure %d lacks code, name, ministry, sector or level: %+v", i, p)
		}
		if len(p.Papers) == 0 || len(p.LegalBasis) < 2 || len(p.Channels) == 0 || len(p.Steps) < 3 {
			t.Fatalf("procedure %d lacks papers, basis, channels or steps", i)
		}
		for _, ref := range p.LegalBasis {
			if !legalNumber.MatchString(ref.Number) || !strings.Contains(ref.Text, ref.Number) {
				t.Errorf("procedure %d: legal number %q not in published shape or not in %q", i, ref.Number, ref.Text)
			}
		}
		for _, s := range []string{p.Name, p.Papers[0].Text, p.Steps[0]} {
			if strings.Contains(s, "{") {
				t.Errorf("procedure %d: unfilled template in %q", i, s)
			}
		}
		key := fmt.Sprintf("%s#%d", p.Source.File, p.Source.Record)
		if ids[key] {
			t.Fatalf("procedure %d repeats source position %s record %d", i, p.Source.File, p.Source.Record)
		}
		ids[key] = true
		codes[p.Code]++
		ministries[p.Ministry] = true
	}
	variants := 0
	for _, n := range codes {
		if n > 1 {
			variants++
		}
	}
	if variants < 20 {
		t.Errorf("only %d codes have provincial variants in 2000 procedures; want some", variants)
	}
	if len(ministries) < 8 {
		t.Errorf("only %d ministries drawn", len(ministries))
	}
	if procs[PerFile].Source.File == procs[0].Source.File || procs[PerFile].Source.Record != 1 {
		t.Errorf("file split wrong: %+v then %+v", procs[0].Source, procs[PerFile].Source)
	}
}

func TestGenerateJSONRoundTrip(t *testing.T) {
	for _, p := range Generate(3, 50) {
		b, err := json.Marshal(p)
		if err != nil {
			t.Fatal(err)
		}
		var q corpus.Procedure
		if err := json.Unmarshal(b, &q); err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(*p, q) {
			t.Fatalf("round trip changed %s", p.Code)
		}
	}
}

func TestDong(t *testing.T) {
	for in, want := range map[int64]string{0: "0", 500: "500", 50000: "50.000", 4500000: "4.500.000"} {
		if got := dong(in); got != want {
			t.Errorf("dong(%d) = %q, want %q", in, got, want)
		}
	}
}

func BenchmarkGenerate(b *testing.B) {
	g := New(1)
	for b.Loop() {
		g.Next()
	}
}

// TestSnapshots: the baseline holds its own stream and copies of the
// first kept current procedures, one in three without a code and one in
// seven in another sector, so that a comparison meets every kind of pair.
func TestSnapshots(t *testing.T) {
	base, cur := Snapshots(50, 60, 21)
	if len(base) != 71 || len(cur) != 60 {
		t.Fatalf("%d baseline and %d current procedures, want 71 and 60", len(base), len(cur))
	}
	for i, q := range base[50:] {
		p := cur[i]
		if q == p {
			t.Fatalf("copy %d is the current procedure itself", i)
		}
		if wantCode := i%3 != 0; (q.Code == p.Code) != wantCode || wantCode && q.Code == "" {
			t.Errorf("copy %d: code %q of %q", i, q.Code, p.Code)
		}
		if moved := i%7 == 0; moved != (q.Sector != p.Sector) {
			t.Errorf("copy %d: sector %q of %q", i, q.Sector, p.Sector)
		}
		if q.Name != p.Name {
			t.Errorf("copy %d renamed %q", i, q.Name)
		}
	}
	if !reflect.DeepEqual(cur, Generate(1, 60)) {
		t.Error("the current set is not the stream of seed 1")
	}
}
