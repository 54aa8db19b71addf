package synth

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// filler draws Dutch-looking words from fixed lists. It is a splitmix64
// sequence of our own rather than math/rand, so that the text of a seed
// never changes with the Go release.
type filler struct{ state uint64 }

func newFiller(seed uint64) *filler {
	return &filler{state: seed*0x9E3779B97F4A7C15 + 0x2545F4914F6CDD1D}
}

func (f *filler) next() uint64 {
	f.state += 0x9E3779B97F4A7C15
	z := f.state
	z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9
	z = (z ^ (z >> 27)) * 0x94D049BB133111EB
	return z ^ (z >> 31)
}

// intn returns a number in [0, n).
func (f *filler) intn(n int) int { return int(f.next() % uint64(n)) }

func (f *filler) pick(list []string) string { return list[f.intn(len(list))] }

// sentence returns a sentence of about n words, as words, the first one
// capitalised and the last one ending in a full stop.
func (f *filler) sentence(n int) []string {
	words := make([]string, n)
	for i := range words {
		switch i % 4 {
		case 1:
			words[i] = f.pick(smallWords)
		case 3:
			words[i] = f.pick(verbs)
		default:
			words[i] = f.pick(nouns)
		}
	}
	if n > 7 && f.intn(3) == 0 {
		words[n/2] += ","
	}
	words[0] = capitalise(words[0])
	words[n-1] += "."
	return words
}

// paragraph returns sentences of 6 to 14 parts until it holds at least
// n words, as parts (a part is one word or a noun with its article).
func (f *filler) paragraph(n int) []string {
	var parts []string
	words := 0
	for words < n {
		s := f.sentence(6 + f.intn(9))
		for _, p := range s {
			words += strings.Count(p, " ") + 1
		}
		parts = append(parts, s...)
	}
	return parts
}

func capitalise(s string) string {
	r, size := utf8.DecodeRuneInString(s)
	return string(unicode.ToUpper(r)) + s[size:]
}

// slug turns a label into a file name: lower-case ASCII words joined by hyphens.
func slug(label string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(label) {
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' {
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			dash = false
			b.WriteRune(r)
		} else {
			dash = true
		}
	}
	return b.String()
}

// roles are the profiles below the start page, one per choice of the
// start page, so there are as many as a menu has choices.
var roles = [fanOut]string{
	"Wettelijk Vertegenwoordiger", "Verantwoordelijke Toegangen", "Lokale Beheerder", "Gebruiker",
	"Boekhouder", "Sociaal Secretariaat", "Mandataris", "Dienstverlener", "Zaakvoerder", "Consulent",
}

// taskNouns and taskVerbs make the labels of menus and answers.
var taskNouns = []string{
	"roltoekenning", "toegang", "mandaat", "onderneming", "vestiging", "gebruiker", "aanvraag",
	"machtiging", "hoedanigheid", "rekening", "profiel", "applicatie", "dossier", "aangifte",
	"attest", "registratie", "volmacht", "medewerker", "beheerder", "contactgegeven", "factuur",
	"betaling", "verklaring", "inschrijving", "wijziging", "overeenkomst", "bijlage", "melding",
}

var taskVerbs = []string{
	"aanvragen", "stopzetten", "wijzigen", "bekijken", "beheren", "activeren", "aanstellen",
	"intrekken", "verlengen", "opzoeken", "registreren", "bevestigen", "doorgeven", "afdrukken",
	"overdragen", "schrappen", "controleren", "indienen",
}

// nouns, smallWords and verbs make the filler sentences.
var nouns = []string{
	"de onderneming", "het portaal", "een gebruiker", "de beheerder", "jouw rol", "de toegang",
	"het mandaat", "de aanvraag", "het formulier", "de gegevens", "de dienst", "een medewerker",
	"het rijksregisternummer", "de vertegenwoordiger", "het ondernemingsnummer", "de toepassing",
	"de instelling", "het overzicht", "de bevestiging", "een e-mail", "de termijn", "het dossier",
	"de stappen", "de inlogpagina", "je identiteitskaart", "de sociale zekerheid", "de applicatie",
	"de vestigingseenheid", "het contactcenter", "de hoedanigheid", "de lijst", "het scherm",
}

var smallWords = []string{
	"van", "voor", "met", "op", "bij", "in", "via", "na", "door", "zonder", "tijdens", "volgens",
	"binnen", "naast", "over", "onder", "tegen", "tot", "uit", "om",
}

var verbs = []string{
	"kiezen", "aanvragen", "bevestigen", "openen", "invullen", "bekijken", "controleren", "vinden",
	"aanduiden", "opslaan", "versturen", "wijzigen", "beheren", "ontvangen", "aanmelden", "toekennen",
	"stopzetten", "verlengen", "gebruiken", "registreren", "doorlopen", "afronden", "nakijken",
}
