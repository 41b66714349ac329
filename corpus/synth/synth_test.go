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
