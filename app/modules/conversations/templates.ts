// Ready-made team conversations a facilitator starts from and then edits: the rounds with times and a
// guide for the facilitator, and the questions for the big screen. Pure data; the schemas that check an
// edited copy are in conversation-draft.validation.ts. The texts are the platform's own content, in B1
// Dutch, shown marked lang="nl"; they are not quotations from the guide.
import type { Principle } from "../dilemmas/dilemma-tags.ts";
import type { QuestionKind } from "./tallies.ts";

export type QuestionDraft = {
  kind: QuestionKind;
  text: string;
  /** Dilemma only: the two choices, short enough for a phone's button. */
  optionA?: string;
  optionB?: string;
  /** Dilemma only: whether "iets anders" is a third choice. */
  allowOther?: boolean;
  /** The dilemma card the question comes from, if any. */
  cardSlug?: string;
  principles: Principle[];
  /** Time for the question and its discussion. */
  minutes?: number;
};

export type ConversationRound = {
  title: string;
  minutes: number;
  guidance: string;
  /** The questions this round asks, by their place in `questions` (0 is the first). */
  asks?: number[];
};

export type ConversationTemplate = {
  key: string;
  title: string;
  description: string;
  minutes: number;
  rounds: ConversationRound[];
  questions: QuestionDraft[];
};

// Lines every script shares. The answers are anonymous, so a script never asks who chose what; the
// second round is there to hear each other's considerations, not to count who changed their mind.
const NOBODY_SAYS = "Niemand hoeft te zeggen wat hij of zij koos.";
const WHY_AGAIN =
  "Het doel is niet dat iedereen hetzelfde kiest. Het gaat erom dat jullie elkaars afwegingen horen.";
const WHAT_TO_SHOW =
  "Lees de open antwoorden eerst zelf. Kies welke je laat zien. Laat een antwoord niet zien als er een naam in staat of als het iemand kwetst.";

const TEAMOVERLEG: ConversationTemplate = {
  key: "teamoverleg",
  title: "Teamoverleg: hoe werken we?",
  description:
    "Een gesprek van 45 minuten in het gewone teamoverleg. Het gaat niet over de inhoud van het werk, maar over hoe jullie werken. Met een stelling, een dilemmakaart en een vraag om samen iets af te spreken.",
  minutes: 45,
  rounds: [
    {
      title: "Opening",
      minutes: 5,
      guidance:
        "Vertel waarom jullie dit gesprek voeren. In een teamoverleg gaat het meestal over de inhoud van het werk. Vandaag gaat het over hoe je werkt. Laat de code en de QR-code op het scherm zien. Iedereen doet mee met de eigen telefoon. De antwoorden zijn anoniem. Jij laat de uitslag pas zien als genoeg mensen hebben geantwoord.",
    },
    {
      title: "Stelling om op te warmen",
      minutes: 5,
      asks: [0],
      guidance:
        "Zet de stelling over tegenspreken op het scherm. Geef iedereen een minuut om te kiezen. Laat daarna de uitslag zien. Vraag wat mensen opvalt. Er is geen goed of fout antwoord.",
    },
    {
      title: "Een dilemma",
      minutes: 20,
      asks: [1],
      guidance: `Let op: de collega met te veel werk zit misschien aan tafel. Praat over de situatie, niet over iemand in het team. Lees de situatie van de dilemmakaart voor. Laat iedereen eerst zelf kiezen, zonder overleg. Laat dan de uitslag zien. Vraag wie iets wil zeggen over keuze A, en wie over keuze B. ${NOBODY_SAYS} Wat gaat er mis bij elke keuze? Gebruik de vragen op de kaart als het gesprek stilvalt. Stel de vraag na tien minuten praten nog een keer. ${WHY_AGAIN} Vraag wat mensen hoorden dat ze nog niet wisten.`,
    },
    {
      title: "Wat nemen we mee?",
      minutes: 10,
      asks: [2],
      guidance: `Stel de open vraag. ${WHAT_TO_SHOW} Zoek samen naar één of twee afspraken. Kies afspraken die jullie echt kunnen nakomen.`,
    },
    {
      title: "Afsluiting",
      minutes: 5,
      guidance:
        "Vat de afspraken samen in een paar zinnen. Spreek af wanneer jullie erop terugkomen. Vraag wie een volgend gesprek wil leiden. Bedank iedereen voor het meedoen.",
    },
  ],
  questions: [
    {
      kind: "schaal",
      text: "Stelling: in ons team kan ik zeggen dat ik het ergens niet mee eens ben.",
      principles: ["loyale-tegenspraak"],
      minutes: 5,
    },
    {
      kind: "dilemma",
      text: "Over drie dagen moet een Kamerbrief af. Een collega heeft al maanden te veel werk en maakt fouten. Hij vraagt je zijn deel stil te verbeteren. Volgende maand hoort hij of zijn contract vast wordt. Wat doe je?",
      optionA: "Ik verbeter zijn deel stil, zodat hij kans houdt op een vast contract.",
      optionB: "Ik help hem nu, maar zeg dat we daarna samen naar de teamleider gaan.",
      allowOther: true,
      cardSlug: "een-collega-die-het-niet-meer-trekt",
      principles: ["menselijke-maat"],
      minutes: 20,
    },
    {
      kind: "open",
      text: "Wat wil je dat we als team anders gaan doen? Schrijf één ding op.",
      principles: [],
      minutes: 10,
    },
  ],
};

