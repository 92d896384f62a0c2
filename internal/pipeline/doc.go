// Package pipeline is the imperative shell that runs the stages: the
// scheduler, the workers, runs and jobs. It comes with collecting (issue 4).
package pipeline
