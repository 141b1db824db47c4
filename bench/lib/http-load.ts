// A light HTTP load client for the benchmarks. Undici's fetch costs about 0.3 ms of client CPU per
// request: on a 2-core machine running the server, the database and the client together, a fetch
// client capped a no-op Fastify route at ~3,000 req/s, while node:http with a keep-alive agent
// reached ~15,000 (`npx tsx bench/cases-http.bench.ts` prints both ceilings). The client is not
// what is measured, so it should take as little of the machine as it can.
import http from 'node:http';

export interface LoadResponse {
  status: number;
  body: string;
}

export function httpLoadClient(baseUrl: string, maxSockets: number) {
  const url = new URL(baseUrl);
  const agent = new http.Agent({ keepAlive: true, maxSockets });
  function send(method: string, path: string, headers: Record<string, string>, body?: string): Promise<LoadResponse> {
    return new Promise((resolve, reject) => {
      const req = http.request(
        {
          host: url.hostname, port: url.port, path, method, agent,
          headers: body === undefined ? headers : { ...headers, 'content-length': String(Buffer.byteLength(body)) },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
          res.on('error', reject);
        },
      );
      req.on('error', reject);
      req.end(body);
    });
  }
  return {
    post: (path: string, headers: Record<string, string>, body: string) => send('POST', path, headers, body),
    get: (path: string, headers: Record<string, string>) => send('GET', path, headers),
    close: () => agent.destroy(),
  };
}

/** Runs `total` calls of `one` with `concurrency` in flight; returns the seconds taken. */
export async function runConcurrent(total: number, concurrency: number, one: (i: number) => Promise<void>): Promise<number> {
  return (await runConcurrentTimed(total, concurrency, one)).seconds;
}

export interface Timed {
  seconds: number;
  perSecond: number;
  /** Per-call latency percentiles, milliseconds. */
  p50: number;
  p99: number;
}

/** As runConcurrent, with each call's latency. */
export async function runConcurrentTimed(total: number, concurrency: number, one: (i: number) => Promise<void>): Promise<Timed> {
  let next = 0;
  const latencies = new Float64Array(total);
  const started = process.hrtime.bigint();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      for (;;) {
        const i = next++;
        if (i >= total) return;
        const t0 = process.hrtime.bigint();
        await one(i);
        latencies[i] = Number(process.hrtime.bigint() - t0) / 1e6;
      }
    }),
  );
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  latencies.sort();
  const at = (q: number) => latencies[Math.min(total - 1, Math.floor(q * total))]!;
  return { seconds, perSecond: total / seconds, p50: at(0.5), p99: at(0.99) };
}
