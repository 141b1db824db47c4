// Requests that move a case up or speed it up: manager_demand (R002-02, R004-08), phone_call_request
// (R002-07), waiting_at_store (R001-13) and exception_request (R004-08).
//
// manager_demand is a request for someone with more authority (manager, supervisor, someone in charge,
// "escalate this"). Asking for "a human agent", "a real person" or "your customer executive" is asking
// for first line, not a manager. "my manager" is the customer's own boss, "your store manager told me"
// is a report, and neither is a demand.
//
// phone_call_request is the customer asking to be called or refusing written channels ("call me",
// "I need a call back", "I won't do this over email"). Asking for the phone number or call-centre hours
// is an information request, not a request for a call.
import { rx, type MatchContext, type SignalRule } from './signal-rule.js';

const MGR = String.raw`(?:(?:floor |store |duty |general |shift |customer service |department )?(?:manager|manger|mangaer|managr|supervisor|supervisr|supervisior|superviser|supervisour)|team ?lead(?:er)?|head of (?:customer (?:service|support|care)|support|cs|the (?:department|team))|ceo|owner|founder|president|head office|corporate|management)s?`;
const HIGHER = String.raw`(?:(?:someone|somebody|anyone|anybody|a person|the person|person|whoever)(?: who is| whos| thats| is)? (?:in charge|senior|more senior|higher(?: up)?|above you|with (?:more |real |actual |some |proper )?(?:authority|power|seniority)|in management|from management|(?:who )?(?:runs|manages) (?:this|the|your) \w+)|(?:your|ur|the|a) (?:superior|boss|higher-?ups?|senior (?:staff|person|agent|member|colleague))|higher-?ups)`;
/** "the owner's manual" and "the president's day sale" are not people. */
const BOSS = String.raw`(?:${MGR}|${HIGHER})(?!\s*(?:manual|guide|handbook|day|sale|discount|edition|approval|signature|account))`;

export const MANAGER_DEMAND_RULES: readonly SignalRule[] = [
  { signal: 'manager_demand', pattern: rx`\b(?:speak|talk|chat|speaking|talking|chatting)\s+(?:to|with)\s+(?:(?:a|an|the|your|ur|ya|some|one of your)\s+)?${BOSS}\b` },
  {
    signal: 'manager_demand',
    pattern: rx`\b(?:get|give|bring|send|want|need|demand|demanding|request|requesting|asking for|ask for|insist on|insisting on|call|fetch|find|connect me (?:to|with)|transfer me (?:to|with)|pass me (?:on )?to|put me (?:through|thru|over|on) to|hand me (?:over )?to|escalate\w*(?: \w+){0,3} (?:to|with)|forward (?:this|me|my \w+) to|pass (?:this|it|me|my \w+) (?:up |on |over |along )?to|(?:go|goes|going|sent|passed|moved|bumped|kicked) (?:up )?to|let me (?:speak|talk) (?:to|with))\s+(?:me\s+)?(?:(?:a|an|the|your|ur|some|to)\s+)?${BOSS}\b`,
  },
  { signal: 'manager_demand', pattern: rx`\bput (?:your|ur|the|a) ${MGR} on\b|\bwho(?:s| is) (?:your|ur|the) (?:${MGR}|superior|boss)\b` },
  { signal: 'manager_demand', pattern: rx`\b(?:someone|somebody|anyone|a|your|the) (?:more )?(?:senior|${MGR}|supervisor) (?:\w+ )?(?:needs to|has to|should|must|ought to) (?:look|review|handle|deal|call|contact|sort|step in|get involved|see|approve|take over)\b` },
  { signal: 'manager_demand', pattern: rx`\b(?:is|isnt|are|arent) (?:there )?(?:anyone|anybody|someone|somebody) (?:above you|higher up|more senior|senior|in charge)\b` },
  { signal: 'manager_demand', pattern: rx`\bis there (?:a|an|any) ${MGR} (?:i can|i could|to|who can|available|here|around|on duty)\b` },
  // chat shorthand: "MANAGER. NOW.", "supervisor please"
  { signal: 'manager_demand', pattern: rx`(?:^|[.!?\n]\s*)(?:manager|supervisor)s?\s*(?:now|please|pls|plz|asap|immediately|right now|[.!]|$)` },
  {
    signal: 'manager_demand',
    pattern: rx`\b(?:please |pls |plz |kindly )?escalate (?:this|it|my (?:case|complaint|issue|ticket|request))(?: now| please| immediately| asap)?\s*(?:[.!]|$)|\b(?:want|need|demand|like) (?:this|it|my (?:case|complaint|issue|ticket)) escalated\b`,
    when: (ctx) => !/\b(?:i|we) (?:will|ll|can|have|ve|shall|am going to) (?:\w+ )?escalat|\b(?:ill|ive|let me) escalat/.test(ctx.sentence),
  },
];

