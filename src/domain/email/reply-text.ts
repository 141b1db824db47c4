// What of an email body is the customer's new message. Quoted history (our own reply, an earlier
// threat already acted on) is cut so signal detection reads only what the customer wrote now.

const QUOTE_HEADERS = [
  /^On .{3,200}wrote:\s*$/i,
  /^Am .{3,200}schrieb .{0,200}:\s*$/i,
  /^Le .{3,200}a écrit\s*:\s*$/i,
  /^-{2,}\s*(Original Message|Ursprüngliche Nachricht|Message d'origine)\s*-{2,}\s*$/i,
  /^_{10,}\s*$/,
  /^From: .+$/i,
];

export function stripQuotedReply(text: string): string {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  let end = lines.length;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.trim();
    // "From:" starts quoted history only as the first of an Outlook header block.
    if (/^From: /i.test(line) && !/^(Sent|Date|To|Subject): /i.test(lines[i + 1]?.trim() ?? '')) continue;
    if (QUOTE_HEADERS.some((re) => re.test(line))) {
      end = i;
      break;
    }
  }
  const kept = lines.slice(0, end);
  // A trailing block of "> " lines is the quoted message (bottom-posting keeps its text above it).
  while (kept.length > 0 && (/^\s*>/.test(kept[kept.length - 1]!) || kept[kept.length - 1]!.trim() === '')) kept.pop();
  const body = kept.join('\n').trim();
  return body || text.trim();
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

/** Plain text from an HTML-only mail: good enough to read signals and show the message. */
export function htmlToText(html: string): string {
  return html
    .replace(/<(script|style|head)[\s\S]*?<\/\1>/gi, '')
    .replace(/<blockquote[\s\S]*?<\/blockquote>/gi, '')
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<\/(p|div|li|tr|h[1-6])>/gi, '\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&(#\d+|#x[0-9a-f]+|[a-z]+);/gi, (m, e: string) => {
      if (e.startsWith('#x') || e.startsWith('#X')) return String.fromCodePoint(parseInt(e.slice(2), 16));
      if (e.startsWith('#')) return String.fromCodePoint(Number(e.slice(1)));
      return ENTITIES[e.toLowerCase()] ?? m;
    })
    .replace(/[ \t]+\n/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
