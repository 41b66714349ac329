//go:build !race

package decisions

// raceDetector is true under -race (see race_on_test.go).
const raceDetector = false
