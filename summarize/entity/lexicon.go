package entity

import (
	"slices"
	"strings"
	"sync"
)

// wordInfo packs everything the finder knows about one folded word, so
// that each token costs one map lookup however many lists it is on.
type wordInfo uint32

const (
	// wTier1: function words and sentence adverbs ("The", "Despite",
	// "However"). A capitalised one never starts a name.
	wTier1 wordInfo = 1 << iota
	// wTier2: common content words ("Months", "Successive", "Officials")
	// that are capitalised only because they open a sentence.
	wTier2
	// wCalendar: months, weekdays and holidays; a name of its own is
	// never worth reporting.
	wCalendar
	// wHead: the word a title ends with ("minister", "chief", "Gen.").
	wHead
	// wHonorific: "Mr.", "Dr.": a title, but never an office.
	wHonorific
	// wMod: words that qualify a title head ("former", "deputy", "top").
	wMod
	// wPortfolio: what an office is responsible for ("defense", "foreign").
	wPortfolio
	// wOrgHead: words organisation names end with ("Ministry", "Party").
	wOrgHead
	// wOfHead: may be followed by "of"/"for" inside one name ("Bank of
	// America", "President of France"). A person's name never is, which
	// keeps "Smith of Texas" from becoming one name.
	wOfHead
	// wConnector: lower-case words allowed inside a name between
	// capitalised words ("de", "bin", "van").
	wConnector
	// wParticle: a lower-case particle that can open a name ("al-Sudani",
	// "bin Laden", "de Gaulle").
	wParticle
	// wPersonParticle: a particle that only persons carry; Arabic "al" is
	// not one because organisations carry it too ("al-Qaeda").
	wPersonParticle
	// wGiven: common given names, evidence for a person.
	wGiven
	// wSayVerb: "said", "told": the subject before it is usually a person.
	wSayVerb
	// wPrep: prepositions that open a title complement ("minister of",
	// "agent with", "ambassador to").
	wPrep
	// wDet: "the", "a", "an".
	wDet
	// wSuffix: "Jr.", "III": not enough to be a name after a title.
	wSuffix
	// wLocPrep: "in", "from": before a country noun, the noun is a place.
	wLocPrep
	// wAbbrev: a period after the word belongs to it ("Gen.", "Inc.").
	wAbbrev
	// wFormer: marks a title as no longer held ("former", "ex", "late").
	wFormer
	// wGazFirst: the first word of some gazetteer entry.
	wGazFirst
	// wKnownFirst: the first word of some known organisation name.
	wKnownFirst
	// wOrgWord: lower-case nouns that may trail a title complement
	// ("the Kurdistan region", "the defence ministry").
	wOrgWord
)

// Word lists are lower case and folded (no accents, no periods). They are
// kept compact on purpose: each entry is a judgement about news English,
// and a longer list is not better if it starts to eat real names.
const tier1Words = `a about above according across after afterwards again against ago ahead
albeit all almost along already also although always amid amidst among amongst an and
another any anyone anything anyway anywhere apart are around as asked at away back be
because been before behind being below beside besides between beyond both but by can
cannot could despite did do does doing done down during each earlier either else
elsewhere enough even eventually ever every everyone everything except far few following
for formerly from further furthermore had has have having he hence her here hers herself
him himself his how however i if in including indeed inside instead into is it its
itself just last later least less let like likewise many meanwhile might more moreover
most mostly much must my myself near nearly neither never nevertheless next no nobody
none nonetheless nor not nothing now nowhere of off often on once one only onto or other
others otherwise our ours ourselves out outside over overall perhaps please rather
regardless since so some somehow someone something sometimes soon still such than that
the their theirs them themselves then there thereafter thereby therefore these they this
those though through throughout thus to today together tomorrow tonight too toward
towards under unless unlike until unto up upon us very via was we well were what
whatever when whenever where whereas wherever whether which while who whoever whom whose
why with within without would yes yesterday yet you your yours yourself yourselves
should shall cannot oh okay ok thanks thank sorry hello hi dear maybe
im id ive youre theyre thats theres whats lets dont doesnt didnt cant wont isnt arent
wasnt werent hes shes weve theyve youve youll theyll itll hed wed`

