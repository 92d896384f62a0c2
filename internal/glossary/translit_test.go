package glossary

import (
	"fmt"
	"strings"
	"testing"
	"unicode/utf8"
)

// tlCase is one name as Japanese media or 外務省 write it. The expected
// values are the established forms for real people and places, written
// down before the rules were run and never adjusted to their output.
type tlCase struct {
	name   string
	origin string
	vu     bool
	want   string
}

// tlRuleCases are the cases the rules are built to get right: regular
// applications of the conventions in translit.go. A failure here is a
// broken rule.
var tlRuleCases = []tlCase{
	// Azerbaijan: people, English spellings.
	{"Ilham Aliyev", "az", false, "イルハム・アリエフ"},
	{"Heydar Aliyev", "az", false, "ヘイダル・アリエフ"},
	{"Mehriban Aliyeva", "az", true, "メフリバン・アリエヴァ"},
	{"Mehriban Aliyeva", "az", false, "メフリバン・アリエバ"},
	{"Jeyhun Bayramov", "az", false, "ジェイフン・バイラモフ"},
	{"Jeyhun Bayramov", "", false, "ジェイフン・バイラモフ"},
	{"Ali Asadov", "az", false, "アリ・アサドフ"},
	{"Novruz Mammadov", "az", true, "ノヴルズ・ママドフ"},
	{"Gursel Ismayilzada", "az", false, "グルセル・イスマイルザーデ"}, // MOFA: -zadə is ザーデ
	{"Rauf Abbasli", "az", false, "ラウフ・アッバスリ"},           // a doubled stop is ッ
	{"Rauf Abbasli", "", false, "ラウフ・アッバスリ"},
	{"Hikmet Hajiyev", "az", false, "ヒクメト・ハジエフ"},
	{"Ramiz Mehdiyev", "az", false, "ラミズ・メフディエフ"},
	{"Mukhtar Babayev", "az", false, "ムフタル・ババエフ"},
	{"Samir Sharifov", "az", false, "サミル・シャリフォフ"},
	{"Parviz Shahbazov", "az", true, "パルヴィズ・シャフバゾフ"},
	{"Elchin Amirbayov", "az", false, "エルチン・アミルバヨフ"},
	{"Sahiba Gafarova", "az", true, "サヒバ・ガファロヴァ"},
	{"Sahiba Gafarova", "az", false, "サヒバ・ガファロバ"},
	{"Abulfaz Elchibey", "az", false, "アブルファズ・エルチベイ"},
	{"Ayaz Mutallibov", "az", false, "アヤズ・ムタリボフ"},
	{"Shahin Mustafayev", "az", false, "シャヒン・ムスタファエフ"},
	{"Guliyev", "az", false, "グリエフ"},
	{"Zakir Hasanov", "az", false, "ザキル・ハサノフ"},
	{"Ilham Aliyev", "", false, "イルハム・アリエフ"},
	// Azerbaijan: people, Azerbaijani spellings (origin guessed from ə, q).
	{"İlham Əliyev", "", false, "イルハム・アリエフ"},
	{"Ceyhun Bayramov", "az", false, "ジェイフン・バイラモフ"},
	{"Heydər Əliyev", "", false, "ヘイダル・アリエフ"},
	{"Mehriban Əliyeva", "", true, "メフリバン・アリエヴァ"},
	{"Əli Əsədov", "", false, "アリ・アサドフ"},
	{"Sahibə Qafarova", "", true, "サヒバ・ガファロヴァ"},
	{"Novruz Məmmədov", "", true, "ノヴルズ・ママドフ"},
	{"Zakir Həsənov", "", false, "ザキル・ハサノフ"},
	{"Elçin Əmirbəyov", "", false, "エルチン・アミルバヨフ"},
	// Azerbaijan: places.
	{"Şuşa", "az", false, "シュシャ"},
	{"Shusha", "az", false, "シュシャ"},
	{"Khankendi", "az", false, "ハンケンディ"},
	{"Xankəndi", "", false, "ハンケンディ"},
	{"Karabakh", "az", false, "カラバフ"},
	{"Ağdam", "az", false, "アグダム"},
	{"Agdam", "az", false, "アグダム"},
	{"Laçın", "az", false, "ラチン"},
	{"Lachin", "az", false, "ラチン"},
	{"Xocalı", "", false, "ホジャリ"},
	{"Khojaly", "az", false, "ホジャリ"},
	{"Sumqayıt", "", false, "スムガイト"},
	{"Sumgait", "az", false, "スムガイト"},
	{"Qəbələ", "", false, "ガバラ"},
	{"Gabala", "az", false, "ガバラ"},
	{"Şəki", "", false, "シェキ"},
	{"Sheki", "az", false, "シェキ"},
	{"Zəngilan", "", false, "ザンギラン"},
	{"Füzuli", "az", false, "フズリ"},
	{"Fuzuli", "az", false, "フズリ"},
	{"Kəlbəcər", "", false, "ケルバジャル"},
	{"Qobustan", "", false, "ゴブスタン"},
	{"Abşeron", "az", false, "アブシェロン"},
	{"Naftalan", "az", false, "ナフタラン"},
	{"Astara", "az", false, "アスタラ"},
	{"Shirvan", "az", true, "シルヴァン"},
	// Russia: people.
	{"Sergey Lavrov", "ru", false, "セルゲイ・ラブロフ"},
	{"Maria Zakharova", "ru", false, "マリア・ザハロワ"},
	{"Dmitry Peskov", "ru", false, "ドミトリー・ペスコフ"},
	{"Mikhail Mishustin", "ru", false, "ミハイル・ミシュスチン"},
	{"Sergei Shoigu", "ru", false, "セルゲイ・ショイグ"},
	{"Andrei Belousov", "ru", false, "アンドレイ・ベロウソフ"},
	{"Valery Gerasimov", "ru", false, "ワレリー・ゲラシモフ"},
	{"Vyacheslav Volodin", "ru", false, "ビャチェスラフ・ボロジン"},
	{"Valentina Matviyenko", "ru", true, "ワレンチナ・マトヴィエンコ"},
	{"Yevgeny Prigozhin", "ru", false, "エフゲニー・プリゴジン"},
	{"Sergei Naryshkin", "ru", false, "セルゲイ・ナルイシキン"},
	{"Ramzan Kadyrov", "ru", false, "ラムザン・カディロフ"},
	{"Aleksandr Lukashenko", "ru", false, "アレクサンドル・ルカシェンコ"},
	{"Sergei Ryabkov", "ru", false, "セルゲイ・リャブコフ"},
	{"Maria Sharapova", "ru", false, "マリア・シャラポワ"},
	{"Sergei Ivanov", "ru", false, "セルゲイ・イワノフ"},
	{"Vladislav Surkov", "ru", false, "ウラジスラフ・スルコフ"},
	// Russia: places.
	{"Grozny", "ru", false, "グロズヌイ"},
	{"Moskva", "ru", false, "モスクワ"},
	{"Novosibirsk", "ru", false, "ノボシビルスク"},
	{"Yekaterinburg", "ru", false, "エカテリンブルク"},
	{"Volgograd", "ru", false, "ボルゴグラード"},
	{"Sankt-Peterburg", "ru", false, "サンクトペテルブルク"},
	{"Chelyabinsk", "ru", false, "チェリャビンスク"},
	{"Makhachkala", "ru", false, "マハチカラ"},
	{"Derbent", "ru", false, "デルベント"},
	{"Dagestan", "ru", false, "ダゲスタン"},
	{"Astrakhan", "ru", false, "アストラハン"},
	{"Rostov", "ru", false, "ロストフ"},
	{"Murmansk", "ru", false, "ムルマンスク"},
	{"Kazan", "ru", false, "カザン"},
	{"Sochi", "ru", false, "ソチ"},
	{"Kursk", "ru", false, "クルスク"},
	{"Belgorod", "ru", false, "ベルゴロド"},
	{"Tomsk", "ru", false, "トムスク"},
	{"Samara", "ru", false, "サマラ"},
	{"Orenburg", "ru", false, "オレンブルク"},
	// Central Asia.
	// 外務省 joins a double given name with ＝ (首脳電話会談, 2021-05-12);
	// a one-word place keeps its halves together.
	{"Kassym-Jomart Tokayev", "kz", false, "カシム＝ジョマルト・トカエフ"},
	{"Kassym-Jomart Tokayev", "", false, "カシム＝ジョマルト・トカエフ"},
	{"Nur-Sultan", "kz", false, "ヌルスルタン"},
	{"Nursultan Nazarbayev", "kz", false, "ヌルスルタン・ナザルバエフ"},
	{"Olzhas Bektenov", "kz", false, "オルジャス・ベクテノフ"},
	{"Murat Nurtleu", "kz", false, "ムラト・ヌルトレウ"},
	{"Alikhan Smailov", "kz", false, "アリハン・スマイロフ"},
	{"Karim Massimov", "kz", false, "カリム・マシモフ"},
	{"Astana", "kz", false, "アスタナ"},
	{"Shymkent", "kz", false, "シムケント"},
	{"Karaganda", "kz", false, "カラガンダ"},
	{"Aktau", "kz", false, "アクタウ"},
	{"Atyrau", "kz", false, "アティラウ"},
	{"Sadyr Japarov", "kz", false, "サディル・ジャパロフ"},
	{"Akylbek Japarov", "kz", false, "アキルベク・ジャパロフ"},
	{"Almazbek Atambayev", "kz", false, "アルマズベク・アタンバエフ"},
	{"Kurmanbek Bakiyev", "kz", false, "クルマンベク・バキエフ"},
	{"Askar Akayev", "kz", false, "アスカル・アカエフ"},
	{"Bishkek", "kz", false, "ビシケク"},
	{"Osh", "kz", false, "オシ"},
	{"Abdulla Aripov", "uz", false, "アブドゥラ・アリポフ"},
	{"Bakhtiyor Saidov", "uz", false, "バフティヨル・サイドフ"},
	{"Islam Karimov", "uz", false, "イスラム・カリモフ"},
	{"Tashkent", "uz", false, "タシケント"},
	{"Samarkand", "uz", false, "サマルカンド"},
	{"Bukhara", "uz", false, "ブハラ"},
	{"Khiva", "uz", true, "ヒヴァ"},
	{"Fergana", "uz", false, "フェルガナ"},
	{"Nukus", "uz", false, "ヌクス"},
	{"Andijan", "uz", false, "アンディジャン"},
	{"Namangan", "uz", false, "ナマンガン"},
	{"Urgench", "uz", false, "ウルゲンチ"},
	{"Emomali Rahmon", "", false, "エモマリ・ラフモン"},
	{"Dushanbe", "", false, "ドゥシャンベ"},
	{"Serdar Berdimuhamedow", "kz", false, "セルダル・ベルディムハメドフ"},
	{"Rashid Meredov", "kz", false, "ラシド・メレドフ"},
	// Georgia.
	{"Irakli Kobakhidze", "ge", false, "イラクリ・コバヒゼ"},
	{"Irakli Kobakhidze", "", false, "イラクリ・コバヒゼ"},
	{"Mikheil Kavelashvili", "ge", true, "ミヘイル・カヴェラシヴィリ"},
	{"Irakli Garibashvili", "ge", true, "イラクリ・ガリバシヴィリ"},
	{"Bidzina Ivanishvili", "ge", true, "ビジナ・イヴァニシヴィリ"},
	{"Giorgi Gakharia", "ge", false, "ギオルギ・ガハリア"},
	{"Zviad Gamsakhurdia", "ge", false, "ズビアド・ガムサフルディア"},
	{"Nino Burjanadze", "ge", false, "ニノ・ブルジャナゼ"},
	{"Khvicha Kvaratskhelia", "ge", true, "フヴィチャ・クヴァラツヘリア"},
	{"Tbilisi", "ge", false, "トビリシ"},
	{"Batumi", "ge", false, "バトゥミ"},
	{"Kutaisi", "ge", false, "クタイシ"},
	{"Zugdidi", "ge", false, "ズグディディ"},
	{"Mtskheta", "ge", false, "ムツヘタ"},
	{"Gori", "ge", false, "ゴリ"},
	{"Poti", "ge", false, "ポティ"},
	{"Rustavi", "ge", true, "ルスタヴィ"},
	{"Kakheti", "ge", false, "カヘティ"},
	{"Adjara", "ge", false, "アジャラ"},
	{"Borjomi", "ge", false, "ボルジョミ"},
	{"Abkhazia", "ge", false, "アブハジア"},
	{"Sukhumi", "ge", false, "スフミ"},
	// Armenia.
	{"Nikol Pashinyan", "am", false, "ニコル・パシニャン"},
	{"Nikol Pashinyan", "", false, "ニコル・パシニャン"},
	{"Ararat Mirzoyan", "am", false, "アララト・ミルゾヤン"},
	{"Robert Kocharyan", "am", false, "ロベルト・コチャリャン"},
	{"Armen Sarkissian", "am", false, "アルメン・サルキシャン"},
	{"Aram Khachaturian", "am", false, "アラム・ハチャトゥリャン"},
	{"Khachaturyan", "", false, "ハチャトゥリャン"},
	{"Anna Hakobyan", "am", false, "アンナ・ハコビャン"},
	{"Alen Simonyan", "am", false, "アレン・シモニャン"},
	{"Yerevan", "am", true, "エレヴァン"},
	{"Yerevan", "am", false, "エレバン"},
	{"Gyumri", "am", false, "ギュムリ"},
	{"Vanadzor", "am", true, "ヴァナゾル"},
	{"Stepanakert", "am", false, "ステパナケルト"},
	{"Sevan", "am", true, "セヴァン"},
	{"Goris", "am", false, "ゴリス"},
	// Iran: Persian forms, not Armenian -ian (Nahavandian), q as g,
	// sh before a consonant シュ, geminates ッ and ンマ.
	{"Abbas Araghchi", "ir", false, "アッバス・アラグチ"},
	{"Abbas Araqchi", "ir", false, "アッバス・アラグチ"},
	{"Nahavandian", "ir", true, "ナハヴァンディアン"},
	{"Pezeshkian", "ir", false, "ペゼシュキアン"},
	{"Mohammad Bagher Ghalibaf", "ir", false, "モハンマド・バゲル・ガリバフ"},
	{"Mashhad", "ir", false, "マシュハド"},
	// Turkey.
	{"Hakan Fidan", "tr", false, "ハカン・フィダン"},
	{"Yaşar Güler", "", false, "ヤシャル・ギュレル"},
	{"Cevdet Yılmaz", "", true, "ジェヴデト・ユルマズ"},
	{"Mevlüt Çavuşoğlu", "", true, "メヴリュト・チャヴシュオール"},
	{"Kemal Kılıçdaroğlu", "", false, "ケマル・クルチダルオール"},
	{"Ekrem İmamoğlu", "", false, "エクレム・イマモール"},
	{"Devlet Bahçeli", "", true, "デヴレト・バフチェリ"},
	{"Devlet Bahceli", "tr", true, "デヴレト・バフチェリ"}, // c after a voiceless consonant is ç
	{"Binali Yıldırım", "", false, "ビナリ・ユルドゥルム"},
	{"Süleyman Demirel", "", false, "スレイマン・デミレル"},
	{"Turgut Özal", "", false, "トゥルグト・オザル"},
	{"Bülent Ecevit", "", true, "ビュレント・エジェヴィト"},
	{"Ahmet Necdet Sezer", "tr", false, "アフメト・ネジデト・セゼル"},
	{"Abdullah Gül", "", false, "アブドゥラー・ギュル"},
	{"Mustafa Kemal Atatürk", "", false, "ムスタファ・ケマル・アタテュルク"},
	{"Orhan Pamuk", "tr", false, "オルハン・パムク"},
	{"Nâzım Hikmet", "", false, "ナズム・ヒクメト"},
	{"Hulusi Akar", "tr", false, "フルシ・アカル"},
	{"Numan Kurtulmuş", "", false, "ヌマン・クルトゥルムシュ"},
	{"İbrahim Kalın", "", false, "イブラヒム・カルン"},
	{"Ömer Çelik", "", false, "オメル・チェリク"},
	{"Ali Babacan", "tr", false, "アリ・ババジャン"},
	{"Mehmet Şimşek", "", false, "メフメト・シムシェク"},
	{"Hakan Çalhanoğlu", "", false, "ハカン・チャルハノール"},
	{"Arda Güler", "", false, "アルダ・ギュレル"},
	{"Kenan Yıldız", "", false, "ケナン・ユルドゥズ"},
	{"Ferdi Kadıoğlu", "", false, "フェルディ・カドゥオール"},
	{"Ankara", "tr", false, "アンカラ"},
	{"İzmir", "", false, "イズミル"},
	{"Antalya", "tr", false, "アンタルヤ"},
	{"Kayseri", "tr", false, "カイセリ"},
	{"Trabzon", "tr", false, "トラブゾン"},
	{"Konya", "tr", false, "コンヤ"},
	{"Eskişehir", "", false, "エスキシェヒル"},
	{"Erzurum", "tr", false, "エルズルム"},
	{"Diyarbakır", "", false, "ディヤルバクル"},
	{"Kars", "tr", false, "カルス"},
	{"Edirne", "tr", false, "エディルネ"},
	{"Iğdır", "", false, "ウードゥル"},
	// English.
	{"John Smith", "", false, "ジョン・スミス"},
	{"Boris Johnson", "", false, "ボリス・ジョンソン"},
	{"Antony Blinken", "", false, "アントニー・ブリンケン"},
	{"Marco Rubio", "", false, "マルコ・ルビオ"},
	{"Kamala Harris", "", false, "カマラ・ハリス"},
	{"Bill Clinton", "", false, "ビル・クリントン"},
	{"Hillary Clinton", "", false, "ヒラリー・クリントン"},
	{"Tom Barrack", "en", false, "トム・バラック"},
	{"Harold Wilson", "", false, "ハロルド・ウィルソン"},
	{"Nelson Mandela", "", false, "ネルソン・マンデラ"},
}

