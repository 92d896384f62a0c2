//go:build !race

package feed

const raceSlowdown = 1
