package story

import "time"

// The mini-corpora below are invented: places, people and numbers are
// made up or used fictitiously. Each article is a headline and the first
// paragraphs, written the way different outlets would, so that the
// articles of one story share facts, not sentences.

type doc struct {
	story int
	at    string // "2006-01-02 15:04", UTC
	title string
	text  string
}

func (d doc) article() Article {
	a := Article{Title: d.title, Text: d.text}
	if d.at != "" {
		t, err := time.Parse("2006-01-02 15:04", d.at)
		if err != nil {
			panic(err)
		}
		a.Published = t
	}
	return a
}

// quakes: two earthquakes on one day, in different countries, each
// reported by several outlets.
var quakes = []doc{
	{0, "2025-03-11 02:40", "Magnitude 6.8 earthquake strikes southern Peru, killing at least 14",
		`A magnitude 6.8 earthquake struck southern Peru early on Tuesday, killing at least 14 people and destroying dozens of adobe homes in the Andean province of Caylloma, officials said.

The quake hit at 1:52 a.m. local time at a depth of 35 kilometres, about 40 km north-east of the town of Chivay, according to the country's Geophysical Institute.

Rescue teams were searching the rubble in the villages of Yanque and Achoma, where the church tower collapsed.`},
	{1, "2025-03-11 03:15", "Strong quake rattles central Philippines; 9 dead in Bohol",
		`A strong earthquake of magnitude 6.1 shook the central Philippines on Tuesday, killing nine people on the island of Bohol and damaging a centuries-old church in the town of Loboc, disaster officials said.

The quake struck at 10:03 a.m. local time, with its epicentre 12 kilometres off the coast near Loay, the Philippine Institute of Volcanology and Seismology (Phivolcs) said.`},
	{0, "2025-03-11 04:05", "Peru earthquake: death toll rises to 17 as rescuers dig through rubble",
		`The death toll from the earthquake in southern Peru has risen to 17, Peru's civil defence institute said, as rescuers dug through collapsed adobe houses in the Colca valley.

Most of the victims were in Yanque and Achoma, two villages near Chivay in Caylloma province. The 6.8-magnitude tremor was felt as far away as Arequipa, where residents ran into the streets.

President Rosa Villanueva said she would travel to Caylloma on Wednesday.`},
	{1, "2025-03-11 05:30", "Bohol quake: Loboc church damaged, nine killed",
		`Nine people died and at least 40 were injured when a 6.1 earthquake hit Bohol province in the Philippines on Tuesday morning.

Phivolcs located the epicentre offshore near Loay. In Loboc, part of the facade of the Spanish-era San Pedro church fell, officials said, and classes were suspended across Bohol.

Governor Arturo Dimaculangan declared a state of calamity.`},
	{0, "2025-03-11 06:10", "Villanueva to visit quake-hit Caylloma; 17 confirmed dead",
		`Peruvian President Rosa Villanueva will fly on Wednesday to Caylloma, the Andean province worst hit by Tuesday's magnitude 6.8 earthquake, which killed 17 people.

The Geophysical Institute of Peru recorded more than 60 aftershocks around Chivay. In Achoma, residents spent the night outdoors in freezing temperatures after the quake flattened adobe homes and the church tower.`},
	{1, "2025-03-11 07:45", "Philippines: state of calamity declared in Bohol after deadly quake",
		`Bohol Governor Arturo Dimaculangan declared a state of calamity on Tuesday after a magnitude 6.1 earthquake killed nine people on the central Philippine island.

The tremor, centred off Loay, damaged roads and bridges and the old San Pedro church in Loboc, Phivolcs and provincial officials said. Aftershocks continued into the afternoon.`},
	{0, "2025-03-11 09:20", "Andean villages in ruins after Peru quake",
		`In Yanque, a village of stone and adobe in Peru's Colca valley, Tuesday's earthquake left barely a house standing.

The magnitude 6.8 quake, centred near Chivay in Caylloma province, killed 17 people, the civil defence institute said. Rescuers from Arequipa worked through the morning to reach Achoma.`},
	{1, "2025-03-11 10:05", "Nine dead, 40 hurt as 6.1 quake hits Bohol",
		`At least nine people were killed and 40 injured in Bohol on Tuesday when a magnitude 6.1 earthquake struck off the town of Loay, the Philippine disaster agency said.

Residents of Loboc said the quake brought down part of the San Pedro church. Governor Arturo Dimaculangan suspended classes across the province.`},
}

