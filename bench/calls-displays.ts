/**
 * The displays of `bench:calls`, in a process of their own so that parsing 300 streams does
 * not delay the clerks' commit timestamps (or the other way round). Talks to the parent over
 * IPC: { open } → ready; { collect, ids } → arrivals per event id (epoch ms).
 */
import http from 'node:http';

const now = () => performance.timeOrigin + performance.now();
const agent = new http.Agent({ keepAlive: true, maxSockets: Infinity });
const arrivals = new Map<number, number[]>();
const requests: http.ClientRequest[] = [];
let duplicates = 0;

function openDisplay(url: string, token: string): Promise<void> {
  const seen = new Set<number>();
  return new Promise((resolve, reject) => {
    const request = http.get(url, { agent, headers: { authorization: `Bearer ${token}`, accept: 'text/event-stream' } }, (response) => {
      if (response.statusCode !== 200) return reject(new Error(`display stream answered ${response.statusCode}`));
      response.setEncoding('utf8');
      let rest = '';
      let first = true;
      response.on('data', (chunk: string) => {
        const at = now();
        if (first) {
          first = false;
          resolve();
        }
        // Frames are "id: N\nevent: call\ndata: …\n\n"; only the id matters here.
        const text = rest + chunk;
        let from = 0;
        for (let i = text.indexOf('id: ', from); i >= 0; i = text.indexOf('id: ', from)) {
          const end = text.indexOf('\n', i);
          if (end < 0) break;
          const id = Number(text.slice(i + 4, end));
          if (seen.has(id)) duplicates++;
          seen.add(id);
          let list = arrivals.get(id);
          if (!list) arrivals.set(id, (list = []));
          list.push(at);
          from = end + 1;
        }
        const lastBreak = text.lastIndexOf('\n\n');
        rest = lastBreak >= 0 ? text.slice(Math.max(lastBreak + 2, from)) : text.slice(from);
      });
    });
    request.on('error', reject);
    requests.push(request);
  });
}

type Message = { type: 'open'; url: string; token: string; count: number } | { type: 'collect'; ids: number[]; displays: number };

process.on('message', async (message: Message) => {
  if (message.type === 'open') {
    await Promise.all(Array.from({ length: message.count }, () => openDisplay(message.url, message.token)));
    process.send?.({ type: 'ready' });
    return;
  }
  const deadline = now() + 10_000;
  while (now() < deadline && message.ids.some((id) => (arrivals.get(id)?.length ?? 0) < message.displays)) {
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  for (const request of requests) request.destroy();
  process.send?.({ type: 'arrivals', duplicates, arrivals: message.ids.map((id) => [id, arrivals.get(id) ?? []]) }, () => process.exit(0));
});
