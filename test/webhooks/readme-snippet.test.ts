import { createHmac, timingSafeEqual } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { signWebhookBody } from '../../src/integrations/webhooks/webhook-signature.js';

// The verification snippet the README gives integrators (issue 7 item 5) must verify what the
// sender signs, and refuse what it should: run it as printed.

function readmeVerifier(): (secret: string, rawBody: Buffer, header: string, toleranceSeconds?: number) => boolean {
  const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
  const section = readme.slice(readme.indexOf('## Outgoing webhooks'));
  const code = /```js\n([\s\S]*?)```/.exec(section)![1]!.replace(/^import .*\n/m, '');
  return new Function('createHmac', 'timingSafeEqual', `${code}\nreturn verifyLadder;`)(createHmac, timingSafeEqual);
}

describe('the README\'s webhook verification snippet', () => {
  const verify = readmeVerifier();
  const body = Buffer.from('{"id":"d1","event":"case.opened","data":{"from":"customer"}}');
  const now = Math.floor(Date.now() / 1000);

  it('accepts a delivery signed by Ladder over the raw bytes', () => {
    expect(verify('whsec_abc', body, signWebhookBody('whsec_abc', body, now))).toBe(true);
  });

  it('refuses another secret, a changed body and an old timestamp', () => {
    expect(verify('whsec_other', body, signWebhookBody('whsec_abc', body, now))).toBe(false);
    expect(verify('whsec_abc', Buffer.concat([body, Buffer.from(' ')]), signWebhookBody('whsec_abc', body, now))).toBe(false);
    expect(verify('whsec_abc', body, signWebhookBody('whsec_abc', body, now - 600))).toBe(false);
  });
});
