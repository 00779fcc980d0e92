import assert from 'node:assert/strict';
import { test } from 'node:test';
import { clamdMissing, eicar, startClamd } from '../../../test/clamd.ts';
import { temporaryFolder } from '../../../test/temporary-folder.ts';
import { clamdEndpoint, clamdScanner, ScannerUnavailableError } from './clamd.ts';

const skip = clamdMissing();

async function scan(scanner: ReturnType<typeof clamdScanner>, chunks: Uint8Array[]) {
  const session = await scanner.start();
  for (const chunk of chunks) await session.write(chunk);
  return session.finish();
}

test('a real clamd: clean bytes pass, the EICAR string is found even split across chunks', { skip }, async () => {
  const { socket } = await startClamd();
  const scanner = clamdScanner(socket);
  assert.deepEqual(await scan(scanner, [Buffer.from('%PDF-1.7 nothing to see'), Buffer.alloc(300_000, 7)]), { clean: true });
  const infected = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(100_000, 1), Buffer.from(eicar)]);
  const verdict = await scan(scanner, [infected.subarray(0, 100_030), infected.subarray(100_030)]);
  assert.deepEqual(verdict, { clean: false, signature: 'Lotse.Test.EICAR.UNOFFICIAL' });
});

test('no clamd at the address: no verdict, an error that says so (never "clean")', async () => {
  const folder = await temporaryFolder('lotse-no-clamd-');
  await assert.rejects(scanner(`${folder}/nobody.sock`).start(), ScannerUnavailableError);
  await assert.rejects(scanner('127.0.0.1:1').start(), ScannerUnavailableError);
});

const scanner = (address: string) => clamdScanner(address, { timeoutMs: 2000 });

test('addresses: host:port, [v6]:port or a socket path', () => {
  assert.deepEqual(clamdEndpoint('clamav:3310'), { host: 'clamav', port: 3310 });
  assert.deepEqual(clamdEndpoint('[::1]:3310'), { host: '::1', port: 3310 });
  assert.deepEqual(clamdEndpoint('/run/clamav/clamd.ctl'), { path: '/run/clamav/clamd.ctl' });
  assert.throws(() => clamdEndpoint('clamav'));
  assert.throws(() => clamdEndpoint('clamav:99999'));
});
