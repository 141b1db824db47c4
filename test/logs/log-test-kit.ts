import type { EvidenceFacts, LogSnapshot } from '../../src/domain/logs/log-machine.js';
import type { LogCondition, LogFieldDef, LogFields, LogFieldValue, LogRequirement, LogTransitionDef, LogTypeDef } from '../../src/domain/logs/log-type.js';

// Builders for the domain tests: a snapshot that satisfies every requirement of a move, so a test
// can then break exactly one and see it named.

export const OPENED_AT = '2026-11-22T09:00:00.000Z';
export const NO_EVIDENCE: EvidenceFacts = { images: [], notesAt: [] };
export const ALL_EVIDENCE: EvidenceFacts = { images: [{ at: '2026-11-22T09:05:00.000Z', noted: true }], notesAt: ['2026-11-22T09:05:00.000Z'] };

export function sampleValue(def: LogFieldDef): LogFieldValue {
  switch (def.type) {
    case 'text': case 'longtext': return `sample ${def.key}`;
    case 'enum': return def.options![0]!;
    case 'enum_list': return [def.options![0]!];
    case 'date': return '2026-11-30';
    case 'datetime': return '2026-11-22T10:00:00.000Z';
    case 'integer': return 3;
    case 'boolean': return true;
    case 'sku': return 'SKU-1';
    case 'sku_list': return ['SKU-1'];
    case 'order_numbers': return ['ORD-1'];
    case 'url': return 'https://photos.example/album';
    case 'currency': return 'EUR';
  }
}

function satisfy(type: LogTypeDef, req: LogRequirement, fields: LogFields): void {
  if (req.kind === 'evidence') {
    if (req.evidence === 'customer_confirmation') {
      fields.customerConfirmedAt = '2026-11-22T09:30:00.000Z';
      fields.confirmationChannel = 'email';
    }
    return;
  }
  const def = type.fields.find((f) => f.key === req.field);
  if (!def) throw new Error(`${type.key}: requirement on unknown field ${req.field}`);
  if (req.equals !== undefined) fields[req.field] = req.equals;
  else if (req.oneOf !== undefined) fields[req.field] = req.oneOf[0]!;
  else if (req.memberOf !== undefined) {
    fields[req.field] = 'SKU-1';
    fields[req.memberOf] = ['SKU-1', 'SKU-2'];
  } else if (fields[req.field] === undefined) fields[req.field] = sampleValue(def);
}

/** A snapshot in `from` whose fields meet every requirement of the transition. */
export function satisfyingSnapshot(type: LogTypeDef, t: LogTransitionDef, from: string): LogSnapshot {
  const fields: LogFields = {};
  for (const req of t.requires ?? []) satisfy(type, req, fields);
  return { state: from, fields, openedAt: OPENED_AT };
}

export { codeOf } from '../support/code-of.js';

/** Makes a requirement's condition hold, so the requirement applies. */
export function applyCondition(fields: LogFields, cond: LogCondition): void {
  if (cond.equals !== undefined) fields[cond.field] = cond.equals;
  if (cond.oneOf !== undefined) fields[cond.field] = cond.oneOf[0]!;
  if (cond.includes !== undefined) {
    const list = fields[cond.field];
    fields[cond.field] = Array.isArray(list) ? [...new Set([...list, cond.includes])] : [cond.includes];
  }
}