const tier2Words = `months years weeks days hours minutes decades centuries moments successive
previous recent current new old several numerous various certain officials police troops
soldiers forces government governments authorities people residents security military
protesters demonstrators analysts experts critics witnesses rescuers firefighters
investigators prosecutors lawyers doctors nurses patients victims survivors families
children women men students teachers workers employees members leaders lawmakers
ministers voters supporters opponents fans players shares prices stocks markets sales
profits revenue earnings investors traders oil gas gold bonds inflation unemployment
growth economists reports sources data figures results details talks negotiations
elections protests clashes fighting violence chaos attacks strikes airstrikes shelling
explosions floods earthquakes fires storms rain snow heat drought aid relief damage
casualties deaths injuries thousands hundreds millions billions dozens scores two three
four five six seven eight nine ten eleven twelve twenty thirty forty fifty hundred
thousand million billion half local national international global regional federal
foreign domestic public private political economic social financial senior top key
major minor early late heavy strong weak high low big small large long short full
partial total initial final additional similar separate separately read see watch listen
click share related photo video image file credit source copyright note update editor
reporting writing breaking live latest exclusive analysis opinion comment meanwhile
asked speaking following according asked having given based compared speaking added
unlike thanks here's there's it's that's what's let's we're they're i'm you're
nearly roughly approximately almost about around some rescue emergency tens many
much both either neither whoever whatever although though if unless because whether
while when once after before since until despite during amid ahead earlier today
tonight yesterday tomorrow this that these those such another each every all most
police militants rebels fighters gunmen insurgents jihadists extremists terrorists
militias civilians refugees migrants citizens nationals tourists passengers drivers
pilots crew crews staffers aides advisers diplomats envoys regulators lenders banks
companies firms brands consumers shoppers buyers sellers homeowners tenants landlords
farmers fishermen miners drillers shipping exports imports tariffs sanctions talks
deals rates yields profits losses gains declines rises falls stocks futures
temperatures winds tornadoes hurricanes wildfires landslides tremors aftershocks
teams clubs coaches managers goals points matches games tournaments seasons fans
officers detectives agents guards inmates prisoners suspects defendants jurors judges
courts juries hearings trials verdicts charges arrests raids shootings stabbings
bodies remains search searches reports report story stories news things reviews
tensions confrontations antitrust lesbian lesbians gay gays concerns questions plans
efforts measures steps changes problems issues rumors fears hopes doubts calls
demands claims allegations accusations findings studies tests experts scientists
researchers observers commentators readers viewers listeners users customers clients
patients residents neighbors neighbours friends relatives parents mothers fathers
sons daughters brothers sisters husbands wives couples babies kids youths teenagers
adults seniors retirees veterans immigrants asylum border borders troops weapons
missiles rockets drones bombs mines tanks jets planes ships boats trucks cars buses
trains flights airports roads bridges buildings homes houses schools hospitals
churches mosques temples shops stores factories plants farms fields forests rivers
lakes mountains hills valleys coasts beaches islands cities towns villages
neighborhoods streets`

const calendarWords = `january february march april may june july august september october
november december jan feb mar apr jun jul aug sep sept oct nov dec monday tuesday wednesday
thursday friday saturday sunday tues weds thurs christmas easter ramadan eid
thanksgiving hanukkah passover diwali`

// Title heads. Plurals are left out on purpose: a title before a name is
// singular ("officials Smith and Jones" is rare; "officials said" is not).
const headWords = `president premier minister secretary chancellor king queen prince
princess emir amir sultan sheikh shaikh ayatollah pope ambassador governor mayor senator
congressman congresswoman congressperson representative lawmaker legislator mp mep
spokesman spokeswoman spokesperson general gen lt col colonel maj captain capt sgt
sergeant lieutenant admiral adm commander cmdr marshal brigadier brig corporal cpl chief
head leader director chairman chairwoman chairperson chair ceo cfo coo cto executive
official officer envoy diplomat judge justice attorney prosecutor lawyer counsel
solicitor agent inspector detective constable sheriff superintendent commissioner cleric
imam mullah bishop archbishop cardinal rabbi pastor reverend rev priest coach manager
striker midfielder defender goalkeeper owner founder cofounder analyst economist
strategist researcher scientist professor prof doctor speaker treasurer comptroller
ombudsman deputy aide adviser advisor negotiator mediator correspondent reporter editor
columnist journalist historian actor actress singer rapper champion pilot astronaut
mufti rep sen gov pres supt insp det atty amb chaplain warden magistrate emperor empress
tsar czar shah taoiseach baroness baron duke duchess earl lord lady dame sir mr mrs ms
miss mx dr hon fr spokesperson representative consul chieftain
boss chancellor dean provost principal headmaster headmistress trustee administrator
coordinator organizer organiser activist campaigner lobbyist creator producer
cofounder co-founder`

