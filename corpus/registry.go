package corpus

import (
	"context"
	"path/filepath"
	"strings"
)

// A reader decodes the procedure records of one file format.
type reader struct {
	// name is the format's name, as given to --format.
	name string
	// exts are the lower-case file extensions the format uses.
	exts []string
	// sniff reports whether a file of one of exts holds this format, from
	// its path and decoded text.
	sniff func(path, text string) bool
	// read decodes text, calling emit for each record and fail for each
	// record it cannot read. It returns only errors that must stop the walk
	// (a context error or an error from emit).
	read func(ctx context.Context, path, text string, emit func(*Procedure) error, fail func(*ReadError)) error
	// skip, when set, recognises a file of this format that knowingly
	// holds no records (such as an export's summary) and returns why it is
	// skipped; "" means read the file. found is true for a file found while
	// walking a directory, false for one named directly or read from memory:
	// a reader may skip files it only meets on the way (a README among
	// Markdown procedures) and still report them when asked for by name.
	skip func(path, text string, found bool) string
	// canonical is true when the reader hands over records already in
	// canonical form (NFC strings, nil for empty lists; see
	// [canonicalize]), so the walk need not walk them again.
	canonical bool
}

// readers lists every reader in the order detection tries them.
func readers() []reader {
	return []reader{
		jsonlReader(),
		redtapeJSONReader(),
		portalCrawlReader(),
		wordExportReader(),
		nationalExportReader(),
		htmlReader(),
		markdownReader(),
		csvReader(),
	}
}

// Formats lists the names of the formats [Walk] can read.
func Formats() []string {
	var names []string
	for _, r := range readers() {
		names = append(names, r.name)
	}
	return names
}

func lookupReader(name string) *reader {
	if name == "" {
		return nil
	}
	for _, r := range readers() {
		if r.name == name {
			return &r
		}
	}
	return nil
}

func knownExtension(name string) bool {
	ext := strings.ToLower(filepath.Ext(name))
	for _, r := range readers() {
		for _, e := range r.exts {
			if e == ext {
				return true
			}
		}
	}
	return false
}

func detectReader(path, text string) *reader {
	ext := strings.ToLower(filepath.Ext(path))
	for _, r := range readers() {
		for _, e := range r.exts {
			if e == ext && (r.sniff == nil || r.sniff(path, text)) {
				return &r
			}
		}
	}
	return nil
}