// tlHardCases are established forms the rules are not expected to reach:
// stress-driven long vowels (プーチン), irregular traditional forms
// (バクー, ギャンジャ, シェワルナゼ), Russian soft signs lost in
// romanisation (エリツィン, ナワリヌイ), Turkish ッ (レジェップ) and
// English vowels. They measure coverage and are never made to pass by
// special-casing.
var tlHardCases = []tlCase{
	{"Vladimir Putin", "ru", false, "ウラジーミル・プーチン"},
	{"Dmitry Medvedev", "ru", false, "ドミトリー・メドベージェフ"},
	{"Mikhail Gorbachev", "ru", false, "ミハイル・ゴルバチョフ"},
	{"Boris Yeltsin", "ru", false, "ボリス・エリツィン"},
	{"Alexei Navalny", "ru", false, "アレクセイ・ナワリヌイ"},
	{"Gennady Zyuganov", "ru", false, "ゲンナジー・ジュガーノフ"},
	{"Vladimir Zhirinovsky", "ru", false, "ウラジーミル・ジリノフスキー"},
	{"Vladivostok", "ru", false, "ウラジオストク"},
	{"Kaliningrad", "ru", false, "カリーニングラード"},
	{"Volodymyr Zelensky", "ru", false, "ウォロディミル・ゼレンスキー"},
	{"Kyiv", "", false, "キーウ"},
	{"Shavkat Mirziyoyev", "uz", false, "シャフカト・ミルジヨーエフ"},
	{"Almaty", "kz", false, "アルマトイ"},
	{"Ashgabat", "kz", false, "アシガバート"},
	{"Baikonur", "kz", false, "バイコヌール"},
	{"Mikheil Saakashvili", "ge", true, "ミヘイル・サアカシュヴィリ"},
	{"Salome Zourabichvili", "ge", true, "サロメ・ズラビシュヴィリ"},
	{"Eduard Shevardnadze", "ge", false, "エドゥアルド・シェワルナゼ"},
	{"Serzh Sargsyan", "am", false, "セルジ・サルキシャン"},
	{"Levon Ter-Petrosyan", "am", false, "レボン・テルペトロシャン"}, // the rules write テル＝ペトロシャン, as 外務省 writes double names
	{"Artur Rasizade", "az", false, "アルトゥル・ラシザデ"},        // Japanese Wikipedia; the rules write 外務省's -ザーデ
	{"Henrikh Mkhitaryan", "am", false, "ヘンリク・ムヒタリアン"},
	{"Recep Tayyip Erdoğan", "", false, "レジェップ・タイイップ・エルドアン"},
	{"İstanbul", "", false, "イスタンブール"},
	{"Gaziantep", "tr", false, "ガズィアンテプ"},
	{"Ahmet Davutoğlu", "", false, "アフメト・ダウトオール"},
	{"Donald Trump", "en", false, "ドナルド・トランプ"},
	{"Joe Biden", "en", false, "ジョー・バイデン"},
	{"Keir Starmer", "en", false, "キア・スターマー"},
	{"Jesse Jackson", "", false, "ジェシー・ジャクソン"},
	{"Liz Truss", "en", false, "リズ・トラス"},
	{"Baku", "az", false, "バクー"},
	{"Gəncə", "", false, "ギャンジャ"},
	{"Ganja", "az", false, "ギャンジャ"},
	{"Nakhchivan", "az", true, "ナヒチェヴァン"},
	{"Nagorno-Karabakh", "", false, "ナゴルノ・カラバフ"},
	{"Qarabağ", "", false, "カラバフ"},
	{"Elmar Mammadyarov", "az", false, "エルマル・マメジャロフ"},
	{"Hikmət Hacıyev", "", false, "ヒクメト・ハジエフ"},
	{"Toghrul Asgarov", "az", false, "トグルル・アスガロフ"},
	{"Rustam Orujov", "az", false, "ルスタム・オルジョフ"},
	{"Mariya Stadnik", "az", false, "マリヤ・スタドニク"},
}

