import type { BusinessCalendarSpec } from '../calendar/business-calendar.js';
import { createBusinessCalendar } from '../calendar/create-business-calendar.js';
import { detectSignals } from '../signals/detect-signals.js';
import type { DecideDeps } from './decide.js';

// The production wiring of the engine: the real text detector and business calendar. A module-level
// factory keeps one identity, so the compiled policy's calendar cache is hit on every decision.
const calendar = (spec: BusinessCalendarSpec) => createBusinessCalendar(spec);

export const standardDecideDeps: DecideDeps = { detectSignals, calendar };
