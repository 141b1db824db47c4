import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.js';

describe('desk currency (issue 8: money forms start in the desk\'s currency)', () => {
  it('DESK_CURRENCY defaults to USD and takes any ISO 4217 code, in either case', () => {
    expect(loadConfig({}).deskCurrency).toBe('USD');
    expect(loadConfig({ DESK_CURRENCY: 'eur' }).deskCurrency).toBe('EUR');
    expect(loadConfig({ DESK_CURRENCY: 'JPY' }).deskCurrency).toBe('JPY');
  });

  it('a code that is no currency stops the start, naming the variable', () => {
    let problems: string[] = [];
    try {
      loadConfig({ DESK_CURRENCY: 'EURO' });
    } catch (err) {
      problems = (err as ConfigError).problems;
    }
    expect(problems).toEqual(['DESK_CURRENCY: expected an ISO 4217 code such as USD or EUR, got "EURO"']);
  });
});
