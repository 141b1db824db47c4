// Precision and recall of signal detection against labeled messages, per signal. Shared by
// `npm run eval:signals` and the labeled-set test so both report the same numbers.
import { SIGNALS, type Signal } from '../policy/vocabulary.js';

export interface LabeledMessage {
  readonly text: string;
  readonly signals: readonly Signal[];
}

export interface SignalScore {
  readonly signal: Signal;
  readonly truePositives: number;
  readonly falsePositives: number;
  readonly falseNegatives: number;
  /** undefined when nothing was detected (no precision to speak of). */
  readonly precision: number | undefined;
  /** undefined when the set has no positives for this signal. */
  readonly recall: number | undefined;
}

export interface ScoredMessage {
  readonly text: string;
  readonly expected: readonly Signal[];
  readonly detected: readonly Signal[];
}

export function scoreSignals(messages: readonly ScoredMessage[]): SignalScore[] {
  return SIGNALS.map((signal) => {
    let tp = 0;
    let fp = 0;
    let fn = 0;
    for (const m of messages) {
      const expected = m.expected.includes(signal);
      const detected = m.detected.includes(signal);
      if (expected && detected) tp++;
      else if (detected) fp++;
      else if (expected) fn++;
    }
    return {
      signal,
      truePositives: tp,
      falsePositives: fp,
      falseNegatives: fn,
      precision: tp + fp === 0 ? undefined : tp / (tp + fp),
      recall: tp + fn === 0 ? undefined : tp / (tp + fn),
    };
  });
}

export const PRECISION_TARGET = 0.95;
export const RECALL_TARGET = 0.9;

/** A signal meets the target when its measurable numbers reach it; "no detections, no positives" passes. */
export function meetsTargets(score: SignalScore): boolean {
  const precisionOk = score.precision === undefined ? score.falsePositives === 0 : score.precision >= PRECISION_TARGET;
  const recallOk = score.recall === undefined || score.recall >= RECALL_TARGET;
  return precisionOk && recallOk;
}
