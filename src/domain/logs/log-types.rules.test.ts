import { describe, expect, it } from 'vitest';
import { logTypeOf } from './log-registry.js';
import { checkMove, type EvidenceFacts } from './log-machine.js';
import { rushAnswer } from './rush-answer.js';
import { logDueAt } from './log-due.js';
import { ALL_EVIDENCE, NO_EVIDENCE, OPENED_AT, codeOf } from '../../../test/logs/log-test-kit.js';
import type { LogFields } from './log-type.js';

// The SOP rules each template enforces, one by one.

function move(key: string, state: string, fields: LogFields, to: string, role: Parameters<typeof checkMove>[3], evidence: EvidenceFacts = ALL_EVIDENCE, note = '') {
  return codeOf(() => checkMove(logTypeOf(key), { state, fields, openedAt: OPENED_AT }, to, role, evidence, note));
}

describe('out of stock (R000-02, R001-06)', () => {
  const sourced = { sku: 'RING-7', physicalCount: 0, alternatives: ['RING-8', 'RING-9'] };
  it('back office proposes alternatives only after a physical count', () => {
    expect(move('out_of_stock', 'reported', { sku: 'RING-7', alternatives: ['RING-8'] }, 'alternatives_proposed', 'back_office')).toEqual({ code: 'precondition_failed', field: 'fields.physicalCount' });
    expect(move('out_of_stock', 'reported', sourced, 'alternatives_proposed', 'back_office')).toEqual({ code: 'ok' });
    expect(move('out_of_stock', 'reported', sourced, 'alternatives_proposed', 'supplier')).toEqual({ code: 'forbidden', field: 'to' });
  });
  it('the supplier sources from the given options: a substitute outside them is refused', () => {
    expect(move('out_of_stock', 'alternatives_proposed', sourced, 'sourcing', 'supplier')).toEqual({ code: 'ok' });
    expect(move('out_of_stock', 'alternatives_proposed', sourced, 'sourcing', 'agent')).toEqual({ code: 'forbidden', field: 'to' });
    expect(move('out_of_stock', 'sourcing', { ...sourced, outcome: 'substitute', substituteSku: 'RING-1' }, 'resolved', 'supplier')).toEqual({ code: 'precondition_failed', field: 'fields.substituteSku' });
    expect(move('out_of_stock', 'sourcing', { ...sourced, outcome: 'substitute', substituteSku: 'RING-9' }, 'resolved', 'supplier')).toEqual({ code: 'ok' });
  });
  it('a backorder needs the restock date; a refund needs only the outcome', () => {
    expect(move('out_of_stock', 'sourcing', { ...sourced, outcome: 'backorder' }, 'resolved', 'supplier')).toEqual({ code: 'precondition_failed', field: 'fields.restockDate' });
    expect(move('out_of_stock', 'sourcing', { ...sourced, outcome: 'refund' }, 'resolved', 'supplier')).toEqual({ code: 'ok' });
  });
  it('nothing available: back to back office with a reason', () => {
    expect(move('out_of_stock', 'sourcing', sourced, 'alternatives_proposed', 'supplier')).toEqual({ code: 'invalid_input', field: 'note' });
    expect(move('out_of_stock', 'sourcing', sourced, 'alternatives_proposed', 'supplier', ALL_EVIDENCE, 'none in stock at the maker')).toEqual({ code: 'ok' });
  });
});

