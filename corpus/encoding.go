package corpus

import (
	"bytes"
	"fmt"
	"math/bits"
	"regexp"
	"runtime"
	"strings"
	"sync"
	"unicode/utf8"
	"unsafe"

	"golang.org/x/net/html/charset"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"
	"golang.org/x/text/unicode/norm"
)

// Encodings lists the names accepted by [Options.Encoding].
func Encodings() []string {
	return []string{"auto", "utf-8", "utf-16", "utf-16le", "utf-16be", "windows-1258"}
}

// decoderFor returns the decoder forced by name, nil for auto-detection.
func decoderFor(name string) (encoding.Encoding, error) {
	switch strings.ToLower(strings.TrimSpace(name)) {
	case "", "auto":
		return nil, nil
	case "utf-8", "utf8":
		return unicode.UTF8, nil
	case "utf-16", "utf16":
		return unicode.UTF16(unicode.LittleEndian, unicode.ExpectBOM), nil
	case "utf-16le":
		return unicode.UTF16(unicode.LittleEndian, unicode.UseBOM), nil
	case "utf-16be":
		return unicode.UTF16(unicode.BigEndian, unicode.UseBOM), nil
	case "windows-1258", "cp1258":
		return charmap.Windows1258, nil
	}
	return nil, fmt.Errorf("unknown encoding %q (known: %s)", name, strings.Join(Encodings(), ", "))
}

// utf16Order guesses UTF-16 without a byte-order mark from the zero bytes
// that ASCII characters leave at every other position (text in UTF-8 or a
// single-byte code page has none). ok is false when the text does not look
// like UTF-16.
func utf16Order(raw []byte) (order unicode.Endianness, ok bool) {
	n := len(raw)
	if n > 1024 {
		n = 1024
	}
	n &^= 1
	if n < 4 {
		return unicode.BigEndian, false
	}
	var even, odd int
	for i := 0; i < n; i += 2 {
		if raw[i] == 0 {
			even++
		}
		if raw[i+1] == 0 {
			odd++
		}
	}
	pairs := n / 2
	switch {
	case odd*4 >= pairs && even*20 < pairs:
		return unicode.LittleEndian, true
	case even*4 >= pairs && odd*20 < pairs:
		return unicode.BigEndian, true
	}
	return unicode.BigEndian, false
}

func isUTF16(raw []byte) bool {
	_, ok := utf16Order(raw)
	return ok
}

// hasBOM reports whether raw starts with a UTF-8 or UTF-16 byte-order mark.
func hasBOM(raw []byte) bool {
	return bytes.HasPrefix(raw, []byte{0xEF, 0xBB, 0xBF}) || bytes.HasPrefix(raw, []byte{0xFF, 0xFE}) || bytes.HasPrefix(raw, []byte{0xFE, 0xFF})
}

var metaCharsetRE = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`(?i)<meta[^>]+charset\s*=\s*["']?\s*([a-z0-9_.:\-]+)`)
})

// metaCharset returns the encoding an HTML page (a text starting with "<")
// declares in a <meta> among its first 1024 bytes, as browsers look for it,
// or nil when there is none or it is unknown.
func metaCharset(raw []byte) encoding.Encoding {
	if t := bytes.TrimLeft(raw, " \t\r\n"); len(t) == 0 || t[0] != '<' {
		return nil
	}
	head := raw
	if len(head) > 1024 {
		head = head[:1024]
	}
	if !bytes.Contains(bytes.ToLower(head), []byte("<meta")) {
		return nil
	}
	m := metaCharsetRE().FindSubmatch(head)
	if m == nil {
		return nil
	}
	enc, name := charset.Lookup(string(m[1]))
	if enc == nil {
		return nil
	}
	if name == "utf-8" {
		return unicode.UTF8
	}
	return enc
}

