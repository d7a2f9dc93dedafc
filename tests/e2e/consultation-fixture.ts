// The consultations the browser tests and the page walk need, written before the server starts: one
// open for anonymous participants with a statement waiting for review, one that needs a login, and
// Pol.is's Seattle conversation imported and analysed (closed, with an outcome).
import path from "node:path";
import type { Db } from "../../app/infra/db.server.ts";
import { ConsultationInput } from "../../app/modules/consultation/consultation.validation.ts";
import {
  analyseConsultation,
  importPolisConversation,
  requireConsultationById,
} from "../../app/modules/consultation/consultations.server.ts";
import { addStatement, joinConsultation } from "../../app/modules/consultation/participation.server.ts";
import { readPolisFolder } from "../../app/modules/consultation/polis-folder.server.ts";
import { createConsultation } from "../../app/modules/consultation/running.server.ts";
import {
  CONSULTATION_CLOSED,
  CONSULTATION_LOGIN,
  CONSULTATION_OPEN,
  CONSULTATION_TO_DELETE,
} from "./example-urls.ts";

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

const STATEMENTS = [
  "Ik durf in mijn team te zeggen dat ik het ergens niet mee eens ben.",
  "Mijn leidinggevende vraagt actief naar tegenspraak.",
  "Tegenspraak wordt bij ons gezien als betrokkenheid.",
  "Ik weet bij wie ik terecht kan als ik twijfel over een opdracht.",
  "Kritiek op een voorstel gaat bij ons over de inhoud, niet over de persoon.",
  "Ik houd soms mijn mond om geen gedoe te krijgen.",
  "Er is genoeg tijd om een advies goed te onderbouwen.",
  "Ik weet wat ik moet doen als ik het niet eens ben met een besluit.",
  "Tegenspraak vertraagt het werk te veel.",
  "De minister hoort ook wat er níet goed gaat.",
  "Nieuwe collega's leren snel hoe ze kritiek kunnen geven.",
  "Ik krijg uitleg als mijn advies niet wordt gevolgd.",
];

export async function writeConsultations(db: Db): Promise<void> {
  const base = {
    introduction:
      "Hoe gaat jouw team om met tegenspraak? Stem op korte stellingen. Niemand ziet wat jij stemt.",
    participantStatements: "na-beoordeling",
    opensOn: day(-2),
    closesOn: day(30),
    statements: STATEMENTS,
  };
  const open = await createConsultation({
    db,
    input: ConsultationInput.parse({
      ...base,
      question: "Hoe gaat jouw team om met tegenspraak?",
      slug: CONSULTATION_OPEN,
      access: "anoniem",
    }),
  });
  const consultation = await requireConsultationById(db, open.id);
  const someone = await joinConsultation({ db, consultation });
  await addStatement({
    db,
    consultation,
    participantId: someone.id,
    text: "Ik wil vaker horen waarom een besluit anders uitvalt.",
  });
  await createConsultation({
    db,
    input: ConsultationInput.parse({
      ...base,
      question: "Hoe houd je je vakmanschap vast als het druk is?",
      slug: CONSULTATION_LOGIN,
      access: "inloggen",
    }),
  });
  await createConsultation({
    db,
    input: ConsultationInput.parse({
      ...base,
      question: "Een peiling die de browsertest verwijdert",
      slug: CONSULTATION_TO_DELETE,
      access: "anoniem",
    }),
  });
  const seattle = await importPolisConversation({
    db,
    conversation: readPolisFolder(path.resolve("tests/fixtures/polis/15-per-hour-seattle")),
    slug: CONSULTATION_CLOSED,
    source: "https://pol.is/2demo",
    language: "en",
  });
  await analyseConsultation({ db, consultationId: seattle.id, inWorker: false });
}
