//go:build race

package decisions

// raceDetector is true under -race: the speed check is then skipped, since
// the race detector makes the code ten times slower.
const raceDetector = true
