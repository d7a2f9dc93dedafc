// What each of the seven steps of the Dilemma-wijzer is for, a few prompts to start writing, and one
// invented dilemma worked through all seven steps. Pure content, written for this project in Dutch at
// level B1 (short sentences, everyday words, "je") with a plain English translation; it is not text from
// the official guide. The example is fictional: no real people and no real case.

export interface StepGuidance {
  /** What the step is for and why it helps: two to four short sentences. */
  intro: string;
  /** Two or three prompts that help the person start writing. */
  tips: string[];
  /** What someone could fill in at this step, one paragraph per entry, continuing one example. */
  example: string[];
}

export type GuidanceLanguage = "nl" | "en";
/** The numbers of the seven steps, as in the Dilemma-wijzer's step list. */
export type GuidanceStep = 1 | 2 | 3 | 4 | 5 | 6 | 7;

export const STEP_GUIDANCE: Record<GuidanceLanguage, Record<GuidanceStep, StepGuidance>> = {
  nl: {
    1: {
      intro:
        "In deze stap schrijf je op wat er is gebeurd. Nog zonder oordeel en nog zonder oplossing. Zo zie je beter wat er echt speelt. Je zoekt ook het moment waarop je moet kiezen.",
      tips: [
        "Schrijf op wat er echt gebeurde, alsof je het aan een collega vertelt.",
        "Wie deed of zei wat, en wanneer?",
        "Wanneer moet je uiterlijk iets doen? Dat is het moment waar het om draait.",
      ],
      example: [
        "Ik ben beleidsmedewerker op een ministerie. Ik schrijf mee aan een brief van de minister aan de Tweede Kamer over een subsidie voor het isoleren van woningen. Een onderzoeksbureau heeft onderzocht hoe de regeling werkt. De conceptbrief zegt dat de regeling goed werkt, omdat veel mensen meedoen. Maar het onderzoek is kritischer. Vooral huishoudens met een hoger inkomen en een eigen huis gebruiken de subsidie. Huurders en mensen met weinig geld bereikt de regeling bijna niet. En er wordt minder energie bespaard dan verwacht. Die punten staan niet in de brief. De politiek assistent van de minister heeft de belangrijkste boodschap al bedacht: ‘De regeling is een succes.’",
        "Het moment: morgen om twaalf uur gaat de brief naar de minister. Volgende week is er een debat in de Kamer. Als ik iets wil veranderen, moet dat vandaag.",
      ],
    },
    2: {
      intro:
        "Een dilemma is een keuze waarbij elke kant een nadeel heeft. Schrijf de twee mogelijkheden op waartussen je twijfelt. Schrijf bij allebei op wat er dan misgaat. Zo zie je dat geen enkele keuze gratis is.",
      tips: [
        "Maak het zo concreet mogelijk: ik moet kiezen tussen A en B.",
        "Wat gaat er mis als je A kiest? En wat als je B kiest?",
        "Denk ook aan wat een keuze jou zelf kost.",
      ],
      example: [
        "A: Ik laat de brief zoals hij is en noem de kritiek uit het onderzoek kort in een bijlage.",
        "Wat misgaat bij A: De Kamer krijgt een mooier beeld dan het onderzoek laat zien. Komt dat later uit, dan lijkt het alsof de minister iets wilde verstoppen. En de regeling blijft mensen met weinig geld missen.",
        "B: Ik schrijf de brief om, zodat de belangrijkste kritiek in de brief zelf staat.",
        "Wat misgaat bij B: De politiek assistent en misschien ook mijn directeur vinden dat ik tegen de lijn van de minister in ga. De minister kan zich vlak voor het debat klem gezet voelen. Het kan mij vertrouwen kosten.",
      ],
    },
    3: {
      intro:
        "Bij een dilemma zijn meer mensen betrokken dan jij alleen. In deze stap kijk je door hun ogen: wat hebben zij nodig? Denk aan de burger, de samenleving, de minister, je organisatie, je collega's en jezelf. Mist er iemand, voeg die dan toe.",
      tips: [
        "Schrijf per betrokkene op wat die nodig heeft.",
        "Wie heeft de minste stem, maar wel de meeste last?",
        "Vergeet jezelf niet. Wat heb jij nodig om goed te kunnen werken?",
      ],
      example: [
        "Burger: Ik huur een oud huis en mijn energierekening is hoog. Ik wil weten of er ook iets voor mij komt.",
        "Samenleving: De samenleving wil weten of het geld goed wordt besteed en of de regeling haar doel haalt.",
        "Minister: De minister wil laten zien dat de regeling werkt. Ze moet de Kamer ook volledig en juist informeren. En ze wil in het debat niet verrast worden.",
        "Organisatie: Het ministerie wil de minister goed helpen. En het wil voor de Kamer een bron zijn waar je op kunt rekenen.",
        "Collega's: Collega's bij de uitvoering horen elke dag dat huurders niet mee kunnen doen. Zij willen dat er iets met hun signalen gebeurt.",
        "Ik: Ik wil loyaal zijn aan de minister. Maar ik wil geen brief schrijven waarvan ik weet dat hij maar half klopt.",
        "Ook betrokken, de onderzoekers: Zij willen dat hun conclusies eerlijk in de brief komen.",
        "Ook betrokken, de Tweede Kamer: De Kamer heeft volledige informatie nodig om de minister te kunnen controleren.",
      ],
    },
    4: {
      intro:
        "Nu kijk je welke principes en waarden uit de gids hier spelen. De app stelt principes voor op basis van wat je schreef. Jij beslist: neem een voorstel over of wijs het af. Je mag ook zelf andere principes en waarden kiezen.",
      tips: [
        "Welk principe lijkt het meest op jouw probleem? Lees de vragen die daarbij staan.",
        "Welke twee waarden trekken hier een andere kant op?",
        "Past een voorstel niet? Wijs het dan gerust af.",
      ],
      example: [
        "Spreek loyaal tegen: De minister moet weten wat het onderzoek echt zegt, ook als dat slecht uitkomt. Dat is juist mijn taak.",
        "Laat zien hoe keuzes zijn gemaakt: De Kamer moet kunnen zien wat goed gaat, wat niet, en wat de minister daarmee doet.",
        "Let op wat mensen nodig hebben en wat rechtvaardig is: De subsidie helpt vooral mensen die het al goed hebben. Huurders en mensen met weinig geld doen bijna niet mee.",
        "Waarden: Betrouwbaarheid en zorgvuldigheid, want de Kamer moet op de brief kunnen rekenen. Onafhankelijkheid en onpartijdigheid, want mijn advies mag niet politiek gekleurd zijn. Effectiviteit, want de vraag is of de regeling haar doel haalt.",
        "Afgewezen voorstel: Werk vanuit vertrouwen in burgers. De app stelde dit voor, maar het gaat hier niet om wantrouwen tegenover burgers.",
      ],
    },
    5: {
      intro:
        "Vaak lijkt het alsof je maar twee keuzes hebt. Meestal zijn er meer. In deze stap zoek je andere wegen naast A en B. Een derde weg maakt de schade soms veel kleiner.",
      tips: [
        "Wat zou een collega doen die er heel anders naar kijkt?",
        "Kun je A en B combineren, of iets eerst doen en iets later?",
        "Met wie kun je praten voordat je kiest?",
      ],
      example: [
        "C: Ik praat vandaag nog met mijn directeur. Ik neem het onderzoek en de conceptbrief mee en laat zien waar ze verschillen.",
        "D: Ik geef de minister twee korte versies van de belangrijkste boodschap, met de voor- en nadelen van allebei. Zij kiest zelf.",
        "E: De brief noemt de kritiek en ook wat de minister eraan gaat doen, bijvoorbeeld een proef voor huurders. Dan is het niet alleen slecht nieuws, maar ook een plan.",
        "F: Ik vraag de onderzoekers of mijn samenvatting van hun conclusies klopt.",
      ],
    },
    6: {
      intro:
        "Nu kies je. Er is geen keuze zonder nadeel, en dat mag je eerlijk opschrijven. Schrijf op waarom je kiest, en wat het kost. Bedenk ook hoe je de schade zo klein mogelijk maakt.",
      tips: [
        "Wat weegt voor jou het zwaarst, en waarom?",
        "Welk nadeel neem je op de koop toe? Kun je dat uitleggen?",
        "Wat kun je doen om de nadelen kleiner te maken?",
      ],
      example: [
        "Ik kies: De belangrijkste kritiek uit het onderzoek komt in de brief zelf, naast wat goed gaat. Met een voorstel om de regeling beter te laten werken voor huurders. Zo leg ik het aan de minister voor.",
        "Omdat: De Kamer moet kunnen vertrouwen op wat de minister schrijft. En de minister staat sterker in het debat als ze de kritiek zelf noemt, dan als een Kamerlid die uit het rapport haalt.",
        "Ook al: De politiek assistent zal dit niet fijn vinden. Het kan mij krediet kosten, en de brief klinkt minder feestelijk.",
        "Ik beperk de schade door: Eerst met mijn directeur te praten en de politiek assistent vooraf te bellen. Het succes, veel deelnemers, noem ik gewoon in de brief. En de minister krijgt twee versies, zodat zij zelf beslist.",
      ],
    },
    7: {
      intro:
        "Een goede keuze kun je uitleggen. In deze stap bedenk je wie je wat vertelt, en wanneer. Zo kunnen anderen je keuze volgen, ook als ze het er niet mee eens zijn. En later weet je zelf nog waarom je zo koos.",
      tips: [
        "Wie moet het als eerste van jou horen, en niet van een ander?",
        "Wat leg je vast, en waar kunnen anderen het terugvinden?",
        "Wat doe je als er anders wordt besloten dan jij adviseert?",
      ],
      example: [
        "Vandaag: Ik vertel mijn directeur wat ik heb veranderd en waarom. Ik bel de politiek assistent, zodat hij niet verrast wordt.",
        "Morgen: In de nota aan de minister staat bovenaan dat het onderzoek kritischer is dan de eerste conceptbrief. Beide versies zitten erbij, met mijn advies.",
        "Deze week: Ik vraag de onderzoekers of de samenvatting klopt. Ik laat de collega's van de uitvoering weten dat hun signalen in de nota staan.",
        "Na het besluit: Ik leg in het dossier vast wat ik adviseerde en wat de minister koos. Kiest ze toch voor de eerste versie? Dan voer ik dat loyaal uit. Wel zorg ik dat het hele onderzoek met de brief meegaat.",
      ],
    },
  },
  en: {
    1: {
      intro:
        "In this step you write down what happened. Without judging yet, and without a solution yet. That way you see better what is really going on. You also look for the moment at which you must choose.",
      tips: [
        "Write down what really happened, as if you were telling a colleague.",
        "Who did or said what, and when?",
        "By when must you act at the latest? That is the moment that matters.",
      ],
      example: [
        "I am a policy officer at a ministry. I help write a letter from the minister to the House of Representatives about a grant for insulating homes. A research firm has studied how the scheme works. The draft letter says the scheme works well, because many people take part. But the study is more critical. Mainly households with a higher income and a home of their own use the grant. The scheme hardly reaches tenants and people with little money. And less energy is saved than expected. These points are not in the letter. The minister's political assistant has already thought of the main message: ‘The scheme is a success.’",
        "The moment: tomorrow at twelve the letter goes to the minister. Next week there is a debate in the House. If I want to change something, it has to be today.",
      ],
    },
    2: {
      intro:
        "A dilemma is a choice where each side has a drawback. Write down the two options you are torn between. For both, write down what then goes wrong. That way you see that no choice comes for free.",
      tips: [
        "Make it as concrete as you can: I must choose between A and B.",
        "What goes wrong if you choose A? And what if you choose B?",
        "Also think of what a choice costs you yourself.",
      ],
      example: [
        "A: I leave the letter as it is and mention the criticism from the study briefly in an annex.",
        "What goes wrong with A: The House gets a rosier picture than the study shows. If that comes out later, it looks as if the minister wanted to hide something. And the scheme keeps missing people with little money.",
        "B: I rewrite the letter, so that the main criticism is in the letter itself.",
        "What goes wrong with B: The political assistant, and perhaps my director too, feel that I am going against the minister's line. The minister may feel cornered just before the debate. It may cost me trust.",
      ],
    },
    3: {
      intro:
        "A dilemma involves more people than just you. In this step you look through their eyes: what do they need? Think of the citizen, society, the minister, your organisation, your colleagues and yourself. If someone is missing, add them.",
      tips: [
        "For each person involved, write down what they need.",
        "Who has the least say, but the most to lose?",
        "Do not forget yourself. What do you need to do your work well?",
      ],
      example: [
        "Citizen: I rent an old house and my energy bill is high. I want to know whether something is coming for me too.",
        "Society: Society wants to know whether the money is well spent and whether the scheme reaches its goal.",
        "Minister: The minister wants to show that the scheme works. She must also inform the House fully and correctly. And she does not want to be surprised in the debate.",
        "Organisation: The ministry wants to help the minister well. And it wants to be a source the House can rely on.",
        "Colleagues: Colleagues in implementation hear every day that tenants cannot take part. They want something to be done with what they report.",
        "Me: I want to be loyal to the minister. But I do not want to write a letter that I know is only half true.",
        "Also involved, the researchers: They want their conclusions to appear fairly in the letter.",
        "Also involved, the House of Representatives: The House needs complete information to be able to hold the minister to account.",
      ],
    },
    4: {
      intro:
        "Now you look at which principles and values from the guide are at play here. The app suggests principles based on what you wrote. You decide: accept a suggestion or dismiss it. You may also choose other principles and values yourself.",
      tips: [
        "Which principle looks most like your problem? Read the questions that go with it.",
        "Which two values pull in different directions here?",
        "Does a suggestion not fit? Then feel free to dismiss it.",
      ],
      example: [
        "Spreek loyaal tegen (speak up loyally): The minister must know what the study really says, even if it comes at a bad time. That is exactly my job.",
        "Laat zien hoe keuzes zijn gemaakt (show how choices were made): The House must be able to see what goes well, what does not, and what the minister does about it.",
        "Let op wat mensen nodig hebben en wat rechtvaardig is (pay attention to what people need and what is just): The grant mainly helps people who are already well off. Tenants and people with little money hardly take part.",
        "Values: Reliability and care, because the House must be able to rely on the letter. Independence and impartiality, because my advice must not be coloured by politics. Effectiveness, because the question is whether the scheme reaches its goal.",
        "Dismissed suggestion: Werk vanuit vertrouwen in burgers (work from trust in citizens). The app suggested it, but this case is not about distrust of citizens.",
      ],
    },
    5: {
      intro:
        "It often seems as if you have only two choices. Usually there are more. In this step you look for other ways besides A and B. A third way sometimes makes the damage much smaller.",
      tips: [
        "What would a colleague do who sees it very differently?",
        "Can you combine A and B, or do one thing first and another later?",
        "Whom can you talk to before you choose?",
      ],
      example: [
        "C: I talk to my director today. I bring the study and the draft letter and show where they differ.",
        "D: I give the minister two short versions of the main message, with the pros and cons of each. She chooses herself.",
        "E: The letter mentions the criticism and also what the minister will do about it, for example a trial for tenants. Then it is not only bad news, but also a plan.",
        "F: I ask the researchers whether my summary of their conclusions is correct.",
      ],
    },
    6: {
      intro:
        "Now you choose. There is no choice without a drawback, and you may write that down honestly. Write down why you choose, and what it costs. Also think about how to keep the damage as small as possible.",
      tips: [
        "What weighs most for you, and why?",
        "Which drawback do you accept? Can you explain that?",
        "What can you do to make the drawbacks smaller?",
      ],
      example: [
        "I choose: The main criticism from the study goes into the letter itself, next to what goes well. With a proposal to make the scheme work better for tenants. That is how I put it to the minister.",
        "Because: The House must be able to trust what the minister writes. And the minister is stronger in the debate if she names the criticism herself than if a member of parliament takes it from the report.",
        "Even though: The political assistant will not like this. It may cost me credit, and the letter sounds less festive.",
        "I limit the damage by: First talking to my director and calling the political assistant beforehand. I simply mention the success, many participants, in the letter. And the minister gets two versions, so that she decides herself.",
      ],
    },
    7: {
      intro:
        "A good choice is one you can explain. In this step you think about whom you tell what, and when. That way others can follow your choice, even if they do not agree. And later you still know why you chose as you did.",
      tips: [
        "Who should hear it from you first, and not from someone else?",
        "What do you record, and where can others find it?",
        "What do you do if the decision differs from your advice?",
      ],
      example: [
        "Today: I tell my director what I changed and why. I call the political assistant, so that he is not surprised.",
        "Tomorrow: The memo to the minister says at the top that the study is more critical than the first draft letter. Both versions are attached, with my advice.",
        "This week: I ask the researchers whether the summary is correct. I let the colleagues in implementation know that what they reported is in the memo.",
        "After the decision: I record in the file what I advised and what the minister chose. Does she still choose the first version? Then I carry that out loyally. But I make sure the full study goes along with the letter.",
      ],
    },
  },
};

/** The guidance for a step, or undefined for a number that is not one of the seven steps. */
export function guidanceFor(language: GuidanceLanguage, step: number): StepGuidance | undefined {
  return isGuidanceStep(step) ? STEP_GUIDANCE[language][step] : undefined;
}

const isGuidanceStep = (step: number): step is GuidanceStep =>
  Number.isInteger(step) && step >= 1 && step <= 7;
