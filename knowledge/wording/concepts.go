package wording

import (
	_ "embed"
	"strings"
	"sync"
)

// conceptWords are the words of each protected category's subject, as the
// label brief defines the categories: what a sentence must be about to be
// risky for that category. The classifier sees a concept feature for each
// word of a concept, alone and with the sentence's frame, so that it can
// weigh "about age, as a requirement" apart from "about age, describing a
// programme", and carry what it learnt from one word to the others of its
// concept.
var conceptWords = map[string]string{
	"age": "mature maturity veteran dinosaur dinosaurs studies student students school schooling working-life lifetime pensioner pension-age age aged ages ageing aging young younger youngest youth youthful old older oldest elderly retire retired retirement retiree retirees " +
		"born birth birthday graduate graduated graduation grad grads generation millennial millennials boomer boomers zoomer " +
		"decade decades energetic fresh overqualified junior veteran runway twentysomething hoodies pensioners" + " " + numDecade + " " + numYear,
	"sex": "dependants dependents wife husband wives husbands mothers fathers lady ladies presentable pretty attractive maternal paternal nursery school-run pregnant menopause fertility ivf childbirth breastfeeding nanny male female males females man men woman women gender sex sexes guy guys gal girl girls boy boys lady ladies gentleman gentlemen " +
		"he she his her him hers himself herself mother mothers father fathers mum mom moms mums dad dads parent parents parenthood " +
		"maternity paternity pregnant pregnancy pregnancies baby babies child children kid kids family families married marriage marital " +
		"spouse spouses husband wife wives single unmarried wedding childcare caring carer carers chairman salesman salesmen foreman foremen spokesman spokesmen craftsman craftsmen chairwoman salesmen saleswoman businessman housewife housewives bloke blokes chap chaps lads manpower nonbinary trans transgender motherly fatherly maiden",
	"disability": "resilient ill speech impediment stammer stutter equipment adjustment adjustments accommodate accommodation accommodations bmi weight height smoker smokers non-smoker cancer diabetes epilepsy seizure hiv chronic sick-days sick-leave disability disabilities disabled health healthy illness illnesses ill sick sickness medical condition conditions mental " +
		"physical physically fitness stamina lift lifting stand standing walk walking climb vision eyesight sight see hear hearing " +
		"deaf blind wheelchair mobility driving licence license car vehicle drive gap gaps absence absences " +
		" medication therapy neurodivergent autism autistic dyslexia anxiety depression diagnosis diagnosed impairment bodied neurotypical dyslexic dyslexia adhd transport stamina dexterity wellness medications medication bmi weight",
	"origin": "nationality-based heritage ethnic-origin homeland mother-tongue grew raised upbringing naturalised naturalized residency resident residents refugee refugees asylum permit permits sponsorship nationality nationalities national nationals citizen citizens citizenship passport passports visa visas immigrant immigrants " +
		"immigration foreign foreigner foreigners native natives accent accents country countries origin local locals domestic " +
		"homegrown abroad overseas expat expats surname surnames name names uk eu american british english scottish welsh irish german french spanish dutch italian portuguese polish swedish danish norwegian finnish swiss austrian belgian canadian australian indian chinese japanese korean russian ukrainian nigerian pakistani mexican brazilian israeli turkish filipino vietnamese romanian bulgarian greek czech hungarian european americans brits germans indians russians ukrainians nigerians pakistanis mexicans brazilians israelis turks filipinos romanians bulgarians poles migrants africans europeans arabs america usa britain england germany france spain india china russia ukraine nigeria pakistan mexico brazil israel turkey philippines vietnam bangladesh iran iraq syria egypt poland romania bulgaria africa asia europe mandarin cantonese arabic hindi hebrew educated belarusian aussies kiwis scandinavian",
	"identity": "values value creed spiritual christianity islam judaism hinduism buddhism mass ramadan fasting sabbath halal kosher protestant catholic evangelical secular clothing jewellery dress appearance roma sinti gypsy union activism activist views religion religions religious faith church churches mosque temple synagogue christian christians muslim muslims jewish jews " +
		"hindu hindus sikh buddhist atheist atheists agnostic god pray prayer prayers worship belief beliefs race races racial ethnic " +
		"ethnicity ethnicities white black asian asians hispanic latino latina caucasian complexion colour color hair hairstyle " +
		"hairstyles dreadlocks locs braids afro beard beards headscarf hijab turban kippah yarmulke headwear covering coverings gay lesbian " +
		"straight heterosexual homosexual orientation lgbt lgbtq queer transgender political politics party partisan conservative " +
		"liberal leftist left-wing right-wing heritage ancestry descent islamic mormon biblical catholics protestants evangelicals mormons agnostics brown latinx arab african aboriginal bisexual cisgender shaven shave headscarves turbans kippahs puja pooja vegetarian veg parish nativity carols secular beliefs festivals voters tory",
	"application": "photo photos photograph photographs picture pictures headshot headshots selfie dob form field",
	"genetic": "genetic genetics gene genes dna hereditary heredity inherited inherit genome genomic genotype carrier brca siblings " +
		"sibling grandparents grandparent ancestry 23andme predisposition predispositions",
	"military": "officer officers enlisted rank ranks commissioned bundeswehr gendarmerie raf forces armed conscription conscript conscripts exempt deferred civvy military veteran veterans reservist reservists reserve reserves guard army navy marines marine forces soldier soldiers " +
		"deployment deployments deploy deployed discharge discharged drill drills duty mobilisation mobilization mobilised mobilized " +
		"recall territorial uniformed servicemember servicemembers service airforce servicemen troops uniform paras marines bundeswehr army navy commanded",
	"caste": "caste castes casteism jati varna varnas brahmin brahmins kshatriya vaishya shudra shudras dalit dalits untouchable " +
		"gotra community communities quota quotas reservation reservations subcaste priestly upper lower iyer iyers iyengar iyengars nair nairs menon menons patel patels marwari reddy reddys sharma savarna avarna bahujan jat jats rajput rajputs obc",
	"salary-history": "remuneration gross net tax statement p11d salary salaries pay paid compensation comp earn earned earning earnings income wage wages ctc payslip payslips " +
		"stub stubs w-2 w2 p60 p45 package packages bonus",
	"criminal-record": "vog conduct certificate führungszeugnis casier judiciaire disclosure juvenile criminal crime crimes conviction convictions convicted arrest arrests arrested offence offences offense offenses " +
		"offender offenders felony felonies felon felons misdemeanor misdemeanour prison jail incarceration incarcerated record records " +
		"pardon pardoned parole police court charge charged guilty dbs caution cautions spent expunged sealed dwi dwis dui duis citations adjudication custodial",
	"unpaid-work": "remunerated remuneration unremunerated charge fee fees take-home homework unpaid pay paid volunteer voluntary expenses trial trials probation probationary compensation " +
		"compensated stipend equity deferred prove cost",
}

