// The closed lists of a kris-kras round that the pages, the validation and the tables share. Pure, so
// a page that shows them does not bring the database schema to the browser.

/** How much someone can come to a slot. */
export const AVAILABILITY = ["ja", "als-het-moet", "nee"] as const;
export type Availability = (typeof AVAILABILITY)[number];
/** The middle answer: the person can come if there is no other way. */
export const IF_NEEDED = AVAILABILITY[1];

/** The attributes that make two people different; each has a weight per round. */
export const ATTRIBUTES = ["organisation", "workKind", "scaleBand", "serviceBand", "region"] as const;
export type Attribute = (typeof ATTRIBUTES)[number];
export type Weights = Record<Attribute, number>;

/** The round form's field per attribute weight. */
export const WEIGHT_FIELDS = {
  organisation: "weightOrganisation",
  workKind: "weightWorkKind",
  scaleBand: "weightScaleBand",
  serviceBand: "weightServiceBand",
  region: "weightRegion",
} as const satisfies Record<Attribute, string>;
