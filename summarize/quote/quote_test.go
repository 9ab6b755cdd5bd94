package quote

import (
	"strings"
	"testing"
)

// wq is an expected quotation. flags: p Partial, s Scare, o no opening
// mark, c no closing mark, P pronoun speaker, a anonymous.
type wq struct {
	text, speaker, role, verb string
	mode                      Mode
	audience, flags           string
}

type quoteCase struct {
	name string
	s    string
	want []wq
}

var quoteCases = []quoteCase{
	// Quotation first, attribution after.
	{"politics/quote-said", `“I'm here to reaffirm the US-Iraq strategic partnership,” Austin said.`,
		[]wq{{text: "I'm here to reaffirm the US-Iraq strategic partnership", speaker: "Austin", verb: "said", mode: Said}}},
	{"politics/quote-said-inverted", `"We will not be intimidated," said Senator Elizabeth Warren.`,
		[]wq{{text: "We will not be intimidated", speaker: "Senator Elizabeth Warren", verb: "said", mode: Said}}},
	{"politics/told-reporters", `"I am optimistic about the future of our partnership," Austin told reporters in Baghdad after meetings with Sudani.`,
		[]wq{{text: "I am optimistic about the future of our partnership", speaker: "Austin", verb: "told reporters", mode: Told, audience: "reporters"}}},
	{"politics/ellipsis", `“US forces are ready to remain in Iraq … The United States will continue to strengthen our partnership,” Austin told reporters.`,
		[]wq{{text: "US forces are ready to remain in Iraq … The United States will continue to strengthen our partnership", speaker: "Austin", verb: "told reporters", mode: Told, audience: "reporters"}}},
	{"sport/ascii-ellipsis", `"We tried... we really tried," the coach said.`,
		[]wq{{text: "We tried... we really tried", speaker: "the coach", verb: "said", mode: Said}}},
	{"politics/anonymous-adverb", `“I think that Iraqi leaders share our interest,” a senior US defense official said anonymously.`,
		[]wq{{text: "I think that Iraqi leaders share our interest", speaker: "a senior US defense official", verb: "said", mode: Said, flags: "a"}}},
	{"politics/anonymous-relative", `"It was a mistake," an official who asked not to be named said.`,
		[]wq{{text: "It was a mistake", speaker: "an official", verb: "said", mode: Said, flags: "a"}}},
	{"courts/appositive-inverted", `"This defendant terrorized a neighborhood," said David Pasqualotto, a special agent with the FBI's field office in Mobile.`,
		[]wq{{text: "This defendant terrorized a neighborhood", speaker: "David Pasqualotto", role: "a special agent with the FBI's field office in Mobile", verb: "said", mode: Said}}},
	{"sport/inverted-relative", `"It's a disgrace," said Jones, who was sent off in the 80th minute.`,
		[]wq{{text: "It's a disgrace", speaker: "Jones", verb: "said", mode: Said}}},
	{"disaster/age-and-appositive", `"The water came so fast, we had no time," said Maria Santos, 62, a resident of the village.`,
		[]wq{{text: "The water came so fast, we had no time", speaker: "Maria Santos", role: "62, a resident of the village", verb: "said", mode: Said}}},
	{"courts/told-adding", `"The jury has spoken," defense lawyer Maria Lopez told reporters outside the courthouse, adding that her client would appeal.`,
		[]wq{{text: "The jury has spoken", speaker: "defense lawyer Maria Lopez", verb: "told reporters", mode: Told, audience: "reporters"}}},
	{"sport/question", `"Why now?" he asked.`,
		[]wq{{text: "Why now?", speaker: "he", verb: "asked", mode: Said, flags: "P"}}},

	// Attribution first.
	{"politics/colon", `Zelensky said: "Ukraine will never surrender."`,
		[]wq{{text: "Ukraine will never surrender.", speaker: "Zelensky", verb: "said", mode: Said}}},
	{"politics/tweeted-as-he-landed", `Austin tweeted as he landed in Baghdad: "I'm here to reaffirm the partnership."`,
		[]wq{{text: "I'm here to reaffirm the partnership.", speaker: "Austin", verb: "tweeted", mode: Tweeted}}},
	{"politics/said-that", `Iraqi officials said that "the visit was a success."`,
		[]wq{{text: "the visit was a success.", speaker: "Iraqi officials", verb: "said", mode: Said, flags: "p"}}},
	{"politics/partial", `Austin said Tuesday he hoped to "strengthen and broaden" relations with Iraq.`,
		[]wq{{text: "strengthen and broaden", speaker: "Austin", verb: "said", mode: Said, flags: "p"}}},
	{"politics/thanked", `Sudani thanked Austin for "the support of the American people in the war against terrorism."`,
		[]wq{{text: "the support of the American people in the war against terrorism.", speaker: "Sudani", verb: "thanked", mode: Said, flags: "p"}}},
	{"courts/relative-comma", `The judge, who spoke in a packed courtroom, said the defendant had shown "no remorse whatsoever."`,
		[]wq{{text: "no remorse whatsoever.", speaker: "The judge", verb: "said", mode: Said, flags: "p"}}},
	{"politics/appositive", `Antony Blinken, the US secretary of state, said the talks were "constructive."`,
		[]wq{{text: "constructive.", speaker: "Antony Blinken", role: "the US secretary of state", verb: "said", mode: Said, flags: "p"}}},
	{"politics/posted-facebook", `The governor posted on Facebook: "Schools will remain closed on Monday."`,
		[]wq{{text: "Schools will remain closed on Monday.", speaker: "The governor", verb: "posted on Facebook", mode: Posted}}},
	{"politics/said-on-twitter", `The president said on Twitter that the talks had been "very productive."`,
		[]wq{{text: "very productive.", speaker: "The president", verb: "said on Twitter", mode: Tweeted, flags: "p"}}},
	{"politics/participle-speaking", `Putin, speaking at a news conference in Moscow, said the West was "lying."`,
		[]wq{{text: "lying.", speaker: "Putin", verb: "said", mode: Told, audience: "a news conference", flags: "p"}}},
	{"business/pronoun-it", `Shares fell after the company said profits would be "significantly lower" than expected.`,
		[]wq{{text: "significantly lower", speaker: "the company", verb: "said", mode: Said, flags: "p"}}},
	{"business/note-to-clients", `Analysts at Goldman Sachs wrote in a note to clients that the merger was "a game changer for the industry."`,
		[]wq{{text: "a game changer for the industry.", speaker: "Analysts at Goldman Sachs", verb: "wrote in a note to clients", mode: Wrote, audience: "clients", flags: "p"}}},

	// Attribution in the middle.
	{"politics/middle", `"We strive for that," he added. "I don't see any reason why we can't."`,
		[]wq{
			{text: "We strive for that", speaker: "he", verb: "added", mode: Said, flags: "P"},
			{text: "I don't see any reason why we can't.", speaker: "he", verb: "added", mode: Said, flags: "P"},
		}},
	{"disaster/middle-comma", `"We will rebuild," the mayor said, "and we will do it together."`,
		[]wq{
			{text: "We will rebuild", speaker: "the mayor", verb: "said", mode: Said},
			{text: "and we will do it together.", speaker: "the mayor", verb: "said", mode: Said},
		}},
	{"sport/two-sentences", `"We played well in the first half," Arsenal manager Mikel Arteta told BBC Sport. "After the break we lost our shape."`,
		[]wq{
			{text: "We played well in the first half", speaker: "Arsenal manager Mikel Arteta", verb: "told BBC Sport", mode: Told, audience: "BBC Sport"},
			{text: "After the break we lost our shape.", speaker: "Arsenal manager Mikel Arteta", verb: "told BBC Sport", mode: Told, audience: "BBC Sport"},
		}},
	{"politics/three-quotes", `"Look at the numbers," he said. "They don't lie," he added. "Nobody can deny it."`,
		[]wq{
			{text: "Look at the numbers", speaker: "he", verb: "said", mode: Said, flags: "P"},
			{text: "They don't lie", speaker: "he", verb: "added", mode: Said, flags: "P"},
			{text: "Nobody can deny it.", speaker: "he", verb: "added", mode: Said, flags: "P"},
		}},

	// Every mode.
	{"politics/pentagon-statement", `Austin voiced "his concerns on a range of shared challenges," a Pentagon statement said.`,
		[]wq{{text: "his concerns on a range of shared challenges", speaker: "a Pentagon statement", verb: "said", mode: Statement, flags: "p"}}},
	{"politics/said-in-statement", `"The operation is over," the army said in a statement released by its press office.`,
		[]wq{{text: "The operation is over", speaker: "the army", verb: "said in a statement", mode: Statement}}},
	{"business/statement-on-monday", `"We remain confident in our strategy," chief executive Jane Doe said in a statement on Monday.`,
		[]wq{{text: "We remain confident in our strategy", speaker: "chief executive Jane Doe", verb: "said in a statement", mode: Statement}}},
	{"politics/statement-added", `"We are committed to peace," the statement added.`,
		[]wq{{text: "We are committed to peace", speaker: "the statement", verb: "added", mode: Statement}}},
	{"politics/according-statement", `The two leaders discussed "a new chapter in relations," according to a statement from Sudani's office.`,
		[]wq{{text: "a new chapter in relations", speaker: "Sudani's office", verb: "according to", mode: Statement, flags: "p"}}},
	{"politics/according", `"There will be consequences," according to a senior official.`,
		[]wq{{text: "There will be consequences", speaker: "a senior official", verb: "according to", mode: According}}},
	{"politics/interview-to", `"We will not surrender," Zelenskiy said in an interview to The Wall Street Journal.`,
		[]wq{{text: "We will not surrender", speaker: "Zelenskiy", verb: "said in an interview to The Wall Street Journal", mode: Interview, audience: "The Wall Street Journal"}}},
	{"business/told-in-interview", `"Demand is softening," the bank's chief economist told Reuters in an interview.`,
		[]wq{{text: "Demand is softening", speaker: "the bank's chief economist", verb: "told Reuters in an interview", mode: Interview, audience: "Reuters"}}},
	{"sport/cnn-interview", `"We will win," he said in a CNN interview.`,
		[]wq{{text: "We will win", speaker: "he", verb: "said in a CNN interview", mode: Interview, audience: "CNN", flags: "P"}}},
	{"politics/his-tweet", `"We are leaving," his tweet said.`,
		[]wq{{text: "We are leaving", speaker: "his tweet", verb: "said", mode: Tweeted}}},
	{"business/interview-with", `"Inflation is not beaten," the governor said in an interview with the Financial Times.`,
		[]wq{{text: "Inflation is not beaten", speaker: "the governor", verb: "said in an interview with the Financial Times", mode: Interview, audience: "the Financial Times"}}},
	{"politics/quoted-as-saying", `The minister was quoted as saying the country would "never give in."`,
		[]wq{{text: "never give in.", speaker: "The minister", verb: "was quoted as saying", mode: Said, flags: "p"}}},
	{"business/wrote-on-x", `"We are ready," Musk wrote on X.`,
		[]wq{{text: "We are ready", speaker: "Musk", verb: "wrote on X", mode: Tweeted}}},
	{"politics/in-a-tweet", `"The vote was rigged," the opposition leader said in a tweet.`,
		[]wq{{text: "The vote was rigged", speaker: "the opposition leader", verb: "said in a tweet", mode: Tweeted}}},
	{"disaster/tweeted", `"We need help," the mayor tweeted on Monday night.`,
		[]wq{{text: "We need help", speaker: "the mayor", verb: "tweeted", mode: Tweeted}}},
	{"politics/op-ed", `"We must act now," Guterres wrote in an op-ed for The Washington Post.`,
		[]wq{{text: "We must act now", speaker: "Guterres", verb: "wrote in an op-ed", mode: Wrote}}},
	{"politics/telegram", `"Provocations will not go unanswered," the Kremlin said on Telegram.`,
		[]wq{{text: "Provocations will not go unanswered", speaker: "the Kremlin", verb: "said on Telegram", mode: Posted}}},

	// Unbalanced marks.
	{"politics/no-opening-mark", `The United States is broadly interested in a strategic partnership," the senior US defence official, speaking on the condition of anonymity, told reporters.`,
		[]wq{{text: "The United States is broadly interested in a strategic partnership", speaker: "the senior US defence official", verb: "told reporters", mode: Told, audience: "reporters", flags: "oa"}}},
	{"disaster/no-opening-curly", `we must protect our children,” the mother said.`,
		[]wq{{text: "we must protect our children", speaker: "the mother", verb: "said", mode: Said, flags: "o"}}},
	{"politics/no-closing-mark", `He said coalition forces "will be protected from state and non-state actors.`,
		[]wq{{text: "will be protected from state and non-state actors.", speaker: "He", verb: "said", mode: Said, flags: "pcP"}}},
	{"politics/two-then-unclosed", `Sudani also told Austin that his government’s approach is based on “pursuing balanced relations” with regional countries “based on common interests.`,
		[]wq{
			{text: "pursuing balanced relations", speaker: "Sudani", verb: "told Austin", mode: Told, audience: "Austin", flags: "p"},
			{text: "based on common interests.", speaker: "Sudani", verb: "told Austin", mode: Told, audience: "Austin", flags: "pc"},
		}},

	// Nesting.
	{"politics/nested-single", `"He called it 'a disaster,' and I agreed," she said.`,
		[]wq{{text: "He called it 'a disaster,' and I agreed", speaker: "she", verb: "said", mode: Said, flags: "P"}}},
	{"disaster/british-nesting", `‘They told us “wait”, so we waited,’ the resident said.`,
		[]wq{{text: "They told us “wait”, so we waited", speaker: "the resident", verb: "said", mode: Said}}},
	{"politics/quoted-speech-verb", `"He said we must leave," she said.`,
		[]wq{{text: "He said we must leave", speaker: "she", verb: "said", mode: Said, flags: "P"}}},

	// Apostrophes are not quotation marks.
	{"politics/apostrophes", `The Guards' commander said Iraq’s ‘sovereignty’ was not negotiable in the ’90s and don't forget it.`,
		[]wq{{text: "sovereignty", speaker: "The Guards' commander", verb: "said", mode: Said, flags: "p"}}},
	{"politics/only-apostrophes", `Iraq’s prime minister and the Revolutionary Guards’ chief met in the '90s, rock 'n' roll playing.`, nil},
	{"sport/inch-mark", `The 6'2" center scored 20 points.`, nil},

	// Scare quotes and names of things.
	{"politics/scare-caliphate", `The group declared a "caliphate" in 2014.`,
		[]wq{{text: "caliphate", flags: "s"}}},
	{"politics/scare-single-curly", `Israeli media branded the site an ‘Israeli spy hub,’ which Tehran denied.`,
		[]wq{{text: "Israeli spy hub", flags: "s"}}},
	{"courts/nickname", `Joaquin "El Chapo" Guzman was sentenced to life in prison.`,
		[]wq{{text: "El Chapo", flags: "s"}}},
	{"business/title-long", `Her novel "The House on the Hill at the End of the World" was published in 2021.`,
		[]wq{{text: "The House on the Hill at the End of the World", flags: "p"}}},
	{"sport/title-first", `"Game of Thrones" star Kit Harington married his co-star in 2018.`,
		[]wq{{text: "Game of Thrones", flags: "s"}}},
	{"politics/weak-verb-short-quote", `He declared "victory" on Sunday.`,
		[]wq{{text: "victory", flags: "s"}}},
	{"courts/scare-then-partial", `He called the ruling "absurd" and said the process had been "politically motivated from the start."`,
		[]wq{
			{text: "absurd", flags: "s"},
			{text: "politically motivated from the start.", speaker: "He", verb: "said", mode: Said, flags: "pP"},
		}},

	// No attribution at all.
	{"politics/bare-quote", `"Enough is enough."`, []wq{{text: "Enough is enough."}}},
	{"politics/bare-unclosed", `"We will stay here as long as it takes.`, []wq{{text: "We will stay here as long as it takes.", flags: "c"}}},
	{"politics/colon-unclosed", `He said: "We will stay`,
		[]wq{{text: "We will stay", speaker: "He", verb: "said", mode: Said, flags: "cP"}}},
	{"politics/guillemets", `« Nous sommes en guerre », a déclaré Macron.`, []wq{{text: "Nous sommes en guerre"}}},
	{"politics/low-high", `„Wir schaffen das“, sagte Merkel.`, []wq{{text: "Wir schaffen das"}}},
	{"business/no-quote", `The central bank raised rates by a quarter point, the highest in 22 years.`, nil},
}

