// Interface of the business calendar (issue 4). The arithmetic lives beside this file; the policy
// engine uses it to turn business-time SLA targets into due instants.

export type Weekday = 'mon' | 'tue' | 'wed' | 'thu' | 'fri' | 'sat' | 'sun';

/** A working window in local wall-clock time, "HH:MM"–"HH:MM", end exclusive; "24:00" allowed as end. */
export interface WorkingWindow {
  start: string;
  end: string;
}

export interface BusinessCalendarSpec {
  /** IANA time zone, e.g. "America/New_York". */
  timeZone: string;
  /** Working windows per weekday; a missing day is a day off. */
  week: Partial<Record<Weekday, WorkingWindow[]>>;
  /** Extra local dates off, "YYYY-MM-DD". */
  holidays?: string[];
  /** A date-holidays country preset ("US", "GB", "US-CA"): its public holidays are days off. */
  holidayPreset?: string;
}

/**
 * Business-time arithmetic over one calendar. All instants are UTC `Date`s; wall-clock reasoning
 * (windows, holidays, DST) happens inside, in the calendar's time zone.
 */
export interface BusinessCalendar {
  readonly spec: BusinessCalendarSpec;
  /** True when `at` falls inside a working window on a working day. */
  isWorkingTime(at: Date): boolean;
  /** The first working instant at or after `at`. */
  nextWorkingInstant(at: Date): Date;
  /** The instant `minutes` business minutes after `from` (minutes >= 0). */
  addBusinessMinutes(from: Date, minutes: number): Date;
  /** Business minutes elapsed from `from` to `to` (0 when to <= from). */
  businessMinutesBetween(from: Date, to: Date): number;
  /** End of the working day `days` business days after the one containing (or next after) `from`. */
  addBusinessDays(from: Date, days: number): Date;
  /** Whole business days elapsed between two instants (local working dates strictly after `from`'s up to `to`'s). */
  businessDaysBetween(from: Date, to: Date): number;
  /** The close of the business day containing `at`, or of the next business day when `at` is after hours. */
  endOfBusinessDay(at: Date): Date;
}
