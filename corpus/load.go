package corpus

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"unicode/utf8"
)

// Options controls how files are read. The zero value reads every supported
// file, picking the format and encoding from each file.
type Options struct {
	// Format forces one reader by name (see [Formats]); empty detects it.
	Format string
	// Encoding forces the input encoding: "utf-8", "utf-16", "windows-1258";
	// empty or "auto" detects it.
	Encoding string
	// Progress, when set, is called by [Walk] after each file it reads,
	// with how far the walk has come.
	Progress func(Progress)
}

// Progress is how far a [Walk] has come: the files read and their bytes,
// out of all the files the walk will read.
type Progress struct {
	Files, TotalFiles int
	Bytes, TotalBytes int64
}

// ReadError is a file or record that could not be read.
type ReadError struct {
	File   string // path of the file
	Line   int    // 1-based line, where known
	Record int    // 1-based record number within the file, where known
	Err    error  // what went wrong
}

func (e *ReadError) Error() string {
	var b strings.Builder
	b.WriteString(e.File)
	if e.Line > 0 {
		fmt.Fprintf(&b, ":%d", e.Line)
	}
	if e.Record > 0 {
		fmt.Fprintf(&b, " (record %d)", e.Record)
	}
	b.WriteString(": ")
	b.WriteString(e.Err.Error())
	return b.String()
}

func (e *ReadError) Unwrap() error { return e.Err }

// Summary counts what a [Walk] read and what it could not read.
type Summary struct {
	Files      int          // files opened
	Procedures int          // records read
	Errors     []*ReadError // files and records that could not be read
	// Skipped lists files recognised as holding no records on purpose,
	// such as the summary (meta.json) of a national export, with why.
	Skipped []Skipped
	// Warnings lists files and records that were read but not wholly as
	// written: a few invalid bytes in a UTF-8 file (read as U+FFFD), text
	// before a Markdown file's first procedure. They do not make the walk
	// fail.
	Warnings []*ReadError
}

// Skipped is a file that was recognised and knowingly not read as records.
type Skipped struct {
	File   string // path of the file
	Reason string // why it holds no records
}

// Merge adds o's counts and lists to s. A nil o changes nothing.
func (s *Summary) Merge(o *Summary) {
	if o == nil {
		return
	}
	s.Files += o.Files
	s.Procedures += o.Procedures
	s.Errors = append(s.Errors, o.Errors...)
	s.Skipped = append(s.Skipped, o.Skipped...)
	s.Warnings = append(s.Warnings, o.Warnings...)
}

// Failed reports whether any input could not be read.
func (s *Summary) Failed() bool { return len(s.Errors) > 0 }

// ErrStop may be returned by a [Walk] callback to end the walk early without error.
var ErrStop = errors.New("stop walking")

// Walk reads every supported file under paths (files or directories,
// recursively, hidden entries skipped), calling fn with each procedure in
// file order. Unreadable files and records are collected in the summary and
// the walk goes on; so is a path that cannot be opened, when another of
// paths can (when none can, Walk returns an error). Files recognised as
// holding no records on purpose (an export's summary; a Markdown file
// without any procedure met in a directory) are listed in
// [Summary.Skipped]. It stops early when ctx is done or fn returns an
// error; a callback error of [ErrStop] ends the walk without error.
func Walk(ctx context.Context, paths []string, opts Options, fn func(*Procedure) error) (*Summary, error) {
	sum := &Summary{}
	files, err := walkFiles(paths, opts, sum)
	if err != nil {
		return sum, err
	}
	var sizes []int64
	var prog Progress
	if opts.Progress != nil {
		sizes = make([]int64, len(files))
		for i, f := range files {
			if fi, err := os.Stat(f.path); err == nil {
				sizes[i] = fi.Size()
			}
			prog.TotalBytes += sizes[i]
		}
		prog.TotalFiles = len(files)
		opts.Progress(prog)
	}
	for i, f := range files {
		if err := ctx.Err(); err != nil {
			return sum, err
		}
		sum.Files++
		err := readFile(ctx, f, opts, sum, fn)
		if opts.Progress != nil {
			prog.Files++
			prog.Bytes += sizes[i]
			opts.Progress(prog)
		}
		if errors.Is(err, ErrStop) {
			return sum, nil
		}
		if err != nil {
			return sum, err
		}
	}
	return sum, nil
}

// walkFiles checks opts and lists the files under paths a walk reads,
// adding the paths that cannot be opened to sum's errors.
func walkFiles(paths []string, opts Options, sum *Summary) ([]inputFile, error) {
	if opts.Format != "" && lookupReader(opts.Format) == nil {
		return nil, fmt.Errorf("unknown format %q (known: %s)", opts.Format, strings.Join(Formats(), ", "))
	}
	if _, err := decoderFor(opts.Encoding); err != nil {
		return nil, err
	}
	files, missing, err := expand(paths, opts.Format != "")
	if err != nil {
		return nil, err
	}
	if len(missing) > 0 && len(missing) == len(paths) {
		// Nothing named can be read: a mistake in the command, not input
		// to report among what was read.
		return nil, fmt.Errorf("read %s: %w", missing[0].File, errors.Unwrap(missing[0].Err))
	}
	sum.Errors = append(sum.Errors, missing...)
	return files, nil
}

