// The closed lists of Meedenken: kinds of contribution, statuses, hidden states, what can be reported
// and what a notice is about. Pure, so forms and pages use them without loading the tables.
export const CONTRIBUTION_KINDS = [
  "reactie",
  "tekstvoorstel",
  "nieuwe-alinea",
  "nieuw-deel",
  "algemeen",
] as const;
export type ContributionKind = (typeof CONTRIBUTION_KINDS)[number];
export const isContributionKind = (value: string | null | undefined): value is ContributionKind =>
  (CONTRIBUTION_KINDS as readonly string[]).includes(value ?? "");

export const CONTRIBUTION_STATUSES = [
  "ontvangen",
  "in-behandeling",
  "overgenomen",
  "deels-overgenomen",
  "niet-overgenomen",
] as const;
export type ContributionStatus = (typeof CONTRIBUTION_STATUSES)[number];

/** Not decided yet: what the editors still have to look at, and what "open" means in the list's filter. */
export const OPEN_STATUSES = ["ontvangen", "in-behandeling"] as const satisfies readonly ContributionStatus[];
/** The list's status filter: one status, or `open` for every status in `OPEN_STATUSES`. */
export const STATUS_FILTERS = ["open", ...CONTRIBUTION_STATUSES] as const;

/** `in-afwachting`: hidden by reports until an editor looks; `verborgen`: hidden by an editor. */
export const HIDDEN_STATES = ["in-afwachting", "verborgen"] as const;
export type HiddenState = (typeof HIDDEN_STATES)[number];

export const REPORT_TARGETS = ["bijdrage", "reactie"] as const;
export type ReportTarget = (typeof REPORT_TARGETS)[number];

export const NOTICE_KINDS = ["status", "reactie"] as const;
export type NoticeKind = (typeof NOTICE_KINDS)[number];

/** Proposals can be supported; comments and general feedback cannot. */
export const PROPOSAL_KINDS: readonly ContributionKind[] = ["tekstvoorstel", "nieuwe-alinea", "nieuw-deel"];

/** The editors' queue: everything, what is undecided, what was reported, what is hidden. */
export const QUEUE_VIEWS = ["alles", "open", "gemeld", "verborgen"] as const;
export type QueueView = (typeof QUEUE_VIEWS)[number];

/** The longest comment, proposal and reason, in characters, and the length of a page of the list. */
export const BODY_MAX = 4000;
export const PROPOSAL_MAX = 20_000;
export const REASON_MAX = 1000;
export const PAGE_SIZE = 20;

/** Kinds that hang on one paragraph; a new paragraph hangs on the paragraph it should follow. */
export const PARAGRAPH_KINDS = ["reactie", "tekstvoorstel", "nieuwe-alinea"] as const;
