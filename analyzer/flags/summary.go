package flags

import "sort"

// Group counts flagged papers and affected procedures for one ministry,
// sector or database.
type Group struct {
	// Key is the ministry, sector or database name ("" reads as unknown);
	// a database is keyed by its English name.
	Key string `json:"key"`
	// KeyVi is a database's Vietnamese name; empty for ministries and
	// sectors (their names are Vietnamese already) and when the catalog
	// gives none.
	KeyVi string `json:"key_vi,omitempty"`
	// Procedures counts the procedures in the group (for a database: the
	// procedures with a paper it holds).
	Procedures int `json:"procedures"`
	// Affected counts the procedures with at least one flagged paper.
	Affected int `json:"procedures_affected"`
	// Papers counts the required papers; PapersFlagged those flagged.
	Papers        int `json:"papers"`
	PapersFlagged int `json:"papers_flagged"`
	// ByStatus counts, per status, the papers and the procedures with at
	// least one paper of it (ministries and sectors; not databases).
	ByStatus map[Status]StatusCount `json:"by_status,omitempty"`
}

// StatusCount counts the papers of one status and the procedures with at
// least one of them.
type StatusCount struct {
	Papers     int `json:"papers"`
	Procedures int `json:"procedures"`
}

// CountStatuses adds the statuses of r's papers to by, creating it when
// nil, and returns it.
func CountStatuses(by map[Status]StatusCount, r ProcedureResult) map[Status]StatusCount {
	if by == nil {
		by = map[Status]StatusCount{}
	}
	seen := map[Status]bool{}
	for _, p := range r.Papers {
		c := by[p.Status]
		c.Papers++
		if !seen[p.Status] {
			seen[p.Status] = true
			c.Procedures++
		}
		by[p.Status] = c
	}
	return by
}

// Summary totals flagging results.
type Summary struct {
	// Procedures counts the procedures; Affected those with a flagged paper.
	Procedures int `json:"procedures"`
	Affected   int `json:"procedures_affected"`
	// Papers counts the required papers; PapersFlagged those flagged.
	Papers        int `json:"papers"`
	PapersFlagged int `json:"papers_flagged"`
	// ByStatus counts, per status, the papers and the procedures with at
	// least one paper of it: looked-up papers are what the agencies have
	// achieved already, replaceable ones what is within reach, partly
	// replaceable ones what is within reach for most people.
	ByStatus map[Status]StatusCount `json:"by_status,omitempty"`
	// ByMinistry, BySector and ByDatabase break the totals down; a
	// database group counts only flagged papers with a covered component it
	// holds (a paper asking for papers of two databases counts in both) and
	// the procedures with one.
	ByMinistry []Group `json:"by_ministry"`
	BySector   []Group `json:"by_sector"`
	ByDatabase []Group `json:"by_database"`
}

// Summarize totals results by ministry, sector and database. Groups are
// sorted by flagged papers, most first, then by key.
func Summarize(results []ProcedureResult) Summary {
	var z Summarizer
	for _, r := range results {
		z.Add(r)
	}
	return z.Summary()
}

func sorted(m map[string]*Group) []Group {
	out := make([]Group, 0, len(m))
	for _, g := range m {
		out = append(out, *g)
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].PapersFlagged != out[j].PapersFlagged {
			return out[i].PapersFlagged > out[j].PapersFlagged
		}
		return out[i].Key < out[j].Key
	})
	return out
}
