package corpus

import (
	"bytes"
	"fmt"
	"strings"
	"unicode/utf8"

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

// decodeText converts raw file bytes to NFC UTF-8. With no encoding forced it
// honours a byte-order mark, keeps valid UTF-8 and otherwise decodes
// Windows-1258, the legacy Vietnamese code page.
func decodeText(raw []byte, forced string) (string, error) {
	enc, err := decoderFor(forced)
	if err != nil {
		return "", err
	}
	if enc == nil {
		switch {
		case bytes.HasPrefix(raw, []byte{0xEF, 0xBB, 0xBF}):
			raw = raw[3:]
			enc = unicode.UTF8
		case bytes.HasPrefix(raw, []byte{0xFF, 0xFE}):
			enc = unicode.UTF16(unicode.LittleEndian, unicode.ExpectBOM)
		case bytes.HasPrefix(raw, []byte{0xFE, 0xFF}):
			enc = unicode.UTF16(unicode.BigEndian, unicode.ExpectBOM)
		case utf8.Valid(raw):
			enc = unicode.UTF8
		default:
			enc = charmap.Windows1258
		}
	}
	if enc == unicode.UTF8 {
		raw = bytes.TrimPrefix(raw, []byte{0xEF, 0xBB, 0xBF})
		if !utf8.Valid(raw) {
			return "", fmt.Errorf("invalid UTF-8 (use --encoding windows-1258 for legacy files)")
		}
		return norm.NFC.String(string(raw)), nil
	}
	out, err := enc.NewDecoder().Bytes(raw)
	if err != nil {
		return "", fmt.Errorf("decode: %w", err)
	}
	return norm.NFC.String(strings.TrimPrefix(string(out), "\uFEFF")), nil
}