// tlFreshCases were written after the rules were frozen and are never used
// to change them: their rate is the fairest estimate of how the rules do on
// names nobody tuned them for (the rule cases were written alongside the
// rules, so their rate flatters).
var tlFreshCases = []tlCase{
	{"Ali Ahmadov", "az", false, "アリ・アフマドフ"},
	{"Anar Karimov", "az", false, "アナル・カリモフ"},
	{"Ramil Safarov", "az", false, "ラミル・サファロフ"},
	{"Ali Hasanov", "az", false, "アリ・ハサノフ"},
	{"Rashad Nabiyev", "az", false, "ラシャド・ナビエフ"},
	{"Farid Gayibov", "az", false, "ファリド・ガイボフ"},
	{"Quba", "az", false, "クバ"},
	{"Zaqatala", "", false, "ザカタラ"},
	{"Barda", "az", false, "バルダ"},
	{"Tərtər", "", false, "テルテル"},
	{"Ordubad", "az", false, "オルドゥバド"},
	{"Culfa", "az", false, "ジュルファ"},
	{"Mingəçevir", "", true, "ミンゲチェヴィル"},
	{"Yuri Ushakov", "ru", false, "ユーリー・ウシャコフ"},
	{"Mikhail Galuzin", "ru", false, "ミハイル・ガルージン"},
	{"Alexei Overchuk", "ru", false, "アレクセイ・オーバーチュク"},
	{"Sergei Kiriyenko", "ru", false, "セルゲイ・キリエンコ"},
	{"Anton Siluanov", "ru", false, "アントン・シルアノフ"},
	{"Elvira Nabiullina", "ru", false, "エリビラ・ナビウリナ"},
	{"Denis Manturov", "ru", false, "デニス・マントゥロフ"},
	{"Nikolai Patrushev", "ru", false, "ニコライ・パトルシェフ"},
	{"Sergei Sobyanin", "ru", false, "セルゲイ・ソビャーニン"},
	{"Tatyana Golikova", "ru", false, "タチアナ・ゴリコワ"},
	{"Irkutsk", "ru", false, "イルクーツク"},
	{"Khabarovsk", "ru", false, "ハバロフスク"},
	{"Pskov", "ru", false, "プスコフ"},
	{"Smolensk", "ru", false, "スモレンスク"},
	{"Bryansk", "ru", false, "ブリャンスク"},
	{"Voronezh", "ru", false, "ボロネジ"},
	{"Krasnoyarsk", "ru", false, "クラスノヤルスク"},
	{"Vladikavkaz", "ru", false, "ウラジカフカス"},
	{"Beslan", "ru", false, "ベスラン"},
	{"Roman Sklyar", "kz", false, "ロマン・スクリャル"},
	{"Abdulaziz Kamilov", "uz", false, "アブドゥルアジズ・カミロフ"},
	{"Sooronbay Jeenbekov", "kz", false, "ソオロンバイ・ジェエンベコフ"},
	{"Karakol", "kz", false, "カラコル"},
	{"Talas", "kz", false, "タラス"},
	{"Kokshetau", "kz", false, "コクシェタウ"},
	{"Taraz", "kz", false, "タラズ"},
	{"Termez", "uz", false, "テルメズ"},
	{"Navoi", "uz", true, "ナヴォイ"},
	{"Margilan", "uz", false, "マルギラン"},
	{"Khorog", "", false, "ホログ"},
	{"Shalva Papuashvili", "ge", true, "シャルヴァ・パプアシヴィリ"},
	{"Ilia Darchiashvili", "ge", true, "イリア・ダルチアシヴィリ"},
	{"Maka Botchorishvili", "ge", true, "マカ・ボチョリシヴィリ"},
	{"Giorgi Margvelashvili", "ge", true, "ギオルギ・マルグヴェラシヴィリ"},
	{"Telavi", "ge", true, "テラヴィ"},
	{"Ozurgeti", "ge", false, "オズルゲティ"},
	{"Akhaltsikhe", "ge", false, "アハルツィヘ"},
	{"Tskhinvali", "ge", true, "ツヒンヴァリ"},
	{"Marneuli", "ge", false, "マルネウリ"},
	{"Kobuleti", "ge", false, "コブレティ"},
	{"Suren Papikyan", "am", false, "スレン・パピキャン"},
	{"Tigran Khachatryan", "am", false, "ティグラン・ハチャトリャン"},
	{"Ruben Vardanyan", "am", true, "ルベン・ヴァルダニャン"},
	{"Arayik Harutyunyan", "am", false, "アライク・ハルチュニャン"},
	{"Zori Balayan", "am", false, "ゾリ・バラヤン"},
	{"Dilijan", "am", false, "ディリジャン"},
	{"Ijevan", "am", true, "イジェヴァン"},
	{"Kapan", "am", false, "カパン"},
	{"Meghri", "am", false, "メグリ"},
	{"Armavir", "am", true, "アルマヴィル"},
	{"Hrazdan", "am", false, "フラズダン"},
	{"Ali Yerlikaya", "tr", false, "アリ・イェルリカヤ"},
	{"Yılmaz Tunç", "", false, "ユルマズ・トゥンチ"},
	{"Fahrettin Altun", "tr", false, "ファフレッティン・アルトゥン"},
	{"Mansur Yavaş", "", true, "マンスル・ヤヴァシュ"},
	{"Meral Akşener", "", false, "メラル・アクシェネル"},
	{"Özgür Özel", "", false, "オズギュル・オゼル"},
	{"Selahattin Demirtaş", "", false, "セラハッティン・デミルタシュ"},
	{"Şanlıurfa", "", false, "シャンルウルファ"},
	{"Kahramanmaraş", "", false, "カフラマンマラシュ"},
	{"Muğla", "", false, "ムーラ"},
	{"Çanakkale", "", false, "チャナッカレ"},
	{"Malatya", "tr", false, "マラティヤ"},
	{"Sivas", "tr", false, "スィヴァス"},
	{"Jake Sullivan", "en", false, "ジェイク・サリバン"},
	{"Nancy Pelosi", "", false, "ナンシー・ペロシ"},
	{"John Kerry", "", false, "ジョン・ケリー"},
	{"Mike Pompeo", "", false, "マイク・ポンペオ"},
}