const INTRODUCTIE: ConversationTemplate = {
  key: "introductie",
  title: "Introductie voor nieuwe collega's",
  description:
    "Een gesprek van een uur voor een introductieprogramma. Nieuwe collega's maken kennis met de ideeën uit de gids, met elkaar en met een dilemma. Ze merken dat lastige keuzes bij het werk horen. En dat je erover mag praten.",
  minutes: 60,
  rounds: [
    {
      title: "Welkom",
      minutes: 5,
      guidance:
        "Heet de nieuwe collega's welkom. Vertel kort wat de gids is. Het is geen lijst met regels. Het is een hulpmiddel en een uitnodiging. Laat de code en de QR-code op het scherm zien. De antwoorden zijn anoniem.",
    },
    {
      title: "Waarom de overheid?",
      minutes: 10,
      asks: [0],
      guidance: `Stel de open vraag over waarom mensen bij de overheid werken. ${WHAT_TO_SHOW} Zoek naar wat vaak terugkomt. Vraag wie er meer over wil vertellen.`,
    },
    {
      title: "De eed of belofte",
      minutes: 10,
      asks: [1],
      guidance:
        "Veel nieuwe collega's leggen de eed of belofte af. Vertel in je eigen woorden wat die vraagt. Je werkt voor het algemeen belang. Je behandelt iedereen eerlijk, gelijk en met respect. En je gaat zorgvuldig om met informatie. Stel daarna de stelling. Vraag wat mensen nog lastig of onduidelijk vinden.",
    },
    {
      title: "Een dilemma",
      minutes: 25,
      asks: [2, 3],
      guidance: `Lees de situatie van de dilemmakaart voor. Laat iedereen kiezen zonder overleg. Laat de uitslag zien en vraag naar de redenen. ${NOBODY_SAYS} Leg uit dat beide keuzes iets kosten. Daardoor is het een dilemma. Stel de vraag na het gesprek nog een keer. ${WHY_AGAIN} Sluit af met de stelling over tegenspreken. Vertel dat tegenspreken bij goed ambtelijk werk hoort.`,
    },
    {
      title: "Afsluiting",
      minutes: 10,
      asks: [4],
      guidance:
        "Stel de laatste open vraag. Bespreek een paar antwoorden. Vertel waar de gids en de dilemmakaarten staan. Noem iemand bij wie nieuwe collega's terechtkunnen met een dilemma. Bedank iedereen.",
    },
  ],
  questions: [
    {
      kind: "open",
      text: "Waarom ben je bij de overheid gaan werken?",
      principles: [],
      minutes: 10,
    },
    {
      kind: "schaal",
      text: "Stelling: ik weet wat de eed of belofte van mij vraagt in mijn dagelijkse werk.",
      principles: [],
      minutes: 5,
    },
    {
      kind: "dilemma",
      text: "De minister wil een proef tegen eenzaamheid bij ouderen, met veel aandacht van de pers. Jij weet uit onderzoek dat een rustiger aanpak via buurtteams meer ouderen bereikt. De minister kent dat onderzoek en koos toch de proef. Hoe werk je de proef uit?",
      optionA: "Ik werk de proef goed uit en noem het onderzoek kort: de minister koos al.",
      optionB: "Ik zet de proef en de buurtteams opnieuw naast elkaar, met voor- en nadelen.",
      allowOther: true,
      cardSlug: "eerst-de-minister-of-de-samenleving",
      principles: ["loyale-tegenspraak", "de-opgave-centraal", "laat-zien-hoe-je-kiest"],
      minutes: 20,
    },
    {
      kind: "schaal",
      text: "Stelling: ik durf mijn leidinggevende te zeggen dat ik iets anders zie.",
      principles: ["loyale-tegenspraak"],
      minutes: 5,
    },
    {
      kind: "open",
      text: "Welke vraag neem je mee naar je eerste weken?",
      principles: [],
      minutes: 8,
    },
  ],
};

