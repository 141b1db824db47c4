import { describe, expect, it } from 'vitest';
import { blankReportedSpeech } from './reported-speech.js';

const kept = (text: string): string => blankReportedSpeech(text).replace(/\s+/g, ' ').trim();

describe('blankReportedSpeech', () => {
  it('keeps the length so indices stay valid', () => {
    const text = 'you wrote "we will escalate to a supervisor". ok.';
    expect(blankReportedSpeech(text)).toHaveLength(text.length);
  });

  it('blanks quoted lines and everything after a reply header', () => {
    expect(kept('thanks\n> please call us\nbye')).toBe('thanks bye');
    expect(kept('here you go\non mon, nov 3 support <a@b.c> wrote:\n> open a paypal dispute')).toBe('here you go');
  });

  it('blanks multi-word double-quoted phrases but keeps a single quoted word', () => {
    expect(kept('your site says "lawyers get 10% off" ok')).not.toContain('lawyers');
    expect(kept('another week of "processing" and i cancel')).toContain('processing');
  });

  it('blanks what the store is reported to have said, up to a turn back to the customer', () => {
    expect(kept('your agent said a manager would call me. call me now')).toBe('. call me now');
    expect(kept('the refund policy page says refunds take 5 days but i want a manager')).toBe('but i want a manager');
  });

  it('blanks sentences in an agent voice', () => {
    expect(kept('thank you for contacting us. i want a manager.')).toBe('i want a manager.');
    expect(kept('we will call you within 2 days')).toBe('');
  });
});
