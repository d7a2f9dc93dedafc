// The starting lists of a kris-kras round: the answer options people choose from when they sign up,
// the organisations of the central government, and the default weights and group sizes. Editors change
// the lists afterwards; these only fill an empty database. Pure: no I/O.
import type { Weights } from "./kriskras-kinds.ts";

/** The attributes whose answer options editors keep in `kriskras_answer_options`. */
export const OPTION_ATTRIBUTES = [
  "workKind",
  "scaleBand",
  "serviceBand",
  "region",
  "organisationKind",
] as const;
export type OptionAttribute = (typeof OPTION_ATTRIBUTES)[number];

export interface AnswerOptionDefault {
  key: string;
  labelNl: string;
  labelEn: string;
}

const option = (key: string, labelNl: string, labelEn: string): AnswerOptionDefault => ({
  key,
  labelNl,
  labelEn,
});

/** The same keys as the profile's kind of work (accounts), so the two can be compared. */
const WORK_KINDS = [
  option("beleid", "Beleid", "Policy"),
  option("uitvoering", "Uitvoering", "Implementation"),
  option("toezicht", "Toezicht", "Supervision"),
  option("ondersteuning", "Ondersteuning", "Support"),
  option("leidinggeven", "Leidinggeven", "Management"),
  option("anders", "Anders", "Other"),
];

// Bands of the central government's salary scales (BBRA): roughly support, medior, senior, top.
const SCALE_BANDS = [
  option("schaal-1-7", "Schaal 1 tot en met 7", "Scale 1 to 7"),
  option("schaal-8-10", "Schaal 8 tot en met 10", "Scale 8 to 10"),
  option("schaal-11-12", "Schaal 11 of 12", "Scale 11 or 12"),
  option("schaal-13-14", "Schaal 13 of 14", "Scale 13 or 14"),
  option("schaal-15-hoger", "Schaal 15 of hoger", "Scale 15 or higher"),
];

const SERVICE_BANDS = [
  option("minder-dan-2", "Korter dan 2 jaar", "Less than 2 years"),
  option("2-5", "2 tot 5 jaar", "2 to 5 years"),
  option("5-10", "5 tot 10 jaar", "5 to 10 years"),
  option("10-20", "10 tot 20 jaar", "10 to 20 years"),
  option("20-meer", "20 jaar of langer", "20 years or more"),
];

// Where people mostly work. The Hague region is on its own: most ministries sit there.
const REGIONS = [
  option("noord", "Noord (Groningen, Friesland, Drenthe)", "North (Groningen, Friesland, Drenthe)"),
  option("oost", "Oost (Overijssel, Gelderland)", "East (Overijssel, Gelderland)"),
  option("midden", "Midden (Utrecht, Flevoland)", "Centre (Utrecht, Flevoland)"),
  option("noord-holland", "Noord-Holland", "North Holland"),
  option("den-haag", "Den Haag en omgeving", "The Hague and surroundings"),
  option("zuid-holland", "Zuid-Holland (buiten Den Haag)", "South Holland (outside The Hague)"),
  option("zuid", "Zuid (Zeeland, Noord-Brabant, Limburg)", "South (Zeeland, North Brabant, Limburg)"),
  option("buitenland", "Buitenland of Caribisch Nederland", "Abroad or the Caribbean Netherlands"),
];

const ORGANISATION_KINDS = [
  option("ministerie", "Ministerie", "Ministry"),
  option(
    "uitvoeringsorganisatie",
    "Uitvoeringsorganisatie of agentschap",
    "Implementing organisation or agency",
  ),
  option("inspectie", "Inspectie", "Inspectorate"),
  option("zbo", "Zelfstandig bestuursorgaan", "Independent administrative body"),
  option("anders", "Anders", "Other"),
];

