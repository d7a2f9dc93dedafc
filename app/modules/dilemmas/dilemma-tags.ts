// The fixed vocabularies of a dilemma card, with their Dutch labels. Pure: used by the pages, the
// validation and the content files' checks.
export const PRINCIPLES = [
  "vertrouwen-in-burgers",
  "luister-naar-burgers",
  "wat-mensen-nodig-hebben",
  "laat-zien-hoe-je-kiest",
  "de-opgave-centraal",
  "menselijke-maat",
  "loyale-tegenspraak",
] as const;

export const VALUES = [
  "rechtmatigheid",
  "rechtvaardigheid",
  "effectiviteit",
  "efficientie",
  "onafhankelijkheid-en-onpartijdigheid",
  "betrouwbaarheid-en-zorgvuldigheid",
  "eigen-verantwoordelijkheid",
] as const;

export const WORK_KINDS = ["beleid", "uitvoering", "toezicht", "ondersteuning", "leidinggeven"] as const;

export const THEMES = [
  "politiek",
  "openheid",
  "regels-en-maatwerk",
  "gelijke-behandeling",
  "data-en-algoritmen",
  "samenwerking",
  "integriteit",
  "werkdruk-en-tijd",
] as const;

export const PERSPECTIVES = ["burger", "samenleving", "minister", "organisatie", "collegas", "ik"] as const;

export type Principle = (typeof PRINCIPLES)[number];
export type Value = (typeof VALUES)[number];
export type WorkKind = (typeof WORK_KINDS)[number];
export type Theme = (typeof THEMES)[number];
export type Perspective = (typeof PERSPECTIVES)[number];