func TestQuotes(t *testing.T) {
	f := NewFinder()
	for _, c := range quoteCases {
		t.Run(c.name, func(t *testing.T) {
			got := f.Quotes(c.s)
			checkQuotes(t, c.s, got)
			if len(got) != len(c.want) {
				t.Fatalf("%q\ngot %d quotes, want %d:\n%s", c.s, len(got), len(c.want), dumpQuotes(got))
			}
			for i, w := range c.want {
				g := got[i]
				gw := wq{text: g.Text, speaker: g.Speaker, role: g.SpeakerRole, verb: g.Verb, mode: g.Mode, audience: g.Audience, flags: quoteFlags(g)}
				if !sameFlags(gw.flags, w.flags) {
					t.Errorf("%q\nquote %d flags %q, want %q", c.s, i, gw.flags, w.flags)
				}
				gw.flags = w.flags
				if gw != w {
					t.Errorf("%q\nquote %d\n got %+v\nwant %+v", c.s, i, gw, w)
				}
			}
		})
	}
}

func quoteFlags(q Quote) string {
	var b strings.Builder
	for _, x := range []struct {
		on bool
		c  byte
	}{{q.Partial, 'p'}, {q.Scare, 's'}, {!q.Open, 'o'}, {!q.Close, 'c'}, {q.Pronoun, 'P'}, {q.Anonymous, 'a'}} {
		if x.on {
			b.WriteByte(x.c)
		}
	}
	return b.String()
}

