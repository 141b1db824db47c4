import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { contractExampleRequest, requestWith } from './support/return-request-builder.js';

// `ladder returns quote` as returns-quote.md specifies it, run as a real process. tsx is started from
// node_modules/.bin rather than through npx so npm's own warnings cannot reach standard error.
const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const TSX = join(ROOT, 'node_modules', '.bin', 'tsx');
const ENTRY = 'src/cli/main.ts';
const CUSTOM_POLICY = 'test/fixtures/returns/custom-returns.policy.yaml';
const INVALID_POLICY = 'test/fixtures/returns/invalid-returns.policy.yaml';

function ladder(args: string[], stdin = ''): { status: number | null; stdout: string; stderrLines: string[] } {
  const result = spawnSync(TSX, [ENTRY, 'returns', 'quote', ...args], { cwd: ROOT, input: stdin, encoding: 'utf8' });
  return { status: result.status, stdout: result.stdout, stderrLines: result.stderr.split('\n').filter((l) => l !== '') };
}

const badSku = requestWith({ items: [{ sku: 'NOPE', quantity: 1, condition: 'opened', reason: 'changed_mind' }] });

describe('ladder returns quote', () => {
  it('quotes the contract example from standard input: refundTotal 17958, exit 0', () => {
    const run = ladder([], JSON.stringify(contractExampleRequest()));
    expect(run.status).toBe(0);
    expect(run.stderrLines).toEqual([]);
    expect(JSON.parse(run.stdout)).toMatchObject({
      eligible: true, resolution: 'refund', method: 'original_payment', currency: 'USD',
      lines: [{ sku: 'EAR-01', quantity: 1, amount: 19900, tax: 1642, restockingFee: 2985 }],
      itemsTotal: 19900, taxTotal: 1642, shippingRefund: 0, returnShippingDeduction: 599, restockingFee: 2985,
      refundTotal: 17958, approvalRequired: false,
    });
  });

  it('an array in gives an array of quotes out, in order, and reads a FILE argument', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ladder-returns-'));
    const file = join(dir, 'requests.json');
    writeFileSync(file, JSON.stringify([contractExampleRequest(), requestWith({ now: '2026-12-01T00:00:00Z' })]));
    const run = ladder([file]);
    expect(run.status).toBe(0);
    const quotes = JSON.parse(run.stdout) as { refundTotal: number; resolution: string }[];
    expect(quotes.map((q) => [q.resolution, q.refundTotal])).toEqual([['refund', 17958], ['deny', 0]]);
  });

  it('bad input exits 2 with one stderr line naming the field', () => {
    const run = ladder(['-'], JSON.stringify(badSku));
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderrLines).toEqual(['items[0].sku: not in the order']);
  });

  it('in an array, the field is prefixed with the request\'s index', () => {
    const run = ladder([], JSON.stringify([contractExampleRequest(), contractExampleRequest(), badSku]));
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderrLines).toEqual(['[2].items[0].sku: not in the order']);
  });

  it('malformed JSON and a missing file are bad input too', () => {
    const malformed = ladder([], '{"now": ');
    expect(malformed.status).toBe(2);
    expect(malformed.stderrLines).toHaveLength(1);
    expect(malformed.stderrLines[0]).toMatch(/^stdin: invalid JSON/);
    const missing = ladder(['no-such-file.json']);
    expect(missing.status).toBe(2);
    expect(missing.stderrLines).toEqual(['no-such-file.json: cannot read (ENOENT)']);
  });

  it('--policy takes the returns section of a YAML policy, defaults for the rest', () => {
    // 14-day window, 12.5% fee, 4.50 return shipping: 19900 + 1642 − 450 − 2488 (2487.5 rounded up).
    const run = ladder(['--policy', CUSTOM_POLICY], JSON.stringify(requestWith({ now: '2026-11-07T12:00:00Z' })));
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ restockingFee: 2488, returnShippingDeduction: 450, refundTotal: 18604 });
    const late = ladder(['--policy', CUSTOM_POLICY], JSON.stringify(contractExampleRequest()));
    expect(JSON.parse(late.stdout)).toMatchObject({ eligible: false, resolution: 'deny' });
  });

  it('an invalid policy exits 2 naming the policy field', () => {
    const run = ladder(['--policy', INVALID_POLICY], JSON.stringify(contractExampleRequest()));
    expect(run.status).toBe(2);
    expect(run.stderrLines).toEqual([
      `returns.restockingFee.percent: expected a percentage from 0 to 100 with at most two decimals (${INVALID_POLICY})`,
    ]);
  });
});
