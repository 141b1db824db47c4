import { invalidInput } from '../../domain/errors.js';
import { dispositionFor, type InspectionOutcome } from '../../domain/returns/rma.js';
import { RETURN_CONDITIONS, isOneOf, type ReturnCondition } from '../../domain/returns/return-vocabulary.js';
import type { Actor } from '../actor.js';
import type { Store } from '../../store/database.js';
import { changeRma } from './change-rma.js';
import { inputObject, optionalText } from './rma-inputs.js';
import type { RmaInspection, RmaItem } from './rma-snapshot.js';
import type { RmaView } from './rma-view.js';

const OUTCOMES = ['resellable', 'damaged'] as const;

interface LineVerdict {
  outcome: InspectionOutcome;
  conditionFound?: ReturnCondition;
  note?: string;
}

/**
 * Inspects what came back (R001-08): each line is resellable → back to stock, or damaged → the
 * returns area. Body: `{ "outcome": "resellable", "conditionFound"?: "opened" }` for every line, or per line
 * `{ "lines": [{ "sku": "EAR-01", "outcome": "damaged", "conditionFound": "damaged", "note": "…" }] }`
 * (`index` instead of `sku` when one SKU is on several lines). Every line needs an outcome.
 */
export async function inspectRma(store: Store, actor: Actor, input: { number: unknown; body?: unknown }): Promise<RmaView> {
  const body = inputObject(input.body);
  const note = optionalText(body.note, 'note');
  return changeRma(store, actor, { number: input.number, event: 'inspect', permission: 'returns.manage' }, (ctx) => {
    const verdicts = verdictsFor(ctx.items, body);
    const items: RmaItem[] = ctx.items.map((item, i) => {
      const v = verdicts[i] as LineVerdict;
      const inspection: RmaInspection = {
        outcome: v.outcome,
        disposition: dispositionFor(v.outcome),
        ...(v.conditionFound && v.conditionFound !== item.condition ? { conditionFound: v.conditionFound } : {}),
        ...(v.note ? { note: v.note } : {}),
        at: ctx.at,
        by: ctx.actorId,
      };
      return { ...item, inspection };
    });
    const units = (disposition: string) => items
      .filter((item) => item.inspection?.disposition === disposition)
      .map((item) => ({ sku: item.sku, quantity: item.quantity }));
    const mismatches = items.filter((item) => item.inspection?.conditionFound !== undefined).map((item) => ({
      sku: item.sku, reported: item.condition, found: item.inspection?.conditionFound,
    }));
    return {
      patch: { itemsJson: JSON.stringify(items) },
      data: { restock: units('restock'), returnsArea: units('returns_area'), ...(mismatches.length > 0 ? { conditionMismatches: mismatches } : {}), ...(note ? { note } : {}) },
    };
  });
}

function verdictsFor(items: RmaItem[], body: Record<string, unknown>): (LineVerdict | undefined)[] {
  const verdicts: (LineVerdict | undefined)[] = items.map(() => undefined);
  if (body.outcome !== undefined) {
    if (!isOneOf(OUTCOMES, body.outcome)) throw invalidInput('outcome', `expected ${OUTCOMES.join(' or ')}`);
    if (body.conditionFound !== undefined && !isOneOf(RETURN_CONDITIONS, body.conditionFound)) {
      throw invalidInput('conditionFound', `expected one of ${RETURN_CONDITIONS.join(', ')}`);
    }
    verdicts.fill({ outcome: body.outcome, ...(body.conditionFound !== undefined ? { conditionFound: body.conditionFound as ReturnCondition } : {}) });
  }
  if (body.lines !== undefined) {
    if (!Array.isArray(body.lines)) throw invalidInput('lines', 'expected an array');
    body.lines.forEach((raw: unknown, i: number) => {
      const path = `lines[${i}]`;
      if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw invalidInput(path, 'expected an object');
      const line = raw as Record<string, unknown>;
      if (!isOneOf(OUTCOMES, line.outcome)) throw invalidInput(`${path}.outcome`, `expected ${OUTCOMES.join(' or ')}`);
      if (line.conditionFound !== undefined && !isOneOf(RETURN_CONDITIONS, line.conditionFound)) {
        throw invalidInput(`${path}.conditionFound`, `expected one of ${RETURN_CONDITIONS.join(', ')}`);
      }
      const lineNote = optionalText(line.note, `${path}.note`);
      const verdict: LineVerdict = {
        outcome: line.outcome,
        ...(line.conditionFound !== undefined ? { conditionFound: line.conditionFound as ReturnCondition } : {}),
        ...(lineNote ? { note: lineNote } : {}),
      };
      const targets = targetLines(items, line, path);
      for (const t of targets) verdicts[t] = verdict;
    });
  }
  const missing = verdicts.findIndex((v) => v === undefined);
  if (missing >= 0) {
    throw invalidInput(body.lines === undefined ? 'outcome' : 'lines', `no outcome for line ${missing} (${items[missing]?.sku}): give "outcome" for all lines or one per line`);
  }
  return verdicts;
}

function targetLines(items: RmaItem[], line: Record<string, unknown>, path: string): number[] {
  if (line.index !== undefined) {
    if (typeof line.index !== 'number' || !Number.isInteger(line.index) || line.index < 0 || line.index >= items.length) {
      throw invalidInput(`${path}.index`, `expected a line index from 0 to ${items.length - 1}`);
    }
    return [line.index];
  }
  if (typeof line.sku !== 'string') throw invalidInput(`${path}.sku`, 'expected the sku (or an index)');
  const matches = items.flatMap((item, i) => (item.sku === line.sku ? [i] : []));
  if (matches.length === 0) throw invalidInput(`${path}.sku`, 'not in this RMA');
  return matches;
}
