// Payment signals: chargeback_threat / chargeback_opened (R002-06, R003-06) and fraud_suspected
// (R001-15, R004-08).
//
// A chargeback mention is classified by its tense. Already opened ("I already filed a chargeback",
// "I've opened a PayPal case", "my bank is disputing the charge") is chargeback_opened and not also a
// threat; the seed routes it straight to second line. Future or conditional ("I'm going to dispute this
// with my bank", "refund me or I call my card company") is chargeback_threat. A mention with neither
// ("what's your chargeback policy?") is no signal.
//
// fraud_suspected is a concrete fraud event reported by the customer: an unauthorized or unrecognized
// charge, a card or account used by someone else, a hacked account, identity theft, an impersonator or
// fake site. Calling the store itself a scam ("you guys are fraud", "this is a scam") is venting about
// the order, not a fraud report: it is handled as abusive_language when it is an insult, never as fraud,
// so that every angry where-is-my-order message does not land with escalations leadership (R003-06).
import { hasThreatFrame, rx, type MatchContext, type SignalRule } from './signal-rule.js';

const ISSUER = String.raw`(?:bank|card (?:company|issuer|provider)|credit card(?: company| provider| issuer)?|debit card(?: company| provider)?|credit union|paypal|visa|mastercard|amex|american express|discover|chase|barclays|hsbc|citi|citibank|capital one|wells fargo|issuer|building society)`;
const NAMED_ISSUER = String.raw`(?:paypal|pay pal|visa|mastercard|amex|american express|chase|klarna|afterpay|apple pay|discover)`;

const CHARGEBACK_MENTIONS: readonly RegExp[] = [
  rx`\bcharge[- ]?backs?\b|\bchargbacks?\b`,
  rx`\b(?:disput\w*|contest\w*|revers\w*|report\w*|flag\w*|claim\w*)\b[^.!?;\n]{0,40}?\b(?:with|through|to|via|at|from|on) (?:(?:my|the) ${ISSUER}|${NAMED_ISSUER})\b`,
  rx`\b(?:paypal|pay pal) (?:dispute|claim|case|complaint|resolution)s?\b|\b(?:dispute|claim|case|complaint)s? (?:with|on|through|via|in|at) (?:paypal|pay pal|klarna|afterpay)\b`,
  rx`\b(?:file|filing|filed|open|opening|opened|raise|raising|raised|start|starting|started|lodge|lodging|lodged) (?:a |the |my )?(?:claim|case|dispute) (?:with|on|through|via|in|at) (?:my |the )?${ISSUER}\b`,
  rx`\bor (?:my bank|the bank|visa|amex|mastercard|paypal|my card (?:company|issuer)|my credit card company) will\b`,
  rx`\brevers\w* (?:the|this|my|that|your)? ?(?:charge|payment|transaction)s?\b`,
  rx`\bclaw\w* (?:this|the|my|that)? ?(?:money|payment|charge|funds)? ?back\b`,
  rx`\b(?:my bank|the bank|my card (?:company|issuer)|my credit card company|${NAMED_ISSUER}) (?:will|is going to|can|would) (?:get|claw|take|pull) (?:my|the) (?:money|payment|funds) back\b`,
  rx`\b(?:open|ongoing|pending|active) (?:dispute|claim|case|chargeback)s? (?:on|with|through|via|at|against) (?:my |the )?(?:card|credit card|${ISSUER})\b`,
  rx`\b(?:(?:my|the) ${ISSUER}|${NAMED_ISSUER}) (?:has|have|is handling|is reviewing) (?:my|a|the) (?:case|claim|dispute|chargeback)\b`,
  rx`\bnext (?:call|stop|step|move) (?:is|will be) (?:to |with )?(?:(?:my|the) (?:bank|credit card company|card company|card issuer|credit union)|${NAMED_ISSUER})\b`,
  rx`\b(?:my )?${ISSUER} (?:is|are|has|have)? ?(?:already |now |currently )?(?:disputing|handling it|handling the|investigating|reviewing|looking into|reversing|reversed|credited|refunded me|opened|started)\b`,
];
/** Talking to the bank is only a chargeback when the sentence is about getting the money back. */
const BANK_CONTACT = rx`\b(?:call|calling|called|contact|contacting|contacted|go|going|went|ask|asking|tell|telling|phone|phoning|ring|ringing|get|getting)(?: to| through)? (?:(?:my|the) (?:bank|credit card company|card company|card issuer|credit union|card provider)|${NAMED_ISSUER})\b`;
const MONEY_BACK = /\b(?:refund\w*|money back|my money|revers\w*|disput\w*|charge ?back\w*|for this|about this|claim\w*|report\w*|or (?:i|im|ill)|unless|dont make me|before i)\b/;

