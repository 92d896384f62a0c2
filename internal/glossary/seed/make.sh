#!/usr/bin/env bash
# make.sh — regenerates the CLDR part of the glossary seed: countries.json and
# places.json in this directory.
#
# Usage:
#   ./make.sh [NPM_DIR]
#
# NPM_DIR is a directory whose node_modules holds the npm packages
# cldr-localenames-full, cldr-dates-full and cldr-core (any current version;
# written with 48.2.0), e.g. after
#   mkdir -p /tmp/cldr && cd /tmp/cldr && npm install cldr-localenames-full cldr-dates-full cldr-core
# Without NPM_DIR the script installs them into a temporary directory (it needs
# npm and the npm registry then) and removes it afterwards. It needs node.
#
# What it writes:
#   countries.json  every CLDR territory with an ISO 3166-1 alpha-2 code (kind
#                   country): en from CLDR en, ja from CLDR ja, country = the
#                   code, source cldr. Left out: the pseudo- and macro-regions
#                   (EU, EZ, UN, QO, XA, XB, ZZ) and the codes that are only
#                   "exceptionally reserved" (AC, CP, CQ, DG, EA, IC, TA).
#                   Kosovo (XK, user-assigned) is kept. The EU is an org in
#                   orgs.json. Hand-written below: the headline abbreviation
#                   (short), English variants beyond CLDR's alt forms, and the
#                   few ja that follow 外務省 instead of CLDR (source mofa, with
#                   the CLDR form in note).
#   places.json     the exemplar cities of CLDR's time zones (kind place), en
#                   from CLDR en (or the zone ID), ja from CLDR ja, country from
#                   the zone's territory in cldr-core's windowsZones, source
#                   cldr; without Antarctica and the zones named after a
#                   country (Asia/Bahrain, Atlantic/Bermuda …). Then the
#                   hand-written places below (source desk or mofa): the
#                   places of Azerbaijan and its region that CLDR lacks, and
#                   variants or a different ja for some CLDR ones.
#
# Idempotent: the same packages give byte-identical files. Terms that a file
# already holds and that this script does not produce (by kind and en) are
# kept if their source is not cldr, so hand additions made in the JSON
# survive; a term this script produces is overwritten, so change those here.
# Arrays are sorted by kind then en (code-point order), two-space indented.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
command -v node >/dev/null || { echo "make.sh: node is needed" >&2; exit 1; }

