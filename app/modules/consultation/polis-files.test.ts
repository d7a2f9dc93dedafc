import { describe, expect, it } from "vitest";
import { translatorFor } from "../../infra/i18n/texts.server.ts";
import { readPolisFiles } from "./polis-files.ts";

const comments = `timestamp,datetime,comment-id,author-id,agrees,disagrees,moderated,comment-body
1403058993627,Wed Jun 18 09:36:33 WIB 2014,1,85,2,0,1,"Een zin, met een komma en ""aanhalingstekens""."
1403058892294,Wed Jun 18 09:34:52 WIB 2014,0,33,1,1,-1,Weggehaald
`;
const votes = `timestamp,datetime,comment-id,voter-id,vote
1403054214300,x,1,7,-1
1403054214196,x,1,7,1
1403054214400,x,0,8,0
`;

describe("reading Pol.is's export files", () => {
  it("reads statements with their review, in order of their number", () => {
    const read = readPolisFiles({ comments, votes });
    expect(read.statements.map((statement) => [statement.id, statement.moderated, statement.text])).toEqual([
      ["0", -1, "Weggehaald"],
      ["1", 1, 'Een zin, met een komma en "aanhalingstekens".'],
    ]);
  });

  it("reads votes oldest first, so a changed vote comes last", () => {
    const read = readPolisFiles({ comments, votes });
    expect(read.votes.map((vote) => [vote.participant, vote.statement, vote.vote])).toEqual([
      ["7", "1", 1],
      ["7", "1", -1],
      ["8", "0", 0],
    ]);
  });

  it("reads Pol.is's own groups and the topic", () => {
    const read = readPolisFiles({
      comments,
      votes,
      summary: "topic,Een vraag\nurl,https://pol.is/x\n",
      participantsVotes:
        "participant,group-id,n-comments,n-votes,n-agree,n-disagree,0,1\n7,1,0,1,0,1,,-1\n8,,0,1,0,0,0,\n",
    });
    expect(read.topic).toBe("Een vraag");
    expect([...read.polisGroups]).toEqual([["7", 1]]);
  });

  it("refuses a vote that is not 1, -1 or 0, naming the file and line in the reader's language", () => {
    const bad = "timestamp,datetime,comment-id,voter-id,vote\n1,x,1,7,1\n2,x,1,8,ja\n";
    let refusal: unknown;
    try {
      readPolisFiles({ comments, votes: bad });
    } catch (error) {
      refusal = error;
    }
    expect(refusal).toMatchObject({ code: "invalid" });
    const key = (refusal as Error).message;
    expect(translatorFor("nl")(key)).toBe('votes.csv, regel 3: een stem is 1, -1 of 0, niet "ja"');
    expect(translatorFor("en")(key)).toBe('votes.csv, line 3: a vote is 1, -1 or 0, not "ja"');
  });
});
