import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ladder } from '../support/cli.js';
import { availableDialects, createTestStore, postgresUrlWithSchema, type TestStore } from '../support/databases.js';
import { fixture } from './email-kit.js';

// `ladder mail ingest|status` (issue 7 item 2) against the configured store, as an MTA pipe runs it.
const dialects = await availableDialects();
const FIXTURE = fileURLToPath(new URL('../fixtures/email/01-new-damaged-with-photo.eml', import.meta.url));

describe.each(dialects)('ladder mail on %s', (dialect) => {
  let store: TestStore;
  let env: Record<string, string>;
  beforeAll(async () => {
    store = await createTestStore(dialect);
    env = {
      LADDER_DATA_DIR: store.dataDir, INBOUND_MAIL_RECIPIENTS: 'support@shop.test',
      ...(store.url && store.schema ? { DATABASE_URL: postgresUrlWithSchema(store.url, store.schema) } : {}),
    };
  });
  afterAll(async () => { await store?.dispose(); });

  it('ingests a raw message from a file, then the same from standard input only once', async () => {
    const first = await ladder(env, ['mail', 'ingest', FIXTURE]);
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/^opened_case case (\d+) <CAF7q1mK2x9d0Zp3LrY8uW@mail\.example\.net>\nattachment not kept: invoice\.exe: files of type application\/x-msdownload are not accepted/);
    const caseId = /case (\d+)/.exec(first.stdout)![1];
    const again = await ladder(env, ['mail', 'ingest', '-', '--json'], fixture('01-new-damaged-with-photo.eml').toString('latin1'));
    expect(again.code).toBe(0);
    expect(JSON.parse(again.stdout)).toMatchObject({ outcome: 'duplicate', caseId: Number(caseId) });
  }, 30_000);

  it('bad input exits 2 with one line naming the problem', async () => {
    const missing = await ladder(env, ['mail', 'ingest', '/nonexistent/x.eml']);
    expect(missing).toMatchObject({ code: 2, stderr: '/nonexistent/x.eml: cannot read (ENOENT)' });
    const big = await ladder({ ...env, INBOUND_MAIL_MAX_BYTES: '1024' }, ['mail', 'ingest', FIXTURE]);
    expect(big).toMatchObject({ code: 2, stderr: 'message: the message is larger than 1024 bytes (INBOUND_MAIL_MAX_BYTES)' });
    const bad = await ladder({ ...env, IMAP_URL: 'http://x' }, ['mail', 'status']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('IMAP_URL: expected imap://');
  }, 30_000);

  it('status shows intake, replies and counts, without the IMAP password', async () => {
    const r = await ladder({ ...env, IMAP_URL: 'imaps://desk%40shop.test:s3cret@imap.shop.test/Support' }, ['mail', 'status']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('smtp intake  off (SMTP_LISTEN_PORT)');
    expect(r.stdout).toContain('imap polling imaps://desk@shop.test@imap.shop.test/Support every 60000 ms');
    expect(r.stdout).toContain('replies out  off (SMTP_URL): replies wait in the outbox · pending 0 · sent 0 · dead 0');
    expect(r.stdout).toMatch(/inbound +opened_case +1/);
    expect(r.stdout).not.toContain('s3cret');
    const json = JSON.parse((await ladder(env, ['mail', 'status', '--json'])).stdout);
    expect(json.counts).toEqual([{ direction: 'inbound', disposition: 'opened_case', count: 1 }]);
  }, 30_000);
});
