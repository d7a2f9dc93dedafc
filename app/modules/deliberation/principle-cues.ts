// Words that signal each principle of the guide in how people describe their own dilemma, written
// from what each principle is about (not from the test descriptions). They add to what the suggester
// learns from the guide's own text and the dilemma cards.
import type { Principle } from "../dilemmas/dilemma-tags.ts";

export const PRINCIPLE_CUES: Record<Principle, string> = {
  "vertrouwen-in-burgers":
    "vertrouwen wantrouwen argwaan verdacht verdenking verdachte fraude fraudeur fraudesignaal misbruik " +
    "oplichting controle controleren controles extra steekproef verificatie bewijs bewijsstukken bonnetjes " +
    "aantonen aanleveren vooraf achteraf goede trouw opzet bedoeling sanctie handhaven handhaving " +
    "boete aanvragers aanvraag aanvragen melding anoniem tip uitzoeken onderzoek huisbezoek",
  "luister-naar-burgers":
    "luisteren gesprek gesprekken horen ervaring ervaringen ervaren inspraak participatie bewoners " +
    "omwonenden bewonersavond informatieavond klacht klachten klagen feedback reactie reacties mening " +
    "meningen enquete panel spreekuur meedenken betrekken betrokkenheid signaal signalen stem geluid " +
    "begrijpelijk onbegrijpelijk taal brief brieven uitleg vragen belt bellen telefoontjes doelgroep " +
    "consultatie raadplegen ophalen klantreis",
  "wat-mensen-nodig-hebben":
    "nodig behoefte behoeften eerlijk oneerlijk rechtvaardig onrechtvaardig ongelijk gelijk gelijke " +
    "kansen kwetsbaar kwetsbare arm armoede schulden schuld toegang toegankelijk digitaal offline " +
    "ouderen laaggeletterd laaggeletterden bereikbaar uitkomst onredelijk redelijk bestaanszekerheid " +
    "hulp steun ondersteuning toeslag toeslagen uitkering recht rechten achterstand uitsluiten uitgesloten " +
    "discriminatie discrimineren afkomst nationaliteit vooroordeel selectie",
  "laat-zien-hoe-je-kiest":
    "transparant transparantie openbaar openbaarheid open woo woo-verzoek informatieverzoek uitleggen " +
    "verantwoorden verantwoording motiveren motivering onderbouwen onderbouwing afweging afwegingen " +
    "toelichting toelichten documenteren vastleggen notulen verslag lakken zwartmaken geheim verzwijgen " +
    "weglaten publiceren publicatie rapport cijfers nota navolgbaar inzichtelijk archief mails " +
    "besluitvorming waarom",
  "de-opgave-centraal":
    "samenwerken samenwerking afdeling afdelingen directie directies ministerie ministeries organisaties " +
    "gemeente gemeenten provincie ketenpartner ketenpartners keten grens grenzen schotten verkokering " +
    "silo eigenbelang budget bevoegdheid bevoegd verantwoordelijk portefeuille uitvoering uitvoerbaar " +
    "uitvoerbaarheid uitvoerbaarheidstoets integraal domein partners partner regie samen gezamenlijk " +
    "productie targets kpi doelen afrekenen overdragen doorschuiven niemand",
  "menselijke-maat":
    "mens mensen persoon persoonlijk persoonlijke dossier systeem systemen algoritme automatisch " +
    "geautomatiseerd maatwerk uitzondering uitzonderingen hardheidsclausule situatie omstandigheden " +
    "schrijnend gevolgen terugvordering terugvorderen invordering beslag regel regels standaard " +
    "computer menselijk ziek ziekte overleden rouw gezin kinderen stress contact oog noodrem " +
    "profiel risicoprofiel postcode",
  "loyale-tegenspraak":
    "minister ministers bewindspersoon staatssecretaris politiek politieke politici partij campagne " +
    "directeur dg sg leidinggevende baas manager top tegenspreken tegengaan kritiek kritisch " +
    "waarschuwen waarschuwing ongewenst onwelkom neutraal neutraliteit loopbaan carriere promotie " +
    "beoordeling advies adviseren adviseur loyaal loyaliteit kabinet kamer kamervragen kamerbrief " +
    "druk opdracht instructie zeggen zwijgen mond",
};
