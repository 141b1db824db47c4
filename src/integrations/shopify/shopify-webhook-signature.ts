import { createHmac, timingSafeEqual } from 'node:crypto';

// Shopify signs every webhook with X-Shopify-Hmac-Sha256: base64 of HMAC-SHA256 over the raw body
// bytes, keyed with the app's client secret. The check must see the bytes exactly as they arrived
// (re-serialised JSON would differ) and compare in constant time.

export const SHOPIFY_HMAC_HEADER = 'x-shopify-hmac-sha256';
export const SHOPIFY_TOPIC_HEADER = 'x-shopify-topic';
export const SHOPIFY_WEBHOOK_ID_HEADER = 'x-shopify-webhook-id';
export const SHOPIFY_SHOP_DOMAIN_HEADER = 'x-shopify-shop-domain';

export function signShopifyBody(secret: string, rawBody: Buffer | string): string {
  return createHmac('sha256', secret).update(rawBody).digest('base64');
}

export function verifyShopifyHmac(secret: string, rawBody: Buffer, header: string | undefined): boolean {
  if (!header) return false;
  // Compared as canonical base64 text, not decoded: Node's base64 decoder skips characters it does
  // not know, so two different header strings could decode to the same bytes.
  const expected = Buffer.from(signShopifyBody(secret, rawBody), 'latin1');
  const given = Buffer.from(header.trim(), 'latin1');
  return given.length === expected.length && timingSafeEqual(given, expected);
}
