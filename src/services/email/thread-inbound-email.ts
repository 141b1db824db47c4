import type { Executor } from '../../store/database.js';
import { findCaseByMessageIds } from '../../store/repositories/email-message.repository.js';
import { findCaseById } from '../../store/repositories/case.repository.js';
import { findCustomerById, linkedCustomerIds } from '../../store/repositories/customer.repository.js';
import { findCaseToken } from '../../domain/email/case-token.js';
import type { ParsedEmail } from '../../integrations/email/parse-email.js';

export interface ThreadMatch {
  caseId: number;
  by: 'in_reply_to' | 'references' | 'subject_token';
}

/**
 * The case an inbound mail continues. Headers first: In-Reply-To, then References, looked up among
 * every mail the desk received or sent (our Message-IDs are unguessable). Then the subject's case
 * token — but a token is only text anyone can type, so it threads only when the sender is the
 * case's customer or one of their linked accounts (R003-03); anyone else's mail opens a new case
 * rather than writing into a stranger's.
 */
export async function findThread(db: Executor, mail: ParsedEmail): Promise<ThreadMatch | null> {
  const byReply = await findCaseByMessageIds(db, mail.inReplyTo);
  if (byReply !== null) return { caseId: byReply, by: 'in_reply_to' };
  const byRefs = await findCaseByMessageIds(db, mail.references);
  if (byRefs !== null) return { caseId: byRefs, by: 'references' };
  const token = findCaseToken(mail.subject);
  if (token === null || !mail.from) return null;
  const c = await findCaseById(db, token);
  if (!c || c.customerId === null) return null;
  for (const id of await linkedCustomerIds(db, c.customerId)) {
    const customer = await findCustomerById(db, id);
    if (customer?.email && customer.email.toLowerCase() === mail.from.address) return { caseId: c.id, by: 'subject_token' };
  }
  return null;
}