func sameFlags(a, b string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := 0; i < len(a); i++ {
		if strings.IndexByte(b, a[i]) < 0 {
			return false
		}
	}
	return true
}

func dumpQuotes(qs []Quote) string {
	var b strings.Builder
	for _, q := range qs {
		b.WriteString("  ")
		b.WriteString(q.Text)
		b.WriteString(" | ")
		b.WriteString(q.Speaker)
		b.WriteString(" | ")
		b.WriteString(q.Verb)
		b.WriteString("\n")
	}
	return b.String()
}

// wa is an expected attribution; flags: P pronoun, a anonymous.
type wa struct {
	speaker, role, verb string
	mode                Mode
	audience, flags     string
}

type attrCase struct {
	name string
	s    string
	want []wa
}

var attrCases = []attrCase{
	{"politics/said", `Austin said the US forces are operating in a non-combat role.`,
		[]wa{{speaker: "Austin", verb: "said", mode: Said}}},
	{"politics/dateline", `Baghdad [Israel], March 8: US Defence Secretary Lloyd Austin said on Tuesday that US troops would remain in Iraq.`,
		[]wa{{speaker: "US Defence Secretary Lloyd Austin", verb: "said", mode: Said}}},
	{"courts/prosecutors", `Prosecutors said Smith, 45, had stolen $2 million from clients.`,
		[]wa{{speaker: "Prosecutors", verb: "said", mode: Said}}},
	{"disaster/trailing", `Rescuers were still searching for survivors on Tuesday, officials said.`,
		[]wa{{speaker: "officials", verb: "said", mode: Said}}},
	{"disaster/according", `At least 20 people were killed in the floods, according to local officials.`,
		[]wa{{speaker: "local officials", verb: "according to", mode: According}}},
	{"politics/according-statement", `According to a government statement, the two sides agreed to expand cooperation.`,
		[]wa{{speaker: "a government statement", verb: "According to", mode: Statement}}},
	{"politics/according-released-by", `According to a statement released by Sudani’s office, the prime minister affirmed his government’s “keenness to strengthen relations.”`,
		[]wa{{speaker: "Sudani’s office", verb: "According to", mode: Statement}}},
	{"politics/statement-from-said", `A statement from the ministry said the ceasefire would hold.`,
		[]wa{{speaker: "the ministry", verb: "said", mode: Statement}}},
	{"politics/told-name", `Defense Secretary Austin also told Iraqi Prime Minister Mohammed Shia al-Sudani that US troops would stay.`,
		[]wa{{speaker: "Defense Secretary Austin", verb: "told Iraqi Prime Minister Mohammed Shia al-Sudani", mode: Told, audience: "Iraqi Prime Minister Mohammed Shia al-Sudani"}}},
	{"politics/told-bbc", `He told the BBC that he was sorry.`,
		[]wa{{speaker: "He", verb: "told the BBC", mode: Told, audience: "the BBC", flags: "P"}}},
	{"courts/told-agency", `Police told AFP that a man had been arrested.`,
		[]wa{{speaker: "Police", verb: "told AFP", mode: Told, audience: "AFP"}}},
	{"business/tells", `The company tells investors that growth will slow.`,
		[]wa{{speaker: "The company", verb: "tells investors", mode: Told, audience: "investors"}}},
	{"business/tweeted-that", `Musk tweeted that the deal was off.`,
		[]wa{{speaker: "Musk", verb: "tweeted", mode: Tweeted}}},
	{"disaster/posted-that", `The governor posted on Facebook that schools would remain closed.`,
		[]wa{{speaker: "The governor", verb: "posted on Facebook", mode: Posted}}},
	{"politics/letter", `The prime minister wrote in a letter to parliament that he would resign.`,
		[]wa{{speaker: "The prime minister", verb: "wrote in a letter to parliament", mode: Wrote, audience: "parliament"}}},
	{"politics/pre-interview", `In an interview with CNN, the senator said she would vote against the bill.`,
		[]wa{{speaker: "the senator", verb: "said", mode: Interview, audience: "CNN"}}},
	{"disaster/pre-statement", `In a statement, the ministry said 20 people had died.`,
		[]wa{{speaker: "the ministry", verb: "said", mode: Statement}}},
	{"disaster/statement-on-telegram", `The ministry said in a statement posted on Telegram that 20 people had died.`,
		[]wa{{speaker: "The ministry", verb: "said in a statement", mode: Statement}}},
	{"politics/white-house", `The White House said in a statement that the president had signed the bill.`,
		[]wa{{speaker: "The White House", verb: "said in a statement", mode: Statement}}},
	{"politics/said-to-reporters", `The minister said to reporters that the deal was done.`,
		[]wa{{speaker: "The minister", verb: "said to reporters", mode: Told, audience: "reporters"}}},
	{"business/letter-said", `The letter said the company would close.`,
		[]wa{{speaker: "The letter", verb: "said", mode: Wrote}}},
	{"politics/name-after-role", `The ministry's spokesman, Ali Hassan, said the situation was under control.`,
		[]wa{{speaker: "Ali Hassan", role: "The ministry's spokesman", verb: "said", mode: Said}}},
	{"politics/in-communique", `Iran's foreign ministry, in a communique, said the strikes were illegal.`,
		[]wa{{speaker: "Iran's foreign ministry", verb: "said", mode: Statement}}},
	{"disaster/weak-final", `The bridge will stay closed until Friday, the mayor added.`,
		[]wa{{speaker: "the mayor", verb: "added", mode: Said}}},
	{"courts/news-conference", `She said at a news conference that the company would appeal.`,
		[]wa{{speaker: "She", verb: "said at a news conference", mode: Told, audience: "a news conference", flags: "P"}}},
	{"politics/anonymity-because", `Two officials, speaking on condition of anonymity because they were not authorized to discuss the matter, said the deal was close.`,
		[]wa{{speaker: "Two officials", verb: "said", mode: Said, flags: "a"}}},
	{"politics/unnamed", `Unnamed officials said the talks had stalled.`,
		[]wa{{speaker: "Unnamed officials", verb: "said", mode: Said, flags: "a"}}},
	{"politics/declined-identified", `A spokeswoman for the ministry, who declined to be identified, said the report was false.`,
		[]wa{{speaker: "A spokeswoman for the ministry", verb: "said", mode: Said, flags: "a"}}},
	{"politics/relative-which", `This year, Sudani approved the presence of Washington's army in Iraq, which he said was needed to fight ISIS.`,
		[]wa{{speaker: "he", verb: "said", mode: Said, flags: "P"}}},
	{"politics/reduced-relative", `In a visit an official said was aimed at reassuring allies, Austin met Sudani.`,
		[]wa{{speaker: "an official", verb: "said", mode: Said}}},
	{"disaster/say", `Officials say the death toll could rise.`,
		[]wa{{speaker: "Officials", verb: "say", mode: Said}}},
	{"politics/had-said", `He had said in 2019 that the plan was dead.`,
		[]wa{{speaker: "He", verb: "had said", mode: Said, flags: "P"}}},
	{"politics/has-repeatedly-said", `The minister has repeatedly said that Iran is not seeking war.`,
		[]wa{{speaker: "The minister", verb: "has repeatedly said", mode: Said}}},
	{"sport/quoted-by", `The striker was quoted by L'Equipe as saying he wanted to leave.`,
		[]wa{{speaker: "The striker", verb: "was quoted by L'Equipe as saying", mode: Said, audience: "L'Equipe"}}},
	{"politics/participle", `The minister resigned on Friday, saying he had lost the confidence of parliament.`,
		[]wa{{speaker: "The minister", verb: "saying", mode: Said}}},
	{"sport/coordinated", `The coach praised his players and said the title race was still open.`,
		[]wa{{speaker: "The coach", verb: "said", mode: Said}}},
	{"politics/inverted-plain", `The plan will fail, said Jones.`,
		[]wa{{speaker: "Jones", verb: "said", mode: Said}}},
	{"politics/dashes", `The senator – who faces re-election in November – said the bill was dead.`,
		[]wa{{speaker: "The senator", verb: "said", mode: Said}}},
	{"politics/headline", `Pentagon chief in Iraq says US wants to strengthen ties`,
		[]wa{{speaker: "Pentagon chief in Iraq", verb: "says", mode: Said}}},
	{"disaster/reported-that", `The agency reported that 12 people had died.`,
		[]wa{{speaker: "The agency", verb: "reported", mode: Said}}},
	{"politics/said-then-adding", `"This is a critical mission," Austin said, adding that he was "optimistic" about the partnership.`,
		[]wa{{speaker: "Austin", verb: "said", mode: Said}, {speaker: "Austin", verb: "adding", mode: Said}}},
	{"politics/inside-quote-ignored", `"He said we must leave," she said.`,
		[]wa{{speaker: "she", verb: "said", mode: Said, flags: "P"}}},

	// Not attributions.
	{"politics/declined", `He declined to say whether he would run.`, nil},
	{"politics/would-not", `Officials would not say how many troops were involved.`, nil},
	{"politics/passive", `It is said to be the largest in the world.`, nil},
	{"politics/that-said", `That said, the plan has its critics.`, nil},
	{"business/added-jobs", `The company added 500 jobs last quarter.`, nil},
	{"disaster/continued", `The fighting continued for three days.`, nil},
	{"business/wrote-letter", `The union's leader wrote a letter to the board.`, nil},
	{"business/no-trigger", `Analysts expect the bank to hold rates steady.`, nil},
	{"business/tweet-noun", `His latest tweet drew thousands of replies.`, nil},
	{"politics/title-case", `Pentagon Chief Says US Will Stay`, nil},
	{"politics/scare-only", `The group declared a "caliphate" in 2014.`, nil},
}

