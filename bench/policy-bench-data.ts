import type { Policy } from '../src/domain/policy/policy-model.js';
import { CHANNELS, SIGNALS, STOREFRONTS } from '../src/domain/policy/vocabulary.js';

// Deterministic case facts and customer messages for bench/policy.bench.ts. Same seed, same data, so
// runs on different machines or commits compare like for like.

/** mulberry32: small, fast, good enough to vary benchmark inputs. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const BASE = Date.parse('2026-11-02T00:00:00Z');
const DAY = 86_400_000;

/** Facts without text: every field the rules read, varied so that each rule fires in some cases. */
export function generateFacts(policy: Policy, count: number, seed = 42): unknown[] {
  const rnd = prng(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(rnd() * items.length)]!;
  const categories = Object.keys(policy.categories);
  const orderIssues = categories.filter((c) => policy.categories[c]!.group === 'order_issue');
  const out: unknown[] = [];
  for (let i = 0; i < count; i++) {
    const nowMs = BASE + Math.floor(rnd() * 28 * DAY);
    const category = rnd() < 0.4 ? pick(orderIssues) : pick(categories);
    const facts: Record<string, unknown> = {
      now: new Date(nowMs).toISOString(),
      category,
      channel: pick(CHANNELS),
      storefront: pick(STOREFRONTS),
    };
    const priors = Math.floor(rnd() * rnd() * 6);
    facts.customer = {
      id: `C-${i % 5000}`,
      vip: rnd() < 0.1,
      priorIssues: Array.from({ length: priors }, () => ({
        category: rnd() < 0.7 ? pick(orderIssues) : pick(categories),
        at: new Date(nowMs - Math.floor(rnd() * 400 * DAY)).toISOString(),
      })),
    };
    facts.order = {
      number: `ORD-20261101-${String(i % 10_000).padStart(4, '0')}`,
      total: `${Math.floor(rnd() * 1000)}.${String(Math.floor(rnd() * 100)).padStart(2, '0')}`,
      currency: 'USD',
      failedDeliveries: Math.floor(rnd() * 3),
      ...(rnd() < 0.2 && { neededBy: new Date(nowMs + Math.floor(rnd() * 8) * DAY).toISOString().slice(0, 10) }),
    };
    if (rnd() < 0.2) facts.refund = { amount: `${Math.floor(rnd() * 900)}.${String(Math.floor(rnd() * 100)).padStart(2, '0')}` };
    const events = Math.floor(rnd() * rnd() * 5);
    facts.timeline = Array.from({ length: events }, () => ({ type: 'signal', signal: pick(SIGNALS) }));
    out.push(facts);
  }
  return out;
}

const OPENERS = ['Hi,', 'Hello team,', 'Listen,', 'This is ridiculous.', 'Good morning,', 'Dear support,', ''];
const BODIES = [
  'my order ORD-20261101-0042 still has not arrived and tracking has not moved in a week',
  'the necklace arrived with a broken clasp, photos attached',
  'I will have my attorney contact you about this',
  "there's no need for a lawyer, just send a replacement please",
  "I'm going to dispute this with my bank if I don't get a refund today",
  "call me, I won't do this over email",
  'I want to speak to your manager right now',
  'you people are useless idiots',
  'I will leave a one star review on Trustpilot and post this on Instagram',
  'I already opened a PayPal case',
  'cancel my order if it cannot ship by Friday',
  'my daughter had a severe allergic reaction and we went to the ER',
  'I read the refund policy page and want to return the item',
  "I'm at the store right now waiting for my pickup",
  'can you make an exception to the 30 day window? it was a gift',
  'a journalist from the local paper is asking me about this',
  'where can I find the ingredients list?',
  'the delivery driver was rude and threw the parcel over the fence',
  'thanks, that solved it!',
];
const CLOSERS = ['Thanks.', 'Regards, Sam', 'Fix this now!', 'Sent from my phone', '', 'Please advise.'];

/** Customer messages built from everyday complaint phrasing, threats, negations and neutral text. */
export function generateMessages(count: number, seed = 7): string[] {
  const rnd = prng(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(rnd() * items.length)]!;
  return Array.from({ length: count }, () => {
    const parts = [pick(OPENERS), pick(BODIES)];
    if (rnd() < 0.5) parts.push(pick(BODIES));
    parts.push(pick(CLOSERS));
    return parts.filter(Boolean).join(' ');
  });
}