const honorificWords = `mr mrs ms miss mx dr sir dame prof rev hon fr lord lady`

const modWords = `former ex then late acting interim deputy vice assistant associate
senior junior top chief special prime first second principal executive managing national
federal regional provincial state local military army police navy naval air
intelligence security party opposition rebel militia government ministry press
presidential royal supreme grand high lead veteran retired outgoing incoming new elected
designate elect caretaker longtime powerful influential team club company group union
council court district county city municipal sports football soccer basketball
operations field campaign election media communications public crown under general
permanent shadow majority minority tribal religious spiritual`

const portfolioWords = `defense defence foreign interior finance treasury justice health
education agriculture commerce trade industry energy oil petroleum labor labour transport
transportation housing environment culture tourism information communications planning
economy economic water electricity youth sports state homeland security veterans affairs
home exchequer external works development immigration migration intelligence war
human rights women social welfare science technology digital telecommunications
religious endowments higher municipalities reconstruction displacement press pentagon
fisheries forestry mines mining resources natural public safety emergency emergencies
cabinet budget revenue taxation customs borders border infrastructure aviation
heritage family children disability pensions employment`

const orgHeadWords = `ministry department dept council party group agency center centre
bureau company co corp corporation inc incorporated ltd llc plc gmbh university college
school academy institute institution army forces force guards guard corps court
parliament government office commission committee association union organization
organisation foundation bank fund authority assembly congress senate police navy brigade
brigades battalion battalions regiment division front movement coalition alliance
federation league club airlines airways motors electric times post news press network
service services board trust industries holdings systems technologies team fc cabinet
secretariat tribunal hospital church mosque society laboratory labs media television tv
radio exchange reserve administration directorate command militia unit units bloc
caucus embassy consulate mission observatory staff chiefs region regime junta
mobilization mobilisation brotherhood jihad monitor watch journal institute
commission council courts ministries departments agencies partners associates`

// Words that may be followed by "of"/"for" inside a name, beyond org heads
// and title heads.
const ofHeadWords = `republic kingdom state states emirate emirates gulf bay sea strait
straits isle island islands cape lake mount port city province region county district
governorate duke earl church cathedral museum order battle siege treaty declaration
charter convention protocol conference summit festival chamber friends sons daughters
knights people's house houses sisters brothers federation union commonwealth
organization organisation bank university college school institute center centre
department ministry office council court commission committee bureau agency fund
assembly association foundation society academy board chiefs`

const orgWords = `region government ministry department province governorate authority
administration council party agency bureau office army forces militia group
coalition force police navy military court parliament cabinet company firm bank
organisation organization movement front alliance union committee commission`

const connectorWords = `de da del della di du des la le al el bin ibn ben bint
van von der den ter ten dos das y ul ud`

const particleWords = `al el bin ibn bint van von de da di du del der den ter dos das
ul ud ad ash az`

const personParticleWords = `bin ibn bint van von de da di du del della der dos das`

const sayWords = `said says told tells added adds stated wrote writes explained noted
insisted argued warned announced declared confirmed denied testified admitted
acknowledged claimed urged tweeted posted stressed asserted recalled replied responded
concluded predicted suggested believes thinks vowed pledged promised threatened
cautioned complained conceded countered estimated observed remarked reiterated`

const prepWords = `of for with at to in on from`

const locPrepWords = `in at from to near into across throughout inside outside around
toward towards via through`

const suffixWords = `jr sr ii iii iv v phd esq`

const abbrevWords = `gen lt col maj capt sgt adm cmdr brig gov sen rep pres dr mr mrs ms
prof rev fr atty amb supt insp det cpl pvt hon sr jr st mt ft co corp inc ltd bros dept
univ assn jan feb aug sept oct nov dec apr jun jul messrs mme mlle gens esq`

const formerWords = `former ex then late onetime erstwhile`

