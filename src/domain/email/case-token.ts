// The case token in email subjects: "[#LAD-123]". Stable on purpose — customers' mail clients keep
// it through "Re:" and "AW:" prefixes, and it is the fallback thread key when a client drops
// In-Reply-To/References. The prefix never changes once mail has gone out with it.

const TOKEN = /\[#LAD-(\d{1,15})\]/i;

export function caseToken(caseId: number): string {
  return `[#LAD-${caseId}]`;
}

/** The case id a subject names, or null; the first token wins when a thread carries several. */
export function findCaseToken(subject: string | null | undefined): number | null {
  const match = subject ? TOKEN.exec(subject) : null;
  if (!match) return null;
  const id = Number(match[1]);
  return Number.isSafeInteger(id) && id > 0 ? id : null;
}

const REPLY_PREFIX = /^\s*((re|aw|sv|vs|antw|fwd?|wg)\s*(\[\d+\])?\s*:\s*)+/i;

/** The subject of our reply: "Re: " once, the customer's words, and the case token exactly once. */
export function replySubject(customerSubject: string | null | undefined, caseId: number): string {
  const bare = (customerSubject ?? '').replace(REPLY_PREFIX, '').replace(TOKEN, '').replace(/\s+/g, ' ').trim();
  return `Re: ${bare ? `${bare} ` : ''}${caseToken(caseId)}`;
}
