package flags

import "golang.org/x/text/unicode/norm"

// A word's marks are what folding drops: its tone and the shape marks of
// its letters (circumflex, breve, horn, the stroke of đ), packed in a uint32.
// Two words with the same folded letters and the same marks are the same
// syllables, whatever the position of the tone mark ("khỏe", "khoẻ"), while
// "chứng từ" (voucher) and "chứng tử" (death), or "số" and "sổ", differ.
const (
	toneShift       = 0 // 3 bits: 0 none, 1 grave, 2 acute, 3 tilde, 4 hook, 5 dot
	circumflexShift = 3 // 3 bits each: counts
	breveShift      = 6
	hornShift       = 9
	strokeShift     = 12
	toneMask        = 7
)

// Tones, as stored in the tone bits.
const (
	toneHook = 4
)

// markTable (mark_table.go, static data written by TestRuneTables
// -update-tables from the Unicode tables, so that no program pays for building it at
// start) maps each rune of U+00C0–U+1EFF to its marks. It is never written.

const (
	markLo = 0x00C0
	markHi = 0x1EFF
)

// runeMarks decomposes r and collects its marks.
func runeMarks(r rune) uint32 {
	if r == 'đ' || r == 'Đ' {
		return 1 << strokeShift
	}
	var m uint32
	d := norm.NFD.String(string(r))
	for _, c := range d {
		m = addMark(m, c)
	}
	return m
}

// addMark adds the mark c (a combining character) to m.
func addMark(m uint32, c rune) uint32 {
	switch c {
	case 0x0300:
		m = m&^toneMask | 1
	case 0x0301:
		m = m&^toneMask | 2
	case 0x0303:
		m = m&^toneMask | 3
	case 0x0309:
		m = m&^toneMask | 4
	case 0x0323:
		m = m&^toneMask | 5
	case 0x0302:
		m += 1 << circumflexShift
	case 0x0306:
		m += 1 << breveShift
	case 0x031B:
		m += 1 << hornShift
	}
	return m
}

// addMarks adds the marks of the rune r to the marks m of a word.
func addMarks(m uint32, r rune) uint32 {
	var x uint32
	switch {
	case r < markLo:
		return m
	case r <= markHi:
		x = markTable[r-markLo]
	default:
		x = addMark(0, r) // a combining mark of text in NFD
	}
	if x&toneMask != 0 {
		m = m&^toneMask | x&toneMask
	}
	return m + x&^toneMask
}
