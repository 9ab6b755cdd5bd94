// Package quote finds the quotations and attributions in one English news
// sentence: the exact quoted words, who said them and how (said, told
// reporters, tweeted, wrote, in a statement, in an interview, posted,
// according to). The fact table compares them across sources, so that two
// outlets quoting the same words differently, or crediting them to
// different people or channels, show up as contradictions.
//
// The input is one sentence as the segmenter returns it; a quotation the
// segmenter merged across sentences ("A. B," he said.) is one sentence.
// Everything is found by a hand-written scan over tokens, with no regular
// expressions, so a sentence with neither a quotation mark nor a speech
// verb returns nil in well under a microsecond without allocating.
//
// # Quotation marks
//
// Quotation marks are ", “ ”, ‘ ’, « » and „ “ (closed by “ or ”). A
// mark's direction comes from its neighbours (space or opening punctuation
// before, space or punctuation after), then from whether one of its family
// is open; sites that type ” at both ends are handled. A straight " after
// a digit (6'2") closes an open quotation or is an inch mark.
//
// Single marks double as apostrophes, so they are taken conservatively:
// between letters or digits (don't, Iraq's, O'Brien), before a year
// ('90s, ‘90s) and in elisions ('n', 'em) they are apostrophes; ’ after
// "s" and before a space (the Guards’ commander) closes a quotation only
// when no plainer closing mark follows. A single mark left unpaired is
// dropped, unless it is unmistakable: ‘ before a word, or ’ right after
// , . ? !.
//
// Quotations nested in quotations (single in double or the British way
// round) stay inside the outer quotation's Text: only top-level quotations
// are returned, in order, and their spans never overlap.
//
// A closing mark with no opening one before it (the quotation began in an
// earlier sentence) gives Open == false and a quotation from the start of
// the sentence; an opening mark that never closes gives Close == false and
// a quotation to the end of the sentence.
//
// # Spans and Text
//
// All offsets are byte offsets into the sentence, on rune boundaries:
// Text == sentence[Start:End], Speaker == sentence[SpeakerStart:SpeakerEnd]
// and Verb == sentence[VerbStart:VerbEnd]. Text is trimmed of white space
// and of a final comma, which belongs to the reporter (`"...," he said`);
// other final punctuation (. ? ! …) is kept, so callers comparing wording
// should normalise punctuation themselves.
//
// # Full, Partial and Scare
//
// A quotation is a full quoted clause when it opens the sentence, follows
// a colon or a full stop, follows a comma or an attribution with a capital
// letter, or continues after a middle attribution (`"...," he said, "and
// ..."`), and is not followed straight on by the reporter's words ("Game of
// Thrones" star ...). Otherwise it is embedded in the reporter's sentence.
// An embedded quotation of at most three words with no attribution is
// Scare (declared a "caliphate", an ‘Israeli spy hub,’, "El Chapo");
// other embedded quotations are Partial. The two never both hold. A longer
// embedded quotation with no attribution (a book title) is Partial with a
// zero Attribution.
//
// # Which attribution a quotation gets
//
// In order: an attribution that introduces it (Austin said: "..."; X said
// that "..."); one right after it, set off by a comma or dash (`"...,"
// Austin said`, `"...," said Austin`); the nearest earlier one in the same
// sentence, which covers quotations inside its reported clause (he hoped to
// "strengthen and broaden" relations) and quotations resuming after a
// middle attribution (`"...," he added. "..."`); a later one set off by a
// comma, which reports the clause before it (Austin voiced "concerns", a
// Pentagon statement said). A quotation with none has the zero Attribution:
// test Mode == "".
//
// # Attributions
//
// Attributions returns one Attribution per reporting clause, quotations or
// not, in order of the verb. Speech verbs inside quotations are not the
// reporter's and are ignored.
//
// Strong verbs (said, says, told, tells, tweeted, stated, and "say" or
// "tell" after a plural or pronoun subject) always report speech, unless
// negated (did not say), infinitival (declined to say), passive (is said to
// be, was told) or idiomatic (That said,). Weak verbs (added, noted, warned,
// wrote, posted, thanked, asked, confirmed, reported, ...) report speech only
// next to a quotation, before "that" or a colon, or at the end of the
// sentence after a comma (The plan will fail, Jones added.); a quotation of
// three words or fewer after a weak verb is not enough. Participles after a
// comma (..., adding that; ..., saying) and verbs coordinated with "and"
// share the speaker of the clause they hang on, offsets included.
//
// Speaker is the subject as written: a pronoun (Pronoun is set), a name
// with its titles ("Pentagon chief Lloyd Austin", "Lt. Col. John Smith"), or
// a noun phrase ("a senior US defense official", "officials in Baghdad", "a
// person familiar with the matter"). An appositive goes to SpeakerRole
// ("David Pasqualotto", "a special agent with the FBI"; an age stays in it:
// "62, a resident of the village"); when the appositive is the name, the
// two swap, so that Speaker is "Ali Hassan" and SpeakerRole "the ministry's
// spokesman". A statement that names who issued it gives the issuer: "a
// statement from Sudani's office" and "a statement released by the
// ministry" give Speaker "Sudani's office" and "the ministry" with Mode
// Statement; "a Pentagon statement said" keeps Speaker "a Pentagon
// statement". SpeakerStart and SpeakerEnd are -1 when the clause names no
// speaker; the caller resolves pronouns from earlier sentences.
//
// Verb runs from the first auxiliary ("had said", "has repeatedly said",
// "was quoted as saying") through the audience of "told" ("told
// reporters", "told Iraqi Prime Minister Mohammed Shia al-Sudani") and a
// channel phrase that follows ("said in a statement", "wrote on X", "said in
// an interview with CNN"); time and place in between are included ("said
// on Tuesday in a statement"), anything after the channel is not. When the
// speaker follows the verb (`"...," said Austin in a statement`) Verb is
// just "said". "according to" is the Verb of an according clause.
//
// Mode comes from the verb (told → Told, tweeted → Tweeted, wrote →
// Wrote, posted → Posted, according to → According, every other speech
// verb, "thanked" included, → Said), from a channel phrase after the verb,
// in a comma-closed phrase before the subject ("In a statement, the
// ministry said"; "Speaking to reporters, Biden said") or between commas
// after it ("Iran's foreign ministry, in a communique, said"), and from the
// speaker's head noun ("a statement", "his tweet", "the letter"). The most
// specific wins: Interview > Statement > Tweeted > Posted > Wrote > Told >
// According > Said. So "told the BBC in an interview" is Interview with
// Audience "the BBC", "posted on X" is Tweeted, "said in a statement posted
// on Telegram" is Statement, and "said at a news conference" is Told with
// Audience "a news conference", like "told a news conference". X and
// Twitter give Tweeted; Facebook, Telegram, Instagram, TikTok, Truth Social
// and "social media" give Posted.
//
// Audience is the object of told/tells, the outlet of an interview ("in an
// interview with CNN", "to The Wall Street Journal", "in a CNN
// interview"), "said to reporters", "at a news conference", "a letter to
// parliament", and X in "quoted by X as saying".
//
// Anonymous is set on the attribution nearest to an anonymity cue:
// "anonymity", "anonymously", "anonymous", "unnamed", "unidentified", "not
// to be named/identified", "not authorized to".
//
// # Limits
//
// English news prose only. A capitalised word inside the sentence is read
// as a name, so title-case headlines ("Pentagon Chief Says ...") yield no
// attributions. Verbs of naming (called, branded, described as) are not
// speech: what they quote is Scare or Partial without attribution. Speaker
// phrases are read without a parser and stop at words that look like verbs;
// a subject with a relative clause and no commas is found only after "who".
//
// # Performance
//
// A Finder holds no state and is safe for concurrent use; per-call working
// memory comes from a sync.Pool, and a call allocates only the slice it
// returns. Every step is linear in the sentence length (attributions are
// matched within 128 tokens), so degenerate input cannot blow up.
package quote
