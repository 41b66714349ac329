// Package compare measures progress toward the reduction targets: it matches
// a baseline set of procedures with a current one and counts what was
// abolished, simplified, left unchanged, made heavier or added, per unit
// (procedures, conditions, papers) and in compliance cost (see package
// cost).
//
// Procedures are matched by code, else by their normalised name (folded
// with corpus/vntext). A matched procedure is simplified when it asks for
// fewer papers or conditions, lower fees or fewer days, or gained an online
// channel, and nothing of these got heavier; see [Status] for every case.
//
// Two scenarios are computed: "current" (baseline against the current set)
// and, when a paper filter is given, "flags_applied" (baseline against the
// current set minus every paper the filter drops, e.g. every paper flagged as
// held in a state database). The package does not know how papers are
// flagged: the caller passes a func.
//
// Each tally also measures the total statutory processing time in working
// days ([TimeCut]: procedures whose time is unknown are counted apart,
// never as zero), and each scenario is tallied per ministry, per sector and
// per scope. [ScopeOf] tells business-related procedures (subjects include
// an enterprise, co-operative, household business or organisation), the
// scope of the Government's published figures, from citizen-only ones;
// [FilterScope] keeps one scope. [Attribute] counts how the records'
// ministries were attributed (corpus.AttributeMinistry) and lists those
// left unattributed.
package compare
