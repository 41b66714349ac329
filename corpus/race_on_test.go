//go:build race

package corpus

// raceDetector is true under -race, which allocates beside the code under
// test: absolute allocation bounds are then loosened, growth bounds kept.
const raceDetector = true
