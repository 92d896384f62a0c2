// Package profile reads, checks and writes country profiles, and holds the
// built-in ones.
//
// A profile is data, not code (see digest.Profile): the built-in "az"
// (Azerbaijan) profile is a JSON file embedded in the binary, and a desk that
// covers another country writes its own file in the same form and passes
// --profile FILE. Because that file is written by hand, Parse is strict and
// precise: it refuses unknown, misspelt and repeated fields, and every error
// names the file, line, column and field at fault, says what is wrong and
// what was expected.
package profile

import (
	"bytes"
	"embed"
	"encoding/json"
	"fmt"
	"io/fs"
	"slices"
	"strings"
	_ "time/tzdata" // a profile's zone must load on any machine, including one without a zoneinfo database

	"shuho/internal/digest"
)

//go:embed profiles/*.json
var builtins embed.FS

// Keys returns the keys of the built-in profiles, sorted.
func Keys() []string {
	entries, err := fs.ReadDir(builtins, "profiles")
	if err != nil { // cannot happen: the directory is embedded
		return nil
	}
	var keys []string
	for _, e := range entries {
		if k, ok := strings.CutSuffix(e.Name(), ".json"); ok {
			keys = append(keys, k)
		}
	}
	slices.Sort(keys)
	return keys
}

// Builtin returns the built-in profile with the given key. It parses the
// embedded file on every call, so each caller gets its own copy and may
// modify it freely. An unknown key gives an error wrapping digest.ErrNotFound
// that lists the known keys.
func Builtin(key string) (*digest.Profile, error) {
	keys := Keys()
	if !slices.Contains(keys, key) {
		return nil, fmt.Errorf("no built-in profile %q; expected one of %s: %w",
			key, strings.Join(keys, ", "), digest.ErrNotFound)
	}
	name := "profiles/" + key + ".json"
	data, err := builtins.ReadFile(name)
	if err != nil {
		return nil, fmt.Errorf("built-in profile %q: %w", key, err)
	}
	p, err := Parse(name, data)
	if err != nil {
		return nil, fmt.Errorf("built-in profile %q: %w", key, err)
	}
	if p.Key != key {
		// The file name is how Builtin finds a profile and the key is how a
		// digest names it; they must agree or a digest would name a
		// profile that cannot be found again.
		return nil, fmt.Errorf("built-in profile %q has key %q: %w", key, p.Key, digest.ErrInvalid)
	}
	return p, nil
}

// Format writes p as indented JSON (two spaces, a trailing newline) in the
// form Parse reads, without HTML escaping so that Japanese and "&" stay
// readable to the person who edits the file. A profile that came from Parse
// or Builtin reads back to an equal profile.
func Format(p *digest.Profile) ([]byte, error) {
	if p == nil {
		return nil, fmt.Errorf("format a nil profile: %w", digest.ErrInvalid)
	}
	c := *p
	// Write empty lists as [] rather than null: the output is a template a
	// user fills in, and Parse treats both alike.
	if c.Sections == nil {
		c.Sections = []digest.ProfileSection{}
	}
	if c.Outlets == nil {
		c.Outlets = []digest.Outlet{}
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(&c); err != nil {
		return nil, fmt.Errorf("format profile %q: %w", p.Key, err)
	}
	return buf.Bytes(), nil
}
