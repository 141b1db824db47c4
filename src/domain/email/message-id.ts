// Message-IDs as threading keys (RFC 5322 §3.6.4): compared without the angle brackets, with the
// domain part lowercased (domains are case-insensitive; local parts are compared as written).

const MAX_REFERENCES = 50;

export function normalizeMessageId(raw: string | null | undefined): string | null {
  if (!raw) return null;
  const inner = /<([^<>\s]+)>/.exec(raw)?.[1] ?? raw.trim().split(/\s+/)[0] ?? '';
  if (!inner || inner.length > 500) return null;
  const at = inner.lastIndexOf('@');
  return at > 0 ? `${inner.slice(0, at)}@${inner.slice(at + 1).toLowerCase()}` : inner;
}

/** Every id in a References or In-Reply-To header, newest last; the list is capped at 50. */
export function parseMessageIdList(raw: string | null | undefined): string[] {
  if (!raw) return [];
  const ids = [...raw.matchAll(/<([^<>\s]+)>/g)].map((m) => normalizeMessageId(`<${m[1]}>`)).filter((id): id is string => id !== null);
  const unique = [...new Set(ids)];
  return unique.slice(Math.max(0, unique.length - MAX_REFERENCES));
}

export function bracketed(id: string): string {
  return `<${id}>`;
}