// ferry: one accident reported by six outlets in their own words, then a
// follow-up the next day.
var ferry = []doc{
	{0, "2025-06-02 08:10", "Ferry capsizes on Lake Kivuro, dozens feared dead",
		`A passenger ferry capsized on Lake Kivuro on Monday morning near the port of Mbarani, and dozens of people are feared dead, regional police said.

The MV Tumaini was carrying about 180 passengers, more than twice its capacity, when it overturned some 300 metres from the shore. Police commander Joseph Kilonzo said 41 people had been rescued.`},
	{0, "2025-06-02 09:00", "MV Tumaini: rescuers search Lake Kivuro after overloaded ferry sinks",
		`Rescue boats searched Lake Kivuro on Monday after the overloaded ferry MV Tumaini sank within sight of Mbarani port.

Survivors said the vessel tilted as passengers rushed to one side as it approached the dock. Around 180 people were believed to be on board, police commander Joseph Kilonzo told reporters in Mbarani.`},
	{0, "2025-06-02 10:30", "At least 23 dead as Mbarani ferry overturns",
		`At least 23 people drowned when the MV Tumaini overturned on Lake Kivuro close to the port of Mbarani on Monday, officials said, as divers recovered bodies from the water.

The regional commissioner, Halima Rutaro, said the ferry had been licensed for 80 passengers. "This tragedy was avoidable," she said.`},
	{0, "2025-06-02 12:15", "Kivuro ferry disaster: what we know",
		`The MV Tumaini, a ferry that links the islands of Lake Kivuro to the mainland, capsized at about 7.40 a.m. on Monday as it neared Mbarani.

Police say the boat held about 180 people. By noon, 23 bodies had been recovered and 41 survivors taken to Mbarani district hospital. Regional commissioner Halima Rutaro blamed overloading.`},
	{0, "2025-06-02 15:40", "Grief at Mbarani as ferry toll climbs to 31",
		`Relatives gathered at the port of Mbarani on Monday as the death toll from the sinking of the MV Tumaini rose to 31.

Divers from the navy joined the search on Lake Kivuro. Joseph Kilonzo, the regional police commander, said the ferry's captain had survived and was being questioned.`},
	{0, "2025-06-02 19:05", "Overloading blamed for Lake Kivuro ferry sinking that killed 31",
		`Officials blamed overloading for the capsizing of the MV Tumaini on Lake Kivuro, which killed at least 31 people near Mbarani on Monday.

Regional commissioner Halima Rutaro said the ferry, licensed for 80, had about 180 people aboard. Police commander Joseph Kilonzo said 41 survivors were in hospital.`},
	{0, "2025-06-03 11:30", "MV Tumaini captain charged as Kivuro ferry toll reaches 44",
		`The captain of the MV Tumaini was charged with manslaughter on Tuesday as the death toll from Monday's capsizing on Lake Kivuro rose to 44, police in Mbarani said.

Divers recovered 13 more bodies overnight. Regional commissioner Halima Rutaro announced three days of mourning and an inquiry into ferry licensing on the lake.`},
}

// storms: two storms a week apart hitting the same coast. What tells them
// apart in words (the storm's name, the towns) is less than what they
// share, so only the window can keep them apart.
var storms = []doc{
	{0, "2025-01-14 06:00", "Storm lashes Brittany coast, 80,000 homes without power",
		`A powerful storm swept across the coast of Brittany overnight, cutting electricity to 80,000 homes and uprooting trees, the grid operator said.

Gusts of up to 150 km/h were recorded at Pointe du Raz. Ferries to the islands were cancelled and Météo-France kept the region on orange alert.`},
	{0, "2025-01-14 09:30", "Brittany storm: power cuts, cancelled ferries and fallen trees",
		`Tens of thousands of homes in Brittany were without power on Tuesday after a storm brought winds of 150 km/h to the coast.

Ferry crossings to Ouessant and Belle-Île were cancelled. Météo-France said the storm would move east across Normandy during the day.`},
	{0, "2025-01-14 14:00", "Storm leaves 80,000 Brittany homes in the dark",
		`About 80,000 households in Brittany had no electricity on Tuesday after a violent storm hit the coast overnight, with gusts of 150 km/h at Pointe du Raz.

Trees fell on roads around Brest and Quimper, and ferries to the islands stayed in port.`},
	{1, "2025-01-21 05:30", "New storm hits Brittany, 60,000 without power",
		`Another storm struck the coast of Brittany overnight, a week after the last one, leaving 60,000 homes without power, the grid operator said.

Winds reached 140 km/h at Pointe du Raz. Ferries to Ouessant and Belle-Île were cancelled and Météo-France placed the region on orange alert.`},
	{1, "2025-01-21 10:15", "Brittany storm cuts power to 60,000 homes",
		`Some 60,000 households in Brittany lost electricity on Tuesday as a storm battered the coast with gusts of 140 km/h.

Fallen trees blocked roads near Brest and Quimper, and ferry crossings to the islands were suspended, Météo-France said.`},
}

