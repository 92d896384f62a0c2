// Package draft writes the first draft of a digest's items: extractive
// summaries of a story's text, Japanese headlines in the desk's style with
// the glossary's names and a memory of past headlines, and checks of a
// drafted text against its sources. Model is the optional backend that
// asks an OpenAI-compatible endpoint instead, its answers checked before
// they are offered; everything else is pure.
package draft
