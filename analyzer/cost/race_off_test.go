//go:build !race

package cost

// raceDetector is true under -race (see race_on_test.go).
const raceDetector = false
