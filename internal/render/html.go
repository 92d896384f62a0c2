package render

import (
	"bytes"
	"html/template"

	"shuho/internal/digest"
)

// htmlPage is the typed model of the HTML page.
type htmlPage struct {
	Title, Subtitle, Period, Issuer string
	Sections                        []htmlSection
}

type htmlSection struct {
	Number int
	Title  string
	Items  []htmlItem
}

type htmlItem struct {
	HeadlineJA []Span
	HeadlineEN string
	Emphasis   bool
	Blocks     []htmlBlock
}

type htmlBlock struct {
	Kind     string
	Text     []Span
	Entries  [][]Span
	Citation string
}

var htmlTemplate = template.Must(template.New("digest").Parse(`<!DOCTYPE html>
<html lang="ja">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{.Title}}{{if .Period}} {{.Period}}{{end}}</title>
<style>
@page { size: A4; margin: 20mm 18mm; @bottom-center { content: "- " counter(page) " -"; } }
:root { color: #111; background: #fff; }
body { font-family: "IPAexMincho", "Noto Serif CJK JP", "Hiragino Mincho ProN", "Yu Mincho", serif; line-height: 1.6; max-width: 46em; margin: 2em auto; padding: 0 1em; }
header { text-align: center; margin-bottom: 2em; }
header h1 { font-size: 1.5em; margin: 0 0 .3em; }
header p { margin: .2em 0; }
header .issuer { text-align: right; }
h2 { font-size: 1.2em; border-bottom: 1px solid #444; padding-bottom: .2em; margin-top: 2em; break-after: avoid; }
article { margin: 1.2em 0 1.6em; break-inside: avoid-page; }
h3 { font-size: 1.05em; margin: 0; font-weight: normal; break-after: avoid; }
h3.emphasis { font-weight: bold; }
h3::before { content: "● "; }
p.en { font-style: italic; margin: .2em 0 .6em; font-family: "Times New Roman", Georgia, serif; }
p, li { text-align: justify; }
p.note { font-size: .95em; }
.cite { white-space: nowrap; }
@media print { body { margin: 0; max-width: none; } a { color: inherit; text-decoration: none; } }
</style>
</head>
<body>
<header>
<h1>{{.Title}}</h1>
{{if .Subtitle}}<p>{{.Subtitle}}</p>{{end}}
{{if .Period}}<p>{{.Period}}</p>{{end}}
{{if .Issuer}}<p class="issuer">{{.Issuer}}</p>{{end}}
</header>
<main>
{{range .Sections}}<section>
<h2>{{.Number}}. {{.Title}}</h2>
{{range .Items}}<article>
<h3{{if .Emphasis}} class="emphasis"{{end}}>{{template "spans" .HeadlineJA}}</h3>
{{if .HeadlineEN}}<p class="en">{{.HeadlineEN}}</p>{{end}}
{{range .Blocks}}{{if eq .Kind "list"}}<ul>
{{range .Entries}}<li>{{template "spans" .}}</li>
{{end}}</ul>{{if .Citation}}<p><span class="cite">{{.Citation}}</span></p>{{end}}
{{else}}<p{{if eq .Kind "note"}} class="note"{{end}}>{{template "spans" .Text}}{{if .Citation}} <span class="cite">{{.Citation}}</span>{{end}}</p>
{{end}}{{end}}</article>
{{end}}</section>
{{end}}</main>
</body>
</html>
{{define "spans"}}{{range .}}{{if and .Bold .Italic}}<strong><em>{{.Text}}</em></strong>{{else if .Bold}}<strong>{{.Text}}</strong>{{else if .Italic}}<em>{{.Text}}</em>{{else}}{{.Text}}{{end}}{{end}}{{end}}`))

// HTML writes a digest as one self-contained HTML page: no script, no
// request for anything (the styles are inline, the fonts are the
// reader's), with CSS for the screen and for printing on A4. Every text is
// escaped by html/template; emphasis comes from the digest's markers only.
func HTML(d *digest.Digest) ([]byte, error) {
	pg := htmlPage{Title: d.Title, Subtitle: d.Subtitle, Period: periodJA(d.Period), Issuer: d.Issuer}
	for _, s := range d.Sections {
		hs := htmlSection{Number: s.Number, Title: s.Title}
		for _, it := range s.Items {
			hi := htmlItem{HeadlineJA: Spans(it.HeadlineJA), HeadlineEN: Plain(it.HeadlineEN), Emphasis: it.Emphasis}
			for _, bl := range it.Blocks {
				hb := htmlBlock{Kind: string(bl.Kind), Citation: CitationText(bl.Citations)}
				switch bl.Kind {
				case digest.List:
					for _, e := range bl.Entries {
						hb.Entries = append(hb.Entries, Spans(e))
					}
				case digest.Note:
					hb.Text = append([]Span{{Text: "NOTE: "}}, Spans(bl.Text)...)
				default:
					hb.Text = Spans(bl.Text)
				}
				hi.Blocks = append(hi.Blocks, hb)
			}
			hs.Items = append(hs.Items, hi)
		}
		pg.Sections = append(pg.Sections, hs)
	}
	var b bytes.Buffer
	if err := htmlTemplate.Execute(&b, pg); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}
