// A port nobody listens on right now, for a server a test starts as its own process, so test files that
// run at the same time (or beside other servers on the machine) do not collide on a port.
import net from "node:net";

export async function freePort(): Promise<number> {
  const probe = net.createServer();
  await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
  const address = probe.address();
  await new Promise((resolve) => probe.close(resolve));
  if (!address || typeof address === "string") throw new Error("the system gave no free port");
  return address.port;
}
