// npm run bench:csv-export [-- ROWS] — issue 7 item 4: GET /api/v1/cases?format=csv streams every
// matching case page by page. Seeds ROWS cases (default 20,000) straight into the store, exports
// them all over HTTP (a real socket, read chunk by chunk), and prints rows per second, the export's size and how much the
// heap grew while it ran — a stream keeps that flat however many rows there are.
import { availableDialects } from '../test/support/databases.js';
import { auth, createTestApp } from '../test/support/app.js';
import { seedCases } from '../test/browser/seed-cases.js';

const ROWS = Number(process.argv[2] ?? 20_000);

for (const dialect of await availableDialects()) {
  const t = await createTestApp(dialect);
  try {
    await seedCases(t.store, ROWS, { startAt: new Date('2026-11-20T12:00:00.000Z') });
    const address = await t.app.listen({ port: 0, host: '127.0.0.1' });
    // With --expose-gc (the npm script) each sample collects first: the peak is what the export keeps, not garbage.
    const gc = (globalThis as { gc?: () => void }).gc;
    gc?.();
    const heapBefore = process.memoryUsage().heapUsed;
    let peak = heapBefore;
    const sampler = setInterval(() => { gc?.(); peak = Math.max(peak, process.memoryUsage().heapUsed); }, 250);
    const started = process.hrtime.bigint();
    // Read the answer as a client would, chunk by chunk, keeping only counts.
    const res = await fetch(`${address}/api/v1/cases?format=csv&sort=created`, { headers: auth(t.tokens.admin) });
    let bytes = 0;
    let newlines = 0;
    for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
      bytes += chunk.length;
      for (const b of chunk) if (b === 10) newlines++;
    }
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    clearInterval(sampler);
    const lines = newlines - 1;
    console.log(`${dialect}: ${lines} rows in ${seconds.toFixed(2)} s = ${Math.round(lines / seconds)} rows/s, ${(bytes / 1e6).toFixed(1)} MB of CSV, live heap +${((peak - heapBefore) / 1e6).toFixed(1)} MB at peak${gc ? '' : ' (run with --expose-gc for live heap)'}`);
    if (lines !== ROWS) throw new Error(`expected ${ROWS} rows, got ${lines}`);
  } finally {
    await t.close();
  }
}
