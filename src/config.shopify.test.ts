import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.js';

describe('Shopify configuration', () => {
  it('SHOPIFY_PARKED_RETURN_EXPIRY_HOURS defaults to 72 hours and takes 1 to 8760', () => {
    expect(loadConfig({}).shopifyParkedReturnExpiryHours).toBe(72);
    expect(loadConfig({ SHOPIFY_PARKED_RETURN_EXPIRY_HOURS: '24' }).shopifyParkedReturnExpiryHours).toBe(24);
  });

  it('an expiry outside 1 to 8760 hours stops the start, naming the variable', () => {
    for (const bad of ['0', '8761', '1.5', 'three days']) {
      let problems: string[] = [];
      try {
        loadConfig({ SHOPIFY_PARKED_RETURN_EXPIRY_HOURS: bad });
      } catch (err) {
        problems = (err as ConfigError).problems;
      }
      expect(problems).toEqual([`SHOPIFY_PARKED_RETURN_EXPIRY_HOURS: expected a whole number from 1 to 8760, got "${bad}"`]);
    }
  });
});
