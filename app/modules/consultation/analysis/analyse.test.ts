// The analysis on Pol.is's own open data (tests/fixtures/polis, CC BY 4.0, The Computational Democracy
// Project): the groups it finds in the Seattle conversation must match Pol.is's own.
import path from "node:path";
import { describe, expect, it } from "vitest";
import { readPolisFolder } from "../polis-folder.server.ts";
import { analyse } from "./analyse.ts";
import { adjustedRandIndex } from "./rand-index.ts";

const seattle = readPolisFolder(path.resolve("tests/fixtures/polis/15-per-hour-seattle"));
const shown = seattle.statements
  .filter((statement) => statement.moderated !== -1)
  .map((statement) => statement.id);
const rejected = seattle.statements
  .filter((statement) => statement.moderated === -1)
  .map((statement) => statement.id);

describe("the analysis of Pol.is's Seattle conversation", () => {
  const result = analyse({ statements: shown, rejected, votes: seattle.votes });
  const ours = new Map(result.places.map((place) => [place.participant, place.group]));

  it("places the same people Pol.is placed, in groups that match Pol.is's (adjusted Rand index ≥ 0.9)", () => {
    expect(result.placed).toBe(seattle.polisGroups.size);
    const people = [...seattle.polisGroups.keys()];
    expect(people.every((person) => ours.has(person))).toBe(true);
    const index = adjustedRandIndex(
      people.map((person) => seattle.polisGroups.get(person)),
      people.map((person) => ours.get(person)),
    );
    expect(index).toBeGreaterThanOrEqual(0.9);
    expect(result.groups).toHaveLength(2);
  });

  it("gives each group representative statements and finds statements many pass on", () => {
    for (const group of result.groups) {
      expect(group.representative.length).toBeGreaterThan(0);
      expect(group.representative.length).toBeLessThanOrEqual(5);
    }
    expect(result.uncertain.length).toBeGreaterThan(0);
  });

  it("gives the same result on a second run", () => {
    const again = analyse({ statements: shown, rejected, votes: seattle.votes });
    expect(again.places).toEqual(result.places);
    expect(again.groups).toEqual(result.groups);
  });

  it("keeps every group's number, and its people, when the last votes come in", () => {
    const cut = Math.floor(seattle.votes.length * 0.95);
    const earlier = analyse({ statements: shown, rejected, votes: seattle.votes.slice(0, cut) });
    const later = analyse({ statements: shown, rejected, votes: seattle.votes, previous: earlier.state });
    const before = new Map(earlier.places.map((place) => [place.participant, place.group]));
    const stayed = later.places.filter((place) => before.get(place.participant) === place.group).length;
    const compared = later.places.filter((place) => before.has(place.participant)).length;
    expect(stayed / compared).toBeGreaterThan(0.95);
    expect(later.groups.map((group) => group.id)).toEqual(earlier.groups.map((group) => group.id));
  });

  it("keeps the state a next run needs as plain data", () => {
    const state = JSON.parse(JSON.stringify(result.state));
    const next = analyse({ statements: shown, rejected, votes: seattle.votes, previous: state });
    expect(next.places.map((place) => place.group)).toEqual(result.places.map((place) => place.group));
  });
});

describe("an analysis with too few votes", () => {
  it("places nobody when nobody voted, and one group when all vote alike", () => {
    expect(analyse({ statements: ["a"], votes: [] })).toMatchObject({
      participants: 0,
      placed: 0,
      groups: [],
    });
    const alike = analyse({
      statements: ["a", "b"],
      votes: ["p", "q", "r"].flatMap((participant) => [
        { participant, statement: "a", vote: 1 as const },
        { participant, statement: "b", vote: -1 as const },
      ]),
    });
    expect(alike.placed).toBe(3);
    expect(alike.groups).toHaveLength(1);
    expect(alike.consensus).toEqual([]);
  });
});
