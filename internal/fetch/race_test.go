//go:build race

package fetch

// raceEnabled lets tests over large real data take a sample under the race
// detector, which slows byte-by-byte work about twentyfold.
const raceEnabled = true