// Common given names across the languages news English borrows names from.
// Used only as evidence that a multi-word name is a person.
const givenNames = `john james michael david robert william richard joseph thomas
charles christopher daniel matthew anthony donald steven paul andrew joshua kenneth
kevin brian george timothy ronald edward jason jeffrey ryan jacob gary nicholas eric
jonathan stephen larry justin scott brandon benjamin samuel gregory alexander frank
patrick raymond jack dennis jerry tyler aaron jose adam henry nathan douglas zachary
peter kyle walter ethan jeremy harold keith roger noah gerald carl terry sean arthur
lawrence jesse dylan bryan joe bruce albert willie gabriel logan ralph roy eugene
russell bobby wayne louis philip johnny mary patricia jennifer linda elizabeth barbara
susan jessica sarah karen nancy lisa betty margaret sandra ashley kimberly emily donna
michelle dorothy carol amanda melissa deborah stephanie rebecca sharon laura cynthia
kathleen amy shirley angela helen anna brenda pamela nicole emma samantha katherine
christine debra rachel catherine carolyn janet ruth maria heather diane julie joyce
victoria kelly christina lauren joan evelyn olivia judith megan cheryl martha andrea
frances hannah jacqueline ann gloria jean kathryn alice teresa sara janice doris julia
judy abigail marie denise beverly amber theresa marilyn danielle diana natalie sophia
isabella alexis charlotte hillary condoleezza kamala ursula liz nikki mohammed
mohammad muhammad mohamed mohamad ahmed ahmad ali hassan hasan hussein husain omar
umar abdullah abdul abdel abd khalid khaled mahmoud mahmud mustafa mostafa ibrahim
ismail youssef yusuf yousef karim tariq nouri haider adel fuad qassem qasem qasim hadi
masoud masrour nechirvan jalal barham moqtada muqtada ayad iyad saleh salih walid fadi
nabil samir bashar hafez recep ahmet mehmet hakan mevlut yair naftali ehud ariel
yitzhak shimon vladimir sergei sergey dmitry dmitri alexei alexey yevgeny volodymyr
oleksandr petro viktor xi shinzo fumio narendra rahul imran nawaz shehbaz ashraf hamid
hamed ebrahim hossein javad mahsa ruhollah emmanuel francois jacques nicolas olaf
friedrich helmut gerhard boris keir rishi tony gordon jair luiz javier pedro carlos
juan luis jorge miguel antonio manuel francisco andres felipe gustavo hugo evo fidel
raul giorgia mario matteo silvio giuseppe lloyd antony barack mike jim bob bill ron
chuck mitch lindsey ted marco rand harry kate meghan camilla mark thabet nechirivan
abu osama ayman abubakr yahya ismail anwar sheikh jamal jamil rashid rasheed faisal
fahd salman mansour sultan hamad tamim zayed khalifa abdulaziz hamdan nasser gamal
hosni anwar abdel fattah kais habib rached moncef bouteflika hamas ibrahim erdogan
benjamin moshe avigdor gideon yoav isaac herzog reuven itamar bezalel giora amir
angela emmanuel ursula josep charles olena yulia oleg igor ivan pavel andrei andriy
mykhailo vitali vitaliy arseniy dmytro kirill xi li wang zhang chen liu yang huang
zhao wu zhou jin kim park lee moon yoon shinzo yoshihide taro kishida sanae fumio`

// knownOrgs are organisation names that carry no org-head word. Keys are
// folded; the linker's alias table groups their spellings.
const knownOrgs = `pentagon, kremlin, white house, downing street, elysee, congress, senate,
parliament, knesset, duma, bundestag, hamas, hezbollah, hizbollah, taliban, qaeda, al qaeda,
is, isis, isil, daesh, islamic state, nato, un, eu, united nations, european union, who, imf,
opec, fifa, uefa, ioc, nasa, fbi, cia, nsa, atf, fda, cdc, epa, sec, reuters, ap, afp,
bbc, cnn, al jazeera, jazeera, pkk, ypg, sdf, pmf, krg, kdp, puk, irgc, idf, mossad,
wagner, apple, google, microsoft, amazon, meta, facebook, twitter, tesla, boeing,
airbus, interpol, unicef, unesco, unhcr, icrc, red cross, red crescent, world bank, wto,
oecd, asean, g7, g20, brics, shin bet, hashd al shaabi, houthis, houthi, ansar allah,
shabaab, al shabaab, boko haram, hayat tahrir al sham, nusra, al nusra`

