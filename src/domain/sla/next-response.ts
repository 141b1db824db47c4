// The next-response clock (R004-01 follow-up, R001-12 "respond to CS within 30 minutes"): every
// customer message that arrives after an agent's reply starts a new cycle. A message sent while the
// customer is still waiting does not restart it — the oldest unanswered message sets the due time.

import type { BusinessCalendar } from '../calendar/business-calendar.js';
import { invalidInput } from '../errors.js';
import { meetClock } from './evaluate-clock.js';
import { checkNotBefore, restartClock, type SlaClock } from './sla-clock.js';

function checkNextResponse(clock: SlaClock): void {
  if (clock.kind !== 'next_response') throw invalidInput('clock.kind', `expected a next_response clock, got ${clock.kind}`);
}

export function onCustomerMessage(clock: SlaClock, at: Date): SlaClock {
  checkNextResponse(clock);
  if (clock.metAt === undefined) return clock;
  checkNotBefore(clock, at);
  return restartClock(clock, at);
}

export function onAgentReply(clock: SlaClock, at: Date, calendar: BusinessCalendar): SlaClock {
  checkNextResponse(clock);
  return meetClock(clock, at, calendar);
}