/** "call me Sam" is a name, not a request. */
function notAName(ctx: MatchContext): boolean {
  const after = /^\s+([a-z]+)\s*(?:[.!,]|$)/.exec(ctx.text.slice(ctx.end, ctx.end + 30));
  if (!after) return true;
  const word = after[1]!;
  if (/^(?:asap|now|back|today|tomorrow|please|pls|plz|later|again|immediately|directly|urgently|tonight|soon|instead|thanks|ok|okay|anytime|sometime)$/.test(word)) return true;
  const at = ctx.end + after[0].indexOf(word);
  const original = ctx.source.original[ctx.source.origin[at]!] ?? '';
  return !(original >= 'A' && original <= 'Z' && ctx.source.original !== ctx.source.original.toUpperCase());
}
const NOT_ABOUT_CARRIER = (ctx: MatchContext): boolean =>
  !/\b(?:courier|driver|carrier|delivery (?:guy|man|person|company|service)|fedex|ups|dhl|usps|postman|post office)\b/.test(ctx.sentence);

export const PHONE_CALL_RULES: readonly SignalRule[] = [
  { signal: 'phone_call_request', pattern: rx`\b(?:call|cal|ring|phone|telephone|callback|call back|buzz)\s+(?:me|mi)\b`, when: notAName },
  { signal: 'phone_call_request', pattern: rx`\b(?:give|gimme|giv) (?:me )?(?:a )?(?:call|ring|buzz|phone call|phone|callback|call back|bell)\b` },
  {
    signal: 'phone_call_request',
    pattern: rx`\b(?:need|needs|want|wants|request|requesting|requested|get|getting|arrange|schedule|book|like|love|insist on|insisting on|asking for|ask for|expect|expecting|demand|demanding|prefer|receive|organi[sz]e)\s+(?:a |an |some )?(?:quick |phone |telephone |direct |real |personal )?(?:call ?back|call-back|phone call|phonecall|telephone call|call)\b(?! (?:centre|center|customer|the|your|ur|them|him|her|it|us)\b)`,
    when: NOT_ABOUT_CARRIER,
  },
  {
    signal: 'phone_call_request',
    pattern: rx`\b(?:can|could|would|will|pls|please|plz|kindly)\s+(?:you|u|someone|somebody|anyone|one of you|your team|a person|a manager|a supervisor)\s+(?:please\s+|pls\s+|plz\s+|kindly\s+|just\s+)?(?:call|phone|ring)\b(?!\s+(?:customer|the|your|ur|them|him|her|it|centre|center|us|back the))`,
  },
  { signal: 'phone_call_request', pattern: rx`\b(?:can|could|shall|should) (?:we|i) (?:do|have|get|schedule|arrange|hop on|jump on|set up) (?:a |an )?(?:quick |short |brief )?(?:phone ?call|call|call ?back)\b|\basked\b(?: \w+){0,3} for (?:a |an )?(?:phone ?call|call ?back|call)\b` },
  { signal: 'phone_call_request', pattern: rx`(?:^|[.!?\n]\s*)(?:pls |please |plz |kindly )?call (?:back|asap)\b|\bcall back (?:asap|please|pls|plz|urgently|today|now|immediately)\b` },
  { signal: 'phone_call_request', pattern: rx`\bcall (?:to|on|at) (?:my|this|the following) (?:number|mobile|phone|cell|no)\b|\bcall (?:at|on) \+?\d|\bcall\s+\+?\d[\d\s().-]{6,}` },
  {
    signal: 'phone_call_request',
    pattern: rx`\b(?:speak|talk|discuss|deal|sort|handle|chat|explain|go over|settle|resolve)\b[^.!?;\n]{0,35}?\b(?:on|over|by|via) (?:the )?(?:phone|telephone)\b`,
    // the customer wants it by phone ("I'd rather discuss this on the phone"), not "reach us by chat or by phone"
    when: (ctx) => /\b(?:i|we|id|ill|im)\b[^.!?;\n]{0,20}?\b(?:want|wanna|need|rather|prefer|only|insist|like|demand|must|have to)\b|\b(?:can|could|shall) (?:we|i|you|someone|somebody)\b|^\W*(?:please|pls|plz)\b/.test(ctx.sentence),
  },
  {
    signal: 'phone_call_request',
    pattern: rx`\b(?:get|want|need|put|have)\s+(?:me\s+)?(?:a |an |the |your |ur )?(?:${MGR}|someone|somebody|(?:real )?person|human|(?:live )?agent)\b (?:\w+ )?on the (?:phone|line)\b`,
  },
  {
    signal: 'phone_call_request',
    negatable: false,
    pattern: rx`\b(?:wont|will not|not going to|refuse to|not|no longer|stop|done) (?:do|doing|discuss|discussing|handle|handling|deal with|dealing with|continue|continuing|going back and forth|communicate|communicating|typing|type|writing|write)\b(?: (?:this|it|that|any ?more|anymore))* ?(?:over|by|via|through|on|in) (?:e-?mail|mail|chat|text|texts|messages?|writing|the chat|this chat)\b|\btoo (?:complicated|long|complex|much) (?:for|to explain (?:over|by|in)) (?:e-?mail|chat|text|writing)\b`,
  },
];

