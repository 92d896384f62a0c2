package store_test

import (
	"errors"
	"testing"

	"shuho/internal/digest"
	"shuho/internal/store/storetest"
)

func TestGlossaryTerms(t *testing.T) {
	for _, e := range storetest.Engines(t) {
		t.Run(string(e), func(t *testing.T) {
			s := storetest.Open(t, e)
			terms := []digest.Term{
				{Kind: digest.Place, EN: "Ganja", Variants: []string{"Gəncə"}, JA: "ギャンジャ", Country: "AZ"},
				{Kind: digest.Person, EN: "Jeyhun Bayramov", JA: "ジェイフン・バイラモフ", Short: "バイラモフ", Title: "Foreign Minister"},
			}
			added, changed, err := s.PutGlossaryTerms(ctx, "az", terms, []string{"ganja", "jeyhun bayramov"})
			if err != nil || added != 2 || changed != 0 {
				t.Fatalf("first put: %d added, %d changed, %v", added, changed, err)
			}
			// The same again changes nothing; a changed term replaces its row.
			if added, changed, err = s.PutGlossaryTerms(ctx, "az", terms, []string{"ganja", "jeyhun bayramov"}); err != nil || added+changed != 0 {
				t.Errorf("same put: %d added, %d changed, %v", added, changed, err)
			}
			terms[0].JA = "ガンジャ"
			if added, changed, err = s.PutGlossaryTerms(ctx, "az", terms[:1], []string{"ganja"}); err != nil || added != 0 || changed != 1 {
				t.Errorf("changed put: %d added, %d changed, %v", added, changed, err)
			}
			// All or nothing: a bad term stores none of its batch.
			bad := []digest.Term{{Kind: digest.Place, EN: "Baku", JA: "バクー"}, {Kind: "planet", EN: "Mars", JA: "火星"}}
			if _, _, err := s.PutGlossaryTerms(ctx, "az", bad, []string{"baku", "mars"}); !errors.Is(err, digest.ErrInvalid) {
				t.Errorf("a bad term: %v", err)
			}
			got, err := s.GlossaryTerms(ctx, "az")
			if err != nil || len(got) != 2 {
				t.Fatalf("%d terms, %v", len(got), err)
			}
			if got[0].EN != "Jeyhun Bayramov" || got[1].JA != "ガンジャ" || got[1].Variants[0] != "Gəncə" {
				t.Errorf("stored terms %+v", got)
			}
			if other, err := s.GlossaryTerms(ctx, "ge"); err != nil || len(other) != 0 {
				t.Errorf("another profile: %v, %v", other, err)
			}
		})
	}
}
