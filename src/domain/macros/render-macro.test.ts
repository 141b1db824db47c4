import { describe, expect, it } from 'vitest';
import { renderMacro } from './render-macro.js';
import { buildMacroContext, splitPersonName } from './macro-context.js';
import type { MacroContext } from './macro-variables.js';

const NY = { timeZone: 'America/New_York' };

const context: MacroContext = buildMacroContext({
  case: { id: 17, subject: 'Late order', category: 'shipping_delay', priority: 'P3', promisedResolution: 'ship by Friday', promisedBy: '2026-11-25T03:30:00.000Z' },
  customer: { externalId: 'C-1001', name: 'Ava Nguyen', email: 'ava@example.com' },
  order: {
    number: 'ORD-20261101-0042', placedAt: '2026-11-01T15:00:00.000Z', shippedAt: null, deliveredAt: null, neededBy: '2026-12-24',
    fulfillment: 'packed', destination: 'domestic', total: { decimal: '129.00', currency: 'USD' },
  },
  agent: { name: 'Sam Rivera' },
});

describe('macro rendering (issue 5 item 3)', () => {
  it('fills case, order and customer variables; blanks stay for the agent (R001-10)', () => {
    const r = renderMacro('Hi {{customer.firstName}}, order #{{order.number}} ({{order.total}}) is delayed. Reason: [[reason for delay]]. — {{agent.firstName}}', context, NY);
    expect(r.text).toBe('Hi Ava, order #ORD-20261101-0042 ($129.00) is delayed. Reason: [[reason for delay]]. — Sam');
    expect(r.unfilled).toEqual([{ kind: 'placeholder', label: 'reason for delay', start: 63, end: 83 }]);
  });

  it('dates print on the desk calendar day, not the UTC one', () => {
    // 03:30 UTC on the 25th is still the evening of the 24th in New York.
    expect(renderMacro('{{case.promisedBy | date}}', context, NY).text).toBe('November 24, 2026');
    expect(renderMacro('{{case.promisedBy | date}}', context, { timeZone: 'UTC' }).text).toBe('November 25, 2026');
    expect(renderMacro('{{case.promisedBy | weekday}}', context, NY).text).toBe('Tuesday, November 24');
    expect(renderMacro('{{case.promisedBy | datetime}}', context, NY).text).toBe('November 24, 2026 at 10:30 PM EST');
    expect(renderMacro('{{case.promisedBy}}', context, NY).text).toBe('November 24, 2026');
  });

  it('a bare date stays that date in every zone', () => {
    expect(renderMacro('{{order.neededBy | date}}', context, { timeZone: 'Pacific/Kiritimati' }).text).toBe('December 24, 2026');
  });

  it('a missing value becomes a blank to fill unless the template gives a default', () => {
    const r = renderMacro('Shipped {{order.shippedAt | date}}. Hi {{customer.email | default:"friend"}}', { ...context, 'order.shippedAt': null, 'customer.email': '  ' }, NY);
    expect(r.text).toBe('Shipped [[order.shippedAt]]. Hi friend');
    expect(r.unfilled).toMatchObject([{ kind: 'placeholder', label: 'order.shippedAt' }]);
  });

  it('upper and lower apply after formatting', () => {
    expect(renderMacro('{{customer.name | upper}} / {{customer.name | lower}}', context, NY).text).toBe('AVA NGUYEN / ava nguyen');
  });

  it('money keeps the currency precision (JPY has none, KWD three)', () => {
    expect(renderMacro('{{order.total}}', { 'order.total': { decimal: '1500', currency: 'JPY' } }, NY).text).toBe('¥1,500');
    expect(renderMacro('{{order.total}}', { 'order.total': { decimal: '12.345', currency: 'KWD' } }, NY).text).toBe('KWD 12.345');
  });

  it('splits names: first word is the first name; "Last, First" is understood', () => {
    expect(splitPersonName('Mary Ann Smith')).toEqual({ first: 'Mary', last: 'Ann Smith' });
    expect(splitPersonName('Nguyen, Ava')).toEqual({ first: 'Ava', last: 'Nguyen' });
    expect(splitPersonName('  ')).toEqual({ first: null, last: null });
    expect(splitPersonName('Cher')).toEqual({ first: 'Cher', last: null });
  });
});
