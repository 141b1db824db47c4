import { describe, expect, test } from 'vitest';
import { countdown, humanize, localInputToIso } from '../../src/console/lib/format.js';

// Display rules of the console's queues and case header (issue 8): due times as countdowns, red once past.
describe('console display helpers', () => {
  const now = Date.parse('2026-11-22T12:00:00Z');

  test('a resolution due later reads as a countdown in days and hours', () => {
    expect(countdown('2026-11-24T15:30:00Z', now)).toEqual({ text: 'in 2d 3h', overdue: false });
    expect(countdown('2026-11-22T13:05:00Z', now)).toEqual({ text: 'in 1h 5m', overdue: false });
  });

  test('a due time in the past is overdue and says by how much', () => {
    expect(countdown('2026-11-22T11:20:00Z', now)).toEqual({ text: '40m overdue', overdue: true });
    expect(countdown('2026-11-22T11:59:40Z', now)).toEqual({ text: 'due now', overdue: true });
  });

  test('contract ids read as words, with known acronyms kept upper case', () => {
    expect(humanize('pending_customer')).toBe('Pending customer');
    expect(humanize('bnpl_issue')).toBe('BNPL issue');
    expect(humanize('legal_threat')).toBe('Legal threat');
  });

  test('an empty or unreadable promise date gives no time rather than a wrong one', () => {
    expect(localInputToIso('')).toBeNull();
    expect(localInputToIso('not a date')).toBeNull();
  });
});