if [[ $# -ge 1 ]]; then
	npmdir=$(cd "$1" && pwd)
else
	command -v npm >/dev/null || { echo "make.sh: npm is needed without NPM_DIR" >&2; exit 1; }
	npmdir=$(mktemp -d)
	trap 'rm -rf "$npmdir"' EXIT
	(cd "$npmdir" && npm init -y >/dev/null &&
		npm install --no-audit --no-fund --silent cldr-localenames-full cldr-dates-full cldr-core >&2)
fi
for p in cldr-localenames-full cldr-dates-full cldr-core; do
	[[ -d "$npmdir/node_modules/$p" ]] || { echo "make.sh: $npmdir/node_modules/$p is missing" >&2; exit 1; }
done

NPM_DIR="$npmdir" OUT_DIR="$here" node - <<'EOF'
'use strict';
const fs = require('fs');
const path = require('path');
const mods = path.join(process.env.NPM_DIR, 'node_modules');
const out = process.env.OUT_DIR;
const load = (p) => JSON.parse(fs.readFileSync(path.join(mods, p), 'utf8'));

// ---------------------------------------------------------------- hand data

// Per country code: en (replaces CLDR's), variants (added), ja (replaces
// CLDR's; source mofa unless it is one of CLDR's own ja alt forms), short,
// note.
const COUNTRY = {
  AE: { variants: ['UAE', 'U.A.E.'] },
  AM: { variants: ['Republic of Armenia'], note: 'No headline abbreviation: 亜 is ambiguous.' },
  AU: { short: '豪' },
  AZ: { variants: ['Azərbaycan', 'Republic of Azerbaijan', 'Azerbaijan Republic'], note: 'No headline abbreviation: 亜 is ambiguous.' },
  BA: { variants: ['BiH'] },
  BY: { variants: ['Republic of Belarus'] },
  CA: { short: '加' },
  CD: { en: 'Democratic Republic of the Congo', variants: ['DR Congo', 'DRC'], ja: 'コンゴ民主共和国' },
  CG: { en: 'Republic of the Congo', variants: ['Congo-Brazzaville'], ja: 'コンゴ共和国' },
  CI: { variants: ["Côte d'Ivoire", "Cote d'Ivoire"] },
  CN: { variants: ["People's Republic of China", 'PRC'], short: '中' },
  DE: { short: '独' },
  FM: { variants: ['Federated States of Micronesia'] },
  FR: { short: '仏' },
  GB: { variants: ['U.K.', 'Britain', 'Great Britain', 'United Kingdom of Great Britain and Northern Ireland'], ja: '英国', short: '英', note: 'ja: CLDR ja short form, as 外務省 writes it; CLDR ja: イギリス.' },
  GE: { variants: ['Republic of Georgia'], note: 'ジョージア since 2015 (外務省); formerly グルジア. No headline abbreviation.' },
  HK: { en: 'Hong Kong', ja: '香港' },
  IN: { short: '印' },
  IR: { variants: ['Islamic Republic of Iran'] },
  IT: { short: '伊' },
  JP: { short: '日' },
  KG: { variants: ['Kyrgyz Republic'] },
  KP: { variants: ['DPRK', "Democratic People's Republic of Korea"], short: '朝', note: '朝 in compounds (米朝, 日朝); a headline naming it alone writes 北朝鮮.' },
  KR: { variants: ['Republic of Korea', 'ROK'], short: '韓' },
  KZ: { variants: ['Republic of Kazakhstan', 'Qazaqstan'] },
  LA: { variants: ['Lao PDR'] },
  MD: { variants: ['Republic of Moldova'] },
  MK: { variants: ['Macedonia', 'Republic of North Macedonia'] },
  MM: { en: 'Myanmar', variants: ['Burma'], ja: 'ミャンマー', note: 'CLDR ja: ミャンマー (ビルマ).' },
  MO: { en: 'Macao', variants: ['Macau'], ja: 'マカオ' },
  NL: { variants: ['The Netherlands', 'Holland'] },
  PH: { short: '比' },
  PS: { en: 'Palestine', variants: ['State of Palestine'], ja: 'パレスチナ' },
  RU: { variants: ['Russian Federation'], short: '露', note: 'Headlines write ロ instead where the profile\'s style says so.' },
  SA: { variants: ['KSA', 'Kingdom of Saudi Arabia'] },
  SY: { variants: ['Syrian Arab Republic'] },
  TJ: { variants: ['Republic of Tajikistan'] },
  TR: { variants: ['Turkiye', 'Republic of Türkiye'], note: '外務省 and the press write トルコ (CLDR ja alt: テュルキエ). No headline abbreviation: 土 is rare.' },
  UA: { variants: ['Ukraina'] },
  US: { variants: ['U.S.', 'USA', 'U.S.A.', 'United States of America'], ja: '米国', short: '米', note: 'CLDR ja: アメリカ合衆国.' },
  UZ: { variants: ['Republic of Uzbekistan'] },
  VA: { variants: ['Vatican', 'Holy See'] },
  VN: { variants: ['Viet Nam'], short: '越' },
  XK: { note: 'XK is not an ISO 3166-1 code but the user-assigned one CLDR and the EU use. Japan recognises Kosovo.' },
};

// Places: hand-written terms. A term whose en is a CLDR exemplar city adds its
// variants to it; its ja, if given and different, replaces CLDR's (the CLDR
// form goes to note). Others are new terms with their own source.
const PLACES = [
  // CLDR exemplar cities: variants and 外務省 forms.
  { en: 'Almaty', variants: ['Alma-Ata'], ja: 'アルマティ', source: 'mofa' },
  { en: 'Ashgabat', variants: ['Ashkhabad', 'Aşgabat'], ja: 'アシガバット', source: 'mofa' },
  { en: 'Baku', variants: ['Bakı', 'Baki'] },
  { en: 'Chișinău', variants: ['Chisinau', 'Kishinev'] },
  { en: 'Istanbul', variants: ['İstanbul'] },
  { en: 'Kyiv', variants: ['Kiev'], note: '外務省 writes キーウ since 2022 (formerly キエフ).' },
  { en: 'Moscow', variants: ['Moskva'] },
  { en: 'Tashkent', variants: ['Toshkent'] },
  { en: 'Tbilisi', variants: ['Tiflis'] },
  { en: 'Tehran', variants: ['Teheran'] },
  { en: 'Yerevan', variants: ['Erevan'], note: 'The established Japanese name, with バ despite the desk\'s ヴ style.' },

  // Azerbaijan.
  { en: 'Absheron', variants: ['Abşeron', 'Absheron Peninsula', 'Apsheron'], ja: 'アブシェロン', country: 'AZ', source: 'desk', note: 'The peninsula around Baku; also a district.' },
  { en: 'Aghdam', variants: ['Ağdam', 'Agdam'], ja: 'アグダム', country: 'AZ', source: 'mofa', ref: 'http://www.anzen.mofa.go.jp/m/mbhazardinfo1_152.html' },
  { en: 'Aghjabadi', variants: ['Ağcabədi', 'Agjabadi', 'Agjabedi'], ja: 'アグジャベディ', country: 'AZ', source: 'mofa', note: 'District near the former line of contact; 外務省 危険情報 2021-12-07.', ref: 'http://www.anzen.mofa.go.jp/m/mbhazardinfo1_152.html' },
  { en: 'Barda', variants: ['Bərdə', 'Berde'], ja: 'バルダ', country: 'AZ', source: 'mofa', note: 'District and town; 外務省 危険情報 2021-12-07.', ref: 'http://www.anzen.mofa.go.jp/m/mbhazardinfo1_152.html' },
  { en: 'East Zangezur', variants: ['Şərqi Zəngəzur', 'Eastern Zangezur'], ja: '東ザンゲズール', country: 'AZ', source: 'desk', note: 'Economic region (Kalbajar, Lachin, Gubadli, Zangilan, Jabrayil). ザンゲズール as for Zangezur; 東ザンゲズル is also seen.' },
  { en: 'Fuzuli', variants: ['Füzuli', 'Fizuli'], ja: 'フュズリ', country: 'AZ', source: 'mofa', note: '外務省 危険情報 2021-12-07 writes フュズリ; the press writes フズリ (フズリ国際空港), フズーリ is also seen.', ref: 'http://www.anzen.mofa.go.jp/m/mbhazardinfo1_152.html' },
  { en: 'Gabala', variants: ['Qəbələ', 'Qabala'], ja: 'ガバラ', country: 'AZ', source: 'media', note: 'As in the Gabala radar station (ガバラ・レーダー基地).' },
  { en: 'Ganja', variants: ['Gəncə', 'Gyandzha', 'Gandja'], ja: 'ギャンジャ', country: 'AZ', source: 'media', note: 'ガンジャ is also seen.' },
  { en: 'Goranboy', variants: ['Geranboy', 'Goranboi'], ja: 'ゴランボイ', country: 'AZ', source: 'mofa', note: 'District; 外務省 危険情報 2021-12-07 (ギョランボイ in older pages).', ref: 'http://www.anzen.mofa.go.jp/m/mbhazardinfo1_152.html' },
  { en: 'Gubadli', variants: ['Qubadlı', 'Gubadly', 'Kubatly'], ja: 'グバドル', country: 'AZ', source: 'mofa', note: 'District of East Zangezur; 外務省 危険情報 2021-12-07. グバドリ is also seen.', ref: 'http://www.anzen.mofa.go.jp/m/mbhazardinfo1_152.html' },
  { en: 'Ismayilli', variants: ['İsmayıllı', 'Ismailli'], ja: 'イスマイリ', country: 'AZ', source: 'mofa', note: 'District (イスマイリ地区), twinned with Itō, Shizuoka; 外務省 報道発表 2013-11-26.', ref: 'http://www.mofa.go.jp/mofaj/press/release/press4_000341.html' },
  { en: 'Jabrayil', variants: ['Cəbrayıl', 'Jabrail', 'Jebrail', 'Jabrayil district'], ja: 'ジェブライル', country: 'AZ', source: 'mofa', note: 'District of East Zangezur; 外務省 危険情報 2021-12-07.', ref: 'http://www.anzen.mofa.go.jp/m/mbhazardinfo1_152.html' },
  { en: 'Julfa', variants: ['Culfa', 'Dzhulfa', 'Jolfa'], ja: 'ジュルファ', country: 'AZ', source: 'desk', note: 'In Nakhchivan; the Iranian town across the Aras is Jolfa (also ジョルファ).' },
  { en: 'Kalbajar', variants: ['Kəlbəcər', 'Kelbajar', 'Karvachar'], ja: 'ケルベジェル', country: 'AZ', source: 'mofa', note: '外務省 危険情報 2021-12-07 writes ケルベジェル; the press wrote ケルバジャル in 2020, カルバジャル is also seen. Karvachar is the Armenian name.', ref: 'http://www.anzen.mofa.go.jp/m/mbhazardinfo1_152.html' },
  { en: 'Karabakh', variants: ['Qarabağ', 'Garabagh', 'Karabagh'], ja: 'カラバフ', country: 'AZ', source: 'media', note: 'Also the name of an economic region.' },
  { en: 'Khankendi', variants: ['Xankəndi', 'Stepanakert', 'Khankandi'], ja: 'ハンケンディ', country: 'AZ', source: 'desk', note: 'The desk uses the Azerbaijani name; Stepanakert (ステパナケルト) is the Armenian one, kept where the context is historical.' },
  { en: 'Khojaly', variants: ['Xocalı', 'Khojali', 'Khodzhaly'], ja: 'ホジャリ', country: 'AZ', source: 'desk', note: 'As in the Khojaly massacre of 1992 (ホジャリ虐殺).' },
  { en: 'Khojavend', variants: ['Xocavənd', 'Khojavand', 'Khojavend district'], ja: 'ホジャヴェンド', country: 'AZ', source: 'mofa', note: 'District in Karabakh; 外務省 危険情報 2021-12-07.', ref: 'http://www.anzen.mofa.go.jp/m/mbhazardinfo1_152.html' },
  { en: 'Lachin', variants: ['Laçın', 'Berdzor'], ja: 'ラチン', country: 'AZ', source: 'mofa', note: 'As in ラチン回廊. Berdzor is the Armenian name.', ref: 'http://www.anzen.mofa.go.jp/m/mbhazardinfo1_152.html' },
  { en: 'Lachin Corridor', variants: ['Lachin corridor', 'Laçın dəhlizi'], ja: 'ラチン回廊', country: 'AZ', source: 'media' },
  { en: 'Lankaran', variants: ['Lənkəran', 'Lenkoran', 'Lankoran'], ja: 'ランカラン', country: 'AZ', source: 'desk', note: 'レンキャラン is also seen.' },
  { en: 'Mingachevir', variants: ['Mingəçevir', 'Mingechaur'], ja: 'ミンゲチェヴィル', country: 'AZ', source: 'desk', note: 'ヴ per the desk\'s style; rare in the Japanese press.' },
  { en: 'Nagorno-Karabakh', variants: ['Nagorny Karabakh', 'Nagorno Karabakh', 'Dağlıq Qarabağ', 'Artsakh'], ja: 'ナゴルノ・カラバフ', country: 'AZ', source: 'mofa', note: 'Artsakh is the separatists\' name (アルツァフ), historical since 2024.' },
  { en: 'Nakhchivan', variants: ['Naxçıvan', 'Nakhichevan', 'Nakhijevan'], ja: 'ナヒチェヴァン', country: 'AZ', source: 'desk', note: 'ヴ per the desk\'s style; 外務省 and the press also write ナヒチェバン. The autonomous republic and its capital. 外務省 危険情報 2021-12-07 writes ナヒチバン自治共和国 (anzen.mofa.go.jp/m/mbhazardinfo1_152.html).' },
  { en: 'Ordubad', variants: [], ja: 'オルドゥバド', country: 'AZ', source: 'desk', note: 'In Nakhchivan.' },
  { en: 'Sheki', variants: ['Şəki', 'Shaki', 'Nukha'], ja: 'シェキ', country: 'AZ', source: 'media', note: 'As in the World Heritage site シェキ歴史地区とハン宮殿. Nukha is the name before 1968.' },
  { en: 'Shusha', variants: ['Şuşa', 'Shushi'], ja: 'シュシャ', country: 'AZ', source: 'media', note: 'Shushi is the Armenian name.' },
  { en: 'Sumgait', variants: ['Sumqayıt', 'Sumgayit', 'Sumqayit'], ja: 'スムガイト', country: 'AZ', source: 'media' },
  { en: 'Tartar', variants: ['Tərtər', 'Terter'], ja: 'テルテル', country: 'AZ', source: 'mofa', note: 'District and town; 外務省 危険情報 2021-12-07.', ref: 'http://www.anzen.mofa.go.jp/m/mbhazardinfo1_152.html' },
  { en: 'Zangezur', variants: ['Zəngəzur', 'Zangazur'], ja: 'ザンゲズール', country: '', source: 'desk', note: 'The historical region, today Armenia\'s Syunik and Azerbaijan\'s East Zangezur. ザンゲズル is also seen.' },
  { en: 'Zangezur Corridor', variants: ['Zangezur corridor', 'Zəngəzur dəhlizi'], ja: 'ザンゲズール回廊', country: '', source: 'media', note: 'The route through Armenia\'s Syunik to Nakhchivan; as of 2025-08 in the TRIPP arrangement: check.' },
  { en: 'Zangilan', variants: ['Zəngilan', 'Zangelan'], ja: 'ゼンギラン', country: 'AZ', source: 'mofa', note: '外務省 危険情報 2021-12-07 writes ゼンギラン; the desk wrote ザンギラン.', ref: 'http://www.anzen.mofa.go.jp/m/mbhazardinfo1_152.html' },

  // The region.
  { en: 'Abkhazia', variants: ['Abkhaziya'], ja: 'アブハジア', country: 'GE', source: 'mofa', note: 'Breakaway region of Georgia.' },
  { en: 'Anaklia', variants: [], ja: 'アナクリア', country: 'GE', source: 'media', note: 'Deep-sea port project on the Black Sea.' },
  { en: 'Andijan', variants: ['Andijon', 'Andizhan', 'Andijan Region'], ja: 'アンディジャン', country: 'UZ', source: 'mofa', note: 'Region (アンディジャン州) and city in the Fergana Valley; 外務省 危険情報 2021-05-10.', ref: 'https://www.anzen.mofa.go.jp/info/pchazardspecificinfo_2021T042.html' },
  { en: 'Ankara', variants: [], ja: 'アンカラ', country: 'TR', source: 'mofa' },
  { en: 'Astana', variants: ['Akmola'], ja: 'アスタナ', country: 'KZ', source: 'mofa', note: 'Nur-Sultan (ヌルスルタン) 2019–2022 is a term of its own, so that a text of those years keeps the name it used.' },
  { en: 'Astara', variants: [], ja: 'アスタラ', country: 'AZ', source: 'desk', note: 'Border town on the Iranian frontier; the Iranian town across is also Astara.' },
  { en: 'Batumi', variants: ['Batum'], ja: 'バトゥミ', country: 'GE', source: 'media' },
  { en: 'Black Sea', variants: [], ja: '黒海', country: '', source: 'desk' },
  { en: 'Caspian Sea', variants: ['Caspian'], ja: 'カスピ海', country: '', source: 'desk' },
  { en: 'Caucasus', variants: ['Caucasia', 'Kavkaz'], ja: 'コーカサス', country: '', source: 'mofa', note: 'カフカス is also seen.' },
  { en: 'Central Asia', variants: [], ja: '中央アジア', country: '', source: 'mofa' },
  { en: 'Ceyhan', variants: [], ja: 'ジェイハン', country: 'TR', source: 'media', note: 'Terminal of the BTC pipeline.' },
  { en: 'Crimea', variants: ['Krym', 'Qırım'], ja: 'クリミア', country: 'UA', source: 'mofa' },
  { en: 'Erzurum', variants: [], ja: 'エルズルム', country: 'TR', source: 'media' },
  { en: 'Fergana', variants: ['Farg\'ona', 'Ferghana', 'Fergana Region'], ja: 'フェルガナ', country: 'UZ', source: 'mofa', note: 'Region (フェルガナ州) and city; 外務省 危険情報 2021-05-10.', ref: 'https://www.anzen.mofa.go.jp/info/pchazardspecificinfo_2021T042.html' },
  { en: 'Gegharkunik', variants: ['Gegharkunik Province', 'Gegharkunik province'], ja: 'ゲガルクニク', country: 'AM', source: 'mofa', note: 'Armenian province on Lake Sevan (ゲガルクニク州); 外務省 危険情報 2025-07-04.', ref: 'https://www.anzen.mofa.go.jp/info/pchazardspecificinfo_2025T061.html' },
  { en: 'Gyumri', variants: ['Leninakan'], ja: 'ギュムリ', country: 'AM', source: 'media', note: 'Seat of the Russian 102nd military base.' },
  { en: 'Issyk-Kul', variants: ['Issyk Kul', 'Ysyk-Kol', 'Issyk-Kul Region'], ja: 'イシククリ', country: 'KG', source: 'mofa', note: 'Lake and region of Kyrgyzstan (イシククリ州); 外務省 2019-05-18.', ref: 'https://www.mofa.go.jp/mofaj/erp/ca_c/kg/page4_004979.html' },
  { en: 'Kars', variants: [], ja: 'カルス', country: 'TR', source: 'media', note: 'As in the Baku–Tbilisi–Kars railway.' },
  { en: 'Kotayk', variants: ['Kotayk Province'], ja: 'コタイク', country: 'AM', source: 'mofa', note: 'Armenian province next to Yerevan (コタイク州); 外務省 危険情報 2020-10-09.', ref: 'https://www.anzen.mofa.go.jp/info/pchazardspecificinfo_2020T131.html' },
  { en: 'Kutaisi', variants: [], ja: 'クタイシ', country: 'GE', source: 'mofa', note: 'City; 外務省 報道発表 2017-06-30 (クタイシ近郊; source was media).', ref: 'https://www.mofa.go.jp/mofaj/press/release/press4_004793.html' },
  { en: 'Namangan', variants: ['Namangan Region'], ja: 'ナマンガン', country: 'UZ', source: 'mofa', note: 'Region (ナマンガン州) and city in the Fergana Valley; 外務省 危険情報 2021-05-10.', ref: 'https://www.anzen.mofa.go.jp/info/pchazardspecificinfo_2021T042.html' },
  { en: 'Nur-Sultan', variants: [], ja: 'ヌルスルタン', country: 'KZ', source: 'mofa', note: 'Astana\'s name 2019-2022; 外務省 wrote ヌルスルタン then (2020-10-06).', ref: 'https://www.mofa.go.jp/mofaj/erp/ca_c/kz/page6_000447.html' },
  { en: 'Osh', variants: [], ja: 'オシュ', country: 'KG', source: 'mofa', note: 'Second city of Kyrgyzstan; 外務省 2013-02-27 (ビシュケク-オシュ道路).', ref: 'https://www.mofa.go.jp/mofaj/press/release/25/2/0227_08.html' },
  { en: 'Semipalatinsk', variants: ['Semipalatinsk Test Site'], ja: 'セミパラチンスク', country: 'KZ', source: 'mofa', note: 'The former Soviet nuclear test site (セミパラチンスク核実験場); the city is now Semey (セメイ). Japanese Permanent Mission in Vienna, 2016-09-08.', ref: 'https://www.vie-mission.emb-japan.go.jp/itpr_ja/Kazakhstan_092016_EN.html' },
  { en: 'Shakhimardan', variants: ['Shohimardon'], ja: 'シャヒーマルダン', country: 'UZ', source: 'mofa', note: 'Uzbek exclave inside Kyrgyzstan; 外務省 危険情報 2021-05-10 (飛び地ソフ及びシャヒーマルダン).', ref: 'https://www.anzen.mofa.go.jp/info/pchazardspecificinfo_2021T042.html' },
  { en: 'Sokh', variants: ['So\'x'], ja: 'ソフ', country: 'UZ', source: 'mofa', note: 'Uzbek exclave inside Kyrgyzstan; 外務省 危険情報 2021-05-10.', ref: 'https://www.anzen.mofa.go.jp/info/pchazardspecificinfo_2021T042.html' },
  { en: 'South Caucasus', variants: ['Southern Caucasus', 'Transcaucasia'], ja: '南コーカサス', country: '', source: 'mofa' },
  { en: 'South Ossetia', variants: ['Tskhinvali Region'], ja: '南オセチア', country: 'GE', source: 'mofa', note: 'Breakaway region of Georgia.' },
  { en: 'Syunik', variants: ['Siunik', 'Syunik Province'], ja: 'シュニク', country: 'AM', source: 'media', note: 'Armenia\'s southern province (シュニク州), between Azerbaijan and Nakhchivan.' },
  { en: 'Tabriz', variants: ['Tebriz'], ja: 'タブリーズ', country: 'IR', source: 'media' },
  { en: 'Tavush', variants: ['Tavush Province', 'Tavush province'], ja: 'タヴシュ', country: 'AM', source: 'mofa', note: 'Armenian province on the north-eastern border (タヴシュ州); 外務省 危険情報 2025-07-04.', ref: 'https://www.anzen.mofa.go.jp/info/pchazardspecificinfo_2025T061.html' },
  { en: 'Tskhinvali', variants: ['Tskhinval'], ja: 'ツヒンヴァリ', country: 'GE', source: 'mofa', note: 'Main town of South Ossetia; 外務省 writes ツヒンヴァリ/南オセチア (危険情報 2025-02-10).', ref: 'https://www.anzen.mofa.go.jp/info/pchazardspecificinfo_2025T009.html' },
  { en: 'Vayots Dzor', variants: ['Vayots Dzor Province', 'Vayk'], ja: 'ヴァヨツ・ゾル', country: 'AM', source: 'mofa', note: 'Armenian province bordering Nakhchivan (ヴァヨツ・ゾル州); 外務省 危険情報 2025-07-04.', ref: 'https://www.anzen.mofa.go.jp/info/pchazardspecificinfo_2025T061.html' },

  // Capitals and meeting places that are not CLDR exemplar cities.
  { en: 'Abu Dhabi', variants: [], ja: 'アブダビ', country: 'AE', source: 'mofa' },
  { en: 'Beijing', variants: ['Peking'], ja: '北京', country: 'CN', source: 'mofa' },
  { en: 'Davos', variants: [], ja: 'ダボス', country: 'CH', source: 'media' },
  { en: 'Geneva', variants: ['Genève', 'Genf'], ja: 'ジュネーブ', country: 'CH', source: 'mofa' },
  { en: 'Islamabad', variants: [], ja: 'イスラマバード', country: 'PK', source: 'mofa' },
  { en: 'Kazan', variants: [], ja: 'カザン', country: 'RU', source: 'media' },
  { en: 'Munich', variants: ['München'], ja: 'ミュンヘン', country: 'DE', source: 'mofa' },
  { en: 'New Delhi', variants: ['Delhi'], ja: 'ニューデリー', country: 'IN', source: 'mofa' },
  { en: 'Saint Petersburg', variants: ['St. Petersburg', 'St Petersburg', 'Sankt-Peterburg'], ja: 'サンクトペテルブルク', country: 'RU', source: 'mofa' },
  { en: 'Sochi', variants: [], ja: 'ソチ', country: 'RU', source: 'media' },
  { en: 'Strasbourg', variants: ['Strassburg'], ja: 'ストラスブール', country: 'FR', source: 'mofa', note: 'Seat of the Council of Europe, PACE and the European Parliament.' },
  { en: 'Tel Aviv', variants: [], ja: 'テルアビブ', country: 'IL', source: 'mofa' },
  { en: 'The Hague', variants: ['Den Haag', 'Hague'], ja: 'ハーグ', country: 'NL', source: 'mofa' },
  { en: 'Washington', variants: ['Washington, D.C.', 'Washington DC', 'Washington, DC'], ja: 'ワシントン', country: 'US', source: 'mofa' },
];

// ------------------------------------------------------------------ helpers

// ref is where a hand-written term's Japanese was read, so that it survives
// a regeneration.
const FIELDS = ['kind', 'en', 'variants', 'ja', 'short', 'country', 'title', 'note', 'source', 'ref'];

// fold is the key internal/glossary matches names by (its Fold): lower
// case, no diacritics, ə→a, ı/İ→i, ß→ss, other characters split words, a
// possessive 's dropped.
function fold(s) {
  const out = [];
  let cur = '';
  const chars = [...s];
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i];
    if (/[\p{L}\p{Nd}\p{Mn}]/u.test(ch)) {
      if (/\p{Mn}/u.test(ch)) continue;
      if (ch === 'ə' || ch === 'Ə') cur += 'a';
      else if (ch === 'ı' || ch === 'İ') cur += 'i';
      else if (ch === 'ß') cur += 'ss';
      else cur += [...ch.toLowerCase().normalize('NFD')][0];
      continue;
    }
    if (cur) {
      out.push(cur);
      cur = '';
      if ("'’ʼ`‘".includes(ch) && /^[sS]$/.test(chars[i + 1] || '') && (i + 2 === chars.length || !/[A-Za-z0-9\u0080-\u{10ffff}]/u.test(chars[i + 2]))) i++;
    }
  }
  if (cur) out.push(cur);
  return out.join(' ');
}