describe('processing delay (R000-03, R001-02, R001-10)', () => {
  it('back office escalates to the supplier, who confirms the cause and the new ship date', () => {
    expect(move('processing_delay', 'at_risk', {}, 'supplier_follow_up', 'supplier')).toEqual({ code: 'forbidden', field: 'to' });
    expect(move('processing_delay', 'at_risk', {}, 'supplier_follow_up', 'back_office')).toEqual({ code: 'ok' });
    expect(move('processing_delay', 'supplier_follow_up', { cause: 'supplier_delay' }, 'cause_confirmed', 'supplier')).toEqual({ code: 'precondition_failed', field: 'fields.newShipDate' });
    expect(move('processing_delay', 'supplier_follow_up', { cause: 'supplier_delay', newShipDate: '2026-11-30' }, 'cause_confirmed', 'supplier')).toEqual({ code: 'ok' });
  });
  it('CS is told what it may offer before the order ships', () => {
    expect(move('processing_delay', 'cause_confirmed', {}, 'cs_informed', 'back_office')).toEqual({ code: 'precondition_failed', field: 'fields.csMayOffer' });
    expect(move('processing_delay', 'cause_confirmed', { actualShipDate: '2026-11-30' }, 'shipped', 'back_office')).toEqual({ code: 'invalid_transition', field: 'to' });
    expect(move('processing_delay', 'cs_informed', {}, 'shipped', 'supplier')).toEqual({ code: 'precondition_failed', field: 'fields.actualShipDate' });
  });
});

describe('incorrect address (R000-05)', () => {
  const confirmation = { customerConfirmedAt: '2026-11-22T09:30:00.000Z', confirmationChannel: 'phone' };
  const screenshot: EvidenceFacts = { images: [{ at: '2026-11-22T09:40:00.000Z', noted: false }], notesAt: ['2026-11-22T09:41:00.000Z'] };
  it('each detail to confirm needs its confirmed value', () => {
    const fields = { fieldsToConfirm: ['shipping_address', 'tax_number'], problem: 'no house number', confirmedAddress: '1 Main St', ...confirmation };
    expect(move('incorrect_address', 'contacting_customer', fields, 'confirmed', 'agent', screenshot)).toEqual({ code: 'precondition_failed', field: 'fields.confirmedTaxNumber' });
    expect(move('incorrect_address', 'contacting_customer', { ...fields, confirmedTaxNumber: 'NL001' }, 'confirmed', 'agent', screenshot)).toEqual({ code: 'ok' });
  });
  it('the customer\'s confirmation is recorded, when and how', () => {
    const fields = { fieldsToConfirm: ['phone'], problem: 'x', confirmedPhone: '+31 6 1234' };
    expect(move('incorrect_address', 'contacting_customer', fields, 'confirmed', 'agent', screenshot)).toEqual({ code: 'precondition_failed', field: 'evidence.customer_confirmation' });
  });
  it('an internal note with a screenshot taken after the entry was logged is required (R000-12)', () => {
    const fields = { fieldsToConfirm: ['phone'], problem: 'x', confirmedPhone: '+31 6 1234', ...confirmation };
    expect(move('incorrect_address', 'contacting_customer', fields, 'confirmed', 'agent', NO_EVIDENCE)).toEqual({ code: 'precondition_failed', field: 'evidence.screenshot_note' });
    const before: EvidenceFacts = { images: [{ at: '2026-11-22T08:00:00.000Z', noted: true }], notesAt: ['2026-11-22T09:41:00.000Z'] };
    expect(move('incorrect_address', 'contacting_customer', fields, 'confirmed', 'agent', before)).toEqual({ code: 'precondition_failed', field: 'evidence.screenshot_note' });
    const imageOnly: EvidenceFacts = { images: [{ at: '2026-11-22T09:40:00.000Z', noted: false }], notesAt: [] };
    expect(move('incorrect_address', 'contacting_customer', fields, 'confirmed', 'agent', imageOnly)).toEqual({ code: 'precondition_failed', field: 'evidence.screenshot_note' });
  });
  it('the supplier updates the shipment once confirmed, and cannot confirm for the customer', () => {
    expect(move('incorrect_address', 'confirmed', {}, 'updated', 'supplier')).toEqual({ code: 'ok' });
    expect(move('incorrect_address', 'contacting_customer', {}, 'confirmed', 'supplier')).toEqual({ code: 'forbidden', field: 'to' });
  });
});

