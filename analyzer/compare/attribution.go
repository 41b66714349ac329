package compare

import (
	"sort"

	"github.com/redtape-vn/redtape/corpus"
)

// Attributions says how the ministries of a set of records were
// attributed: how many by each evidence, and every record left
// unattributed or whose evidence disagrees, listed rather than merged
// silently into NoMinistry.
type Attributions struct {
	// Records is the number of records.
	Records int `json:"records"`
	// ByEvidence counts records per evidence (corpus.Evidences).
	ByEvidence map[corpus.Evidence]int `json:"by_evidence"`
	// ByMinistry counts the attributed records per ministry and evidence.
	ByMinistry map[string]map[corpus.Evidence]int `json:"by_ministry"`
	// Unattributed lists the records no evidence attributes, by file.
	Unattributed []Attributed `json:"unattributed"`
	// Conflicts lists the records attributed although some evidence names
	// another ministry, by file.
	Conflicts []Attributed `json:"conflicts"`
}

// Attributed is one record and its attribution.
type Attributed struct {
	// ID and Name identify the record; File is where it was read.
	ID   string `json:"id"`
	Name string `json:"name"`
	File string `json:"file"`
	// Attribution is the ministry found and the evidence.
	corpus.Attribution
}

// Attribute attributes every record with table (nil means
// corpus.DefaultAgencies) and counts the evidence. The records are not
// changed.
func Attribute(procs []*corpus.Procedure, table *corpus.Agencies) *Attributions {
	if table == nil {
		table = corpus.DefaultAgencies()
	}
	out := &Attributions{Records: len(procs), ByEvidence: map[corpus.Evidence]int{}, ByMinistry: map[string]map[corpus.Evidence]int{}}
	for _, p := range procs {
		a := table.Attribute(p)
		out.ByEvidence[a.Evidence]++
		if a.Ministry != "" {
			if out.ByMinistry[a.Ministry] == nil {
				out.ByMinistry[a.Ministry] = map[corpus.Evidence]int{}
			}
			out.ByMinistry[a.Ministry][a.Evidence]++
		}
		rec := Attributed{ID: p.ID(), Name: p.Name, File: p.Source.File, Attribution: a}
		if a.Evidence == corpus.EvidenceNone {
			out.Unattributed = append(out.Unattributed, rec)
		} else if len(a.Conflicts) > 0 {
			out.Conflicts = append(out.Conflicts, rec)
		}
	}
	for _, l := range [][]Attributed{out.Unattributed, out.Conflicts} {
		sort.SliceStable(l, func(i, j int) bool { return l[i].File < l[j].File || l[i].File == l[j].File && l[i].ID < l[j].ID })
	}
	return out
}