const ascii = (s) => /^[\x00-\x7f]*$/.test(s);

// A variant is kept unless it matches like a form kept before it; a spelling
// with letters beyond ASCII (Lənkəran beside Lankaran) is kept for the reader.
function keepVariants(en, vs) {
  const kept = [en];
  const outv = [];
  for (const v of vs || []) {
    if (!v || kept.includes(v)) continue;
    const same = kept.filter((k) => fold(k) === fold(v));
    if (same.length && (ascii(v) || same.some((k) => !ascii(k)))) continue;
    kept.push(v);
    outv.push(v);
  }
  return outv;
}

function term(t) {
  const o = {};
  for (const f of FIELDS) {
    let v = t[f];
    if (f === 'variants') {
      v = keepVariants(t.en, v);
      if (!v.length) continue;
    } else if (v === undefined || v === null || v === '') continue;
    o[f] = v;
  }
  return o;
}

const cmp = (a, b) => (a < b ? -1 : a > b ? 1 : 0);
// Code-point order (JS compares UTF-16 units; these differ only beyond the BMP).
const cp = (a, b) => cmp([...a].map((c) => c.codePointAt(0).toString(16).padStart(6, '0')).join(''),
  [...b].map((c) => c.codePointAt(0).toString(16).padStart(6, '0')).join(''));
