//go:build race

package feed

// raceSlowdown widens time limits under the race detector, which makes
// parsing several times slower.
const raceSlowdown = 10