func TestTransliterateRules(t *testing.T) {
	for _, c := range tlRuleCases {
		got := Transliterate(c.name, TranslitOptions{VU: c.vu, Origin: c.origin})
		if got != c.want {
			t.Errorf("Transliterate(%q, origin=%q, VU=%v) = %q, want %q", c.name, c.origin, c.vu, got, c.want)
		}
	}
	if n := len(tlRuleCases); n < 80 {
		t.Errorf("only %d rule cases; the rules' core needs at least 80", n)
	}
}

// TestTransliterateCoverage reports how often the rules hit the
// established form over every case, hard and fresh ones included. It fails
// only below 70%: the rate is a measurement, and the misses it logs are the
// list of what the glossary must carry.
func TestTransliterateCoverage(t *testing.T) {
	sets := []struct {
		label string
		cases []tlCase
	}{
		{"rule", tlRuleCases},
		{"hard", tlHardCases},
		{"fresh", tlFreshCases},
	}
	hit, total := 0, 0
	var per []string
	for _, set := range sets {
		h := 0
		for _, c := range set.cases {
			got := Transliterate(c.name, TranslitOptions{VU: c.vu, Origin: c.origin})
			if got == c.want {
				h++
				continue
			}
			t.Logf("miss (%s): %q origin=%q VU=%v: got %s, want %s", set.label, c.name, c.origin, c.vu, got, c.want)
		}
		per = append(per, fmt.Sprintf("%s %d/%d = %.1f%%", set.label, h, len(set.cases), 100*float64(h)/float64(len(set.cases))))
		hit += h
		total += len(set.cases)
	}
	rate := float64(hit) / float64(total)
	t.Logf("exact match: %d/%d = %.1f%% (%s)", hit, total, 100*rate, strings.Join(per, "; "))
	if total < 120 {
		t.Errorf("only %d cases; need at least 120", total)
	}
	if rate < 0.70 {
		t.Errorf("exact-match rate %.1f%% is below 70%%", 100*rate)
	}
}

