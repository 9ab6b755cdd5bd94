package lang

import "testing"

func TestDetect(t *testing.T) {
	tests := []struct{ text, want string }{
		{"US Defense Secretary Lloyd Austin arrived in Iraq on Tuesday on an unannounced visit barely two weeks before the 20th anniversary of the US-led invasion that toppled Saddam Hussein, and said that the troops were ready to remain.", "en"},
		{"Le secrétaire américain à la Défense est arrivé mardi à Bagdad pour une visite surprise, a annoncé le Pentagone, qui a précisé que les troupes sont prêtes à rester dans le pays selon les autorités.", "fr"},
		{"Der US-Verteidigungsminister ist am Dienstag zu einem unangekündigten Besuch in Bagdad eingetroffen, wie das Pentagon mitteilte. Die Truppen sind bereit, auf Einladung der Regierung im Land zu bleiben, sagte er nach dem Treffen mit dem Regierungschef.", "de"},
		{"El secretario de Defensa de Estados Unidos llegó el martes a Bagdad en una visita sorpresa, según informó el Pentágono, que dijo que las tropas están dispuestas a permanecer en el país por invitación del gobierno.", "es"},
		{"Министр обороны США Ллойд Остин прибыл в Багдад с необъявленным визитом накануне двадцатой годовщины вторжения.", "ru"},
		{"وصل وزير الدفاع الأمريكي لويد أوستن إلى بغداد في زيارة غير معلنة قبل الذكرى العشرين للغزو.", "ar"},
		{"Breaking news", ""},
		{"Baghdad Erbil Austin Sudani Barzani Pentagon Iraq Syria Iran Jordan", ""},
	}
	d := New()
	for _, tt := range tests {
		if got := d.Detect(tt.text); got != tt.want {
			t.Errorf("Detect(%.40q) = %q, want %q", tt.text, got, tt.want)
		}
	}
}

func BenchmarkDetect(b *testing.B) {
	d := New()
	text := "US Defense Secretary Lloyd Austin arrived in Iraq on Tuesday on an unannounced visit barely two weeks before the 20th anniversary of the US-led invasion that toppled Saddam Hussein, and said that the troops were ready to remain. "
	for len(text) < 3000 {
		text += text
	}
	b.SetBytes(2000)
	for b.Loop() {
		d.Detect(text)
	}
}