func TestAttributions(t *testing.T) {
	f := NewFinder()
	for _, c := range attrCases {
		t.Run(c.name, func(t *testing.T) {
			got := f.Attributions(c.s)
			checkAttributions(t, c.s, got)
			if len(got) != len(c.want) {
				t.Fatalf("%q\ngot %d attributions, want %d: %+v", c.s, len(got), len(c.want), got)
			}
			for i, w := range c.want {
				g := got[i]
				flags := ""
				if g.Pronoun {
					flags += "P"
				}
				if g.Anonymous {
					flags += "a"
				}
				gw := wa{speaker: g.Speaker, role: g.SpeakerRole, verb: g.Verb, mode: g.Mode, audience: g.Audience, flags: flags}
				if !sameFlags(gw.flags, w.flags) {
					t.Errorf("%q\nattribution %d flags %q, want %q", c.s, i, gw.flags, w.flags)
				}
				gw.flags = w.flags
				if gw != w {
					t.Errorf("%q\nattribution %d\n got %+v\nwant %+v", c.s, i, gw, w)
				}
			}
		})
	}
}

// TestSpans pins the byte offsets of one sentence by hand, so that a
// consistent but shifted span cannot pass.
func TestSpans(t *testing.T) {
	s := `"We strive for that," he added.`
	qs := NewFinder().Quotes(s)
	if len(qs) != 1 {
		t.Fatalf("got %d quotes", len(qs))
	}
	q := qs[0]
	if q.Start != 1 || q.End != 19 || q.SpeakerStart != 22 || q.SpeakerEnd != 24 || q.VerbStart != 25 || q.VerbEnd != 30 {
		t.Errorf("spans: quote [%d,%d) speaker [%d,%d) verb [%d,%d)", q.Start, q.End, q.SpeakerStart, q.SpeakerEnd, q.VerbStart, q.VerbEnd)
	}
}