const KRISKRAS: ConversationTemplate = {
  key: "kriskras",
  title: "Kris-kras-gesprek",
  description:
    "Een gesprek van anderhalf uur met ongeveer twaalf ambtenaren uit verschillende organisaties. Het gaat over trots op je werk, of juist niet. En over hoe je de menselijke maat terugbrengt in je werk. De deelnemers horen van elkaar hoe zij met lastige keuzes omgaan en wat zij afwegen.",
  minutes: 90,
  rounds: [
    {
      title: "Welkom",
      minutes: 5,
      guidance:
        "Heet iedereen welkom. De deelnemers komen uit verschillende organisaties en kennen elkaar meestal niet. Vertel het doel: van elkaar horen hoe je met lastige keuzes omgaat. Spreek af dat wat hier wordt verteld, in de groep blijft. Laat de code en de QR-code zien. De antwoorden zijn anoniem.",
    },
    {
      title: "Voorstellen",
      minutes: 20,
      guidance:
        "Laat iedereen zich voorstellen: naam, organisatie en soort werk. Reken op anderhalve minuut per persoon. Met twaalf mensen duurt dat bijna twintig minuten. Begin zelf, dan weten de anderen hoe kort het kan.",
    },
    {
      title: "Ronde 1: trots, of niet",
      minutes: 20,
      asks: [0, 1],
      guidance: `Stel de open vraag over een moment van trots. ${WHAT_TO_SHOW} Vraag wie er meer over wil vertellen. Zet daarna de stelling over trots op het scherm. Laat de uitslag zien als genoeg mensen hebben gekozen. Vraag wat mensen opvalt. Wie wil, vertelt waar hij of zij trots op is, of wat er beter kan. ${NOBODY_SAYS} Let op verschillen tussen organisaties. Wat kan de ene organisatie van de andere leren?`,
    },
    {
      title: "Ronde 2: de menselijke maat",
      minutes: 25,
      asks: [2, 3],
      guidance: `Begin met de stelling over ruimte om af te wijken. Lees daarna de situatie van de dilemmakaart voor. Laat iedereen eerst zelf kiezen. Laat de uitslag zien en vraag naar de afwegingen. Hoe zou dit gaan in de organisatie van de deelnemers? Wie mag daar afwijken van een regel? Stel de vraag na het gesprek nog een keer. ${WHY_AGAIN}`,
    },
    {
      title: "Ronde 3: wat neem je mee?",
      minutes: 15,
      asks: [4, 5],
      guidance:
        "Stel de open vraag over de mens achter het dossier. Zet de antwoorden die je kiest op het scherm. Bespreek er een paar. Stel daarna de laatste vraag: wat ga je volgende week anders doen? Lees een paar antwoorden voor.",
    },
    {
      title: "Afsluiting",
      minutes: 5,
      guidance:
        "Bedank iedereen voor de openheid. Vraag of de deelnemers contact met elkaar willen houden. Vertel waar de gids en de dilemmakaarten staan.",
    },
  ],
  questions: [
    {
      kind: "open",
      text: "Wanneer was je voor het laatst trots op je werk? Vertel het in een paar woorden.",
      principles: [],
      minutes: 8,
    },
    {
      kind: "schaal",
      text: "Stelling: ik ben trots op wat mijn organisatie voor mensen doet.",
      principles: ["de-opgave-centraal"],
      minutes: 10,
    },
    {
      kind: "schaal",
      text: "Stelling: in mijn werk is er ruimte om af te wijken als een regel onredelijk uitpakt.",
      principles: ["menselijke-maat"],
      minutes: 5,
    },
    {
      kind: "dilemma",
      text: "Een man vergat door te geven dat hij iets meer ging werken. Nu moet hij ruim 4.000 euro terugbetalen. Hij zorgt alleen voor twee kinderen. De regeling laat ruimte om af te wijken. Maar vorige maand stuurde je collega bij een bijna gelijk geval de terugvordering. Wat doe je?",
      optionA: "Ik stuur de terugvordering, zoals mijn collega deed, met een lange betalingsregeling.",
      optionB: "Ik vraag om af te wijken van de regel en schrijf op waarom dit geval anders is.",
      allowOther: true,
      cardSlug: "kleine-fout-grote-terugvordering",
      principles: ["menselijke-maat", "wat-mensen-nodig-hebben"],
      minutes: 20,
    },
    {
      kind: "open",
      text: "Wat helpt jou om de mens achter het dossier te zien?",
      principles: ["menselijke-maat"],
      minutes: 8,
    },
    {
      kind: "open",
      text: "Wat ga je volgende week anders doen?",
      principles: [],
      minutes: 5,
    },
  ],
};