// gazetteerData: one canonical place per line, "key: other names | demonyms".
// The key is itself a name. Demonyms (adjectives and plural nouns) make
// group mentions with the same Place. Keys are lower case; folding handles
// accents and periods, so "U.S." matches "us".
const gazetteerData = `afghanistan | afghan, afghans
albania | albanian, albanians
algeria | algerian, algerians
andorra | andorran
angola | angolan, angolans
antigua and barbuda: antigua | antiguan
argentina | argentine, argentinian, argentines, argentinians
armenia | armenian, armenians
australia | australian, australians
austria | austrian, austrians
azerbaijan | azerbaijani, azerbaijanis, azeri, azeris
bahamas | bahamian
bahrain | bahraini, bahrainis
bangladesh | bangladeshi, bangladeshis
barbados | barbadian
belarus | belarusian, belarusians
belgium | belgian, belgians
belize | belizean
benin | beninese
bhutan | bhutanese
bolivia | bolivian, bolivians
bosnia and herzegovina: bosnia, bosnia herzegovina | bosnian, bosnians
botswana | botswanan
brazil | brazilian, brazilians
brunei | bruneian
bulgaria | bulgarian, bulgarians
burkina faso | burkinabe
burundi | burundian
cambodia | cambodian, cambodians
cameroon | cameroonian
canada | canadian, canadians
cape verde: cabo verde | cape verdean
central african republic | central african
chad | chadian
chile | chilean, chileans
china: people's republic of china, prc | chinese
colombia | colombian, colombians
comoros | comoran
congo: republic of the congo, congo brazzaville | congolese
dr congo: democratic republic of the congo, democratic republic of congo, drc
costa rica | costa rican
croatia | croatian, croatians, croat, croats
cuba | cuban, cubans
cyprus | cypriot, cypriots
czech republic: czechia | czech, czechs
denmark | danish, dane, danes
djibouti | djiboutian
dominica
dominican republic | dominican, dominicans
ecuador | ecuadorian, ecuadorians
egypt | egyptian, egyptians
el salvador | salvadoran, salvadorans
equatorial guinea
eritrea | eritrean, eritreans
estonia | estonian, estonians
eswatini: swaziland
ethiopia | ethiopian, ethiopians
fiji | fijian
finland | finnish, finn, finns
france | french
gabon | gabonese
gambia | gambian
georgia | georgian, georgians
germany | german, germans
ghana | ghanaian, ghanaians
greece | greek, greeks
grenada
guatemala | guatemalan, guatemalans
guinea | guinean
guinea bissau
guyana | guyanese
haiti | haitian, haitians
honduras | honduran, hondurans
hungary | hungarian, hungarians
iceland | icelandic, icelander, icelanders
india | indian, indians
indonesia | indonesian, indonesians
iran: islamic republic of iran | iranian, iranians, persian
iraq | iraqi, iraqis
ireland | irish
israel | israeli, israelis
italy | italian, italians
ivory coast: cote d'ivoire | ivorian, ivorians
jamaica | jamaican, jamaicans
japan | japanese
jordan | jordanian, jordanians
kazakhstan | kazakh, kazakhs
kenya | kenyan, kenyans
kiribati
kosovo | kosovar, kosovars, kosovan
kuwait | kuwaiti, kuwaitis
kyrgyzstan | kyrgyz
laos | laotian, lao
latvia | latvian, latvians
lebanon | lebanese
lesotho
liberia | liberian, liberians
libya | libyan, libyans
liechtenstein
lithuania | lithuanian, lithuanians
luxembourg
madagascar | malagasy
malawi | malawian
malaysia | malaysian, malaysians
maldives | maldivian
mali | malian, malians
malta | maltese
marshall islands
mauritania | mauritanian
mauritius | mauritian
mexico | mexican, mexicans
micronesia
moldova | moldovan, moldovans
monaco
mongolia | mongolian, mongolians
montenegro | montenegrin
morocco | moroccan, moroccans
mozambique | mozambican
myanmar: burma | burmese
namibia | namibian
nauru
nepal | nepali, nepalese
netherlands: holland | dutch
new zealand | new zealander, new zealanders
nicaragua | nicaraguan, nicaraguans
niger | nigerien
nigeria | nigerian, nigerians
north korea: dprk | north korean, north koreans
north macedonia: macedonia | macedonian, macedonians
norway | norwegian, norwegians
oman | omani, omanis
pakistan | pakistani, pakistanis
palau
palestine: palestinian territories, occupied palestinian territories | palestinian, palestinians
panama | panamanian
papua new guinea
paraguay | paraguayan
peru | peruvian, peruvians
philippines | filipino, filipinos, philippine
poland | polish, pole, poles
portugal | portuguese
qatar | qatari, qataris
romania | romanian, romanians
russia: russian federation | russian, russians
rwanda | rwandan, rwandans
saint kitts and nevis
saint lucia
samoa | samoan
san marino
sao tome and principe
saudi arabia: ksa | saudi, saudis
senegal | senegalese
serbia | serbian, serbians, serb, serbs
seychelles
sierra leone | sierra leonean
singapore | singaporean, singaporeans
slovakia | slovak, slovaks
slovenia | slovenian, slovene
solomon islands
somalia | somali, somalis
south africa | south african, south africans
south korea: republic of korea | south korean, south koreans
south sudan | south sudanese
spain | spanish, spaniard, spaniards
sri lanka | sri lankan, sri lankans
sudan | sudanese
suriname
sweden | swedish, swede, swedes
switzerland | swiss
syria | syrian, syrians
taiwan | taiwanese
tajikistan | tajik, tajiks
tanzania | tanzanian, tanzanians
thailand | thai, thais
east timor: timor leste | timorese
togo | togolese
tonga
trinidad and tobago: trinidad
tunisia | tunisian, tunisians
turkey: turkiye | turkish, turk, turks
turkmenistan | turkmen
tuvalu
uganda | ugandan, ugandans
ukraine | ukrainian, ukrainians
united arab emirates: uae, emirates | emirati, emiratis
united kingdom: uk, britain, great britain | british, briton, britons, brit, brits
united states: us, usa, united states of america, america | american, americans
uruguay | uruguayan
uzbekistan | uzbek, uzbeks
vanuatu
vatican: vatican city, holy see
venezuela | venezuelan, venezuelans
vietnam: viet nam | vietnamese
yemen | yemeni, yemenis
zambia | zambian, zambians
zimbabwe | zimbabwean, zimbabweans
england | english
scotland | scottish, scot, scots
wales | welsh
northern ireland
kurdistan: kurdistan region, iraqi kurdistan, kurdistan region of iraq, iraqi kurdistan region | kurdish, kurd, kurds
gaza: gaza strip | gazan, gazans
west bank
crimea | crimean, crimeans
europe | european, europeans
middle east | middle eastern
asia | asian, asians
africa | african, africans
latin america | latin american, latin americans
north america | north american
south america | south american
persian gulf
arabian peninsula
balkans | balkan
caucasus | caucasian
scandinavia | scandinavian, scandinavians
sahel
levant
donbas: donbass
chechnya | chechen, chechens
tibet | tibetan, tibetans
xinjiang
hong kong
kashmir | kashmiri, kashmiris
darfur
sinai
golan heights: golan
antarctica
arctic
siberia | siberian
catalonia | catalan, catalans
quebec
puerto rico | puerto rican, puerto ricans
greenland
kabul
tirana
algiers
buenos aires
yerevan
canberra
vienna
baku
manama
dhaka
minsk
brussels
brasilia
sofia
phnom penh
ottawa
santiago
beijing
bogota
havana
nicosia
prague
copenhagen
cairo
addis ababa
helsinki
paris
berlin
athens
budapest
reykjavik
new delhi
delhi
jakarta
tehran
baghdad
dublin
jerusalem
tel aviv
rome
tokyo
amman
nairobi
kuwait city
beirut
tripoli
vilnius
riga
tallinn
kuala lumpur
mexico city
chisinau
rabat
kathmandu
amsterdam
the hague: hague
wellington
abuja
lagos
pyongyang
oslo
muscat
islamabad
karachi
lahore
panama city
lima
manila
warsaw
lisbon
doha
bucharest
moscow
kigali
riyadh
jeddah
mecca
medina
dakar
belgrade
bratislava
ljubljana
mogadishu
pretoria
johannesburg
cape town
seoul
juba
madrid
barcelona
colombo
khartoum
stockholm
bern
geneva
zurich
damascus
aleppo
taipei
bangkok
tunis
ankara
istanbul
kampala
kyiv: kiev
abu dhabi
dubai
london
washington: washington dc, dc
new york
los angeles
chicago
montevideo
tashkent
caracas
hanoi
sanaa
aden
lusaka
harare
erbil: arbil, irbil
mosul
basra
kirkuk
fallujah
ramadi
najaf
karbala
tikrit
sulaimaniyah
homs
idlib
raqqa
gaza city
ramallah
hebron
rafah
khan younis
haifa
kandahar
herat
mumbai: bombay
kolkata
shanghai
kharkiv
odesa: odessa
mariupol
donetsk
luhansk
bakhmut
sevastopol
munich
frankfurt
hamburg
milan
naples
marseille
lyon
manchester
edinburgh
glasgow
belfast
sydney
melbourne
toronto
montreal
vancouver
san francisco
houston
dallas
miami
boston
atlanta
seattle
detroit
philadelphia
baltimore
new orleans
las vegas
denver
alabama
alaska
arizona
arkansas
california
colorado
connecticut
delaware
florida
hawaii
idaho
illinois
indiana
iowa
kansas
kentucky
louisiana
maine
maryland
massachusetts
michigan
minnesota
mississippi
missouri
montana
nebraska
nevada
new hampshire
new jersey
new mexico
north carolina
north dakota
ohio
oklahoma
oregon
pennsylvania
rhode island
south carolina
south dakota
tennessee
texas
utah
vermont
virginia
west virginia
wisconsin
wyoming`

