// Package reports turns what the analyzer computed into documents a ministry
// can send upward: a Markdown reduction report ([WriteMarkdown]) and the same
// report as one self-contained HTML file ([WriteHTML]).
//
// The writer does no analysis. It formats an [Input] — progress toward the
// regulation and compliance-cost targets, tallies per ministry and sector,
// flagged papers by database with their legal basis, the largest
// opportunities, the changes since a baseline and the method behind every
// figure — which the command fills from packages flags, cost and compare
// (see package reports/collect). Tests build Inputs by hand.
//
// Headings and prose come from an embedded data file (text.yaml) in
// Vietnamese and English. Numbers follow one convention per language
// (docs/reports.md): in Vietnamese 1.234.567 đ and 12,5 %, in English
// 1,234,567 VND and 12.5%. Output is deterministic: the same Input gives the
// same bytes.
package reports
