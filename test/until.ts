/**
 * Waits until `check` gives a truthy value, polling every `everyMs`, and fails naming `what`
 * after `timeoutMs`. For tests that wait on something real (a worker, a file, a job's state)
 * instead of sleeping a fixed time that is too short on a busy machine and too long on an idle one.
 */
export async function until<T>(what: string, check: () => Promise<T> | T, options: { timeoutMs?: number; everyMs?: number } = {}): Promise<NonNullable<T>> {
  const deadline = Date.now() + (options.timeoutMs ?? 20_000);
  for (;;) {
    const value = await check();
    if (value) return value as NonNullable<T>;
    if (Date.now() > deadline) throw new Error(`timed out waiting until ${what}`);
    await new Promise((resolve) => setTimeout(resolve, options.everyMs ?? 25));
  }
}
