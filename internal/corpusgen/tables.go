package corpusgen

// The tables below are read-only vocabularies. They are package-level
// values because they are constant data; nothing writes to them.

var monthNames = [12]string{"January", "February", "March", "April", "May", "June",
	"July", "August", "September", "October", "November", "December"}

var monthAbbr = [12]string{"Jan", "Feb", "Mar", "Apr", "May", "Jun",
	"Jul", "Aug", "Sep", "Oct", "Nov", "Dec"}

var weekdayNames = [7]string{"Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"}

// nameStop lists capitalised tokens that are titles or abbreviations, not
// names: substituting them would garble "Mrs. Keenan" into "Ohio. Keenan".
var nameStop = []string{
	"mrs", "sen", "rep", "gov", "gen", "col", "sgt", "capt", "cmdr", "adm", "maj", "lt",
	"jr", "sr", "inc", "corp", "ltd", "ave", "blvd", "rev", "hon", "dept", "univ",
	"the", "and", "but", "for", "not", "his", "her", "its", "our", "you", "they",
	"this", "that", "these", "those", "there", "then", "when", "while", "after", "before",
	"mr", "ms", "dr", "st", "mt", "ft", "sept",
}

// editAlternatives drives the light rewording that makes two articles
// built from the same paragraph differ: for each word, the alternatives an
// editor might use. "" drops the word; "+w" inserts w after it. Only
// lower-case occurrences are edited, so sentence starts stay capitalised.
var editAlternatives = []struct {
	word string
	alts []string
}{
	{"that", []string{"", "which"}},
	{"which", []string{"that"}},
	{"also", []string{"", "additionally"}},
	{"very", []string{"", "extremely", "highly"}},
	{"just", []string{"", "only"}},
	{"still", []string{""}},
	{"already", []string{""}},
	{"currently", []string{"", "presently"}},
	{"really", []string{""}},
	{"about", []string{"around", "roughly"}},
	{"around", []string{"about", "roughly"}},
	{"approximately", []string{"about", "around"}},
	{"nearly", []string{"almost"}},
	{"almost", []string{"nearly"}},
	{"after", []string{"following"}},
	{"following", []string{"after"}},
	{"before", []string{"ahead of", "prior to"}},
	{"but", []string{"yet"}},
	{"although", []string{"though", "even though"}},
	{"though", []string{"although"}},
	{"because", []string{"as", "since"}},
	{"among", []string{"amongst", "amid"}},
	{"near", []string{"close to"}},
	{"several", []string{"a number of", "various"}},
	{"many", []string{"numerous"}},
	{"has", []string{"+also", "+now"}},
	{"had", []string{"+already", "+also"}},
	{"was", []string{"+also", "+reportedly"}},
	{"were", []string{"+reportedly", "+also"}},
	{"will", []string{"+also", "+now"}},
	{"would", []string{"+also"}},
	{"could", []string{"+also", "+still"}},
	{"said", []string{"stated", "added", "noted"}},
	{"says", []string{"states", "notes", "adds"}},
	{"told", []string{"informed"}},
	{"people", []string{"persons", "individuals"}},
	{"officials", []string{"authorities"}},
	{"government", []string{"administration"}},
	{"country", []string{"nation"}},
	{"big", []string{"large"}},
	{"large", []string{"big"}},
	{"help", []string{"assist"}},
	{"began", []string{"started"}},
	{"started", []string{"began"}},
	{"announced", []string{"declared"}},
	{"attack", []string{"assault"}},
	{"attacks", []string{"assaults"}},
	{"quickly", []string{"rapidly"}},
	{"important", []string{"significant"}},
	{"major", []string{"key"}},
	{"recent", []string{"latest"}},
	{"recently", []string{"lately"}},
	{"expected", []string{"anticipated"}},
	{"tried", []string{"attempted"}},
	{"bought", []string{"purchased"}},
	{"show", []string{"demonstrate"}},
	{"shows", []string{"demonstrates"}},
	{"however", []string{"though"}},
	{"despite", []string{"in spite of"}},
	{"including", []string{"among them"}},
	{"across", []string{"throughout"}},
	{"during", []string{"throughout"}},
}

// Outlet names are invented from these parts; see outlets.go.
var outletPrefixes = []string{
	"Northfield", "Riverton", "Eastbay", "Westmoor", "Lakeside", "Harborview", "Pinecrest",
	"Stonebridge", "Clearwater", "Redhill", "Silverton", "Oakridge", "Brookfield", "Fairhaven",
	"Kingsport", "Maplewood", "Ashford", "Bellmont", "Cedar Valley", "Highland", "Meridian",
	"Continental", "Global", "Capital", "Metro", "National", "Coastal", "Summit", "Frontier",
	"Greystone", "Easton", "Southgate", "Port Albion", "Granite", "Bayshore", "Crescent",
	"Midland", "Horizon", "Northern", "Pacific Rim",
}

var outletSuffixes = []string{
	"Times", "Herald", "Post", "Gazette", "Tribune", "Observer", "Chronicle", "News", "Journal",
	"Courier", "Ledger", "Dispatch", "Monitor", "Review", "Express", "Star", "Sentinel",
	"Standard", "Telegraph", "Record", "Press", "Daily", "Today", "Insider", "Report",
	"Bulletin", "Globe", "Mirror", "Voice", "Online",
}

