import { createHash } from 'node:crypto';
import type { Executor } from '../database.js';

// Erasure is the one rewrite of stored history: a data-protection request (GDPR Art. 17, Shopify's
// customers/redact and shop/redact) outranks the append-only timeline. What is kept is what
// statistics need — categories, levels, times, money — with nothing that identifies the person.

export const REDACTED = '[redacted]';

export function redactedExternalId(externalId: string): string {
  return `redacted:${createHash('sha256').update(externalId).digest('hex').slice(0, 16)}`;
}

export interface RedactionResult {
  customers: number;
  cases: number;
  events: number;
  attachments: { id: number; storageKey: string; sha256: string }[];
  webhookBodies: number;
}

export async function redactCustomers(db: Executor, customerIds: number[], identifiers: string[], at: string): Promise<RedactionResult> {
  const result: RedactionResult = { customers: 0, cases: 0, events: 0, attachments: [], webhookBodies: 0 };
  if (customerIds.length === 0) return result;
  const customers = await db.selectFrom('customers').select(['id', 'external_id']).where('id', 'in', customerIds).execute();
  for (const c of customers) {
    await db
      .updateTable('customers')
      .set({ external_id: c.external_id.startsWith('redacted:') ? c.external_id : redactedExternalId(c.external_id), name: null, email: null, phone: null, updated_at: at })
      .where('id', '=', c.id)
      .execute();
    result.customers++;
  }
  await db.deleteFrom('customer_links').where((eb) => eb.or([eb('customer_id', 'in', customerIds), eb('linked_customer_id', 'in', customerIds)])).execute();

  const cases = await db.selectFrom('cases').select(['id', 'facts_json']).where('customer_id', 'in', customerIds).execute();
  const caseIds = cases.map((c) => Number(c.id));
  for (const c of cases) {
    const facts = JSON.parse(c.facts_json) as { customer?: Record<string, unknown> };
    if (facts.customer) facts.customer = { vip: facts.customer.vip, priorIssues: facts.customer.priorIssues };
    await db.updateTable('cases').set({ subject: REDACTED, promised_resolution: null, facts_json: JSON.stringify(facts), updated_at: at }).where('id', '=', c.id).execute();
    result.cases++;
  }
  if (caseIds.length > 0) {
    // Messages and notes carry what people wrote; events keep their kind, time and actor.
    const events = await db.selectFrom('case_events').select(['id', 'data_json']).where('case_id', 'in', caseIds).where('type', 'in', ['message', 'note', 'opened', 'promise_set', 'attachment_added']).execute();
    for (const e of events) {
      const data = JSON.parse(e.data_json) as Record<string, unknown>;
      for (const key of ['text', 'subject', 'promisedResolution', 'fileName', 'note']) if (key in data) data[key] = REDACTED;
      await db.updateTable('case_events').set({ data_json: JSON.stringify(data) }).where('id', '=', e.id).execute();
      result.events++;
    }
    const attachments = await db.selectFrom('attachments').select(['id', 'storage_key', 'sha256']).where('case_id', 'in', caseIds).execute();
    result.attachments = attachments.map((a) => ({ id: Number(a.id), storageKey: a.storage_key, sha256: a.sha256 }));
    if (attachments.length) await db.deleteFrom('attachments').where('case_id', 'in', caseIds).execute();
  }
  // Raw webhook bodies that name the person (kept for audit) lose their content too.
  for (const ident of identifiers.filter((i) => i.length >= 3)) {
    const r = await db
      .updateTable('webhook_deliveries')
      .set({ raw_body: JSON.stringify({ redacted: true, at }) })
      .where('raw_body', 'like', `%${ident.replace(/[%_]/g, '')}%`)
      .executeTakeFirst();
    result.webhookBodies += Number(r.numUpdatedRows);
  }
  return result;
}

/** Whether any other attachment still uses these bytes (files are shared by content hash). */
export async function attachmentBytesStillUsed(db: Executor, sha256: string): Promise<boolean> {
  const row = await db.selectFrom('attachments').select('id').where('sha256', '=', sha256).limit(1).executeTakeFirst();
  return row !== undefined;
}
