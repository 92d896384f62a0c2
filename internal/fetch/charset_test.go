package fetch

import (
	"bytes"
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"
)

func encode(t testing.TB, enc encoding.Encoding, s string) []byte {
	t.Helper()
	b, err := enc.NewEncoder().Bytes([]byte(s))
	if err != nil {
		t.Fatalf("encode %q: %v", s, err)
	}
	return b
}

const (
	russian = "Президент Азербайджана подписал распоряжение о помиловании"
	turkish = "Ağrı Dağı, İzmir, Şanlıurfa: ığüşöç ĞÜŞİÖÇ"
	french  = "Café naïve, Zürich à l'été"
	quotes  = "“Quoted” — ‘single’ … €5"
)

// P2: each charset the sites we read use, declared in each place a page or
// feed declares it, and declarations that lie.
func TestDecode(t *testing.T) {
	cp1251 := encode(t, charmap.Windows1251, russian)
	koi8 := encode(t, charmap.KOI8R, russian)
	filler := "<script>/*" + strings.Repeat("x", 1100) + "*/</script>"
	cat := func(parts ...[]byte) []byte { return bytes.Join(parts, nil) }
	tests := []struct {
		name        string
		contentType string
		body        []byte
		want        string
	}{
		{"windows-1251 header", "text/html; charset=windows-1251", cp1251, russian},
		{"cp1251 alias", "text/html; charset=CP1251", cp1251, russian},
		{"koi8-r header", "text/plain; charset=KOI8-R", koi8, russian},
		{"koi8-r literal bytes", "text/plain; charset=koi8-r", []byte{0xf0, 0xd2, 0xc9, 0xd7, 0xc5, 0xd4}, "Привет"},
		{"iso-8859-9 header", "text/html; charset=iso-8859-9", encode(t, charmap.ISO8859_9, turkish), turkish},
		{"windows-1254 meta", "text/html", cat([]byte(`<meta charset="windows-1254"><p>`), encode(t, charmap.Windows1254, turkish)), `<meta charset="windows-1254"><p>` + turkish},
		{"iso-8859-1 header", "text/html; charset=ISO-8859-1", encode(t, charmap.ISO8859_1, french), french},
		{"windows-1252 curly quotes", "text/html; charset=windows-1252", encode(t, charmap.Windows1252, quotes), quotes},
		{"windows-1252 bytes labelled iso-8859-1", "text/html; charset=iso-8859-1", []byte{0x93, 'h', 'i', 0x94}, "“hi”"},
		{"late meta charset", "text/html",
			cat([]byte("<html><head>"+filler+`<meta charset="windows-1251"></head><body>`), cp1251),
			"<html><head>" + filler + `<meta charset="windows-1251"></head><body>` + russian},
		{"late http-equiv", "text/html",
			cat([]byte("<html><head>"+filler+`<meta http-equiv="Content-Type" content="text/html; charset=koi8-r"></head><body>`), koi8),
			"<html><head>" + filler + `<meta http-equiv="Content-Type" content="text/html; charset=koi8-r"></head><body>` + russian},
		{"meta in a comment ignored", "text/html",
			cat([]byte(`<!-- <meta charset="koi8-r"> --><meta charset="windows-1251"><p>`), cp1251),
			`<!-- <meta charset="koi8-r"> --><meta charset="windows-1251"><p>` + russian},
		{"header beats meta", "text/html; charset=windows-1251",
			cat([]byte(`<meta charset="koi8-r"><p>`), cp1251), `<meta charset="koi8-r"><p>` + russian},
		{"header utf-8 but bytes windows-1251", "text/html; charset=utf-8", cp1251, russian},
		{"header utf-8, bytes koi8-r, meta says so", "text/html; charset=UTF-8",
			cat([]byte(`<meta charset="koi8-r"><p>`), koi8), `<meta charset="koi8-r"><p>` + russian},
		{"header windows-1251 but bytes utf-8", "text/html; charset=windows-1251", []byte(russian), russian},
		{"meta windows-1251 but bytes utf-8", "text/html", []byte(`<meta charset="windows-1251"><p>` + russian), `<meta charset="windows-1251"><p>` + russian},
		{"UTF-8 BOM beats header", "text/html; charset=windows-1251", cat([]byte{0xEF, 0xBB, 0xBF}, []byte(russian)), russian},
		{"UTF-16LE BOM", "", cat([]byte{0xFF, 0xFE}, encode(t, unicode.UTF16(unicode.LittleEndian, unicode.IgnoreBOM), russian)), russian},
		{"UTF-16BE BOM", "", cat([]byte{0xFE, 0xFF}, encode(t, unicode.UTF16(unicode.BigEndian, unicode.IgnoreBOM), turkish)), turkish},
		{"XML declaration", "application/rss+xml",
			cat([]byte(`<?xml version="1.0" encoding="windows-1251"?><rss><title>`), cp1251, []byte("</title></rss>")),
			`<?xml version="1.0" encoding="UTF-8"?><rss><title>` + russian + "</title></rss>"},
		{"XML declaration single quotes koi8", "text/xml",
			cat([]byte(`<?xml version='1.0' encoding='KOI8-R'?><a>`), koi8), `<?xml version='1.0' encoding='UTF-8'?><a>` + russian},
		{"XML declaration utf-8 kept", "", []byte(`<?xml version="1.0" encoding="utf-8"?><a>` + russian), `<?xml version="1.0" encoding="utf-8"?><a>` + russian},
		{"undeclared windows-1251", "", cp1251, russian},
		{"undeclared koi8-r", "text/html", koi8, russian},
		{"undeclared windows-1254", "", encode(t, charmap.Windows1254, "Bakı ş ğ İ"), "Bakı ş ğ İ"},
		{"undeclared windows-1252", "", encode(t, charmap.Windows1252, quotes), quotes},
		{"undeclared utf-8", "", []byte(russian + " " + turkish), russian + " " + turkish},
		{"unknown label", "text/html; charset=x-nonsense", cp1251, russian},
		{"broken header", "text/html; charset=windows-1251; ;=", cp1251, russian},
		{"invalid utf-8 replaced", "text/plain; charset=utf-8", []byte("ok \xff"), "ok ÿ"},
		{"meta utf-16 in ASCII is utf-8", "text/html", []byte(`<meta charset="utf-16"><p>` + russian), `<meta charset="utf-16"><p>` + russian},
		{"empty", "text/html", nil, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Decode(tt.body, tt.contentType)
			if err != nil {
				t.Fatal(err)
			}
			if string(got) != tt.want {
				t.Errorf("Decode = %q\nwant     %q", got, tt.want)
			}
		})
	}
}

