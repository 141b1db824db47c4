import type { Executor } from '../../store/database.js';
import type { CaseRecord } from '../../store/repositories/case.repository.js';
import { listCaseClocks } from '../../store/repositories/case-clock.repository.js';
import { readClock } from '../../domain/sla/clock-codec.js';
import { evaluateClock, type ClockState } from '../../domain/sla/evaluate-clock.js';
import type { PolicyRuntime } from '../policy/policy-runtime.js';
import { caseCalendar } from './sla-policy.js';

/** One SLA clock as the console and the API show it (issue 4 item 2: state with its times). */
export interface CaseClockView {
  kind: string;
  state: ClockState;
  /** Past its warning share and neither met nor breached. */
  warning: boolean;
  startedAt: string;
  dueAt: string | null;
  warnAt: string | null;
  pausedSince: string | null;
  metAt: string | null;
  breachedAt: string | null;
  basis: 'business' | 'calendar';
  targetMinutes: number;
  elapsedMinutes: number;
  remainingMinutes: number;
}

export async function presentCaseClocks(db: Executor, runtime: PolicyRuntime, caseRow: CaseRecord, now: Date): Promise<CaseClockView[]> {
  const rows = await listCaseClocks(db, caseRow.id);
  if (rows.length === 0) return [];
  const calendar = await caseCalendar(db, runtime, caseRow);
  return rows.map((row) => {
    const clock = readClock(row.clock, `case_clocks[${row.id}]`);
    const e = evaluateClock(clock, now, calendar);
    const last = clock.pauses[clock.pauses.length - 1];
    return {
      kind: clock.kind,
      state: e.state,
      warning: e.warning,
      startedAt: clock.startedAt,
      dueAt: e.dueAt,
      warnAt: e.warnAt,
      pausedSince: e.paused && last ? last.from : null,
      metAt: e.metAt,
      breachedAt: e.breachedAt,
      basis: clock.target.basis,
      targetMinutes: clock.target.minutes,
      elapsedMinutes: e.elapsedMinutes,
      remainingMinutes: e.remainingMinutes,
    };
  });
}
