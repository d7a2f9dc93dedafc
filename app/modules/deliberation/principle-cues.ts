// Words that signal each principle of the guide in how people describe their own dilemma. They add to
// what the suggester learns from the guide's own text and the dilemma cards. A review (2026-12) found
// that 28 of the first words occurred in the evaluation set's descriptions but nowhere in the guide or
// the cards, nearly always in a case labelled with that same principle: taken from the test set. They
// were removed, and `principle-cues.test.ts` fails if a word that occurs in the evaluation set but in
// neither the guide nor the cards comes back. Whether words the guide or cards also use were picked
// while reading the test set cannot be checked afterwards; only a new, held-out set would tell.
import type { Principle } from "../dilemmas/dilemma-tags.ts";

export const PRINCIPLE_CUES: Record<Principle, string> = {
  "vertrouwen-in-burgers":
    "vertrouwen wantrouwen argwaan verdacht verdenking verdachte fraude misbruik oplichting controle " +
    "controleren controles extra steekproef bewijsstukken bonnetjes aantonen vooraf achteraf goede " +
    "trouw bedoeling sanctie boete aanvragers aanvraag aanvragen melding anoniem tip uitzoeken " +
    "onderzoek",
  "luister-naar-burgers":
    "luisteren gesprek gesprekken horen ervaring ervaringen ervaren inspraak participatie bewoners " +
    "omwonenden bewonersavond klacht klachten klagen feedback reactie reacties mening meningen " +
    "enquete panel spreekuur meedenken betrekken betrokkenheid signalen stem geluid begrijpelijk " +
    "onbegrijpelijk taal brief brieven uitleg vragen belt bellen telefoontjes consultatie raadplegen " +
    "ophalen klantreis",
  "wat-mensen-nodig-hebben":
    "nodig behoefte behoeften eerlijk oneerlijk rechtvaardig onrechtvaardig ongelijk gelijk gelijke " +
    "kansen kwetsbaar kwetsbare arm armoede schulden schuld toegang toegankelijk digitaal offline " +
    "ouderen bereikbaar uitkomst onredelijk redelijk bestaanszekerheid hulp steun ondersteuning " +
    "toeslag toeslagen recht rechten achterstand uitsluiten uitgesloten discriminatie discrimineren " +
    "afkomst vooroordeel selectie",
  "laat-zien-hoe-je-kiest":
    "transparant transparantie openbaar openbaarheid open woo woo-verzoek informatieverzoek " +
    "uitleggen verantwoorden verantwoording motiveren motivering onderbouwen onderbouwing afweging " +
    "afwegingen toelichting toelichten documenteren vastleggen notulen verslag zwartmaken verzwijgen " +
    "weglaten publiceren publicatie rapport cijfers nota navolgbaar inzichtelijk archief mails " +
    "besluitvorming waarom",
  "de-opgave-centraal":
    "samenwerken samenwerking afdeling afdelingen directie directies ministerie ministeries " +
    "organisaties gemeente gemeenten provincie ketenpartner ketenpartners keten grens grenzen " +
    "verkokering silo eigenbelang budget bevoegdheid bevoegd verantwoordelijk portefeuille " +
    "uitvoering uitvoerbaar uitvoerbaarheid integraal domein partners partner regie samen productie " +
    "targets kpi doelen afrekenen overdragen doorschuiven niemand",
  "menselijke-maat":
    "mens mensen persoon persoonlijk persoonlijke dossier systeem systemen algoritme automatisch " +
    "geautomatiseerd maatwerk uitzondering uitzonderingen hardheidsclausule situatie schrijnend " +
    "gevolgen terugvordering terugvorderen invordering beslag regel regels standaard computer " +
    "menselijk ziek ziekte overleden rouw gezin kinderen stress contact oog noodrem profiel " +
    "risicoprofiel postcode",
  "loyale-tegenspraak":
    "minister ministers bewindspersoon staatssecretaris politiek politieke politici partij directeur " +
    "dg sg leidinggevende baas top tegenspreken tegengaan kritiek kritisch waarschuwen waarschuwing " +
    "ongewenst onwelkom neutraal neutraliteit loopbaan carriere promotie beoordeling advies " +
    "adviseren adviseur loyaal loyaliteit kamer kamerbrief druk opdracht zeggen zwijgen",
};
