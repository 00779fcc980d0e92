import fs from 'node:fs';

/** libfaketime (Debian package `faketime`), preloaded into a child process to set its clock. */
export const fakeTimeLibrary = [
  '/usr/lib/x86_64-linux-gnu/faketime/libfaketime.so.1',
  '/usr/lib/faketime/libfaketime.so.1',
  '/usr/lib64/faketime/libfaketime.so.1',
].find((file) => fs.existsSync(file));

/**
 * The environment that starts a child process (a real Lotse) with its wall clock at `at`,
 * running on from there. Real processes read the system clock; this keeps a test that starts
 * them off the real day. Timers (the monotonic clock) stay real.
 */
export function clockAt(at: string): Record<string, string> {
  if (!fakeTimeLibrary) throw new Error('libfaketime is missing (apt-get install -y faketime)');
  // Date.now() only measures the distance to the wanted moment: the child's clock is fixed by it.
  const offsetSeconds = Math.round((Date.parse(at) - Date.now()) / 1000);
  return { LD_PRELOAD: fakeTimeLibrary, FAKETIME: `${offsetSeconds >= 0 ? '+' : ''}${offsetSeconds}`, FAKETIME_DONT_FAKE_MONOTONIC: '1' };
}
