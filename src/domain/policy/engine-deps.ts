import type { BusinessCalendarSpec } from '../calendar/business-calendar.js';
import { createBusinessCalendar } from '../calendar/create-business-calendar.js';
import { detectSignals } from '../signals/detect-signals.js';
import type { DecideDeps } from './decide.js';

// The production wiring of the engine: the real text detector and business calendar. A module-level
// factory keeps one identity, so the compiled policy's calendar cache is hit on every decision.
const calendar = (spec: BusinessCalendarSpec) => createBusinessCalendar(spec);

/**
 * Re-deciding a case reads every earlier customer message again; the detector is pure, so its
 * answer per text is remembered (bounded, oldest dropped first).
 */
const DETECTION_CACHE_SIZE = 20_000;
const detections = new Map<string, ReturnType<typeof detectSignals>>();
function detectSignalsMemo(text: string): ReturnType<typeof detectSignals> {
  let found = detections.get(text);
  if (found === undefined) {
    found = detectSignals(text);
    if (detections.size >= DETECTION_CACHE_SIZE) detections.delete(detections.keys().next().value!);
    detections.set(text, found);
  }
  return found;
}

export const standardDecideDeps: DecideDeps = { detectSignals: detectSignalsMemo, calendar };
