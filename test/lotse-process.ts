import { spawn, type ChildProcess } from 'node:child_process';

// Lotse as a real process, the way `npm start` runs it.
const mainScript = new URL('../src/main.ts', import.meta.url).pathname;

export type Running = { child: ChildProcess; output: () => string; exited: Promise<number | null> };

export function startLotse(env: Record<string, string>): Running {
  let output = '';
  const child = spawn(process.execPath, ['--import', 'tsx', mainScript], {
    env: { PATH: process.env.PATH ?? '', LOG_LEVEL: 'warn', LOTSE_DEMO: 'false', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (chunk) => (output += chunk));
  child.stderr?.on('data', (chunk) => (output += chunk));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, output: () => output, exited };
}

export async function waitUntilReady(port: number, running: Running): Promise<void> {
  // Generous: a first start runs initdb, and CI machines can be slow; readiness is checked, not timed.
  for (const deadline = Date.now() + 90_000; Date.now() < deadline; ) {
    try {
      const response = await fetch(`http://127.0.0.1:${port}/readyz`);
      if (response.status === 200) return;
    } catch {
      // not listening yet
    }
    if (running.child.exitCode !== null) throw new Error(`Lotse exited early:\n${running.output()}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`Lotse did not become ready:\n${running.output()}`);
}

export async function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`${what} took over ${ms} ms`)), ms)));
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