const RIJKSTRAINEES: ConversationTemplate = {
  key: "rijkstrainees",
  title: "Bijeenkomst van rijkstrainees",
  description:
    "Een gesprek van een uur voor een bijeenkomst van rijkstrainees. Trainees werken steeds kort op een nieuwe plek. Ze zien met frisse ogen wat een team gewoon vindt. Het gesprek gaat over wat je dan doet: meedoen, of zeggen wat je ziet.",
  minutes: 60,
  rounds: [
    {
      title: "Welkom",
      minutes: 5,
      guidance:
        "Heet iedereen welkom. Vertel dat het gaat over hoe je werkt, niet over wat je doet. Laat de code en de QR-code op het scherm zien. De antwoorden zijn anoniem.",
    },
    {
      title: "Wat viel je op?",
      minutes: 10,
      asks: [0],
      guidance: `Stel de open vraag over wat je vreemd vond toen je net begon. ${WHAT_TO_SHOW} Vraag wie er meer over wil vertellen. Let op: noem geen teams of collega's bij naam.`,
    },
    {
      title: "Een dilemma uit een eerste opdracht",
      minutes: 25,
      asks: [1],
      guidance: `Lees de situatie van de dilemmakaart voor. Laat iedereen eerst zelf kiezen. Laat de uitslag zien. Vraag wie iets wil zeggen over keuze A, en wie over keuze B. ${NOBODY_SAYS} Wat kost elke keuze, en voor wie? De trainees werken op veel verschillende plekken. Vraag hoe het daar zou gaan. Stel de vraag na het gesprek nog een keer. ${WHY_AGAIN}`,
    },
    {
      title: "Als nieuwkomer tegenspreken",
      minutes: 12,
      asks: [2],
      guidance:
        "Zet de stelling op het scherm en laat de uitslag zien. Vraag wat het makkelijker maakt om als nieuwkomer iets te zeggen. En wat het moeilijk maakt. Vertel dat tegenspreken bij goed ambtelijk werk hoort. Ook als je er pas drie weken werkt.",
    },
    {
      title: "Afsluiting",
      minutes: 8,
      asks: [3],
      guidance:
        "Stel de laatste open vraag. Lees een paar antwoorden voor. Vertel waar de gids en de dilemmakaarten staan. Bedank iedereen.",
    },
  ],
  questions: [
    {
      kind: "open",
      text: "Wat vond je vreemd toen je op je huidige plek begon? En wat vind je nu gewoon?",
      principles: [],
      minutes: 8,
    },
    {
      kind: "dilemma",
      text: "Je bent drie weken rijkstrainee bij een team dat aanvragen behandelt. Stuurt iemand na twee weken de papieren niet op, dan sluit het team de aanvraag. Vaak gaat het om ouderen die je met één telefoontje verder helpt. Je collega's vinden dit normaal. Wat doe je?",
      optionA: "Ik werk zoals het team werkt en sluit de aanvragen na twee weken.",
      optionB: "Ik bel de mensen uit mijn dossiers voor ik sluit, ook al groeit mijn stapel.",
      allowOther: true,
      cardSlug: "wat-het-team-normaal-vindt",
      principles: ["menselijke-maat", "wat-mensen-nodig-hebben"],
      minutes: 20,
    },
    {
      kind: "schaal",
      text: "Stelling: als nieuwkomer kan ik zeggen wat mij opvalt, ook als het team het anders gewend is.",
      principles: ["loyale-tegenspraak"],
      minutes: 10,
    },
    {
      kind: "open",
      text: "Wat neem je mee naar je volgende opdracht?",
      principles: [],
      minutes: 5,
    },
  ],
};