// groupWords are religious and ethnic groups with no country of their own:
// group mentions whose Place stays empty.
const groupWords = `shiite shiites shia shi'ite shi'ites sunni sunnis muslim muslims
moslem moslems christian christians jew jews jewish arab arabs yazidi yazidis yezidi
alawite alawites druze sikh sikhs hindu hindus buddhist buddhists catholic catholics
protestant protestants evangelical evangelicals coptic copts maronite maronites
pashtun pashtuns hazara hazaras baloch baluch tamil tamils uighur uighurs uyghur
uyghurs rohingya hutu hutus tutsi tutsis berber berbers bedouin bedouins latino
latinos hispanic hispanics assyrian assyrians chaldean chaldeans`

// aliasData groups keys of one entity that share no spelling: each line is
// one entity, its keys separated by commas.
const aliasData = `us, usa, united states, united states of america, america
uk, britain, great britain, united kingdom
un, united nations
is, isis, isil, islamic state, islamic state group, daesh, islamic state of iraq and syria, islamic state of iraq and the levant, islamic state in iraq and syria
eu, european union
nato, north atlantic treaty organization, north atlantic treaty organisation
uae, united arab emirates, emirates
who, world health organization, world health organisation
imf, international monetary fund
irgc, islamic revolutionary guard corps, revolutionary guards, revolutionary guard, revolutionary guard corps
idf, israel defense forces, israeli defense forces, israel defence forces
pmf, popular mobilization forces, popular mobilisation forces, hashd shaabi, hashd al shaabi
sdf, syrian democratic forces
krg, kurdistan regional government
qaeda, al qaeda
hezbollah, hizbollah, hizballah
kyiv, kiev
drc, dr congo, democratic republic of the congo, democratic republic of congo`

