package web

// texts are the pages' words in Japanese and English; a user chooses one.
var texts = map[string][2]string{
	"app":              {"週報", "shuho"},
	"nav.archive":      {"アーカイブ", "Archive"},
	"nav.digests":      {"週報", "Digests"},
	"digests.title":    {"週報一覧", "Digests"},
	"digests.period":   {"期間", "Week"},
	"digests.items":    {"項目数", "Items"},
	"digests.status":   {"状態", "Status"},
	"digests.version":  {"版", "Version"},
	"digests.none":     {"まだ週報はありません。", "No digest yet."},
	"digests.download": {"ダウンロード", "Download"},
	"nav.week":         {"今週の記事", "Week"},
	"week.title":       {"候補記事", "Candidate stories"},
	"week.prev":        {"前週", "Previous week"},
	"week.next":        {"翌週", "Next week"},
	"week.stories":     {"件", "stories"},
	"week.none":        {"週報対象外", "Not for the digest"},
	"week.relevance":   {"重要度", "relevance"},
	"week.articles":    {"記事", "articles"},
	"week.section":     {"欄", "Section"},
	"week.add":         {"週報に追加", "Add to the digest"},
	"week.dismiss":     {"除外", "Dismiss"},
	"week.kept":        {"追加済み", "added"},
	"week.dismissed":   {"除外済み", "dismissed"},
	"step.submit":      {"確認へ提出", "Submit for review"},
	"step.withdraw":    {"差し戻し", "Withdraw"},
	"step.approve":     {"承認", "Approve"},
	"step.publish":     {"公開", "Publish"},
	"digests.history":  {"履歴", "History"},
	"public.none":      {"公開された週報はまだありません。", "Nothing is published yet."},
	"digests.nofont":   {"PDFの作成には日本語フォントが必要です。管理者に依頼してください。", "A PDF needs a Japanese font on the server; ask the administrator."},
	"nav.users":        {"ユーザー", "Users"},
	"nav.logout":       {"ログアウト", "Sign out"},
	"nav.lang":         {"English", "日本語"},
	"login.title":      {"ログイン", "Sign in"},
	"login.name":       {"ユーザー名", "User name"},
	"login.password":   {"パスワード", "Password"},
	"login.submit":     {"ログイン", "Sign in"},
	"login.failed":     {"ユーザー名またはパスワードが正しくありません。", "The user name or password is wrong."},
	"login.limited":    {"ログインの失敗が続いたため、しばらく待ってからお試しください。", "Too many failed sign-ins; wait a while and try again."},
	"archive.title":    {"アーカイブ検索", "Search the archive"},
	"archive.search":   {"検索", "Search"},
	"archive.none":     {"該当なし", "Nothing found"},
	"archive.badquery": {"検索語を読み取れません。", "The query cannot be read."},
	"archive.item":     {"項目", "Item"},
	"archive.article":  {"記事", "Article"},
	"users.title":      {"ユーザー", "Users"},
	"users.add":        {"追加", "Add"},
	"users.name":       {"名前", "Name"},
	"users.role":       {"権限", "Role"},
	"users.state":      {"状態", "State"},
	"users.disabled":   {"無効", "disabled"},
	"users.active":     {"有効", "active"},
	"users.password":   {"パスワード（10文字以上）", "Password (10 characters or more)"},
	"users.badrole":    {"権限を選んでください。", "Choose a role."},
	"users.weak":       {"パスワードは10文字以上にしてください。", "A password needs at least 10 characters."},
	"users.exists":     {"その名前のユーザーは既にいます。", "A user of that name exists already."},
	"users.badname":    {"名前には文字・数字と . _ - @ が使えます。", "A name holds letters, digits and . _ - @ only."},
	"error.title":      {"エラー", "Error"},
	"error.bad":        {"リクエストを処理できません。", "The request cannot be handled."},
	"error.signin":     {"ログインしてください。", "Please sign in."},
	"error.forbidden":  {"この操作の権限がありません。", "You may not do this."},
	"error.notfound":   {"ページが見つかりません。", "There is no such page."},
	"error.conflict":   {"他の人が先に保存しました。最新の内容を確認してください。", "Someone saved first; see the current copy."},
	"error.limited":    {"しばらく待ってからお試しください。", "Wait a while and try again."},
	"error.server":     {"エラーが発生しました。管理者に連絡してください。", "Something went wrong; the administrator can see what in the log."},
	"error.back":       {"戻る", "Back"},
}

// text returns a page's word in a language ("ja" unless "en"); an unknown
// key is shown as itself, which a test catches.
func text(lang, key string) string {
	t, ok := texts[key]
	if !ok {
		return key
	}
	if lang == "en" {
		return t[1]
	}
	return t[0]
}