// decodeText converts raw file bytes to NFC UTF-8. With no encoding forced
// it honours a byte-order mark, then the charset an HTML page declares in
// its <meta>, keeps valid UTF-8 and otherwise tells mostly UTF-8 with a
// few invalid bytes from Windows-1258, the legacy Vietnamese code page
// (see [guessInvalidUTF8]). A file declaring UTF-8 that is not valid UTF-8
// is told the same way, but refused when it is not UTF-8 at all; forced
// UTF-8 is refused on any invalid byte. warning is not empty when the text
// was read with invalid bytes replaced by U+FFFD. When owned is set, raw is
// the caller's to give away (it is never written again): text may then be
// raw itself rather than a copy of it, which saves copying every file read.
func decodeText(raw []byte, forced string, owned bool) (text, warning string, err error) {
	asText := func(b []byte) string {
		if owned {
			return unsafe.String(unsafe.SliceData(b), len(b))
		}
		return string(b)
	}
	enc, err := decoderFor(forced)
	if err != nil {
		return "", "", err
	}
	declared := enc == nil // not forced: found in the file, if at all
	if enc == nil {
		var meta encoding.Encoding
		if !hasBOM(raw) {
			meta = metaCharset(raw)
		}
		switch {
		case meta != nil:
			enc = meta
		case bytes.HasPrefix(raw, []byte{0xEF, 0xBB, 0xBF}):
			enc = unicode.UTF8 // the mark is trimmed below, its length kept for offsets
		case bytes.HasPrefix(raw, []byte{0xFF, 0xFE}):
			enc = unicode.UTF16(unicode.LittleEndian, unicode.ExpectBOM)
		case bytes.HasPrefix(raw, []byte{0xFE, 0xFF}):
			enc = unicode.UTF16(unicode.BigEndian, unicode.ExpectBOM)
		case isUTF16(raw):
			order, _ := utf16Order(raw)
			enc = unicode.UTF16(order, unicode.IgnoreBOM)
		default:
			if out, ok := nfcValid(asText(raw)); ok {
				return out, "", nil
			}
			legacy, ok, warn := guessInvalidUTF8(raw, 0)
			if !ok {
				return nfc(strings.ToValidUTF8(string(raw), "\uFFFD")), warn, nil
			}
			return legacy, "", nil // already NFC
		}
	}
	if enc == unicode.UTF8 {
		body := bytes.TrimPrefix(raw, []byte{0xEF, 0xBB, 0xBF})
		if out, ok := nfcValid(asText(body)); ok {
			return out, "", nil
		}
		at := len(raw) - len(body) // the byte-order mark's length
		if !declared {
			return "", "", fmt.Errorf("not UTF-8: %s (use --encoding windows-1258 for legacy files)", damageOf(body).where(body, at))
		}
		// Declared UTF-8 (a byte-order mark, a page's charset) with a few
		// stray bytes reads as UTF-8 undeclared would; a file that is
		// not UTF-8 at all is refused rather than read as replacement
		// characters.
		_, legacy, warn := guessInvalidUTF8(body, at)
		if legacy {
			return "", "", fmt.Errorf("declared UTF-8 but not UTF-8: %s (a legacy Windows-1258 file? use --encoding windows-1258)", damageOf(body).where(body, at))
		}
		return nfc(strings.ToValidUTF8(string(body), "\uFFFD")), warn, nil
	}
	out, err := enc.NewDecoder().Bytes(raw)
	if err != nil {
		return "", "", fmt.Errorf("decode: %w", err)
	}
	return nfc(strings.TrimPrefix(string(out), "\uFEFF")), "", nil
}

// guessInvalidUTF8 decides how to read raw, which is not valid UTF-8 and
// declares no other encoding (it may declare UTF-8), at bytes into its file
// (after a byte-order mark). A legacy Windows-1258 file has almost no
// valid multi-byte UTF-8 sequences (its letters are single bytes, rarely
// followed by 0x80–0xBF); a UTF-8 file with a stray byte has many. So the
// file is UTF-8 with invalid bytes (ok false, warning set)
// when its invalid bytes are at most a tenth of its valid multi-byte
// characters, or when it has some of those and its Windows-1258 reading is
// not Vietnamese (fewer than 70% of the non-ASCII characters Vietnamese
// letters); otherwise it is Windows-1258 (ok true, its decoded text).
func guessInvalidUTF8(raw []byte, at int) (legacy string, ok bool, warning string) {
	d := damageOf(raw)
	bad, multi := d.bad, d.multi
	warn := func() string {
		return fmt.Sprintf("%s: read as UTF-8 with U+FFFD for them (use --encoding to choose another reading)", d.where(raw, at))
	}
	if multi > 0 && bad*10 <= multi {
		return "", false, warn()
	}
	out, err := charmap.Windows1258.NewDecoder().Bytes(raw)
	if err != nil { // cannot happen: every byte decodes
		return "", false, warn()
	}
	text := norm.NFC.String(string(out))
	if multi > 0 && vietnameseShare(text) < 0.7 {
		return "", false, warn()
	}
	return text, true, ""
}

