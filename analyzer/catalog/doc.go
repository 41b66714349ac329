// Package catalog holds the catalog of digitised data: one entry per kind of
// paper the state already holds as data (identity card, birth certificate,
// enterprise registration ...), with the names it goes by in real dossier
// lists, the database and owner that hold it, the legal basis that lets an
// agency look it up instead of asking for it, the dates that basis applies,
// its coverage and the source of each fact.
//
// The default catalog is a YAML file (catalog.yaml, format
// redtape.catalog/v1, documented in docs/flags.md), embedded as
// catalog.json, its decoded form, which reads several times faster; "go
// test -update" writes the JSON from the YAML. A user file can extend it
// or replace it ([Load]); every file is validated on load with errors that
// name the file and the entry.
package catalog
