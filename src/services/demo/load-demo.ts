import type { Store } from '../../store/database.js';
import { countUsers, findUserByEmail } from '../../store/repositories/user.repository.js';
import { findTeamByKey } from '../../store/repositories/team.repository.js';
import { SYSTEM_ACTOR, type Actor } from '../actor.js';
import { createTeam } from '../teams/create-team.js';
import { createUser } from '../users/create-user.js';
import { openCase } from '../cases/open-case.js';
import { addCaseMessage } from '../cases/add-case-message.js';
import { changeCaseStatus } from '../cases/change-case-status.js';
import { assignCase } from '../cases/assign-case.js';
import { addInternalNote } from '../cases/add-internal-note.js';
import { linkCustomerAccounts } from '../customers/link-customers.js';
import { seedDefaultMacros } from '../macros/seed-default-macros.js';
import { isRole } from '../../domain/access/roles.js';
import { FULFILLMENT_STATES } from '../../domain/policy/vocabulary.js';
import { clock } from '../clock.js';
import {
  AGENT_REPLIES, CALM_FOLLOW_UPS, DEMO_PASSWORD, DEMO_TEAMS, DEMO_USERS, ESCALATING_FOLLOW_UPS, FIRST_NAMES, LAST_NAMES, OPENERS, PRODUCTS,
} from './demo-data.js';

/** A small deterministic PRNG (mulberry32): the same demo desk every time. */
function prng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return { next, pick: <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)]! };
}

export interface DemoSummary {
  users: { email: string; role: string }[];
  password: string;
  cases: number;
  customers: number;
}

export async function loadDemoIfEmpty(store: Store): Promise<DemoSummary | null> {
  if ((await countUsers(store.db)) > 0) return null;
  return loadDemo(store, { cases: 200 });
}

/**
 * Loads a living desk through the real use cases (so every case carries a real decision and
 * timeline): teams, one user per role, customers with linked accounts, orders in every
 * fulfillment state, and cases across categories, levels and statuses (issue 2 item 9).
 */
