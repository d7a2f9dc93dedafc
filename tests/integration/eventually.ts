// Waiting for something another part of the system does in its own time (a job worker, a cache
// listener): the check is repeated every 20 ms until it holds, and fails after `timeoutMs`.
export async function eventually(check: () => boolean | Promise<boolean>, timeoutMs = 3000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > until) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