// utf8Damage is what is wrong with text that is not valid UTF-8.
type utf8Damage struct {
	bad   int // bytes that are no part of a valid UTF-8 sequence
	multi int // valid multi-byte characters
	first int // the offset of the first bad byte, -1 when none
}

// damageOf counts the invalid bytes of raw and its valid multi-byte
// characters.
func damageOf(raw []byte) utf8Damage {
	d := utf8Damage{first: -1}
	for i := 0; i < len(raw); {
		if raw[i] < utf8.RuneSelf {
			i++
			continue
		}
		r, n := utf8.DecodeRune(raw[i:])
		if r == utf8.RuneError && n == 1 {
			if d.first < 0 {
				d.first = i
			}
			d.bad++
		} else {
			d.multi++
		}
		i += n
	}
	return d
}

// where says how many bytes of text are invalid and where the first lies:
// its line and column (in bytes) in text, and its offset in the file,
// text being at bytes into it. d must have found an invalid byte.
func (d utf8Damage) where(text []byte, at int) string {
	before := text[:d.first]
	line := 1 + bytes.Count(before, []byte{'\n'})
	column := len(before) - bytes.LastIndexByte(before, '\n')
	return fmt.Sprintf("%d invalid UTF-8 byte(s) among %d valid non-ASCII characters, the first at line %d, column %d (byte %d of the file)",
		d.bad, d.multi, line, column, at+d.first+1)
}

// looksBinary reports whether decoded text is binary data rather than text:
// more than one character in ten among its first 4,096 is a NUL, another
// control character than tab, line breaks and form feed, or U+FFFD (an
// invalid byte).
func looksBinary(text string) bool {
	all, odd := 0, 0
	for _, r := range text {
		if all == 4096 {
			break
		}
		all++
		if r == utf8.RuneError || r < 0x20 && r != '\t' && r != '\n' && r != '\r' && r != '\f' || r == 0x7F {
			odd++
		}
	}
	return all > 0 && odd*10 > all
}

// vietnameseShare returns the share of the non-ASCII characters of s that
// are letters of the Vietnamese alphabet (in NFC), 1 when there are none.
func vietnameseShare(s string) float64 {
	all, vi := 0, 0
	for _, r := range s {
		if r < utf8.RuneSelf {
			continue
		}
		all++
		if isVietnameseLetter(r) {
			vi++
		}
	}
	if all == 0 {
		return 1
	}
	return float64(vi) / float64(all)
}

// isVietnameseLetter reports whether r, a composed character, is a letter of
// the Vietnamese alphabet: đ, or a Latin letter with only the vowel marks
// (circumflex, breve, horn) and tone marks Vietnamese uses.
func isVietnameseLetter(r rune) bool {
	if r == 'đ' || r == 'Đ' {
		return true
	}
	d := norm.NFD.String(string(r))
	if d == "" || d[0] >= utf8.RuneSelf || !('a' <= d[0]|0x20 && d[0]|0x20 <= 'z') {
		return false
	}
	for _, m := range d[1:] {
		switch m {
		case '\u0300', '\u0301', '\u0303', '\u0309', '\u0323', '\u0302', '\u0306', '\u031B':
		default:
			return false
		}
	}
	return len(d) > 1
}

// nfcSafeEnd bounds the runes [nfcSafe] knows: Latin-1, Latin Extended-A
// and -B, Latin Extended Additional (every Vietnamese letter), general
// punctuation and currency signs (₫) lie below it.
const nfcSafeEnd = 0x20D0

// nfcSafe tells, for each rune below nfcSafeEnd, whether a text made of
// ASCII and such runes is NFC whatever their order: the rune is NFC by
// itself, is a starter that nothing before it combines with, and its
// decomposition (if any) starts with an ASCII letter. Combining marks and
// the runes that compose with what precedes them are not safe. Built from
// the norm package's own data on first use (it takes some 8,000
// allocations, which a run that reads no text should not pay), read-only.
var nfcSafe = sync.OnceValue(func() []bool {
	t := make([]bool, nfcSafeEnd)
	for r := rune(0x80); r < nfcSafeEnd; r++ {
		s := string(r)
		p := norm.NFC.PropertiesString(s)
		d := p.Decomposition()
		t[r] = p.BoundaryBefore() && p.CCC() == 0 && norm.NFC.IsNormalString(s) && (len(d) == 0 || d[0] < utf8.RuneSelf)
	}
	return t
})

