import { describe, expect, test } from 'vitest';
import { parseCaseIdList, sharedLabel } from '../../src/console/api/incident-types.js';
import { linkedIncidents, multipleComplaintsFlag } from '../../src/console/pages/case/case-incidents-data.js';
import { chargebackSummary } from '../../src/console/pages/logs/chargeback-fields.js';
import { humanize } from '../../src/console/lib/format.js';
import type { TimelineEntry } from '../../src/console/api/types.js';

// What the console reads from the case timeline and log fields for incidents (R000-07, R001-15)
// and the chargeback log (R000-08).
const event = (id: number, type: string, data: Record<string, unknown>): TimelineEntry =>
  ({ id: String(id), type, at: `2026-12-0${id}T10:00:00.000Z`, actor: { kind: 'system', id: null }, internal: true, data });

describe('console incident and chargeback helpers', () => {
  test('a case is in the incidents it was linked to and not unlinked from since (R000-07)', () => {
    const timeline = [
      event(1, 'incident_linked', { incidentId: '4', title: 'Clasp missing' }),
      event(2, 'incident_linked', { incidentId: '7', title: 'Carrier X losing parcels' }),
      event(3, 'incident_unlinked', { incidentId: '4', title: 'Clasp missing' }),
    ];
    expect(linkedIncidents(timeline)).toEqual([{ id: '7', title: 'Carrier X losing parcels' }]);
    expect(linkedIncidents([...timeline, event(4, 'incident_linked', { incidentId: '4', title: 'Clasp missing' })]).map((i) => i.id)).toEqual(['7', '4']);
  });

  test('the red flag "multiple complaints about the same issue" is found among other red flags, the latest first (R001-15)', () => {
    expect(multipleComplaintsFlag([event(1, 'red_flag', { flag: 'legal_threat' })])).toBeNull();
    const flag = multipleComplaintsFlag([
      event(1, 'red_flag', { flag: 'multiple_complaints_same_issue', cases: 3, incidentId: '4' }),
      event(2, 'red_flag', { flag: 'multiple_complaints_same_issue', cases: 5, incidentId: '9' }),
    ]);
    expect(flag?.data).toMatchObject({ cases: 5, incidentId: '9' });
  });

  test('case numbers typed with commas, spaces or a leading # become ids; the server names a bad one', () => {
    expect(parseCaseIdList(' #12, 15;17  ')).toEqual(['12', '15', '17']);
    expect(parseCaseIdList('')).toEqual([]);
  });

  test('what a suggested incident shares reads as words', () => {
    expect(sharedLabel('sku', 'CLASP-1', humanize)).toBe('SKU CLASP-1');
    expect(sharedLabel('category', 'damaged_item', humanize)).toBe('category Damaged item');
    expect(sharedLabel(null, null, humanize)).toBe('');
  });

  test('a chargeback entry shows source, reason code and its minor-unit amount as money (R000-08)', () => {
    expect(chargebackSummary('chargeback', { source: 'platform_chargeback', platform: 'shopify', reasonCode: '4837', amountMinor: 12900, currency: 'USD' }, 'en-US'))
      .toBe('Platform chargeback · shopify · reason 4837 · $129.00');
    expect(chargebackSummary('chargeback', { source: 'high_risk_order', amountMinor: 1000, currency: 'JPY' }, 'en-US')).toBe('High risk order · ¥1,000');
    expect(chargebackSummary('out_of_stock', { source: 'x' }, 'en-US')).toBeNull();
  });
});
