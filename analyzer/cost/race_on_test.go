//go:build race

package cost

// raceDetector is true under -race: tests over the real records then read
// a sample, since the race detector makes reading them all ten times slower.
const raceDetector = true