export const DEFAULT_ANSWER_OPTIONS: Record<OptionAttribute, AnswerOptionDefault[]> = {
  workKind: WORK_KINDS,
  scaleBand: SCALE_BANDS,
  serviceBand: SERVICE_BANDS,
  region: REGIONS,
  organisationKind: ORGANISATION_KINDS,
};

export type OrganisationKind = (typeof ORGANISATION_KINDS)[number]["key"];

const ministry = (name: string) => ({ name: `Ministerie van ${name}`, kind: "ministerie" });
const agency = (name: string) => ({ name, kind: "uitvoeringsorganisatie" });
const inspectorate = (name: string) => ({ name, kind: "inspectie" });
const independent = (name: string) => ({ name, kind: "zbo" });

/** The ministries of the cabinet that took office in 2024, and well-known agencies and inspectorates. */
export const DEFAULT_ORGANISATIONS: { name: string; kind: string }[] = [
  ministry("Algemene Zaken"),
  ministry("Asiel en Migratie"),
  ministry("Binnenlandse Zaken en Koninkrijksrelaties"),
  ministry("Buitenlandse Zaken"),
  ministry("Defensie"),
  ministry("Economische Zaken"),
  ministry("Financiën"),
  ministry("Infrastructuur en Waterstaat"),
  ministry("Justitie en Veiligheid"),
  ministry("Klimaat en Groene Groei"),
  ministry("Landbouw, Visserij, Voedselzekerheid en Natuur"),
  ministry("Onderwijs, Cultuur en Wetenschap"),
  ministry("Sociale Zaken en Werkgelegenheid"),
  ministry("Volksgezondheid, Welzijn en Sport"),
  ministry("Volkshuisvesting en Ruimtelijke Ordening"),
  agency("Belastingdienst"),
  agency("Dienst Toeslagen"),
  agency("Douane"),
  agency("Rijkswaterstaat"),
  agency("Dienst Uitvoering Onderwijs (DUO)"),
  agency("Immigratie- en Naturalisatiedienst (IND)"),
  agency("Dienst Justitiële Inrichtingen (DJI)"),
  agency("Centraal Justitieel Incassobureau (CJIB)"),
  agency("Rijksdienst voor Ondernemend Nederland (RVO)"),
  agency("Rijksvastgoedbedrijf"),
  agency("Logius"),
  agency("Rijksinstituut voor Volksgezondheid en Milieu (RIVM)"),
  agency("Koninklijk Nederlands Meteorologisch Instituut (KNMI)"),
  agency("Rijksdienst voor het Cultureel Erfgoed"),
  agency("Nationaal Archief"),
  agency("Dienst Publiek en Communicatie"),
  inspectorate("Inspectie Leefomgeving en Transport (ILT)"),
  inspectorate("Inspectie Gezondheidszorg en Jeugd (IGJ)"),
  inspectorate("Nederlandse Voedsel- en Warenautoriteit (NVWA)"),
  inspectorate("Inspectie van het Onderwijs"),
  inspectorate("Nederlandse Arbeidsinspectie"),
  inspectorate("Inspectie Justitie en Veiligheid"),
  independent("Centraal Bureau voor de Statistiek (CBS)"),
  independent("Uitvoeringsinstituut Werknemersverzekeringen (UWV)"),
  independent("Sociale Verzekeringsbank (SVB)"),
  independent("Kadaster"),
  independent("Centraal Orgaan opvang asielzoekers (COA)"),
  independent("Dienst Wegverkeer (RDW)"),
  { name: "Andere organisatie van het Rijk", kind: "anders" },
];

/** A different organisation weighs most: meeting people from elsewhere is the point of kris-kras. */
export const DEFAULT_WEIGHTS: Weights = {
  organisation: 4,
  workKind: 2,
  scaleBand: 1,
  serviceBand: 1,
  region: 1,
};

export const DEFAULT_GROUP_SIZE = { min: 10, target: 12, max: 14 } as const;

export const MAX_WEIGHT = 10;
/** More than this is no conversation any more. */
export const MAX_GROUP_SIZE = 40;