const OPENED = /\b(?:already|filed|opened|started|submitted|initiated|disputed|reported|raised|lodged|escalated|reversed|credited|did|done|case (?:number|no|id|#|ref)|(?:is|are|was) (?:already |now |currently )?(?:disputing|handling|investigating|reviewing|looking into|reversing|processing|open|opened|pending|underway|ongoing|in progress)|(?:an? )?(?:open|ongoing|pending|active) (?:dispute|claim|case|chargeback)|(?:case|claim|dispute|chargeback) (?:is )?(?:open|opened|active|pending|ongoing))\b/;

function openedNearby(ctx: MatchContext): boolean {
  const from = Math.max(ctx.sentenceStart, ctx.start - 50);
  const to = Math.min(ctx.sentenceStart + ctx.sentence.length, ctx.end + 50);
  return OPENED.test(ctx.text.slice(from, to));
}

const chargebackRules = (patterns: readonly RegExp[], extra?: (ctx: MatchContext) => boolean): SignalRule[] =>
  patterns.flatMap((pattern): SignalRule[] => [
    { signal: 'chargeback_opened', pattern, when: (ctx) => (extra?.(ctx) ?? true) && openedNearby(ctx) },
    {
      signal: 'chargeback_threat',
      pattern: new RegExp(pattern.source, 'g'),
      when: (ctx) => (extra?.(ctx) ?? true) && !openedNearby(ctx) && hasThreatFrame(ctx),
    },
  ]);

export const CHARGEBACK_RULES: readonly SignalRule[] = [
  ...chargebackRules(CHARGEBACK_MENTIONS),
  ...chargebackRules([BANK_CONTACT], (ctx) => MONEY_BACK.test(ctx.sentence)),
];

const TXN = String.raw`(?:charges?|transactions?|payments?|purchases?|orders?|debits?|withdrawals?|logins?|sign-?ins?)`;

export const FRAUD_RULES: readonly SignalRule[] = [
  { signal: 'fraud_suspected', pattern: rx`\b(?:unauthori[sz]ed|fraudulent|unrecogni[sz]ed|suspicious|unknown|fake|bogus|mystery) ${TXN}\b|\b(?:unauthori[sz]ed|suspicious) (?:activity|access|use)\b` },
  {
    signal: 'fraud_suspected',
    negatable: false,
    pattern: rx`\b(?:i )?(?:didnt|did not|never|have not|havent|dont|do not) (?:(?:authori[sz]e|authori[sz]ed|recogni[sz]e|recogni[sz]ed) (?:this|these|that|those|the|any|a|an)? ?(?:\$?\d[\d,.]*\s?(?:dollars?|usd|eur|euros?|gbp|pounds?|rs|inr)? )?|(?:make|made|place|placed|approve|approved) (?:this|these|that|those|any)) ?${TXN}\b`,
  },
  {
    signal: 'fraud_suspected',
    negatable: false,
    // a relative clause ("three orders I didn't place"), not a contrast ("a message, but I have not ordered")
    pattern: rx`\b${TXN}\b (?:(?!but\b|so\b|because\b|though\b|however\b)[\w/$.,-]+ ){0,6}?(?:that |which )?(?:i|we) (?:never|didnt|did not|dont|do not|have not|havent) (?:made|make|place|placed|authori[sz]ed?|recogni[sz]e|used?|order(?:ed)?|approved?|requested)\b`,
  },
  {
    signal: 'fraud_suspected',
    pattern: rx`\b(?:someone|somebody|some one|a stranger|strangers|an unknown person|someone else|whoever|who)\b(?: \w+){0,3}? (?:used|using|is using|has used|stole|hacked|accessed|logged into|logged in to|got into|broke into|gained access to|hijacked|took over|charged|cloned|made|placed|bought|ordered|spent)\b[^.!?;\n]{0,25}?\b(?:my|our) (?:\w+ )?(?:card|account|paypal|details|identity|password|login|info|information|points|gift card|email)\b`,
  },
  { signal: 'fraud_suspected', pattern: rx`\b(?:pretending to be|pretended to be|posing as|posed as|impersonating|impersonated|claiming to be|claimed to be) (?:from )?(?:you|your|ur)\b` },
  { signal: 'fraud_suspected', pattern: rx`\b(?:used|charged|taken|ordered|purchased|obtained|opened|redeemed) fraudulently\b|\bfraudulently (?:used|charged|ordered|purchased|obtained|opened|redeemed)\b|\b(?:card|account|details|identity) (?:was|were|has been|have been|got) used (?:without|by someone|by somebody|by a stranger)\b` },
  {
    signal: 'fraud_suspected',
    pattern: rx`\b(?:account|card|credit card|debit card|paypal|email|identity|details|login|password)s? (?:was|were|has been|have been|got|is|been|just got) (?:hacked|compromised|stolen|cloned|skimmed|breached|hijacked|taken over)\b|\bhacked (?:account|my account|profile)\b|\bidentity theft\b`,
  },
  // "two gift cards were redeemed that I never used"; a zero balance alone is a balance question
  { signal: 'fraud_suspected', negatable: false, pattern: rx`\bgift ?cards?\b[^.!?;\n]{0,30}?\b(?:redeemed|used|spent|drained|emptied|cashed)\b[^.!?;\n]{0,30}?\b(?:i|we) (?:never|didnt|did not|have not|havent)\b` },
  { signal: 'fraud_suspected', pattern: rx`\bwithout my (?:knowledge|permission|consent|authori[sz]ation)\b` },
  {
    signal: 'fraud_suspected',
    pattern: rx`\b(?:ive been|i have been|ive|i was|i got|got|been|we were|weve been) (?:scammed|defrauded|phished|conned|swindled)\b(?! by (?:you|u|ya|your|ur)\b)|\b(?:a |the )?fake (?:site|website|web site|store|shop|page|account|seller|listing|email|text|sms)\b`,
  },
  { signal: 'fraud_suspected', pattern: rx`\b(?:looks like|looks like a|suspect|suspected|possible|potential|reporting|report|case of|attempted) (?:a |an |some )?(?:fraud|identity theft)\b` },
];