// Load reads every procedure under paths into memory. See [Walk].
func Load(ctx context.Context, paths []string, opts Options) ([]*Procedure, *Summary, error) {
	var out []*Procedure
	sum, err := Walk(ctx, paths, opts, func(p *Procedure) error {
		out = append(out, p)
		return nil
	})
	return out, sum, err
}

// inputFile is a file to read: its path, and whether it was found while
// walking a directory rather than named directly.
type inputFile struct {
	path  string
	found bool
}

// expand turns paths into a sorted list of files. Files named directly are
// always kept; files found in directories are kept only when a reader knows
// their extension. A path that cannot be opened is returned in missing, as
// unreadable input.
func expand(paths []string, forced bool) (files []inputFile, missing []*ReadError, err error) {
	for _, p := range paths {
		info, err := os.Stat(p)
		if err != nil {
			cause := err
			var pe *fs.PathError
			if errors.As(err, &pe) {
				cause = pe.Err
			}
			missing = append(missing, &ReadError{File: p, Err: fmt.Errorf("unreadable input: %w", cause)})
			continue
		}
		if !info.IsDir() {
			files = append(files, inputFile{path: p})
			continue
		}
		var found []string
		root := p
		if li, err := os.Lstat(p); err == nil && li.Mode()&fs.ModeSymlink != 0 {
			// WalkDir does not follow a root that is a link to a directory;
			// with a trailing separator the link is resolved.
			root = p + string(filepath.Separator)
		}
		err = filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			name := d.Name()
			if path != root && strings.HasPrefix(name, ".") {
				if d.IsDir() {
					return filepath.SkipDir
				}
				return nil
			}
			if !d.IsDir() && (forced || knownExtension(name)) {
				found = append(found, path)
			}
			return nil
		})
		if err != nil {
			return nil, nil, fmt.Errorf("walk %s: %w", p, err)
		}
		sort.Strings(found)
		for _, f := range found {
			files = append(files, inputFile{path: f, found: true})
		}
	}
	return files, missing, nil
}

// ReadData reads the records of one in-memory file, named name for format
// detection and error messages, as [Walk] reads a file on disk.
func ReadData(ctx context.Context, name string, data []byte, opts Options, fn func(*Procedure) error) (*Summary, error) {
	sum := &Summary{Files: 1}
	if opts.Format != "" && lookupReader(opts.Format) == nil {
		return sum, fmt.Errorf("unknown format %q (known: %s)", opts.Format, strings.Join(Formats(), ", "))
	}
	err := readData(ctx, inputFile{path: name}, data, false, opts, sum, fn)
	if errors.Is(err, ErrStop) {
		err = nil
	}
	return sum, err
}

func readFile(ctx context.Context, f inputFile, opts Options, sum *Summary, fn func(*Procedure) error) error {
	raw, err := os.ReadFile(f.path)
	if err != nil {
		sum.Errors = append(sum.Errors, &ReadError{File: f.path, Err: err})
		return nil
	}
	return readData(ctx, f, raw, true, opts, sum, fn)
}

// readData reads the records of raw, the contents of f; owned says
// whether raw may be kept as the text records are read from (see
// decodeText) rather than copied.
func readData(ctx context.Context, f inputFile, raw []byte, owned bool, opts Options, sum *Summary, fn func(*Procedure) error) error {
	path := f.path
	text, warning, err := decodeText(raw, opts.Encoding, owned)
	if err != nil {
		sum.Errors = append(sum.Errors, &ReadError{File: path, Err: err})
		return nil
	}
	if warning != "" {
		sum.Warnings = append(sum.Warnings, &ReadError{File: path, Err: &readWarning{msg: warning}})
	}
	r := lookupReader(opts.Format)
	if r == nil {
		r = detectReader(path, text)
	}
	if r == nil {
		sum.Errors = append(sum.Errors, &ReadError{File: path, Err: errors.New("unrecognised format (use --from to choose a reader)")})
		return nil
	}
	if r.skip != nil {
		if reason := r.skip(path, text, f.found); reason != "" {
			sum.Skipped = append(sum.Skipped, Skipped{File: path, Reason: reason})
			return nil
		}
	}
	emit := func(p *Procedure) error {
		if p.Source.File == "" {
			p.Source.File = path
		}
		if p.Source.Format == "" {
			p.Source.Format = r.name
		}
		// capFields walks the record by reflection; hasLongField finds by
		// type whether it has anything to cut, which it seldom has.
		if !hasLongField(p, MaxFieldBytes) {
			// nothing to cut
		} else if cut := capFields(reflect.ValueOf(p)); cut != "" {
			sum.Warnings = append(sum.Warnings, &ReadError{File: path, Line: p.Source.Line, Record: p.Source.Record,
				Err: warningf("field %s longer than %d bytes (the limit of one field): cut to it", strings.TrimPrefix(cut, "."), MaxFieldBytes)})
		}
		if !r.canonical {
			canonicalize(p, true)
		}
		if p.Ministry == "" {
			p.Ministry = AttributeMinistry(p).Ministry
		}
		sum.Procedures++
		return fn(p)
	}
	fail := func(e *ReadError) {
		if e.File == "" {
			e.File = path
		}
		var w *readWarning
		if errors.As(e.Err, &w) {
			sum.Warnings = append(sum.Warnings, e)
			return
		}
		sum.Errors = append(sum.Errors, e)
	}
	return r.read(ctx, path, text, emit, fail)
}

