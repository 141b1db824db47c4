// The labeled set (test/fixtures/signals/labeled-messages.jsonl, written by the Ladder team) is the
// acceptance bar for signal detection: per signal, precision >= 0.95 and recall >= 0.90.
// `npm run eval:signals` prints the same numbers, plus the real-message evaluation when ../shared exists.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { detectSignals, detectSignalsWith } from '../../src/domain/signals/detect-signals.js';
import { PRECISION_TARGET, RECALL_TARGET, scoreSignals, type LabeledMessage } from '../../src/domain/signals/signal-metrics.js';
import { SIGNALS } from '../../src/domain/policy/vocabulary.js';

const labeled: LabeledMessage[] = readFileSync(new URL('../fixtures/signals/labeled-messages.jsonl', import.meta.url), 'utf8')
  .split('\n')
  .filter((line) => line.trim() !== '')
  .map((line) => JSON.parse(line) as LabeledMessage);

const scores = scoreSignals(labeled.map((m) => ({ text: m.text, expected: m.signals, detected: detectSignals(m.text).map((d) => d.signal) })));

describe('labeled signal set', () => {
  it('has at least 400 messages and at least 15 positives for every signal', () => {
    expect(labeled.length).toBeGreaterThanOrEqual(400);
    for (const signal of SIGNALS) {
      expect(labeled.filter((m) => m.signals.includes(signal)).length, signal).toBeGreaterThanOrEqual(15);
    }
  });

  it.each(scores.map((s) => [s.signal, s] as const))(`%s: precision >= ${PRECISION_TARGET} and recall >= ${RECALL_TARGET}`, (_signal, score) => {
    expect(score.precision).toBeDefined();
    expect(score.recall).toBeDefined();
    expect(score.precision!).toBeGreaterThanOrEqual(PRECISION_TARGET);
    expect(score.recall!).toBeGreaterThanOrEqual(RECALL_TARGET);
  });

  it('the per-signal gates and the expletive prefilter change no result', () => {
    for (const m of labeled) {
      expect(detectSignalsWith(m.text, { prefilters: true }), m.text).toEqual(detectSignalsWith(m.text, { prefilters: false }));
    }
  });
});