// day: ten unrelated stories on one day, three or four articles each.
var day = []doc{
	// 0: central bank
	{0, "2025-09-18 12:00", "Norvania central bank raises rates to 4.75%",
		`The Bank of Norvania raised its main interest rate by a quarter point to 4.75% on Thursday, its third increase this year, citing stubborn inflation of 5.2%.

Governor Elin Strandberg said the board would "act as needed" to bring prices under control.`},
	{0, "2025-09-18 12:40", "Strandberg: Norvania rate hike needed to tame 5.2% inflation",
		`Bank of Norvania governor Elin Strandberg defended Thursday's rise in the key rate to 4.75%, saying inflation at 5.2% was too high for too long.

The krona rose 0.8% against the euro after the announcement.`},
	{0, "2025-09-18 15:10", "Norvanian mortgage holders face higher bills after rate rise",
		`Homeowners in Norvania will pay more on variable mortgages after the central bank lifted its rate to 4.75%.

Lenders including Nordbank said they would pass on the quarter-point increase, which governor Elin Strandberg said was needed to curb 5.2% inflation.`},
	// 1: football transfer
	{1, "2025-09-18 09:00", "Rocco Marchetti joins Atlético Valmora for record €92m",
		`Italian striker Rocco Marchetti has completed a record €92 million move to Atlético Valmora, the club said on Thursday, signing a five-year contract.

Marchetti, 24, scored 31 goals for Sporting Lisbria last season.`},
	{1, "2025-09-18 10:30", "Valmora break transfer record to sign Marchetti",
		`Atlético Valmora have broken their transfer record to sign striker Rocco Marchetti from Sporting Lisbria for a fee of €92m.

The 24-year-old Italian scored 31 league goals last season and has signed until 2030.`},
	{1, "2025-09-18 13:20", "Lisbria fans angry as Marchetti leaves for Valmora",
		`Supporters of Sporting Lisbria protested outside the club's stadium after top scorer Rocco Marchetti was sold to Atlético Valmora for €92m.

Lisbria president Duarte Figo said the offer was "impossible to refuse".`},
	// 2: wildfire
	{2, "2025-09-18 07:30", "Wildfire forces 3,000 to flee near Corvallo",
		`A wildfire in the hills above Corvallo has forced about 3,000 people to leave their homes, firefighters said on Thursday, as strong winds pushed the flames toward the town.

More than 400 firefighters and six water-bombing planes were fighting the blaze, which has burned 2,800 hectares.`},
	{2, "2025-09-18 11:45", "Corvallo fire: 2,800 hectares burned, evacuations widen",
		`Evacuation orders were extended to two more villages near Corvallo as a wildfire that has burned 2,800 hectares kept growing on Thursday.

Fire chief Marta Oliveros said the 400 firefighters on the ground expected the wind to drop overnight.`},
	{2, "2025-09-18 16:00", "Winds drive Corvallo blaze toward homes",
		`Gusting winds drove a wildfire toward the outskirts of Corvallo on Thursday, where about 3,000 residents have been evacuated.

"The next hours are critical," fire chief Marta Oliveros said. Water-bombing planes made repeated runs over the hills.`},
	// 3: election
	{3, "2025-09-18 06:00", "Tamsin Okafor wins Harlow mayoral race",
		`Tamsin Okafor has been elected mayor of Harlow with 54% of the vote, defeating incumbent Gareth Pryce, according to results released early on Thursday.

Turnout was 38%, the city's election office said.`},
	{3, "2025-09-18 08:20", "Okafor ousts Pryce to become Harlow's first woman mayor",
		`Tamsin Okafor became the first woman to lead Harlow after beating mayor Gareth Pryce with 54% of the vote.

In her victory speech, Okafor promised to build 5,000 affordable homes within four years.`},
	{3, "2025-09-18 14:30", "Pryce concedes Harlow defeat to Okafor",
		`Gareth Pryce conceded the Harlow mayoral election on Thursday, congratulating Tamsin Okafor on a "clear win" with 54% of the vote.

Pryce, mayor for eight years, said he would return to his law practice.`},
	// 4: product recall
	{4, "2025-09-18 10:00", "Voltix recalls 1.2 million e-bike batteries over fire risk",
		`E-bike maker Voltix is recalling 1.2 million batteries sold since 2022 after 37 reports of overheating, including 11 fires, the company said on Thursday.

Owners of the Voltix Glide and Voltix Cargo models should stop charging the batteries immediately.`},
	{4, "2025-09-18 12:30", "Voltix battery recall: what Glide and Cargo owners need to know",
		`Voltix will replace batteries in 1.2 million Glide and Cargo e-bikes free of charge after reports that the packs can overheat and catch fire.

The company said it had received 37 reports of overheating and 11 fires.`},
	{4, "2025-09-18 17:00", "Voltix shares fall 9% after e-bike battery recall",
		`Shares in Voltix fell 9% on Thursday after the e-bike maker announced a recall of 1.2 million batteries for its Glide and Cargo models.

Chief executive Sunita Rao said the cost would be covered by insurance.`},
	// 5: strike
	{5, "2025-09-18 05:30", "Dock workers strike shuts Port Halvik",
		`Dock workers at Port Halvik walked out at midnight in a dispute over pay, halting container traffic at the country's second-largest port, the Transport Workers Union said.

About 2,400 workers joined the 48-hour strike.`},
	{5, "2025-09-18 11:00", "Ships queue off Halvik as port strike bites",
		`More than 30 container ships were waiting off Port Halvik on Thursday as a 48-hour strike by 2,400 dock workers kept cranes idle.

Union leader Bram Hollis said members wanted a 9% raise; the port authority has offered 4%.`},
	{5, "2025-09-18 15:30", "Halvik port authority calls for talks with striking dockers",
		`The Port Halvik authority invited the Transport Workers Union to talks on Friday, as a strike by 2,400 dockers entered its second day.

Union leader Bram Hollis said the 4% offer was "an insult".`},
	// 6: court ruling
	{6, "2025-09-18 10:10", "Supreme court strikes down Elvaria data retention law",
		`Elvaria's supreme court struck down a law requiring telecom companies to keep customers' call records for two years, ruling 5-2 that it violated the right to privacy.

The case was brought by the digital rights group OpenLine.`},
	{6, "2025-09-18 13:00", "OpenLine hails court win over Elvaria data law",
		`Digital rights group OpenLine welcomed Thursday's ruling by Elvaria's supreme court, which found that the 2021 data retention law breached privacy rights.

Justice Miriam Castell wrote for the majority in the 5-2 decision.`},
	{6, "2025-09-18 16:45", "Elvaria government to rewrite data retention rules after ruling",
		`Elvaria's interior minister said the government would draft a new data retention law after the supreme court annulled the old one 5-2.

Justice Miriam Castell's majority opinion said storing every citizen's call records was disproportionate.`},
	// 7: space launch
	{7, "2025-09-18 03:00", "Orbis rocket puts Meridian-3 weather satellite in orbit",
		`An Orbis-2 rocket lifted off from the Kestrel Point spaceport at 2:14 a.m. and placed the Meridian-3 weather satellite into orbit, the space agency said.

The 2.1-tonne satellite will monitor storms over the Atlantic.`},
	{7, "2025-09-18 07:15", "Meridian-3 sends first signals after Kestrel Point launch",
		`The Meridian-3 weather satellite sent its first signals hours after launching on an Orbis-2 rocket from Kestrel Point.

Mission director Hana Sato said the solar panels had deployed as planned.`},
	{7, "2025-09-18 12:00", "Orbis-2 booster lands after Meridian-3 launch",
		`The first stage of the Orbis-2 rocket that launched the Meridian-3 satellite landed on a barge off Kestrel Point, the first successful recovery for the rocket.

Mission director Hana Sato called it "a perfect night".`},
	// 8: trade deal
	{8, "2025-09-18 09:30", "Kestavia and Ostrel sign free trade agreement",
		`Kestavia and Ostrel signed a free trade agreement on Thursday that will remove tariffs on 96% of goods over ten years.

Trade ministers Lena Vogt and Pavel Rudnik signed the deal in Ostrel's capital, Sarvik.`},
	{8, "2025-09-18 14:00", "Farmers wary of Kestavia-Ostrel trade pact",
		`Farmers' groups in Kestavia warned that the trade agreement signed with Ostrel in Sarvik would expose them to cheap dairy imports.

Minister Lena Vogt said the pact, which ends tariffs on 96% of goods, included safeguards for agriculture.`},
	{8, "2025-09-18 18:20", "Ostrel parliament to vote on Kestavia trade deal next month",
		`Ostrel's parliament will vote in October on the free trade agreement signed with Kestavia on Thursday, trade minister Pavel Rudnik said.

The deal would scrap tariffs on 96% of goods traded between the two countries.`},
	// 9: outbreak
	{9, "2025-09-18 08:45", "Cholera outbreak in Tembeni district kills 12",
		`A cholera outbreak in Tembeni district has killed 12 people and sickened more than 300 since last week, health officials said on Thursday.

The health ministry sent a rapid response team and 20,000 doses of oral vaccine.`},
	{9, "2025-09-18 13:30", "Tembeni cholera: vaccination campaign starts as cases pass 300",
		`Health workers began vaccinating residents of Tembeni on Thursday as a cholera outbreak that has killed 12 people spread to three more villages.

District medical officer Grace Wanjiru said contaminated wells were the likely source.`},
	{9, "2025-09-18 17:10", "Wells blamed for Tembeni cholera outbreak",
		`Contaminated wells are the probable source of the cholera outbreak in Tembeni district, where 12 people have died and over 300 fallen ill, officials said.

Grace Wanjiru, the district medical officer, urged residents to boil drinking water.`},
}