// readWarning is a problem a reader reports through its fail function that
// does not stop the record from being read: the walk lists it in
// [Summary.Warnings], not in [Summary.Errors].
type readWarning struct{ msg string }

func (w *readWarning) Error() string { return w.msg }

// warningf makes a [readWarning].
func warningf(format string, args ...any) error {
	return &readWarning{msg: fmt.Sprintf(format, args...)}
}

// MaxFieldBytes is the longest text of one field of a record that is read
// whole: a longer one is cut to it (at a character boundary) and the
// record is listed in [Summary.Warnings]. The longest field of the 2,067
// real records in the shared corpus is 12 KB; the limit keeps what every
// later stage does with a field (parse fees, find papers, index words)
// bounded by it. Documented in docs/record-format.md, "Limits".
const MaxFieldBytes = 256 << 10

// capFields cuts every string reachable from v longer than [MaxFieldBytes]
// to it, and returns the JSON name of the first one cut ("name",
// "papers[2].text"), or "" when none was. Names are built only for a cut.
func capFields(v reflect.Value) (cut string) {
	switch v.Kind() {
	case reflect.Pointer, reflect.Interface:
		if !v.IsNil() {
			return capFields(v.Elem())
		}
	case reflect.Struct:
		for i := 0; i < v.NumField(); i++ {
			if f := v.Field(i); f.CanSet() {
				if c := capFields(f); c != "" && cut == "" {
					n, _, _ := strings.Cut(v.Type().Field(i).Tag.Get("json"), ",")
					if n == "" || n == "-" {
						n = strings.ToLower(v.Type().Field(i).Name)
					}
					if c != "." {
						n += c
					}
					cut = "." + n
				}
			}
		}
	case reflect.Slice:
		if k := v.Type().Elem().Kind(); k != reflect.String && k != reflect.Struct && k != reflect.Pointer {
			return ""
		}
		for i := 0; i < v.Len(); i++ {
			if c := capFields(v.Index(i)); c != "" && cut == "" {
				if c == "." {
					c = ""
				}
				cut = fmt.Sprintf("[%d]%s", i, c)
			}
		}
	case reflect.String:
		if s := v.String(); len(s) > MaxFieldBytes && v.CanSet() {
			n := MaxFieldBytes
			for n > 0 && !utf8.RuneStart(s[n]) {
				n--
			}
			v.SetString(s[:n])
			return "."
		}
	}
	return cut
}

// canonicalize puts a record in canonical form: every empty list nil and,
// when nfc is set, every string NFC. A reader whose text was NFC and could
// not express other characters (JSON without \u escapes) may pass nfc false.
func canonicalize(p *Procedure, nfc bool) {
	if nfc {
		normalizeStrings(reflect.ValueOf(p))
	}
	dropEmptySlices(reflect.ValueOf(p))
}

// dropEmptySlices sets every empty slice reachable from v to nil, so a
// record reads the same whether a reader left a list empty or unset, and a
// JSON round trip (which omits empty lists) is lossless.
func dropEmptySlices(v reflect.Value) {
	switch v.Kind() {
	case reflect.Pointer:
		if !v.IsNil() {
			dropEmptySlices(v.Elem())
		}
	case reflect.Struct:
		for i := 0; i < v.NumField(); i++ {
			// Exported fields of an addressable struct are the settable ones;
			// CanSet is far cheaper than looking up the field's type.
			if f := v.Field(i); f.CanSet() {
				dropEmptySlices(f)
			}
		}
	case reflect.Slice:
		if v.Len() == 0 {
			if !v.IsNil() && v.CanSet() {
				v.Set(reflect.Zero(v.Type()))
			}
			return
		}
		if k := v.Type().Elem().Kind(); k == reflect.Struct || k == reflect.Pointer || k == reflect.Slice {
			for i := 0; i < v.Len(); i++ {
				dropEmptySlices(v.Index(i))
			}
		}
	}
}
