package corpus

// DecodeRecordFast runs the typed record scanner alone, for the external
// tests and benchmarks.
func DecodeRecordFast(text string) (*Procedure, bool) {
	p := new(Procedure)
	return p, decodeRecordFast(text, p)
}

// DecodeRecordStd decodes a record with encoding/json alone.
func DecodeRecordStd(text string) (*Procedure, error) { return stdDecode(text) }

// ScanNFC exposes scanNFC to the benchmarks.
func ScanNFC(s string) (valid, nfc bool) { return scanNFC(s) }
