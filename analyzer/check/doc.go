// Package check lints draft regulations the way a linter checks code.
//
// A draft (Markdown, HTML or plain text) is read by [Parse] into a [Draft]:
// its text with the position (line and column) of every character, its
// articles, clauses, points and sentences, the dossier lists and procedures
// it defines, the business conditions it sets and the inline directives
// (redtape-disable / redtape-enable) it carries. A [Checker] runs the
// registered rules (see [Rules]) over drafts and returns [Finding]s sorted by
// file, line, column and rule.
//
// Rule ids never change: CI systems fingerprint findings by them. What the
// rules look for (requirement words, catch-all phrases, certified-copy
// phrases) is data, embedded from data/lexicon.yaml and validated on load;
// the rules' documentation and default severities come from data/rules.yaml.
// What they report is data too: each finding's message and fix are a
// [Message], a key of data/messages.yaml with its arguments, in Vietnamese
// and English. [Finding.Message] and [Finding.Fix] keep the English text,
// the one machine output (JSON, SARIF) prints whatever the language;
// [Finding.Text] and [Run.NotesIn] give the text in either language.
//
// The checker depends on two services that live elsewhere, through small
// interfaces: a [PaperMatcher] that finds the digitised papers a sentence
// requires (the flag catalog, see [CatalogMatcher]), and a [Coster] that
// prices a procedure (the Standard Cost Model, see [CostModel]).
//
// [CheckPaths] is the driver a command calls: it finds the drafts under
// paths (or those a git diff or a piped unified diff changes), checks each
// one, keeps with a diff only the findings on added lines, and returns a
// [Run], the report model the writers of reports/findings format. Each
// finding is kept once, in the [FileResult] of its draft.
package check