const byKindEn = (a, b) => cp(a.kind, b.kind) || cp(a.en, b.en);

function write(file, terms) {
  const p = path.join(out, file);
  const made = new Set(terms.map((t) => t.kind + '\u0000' + t.en));
  let kept = 0;
  if (fs.existsSync(p)) {
    for (const t of JSON.parse(fs.readFileSync(p, 'utf8'))) {
      if (t.source !== 'cldr' && !made.has(t.kind + '\u0000' + t.en)) { terms.push(t); kept++; }
    }
  }
  terms = terms.map(term).sort(byKindEn);
  for (let i = 1; i < terms.length; i++) {
    if (byKindEn(terms[i - 1], terms[i]) === 0) throw new Error(`${file}: duplicate ${terms[i].kind} ${terms[i].en}`);
  }
  fs.writeFileSync(p, JSON.stringify(terms, null, 2) + '\n');
  console.error(`make.sh: ${file}: ${terms.length} terms (${kept} kept from the file as it was)`);
}

// ---------------------------------------------------------------- countries

const terr = (loc) => load(`cldr-localenames-full/main/${loc}/territories.json`).main[loc].localeDisplayNames.territories;
const tEN = terr('en');
const tJA = terr('ja');
const SKIP = new Set(['EU', 'EZ', 'UN', 'QO', 'XA', 'XB', 'ZZ', 'AC', 'CP', 'CQ', 'DG', 'EA', 'IC', 'TA']);

