package demo

import (
	"context"
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"github.com/redtape-vn/redtape/corpus"
	"github.com/redtape-vn/redtape/corpus/vntext"
)

func TestDemoCorpus(t *testing.T) {
	procs, err := Load(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if len(procs) < 36 || len(procs) > 48 {
		t.Errorf("%d procedures, want 36 to 48", len(procs))
	}
	codes := map[string]bool{}
	ministries := map[string]int{}
	var papers, fees, volumes int
	for _, p := range procs {
		if p.Code == "" || codes[p.Code] {
			t.Errorf("code %q missing or repeated", p.Code)
		}
		codes[p.Code] = true
		ministries[p.Ministry]++
		if p.Name == "" || p.Sector == "" || len(p.Levels) == 0 || len(p.Agencies) == 0 || len(p.Steps) == 0 || len(p.Results) == 0 {
			t.Errorf("%s: incomplete record", p.Code)
		}
		if len(p.Channels) == 0 || len(p.Papers) == 0 || len(p.LegalBasis) == 0 {
			t.Errorf("%s: no channels, papers or legal basis", p.Code)
		}
		for _, c := range p.Channels {
			if c.Mode != corpus.ModeInPerson && c.Mode != corpus.ModeOnline && c.Mode != corpus.ModePost {
				t.Errorf("%s: channel mode %q", p.Code, c.Mode)
			}
			if c.Time != nil && c.Time.Unit != "" && c.Time.Value <= 0 {
				t.Errorf("%s: time %+v", p.Code, c.Time)
			}
		}
		for _, pp := range p.Papers {
			papers++
			if pp.Originals == nil && pp.Copies == nil {
				t.Errorf("%s: paper %q has no counts", p.Code, pp.Text)
			}
		}
		for _, l := range p.LegalBasis {
			if l.Number == "" || !strings.Contains(l.Text, l.Number) {
				t.Errorf("%s: legal ref %+v lacks a number found in its text", p.Code, l)
			}
			if got := corpus.ParseLegalRefs(l.Number); len(got) != 1 || got[0].Number != l.Number {
				t.Errorf("%s: legal number %q is not one the parser reads back (%+v)", p.Code, l.Number, got)
			}
		}
		if len(p.Fees()) > 0 {
			fees++
		}
		if p.AnnualVolume != nil {
			volumes++
		}
		if p.Source.File != Name || p.Source.Line == 0 {
			t.Errorf("%s: source %+v", p.Code, p.Source)
		}
	}
	if len(ministries) < 5 {
		t.Errorf("%d ministries, want at least 5: %v", len(ministries), ministries)
	}
	for m, n := range ministries {
		if n < 4 {
			t.Errorf("ministry %s has only %d procedures", m, n)
		}
	}
	if fees < len(procs)/2 || volumes < 10 {
		t.Errorf("%d procedures with fees, %d with annual volume", fees, volumes)
	}
	t.Logf("demo corpus: %d procedures, %d papers, %d ministries", len(procs), papers, len(ministries))
}

// TestDemoMentionsHeldData checks that the demo exercises the papers the
// state already holds as data, so flagging has something to find.
func TestDemoMentionsHeldData(t *testing.T) {
	procs, err := Load(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	count := map[string]int{}
	held := []string{"giay khai sinh", "so ho khau", "can cuoc cong dan", "giay chung nhan dang ky doanh nghiep",
		"phieu ly lich tu phap", "giay kham suc khoe", "giay chung nhan quyen su dung dat"}
	total := 0
	for _, p := range procs {
		for _, pp := range p.Papers {
			total++
			f := vntext.Fold(pp.Text)
			for _, h := range held {
				if strings.Contains(f, h) {
					count[h]++
				}
			}
		}
	}
	for _, h := range held {
		if count[h] == 0 {
			t.Errorf("no paper mentions %q", h)
		}
	}
	flagged := 0
	for _, n := range count {
		flagged += n
	}
	if flagged*2 > total {
		t.Errorf("%d of %d papers are held data: the demo needs papers the state does not hold too", flagged, total)
	}
}

func TestDemoFileIsNFC(t *testing.T) {
	if !utf8.Valid(data) || !norm.NFC.IsNormal(data) {
		t.Error("procedures.jsonl is not NFC UTF-8")
	}
	for i, line := range strings.Split(strings.TrimSpace(string(data)), "\n") {
		if strings.Contains(line, `"source"`) {
			t.Errorf("line %d carries a source: the reader sets it", i+1)
		}
	}
}
