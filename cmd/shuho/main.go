// Command shuho produces the weekly bilingual political and security digest
// of a country (週報) from public news, for an embassy's political desk.
//
// Usage:
//
//	shuho COMMAND [flags] [arguments]
//
// Flags may come before or after the arguments. Every command takes
// -h for its manual, and these common flags:
//
//	--profile KEY|FILE  the country profile: a built-in key ("az", the
//	                    default) or a profile file of your own (JSON, as
//	                    "shuho profile show" prints it); also $SHUHO_PROFILE
//	--log-level LEVEL   debug, info, warn or error (default warn); also
//	                    $SHUHO_LOG_LEVEL
//
// Commands that use the archive take --db DSN: a file path, sqlite:PATH or
// postgres://… (also $SHUHO_DB; default shuho.db in the user's data
// directory, ~/.local/share/shuho on Unix).
//
// The commands:
//
//	demo                  all of shuho at work: the bundled sample week
//	                      collected from loopback, its digest drafted, the
//	                      editor started; prints the address and a sign-in
//	convert IN OUT        convert a digest (.txt or .json) to the text form
//	                      (.txt), JSON (.json), Markdown (.md), one HTML page
//	                      (.html), Word (.docx) or an A4 PDF (.pdf, with a
//	                      Japanese font found on the machine); "-" is
//	                      standard input or output. Reading a text digest
//	                      repairs the damage of copying it out of Word or PDF.
//	lint FILE [--json]    check a digest (.txt or .json) and print one finding
//	                      a line, "LINE SECTION.ITEM SEVERITY RULE: message",
//	                      or with --json the findings as JSON; --repairs lists
//	                      what reading the text repaired. Exit status 1 when
//	                      there is an error, 2 when the file is not a digest.
//	import PATH…          import past digests (.txt, .json, .docx, and .pdf
//	                      with pdftotext; files or folders, recursively) into
//	                      the archive: a digest is identified by its profile
//	                      and period; an unchanged file changes nothing, a
//	                      changed one becomes a new revision. Failures are
//	                      reported with file, line and reason; a summary ends.
//	search QUERY          search the archive's items and articles: English
//	                      words and "phrases", Japanese of any length, mixed;
//	                      --from, --to, --section, --outlet, --profile,
//	                      --limit, --json. Ranked by relevance, then recency.
//	collect               one collection pass over the profile's sources:
//	                      feeds and list pages fetched through the guarded
//	                      client, new articles' pages extracted and stored,
//	                      the same event from several outlets grouped into
//	                      one story; a table of new, duplicate and failed
//	                      articles per source ends it. --contact, and
//	                      --allow-private for an administrator's own network
//	extract FILE|URL      the main text, title, date and language of one
//	                      page; --json prints {"title","text","published",
//	                      "lang","url"}; --url gives a file its address
//	draft --week DATE     a draft digest for the week holding DATE from the
//	                      archive's stories: ranked, the top of each
//	                      section, headlines in both languages, summaries
//	                      of the sources' own sentences, every outlet
//	                      cited; -o FILE (.json or .txt), a report on stderr
//	classify [HEADLINE]   the section of an article (security, domestic,
//	                      foreign, or none: not for the digest) and its
//	                      relevance, learnt from the archive's items;
//	                      --jsonl reads {"headline_en","body"} lines
//	translate [HEADLINE]  the Japanese headline draft of an English one in
//	                      the desk's style, names from the glossary, unknown
//	                      ones listed; --jsonl reads {"headline_en","body"}
//	transliterate NAME…   the Japanese rendering of names: the glossary's,
//	                      else by rule (marked for review); --origin
//	glossary list|add|import|export
//	                      how the desk writes names in Japanese: the seed
//	                      (CLDR countries and cities, titles, office
//	                      holders), the profile's terms and the desk's own,
//	                      stored in the archive; JSON and CSV
//	serve                 the web editor on --addr, and collecting
//	                      continuously, each source on its schedule (slower
//	                      while quiet, later after errors, never before a
//	                      Retry-After)
//	worker                an extra collector process: several share one
//	                      database's sources through leases, so that no page
//	                      is fetched twice and a dead worker's work is taken
//	                      over
//	user add|list|passwd|role|disable|enable|token|tokens|revoke
//	                      accounts of the editor (viewer, editor, approver,
//	                      admin) and API tokens; the first admin is made by
//	                      shuho user add NAME --role admin
//	backup OUT            a consistent, verified copy of the archive (VACUUM
//	                      INTO for SQLite, pg_dump for PostgreSQL)
//	profile show          print the effective country profile as JSON, the
//	                      form a profile file takes
//	profile list          list the built-in profiles
//	help [COMMAND]        print this manual or a command's
//	version               print shuho's version
//
// Exit status: 0 on success; 1 when lint finds an error or a command fails;
// 2 when the command line is wrong or an input cannot be read as what it
// should be (not a digest, a broken profile), with a message naming the file,
// the line and what was expected.
package main

import (
	"context"
	"os"
	"os/signal"
	"syscall"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := run(ctx, os.Args[1:], os.Stdin, os.Stdout, os.Stderr, os.Getenv)
	stop()
	os.Exit(code)
}