// president: one person in two unrelated stories on one day. A shared
// name must not outweigh everything else the articles say.
var president = []doc{
	{0, "2025-03-12 10:00", "Villanueva visits quake-hit Caylloma, promises rebuilding fund",
		`President Rosa Villanueva toured the villages of Yanque and Achoma on Wednesday, a day after a magnitude 6.8 earthquake killed 17 people in Caylloma province, and promised a 200 million sol reconstruction fund.

Villanueva met families sheltering in tents in the Colca valley and said adobe homes would be rebuilt with reinforced brick.`},
	{0, "2025-03-12 13:30", "Peru leader pledges 200 million soles for Colca valley after earthquake",
		`Peru's president, Rosa Villanueva, pledged 200 million soles to rebuild homes destroyed by Tuesday's earthquake in the Colca valley, where 17 people died.

Speaking in Achoma, she said engineers would inspect every school in Caylloma before classes resume.`},
	{0, "2025-03-12 18:00", "In Yanque, Villanueva hears anger over slow quake aid",
		`Residents of Yanque told President Rosa Villanueva on Wednesday that tents and water had been slow to arrive after the earthquake that flattened the Andean village.

The president said the army would fly supplies from Arequipa and that the Caylloma reconstruction fund would be paid out within a month.`},
	{1, "2025-03-12 09:00", "Villanueva names Herrera finance minister in cabinet reshuffle",
		`President Rosa Villanueva replaced her finance minister on Wednesday, naming central bank economist Tomás Herrera to the post in a reshuffle of five cabinet seats.

Herrera, 52, replaces Diana Quispe, who resigned last week over a dispute about the pension reform bill.`},
	{1, "2025-03-12 12:15", "Peru's new finance minister Herrera vows to pass pension reform",
		`Tomás Herrera, sworn in as Peru's finance minister by President Rosa Villanueva, said his first task would be to get the pension reform bill through Congress.

Investors welcomed the appointment; the sol gained 0.6% against the dollar.`},
	{1, "2025-03-12 16:40", "Reshuffle: Villanueva brings in Herrera, drops four ministers",
		`Rosa Villanueva reshuffled five cabinet posts on Wednesday, bringing in Tomás Herrera at the finance ministry after Diana Quispe quit over pension reform.

The president also named new ministers of energy, transport, labour and housing.`},
}