func FuzzDecode(f *testing.F) {
	f.Add([]byte("plain ascii"), "")
	f.Add([]byte{0xcf, 0xf0, 0xe8, 0xe2, 0xe5, 0xf2}, "text/html; charset=windows-1251")
	f.Add([]byte{0xf0, 0xd2, 0xc9, 0xd7, 0xc5, 0xd4}, "text/plain; charset=koi8-r")
	f.Add([]byte(`<meta charset="koi8-r"><p>`+"\xf0\xd2"), "text/html")
	f.Add([]byte(`<?xml version="1.0" encoding="windows-1251"?><a>`+"\xcf"), "application/xml")
	f.Add([]byte("\xff\xfeh\x00i\x00"), "")
	f.Add([]byte("\xef\xbb\xbfhi"), "text/html; charset=iso-8859-9")
	f.Add([]byte("\xff\xfe\xff\xfe"), "")
	f.Add([]byte(`<meta http-equiv="content-type" content="text/html; charset=utf-16">x`), "")
	f.Add([]byte("caf\xe9"), "text/html; charset=\"utf-8\"")
	f.Fuzz(func(t *testing.T, body []byte, contentType string) {
		out, err := Decode(body, contentType)
		if err != nil {
			return
		}
		if !utf8.Valid(out) {
			t.Fatalf("Decode(%q, %q) = %q, not UTF-8", body, contentType, out)
		}
		// What Decode returns is settled: decoding it again as UTF-8 changes
		// nothing.
		again, err := Decode(out, "text/html; charset=utf-8")
		if err != nil || !bytes.Equal(again, out) {
			t.Fatalf("Decode(Decode(%q, %q)) = %q, %v; want %q", body, contentType, again, err, out)
		}
	})
}
