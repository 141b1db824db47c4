import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { signWebhookBody, verifyWebhookSignature } from './webhook-signature.js';

describe('webhook signatures (X-Ladder-Signature, issue 7 item 5)', () => {
  const body = '{"id":"abc","event":"case.opened"}';
  const t = 1_796_000_000;

  it('is t=<unix>,v1=<hex HMAC-SHA256 of "<t>." + the raw body>', () => {
    expect(signWebhookBody('s3cret', body, t)).toBe(`t=${t},v1=${createHmac('sha256', 's3cret').update(`${t}.${body}`).digest('hex')}`);
  });

  it('verifies only the exact body with the right secret', () => {
    const header = signWebhookBody('s3cret', body, t);
    expect(verifyWebhookSignature('s3cret', body, header, { nowSeconds: t })).toBe(true);
    expect(verifyWebhookSignature('s3cret', Buffer.from(body), header, { nowSeconds: t })).toBe(true);
    expect(verifyWebhookSignature('s3cret', `${body} `, header, { nowSeconds: t })).toBe(false);
    expect(verifyWebhookSignature('other', body, header, { nowSeconds: t })).toBe(false);
    expect(verifyWebhookSignature('s3cret', body, undefined, { nowSeconds: t })).toBe(false);
    expect(verifyWebhookSignature('s3cret', body, `t=${t},v1=00`, { nowSeconds: t })).toBe(false);
  });

  it('refuses a signature older than the tolerance (a replay), and a re-stamped one', () => {
    const header = signWebhookBody('s3cret', body, t);
    expect(verifyWebhookSignature('s3cret', body, header, { nowSeconds: t + 301 })).toBe(false);
    expect(verifyWebhookSignature('s3cret', body, header, { nowSeconds: t + 300 })).toBe(true);
    expect(verifyWebhookSignature('s3cret', body, header.replace(`t=${t}`, `t=${t + 400}`), { nowSeconds: t + 400 })).toBe(false);
  });
});