const countries = [];
const countryNames = new Set();
for (const code of Object.keys(tEN).filter((k) => /^[A-Z]{2}$/.test(k) && !SKIP.has(k)).sort()) {
  const h = COUNTRY[code] || {};
  const alts = Object.keys(tEN).filter((k) => k.startsWith(code + '-alt-')).map((k) => tEN[k]);
  const jaAlts = Object.keys(tJA).filter((k) => k.startsWith(code + '-alt-')).map((k) => tJA[k]);
  let en = tEN[code];
  const variants = [];
  if (h.en) { variants.push(en); en = h.en; }
  if (en.includes(' & ')) { variants.push(en); en = en.replaceAll(' & ', ' and '); }
  for (const a of alts) {
    variants.push(a);
    if (a.includes(' & ')) variants.push(a.replaceAll(' & ', ' and '));
  }
  variants.push(...(h.variants || []));
  for (const v of [en, ...variants]) if (v.startsWith('St. ')) variants.push('Saint ' + v.slice(4));
  let ja = tJA[code];
  let source = 'cldr';
  if (h.ja && h.ja !== ja) {
    if (!jaAlts.includes(h.ja)) source = 'mofa';
    ja = h.ja;
  }
  countries.push({ kind: 'country', en, variants, ja, short: h.short, country: code, note: h.note, source });
  countryNames.add(en);
  for (const v of variants) countryNames.add(v);
}
write('countries.json', countries);