func TestTransliterateEdges(t *testing.T) {
	cases := []struct {
		name, want string
	}{
		{"", ""},
		{"   ", ""},
		{"-", ""},
		{"Путин", ""}, // non-Latin letters are dropped
		{"  Jeyhun   Bayramov  ", "ジェイフン・バイラモフ"}, // extra spaces
		{"JEYHUN BAYRAMOV", "ジェイフン・バイラモフ"},       // capitals
		{"Bayramov, Jeyhun", "バイラモフ・ジェイフン"},      // punctuation separates words
		{"Jeyhun Путин Bayramov", "ジェイフン・バイラモフ"}, // an empty word leaves no dangling ・
	}
	for _, c := range cases {
		if got := Transliterate(c.name, TranslitOptions{Origin: "az"}); got != c.want {
			t.Errorf("Transliterate(%q) = %q, want %q", c.name, got, c.want)
		}
	}
}

// tlAllowed reports whether r may appear in Transliterate's output.
func tlAllowed(r rune) bool {
	return (r >= 'ァ' && r <= 'ヺ') || r == '・' || r == 'ー' || r == '＝'
}

func FuzzTransliterate(f *testing.F) {
	for _, c := range tlRuleCases[:40] {
		f.Add(c.name, c.origin, c.vu)
	}
	f.Add("", "", false)
	f.Add("Ǝ-İ'ğ ŞÇ q-x", "tr", true)
	f.Add("\xff\xfe Ab", "??", false)
	f.Fuzz(func(t *testing.T, name, origin string, vu bool) {
		got := Transliterate(name, TranslitOptions{VU: vu, Origin: origin})
		if name == "" && got != "" {
			t.Fatalf("empty input gave %q", got)
		}
		if !utf8.ValidString(got) {
			t.Fatalf("invalid UTF-8 output %q", got)
		}
		for _, r := range got {
			if !tlAllowed(r) {
				t.Fatalf("Transliterate(%q, %q, %v) = %q: %q is not katakana, ・, ー or ＝", name, origin, vu, got, r)
			}
		}
		if strings.HasPrefix(got, "・") || strings.HasSuffix(got, "・") || strings.Contains(got, "・・") {
			t.Fatalf("Transliterate(%q) = %q: stray separator", name, got)
		}
	})
}

func BenchmarkTransliterate(b *testing.B) {
	b.ReportAllocs()
	n := 0
	for b.Loop() {
		c := tlRuleCases[n%len(tlRuleCases)]
		Transliterate(c.name, TranslitOptions{VU: c.vu, Origin: c.origin})
		n++
	}
	b.ReportMetric(float64(n)/b.Elapsed().Seconds(), "names/s")
}
