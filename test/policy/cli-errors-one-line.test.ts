import { describe, expect, it } from 'vitest';
import { ladder } from '../support/cli.js';

// decision.md / returns-quote.md: bad input exits 2 with ONE line on stderr naming the problem —
// even when the JSON parser's own message quotes input that contains newlines.
describe('CLI bad input is one stderr line', () => {
  for (const [command, input] of [['policy explain', 'not json\nat all\n'], ['returns quote', '{"order":\n']] as const) {
    it(`${command}: invalid JSON over several lines`, async () => {
      const r = await ladder({}, [...command.split(' ')], input);
      expect(r.code).toBe(2);
      expect(r.stderr.split('\n')).toHaveLength(1);
      expect(r.stderr).toMatch(/invalid JSON/);
    });
  }
});
