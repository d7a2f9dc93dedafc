// The mail server the browser tests' app sends to: a real SMTP server (`smtp-server`) on a fixed local
// port that writes every message it accepts, as it arrived, into E2E_MAIL_DIR as an .eml file. The tests
// read that folder (tests/e2e/mailbox.ts), so every login link, confirmation and invitation they follow
// has travelled over SMTP.
import fs from "node:fs";
import path from "node:path";
import { SMTPServer } from "smtp-server";
import { E2E_MAIL_DIR, SMTP_PORT } from "./mailbox.ts";

fs.rmSync(E2E_MAIL_DIR, { recursive: true, force: true });
fs.mkdirSync(E2E_MAIL_DIR, { recursive: true });
let received = 0;

const server = new SMTPServer({
  authOptional: true,
  disabledCommands: ["STARTTLS"],
  logger: false,
  onData(stream, _session, callback) {
    const chunks: Buffer[] = [];
    stream.on("data", (chunk: Buffer) => chunks.push(chunk));
    stream.on("error", callback);
    stream.on("end", () => {
      received += 1;
      const name = `${Date.now()}-${String(received).padStart(6, "0")}.eml`;
      // Written under a temporary name first, so a reader never sees half a message.
      const full = path.join(E2E_MAIL_DIR, name);
      fs.writeFileSync(`${full}.part`, Buffer.concat(chunks));
      fs.renameSync(`${full}.part`, full);
      callback();
    });
  },
});

server.listen(SMTP_PORT, "127.0.0.1");
const stop = () => server.close(() => process.exit(0));
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
