import { createHmac, timingSafeEqual } from 'node:crypto';

export const SIGNATURE_HEADER = 'X-Ladder-Signature';
export const TIMESTAMP_HEADER = 'X-Ladder-Timestamp';
export const EVENT_HEADER = 'X-Ladder-Event';
export const DELIVERY_HEADER = 'X-Ladder-Delivery';

/** How far a receiver's clock and the signing time may differ before a delivery counts as a replay. */
export const DEFAULT_SIGNATURE_TOLERANCE_SECONDS = 300;

function hmacHex(secret: string, timestamp: number, rawBody: string | Buffer): string {
  return createHmac('sha256', secret).update(`${timestamp}.`).update(rawBody).digest('hex');
}

/**
 * `t=<unix seconds>,v1=<hex HMAC-SHA256 over "<t>." followed by the exact body bytes>`. The
 * timestamp is inside the signed bytes, so a captured delivery cannot be replayed later with a
 * fresh time; a retry is signed anew with its own time.
 */
export function signWebhookBody(secret: string, rawBody: string | Buffer, timestamp: number): string {
  return `t=${timestamp},v1=${hmacHex(secret, timestamp, rawBody)}`;
}

/**
 * For receivers (and tests): constant-time check of a signature header against the raw body,
 * refusing signatures older or newer than the tolerance.
 */
export function verifyWebhookSignature(
  secret: string,
  rawBody: string | Buffer,
  header: string | undefined | null,
  options: { nowSeconds?: number; toleranceSeconds?: number } = {},
): boolean {
  if (!header) return false;
  const parts = new Map(header.split(',').map((p) => { const i = p.indexOf('='); return [p.slice(0, i).trim(), p.slice(i + 1).trim()] as const; }));
  const t = Number(parts.get('t'));
  const given = parts.get('v1');
  if (!Number.isSafeInteger(t) || !given) return false;
  const now = options.nowSeconds ?? Math.floor(Date.now() / 1000);
  if (Math.abs(now - t) > (options.toleranceSeconds ?? DEFAULT_SIGNATURE_TOLERANCE_SECONDS)) return false;
  const expected = Buffer.from(hmacHex(secret, t, rawBody));
  const actual = Buffer.from(given);
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}
