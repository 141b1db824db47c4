import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { availableDialects } from '../support/databases.js';
import { auth, createTestApp, type TestApp } from '../support/app.js';

const dialects = await availableDialects();
// A 1×1 PNG.
const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082', 'hex');

function multipart(fileName: string, type: string, bytes: Buffer) {
  const boundary = '----ladder' + Math.random().toString(16).slice(2);
  const head = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: ${type}\r\n\r\n`);
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  return { payload: Buffer.concat([head, bytes, tail]), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

describe.each(dialects)('attachments on %s', (dialect) => {
  let t: TestApp;
  let caseId: string;
  beforeAll(async () => {
    t = await createTestApp(dialect);
    t.config.uploadMaxBytes = 2048;
    caseId = (await t.app.inject({ method: 'POST', url: '/api/v1/cases', headers: auth(t.tokens.agent), payload: { category: 'damaged_item' } })).json().id;
  });
  afterAll(async () => { await t?.close(); });

  it('keeps photo evidence with its content hash and serves it back (R000-11)', async () => {
    const body = multipart('clasp.png', 'image/png', PNG);
    const res = await t.app.inject({ method: 'POST', url: `/api/v1/cases/${caseId}/attachments`, headers: { ...auth(t.tokens.agent), ...body.headers }, payload: body.payload });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ fileName: 'clasp.png', contentType: 'image/png', sizeBytes: PNG.length, sha256: createHash('sha256').update(PNG).digest('hex') });
    const got = await t.app.inject({ method: 'GET', url: `/api/v1/cases/${caseId}/attachments/${res.json().id}`, headers: auth(t.tokens.agent) });
    expect(got.statusCode).toBe(200);
    expect(got.rawPayload.equals(PNG)).toBe(true);
    const view = (await t.app.inject({ method: 'GET', url: `/api/v1/cases/${caseId}`, headers: auth(t.tokens.agent) })).json();
    expect(view.timeline.some((e: { type: string }) => e.type === 'attachment_added')).toBe(true);
  });

  it('refuses a "photo" whose bytes are not an image, with 415', async () => {
    const body = multipart('evil.png', 'image/png', Buffer.from('<html><script>alert(1)</script></html>'));
    const res = await t.app.inject({ method: 'POST', url: `/api/v1/cases/${caseId}/attachments`, headers: { ...auth(t.tokens.agent), ...body.headers }, payload: body.payload });
    expect(res.statusCode).toBe(415);
    expect(res.json().error.field).toBe('file');
  });

  it('refuses a file over the size limit with 413', async () => {
    const big = Buffer.concat([PNG, Buffer.alloc(4096)]);
    const body = multipart('big.png', 'image/png', big);
    const res = await t.app.inject({ method: 'POST', url: `/api/v1/cases/${caseId}/attachments`, headers: { ...auth(t.tokens.agent), ...body.headers }, payload: body.payload });
    expect([413]).toContain(res.statusCode);
  });
});