var outletTLDs = []string{".com", ".com", ".com", ".net", ".org", ".co.uk", ".az", ".in", ".com.au", ".news"}

var urlSections = []string{"world", "news", "politics", "middle-east", "us", "business", "national", "international", "region", "latest"}

// wireAgencies are invented syndication services; the code goes into the
// dateline of wire copy the way "(AP)" does.
var wireAgencies = []struct{ name, code string }{
	{"Continental Press Agency", "CPA"},
	{"Global News Service", "GNS"},
	{"Pan-Atlantic Wire", "PAW"},
	{"Meridian News Agency", "MNA"},
	{"United Newswire", "UNW"},
	{"Eurasia Press", "EAP"},
}

var firstNames = []string{"Anna", "Tom", "Maria", "David", "Leila", "Omar", "Sophie", "James",
	"Chen", "Priya", "Lukas", "Elena", "Marco", "Aisha", "Daniel", "Hana", "Pablo", "Ingrid",
	"Yusuf", "Claire", "Ivan", "Nadia", "Kenji", "Rosa"}

var lastNames = []string{"Kowalski", "Hale", "Moreau", "Okafor", "Lindqvist", "Haddad", "Brennan",
	"Tanaka", "Rossi", "Novak", "Fischer", "Mendes", "Qureshi", "Larsen", "Dubois", "Petrov",
	"Sato", "Alvarez", "Nakamura", "Whitfield", "Osei", "Kaplan", "Varga", "Ibrahim"}

var photoAgencies = []string{"AFP", "Reuters", "AP", "EPA", "Getty Images", "Anadolu", "Xinhua", "dpa"}

// Junk vocabularies. Each kind comes in several spellings because real
// sites differ and a cleaner must not learn a single template.
var navItems = []string{
	"World", "Search", "Home", "News", "Politics", "Business", "Sport", "Opinion", "Menu",
	"Subscribe", "Sign in", "Log in", "twitter", "facebook", "instagram", "youtube",
	"telegram", "linkedin", "WhatsApp", "Newsletters", "Live TV", "Video", "Podcasts",
	"Weather", "EN", "ES", "FR", "ru", "arm", "A+", "A-", "WORLD", "MIDDLE EAST", "Europe",
	"Americas", "Asia", "Africa", "Tech", "Science", "Health", "Culture", "Lifestyle", "More",
	"Close", "Skip to content", "WHAT ARE YOU LOOKING FOR ?", "apple store", "play market",
	"Latest", "Trending", "Region", "Economy", "Search", "Search",
}

var sectionLabels = []string{"WORLD", "MIDDLE EAST", "World", "Politics", "NEWS", "International",
	"Region", "Top Stories", "Breaking News", "Latest News", "Nation"}

var loadingLines = []string{"Loading...", "Loading…", "Please wait...", "Loading"}

var readAlsoLabels = []string{"Read also:", "READ ALSO:", "Read more:", "Related:", "See also:",
	"Also read:", "READ MORE", "Related stories"}

var mostPopularLabels = []string{"Most Popular", "Most Read", "Trending Now", "Popular today",
	"MOST VIEWED", "Editor's picks", "More from this section"}

var shareLines = []string{"Share it on social media!", "Liked the story? Share it on social media!",
	"share-lineLiked the story? Share it on social media!", "Share this article", "Share",
	"print\ncopy link", "Share on Facebook\nShare on Twitter\nShare by email",
	"SHARE", "Share:\nfacebook\ntwitter\nwhatsapp"}

var followLines = []string{"Follow us on Youtube", "Follow us on Telegram", "Follow us on X",
	"Follow us on Google News", "Subscribe to our newsletter"}

var adLines = []string{"Advertisement", "ADVERTISEMENT", "Sponsored", "- Advertisement -",
	"Story continues below advertisement"}

var captionScenes = []string{
	"Officials speak to reporters",
	"A general view of the scene",
	"People gather outside the building",
	"Security forces stand guard",
	"Delegates arrive for the meeting",
	"Residents look on",
	"Rescue workers search the area",
	"A man walks past a poster",
	"Supporters wave flags",
	"Journalists wait outside the venue",
}

// localIntros are the paragraphs an outlet prepends to wire copy. Each is
// a full sentence of at least ten words, like any body paragraph.
var localIntros = []string{
	"{outlet} is following the developments closely, and the report below was distributed by {agency} earlier on {weekday}.",
	"Readers in {place} have been asking about the situation since {weekday}, so here is the latest account from our wire partners.",
	"Local officials said on {weekday} they were monitoring events closely and would update residents as more information became available.",
	"This report was compiled with material from {agency} and from our own correspondents working in the region this week.",
	"Editor's note: this story has been updated with the latest information available to {outlet} as of {weekday} evening.",
	"The news was met with concern in {place}, where community leaders said they expected more details in the coming days.",
	"{outlet} will continue to update this story as new details emerge, and readers can follow our live coverage throughout the day.",
	"What follows is the full report from {agency}, with additional context added by the {outlet} news desk on {weekday}.",
}

var titlePrefixes = []string{"UPDATE: ", "Breaking: ", "Analysis: ", "LIVE: ", "Exclusive: ", "Watch: ", "Explainer: "}

var titleSuffixes = []string{" - report", " (video)", " | {outlet}", " - {outlet}", ": what we know", " (update)", " - officials"}

var deskNames = []string{"News Desk", "Staff Reporter", "Web Desk", "Our Correspondent", "Agencies"}