// lexicon is more words of the concepts, one "category word" a line,
// from a lexical database rather than from anyone's job ads: the identity
// category's religions, believers, clergy, worship, holy days, ethnic
// groups, political and sexual orientations and hairstyles as WordNet
// files them (see cmd/wordnet-lexicon). A writer the project has never
// read names a faith or a people no writer it has read did; the lexicon
// lets the classifier carry what it learnt about "Muslim" to "Sikhism",
// "Hasidim" or "Pentecostalist".
//
//go:embed lexicon.txt
var lexicon string

// lexiconWords returns the words the lexicon gives each concept.
func lexiconWords() map[string][]string {
	out := map[string][]string{}
	for _, line := range strings.Split(lexicon, "\n") {
		c, w, ok := strings.Cut(strings.TrimSpace(line), " ")
		if ok && !strings.HasPrefix(c, "#") {
			out[c] = append(out[c], w)
		}
	}
	return out
}

// concepts maps a normalised word to the concepts it belongs to.
var concepts = sync.OnceValue(func() map[string][]string {
	out := map[string][]string{}
	extra := lexiconWords()
	for c, words := range conceptWords {
		for _, w := range append(strings.Fields(words), extra[c]...) {
			n := w
			if !strings.HasPrefix(w, "#") {
				n = norm(w)
			}
			if strings.HasPrefix(n, "#") && !strings.HasPrefix(w, "#") {
				continue // "23andme" is not every number
			}
			if !containsString(out[n], c) {
				out[n] = append(out[n], c)
			}
		}
	}
	return out
})

func containsString(xs []string, s string) bool {
	for _, x := range xs {
		if x == s {
			return true
		}
	}
	return false
}
