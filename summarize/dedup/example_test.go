package dedup_test

import (
	"context"
	"fmt"

	"github.com/brieftool/brief/summarize/dedup"
)

func ExampleParagraphs() {
	page := []string{
		"Pentagon chief makes surprise visit to Baghdad",
		"US Defense Secretary Lloyd Austin arrived in Baghdad on Tuesday on an unannounced visit, weeks before the 20th anniversary of the US-led invasion.",
		"Austin met Prime Minister Mohammed Shia al-Sudani and said US troops were ready to remain in Iraq at the government's invitation.",
		"Read more",
		"The visit comes as Baghdad tries to balance its ties with Washington and Tehran.",
		"Read more",
		"US Defense Secretary Lloyd Austin arrived in Baghdad on Tuesday on an unannounced visit, weeks before the 20th anni...",
	}
	for _, d := range dedup.Paragraphs(page, dedup.DefaultParams()) {
		fmt.Printf("paragraph %d repeats %d: %s (%.2f)\n", d.Index, d.Of, d.Reason, d.Similarity)
	}
	// Output:
	// paragraph 5 repeats 3: duplicate (1.00)
	// paragraph 6 repeats 1: repeated_lede (1.00)
}

func ExampleCorpus() {
	wire := []string{
		"Three people died and thousands were evacuated from their homes in northern Italy on Wednesday after torrential rain caused more than a dozen rivers to burst their banks, regional authorities said.",
		"The Emilia-Romagna region was hardest hit, with some towns receiving half their average annual rainfall in just 36 hours, according to the national civil protection agency.",
		"Rail traffic between Bologna and the Adriatic coast was suspended and dozens of roads were cut by landslides, the national railway operator and local police said.",
	}
	docs := []dedup.Doc{
		{Paragraphs: append([]string{"Floods kill three in northern Italy"}, wire...)},
		{Paragraphs: append([]string{"Italy floods: three dead"}, wire...)},
		{Paragraphs: append([]string{"Deadly floods in Italy", "A family from Leeds on holiday near Ravenna was among those rescued by boat on Wednesday, the Foreign Office said."}, wire[:2]...)},
		{Paragraphs: []string{"Copper prices rose 1.2 percent on the London Metal Exchange on Monday after workers at Chile's largest copper mine began an indefinite strike over an annual bonus."}},
	}
	res, err := dedup.Corpus(context.Background(), docs, dedup.DefaultParams())
	if err != nil {
		panic(err)
	}
	fmt.Println("duplicate of:", res.DuplicateOf)
	for _, g := range res.Groups {
		fmt.Println("source:", g.Members)
	}
	// Output:
	// duplicate of: [-1 0 -1 -1]
	// source: [0 1 2]
	// source: [3]
}
