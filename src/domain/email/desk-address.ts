// Which addresses are the desk's (INBOUND_MAIL_RECIPIENTS): exact addresses, or "@domain" (also a
// bare "domain") for every address of that domain. Compared case-insensitively (RFC 5321 local
// parts may be case-sensitive, but no mail system in use treats them so).

export function isDeskAddress(address: string, recipients: readonly string[]): boolean {
  const a = address.trim().toLowerCase();
  const domain = a.split('@')[1] ?? '';
  return recipients.some((r) => (r.includes('@') && !r.startsWith('@') ? r === a : r.replace(/^@/, '') === domain));
}