export async function loadDemo(store: Store, options: { cases: number; seed?: number }): Promise<DemoSummary> {
  const rnd = prng(options.seed ?? 42);
  for (const t of DEMO_TEAMS) {
    if (!(await findTeamByKey(store.db, t.key))) await createTeam(store, SYSTEM_ACTOR, t);
  }
  const actors = new Map<string, Actor>();
  for (const u of DEMO_USERS) {
    let user = await findUserByEmail(store.db, u.email);
    if (!user) {
      const team = u.team ? await findTeamByKey(store.db, u.team) : undefined;
      await createUser(store, SYSTEM_ACTOR, { email: u.email, name: u.name, role: u.role, password: DEMO_PASSWORD, teamId: team?.id ?? null });
      user = await findUserByEmail(store.db, u.email);
    }
    if (user && isRole(user.role)) actors.set(u.role, { id: user.id, role: user.role, teamId: user.teamId, email: user.email });
  }
  const agent = actors.get('agent')!;
  const lead = actors.get('lead')!;
  await seedDefaultMacros(store);

  const customerCount = Math.max(10, Math.round(options.cases / 3));
  const customers = Array.from({ length: customerCount }, (_, i) => {
    const first = rnd.pick(FIRST_NAMES);
    const last = rnd.pick(LAST_NAMES);
    return {
      id: `C-${1001 + i}`,
      name: `${first} ${last}`,
      email: `${first}.${last}.${i}@example.com`.toLowerCase().replace(/[^a-z0-9.@]/g, ''),
      phone: `+1-555-01${String(i % 100).padStart(2, '0')}`,
      vip: rnd.next() < 0.08,
    };
  });

  const categories = Object.keys(OPENERS);
  const realNow = clock.now();
  let made = 0;
  for (let i = 0; i < options.cases; i++) {
    const customer = customers[Math.floor(Math.pow(rnd.next(), 1.6) * customers.length)]!;
    const category = rnd.pick(categories);
    const product = rnd.pick(PRODUCTS);
    const daysAgo = Math.floor(rnd.next() * 30);
    const placed = new Date(realNow.getTime() - (daysAgo + 5) * 86_400_000);
    const fulfillment = rnd.pick(FULFILLMENT_STATES);
    const number = `ORD-${placed.toISOString().slice(0, 10).replace(/-/g, '')}-${String(1000 + i).padStart(4, '0')}`;
    const total = rnd.next() < 0.1 ? (500 + Math.floor(rnd.next() * 900)).toFixed(2) : (20 + Math.floor(rnd.next() * 300)).toFixed(2);
    const text = rnd.pick(OPENERS[category]!).replace('{product}', product.name).replace('{order}', number);
    const body = {
      category,
      subject: text.length > 70 ? `${text.slice(0, 67)}…` : text,
      channel: rnd.pick(['email', 'email', 'chat', 'phone', 'web_form', 'social', 'marketplace'] as const),
      storefront: rnd.next() < 0.2 ? 'marketplace' : rnd.next() < 0.1 ? 'retail' : 'web',
      customer: { id: customer.id, name: customer.name, email: customer.email, phone: customer.phone, vip: customer.vip },
      order: {
        number, total, currency: 'USD', placedAt: placed.toISOString(), fulfillment,
        destination: rnd.next() < 0.2 ? 'international' : 'domestic',
        ...(fulfillment === 'delivered' ? { deliveredAt: new Date(placed.getTime() + 4 * 86_400_000).toISOString() } : {}),
        failedDeliveries: category === 'failed_delivery' ? 1 + Math.floor(rnd.next() * 3) : 0,
      },
      ...(category === 'refund_request' && rnd.next() < 0.3 ? { refund: { amount: (450 + Math.floor(rnd.next() * 200)).toFixed(2) } } : {}),
      timeline: [{ type: 'message', from: 'customer', text }],
    };
    const opened = await openCase(store, agent, { body, quiet: true });
    made++;
    const id = opened.id;
    const roll = rnd.next();
    if (roll < 0.25) continue; // still new
    const restricted = category === 'chargeback' || category === 'fraud';
    const leadership = actors.get('leadership')!;
    // The restricted log (R000-08) is worked by leadership; everything else by the level's owner.
    const owner = restricted ? leadership : opened.level === 'L1' ? agent : opened.level === 'L2' ? lead : opened.level === 'L3' ? actors.get('escalations')! : leadership;
    const assigner = restricted ? leadership : lead;
    const logger = restricted ? leadership : agent;
    await assignCase(store, assigner, { caseId: id, assigneeId: owner.id });
    await addCaseMessage(store, owner, { caseId: id, from: 'agent', text: rnd.pick(AGENT_REPLIES) });
    if (rnd.next() < 0.3) await addCaseMessage(store, logger, { caseId: id, from: 'customer', text: rnd.pick(ESCALATING_FOLLOW_UPS) });
    else if (rnd.next() < 0.5) await addCaseMessage(store, logger, { caseId: id, from: 'customer', text: rnd.pick(CALM_FOLLOW_UPS) });
    if (roll > 0.5 && roll < 0.6) await addInternalNote(store, assigner, { caseId: id, text: 'Checked other accounts for this customer (R003-03).' });
    if (roll > 0.6) {
      const resolver = actors.get('leadership')!;
      await changeCaseStatus(store, resolver, { caseId: id, status: 'resolved', quiet: true });
      if (roll > 0.85) await changeCaseStatus(store, resolver, { caseId: id, status: 'closed', quiet: true });
    } else if (roll > 0.45) {
      await changeCaseStatus(store, actors.get('leadership')!, { caseId: id, status: rnd.pick(['pending_customer', 'pending_supplier', 'pending_internal'] as const), quiet: true });
    }
  }
  // Linked accounts: the same person with a second account (R003-03).
  for (let i = 0; i + 1 < Math.min(customers.length, 12); i += 4) {
    await linkCustomerAccounts(store, SYSTEM_ACTOR, { externalId: customers[i]!.id, linkedExternalId: customers[i + 1]!.id, reason: 'same shipping address' }).catch(() => undefined);
  }
  return {
    users: DEMO_USERS.map((u) => ({ email: u.email, role: u.role })),
    password: DEMO_PASSWORD,
    cases: made,
    customers: customers.length,
  };
}
