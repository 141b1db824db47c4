import { describe, expect, it } from 'vitest';
import { signShopifyBody, verifyShopifyHmac } from '../../src/integrations/shopify/shopify-webhook-signature.js';
import { hmacFixture } from './shopify-webhook-kit.js';

// The published vector (test/fixtures/shopify-hmac/PROVENANCE.md): SQLPage's Shopify webhook test.
const SECRET = 'test-webhook-secret';
const EXPECTED = 'QNyObTlKbMx2qDlPF/ZOZcBqg5OgPg+2oky3zldc0Gw=';
const body = hmacFixture('sqlpage__shopify_hmac_vector.body.derived.json');

describe('X-Shopify-Hmac-Sha256 (issue 7 item 1)', () => {
  it('is base64 HMAC-SHA256 of the raw body: the published vector', () => {
    expect(hmacFixture('sqlpage__hmac_shopify_webhook.sql').toString('utf8')).toContain(EXPECTED);
    expect(body.toString('utf8')).toBe('{"id":1234567890,"email":"customer@example.com","total_price":"123.45"}');
    expect(signShopifyBody(SECRET, body)).toBe(EXPECTED);
    expect(verifyShopifyHmac(SECRET, body, EXPECTED)).toBe(true);
  });

  it('a body changed by one byte, another secret or a missing header does not verify', () => {
    const changed = Buffer.from(body);
    changed[changed.length - 3] = '6'.charCodeAt(0);
    expect(verifyShopifyHmac(SECRET, changed, EXPECTED)).toBe(false);
    expect(verifyShopifyHmac('another-secret', body, EXPECTED)).toBe(false);
    expect(verifyShopifyHmac(SECRET, body, undefined)).toBe(false);
    expect(verifyShopifyHmac(SECRET, body, '')).toBe(false);
  });

  it('only the canonical base64 text verifies, not another spelling of the same bytes', () => {
    // Node's base64 decoder would skip the stray characters and decode these to the same 32 bytes.
    expect(Buffer.from(`${EXPECTED.slice(0, 10)}!!${EXPECTED.slice(10)}`, 'base64').equals(Buffer.from(EXPECTED, 'base64'))).toBe(true);
    expect(verifyShopifyHmac(SECRET, body, `${EXPECTED.slice(0, 10)}!!${EXPECTED.slice(10)}`)).toBe(false);
    expect(verifyShopifyHmac(SECRET, body, Buffer.from(EXPECTED, 'base64').toString('hex'))).toBe(false);
  });
});