// ------------------------------------------------------------------- places

function zones(loc) {
  const z = load(`cldr-dates-full/main/${loc}/timeZoneNames.json`).main[loc].dates.timeZoneNames.zone;
  const outz = {};
  (function walk(o, pre) {
    for (const [k, v] of Object.entries(o)) {
      if (v && typeof v === 'object') {
        if ('exemplarCity' in v || '_type' in v) outz[pre + k] = v;
        else walk(v, pre + k + '/');
      }
    }
  })(z, '');
  return outz;
}
const zEN = zones('en');
const zJA = zones('ja');
const zoneCountry = {};
for (const { mapZone } of load('cldr-core/supplemental/windowsZones.json').supplemental.windowsZones.mapTimezones) {
  if (mapZone._territory === '001') continue;
  for (const id of mapZone._type.split(' ')) zoneCountry[id] = mapZone._territory;
}

const places = new Map();
for (const id of Object.keys(zJA).sort()) {
  const ja = zJA[id].exemplarCity;
  const country = zoneCountry[id];
  if (!ja || !country || country === 'AQ' || SKIP.has(country) || id.startsWith('Etc/')) continue;
  const en = (zEN[id] && zEN[id].exemplarCity) || id.split('/').pop().replaceAll('_', ' ');
  if (countryNames.has(en)) continue; // a zone named after its country
  if (places.has(en)) { console.error(`make.sh: ${id}: ${en} again, left out`); continue; }
  places.set(en, { kind: 'place', en, variants: [], ja, country, source: 'cldr' });
}
for (const h of PLACES) {
  const p = places.get(h.en);
  if (p) {
    p.variants.push(...(h.variants || []));
    if (h.ja && h.ja !== p.ja) {
      p.note = [h.note, `CLDR ja: ${p.ja}.`].filter(Boolean).join(' ');
      p.ja = h.ja;
      p.source = h.source || 'desk';
    } else if (h.note) p.note = h.note;
  } else {
    if (!h.ja || !h.source) throw new Error(`place ${h.en}: ja and source are needed`);
    places.set(h.en, { kind: 'place', ...h });
  }
}
write('places.json', [...places.values()]);
EOF