// gazEntry is what a gazetteer name stands for.
type gazEntry struct {
	place string // canonical place key
	group bool   // a demonym or religious/ethnic group rather than a place
}

// tables are built once per process and shared by every Finder and by
// ParseRole; nothing writes to them afterwards.
type tables struct {
	lex     map[string]wordInfo
	fast    lexTable // lex again, for lookups straight from ASCII sentence bytes
	gaz     map[string]gazEntry
	gazMax  int // most words in one gazetteer name
	known   map[string]bool
	knownMx int
	alias   map[string]int // key -> alias group
}

var (
	tabOnce sync.Once
	tab     *tables
)

func getTables() *tables {
	tabOnce.Do(func() { tab = buildTables() })
	return tab
}

func buildTables() *tables {
	t := &tables{
		lex:   make(map[string]wordInfo, 4096),
		gaz:   make(map[string]gazEntry, 1024),
		known: make(map[string]bool, 256),
		alias: make(map[string]int, 128),
	}
	add := func(list string, info wordInfo) {
		for _, w := range strings.Fields(list) {
			t.lex[foldString(w)] |= info
		}
	}
	add(tier1Words, wTier1)
	add(tier2Words, wTier2)
	add(calendarWords, wCalendar)
	add(headWords, wHead|wOfHead)
	add(honorificWords, wHonorific|wHead)
	add(modWords, wMod)
	add(portfolioWords, wPortfolio)
	add(orgHeadWords, wOrgHead|wOfHead)
	add(ofHeadWords, wOfHead)
	add(orgWords, wOrgWord)
	add(connectorWords, wConnector)
	add(particleWords, wParticle)
	add(personParticleWords, wPersonParticle)
	add(sayWords, wSayVerb)
	add(prepWords, wPrep)
	add("the a an", wDet)
	add(suffixWords, wSuffix)
	add(locPrepWords, wLocPrep)
	add(abbrevWords, wAbbrev)
	add(formerWords, wFormer)
	add(givenNames, wGiven)

	addGaz := func(name string, e gazEntry) {
		k := foldString(name)
		if k == "" {
			return
		}
		if _, dup := t.gaz[k]; !dup {
			t.gaz[k] = e
		}
		n := strings.Count(k, " ") + 1
		if n > t.gazMax {
			t.gazMax = n
		}
		first, _, _ := strings.Cut(k, " ")
		t.lex[first] |= wGazFirst
	}
	for _, line := range strings.Split(gazetteerData, "\n") {
		names, demonyms, _ := strings.Cut(line, "|")
		key, others, _ := strings.Cut(names, ":")
		key = foldString(key)
		addGaz(key, gazEntry{place: key})
		for _, o := range strings.Split(others, ",") {
			if strings.TrimSpace(o) != "" {
				addGaz(o, gazEntry{place: key})
			}
		}
		for _, d := range strings.Split(demonyms, ",") {
			if strings.TrimSpace(d) != "" {
				addGaz(d, gazEntry{place: key, group: true})
			}
		}
	}
	for _, w := range strings.Fields(groupWords) {
		addGaz(w, gazEntry{group: true})
	}
	for i, line := range strings.Split(aliasData, "\n") {
		for _, k := range strings.Split(line, ",") {
			t.alias[foldString(k)] = i
		}
	}
	for _, k := range strings.Split(knownOrgs, ",") {
		k = foldString(k)
		t.known[k] = true
		n := strings.Count(k, " ") + 1
		if n > t.knownMx {
			t.knownMx = n
		}
		first, _, _ := strings.Cut(k, " ")
		t.lex[first] |= wKnownFirst
	}
	t.fast = newLexTable(t.lex)
	return t
}

