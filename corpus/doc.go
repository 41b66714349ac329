// Package corpus reads administrative procedure records into one model.
//
// Readers exist for the national procedure database's exports and pages and
// for redtape's own formats; [Walk] picks one per file by extension and
// content, converts legacy encodings, normalises text to NFC and streams the
// records it reads. A record that cannot be read is reported as a
// [ReadError] with its file and position and counted in the [Summary]; the
// rest of the input still loads.
package corpus
