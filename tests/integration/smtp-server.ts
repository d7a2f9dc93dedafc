// A real SMTP server for the tests that send mail: on a free local port, it keeps every message it
// accepts, parsed, and can refuse the first few as a busy mailbox does (451, try again later).
import type { AddressInfo } from "node:net";
import { type ParsedMail, simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";

export interface TestSmtpServer {
  url: string;
  received: ParsedMail[];
  close: () => Promise<void>;
}

/** Starts the server; it refuses the first `refuse` messages. */
export async function startSmtpServer(options: { refuse?: number } = {}): Promise<TestSmtpServer> {
  const received: ParsedMail[] = [];
  let refusalsLeft = options.refuse ?? 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onData(stream, _session, callback) {
      simpleParser(stream).then((mail) => {
        if (refusalsLeft > 0) {
          refusalsLeft--;
          callback(Object.assign(new Error("Mailbox busy, try again later"), { responseCode: 451 }));
          return;
        }
        received.push(mail);
        callback();
      }, callback);
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    close: () => new Promise<void>((resolve) => server.close(resolve)),
  };
}

/** The address a parsed mail was sent to, as one string. */
export const recipientOf = (mail: ParsedMail): string =>
  (Array.isArray(mail.to) ? mail.to[0]?.text : mail.to?.text) ?? "";