describe('pickup and return to sender (R000-06, R001-09)', () => {
  it('a store pickup is due ready within 2 hours of logging; a carrier-point pickup has no such clock', () => {
    const t = logTypeOf('pickup');
    expect(logDueAt(t, 'logged', { pickupKind: 'store' }, OPENED_AT)).toBe('2026-11-22T11:00:00.000Z');
    expect(logDueAt(t, 'ready', { pickupKind: 'store' }, OPENED_AT)).toBeNull();
    expect(logDueAt(t, 'logged', { pickupKind: 'carrier_point' }, OPENED_AT)).toBeNull();
  });
  it('a store pickup is ready only picked, packed, labelled and the store notified', () => {
    const ready = { pickupKind: 'store', readyAt: OPENED_AT, pickedAndPacked: true, storeNotifiedAt: OPENED_AT };
    expect(move('pickup', 'logged', ready, 'ready', 'supplier')).toEqual({ code: 'precondition_failed', field: 'fields.labelled' });
    expect(move('pickup', 'logged', { ...ready, labelled: true }, 'ready', 'supplier')).toEqual({ code: 'ok' });
    expect(move('pickup', 'logged', { pickupKind: 'carrier_point', readyAt: OPENED_AT }, 'ready', 'supplier')).toEqual({ code: 'ok' });
  });
  it('agents email the pickup instructions; the store releases the order on an ID check', () => {
    expect(move('pickup', 'ready', { pickupInstructions: 'Counter 2' }, 'customer_notified', 'agent')).toEqual({ code: 'precondition_failed', field: 'fields.instructionsSentAt' });
    expect(move('pickup', 'customer_notified', { pickupKind: 'store', collectedAt: OPENED_AT, idChecked: false }, 'collected', 'agent')).toEqual({ code: 'precondition_failed', field: 'fields.idChecked' });
  });
  it('a reshipment after RTS needs the address confirmed first', () => {
    expect(move('return_to_sender', 'customer_contacted', { reshipTracking: 'T1' }, 'reshipped', 'supplier')).toEqual({ code: 'invalid_transition', field: 'to' });
    expect(move('return_to_sender', 'customer_contacted', { customerChoice: 'reship', confirmedAddress: '1 Main St' }, 'address_confirmed', 'agent')).toEqual({ code: 'precondition_failed', field: 'evidence.customer_confirmation' });
    expect(move('return_to_sender', 'customer_contacted', { customerChoice: 'refund' }, 'address_confirmed', 'agent')).toEqual({ code: 'precondition_failed', field: 'fields.customerChoice' });
  });
});

describe('item issue (R000-11, R001-03, R001-04)', () => {
  it('nothing is assessed without a photo', () => {
    expect(move('item_issue', 'reported', { issueKind: 'misfit', replacementInStock: true }, 'assessed', 'back_office', NO_EVIDENCE)).toEqual({ code: 'precondition_failed', field: 'evidence.photo' });
  });
  it('a wrong item needs the pick history checked; damage needs its source', () => {
    expect(move('item_issue', 'reported', { issueKind: 'wrong_item', replacementInStock: true }, 'assessed', 'back_office')).toEqual({ code: 'precondition_failed', field: 'fields.pickHistoryChecked' });
    expect(move('item_issue', 'reported', { issueKind: 'damaged', replacementInStock: true }, 'assessed', 'back_office')).toEqual({ code: 'precondition_failed', field: 'fields.damageSource' });
  });
  it('packing damage → coach the packer; carrier damage → file a claim', () => {
    expect(move('item_issue', 'assessed', { issueKind: 'damaged', damageSource: 'packing' }, 'resolved', 'agent')).toEqual({ code: 'precondition_failed', field: 'fields.packerCoached' });
    expect(move('item_issue', 'assessed', { issueKind: 'damaged', damageSource: 'carrier' }, 'resolved', 'agent')).toEqual({ code: 'precondition_failed', field: 'fields.carrierClaimRef' });
    expect(move('item_issue', 'assessed', { issueKind: 'damaged', damageSource: 'carrier', carrierClaimRef: 'C-9' }, 'resolved', 'agent')).toEqual({ code: 'ok' });
  });
  it('a replacement ships only from stock; a wrong item that must come back gets a return label', () => {
    expect(move('item_issue', 'assessed', { issueKind: 'damaged', replacementInStock: false, replacementShipDate: '2026-11-23' }, 'replacement_sent', 'back_office')).toEqual({ code: 'precondition_failed', field: 'fields.replacementInStock' });
    expect(move('item_issue', 'replacement_sent', { issueKind: 'wrong_item', returnRequired: true }, 'resolved', 'agent')).toEqual({ code: 'precondition_failed', field: 'fields.returnLabelSent' });
  });
});

