import { describe, expect, test } from 'vitest';
import type { LogFieldDescription } from '../../src/console/api/log-types.js';
import { openingDrafts, sameDraft, toDraft, toWire } from '../../src/console/pages/logs/log-draft.js';
import { toCalendarDraft, toCalendarSpec, windowsOf } from '../../src/console/pages/admin/calendar-draft.js';

// What the console's log forms and calendar editor send (issue 8 items 1 and 3): drafts become the
// API's values, and anything the console cannot read goes as typed so the server names the field.

const field = (type: LogFieldDescription['type'], options: string[] | null = null): LogFieldDescription => ({
  key: 'f', label: 'F', type, options, requiredAtOpen: false, derived: false, editableBy: ['agent'], youMayEdit: true, help: null,
});

describe('log field drafts', () => {
  test('a new entry\'s currency fields start in the desk\'s currency; fields the person may not edit stay empty', () => {
    const amount = { ...field('integer'), key: 'amountMinor' };
    const currency = { ...field('currency'), key: 'currency' };
    const locked = { ...field('currency'), key: 'settledCurrency', youMayEdit: false };
    expect(openingDrafts([amount, currency, locked], 'EUR')).toEqual({ currency: 'EUR' });
  });

  test('an emptied field is sent as null, which clears it on the entry', () => {
    expect(toWire(field('text'), '   ')).toBeNull();
    expect(toWire(field('enum_list', ['a', 'b']), [])).toBeNull();
  });

  test('lists of SKUs and order numbers are typed comma-separated and sent as arrays', () => {
    expect(toWire(field('sku_list'), 'HOOP-GOLD-20, HOOP-ROSE-18,')).toEqual(['HOOP-GOLD-20', 'HOOP-ROSE-18']);
    expect(toDraft(field('order_numbers'), ['ORD-1', 'ORD-2'])).toBe('ORD-1, ORD-2');
  });

  test('a whole number goes as a number; anything else as typed for the server to refuse by name', () => {
    expect(toWire(field('integer'), '0')).toBe(0);
    expect(toWire(field('integer'), 'three')).toBe('three');
    expect(toWire(field('boolean'), 'false')).toBe(false);
  });

  test('a local date-time is sent as a UTC instant and shown back in local time', () => {
    const iso = toWire(field('datetime'), '2026-12-01T09:30') as string;
    expect(iso).toMatch(/^2026-12-0\dT\d\d:30:00\.000Z$/);
    expect(toDraft(field('datetime'), iso)).toBe('2026-12-01T09:30');
  });

  test('drafts compare by content, lists item by item', () => {
    expect(sameDraft(['a', 'b'], ['a', 'b'])).toBe(true);
    expect(sameDraft(['a', 'b'], ['b', 'a'])).toBe(false);
    expect(sameDraft('x', 'x')).toBe(true);
  });
});

describe('team calendar drafts', () => {
  test('windows are typed as HH:MM-HH:MM, several per day; an empty day is a day off', () => {
    const spec = toCalendarSpec({
      timeZone: ' Europe/Berlin ', holidayPreset: 'DE', holidays: '2026-12-24\n2026-12-31',
      week: { mon: '09:00-12:00, 13:00 – 17:00', tue: '', wed: '', thu: '', fri: '08:00-16:00', sat: '', sun: '' },
    });
    expect(spec).toEqual({
      timeZone: 'Europe/Berlin', holidayPreset: 'DE', holidays: ['2026-12-24', '2026-12-31'],
      week: { mon: [{ start: '09:00', end: '12:00' }, { start: '13:00', end: '17:00' }], fri: [{ start: '08:00', end: '16:00' }] },
    });
  });

  test('a window that does not split is sent as typed, for the server to name (calendar.week.mon[0].end)', () => {
    expect(windowsOf('9 to 5')).toEqual([{ start: '9 to 5', end: '' }]);
  });

  test('a stored calendar reads back into the same draft', () => {
    const spec = { timeZone: 'America/New_York', week: { mon: [{ start: '09:00', end: '17:00' }] }, holidays: ['2026-07-03'] };
    expect(toCalendarSpec(toCalendarDraft(spec))).toEqual(spec);
  });
});