// lexTable is an open-addressing copy of the lexicon keyed by an FNV-1a
// hash of the lower-cased word. The tokenizer computes the hash while it
// scans a word, so a plain ASCII word is looked up without being copied or
// folded first. Slots are 16 bytes and the words sit in one arena, so that
// the whole table stays in cache.
type lexTable struct {
	slots []lexSlot
	arena string
	mask  uint64
}

type lexSlot struct {
	h    uint64
	info wordInfo
	off  uint32 // word is arena[off>>8 : off>>8+off&0xff]; 0 marks an empty slot
}

const (
	fnvOffset uint64 = 14695981039346656037
	fnvPrime  uint64 = 1099511628211
)

func newLexTable(lex map[string]wordInfo) lexTable {
	size := 64
	for size < 2*len(lex) {
		size *= 2
	}
	lt := lexTable{slots: make([]lexSlot, size), mask: uint64(size - 1)}
	words := make([]string, 0, len(lex))
	for w := range lex {
		if len(w) > 0 && len(w) < 256 {
			words = append(words, w)
		}
	}
	slices.Sort(words) // a deterministic arena
	var arena strings.Builder
	arena.WriteByte(0) // offset 0 is never a word, so off 0 means empty
	for _, w := range words {
		h := fnvOffset
		for i := 0; i < len(w); i++ {
			h = (h ^ uint64(w[i])) * fnvPrime
		}
		i := h & lt.mask
		for lt.slots[i].off != 0 {
			i = (i + 1) & lt.mask
		}
		lt.slots[i] = lexSlot{h, lex[w], uint32(arena.Len())<<8 | uint32(len(w))}
		arena.WriteString(w)
	}
	lt.arena = arena.String()
	return lt
}

// get returns the flags of word, an ASCII letter-and-digit word whose
// lower-cased FNV-1a hash is h.
func (lt *lexTable) get(h uint64, word string) wordInfo {
	for i := h & lt.mask; ; i = (i + 1) & lt.mask {
		sl := lt.slots[i]
		if sl.off == 0 {
			return 0
		}
		if sl.h == h && int(sl.off&0xff) == len(word) {
			o := int(sl.off >> 8)
			if asciiEqualFold(lt.arena[o:o+len(word)], word) {
				return sl.info
			}
		}
	}
}

// asciiEqualFold compares a lower-case word with an ASCII word of the same
// length, ignoring the case of the latter.
func asciiEqualFold(lower, w string) bool {
	for i := 0; i < len(w); i++ {
		c := w[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c != lower[i] {
			return false
		}
	}
	return true
}
