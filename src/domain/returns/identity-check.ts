// R004-02: the caller proves who they are with the last four digits of the phone number on the order.
// Formats differ ("+1 (555) 625-1199", "555.625.1199", full-width digits from a phone keyboard), so
// both sides are reduced to ASCII digits first.

/** ASCII digits of a phone number or a typed answer; NFKC turns full-width "１" into "1". */
export function phoneDigits(value: string): string {
  return value.normalize('NFKC').replace(/\D/g, '');
}

/**
 * True when `provided` ends in the same four digits as `phoneOnFile`. A longer answer (the whole
 * number) is compared by its last four digits. The comparison touches every digit whatever the
 * outcome, so its time does not reveal how many digits matched.
 */
export function verifyPhoneLast4(provided: string, phoneOnFile: string): boolean {
  const given = phoneDigits(provided);
  const onFile = phoneDigits(phoneOnFile);
  if (given.length < 4 || onFile.length < 4) return false;
  const a = given.slice(-4);
  const b = onFile.slice(-4);
  let difference = 0;
  for (let i = 0; i < 4; i += 1) difference |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return difference === 0;
}
