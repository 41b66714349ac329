package compare

import (
	"testing"

	"github.com/redtape-vn/redtape/corpus"
)

func TestAttribute(t *testing.T) {
	procs := []*corpus.Procedure{
		{Code: "1", Decision: "1/QĐ-BXD"},
		{Code: "2", Agencies: []string{"Cục Hàng không Việt Nam"}, Source: corpus.Source{File: "b/unknown/2.json"}},
		{Code: "3", Agencies: []string{"Ủy ban nhân dân cấp xã"}, Source: corpus.Source{File: "z/3.json"}},
		{Code: "4", Agencies: []string{"Ủy ban nhân dân cấp tỉnh"}, Source: corpus.Source{File: "a/4.json"}},
		{Code: "5", Decision: "2/QĐ-BYT", Source: corpus.Source{File: "x/bo-xay-dung/5.json"}},
	}
	at := Attribute(procs, nil)
	if at.Records != 5 || at.ByEvidence[corpus.EvidenceIssuer] != 2 || at.ByEvidence[corpus.EvidenceAgency] != 1 || at.ByEvidence[corpus.EvidenceNone] != 2 {
		t.Errorf("by evidence %v", at.ByEvidence)
	}
	if n := at.ByMinistry["Bộ Xây dựng"]; n[corpus.EvidenceIssuer] != 1 || n[corpus.EvidenceAgency] != 1 {
		t.Errorf("Bộ Xây dựng by evidence %v", n)
	}
	if len(at.Unattributed) != 2 || at.Unattributed[0].ID != "4" || at.Unattributed[1].ID != "3" {
		t.Errorf("unattributed %+v, want 4 then 3 (by file)", at.Unattributed)
	}
	if len(at.Conflicts) != 1 || at.Conflicts[0].ID != "5" || at.Conflicts[0].Ministry != "Bộ Y tế" {
		t.Errorf("conflicts %+v", at.Conflicts)
	}
}
