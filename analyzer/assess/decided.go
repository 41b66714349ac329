package assess

import (
	"fmt"

	"github.com/redtape-vn/redtape/analyzer/decisions"
	"github.com/redtape-vn/redtape/analyzer/flags"
	"github.com/redtape-vn/redtape/corpus"
)

// Decisions returns the built-in list of the Government's decisions
// (Resolution 66.7/2025/NQ-CP Appendix I), extended or replaced by the
// file at path when path is not empty. It is the one way commands load the
// list; its errors name the file and line.
func Decisions(path string) (*decisions.List, error) {
	list, err := decisions.Default()
	if err != nil {
		return nil, fmt.Errorf("built-in decisions: %w", err)
	}
	if path != "" {
		if list, err = decisions.Load(path, list); err != nil {
			return nil, err
		}
	}
	return list, nil
}

// Decided is a verdict on one listed row, placed in its procedure.
type Decided struct {
	decisions.Verdict
	// ID, Name, Ministry and Sector place the procedure; Source is the
	// file it was read from.
	ID       string `json:"id"`
	Name     string `json:"name"`
	Ministry string `json:"ministry,omitempty"`
	Sector   string `json:"sector,omitempty"`
	Source   string `json:"source,omitempty"`
}

// DecisionGroup counts the verdicts of one ministry.
type DecisionGroup struct {
	Name string `json:"name"`
	decisions.Counts
}

// DecisionSummary is what the records say of the listed decisions: every
// row whose procedure is among them, judged applied, not applied (the
// published procedure still asks for the paper) or paper not found.
type DecisionSummary struct {
	// Rows counts the list's rows; Judged those whose procedure was read.
	Rows   int `json:"rows"`
	Judged int `json:"judged"`
	decisions.Counts
	// Ministries counts the verdicts per ministry, the most not applied first.
	Ministries []DecisionGroup `json:"ministries"`
	// Verdicts are every verdict, in the order of the procedures read.
	Verdicts []Decided `json:"verdicts"`
}

// JudgeDecisions judges every row of list whose procedure is among procs,
// with results the flag verdicts of procs (in order). ministry names a
// procedure's ministry; nil takes the record's own.
func JudgeDecisions(list *decisions.List, procs []*corpus.Procedure, results []flags.ProcedureResult, ministry func(*corpus.Procedure) string) DecisionSummary {
	j := NewDecisionJudge(list, ministry)
	for i, p := range procs {
		if i >= len(results) {
			break
		}
		j.Add(p, results[i])
	}
	return j.Summary()
}
