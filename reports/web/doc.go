// Package web is redtape's web workspace for legal reviewers: search with
// facets and highlights, a page per procedure with the verdict on each
// paper and its estimated cost, the reduction report, and a check page
// that lints a pasted or uploaded draft, served by "redtape serve". Pages
// are rendered on the server with html/template, in Vietnamese with an
// English switch, and work without JavaScript; the stylesheet is embedded
// and no asset comes from elsewhere.
//
// Every figure comes from the one assessment (package analyzer/assess)
// and the report from the same code as "redtape report --html" (packages
// reports/collect and reports). Every value from a record or a request is
// escaped by html/template; record text never becomes a live link, except
// a record's http(s) source URL. Responses carry a Content-Security-Policy
// that allows no inline script (the report's one script is allowed by its
// hash) and nothing from another origin.
//
// The routes: / and /search (search), /procedure?id= (a procedure),
// /reports and /report (reports), /check and /rule/{id} (the draft
// checker), /help (the query syntax), and the JSON API /api/search,
// /api/procedure, /api/report and /api/check (docs/serve.md). A Store
// holds the records the index was built from; Snapshot copies an index
// so that a server never holds its lock.
package web
