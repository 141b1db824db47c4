// Text that is not the customer speaking for themselves is blanked before matching: the quoted tail of
// an email thread, ">" quoted lines, phrases inside double quotes (usually the store's own policy or
// reply), sentences reporting what the store said ("your policy says ...", "you said ..."), and
// sentences in an agent's voice that customers paste back ("If you would like to speak with a manager,
// please reply"). A customer repeating the store's words is not threatening, demanding or refusing
// anything (contract: detection must not fire on "the refund policy page" and similar unrelated uses).
//
// Blanking replaces characters with spaces (a newline at the first position so the span also ends the
// clause before it), keeping every index valid for the origin map of normalize-text.ts.

const REPLY_HEADER = /^[ \t]*(?:on\b[^\n]{0,200}\bwrote:?[ \t]*$|-{2,}[ \t]*(?:original|forwarded) message|from:[^\n]*\n[^\n]*\bsent:)/m;
const QUOTED_LINE = /^[ \t]*>[^\n]*/gm;
/** Double-quoted spans of two or more words; a single quoted word ("processing") is emphasis, kept. */
const QUOTED_PHRASE = /"([^"\n]{1,400}?)"/g;
/** "your policy says ...", "you told me ..." up to the end of the sentence or a clause that turns back to the customer. */
const REPORTED_STATEMENT =
  /\b(?:(?:your|ur|the|their|this)(?: \w+)?(?: refund| return| returns| shipping| privacy)? (?:policy|policies|site|website|web site|page|faq|faqs|terms|tos|email|e-mail|message|reply|agent|rep|representative|colleague|chatbot|bot|ad|advert|listing|description|label|sign|confirmation|guarantee) (?:page |section )?(?:says|said|states|stated|reads|read|mentions|mentioned|claims|claimed|told me|promised|suggests|suggested|explains)|(?:you|u) (?:said|told me|wrote|promised|claimed|stated|mentioned))\b[^.!?;\n]*?(?=[.!?;\n]|\b(?:but|so|and now|now|yet)\b|$)/g;
/** Phrases only an agent writes to a customer; a sentence containing one is not the customer's voice. */
const AGENT_VOICE =
  /\b(?:thank you for (?:contacting|reaching out|your (?:patience|message|email|order))|thanks for (?:contacting|reaching out to) us|dear (?:customer|valued customer|sir or madam)|we (?:sincerely )?apologi[sz]e for|we understand your frustration|please do not hesitate|dont hesitate to contact us|our records (?:show|indicate)|if you (?:would like|wish) to|you (?:may|can) (?:also )?(?:open a|file a|contact us|contact your|call us|request a|dispute the|ask for a|reach us)|(?:i|we) (?:have|ve) escalated your|ive escalated your|a (?:supervisor|manager|specialist|team member|member of our team) will (?:review|contact|call|reach|be in touch)|we (?:will|can|may|would be happy to) (?:call|contact|offer|escalate|respond to|ask|review)(?: you| your| store credit| a replacement| a refund)|our team will (?:contact|call|review|reach out|be in touch))\b/;
const SENTENCE = /[^.!?\n]+[.!?]*/g;

function blank(chars: string[], start: number, end: number): void {
  for (let i = start; i < end; i++) chars[i] = i === start ? '\n' : ' ';
}

export function blankReportedSpeech(text: string): string {
  if (!/["\n>]|\b(?:said|says|wrote|told|states|stated|reads|read|mentions|promised|claims|thank|dear|apologi|understand|hesitate|records|if you|you may|you can|escalated|will|our team)\b/.test(text)) {
    return text;
  }
  const chars = text.split('');
  const header = REPLY_HEADER.exec(text);
  if (header) blank(chars, header.index, text.length);

  for (const m of text.matchAll(QUOTED_LINE)) blank(chars, m.index, m.index + m[0].length);
  for (const m of text.matchAll(QUOTED_PHRASE)) {
    if (/\S\s+\S/.test(m[1]!)) blank(chars, m.index, m.index + m[0].length);
  }
  for (const m of text.matchAll(REPORTED_STATEMENT)) blank(chars, m.index, m.index + m[0].length);
  for (const m of text.matchAll(SENTENCE)) {
    if (AGENT_VOICE.test(m[0])) blank(chars, m.index, m.index + m[0].length);
  }
  return chars.join('');
}
