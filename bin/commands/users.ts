// Commands for people: add one with a role, change a role, print a login link or a new API token.
// Every change is written to the audit log as done by the operator's command line.
import { Option } from "commander";
import { EmailAddress } from "../../app/infra/fields.ts";
import { translatorFor } from "../../app/infra/i18n/texts.server.ts";
import {
  findUserByEmail,
  normaliseEmail,
  setUserRoles,
  upsertUser,
} from "../../app/modules/accounts/accounts.server.ts";
import { createApiToken } from "../../app/modules/accounts/api-tokens.server.ts";
import { recordAudit } from "../../app/modules/accounts/audit.server.ts";
import { ROLES, type Role } from "../../app/modules/accounts/authorization.ts";
import { createLoginLink } from "../../app/modules/accounts/login-links.server.ts";
import type { RegisterCommands } from "../vakmanschap.ts";

function emailOf(value: string): string {
  const parsed = EmailAddress.safeParse(value);
  if (!parsed.success)
    throw new Error(
      `${translatorFor("nl")(parsed.error.issues[0]?.message ?? "")} (invalid e-mail address: ${value})`,
    );
  return normaliseEmail(parsed.data);
}

const roleOption = () =>
  new Option("-r, --role <role>", "rol (role)").choices(ROLES as unknown as string[]).makeOptionMandatory();

export const registerCommands: RegisterCommands = (program, cli) => {
  const user = program.command("user").description("mensen en hun rollen (people and their roles)");

  user
    .command("add")
    .description("maak een account met een rol (create an account with a role)")
    .requiredOption("-e, --email <email>", "e-mailadres")
    .addOption(roleOption())
    .option("-n, --name <name>", "naam (name)")
    .action(async (options: { email: string; role: Role; name?: string }) => {
      const email = emailOf(options.email);
      await cli.withDatabase(
        async (database) => {
          const created = await upsertUser({ db: database.db, email, name: options.name });
          const roles = [...new Set([...created.roles, options.role])];
          await setUserRoles({ db: database.db, userId: created.id, roles, actor: null });
          await recordAudit({
            db: database.db,
            actor: null,
            action: "user.add",
            target: email,
            details: { via: "cli" },
          });
          cli.say(
            `Account ${email} heeft nu de rol ${options.role}. (Account ready with role ${options.role}.)`,
          );
        },
        { schema: "migrate" },
      );
    });

  user
    .command("role")
    .description("geef een account precies deze rol (set the account's role)")
    .requiredOption("-e, --email <email>", "e-mailadres")
    .addOption(roleOption())
    .action(async (options: { email: string; role: Role }) => {
      const email = emailOf(options.email);
      await cli.withDatabase(
        async (database) => {
          const found = await findUserByEmail({ db: database.db, email });
          if (!found) throw new Error(`Er is geen account voor ${email}. (No account for ${email}.)`);
          await setUserRoles({ db: database.db, userId: found.id, roles: [options.role], actor: null });
          cli.say(`${email} heeft nu de rol ${options.role}. (Role set.)`);
        },
        { schema: "migrate" },
      );
    });

  user
    .command("login-link")
    .description("druk een eenmalige inloglink af (print a one-time login address)")
    .requiredOption("-e, --email <email>", "e-mailadres")
    .action(async (options: { email: string }) => {
      const email = emailOf(options.email);
      const config = cli.config();
      // Only the address goes to stdout, on a line of its own; everything else (a first migration
      // too) to stderr, so a script can capture it and a person sees it apart.
      cli.quiet();
      await cli.withDatabase(
        async (database) => {
          const found = await findUserByEmail({ db: database.db, email });
          if (!found)
            throw new Error(`Er is geen account voor ${email}; maak het eerst met 'user add'. (No account.)`);
          const origin = config.publicUrl;
          const link = await createLoginLink({ db: database.db, config, origin, email });
          await recordAudit({
            db: database.db,
            actor: null,
            action: "user.login-link",
            target: email,
            details: { via: "cli" },
          });
          cli.say("Open dit adres in de browser om in te loggen (open this address to log in):");
          process.stdout.write(`${link.url}\n`);
          cli.say(
            `Deze link werkt tot ${link.expiresAt.toISOString()} en maar één keer. (Valid once, until then.)`,
          );
        },
        { schema: "migrate" },
      );
    });

  user
    .command("token")
    .description("maak een API-sleutel en druk die één keer af (create and print an API token)")
    .requiredOption("-e, --email <email>", "e-mailadres")
    .requiredOption("-n, --name <name>", "naam van de sleutel (token name)")
    .action(async (options: { email: string; name: string }) => {
      const email = emailOf(options.email);
      cli.quiet();
      await cli.withDatabase(
        async (database) => {
          const found = await findUserByEmail({ db: database.db, email });
          if (!found) throw new Error(`Er is geen account voor ${email}. (No account for ${email}.)`);
          const { token } = await createApiToken({
            db: database.db,
            // The operator at the server is not held to the person's hourly quota.
            quotas: { ...cli.config().quotas, enabled: false },
            userId: found.id,
            name: options.name.slice(0, 80),
            // Audited as made by the command line (`token.created`).
            actor: null,
          });
          process.stdout.write(`${token}\n`);
          cli.say("Bewaar deze sleutel goed: hij wordt niet opnieuw getoond. (Shown once.)");
        },
        { schema: "migrate" },
      );
    });
};
