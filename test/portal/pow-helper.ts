import { solveChallenge } from 'altcha-lib/v1';

/** Solves the proof of work embedded in a details page, as the browser script does. */
export async function solvePagePow(html: string): Promise<string> {
  const raw = /data-challenge="([^"]+)"/.exec(html)?.[1];
  if (!raw) throw new Error('no challenge on the page');
  const challenge = JSON.parse(raw.replaceAll('&quot;', '"').replaceAll('&amp;', '&')) as {
    algorithm: string;
    challenge: string;
    salt: string;
    signature: string;
    maxnumber: number;
  };
  const solution = await solveChallenge(challenge.challenge, challenge.salt, challenge.algorithm, challenge.maxnumber).promise;
  if (!solution) throw new Error('challenge not solvable');
  return Buffer.from(
    JSON.stringify({
      algorithm: challenge.algorithm,
      challenge: challenge.challenge,
      number: solution.number,
      salt: challenge.salt,
      signature: challenge.signature,
    }),
  ).toString('base64');
}
