// Package cluster finds duplicates and near-duplicates among articles and
// groups the same event told by several outlets into one story. It comes with
// collecting (issue 4).
package cluster
