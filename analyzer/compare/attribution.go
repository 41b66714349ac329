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
	at := NewAttributor(table)
	for _, p := range procs {
		at.Add(p)
	}
	return at.Result()
}

// Attributor is [Attribute] for records handed over one at a time: it
// keeps the counts and the records it lists, not the others.
type Attributor struct {
	table *corpus.Agencies
	out   *Attributions
}

// NewAttributor attributes with table (nil means corpus.DefaultAgencies).
func NewAttributor(table *corpus.Agencies) *Attributor {
	if table == nil {
		table = corpus.DefaultAgencies()
	}
	return &Attributor{table: table, out: &Attributions{ByEvidence: map[corpus.Evidence]int{}, ByMinistry: map[string]map[corpus.Evidence]int{}}}
}

// Add attributes p and counts it.
func (at *Attributor) Add(p *corpus.Procedure) {
	out := at.out
	a := at.table.Attribute(p)
	out.Records++
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

// Result returns the attributions of the records added, each list in
// the order of its records' files, then IDs.
func (at *Attributor) Result() *Attributions {
	out := at.out
	for _, l := range [][]Attributed{out.Unattributed, out.Conflicts} {
		sort.SliceStable(l, func(i, j int) bool { return l[i].File < l[j].File || l[i].File == l[j].File && l[i].ID < l[j].ID })
	}
	return out
}