const P_EN_O_DAG: ConversationTemplate = {
  key: "p-en-o-dag",
  title: "Werksessie op een P&O-dag",
  description:
    "Een werksessie van een uur op een rijksbrede P&O-dag. De deelnemers werken in P&O bij verschillende organisaties. Het gaat over lastige keuzes in hun eigen werk. En over hoe P&O teams kan helpen om over zulke keuzes te praten.",
  minutes: 60,
  rounds: [
    {
      title: "Welkom",
      minutes: 5,
      guidance:
        "Heet iedereen welkom. Vertel kort wat de gids is: een hulpmiddel en een uitnodiging, geen lijst met regels. Laat de code en de QR-code op het scherm zien. De antwoorden zijn anoniem.",
    },
    {
      title: "Stelling om te beginnen",
      minutes: 10,
      asks: [0],
      guidance: `Zet de stelling over zorgen melden op het scherm. Laat de uitslag zien als genoeg mensen hebben gekozen. Vraag wat mensen opvalt. ${NOBODY_SAYS} Let op verschillen tussen organisaties.`,
    },
    {
      title: "Een dilemma uit het P&O-werk",
      minutes: 25,
      asks: [1],
      guidance: `Lees de situatie van de dilemmakaart voor. Laat iedereen eerst zelf kiezen. Laat de uitslag zien en vraag naar de afwegingen. Wat beloof je iemand die je iets in vertrouwen vertelt? Wat ben je de teamleider en het afdelingshoofd verschuldigd? Stel de vraag na het gesprek nog een keer. ${WHY_AGAIN}`,
    },
    {
      title: "Wat kan P&O doen?",
      minutes: 15,
      asks: [2],
      guidance: `Stel de open vraag. ${WHAT_TO_SHOW} Zoek samen naar twee of drie ideeën die deelnemers in hun eigen organisatie kunnen proberen.`,
    },
    {
      title: "Afsluiting",
      minutes: 5,
      guidance:
        "Vat de ideeën samen. Vertel waar de gids en de dilemmakaarten staan. Vraag of deelnemers een gesprek in hun eigen organisatie willen leiden. Bedank iedereen.",
    },
  ],
  questions: [
    {
      kind: "schaal",
      text: "Stelling: in mijn organisatie kunnen medewerkers een zorg over hun leidinggevende veilig bespreken.",
      principles: ["menselijke-maat"],
      minutes: 8,
    },
    {
      kind: "dilemma",
      text: "Als P&O-adviseur hoorde je van twee medewerkers dat hun teamleider vaak tegen mensen uitvalt. Ze willen geen klacht indienen. Nu wil het afdelingshoofd de teamleider vast aanstellen. Hij vraagt of er iets is wat hij moet weten. Wat doe je?",
      optionA: "Ik houd voor me wat de twee medewerkers mij in vertrouwen vertelden.",
      optionB: "Ik zeg dat ik zorgen hoorde over de sfeer, zonder namen te noemen.",
      allowOther: true,
      cardSlug: "signalen-over-een-teamleider",
      principles: ["menselijke-maat", "laat-zien-hoe-je-kiest"],
      minutes: 20,
    },
    {
      kind: "open",
      text: "Hoe kan P&O teams helpen om over lastige keuzes in hun werk te praten?",
      principles: [],
      minutes: 12,
    },
  ],
};

/** The shipped templates, in the order a facilitator sees them. */
export const TEMPLATES: readonly ConversationTemplate[] = [
  TEAMOVERLEG,
  INTRODUCTIE,
  KRISKRAS,
  RIJKSTRAINEES,
  P_EN_O_DAG,
];

/** A copy of the template with this key, free to edit; undefined for an unknown key. */
export function templateFor(key: string): ConversationTemplate | undefined {
  const template = TEMPLATES.find((candidate) => candidate.key === key);
  return template ? structuredClone(template) : undefined;
}

/** The templates with at least one question about this principle, for the principle's page in the guide. */
export function templatesForPrinciple(principle: string): { key: string; title: string; minutes: number }[] {
  return TEMPLATES.filter((template) =>
    template.questions.some((question) => (question.principles as readonly string[]).includes(principle)),
  ).map(({ key, title, minutes }) => ({ key, title, minutes }));
}