describe('rush or change request (R001-05)', () => {
  it('answers from the fulfillment state: not picked yes, packed needs an unpack approval, shipped no', () => {
    expect(rushAnswer('unfulfilled')).toBe('yes');
    expect(rushAnswer('picked')).toBe('needs_unpack_approval');
    expect(rushAnswer('packed')).toBe('needs_unpack_approval');
    expect(rushAnswer('shipped')).toBe('no');
    expect(rushAnswer('delivered')).toBe('no');
    expect(rushAnswer(null)).toBe('unknown');
  });
  it('a shipped order cannot be approved; a packed one needs the unpacking approved; yes needs a by-when', () => {
    expect(move('rush_change', 'requested', { requestKind: 'rush', answer: 'no', byWhen: OPENED_AT }, 'approved', 'back_office')).toEqual({ code: 'precondition_failed', field: 'fields.answer' });
    expect(move('rush_change', 'requested', { requestKind: 'rush', answer: 'needs_unpack_approval', byWhen: OPENED_AT }, 'approved', 'back_office')).toEqual({ code: 'precondition_failed', field: 'fields.unpackApproved' });
    expect(move('rush_change', 'requested', { requestKind: 'rush', answer: 'yes' }, 'approved', 'back_office')).toEqual({ code: 'precondition_failed', field: 'fields.byWhen' });
    expect(move('rush_change', 'requested', { requestKind: 'rush', answer: 'yes', byWhen: OPENED_AT }, 'approved', 'back_office')).toEqual({ code: 'ok' });
  });
  it('a no carries a clear reason', () => {
    expect(move('rush_change', 'requested', { requestKind: 'rush', answer: 'no' }, 'declined', 'back_office')).toEqual({ code: 'precondition_failed', field: 'fields.reason' });
  });
});

describe('store coordination (R001-07, R001-08)', () => {
  it('the warehouse pulls stock when the store has priority, and gives a wait time otherwise', () => {
    expect(move('store_transfer', 'requested', { priority: 'warehouse' }, 'pulling', 'back_office')).toEqual({ code: 'precondition_failed', field: 'fields.priority' });
    expect(move('store_transfer', 'requested', { priority: 'warehouse' }, 'waiting', 'back_office')).toEqual({ code: 'precondition_failed', field: 'fields.availableBy' });
    expect(move('store_transfer', 'pulling', { transferredAt: OPENED_AT }, 'transferred', 'back_office')).toEqual({ code: 'precondition_failed', field: 'fields.transferRef' });
  });
  it('a resellable return goes back to stock, a damaged one to the returns area', () => {
    expect(move('store_return', 'received', { condition: 'damaged' }, 'back_to_stock', 'agent')).toEqual({ code: 'precondition_failed', field: 'fields.condition' });
    expect(move('store_return', 'received', { condition: 'damaged' }, 'in_returns_area', 'agent')).toEqual({ code: 'ok' });
    expect(move('store_return', 'in_returns_area', { returnRef: 'R-1', inventoryUpdated: false }, 'processed', 'agent')).toEqual({ code: 'precondition_failed', field: 'fields.inventoryUpdated' });
  });
});
