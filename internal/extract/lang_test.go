package extract

import "testing"

func TestDetectLanguage(t *testing.T) {
	tests := []struct {
		name, text, want string
	}{
		{"empty", "", ""},
		{"digits only", "2026 12 31 — 15:00", ""},
		{"en", "The president said on Monday that the talks with the delegation were held in Baku and that both sides have agreed to continue.", "en"},
		{"az", "Prezident İlham Əliyev bazar ertəsi Bakıda nümayəndə heyətini qəbul edib və tərəflər danışıqları davam etdirmək barədə razılığa gəliblər.", "az"},
		{"az short", "Milli Məclisin iclası keçirilib", "az"},
		{"tr", "Cumhurbaşkanı pazartesi günü Ankara'da heyeti kabul etti ve iki taraf görüşmelere devam etme konusunda anlaştı. Bu görüşme için hazırlık yapıldığı ifade edildi.", "tr"},
		{"tr without stopwords", "Dışişleri Bakanlığı açıklaması yayımlandı; sınır güvenliği görüşüldü", "tr"},
		{"ru", "Президент в понедельник принял делегацию в Баку, и стороны договорились продолжить переговоры.", "ru"},
		{"uk", "Президент у понеділок прийняв делегацію, і сторони домовилися продовжити переговори щодо її візиту.", "uk"},
		{"ka", "პრეზიდენტმა ორშაბათს ბაქოში დელეგაცია მიიღო და მხარეები მოლაპარაკებების გაგრძელებაზე შეთანხმდნენ.", "ka"},
		{"hy", "Նախագահը երկուշաբթի օրը Բաքվում ընդունել է պատվիրակությանը, և կողմերը պայմանավորվել են շարունակել բանակցությունները։", "hy"},
		{"fa", "رئیس جمهور روز دوشنبه در باکو هیئت را پذیرفت و دو طرف برای ادامه گفتگوها به توافق رسیدند.", "fa"},
		{"ar", "استقبل الرئيس يوم الاثنين في باكو الوفد واتفق الجانبان على مواصلة المحادثات.", "ar"},
		{"ja", "大統領は月曜日にバクーで代表団と会談し、双方は協議を続けることで合意した。", "ja"},
		{"zh", "总统星期一在巴库会见了代表团，双方同意继续谈判。", "zh"},
		{"ko", "대통령은 월요일 바쿠에서 대표단을 접견했다.", "ko"},
		// Latin script without any sign of our languages: unknown, not a
		// guess.
		{"de", "Der Präsident empfing am Montag die Delegation, und beide Seiten vereinbarten weitere Gespräche.", ""},
		// An Azerbaijani name quoted in English text does not make it az.
		{"en with az name", "The court in Baku sentenced the journalist, the newspaper said. The editor of the paper, Əli Həsənov, has been in detention since May and the lawyers said that they would appeal against the verdict in the coming days, as is the usual practice.", "en"},
		// Russian text with an English phrase stays Russian.
		{"ru with latin", "Компания BP сообщила, что добыча нефти на месторождении Азери-Чираг-Гюнешли в этом году снизилась.", "ru"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := DetectLanguage(tt.text); got != tt.want {
				t.Errorf("DetectLanguage(%q) = %q, want %q", tt.text, got, tt.want)
			}
		})
	}
}

func TestChooseLang(t *testing.T) {
	tests := []struct{ declared, detected, want string }{
		{"", "", ""},
		{"", "az", "az"},
		{"az", "", "az"},
		{"ru", "ru", "ru"},
		{"en", "ru", "ru"}, // template default over Russian text
		{"en", "az", "az"},
		{"en", "tr", "tr"},
		{"az", "tr", "az"}, // same script: trust the page
		{"tr", "en", "tr"},
		{"ka", "ru", "ru"},
		{"xx", "ru", "ru"}, // unknown tag, unknown script
	}
	for _, tt := range tests {
		if got := chooseLang(tt.declared, tt.detected); got != tt.want {
			t.Errorf("chooseLang(%q, %q) = %q, want %q", tt.declared, tt.detected, got, tt.want)
		}
	}
}

func TestPrimaryTag(t *testing.T) {
	tests := []struct{ in, want string }{
		{"az-Latn-AZ", "az"},
		{"ru_RU", "ru"},
		{" EN ", "en"},
		{"en-US, ru", "en"},
		{"", ""},
		{"english", ""},
		{"e", ""},
		{"1a", ""},
		{"fil", "fil"},
	}
	for _, tt := range tests {
		if got := primaryTag(tt.in); got != tt.want {
			t.Errorf("primaryTag(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