const STORE_PLACE = String.raw`(?:store|shop|location|branch|outlet|boutique|showroom|counter|pick-?up (?:counter|desk|area|point|window|lockers?|spot)|register|till|(?:customer )?service desk|returns (?:counter|desk)|front desk|parking lot|car park|curbside|kerbside|collection point|locker)`;
const STORE_CONTEXT = /\b(?:store|shop|pick ?up|counter|curbside|kerbside|collect|location|branch|locker)\b/;

const PRESENT_HERE = String.raw`(?:im|i am|were|we are|currently|standing|sitting|waiting|parked|queuing|queueing|(?:ive|i have|weve|we have) been|still (?:waiting|standing|sitting|here))`;
const WHILE_HERE = String.raw`(?: (?:here|there|right now|right|now|standing|sitting|sat|stood|waiting|still|currently|physically|already|just|literally|again|rn|been|in line|queuing|queueing|parked|for (?:\d+|an|a|over an|half an|almost an|nearly an) (?:hours?|minutes?|mins?|while)))*`;
/** Up to three words of a store's name ("your Oxford Street store"), never a preposition or "stock". */
const PLACE_NAME = String.raw`(?:(?!(?:at|in|to|for|from|of|on|by|with|your|ur|my|the|a|an|stock|sale|store)\b)[\w-]+ ){0,3}?`;

export const WAITING_AT_STORE_RULES: readonly SignalRule[] = [
  {
    signal: 'waiting_at_store',
    pattern: rx`\b${PRESENT_HERE}${WHILE_HERE} (?:at|in|inside|outside|in front of) (?:the |your |ur |a |this |one of your )?${PLACE_NAME}${STORE_PLACE}\b(?! (?:page|app|website|site|account))`,
  },
  { signal: 'waiting_at_store', pattern: rx`(?:^|[.!?\n]\s*)(?:at|in) (?:the |your |ur )?${PLACE_NAME}${STORE_PLACE} (?:right )?now\b` },
  {
    signal: 'waiting_at_store',
    pattern: rx`\bim here to (?:pick up|pickup|collect|return|get|grab)\b|\b(?:im|i am|were|we are) (?:here|outside|downstairs|in the lobby|in your lobby|out front|in the car park|in the parking lot)(?= (?:now|right now|already|waiting|and|but|at|in|outside|for (?:my|the|our|a) (?:pickup|pick-up|order|collection|curbside|parcel))\b|\s*[.,!?]|\s*$)`,
    when: (ctx) => STORE_CONTEXT.test(ctx.text),
  },
];

