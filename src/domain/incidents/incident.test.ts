import { describe, expect, it } from 'vitest';
import { codeOf } from '../../../test/support/code-of.js';
import { checkIncidentMove, suggestedIncidentTitle } from './incident.js';
import { DEFAULT_INCIDENT_SETTINGS, parseIncidentSettings } from './incident-settings.js';
import { findComplaintClusters, type ComplaintFacts } from './find-clusters.js';

const NOW = new Date('2026-12-06T12:00:00.000Z');
const day = (n: number) => new Date(NOW.getTime() - n * 86_400_000).toISOString();
const complaint = (caseId: number, daysAgo: number, over: Partial<ComplaintFacts> = {}): ComplaintFacts =>
  ({ caseId, openedAt: day(daysAgo), category: 'damaged_item', skus: [], carrier: null, ...over });

describe('incident status (R000-07)', () => {
  it('runs open → monitoring → resolved; monitoring may reopen', () => {
    expect(checkIncidentMove('open', 'monitoring')).toBe('monitoring');
    expect(checkIncidentMove('monitoring', 'resolved')).toBe('resolved');
    expect(checkIncidentMove('monitoring', 'open')).toBe('open');
    expect(checkIncidentMove('open', 'resolved')).toBe('resolved');
  });
  it('a resolved incident cannot move back to open: a recurrence is a new incident', () => {
    expect(codeOf(() => checkIncidentMove('resolved', 'open'))).toEqual({ code: 'invalid_transition', field: 'to' });
    expect(codeOf(() => checkIncidentMove('resolved', 'monitoring'))).toEqual({ code: 'invalid_transition', field: 'to' });
    expect(codeOf(() => checkIncidentMove('open', 'open'))).toEqual({ code: 'conflict', field: 'to' });
    expect(codeOf(() => checkIncidentMove('open', 'closed'))).toEqual({ code: 'invalid_input', field: 'to' });
  });
});

describe('multiple complaints about the same issue (R001-15)', () => {
  it('3 complaints in 7 days sharing a SKU make a cluster; 2 do not', () => {
    const sku = (id: number, d: number, s: string) => complaint(id, d, { skus: [s], category: ['damaged_item', 'missing_item', 'wrong_item'][id % 3]! });
    const clusters = findComplaintClusters([sku(1, 6, 'RING-7'), sku(2, 3, 'ring-7'), sku(3, 0.5, 'RING-7'), sku(4, 1, 'NECK-1'), sku(5, 2, 'NECK-1')], DEFAULT_INCIDENT_SETTINGS, NOW);
    expect(clusters.filter((c) => c.dimension === 'sku')).toEqual([{ dimension: 'sku', key: 'RING-7', caseIds: [1, 2, 3], firstAt: day(6), lastAt: day(0.5) }]);
  });
  it('complaints older than the window do not count', () => {
    const clusters = findComplaintClusters([complaint(1, 8, { carrier: 'UPS' }), complaint(2, 2, { carrier: 'ups' }), complaint(3, 1, { carrier: 'UPS ' })], DEFAULT_INCIDENT_SETTINGS, NOW);
    expect(clusters.find((c) => c.dimension === 'carrier')).toBeUndefined();
    expect(findComplaintClusters([complaint(1, 6, { carrier: 'UPS' }), complaint(2, 2, { carrier: 'ups' }), complaint(3, 1, { carrier: 'UPS ' })], DEFAULT_INCIDENT_SETTINGS, NOW)
      .find((c) => c.dimension === 'carrier')).toMatchObject({ key: 'ups', caseIds: [1, 2, 3] });
  });
  it('a shared category counts only for complaint categories: a busy week of order-status questions is no incident', () => {
    const asks = [1, 2, 3, 4].map((id) => complaint(id, id, { category: 'order_status' }));
    expect(findComplaintClusters(asks, DEFAULT_INCIDENT_SETTINGS, NOW)).toEqual([]);
    const defects = [1, 2, 3].map((id) => complaint(id, id, { category: 'defective_item' }));
    expect(findComplaintClusters(defects, DEFAULT_INCIDENT_SETTINGS, NOW)).toMatchObject([{ dimension: 'category', key: 'defective_item', caseIds: [3, 2, 1] }]);
  });
  it('N and M come from the policy\'s incidents section, with defaults 3 in 7 days', () => {
    expect(parseIncidentSettings(undefined, 'test')).toMatchObject({ minCases: 3, windowDays: 7 });
    const two = parseIncidentSettings({ minCases: 2, windowDays: 2, dimensions: ['sku'] }, 'test');
    expect(findComplaintClusters([complaint(1, 1, { skus: ['A'] }), complaint(2, 1.5, { skus: ['A'] })], two, NOW)).toHaveLength(1);
    expect(findComplaintClusters([complaint(1, 1, { skus: ['A'] }), complaint(2, 3, { skus: ['A'] })], two, NOW)).toHaveLength(0);
    expect(codeOf(() => parseIncidentSettings({ minCases: 1 }, 'test'))).toEqual({ code: 'invalid_policy', field: 'incidents.minCases' });
    expect(codeOf(() => parseIncidentSettings({ window: 7 }, 'test'))).toEqual({ code: 'invalid_policy', field: 'incidents.window' });
    expect(codeOf(() => parseIncidentSettings({ dimensions: ['sku', 'colour'] }, 'test'))).toEqual({ code: 'invalid_policy', field: 'incidents.dimensions[1]' });
  });
  it('a suggested incident\'s title says what the cases share', () => {
    expect(suggestedIncidentTitle('sku', 'RING-7', 3, 7)).toBe('Multiple complaints: 3 cases about SKU RING-7 within 7 days');
  });
});
