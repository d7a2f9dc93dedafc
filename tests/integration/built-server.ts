// Starts the built server (`node server.js`, building first when the build is stale) as its own process
// on the embedded database, the way an operator runs it, and waits until it is ready.
import { type ChildProcess, execSync, spawn } from "node:child_process";

export interface BuiltServer {
  base: string;
  process: ChildProcess;
  stop(): Promise<void>;
}

export async function startBuiltServer(options: {
  port: number;
  dataDir: string;
  env?: Record<string, string>;
  /** Reads the server's stdout (its JSON log lines) instead of passing it through. */
  onStdout?: (chunk: Buffer) => void;
}): Promise<BuiltServer> {
  execSync("node scripts/ensure-build.mjs", { stdio: "inherit" });
  const base = `http://127.0.0.1:${options.port}`;
  const child = spawn(process.execPath, ["server.js"], {
    env: {
      ...process.env,
      PORT: String(options.port),
      DATA_DIR: options.dataDir,
      DATABASE_URL: "",
      LOG_LEVEL: "warn",
      ...options.env,
    },
    stdio: ["ignore", options.onStdout ? "pipe" : "inherit", "inherit"],
  });
  if (options.onStdout) child.stdout?.on("data", options.onStdout);
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  for (let attempt = 0; ; attempt++) {
    const ready = await fetch(`${base}/readyz`).then(
      (response) => response.ok,
      () => false,
    );
    if (ready) break;
    if (attempt > 300 || child.exitCode !== null) throw new Error("the server did not become ready");
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return {
    base,
    process: child,
    async stop() {
      if (child.exitCode === null) child.kill("SIGTERM");
      await exited;
    },
  };
}
