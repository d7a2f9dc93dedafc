// Run as a separate process by the tests: tries to open the embedded database in the given folder.
import { openDatabase } from "../../app/infra/db.server.ts";

try {
  const database = await openDatabase({ dataDir: process.argv[2] ?? "" });
  await database.close();
} catch (error) {
  console.error((error as Error).message);
  process.exit(1);
}
