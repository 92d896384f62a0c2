// Package words is shuho's one catalogue of the words it shows its users
// in Japanese and English: the editor's pages, the command line's reports
// (with --lang ja), statuses, roles, kinds, revision reasons and how a
// suggestion was made. Lint's messages, which each rule formats with its
// own figures, are lint's (lint/catalogue.go). A word missing in one
// language is a test failure.
package words

import (
	"fmt"
	"strings"
)

// texts are the words in Japanese and English, by key.
var texts = map[string][2]string{
	"app":                            {"週報", "shuho"},
	"nav.archive":                    {"アーカイブ", "Archive"},
	"nav.digests":                    {"週報一覧", "Digests"},
	"digests.title":                  {"週報一覧", "Digests"},
	"digests.period":                 {"期間", "Week"},
	"digests.items":                  {"項目数", "Items"},
	"digests.status":                 {"状態", "Status"},
	"digests.version":                {"版", "Version"},
	"digests.none":                   {"まだ週報はありません。", "No digest yet."},
	"digests.download":               {"ダウンロード", "Download"},
	"nav.week":                       {"今週の記事", "Week"},
	"week.title":                     {"候補記事", "Candidate stories"},
	"week.prev":                      {"前週", "Previous week"},
	"week.next":                      {"翌週", "Next week"},
	"week.stories":                   {"件", "stories"},
	"week.none":                      {"週報対象外", "Not for the digest"},
	"week.relevance":                 {"重要度", "relevance"},
	"week.articles":                  {"記事", "articles"},
	"week.section":                   {"欄", "Section"},
	"week.add":                       {"週報に追加", "Add to the digest"},
	"week.dismiss":                   {"除外", "Dismiss"},
	"week.kept":                      {"追加済み", "added"},
	"week.dismissed":                 {"除外済み", "dismissed"},
	"step.submit":                    {"確認へ提出", "Submit for review"},
	"step.withdraw":                  {"差し戻し", "Withdraw"},
	"step.approve":                   {"承認", "Approve"},
	"step.publish":                   {"公開", "Publish"},
	"digests.history":                {"履歴", "History"},
	"edit.back":                      {"週報に戻る", "Back to the digest"},
	"engine.template":                {"過去の見出しから", "from a past headline"},
	"engine.rules":                   {"規則による", "by rule"},
	"engine.gist":                    {"要点のみ", "gist only"},
	"engine.model":                   {"言語モデル", "language model"},
	"engine.extract":                 {"記事からの抜粋", "extract of the article"},
	"reason.editor":                  {"編集", "edited"},
	"reason.editor (merged)":         {"編集（他の人の保存と統合）", "edited (merged with another save)"},
	"reason.editor: move":            {"項目の移動", "item moved"},
	"reason.api":                     {"API による保存", "saved through the API"},
	"reason.draft":                   {"下書きの作成", "drafted"},
	"reason.restore":                 {"第%s版に戻す", "restore of version %s"},
	"reason.week":                    {"候補記事 %s を追加", "story %s added from the week"},
	"reason.import":                  {"取り込み：%s", "imported: %s"},
	"edit.theirs":                    {"他の人の保存と重なった箇所", "Where another save changed the same fields"},
	"edit.theirshelp":                {"下の欄はあなたの入力のままです。他の人の変更（元の版からの差分）を採る箇所にだけ印を付けて保存してください。", "The fields below hold what you typed. Tick the fields where the other save's change (shown against the version you started from) should stand instead, then save."},
	"edit.take":                      {"他の人の変更を採る", "Take the other save's change"},
	"edit.conflicts":                 {"他の人が先に同じ箇所を保存しました。入力は残してあります。重なった箇所を選んで保存してください。", "Someone saved the same fields first. What you typed is kept; choose for each field that both changed, then save."},
	"edit.deleted":                   {"他の人の保存でこの項目は削除されていました。入力は残してあります。保存すると元の位置に戻します。", "Another save deleted this item. What you typed is kept; saving puts the item back in its place."},
	"digest.merged":                  {"他の人の保存と重ならない変更だったため、最新版に合わせて保存しました。", "Your change did not touch what the other save changed: it was saved onto the current version."},
	"edit.title":                     {"項目の編集", "Edit item"},
	"edit.current":                   {"最新版を見る", "see the current copy"},
	"edit.ja":                        {"和文見出し", "Japanese headline"},
	"edit.en":                        {"英文見出し", "English headline"},
	"edit.emphasis":                  {"太字で強調", "Bold (emphasis)"},
	"edit.body":                      {"本文", "Body"},
	"edit.help":                      {"段落・注記・箇条書き（1行に1項目）をブロックごとに書き、出典は各ブロックの欄に (OUTLET / DD.MM.YYYY)。**太字** と *斜体* が使えます。空のブロックは保存されません。", "Write each paragraph, note or list (one entry a line) as a block, with its citations (OUTLET / DD.MM.YYYY) in the block's field; **bold** and *italic*. An empty block is not saved."},
	"edit.save":                      {"保存", "Save"},
	"edit.delete":                    {"この項目を削除", "Delete this item"},
	"edit.item":                      {"編集", "Edit"},
	"lint.title":                     {"チェック結果", "Checks"},
	"lint.clean":                     {"問題は見つかりません。", "Nothing found."},
	"nav.glossary":                   {"用語集", "Glossary"},
	"glossary.title":                 {"用語集", "Glossary"},
	"glossary.kind":                  {"種類", "Kind"},
	"glossary.variants":              {"異表記（カンマ区切り）", "Other spellings (comma-separated)"},
	"glossary.note":                  {"注記", "Note"},
	"glossary.add":                   {"用語の追加・変更", "Add or change a term"},
	"glossary.short":                 {"見出し用", "In headlines"},
	"glossary.country":               {"国コード", "Country code"},
	"glossary.titleof":               {"役職（英語）", "Title (English)"},
	"glossary.javariants":            {"使わない日本語表記（カンマ区切り）", "Japanese forms not to use (comma-separated)"},
	"glossary.offices":               {"在任（1行に1件: 役職; 国; 駐在国; 開始日; 終了日）", "Offices held (one a line: title; country; posted to; from; to)"},
	"glossary.titleby":               {"国ごとの役職名（例 CN=国家主席）", "The title as a country calls it (e.g. CN=国家主席)"},
	"glossary.checkby":               {"確認期限", "Check by"},
	"glossary.overdue":               {"期限切れ：要確認", "past: check it"},
	"glossary.ref":                   {"出典URL", "Source page"},
	"article.original":               {"元のページ", "Original page"},
	"article.canonical":              {"記事自身のアドレス", "The article's own address"},
	"article.fromfeed":               {"この本文はフィードに載っていた写しです。記事のページは読めませんでした（拒否、停止、削除など）。", "This text is the feed's copy of the article: its page could not be read (refused, down or gone)."},
	"article.read":                   {"保存された本文", "saved text"},
	"glossary.edit":                  {"編集", "Edit"},
	"glossary.save":                  {"保存", "Save"},
	"nav.sources":                    {"情報源", "Sources"},
	"sources.title":                  {"情報源の状態", "Sources"},
	"sources.source":                 {"情報源", "Source"},
	"sources.success":                {"最終成功", "Last success"},
	"sources.error":                  {"最終エラー", "Last error"},
	"sources.perday":                 {"1日あたり記事数", "Articles a day"},
	"sources.days":                   {"日間", "days"},
	"sources.inarow":                 {"回連続", "in a row"},
	"sources.none":                   {"情報源はまだ収集されていません。", "No source has been collected yet."},
	"rev.title":                      {"改訂履歴", "Revisions"},
	"rev.restore":                    {"この版に戻す", "Restore this version"},
	"rev.link":                       {"改訂履歴と差分", "Revisions and differences"},
	"week.outlet":                    {"媒体", "Outlet"},
	"week.alloutlets":                {"全媒体", "All outlets"},
	"week.filter":                    {"絞り込み", "Filter"},
	"step.reopen":                    {"変更により再審査へ", "Back to review (changed)"},
	"step.confirm":                   {"公開すると配信されます。確認しました", "Publishing sends it out: I have checked it"},
	"step.confirmfirst":              {"公開する前に確認欄に印を付けてください。", "Tick the box to confirm before publishing."},
	"edit.confirm":                   {"削除を確認", "Confirm the deletion"},
	"edit.confirmdelete":             {"この項目を削除するには、削除を確認の欄に印を付けてください。", "To delete this item, tick the box confirming the deletion."},
	"edit.reopens.approved":          {"この週報は承認済みです。保存すると承認が取り消され、再び審査に回ります。", "This digest is approved: saving withdraws the approval and sends it back to review."},
	"edit.reopens.published":         {"この週報は公開済みです。保存すると新しい版として再び審査に回ります（公開中の版はそのまま）。", "This digest is published: saving opens a new round of review for a new version (the published one stays as it is)."},
	"form.incomplete":                {"フォームのブロックが揃っていません（種類 %d、本文 %d、出典 %d）。", "the form's blocks are incomplete (%d kinds, %d texts, %d citation fields)"},
	"form.citesonly":                 {"ブロック %d に出典だけがあり、本文がありません。", "block %d has citations but no text"},
	"form.cites":                     {"ブロック %d：出典 %q は (媒体名 / DD.MM.YYYY) の形で書いてください。", "block %d: the citations %q are not written (OUTLET / DD.MM.YYYY)"},
	"form.kind":                      {"ブロック %d：種類 %q は段落・注記・箇条書きのいずれでもありません。", "block %d: kind %q is none of paragraph, note, list"},
	"form.headlines":                 {"英文見出しが必要です。見出しはそれぞれ1行で書いてください。", "the English headline is needed, and each headline is one line"},
	"form.markers":                   {"本文に、次の項目や週報の終わりを示す行（● や *****END*****）があります。", "the body holds a line that would start another item or end the digest"},
	"form.items":                     {"本文が複数の項目として読まれます。", "the text reads as more than one item"},
	"gate.errors":                    {"チェックで%d件のエラーが見つかっています。先に直してください。", "the checks find %d error(s) in the digest; fix them first"},
	"gate.override":                  {"チェックで%d件のエラーが見つかっています。先に直すか、承知で進める理由を書いてください。", "the checks find %d error(s) in the digest; fix them first, or give a reason to go over them"},
	"gate.foureyes":                  {"最後の変更（第%[2]d版）は %[1]s によるものです。別の承認者が承認してください（ダブルチェック）。", "%s made the last change (version %d): another approver must approve it (four eyes)"},
	"step.overrode":                  {"チェックのエラーを承知で：", "over the checks' errors: "},
	"digests.mailfailed":             {"公開しましたが、配信先へのメールを送れませんでした。管理者がログで理由を確認できます。", "Published, but the mail to the list could not be sent; an administrator finds why in the log."},
	"role.viewer":                    {"閲覧者", "viewer"},
	"role.editor":                    {"編集者", "editor"},
	"role.approver":                  {"承認者", "approver"},
	"role.admin":                     {"管理者", "administrator"},
	"term.person":                    {"人名", "person"},
	"term.place":                     {"地名", "place"},
	"term.organisation":              {"組織", "organisation"},
	"term.title":                     {"肩書", "title"},
	"term.adjective":                 {"形容詞", "adjective"},
	"term.country":                   {"国名", "country"},
	"source.feed":                    {"フィード", "feed"},
	"source.list":                    {"一覧ページ", "list page"},
	"source.page":                    {"単独ページ", "single page"},
	"severity.error":                 {"エラー", "error"},
	"severity.warning":               {"警告", "warning"},
	"severity.info":                  {"情報", "info"},
	"step.comment":                   {"差し戻しの理由（編集者に表示）", "Why it goes back (the editors see it)"},
	"step.override":                  {"エラーを承知で進める理由", "Reason to go over the checks' errors"},
	"week.indigest":                  {"週報に掲載済み：項目", "In the digest: item"},
	"week.why":                       {"重要度の内訳", "What the relevance is made of"},
	"why.topical":                    {"話題性", "topical"},
	"why.importance":                 {"重要性", "importance"},
	"why.voices":                     {"報道数", "voices"},
	"why.weight":                     {"媒体の重み", "outlet weight"},
	"why.recency":                    {"新しさ", "recency"},
	"why.about":                      {"自国関連", "about the country"},
	"why.elsewhere":                  {"他国の出来事", "another country's story"},
	"affiliation.state-owned":        {"国営", "state-owned"},
	"affiliation.private":            {"民間", "private"},
	"affiliation.independent":        {"独立系", "independent"},
	"affiliation.foreign-government": {"外国政府系", "foreign government"},
	"affiliation.international":      {"国際機関", "international"},
	"week.split":                     {"別の出来事として分ける", "Split off: another event"},
	"week.choose":                    {"まとめる候補に選ぶ", "Choose to merge"},
	"week.merge":                     {"選んだ記事群を一つの出来事にまとめる", "Merge the chosen stories: one event"},
	"week.already":                   {"この記事群は既に週報の項目になっています。", "The digest tells this story already."},
	"week.undo":                      {"除外を取り消す", "Undo the dismissal"},
	"week.refresh":                   {"最新の順位で表示", "Rank anew"},
	"week.held":                      {"順序は最初に表示したときのまま", "order kept as first shown"},
	"week.compact":                   {"一覧表示", "Compact list"},
	"week.full":                      {"詳細表示", "Full view"},
	"week.keys":                      {"キー操作 (?)", "Keys (?)"},
	"week.chosen":                    {"選んだ記事群", "Chosen stories"},
	"week.addchosen":                 {"まとめて週報に追加", "Add them to the digest"},
	"week.dismisschosen":             {"まとめて除外", "Dismiss them"},
	"week.failed":                    {"操作できませんでした", "Could not be done"},
	"week.key.move":                  {"次・前の記事群へ", "next, previous story"},
	"week.key.add":                   {"表示中の欄で週報に追加", "add to the digest in the section shown"},
	"week.key.dismiss":               {"除外", "dismiss"},
	"week.key.undo":                  {"直前の除外を取り消す", "undo the last dismissal"},
	"week.key.open":                  {"項目または記事を開く", "open its item or its article"},
	"week.key.choose":                {"選ぶ・選択を外す", "choose, or leave out"},
	"week.key.help":                  {"この一覧", "this list"},
	"week.close":                     {"閉じる", "Close"},
	"edit.marks":                     {"強調", "Emphasis"},
	"edit.bold":                      {"太字", "bold"},
	"edit.italic":                    {"斜体", "italic"},
	"edit.addblock":                  {"ブロックを追加", "Add a block"},
	"edit.removeblock":               {"削除", "Remove"},
	"edit.block":                     {"ブロック", "Block"},
	"edit.kind":                      {"種類", "Kind"},
	"edit.text":                      {"本文", "Text"},
	"edit.cites":                     {"出典", "Citations"},
	"kind.paragraph":                 {"段落", "Paragraph"},
	"kind.note":                      {"注記 (NOTE)", "Note"},
	"kind.list":                      {"箇条書き", "List"},
	"edit.suggestions":               {"提案", "Suggestions"},
	"edit.summary":                   {"要約案（主記事から）", "Summary (from the lead article)"},
	"edit.use":                       {"これを使う", "Use this"},
	"edit.ask":                       {"モデルに提案を求める", "Ask the model"},
	"edit.modelerror":                {"モデルの回答は採用されませんでした", "The model's answer was not taken"},
	"edit.articles":                  {"元記事", "Source articles"},
	"edit.seen":                      {"過去の関連項目", "Seen before"},
	"lint.itemclean":                 {"この項目に問題は見つかりません。", "Nothing found in this item."},
	"lint.others":                    {"他の項目の指摘", "Findings elsewhere in the digest"},
	"unsourced.number":               {"本文の数字「%s」はどの元記事にもありません。", "The number “%s” in the body is in none of the story's articles."},
	"unsourced.date":                 {"本文の日付「%s」はどの元記事にもありません。", "The date “%s” in the body is in none of the story's articles."},
	"unsourced.name":                 {"本文の名前「%s」はどの元記事にもありません。", "The name “%s” in the body is in none of the story's articles."},
	"edit.suggestion":                {"見出し案", "Suggested headline"},
	"edit.gist":                      {"見出しの手がかり", "Headline hint"},
	"edit.related":                   {"今週の関連記事（NOTE案）", "Related stories of the week (as a NOTE)"},
	"edit.shared":                    {"共通", "In common"},
	"edit.addnote":                   {"NOTEとして追加", "Add as a NOTE"},
	"edit.checkby":                   {"確認期限を過ぎた用語集の項目（在任者など）", "Glossary entries past their check-by day (office holders)"},
	"edit.gisthint":                  {"見出しにはなっていません（人名・肩書のみ）。出来事を加えて見出し欄に書いてください。", "Not a headline (names and titles only): write the headline with its event in the field."},
	"edit.unknown":                   {"要確認の人名", "names to check"},
	"move.up":                        {"上へ", "Move up"},
	"move.down":                      {"下へ", "Move down"},
	"public.none":                    {"公開された週報はまだありません。", "Nothing is published yet."},
	"digests.nofont":                 {"PDFの作成には日本語フォントが必要です。管理者に依頼してください。", "A PDF needs a Japanese font on the server; ask the administrator."},
	"nav.users":                      {"ユーザー", "Users"},
	"nav.logout":                     {"ログアウト", "Sign out"},
	"nav.lang":                       {"English", "日本語"},
	"login.title":                    {"ログイン", "Sign in"},
	"login.name":                     {"ユーザー名", "User name"},
	"login.password":                 {"パスワード", "Password"},
	"login.submit":                   {"ログイン", "Sign in"},
	"login.failed":                   {"ユーザー名またはパスワードが正しくありません。", "The user name or password is wrong."},
	"login.limited":                  {"ログインの失敗が続いたため、しばらく待ってからお試しください。", "Too many failed sign-ins; wait a while and try again."},
	"archive.title":                  {"アーカイブ検索", "Search the archive"},
	"archive.search":                 {"検索", "Search"},
	"archive.none":                   {"該当なし", "Nothing found"},
	"archive.badquery":               {"検索語を読み取れません。", "The query cannot be read."},
	"archive.item":                   {"項目", "Item"},
	"archive.article":                {"記事", "Article"},
	"archive.baddate":                {"日付は 2026-11-16 のように書いてください。", "Write a date as 2026-11-16."},
	"archive.from":                   {"期間（から）", "From"},
	"archive.to":                     {"期間（まで）", "To"},
	"archive.allsections":            {"全欄", "All sections"},
	"archive.hits":                   {"件", "found"},
	"archive.more":                   {"200件以上", "200 or more found"},
	"archive.pages":                  {"検索結果のページ", "Pages of hits"},
	"archive.prev":                   {"前の20件", "Previous 20"},
	"archive.next":                   {"次の20件", "Next 20"},
	"status.draft":                   {"下書き", "draft"},
	"status.review":                  {"確認中", "in review"},
	"status.approved":                {"承認済み", "approved"},
	"status.published":               {"公開済み", "published"},
	"users.self":                     {"自分の管理者権限を外したり、自分を無効にしたりはできません。他の管理者に依頼してください。", "You cannot lower or disable your own account; ask another administrator."},
	"users.change":                   {"変更", "Change"},
	"users.newpassword":              {"新しいパスワード（任意）", "New password (optional)"},
	"users.title":                    {"ユーザー", "Users"},
	"users.add":                      {"追加", "Add"},
	"users.name":                     {"名前", "Name"},
	"users.role":                     {"権限", "Role"},
	"users.state":                    {"状態", "State"},
	"users.disabled":                 {"無効", "disabled"},
	"users.active":                   {"有効", "active"},
	"users.password":                 {"パスワード（10文字以上）", "Password (10 characters or more)"},
	"users.badrole":                  {"権限を選んでください。", "Choose a role."},
	"users.weak":                     {"パスワードは10文字以上にしてください。", "A password needs at least 10 characters."},
	"users.exists":                   {"その名前のユーザーは既にいます。", "A user of that name exists already."},
	"users.badname":                  {"名前には文字・数字と . _ - @ が使えます。", "A name holds letters, digits and . _ - @ only."},
	"error.title":                    {"エラー", "Error"},
	"error.bad":                      {"リクエストを処理できません。", "The request cannot be handled."},
	"error.signin":                   {"ログインしてください。", "Please sign in."},
	"error.forbidden":                {"この操作の権限がありません。", "You may not do this."},
	"error.notfound":                 {"ページが見つかりません。", "There is no such page."},
	"error.conflict":                 {"他の人が先に保存しました。最新の内容を確認してください。", "Someone saved first; see the current copy."},
	"error.limited":                  {"しばらく待ってからお試しください。", "Wait a while and try again."},
	"error.server":                   {"エラーが発生しました。管理者に連絡してください。", "Something went wrong; the administrator can see what in the log."},
	"error.back":                     {"戻る", "Back"},
	// The command line's reports, with --lang ja.
	"cli.lint.summary":               {"%s: エラー %d件、警告 %d件", "%s: %d error(s), %d warning(s)"},
	"cli.lint.repairs":               {"（読み込みで %d件を修復。--repairs で一覧）", "; %d repair(s) made in reading it (--repairs lists them)"},
	"cli.draft.week":                 {"%s～%s の週: 記事群 %d件、うち下書きに %d件", "week %s to %s: %d stories, %d in the draft"},
	"cli.draft.gist":                 {"見出しなし。要点: ", "no headline; gist: "},
	"cli.draft.bold":                 {"太字: ", "bold: "},
	"cli.draft.checkby":              {"確認期限切れ: ", "past check-by: "},
	"cli.draft.byrule":               {"規則で表記: ", "by rule: "},
	"cli.draft.seen":                 {"既出 %s: %s", "seen %s: %s"},
	"cli.draft.folded":               {"記事群 %v と同じ出来事", "one event with stories %v"},
	"cli.draft.why":                  {"重要度の内訳: ", "why: "},
	"cli.draft.left":                 {"対象外: %s %.2f %s: %s（%s）", "left out: %s %.2f %s: %s (%s)"},
	"cli.draft.lint":                 {"点検: %s", "lint: %s"},
	"flag.unsourced":                 {"%s「%s」はどの記事にもない", "%s %q is in no source"},
	"flag.number":                    {"数字", "number"},
	"flag.date":                      {"日付", "date"},
	"flag.name":                      {"名前", "name"},
	"left.dismissed":                 {"編集者が除外", "dismissed"},
	"left.not for the digest":        {"週報の対象外", "not for the digest"},
	"left.below the least relevance": {"重要度が基準未満", "below the least relevance"},
	"left.section full":              {"欄が満杯", "section full"},
	"left.same":                      {"記事群 %s と同じ出来事", "same event as story %s"},
}

