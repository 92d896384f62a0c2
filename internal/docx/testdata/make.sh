#!/bin/sh
# make.sh regenerates the Word and PDF fixtures of this directory from the
# two example digests of internal/textfmt/testdata, the way a desk's files
# look: each digest is rendered as HTML (one <p> per paragraph, the ● headlines
# as paragraphs, the emphasised headline in <b>, the list as <ul><li> with the
# *italic* parts in <i>, the title and section lines bold, a page-number
# footer), LibreOffice converts the HTML to .docx and the .docx to .pdf.
#
#	sh make.sh [OUTDIR]
#
# OUTDIR defaults to this directory. It needs LibreOffice (soffice) and awk:
#
#	apt-get install -y libreoffice-writer-nogui poppler-utils fonts-ipaexfont
#
# The extracted example's page-number lines ("- 2 -") become page breaks
# before the next paragraph, as in the Word file it was copied out of; its
# other damage (a headline pair on one paragraph with a line break, a
# paragraph cut in two, full-width and mistyped citations) is kept as text.
# The docx tests run this script again when soffice is on PATH, so CI proves
# the real LibreOffice path.
set -eu

here=$(cd "$(dirname "$0")" && pwd)
src="$here/../../textfmt/testdata"
out=${1:-$here}
mkdir -p "$out"
out=$(cd "$out" && pwd)
work=$(mktemp -d "${TMPDIR:-/tmp}/docx-fixtures.XXXXXX")
trap 'rm -rf "$work"' EXIT

# html TEXT > HTML renders a digest text as a Word-like HTML page.
html() {
	awk '
	function esc(s) {
		gsub(/&/, "\\&amp;", s); gsub(/</, "\\&lt;", s); gsub(/>/, "\\&gt;", s)
		return s
	}
	# inline turns **bold** and *italic* into <b> and <i>.
	function inline(s,   out, i) {
		s = esc(s); out = ""
		if (s ~ /^\*+END\*+$/) return s
		while (match(s, /\*\*[^*]+\*\*/)) {
			out = out substr(s, 1, RSTART-1) "<b>" substr(s, RSTART+2, RLENGTH-4) "</b>"
			s = substr(s, RSTART+RLENGTH)
		}
		s = out s; out = ""
		while (match(s, /\*[^*]+\*/)) {
			out = out substr(s, 1, RSTART-1) "<i>" substr(s, RSTART+1, RLENGTH-2) "</i>"
			s = substr(s, RSTART+RLENGTH)
		}
		return out s
	}
	function flush(   i, attr, inlist) {
		if (n == 0) return
		if (n == 1 && lines[1] ~ /^- [0-9]+ -$/) { brk = 1; n = 0; return }
		attr = brk ? " style=\"page-break-before: always\"" : ""
		brk = 0
		if (lines[1] ~ /^- /) {
			printf "<ul%s>\n", attr
			for (i = 1; i <= n; i++) printf "<li>%s</li>\n", inline(substr(lines[i], 3))
			print "</ul>"
		} else if (lines[1] ~ /^[0-9]+\. /) {
			body = 1
			printf "<p%s><b>%s</b></p>\n", attr, inline(lines[1])
		} else if (!body) {
			b = (blocks++ == 0)
			printf "<p align=\"center\"%s>%s%s%s</p>\n", attr, b ? "<b><font size=\"4\">" : "", inline(lines[1]), b ? "</font></b>" : ""
		} else {
			printf "<p%s>", attr
			for (i = 1; i <= n; i++) printf "%s%s", (i > 1 ? "<br>\n" : ""), inline(lines[i])
			print "</p>"
		}
		n = 0
	}
	BEGIN {
		print "<!DOCTYPE html>"
		print "<html lang=\"ja\"><head><meta charset=\"utf-8\"><title>digest</title></head>"
		print "<body style=\"font-family: IPAexMincho\">"
		# A page-number footer, as desks have it: "- 2 -".
		print "<div title=\"footer\"><p align=\"center\">-&nbsp;<sdfield type=PAGE subtype=RANDOM format=PAGE>1</sdfield>&nbsp;-</p></div>"
	}
	{ sub(/\r$/, ""); sub(/^\357\273\277/, ""); sub(/[ \t]+$/, "") }
	/^$/ { flush(); next }
	{ lines[++n] = $0 }
	END { flush(); print "</body></html>" }
	' "$1"
}

# convert FORMAT IN [INFILTER] converts IN into $work with LibreOffice,
# using a throwaway profile so that it runs headless, as root too.
convert() {
	set -- "$1" "$2" "${3:+--infilter=$3}"
	if ! soffice --headless "-env:UserInstallation=file://$work/lo-profile" \
		${3:+"$3"} --convert-to "$1" --outdir "$work" "$2" > "$work/soffice.log" 2>&1; then
		cat "$work/soffice.log" >&2
		exit 1
	fi
	made="$work/$(basename "${2%.*}").$1"
	if [ ! -s "$made" ]; then
		cat "$work/soffice.log" >&2
		echo "make.sh: soffice made no $made" >&2
		exit 1
	fi
}

for name in example-digest example-digest-extracted; do
	html "$src/$name.txt" > "$work/$name.html"
	# HTML to Word, then Word to PDF, as a desk makes its PDF.
	convert docx "$work/$name.html" "HTML (StarWriter)"
	convert pdf "$work/$name.docx"
	cp "$work/$name.docx" "$work/$name.pdf" "$out/"
done