// isNFC reports whether s is in NFC. Text of ASCII and the runes of
// [nfcSafe] (Vietnamese in precomposed form) is told by a table look-up per
// rune; anything else falls back to the norm package's check of the whole
// text.
func isNFC(s string) bool {
	if valid, ok := scanNFC(s); valid {
		return ok
	}
	return norm.NFC.IsNormalString(s)
}

// scanNFC reports, in one pass, whether s is valid UTF-8 and, when it is,
// whether it is in NFC (see [isNFC]).
func scanNFC(s string) (valid, nfc bool) {
	table := nfcSafe()
	safe := true
	for i := 0; i < len(s); {
		// Eight bytes at a time: all ASCII are skipped together, else the
		// ASCII bytes before the first that is not.
		if i+8 <= len(s) {
			w := uint64(s[i]) | uint64(s[i+1])<<8 | uint64(s[i+2])<<16 | uint64(s[i+3])<<24 |
				uint64(s[i+4])<<32 | uint64(s[i+5])<<40 | uint64(s[i+6])<<48 | uint64(s[i+7])<<56
			if high := w & 0x8080808080808080; high == 0 {
				i += 8
				continue
			} else if ascii := bits.TrailingZeros64(high) / 8; ascii > 0 {
				i += ascii
			}
		}
		c := s[i]
		if c < utf8.RuneSelf {
			i++
			continue
		}
		// Two- and three-byte sequences below nfcSafeEnd (Vietnamese
		// letters are U+00C0–U+01B0 and U+1EA0–U+1EF9) are decoded here,
		// the rest by the utf8 package.
		if c >= 0xC2 && c < 0xE0 && i+1 < len(s) && s[i+1]&0xC0 == 0x80 {
			if !table[rune(c&0x1F)<<6|rune(s[i+1]&0x3F)] {
				safe = false
			}
			i += 2
			continue
		}
		if (c == 0xE1 || c == 0xE2 || c == 0xE0 && i+1 < len(s) && s[i+1] >= 0xA0) && i+2 < len(s) && s[i+1]&0xC0 == 0x80 && s[i+2]&0xC0 == 0x80 {
			if r := rune(c&0x0F)<<12 | rune(s[i+1]&0x3F)<<6 | rune(s[i+2]&0x3F); r >= nfcSafeEnd || !table[r] {
				safe = false
			}
			i += 3
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && n == 1 {
			return false, false
		}
		if r >= nfcSafeEnd || !table[r] {
			safe = false
		}
		i += n
	}
	return true, safe || norm.NFC.IsNormalString(s)
}

// nfcChunk is the size above which nfc checks a text in parallel pieces.
const nfcChunk = 256 << 10

// nfc returns s in NFC (see [nfcValid]); s need not be valid UTF-8.
func nfc(s string) string {
	if out, ok := nfcValid(s); ok {
		return out
	}
	return norm.NFC.String(s)
}

// nfcValid returns s in NFC and true, or "" and false when s is not valid
// UTF-8: one pass tells both. A large text is checked (and, where needed,
// normalised) in pieces cut after line breaks, on all cores: a line break
// is never inside a character and never combines with its neighbours, so
// the pieces are checked and normalise alone.
func nfcValid(s string) (string, bool) {
	workers := runtime.GOMAXPROCS(0)
	if len(s) < 2*nfcChunk || workers < 2 {
		valid, ok := scanNFC(s)
		switch {
		case !valid:
			return "", false
		case ok:
			return s, true
		}
		return norm.NFC.String(s), true
	}
	var pieces []string
	for rest := s; rest != ""; {
		cut := len(rest)
		if cut > nfcChunk {
			if i := strings.IndexByte(rest[nfcChunk:], '\n'); i >= 0 {
				cut = nfcChunk + i + 1
			}
		}
		pieces = append(pieces, rest[:cut])
		rest = rest[cut:]
	}
	changed := make([]bool, len(pieces))
	invalid := make([]bool, len(pieces))
	var wg sync.WaitGroup
	next := make(chan int, len(pieces))
	for i := range pieces {
		next <- i
	}
	close(next)
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				valid, ok := scanNFC(pieces[i])
				switch {
				case !valid:
					invalid[i] = true
				case !ok:
					pieces[i], changed[i] = norm.NFC.String(pieces[i]), true
				}
			}
		}()
	}
	wg.Wait()
	anyChanged := false
	for i := range pieces {
		if invalid[i] {
			return "", false
		}
		anyChanged = anyChanged || changed[i]
	}
	if anyChanged {
		return strings.Join(pieces, ""), true
	}
	return s, true
}
