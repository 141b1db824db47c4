import { describe, expect, it } from 'vitest';
import { isDeskAddress } from './desk-address.js';

describe('the desk receives mail only for its own addresses', () => {
  it('matches exact addresses and whole @domains, ignoring case', () => {
    const desk = ['support@shop.test', '@returns.shop.test'];
    expect(isDeskAddress('Support@Shop.test', desk)).toBe(true);
    expect(isDeskAddress('anyone@returns.shop.test', desk)).toBe(true);
    expect(isDeskAddress('sales@shop.test', desk)).toBe(false);
    expect(isDeskAddress('support@shop.test.evil.example', desk)).toBe(false);
  });
});
