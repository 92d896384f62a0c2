// Package fetch is the one guarded HTTP client through which every
// server-side request goes: address checks on every hop, size and time
// limits, politeness and charsets. It comes with collecting (issue 4).
package fetch