// Text returns a word in a language ("ja" unless "en"); an unknown key is
// shown as itself, which the tests catch.
func Text(lang, key string) string {
	t, ok := texts[key]
	if !ok {
		return key
	}
	if lang == "en" {
		return t[1]
	}
	return t[0]
}

// Has reports whether the catalogue has a key.
func Has(key string) bool {
	_, ok := texts[key]
	return ok
}

// Each calls f with each key and its two words, for the tests.
func Each(f func(key, ja, en string)) {
	for k, v := range texts {
		f(k, v[0], v[1])
	}
}

// Reason says why a revision was saved (its source, as the code records
// it in English) in lang: "restore of version 3", "week: story 17",
// "import: PATH" with what they name; an unknown source as it is.
func Reason(lang, source string) string {
	for _, p := range []struct{ prefix, key string }{{"restore of version ", "reason.restore"}, {"week: story ", "reason.week"}, {"import: ", "reason.import"}} {
		if rest, ok := strings.CutPrefix(source, p.prefix); ok {
			return fmt.Sprintf(Text(lang, p.key), rest)
		}
	}
	if Has("reason." + source) {
		return Text(lang, "reason."+source)
	}
	return source
}

// Engine names how a suggestion was made in lang.
func Engine(lang, engine string) string {
	if Has("engine." + engine) {
		return Text(lang, "engine."+engine)
	}
	return engine
}

// LeftOut says why the drafter left a story out (its reason, as the
// drafter records it in English) in lang.
func LeftOut(lang, reason string) string {
	if rest, ok := strings.CutPrefix(reason, "same event as story "); ok {
		return fmt.Sprintf(Text(lang, "left.same"), rest)
	}
	if Has("left." + reason) {
		return Text(lang, "left."+reason)
	}
	return reason
}