// TestNoSpeaker: an attribution whose speaker is not in the sentence keeps
// -1 offsets, while a quotation without attribution keeps the zero value.
func TestNoSpeaker(t *testing.T) {
	f := NewFinder()
	as := f.Attributions(`"It is over," according to.`)
	if len(as) != 1 || as[0].Speaker != "" || as[0].SpeakerStart != -1 || as[0].SpeakerEnd != -1 || as[0].Mode != According {
		t.Errorf("want one speakerless according clause, got %+v", as)
	}
	qs := f.Quotes(`"Enough is enough."`)
	if len(qs) != 1 || qs[0].Attribution != (Attribution{}) {
		t.Errorf("want one quote with zero attribution, got %+v", qs)
	}
}

// TestFastPath: sentences with neither quotation marks nor speech verbs
// must not allocate.
func TestFastPath(t *testing.T) {
	f := NewFinder()
	s := "The central bank raised its benchmark rate by a quarter point to 5.5 percent, the highest level in 22 years."
	if n := testing.AllocsPerRun(100, func() {
		if f.Quotes(s) != nil || f.Attributions(s) != nil {
			t.Fatal("want nil")
		}
	}); n != 0 {
		t.Errorf("fast path allocates %v times", n)
	}
}

// TestConcurrent shares one Finder between goroutines; run with -race.
func TestConcurrent(t *testing.T) {
	f := NewFinder()
	want := make([][]Quote, len(quoteCases))
	for i, c := range quoteCases {
		want[i] = f.Quotes(c.s)
	}
	errs := make(chan string, 4)
	for g := 0; g < 4; g++ {
		go func() {
			for n := 0; n < 50; n++ {
				for i, c := range quoteCases {
					got := f.Quotes(c.s)
					if len(got) != len(want[i]) || len(got) > 0 && got[0] != want[i][0] {
						errs <- c.name
						return
					}
				}
			}
			errs <- ""
		}()
	}
	for g := 0; g < 4; g++ {
		if name := <-errs; name != "" {
			t.Errorf("%s: concurrent result differs", name)
		}
	}
}