/** "Do you waive shipping over $50?" asks what the policy is, not for an exception to it. */
function notAPolicyQuestion(ctx: MatchContext): boolean {
  return !/^\W*(?:do|does|is|are|will|when|how)\b/.test(ctx.sentence) || /\b(?:me|my|this once|for us)\b/.test(ctx.sentence);
}
const ASKING = /\b(?:can you|could you|would you|will you|please|pls|plz|any chance|is there any way|anything you can do|hoping|let me|accept|allow|consider|anyway|still|asking|request|appreciate)\b/;
const POLICY_LIMIT = String.raw`(?:past|outside|beyond|expired|closed|missed|final sale|no returns?|non-?returnable|not returnable|window|deadline|warranty|policy|time limit)`;
/** Knowing the rule is only a request for an exception when the customer asks anyway. */
const CONTRAST = /\b(?:but|however|still|anyway|though|although|despite|nevertheless|hoping|please|pls)\b/;

export const EXCEPTION_REQUEST_RULES: readonly SignalRule[] = [
  { signal: 'exception_request', pattern: rx`\b(?:make|making|grant|granting|give me|allow|consider) (?:an |a |one |a one[- ]time |this one )?exceptions?\b` },
  {
    signal: 'exception_request',
    pattern: rx`\bwaive\w*\b[^.!?;\n]{0,30}?\b(?:fees?|charges?|costs?|shipping|deadline|requirement|policy|penalt(?:y|ies)|restocking)\b|\b(?:fees?|charges?|costs?|shipping|deadline|penalt(?:y|ies)) (?:to be |be |being )?waived\b`,
    when: notAPolicyQuestion,
  },
  {
    signal: 'exception_request',
    pattern: rx`\bbend(?:ing)? (?:the |your )?(?:[\w-]+ )?(?:rules?|policy|policies)\b|\bas a (?:one[- ]off|one[- ]time thing|favou?r)\b|\b(?:overlook|ignore|set aside|stretch|relax|look past)\b(?: \w+){0,2} (?:policy|policies|rules?|deadline|window|time limit)\b|\bjust this (?:once|one time)\b|\bone[- ]time (?:courtesy|exception|allowance)\b|\bas a (?:one[- ]time )?(?:courtesy|goodwill gesture|gesture of goodwill)\b|\b(?:some|a little|a bit of|any) (?:flexibility|leniency|leeway|wiggle room)\b|\bcourtesy refund\b`,
  },
  {
    signal: 'exception_request',
    pattern: rx`\b(?:i know|i realize|i realise|i understand|i am aware|im aware|i get (?:it|that)|even though|although|despite|i missed|i just missed|i am past|im past|even if)\b[^.!?\n]{0,50}?\b${POLICY_LIMIT}\b`,
    when: (ctx) => ASKING.test(ctx.text) && CONTRAST.test(ctx.sentence),
  },
  { signal: 'exception_request', pattern: rx`\b(?:honou?r|accept|apply|use)\b (?:the |an |my |this |that )?(?:expired|old|invalid|past|last (?:weeks|months)) (?:promo|coupon|code|discount|offer|voucher|gift card|price|sale price)\b` },
  {
    signal: 'exception_request',
    pattern: rx`\b(?:let me|allow me to|can i still|could i still|accept|take)\b[^.!?;\n]{0,30}?\b(?:even though|even if|without (?:the |a |my |any )?(?:receipt|tags?|box|packaging|proof of purchase|original packaging))\b`,
  },
  // "could you still accept the return?": asking for what the rules no longer allow
  { signal: 'exception_request', pattern: rx`\b(?:could|can|would|will) (?:you|u) (?:please )?still (?:accept|take (?:it|this|them) back|take back|honou?r|refund|exchange|let me (?:return|exchange))\b` },
  {
    signal: 'exception_request',
    pattern: rx`\bextend(?:ing)? (?:the |my |your )?(?:return |refund |exchange |warranty )?(?:period|window|deadline|time limit|warranty)\b`,
    when: (ctx) => /\b(?:can you|could you|would you|please|pls|any chance|is it possible)\b/.test(ctx.text),
  },
];
