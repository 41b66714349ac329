package corpus

import (
	"bytes"
	"fmt"
	"regexp"
	"runtime"
	"strings"
	"sync"
	"unicode/utf8"

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

var metaCharsetRE = regexp.MustCompile(`(?i)<meta[^>]+charset\s*=\s*["']?\s*([a-z0-9_.:\-]+)`)

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
	m := metaCharsetRE.FindSubmatch(head)
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

// decodeText converts raw file bytes to NFC UTF-8. With no encoding forced it
// honours a byte-order mark, then the charset an HTML page declares in its
// <meta>, keeps valid UTF-8 and otherwise decodes Windows-1258, the legacy
// Vietnamese code page.
func decodeText(raw []byte, forced string) (string, error) {
	enc, err := decoderFor(forced)
	if err != nil {
		return "", err
	}
	if enc == nil {
		var meta encoding.Encoding
		if !hasBOM(raw) {
			meta = metaCharset(raw)
		}
		switch {
		case meta != nil:
			enc = meta
		case bytes.HasPrefix(raw, []byte{0xEF, 0xBB, 0xBF}):
			raw = raw[3:]
			enc = unicode.UTF8
		case bytes.HasPrefix(raw, []byte{0xFF, 0xFE}):
			enc = unicode.UTF16(unicode.LittleEndian, unicode.ExpectBOM)
		case bytes.HasPrefix(raw, []byte{0xFE, 0xFF}):
			enc = unicode.UTF16(unicode.BigEndian, unicode.ExpectBOM)
		case isUTF16(raw):
			order, _ := utf16Order(raw)
			enc = unicode.UTF16(order, unicode.IgnoreBOM)
		case utf8.Valid(raw):
			return nfc(string(raw)), nil
		default:
			enc = charmap.Windows1258
		}
	}
	if enc == unicode.UTF8 {
		raw = bytes.TrimPrefix(raw, []byte{0xEF, 0xBB, 0xBF})
		if !utf8.Valid(raw) {
			return "", fmt.Errorf("invalid UTF-8 (use --encoding windows-1258 for legacy files)")
		}
		return nfc(string(raw)), nil
	}
	out, err := enc.NewDecoder().Bytes(raw)
	if err != nil {
		return "", fmt.Errorf("decode: %w", err)
	}
	return nfc(strings.TrimPrefix(string(out), "\uFEFF")), nil
}

// nfcChunk is the size above which nfc checks a text in parallel pieces.
const nfcChunk = 256 << 10

// nfc returns s in NFC. A large text is checked (and, where needed,
// normalised) in pieces cut after line breaks, on all cores: a line break
// never combines with its neighbours, so the pieces normalise alone.
func nfc(s string) string {
	workers := runtime.GOMAXPROCS(0)
	if len(s) < 2*nfcChunk || workers < 2 {
		return norm.NFC.String(s)
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
				if !norm.NFC.IsNormalString(pieces[i]) {
					pieces[i], changed[i] = norm.NFC.String(pieces[i]), true
				}
			}
		}()
	}
	wg.Wait()
	for _, c := range changed {
		if c {
			return strings.Join(pieces, "")
		}
	}
	return s
}
