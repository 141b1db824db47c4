import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { signWebhookBody, verifyWebhookSignature } from './webhook-signature.js';

describe('webhook signatures (X-Ladder-Signature)', () => {
  const body = '{"id":"abc","event":"sla_breached"}';

  it('is sha256=<hex HMAC-SHA256 of the raw body>', () => {
    expect(signWebhookBody('s3cret', body)).toBe(`sha256=${createHmac('sha256', 's3cret').update(body).digest('hex')}`);
  });

  it('verifies only the exact body with the right secret', () => {
    const header = signWebhookBody('s3cret', body);
    expect(verifyWebhookSignature('s3cret', body, header)).toBe(true);
    expect(verifyWebhookSignature('s3cret', `${body} `, header)).toBe(false);
    expect(verifyWebhookSignature('other', body, header)).toBe(false);
    expect(verifyWebhookSignature('s3cret', body, undefined)).toBe(false);
    expect(verifyWebhookSignature('s3cret', body, 'sha256=00')).toBe(false);
  });
});
