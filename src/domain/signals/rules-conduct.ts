// How the customer behaves and what they allege about staff: abusive_language insults (R002-03; the
// expletives themselves are in profanity.ts), uncooperative (R002-04 A), solution_rejected (R002-04 B)
// and misconduct_allegation (R001-15).
//
// uncooperative and solution_rejected are mostly recorded by the agent, who knows what was asked and
// offered. From text we detect only the explicit forms: a refusal to provide requested information
// ("I'm not sending you any photos", "I refuse to provide my phone number") and an explicit rejection of
// a remedy ("I don't want store credit", "a replacement is not acceptable"). Not being able to provide
// something ("I can't find my receipt") is not a refusal.
import { YOU, YOUR, rx, type SignalRule } from './signal-rule.js';

const INSULT = String.raw`(?:idiots?|morons?|imbeciles?|clowns?|fools?|incompetent(?: \w+)?|useless|pathetic|stupid|dumb|liars?|thie(?:f|ves)|crooks?|scammers?|frauds?|cheats?|cheaters?|losers?|a joke|jokes|brain ?dead|muppets?|dimwits?|numpties?|garbage|trash|scum|a disgrace|clueless|halfwits?|cretins?|dumbasses|jerks?|animals|pigs?|criminals|robbers|thugs|incompetents)`;
/** People, not the service: "your service is pathetic" is criticism, "you are pathetic" is an insult. */
const STAFF_GROUP = String.raw`(?:${YOU}|${YOUR} (?:staff|team|agents?|people|employees|support team|customer service team|reps?|representatives|workers))`;
const INTENSIFIER = String.raw`(?:all|such|a bunch of|bunch of|a|an|complete|total|absolute|utter|so|just|really|bloody|damn|goddamn|freaking|effing|fricking|f\w*ing|nothing but|the most|incompetent|useless|lying|pathetic)`;

export const ABUSIVE_INSULT_RULES: readonly SignalRule[] = [
  // "you people are complete idiots", "your agents are a bunch of incompetent clowns", "U all are useless"
  {
    signal: 'abusive_language',
    pattern: rx`\b${STAFF_GROUP}(?: all)? (?:are|r|is|were|re|seem|sound|must be)?\s*(?:${INTENSIFIER}\s+)*${INSULT}\b`,
  },
  { signal: 'abusive_language', pattern: rx`\b(?:youre|you are|u r|ure|ur (?:a|an|such a|such an)|your (?:a|an|such a|such an))\s+(?:${INTENSIFIER}\s+)*${INSULT}\b` },
  { signal: 'abusive_language', pattern: rx`\bare (?:${YOU}) (?:all )?(?:${INTENSIFIER}\s+)*(?:${INSULT}|brain ?dead|blind|deaf|illiterate|thick)\b` },
  // plural insult nouns are always aimed at someone: "Idiots.", "bunch of clowns"
  { signal: 'abusive_language', pattern: rx`\b(?:idiots|morons|imbeciles|clowns|muppets|cretins|halfwits|dumbasses)\b` },
  {
    signal: 'abusive_language',
    pattern: rx`\b(?:shut up|shut the hell up|screw (?:you|u|ya|yall|this company|your company)|damn (?:you|u|ya|yall)|go to hell|to hell with (?:you|u|ya|your)|piss off|bite me|up yours|kiss my (?:ass|arse))\b`,
  },
  { signal: 'abusive_language', pattern: rx`\b(?:dumbass|dumb ass|jackass|dipshit|dickhead|asshole|arsehole|shithead|douche(?:bag)?|scumbag|dirtbag|sleazebag)s?\b` },
];

const INFO = String.raw`(?:(?:the |this |that )?(?:item|product|parcel|package|it|order) back|surveys?|claim forms?|bank details|card details|photos?|pictures?|pics?|images?|screenshots?|videos?|proof|evidence|receipts?|(?:my |the |your )?(?:id|identification|passport|license|licence)|phone(?: number)?|number|order (?:number|no|#)|address|details|information|info|date of birth|dob|birthday|digits|forms?|questions?|serial number|tracking|documents?|paperwork|statement)`;

export const UNCOOPERATIVE_RULES: readonly SignalRule[] = [
  {
    signal: 'uncooperative',
    negatable: false,
    pattern: rx`(?:\b(?:im|i am|were|we are|i will|ill|i|we|i shall)\s+|(?:^|[.!?\n,]\s*)(?:absolutely |definitely |certainly |just |nope,? )?)(?:not|never|no longer) (?:going to |gonna |be )?(?:send|sending|give|giving|provide|providing|upload|uploading|share|sharing|fill(?:ing)? (?:out|in)|answer(?:ing)?|repeat(?:ing)?|take|taking|waste|wasting|hand(?:ing)? over|doing)\b[^.!?;\n]{0,40}?\b(?:${INFO}|anything (?:else|more)|any more|nothing (?:else|more))\b`,
  },
  {
    signal: 'uncooperative',
    negatable: false,
    pattern: rx`\b(?:refuse|refusing|decline|declining|wont|will not|am not willing|not willing|no intention of|not about to|done)\s+(?:to |be )?(?:send|give|provide|upload|share|answer|fill|complete|repeat|take|sending|giving|providing|uploading|sharing|answering|filling|completing|repeating|taking)\b[^.!?;\n]{0,40}?\b(?:${INFO}|it|them|that|those|anything|any more|anymore)\b`,
    when: (ctx) => new RegExp(String.raw`\b${INFO}\b`).test(ctx.text.slice(Math.max(0, ctx.start - 80), ctx.end + 40)),
  },
  { signal: 'uncooperative', negatable: false, pattern: rx`\b(?:im|i am|i)? ?not (?:sending|giving|providing|showing) (?:you |u )?(?:anything|shit|sh\W*t|crap|squat|jack|nothing|a thing)\b` },
  { signal: 'uncooperative', negatable: false, pattern: rx`\b(?:stop|quit|dont|do not|no more) ask(?:ing)? (?:me )?(?:for|about)\b[^.!?;\n]{0,30}?\b${INFO}\b` },
  { signal: 'uncooperative', pattern: rx`\b(?:stop|quit) asking (?:me )?(?:for|about)\b[^.!?;\n]{0,30}?\b${INFO}\b` },
  { signal: 'uncooperative', negatable: false, pattern: rx`(?:^|[.!?\n]\s*)(?:im |i am |nope,? |no,? )?not (?:answering|doing|sending|giving|providing|repeating) (?:that|this|it|them|any of (?:that|this))\s*(?:[.!,;]|$)` },
  { signal: 'uncooperative', negatable: false, pattern: rx`\b(?:you dont need|you do not need|you dont get|you are not getting|youre not getting|you arent getting|you wont get|you will not get|youll never get|you will never get)\b[^.!?;\n]{0,15}?\b${INFO}\b` },
  { signal: 'uncooperative', pattern: rx`\b(?:figure it out|look it up|find it|work it out) yourself\b|\bim done (?:sending|giving|answering|providing|explaining)\b` },
];

const REMEDY = String.raw`(?:store credit|credit(?! card)|credits|voucher|vouchers|coupon|coupons|discount(?: code)?|gift ?cards?|replacement|exchange|partial refund|reshipment|reship(?:ping)?|resend(?:ing)?|repair|(?:your|the|that|this)(?: \w+)? (?:offer|solution|proposal|resolution)|compensation|points|promo code|\d+ ?%(?: off| discount| coupon| refund)?|that answer|your answer|that option)`;

export const SOLUTION_REJECTED_RULES: readonly SignalRule[] = [
  {
    signal: 'solution_rejected',
    negatable: false,
    pattern: rx`\b(?:dont|do not|will not|wont|refuse to|cannot|cant|not going to|im not going to|no longer) (?:want|accept|take|need)\b[^.!?;\n]{0,20}?\b${REMEDY}\b`,
  },
  { signal: 'solution_rejected', negatable: false, pattern: rx`\b${REMEDY} (?:is|are|was) (?:not|never|no longer) (?:acceptable|an option|good enough|enough|sufficient|what i want|what i asked for)\b|\b${REMEDY} (?:isnt|arent|wasnt) (?:acceptable|an option|good enough|enough|sufficient)\b` },
  { signal: 'solution_rejected', negatable: false, pattern: rx`\b(?:thats|that is|this is|your (?:offer|solution|proposal) is) not (?:good enough|acceptable enough|a solution|an option|sufficient)\b|\bthats not good enough\b` },
  { signal: 'solution_rejected', pattern: rx`\b(?:reject|rejecting|decline|declining|refuse|refusing) (?:your|the|this|that)? ?(?:${REMEDY}|proposal|offer)\b` },
  {
    signal: 'solution_rejected',
    negatable: false,
    pattern: rx`\b(?:not interested in|no thanks (?:on|to)|thanks but no thanks|no to|said no to|not accepting|wont accept|will not accept|cant accept|cannot accept|do not accept|dont accept)\b[^.!?;\n]{0,25}?\b${REMEDY}\b`,
  },
  {
    signal: 'solution_rejected',
    pattern: rx`\b${REMEDY}\b[^.!?;\n]{0,30}?\b(?:doesnt|does not|wont|will not|isnt going to) (?:help|fix|solve|cut it|come close|work for me|do it for me|do anything for me)(?: me| it| anything)?\b|\b${REMEDY}\?+ no\b|\b(?:doesnt|does not) (?:come close|cut it)\b`,
  },
  {
    signal: 'solution_rejected',
    pattern: rx`\b${REMEDY}\b[^.!?;\n]{0,25}?\b(?:is|are|was|seems|sounds) (?:\w+ )?(?:useless|worthless|a joke|insulting|an insult|no use|no good|pointless|laughable|ridiculous|unacceptable|not acceptable|not enough|not good enough)\b`,
  },
  { signal: 'solution_rejected', pattern: rx`\bunacceptable\b`, when: (ctx) => new RegExp(String.raw`\b${REMEDY}\b`).test(ctx.text) },
];

const STAFF_ROLE = String.raw`(?:(?:\w+ )?(?:employees?|staff(?: members?)?|workers?|cashiers?|clerks?|associates?|sales ?(?:associate|person|girl|guy|lady|man|woman|rep|assistant)|salesperson|reps?|representatives?|agents?|csr|customer service (?:rep|agent|lady|guy|person|representative|woman|man)|manager|supervisor|driver|delivery (?:driver|guy|man|person|boy|girl)|courier|technician|tech|installer|security guard|guard|shop assistant|team member|crew|packer))`;
const WORKPLACE = String.raw`(?:counter|desk|register|till|store|shop|location|branch|warehouse|front|door)`;
/** Who is accused: a staff role ("your cashier"), someone at a workplace ("the girl at the counter"). */
const STAFF = String.raw`(?:(?:the|your|ur|a|an|one of your|one of the|this|that)\s+(?:${STAFF_ROLE}(?: at (?:the |your |ur )?(?:[\w-]+ ){0,3}?${WORKPLACE})?|(?:girl|guy|lady|man|woman|person|boy|kid) at (?:the |your |ur )?(?:[\w-]+ ){0,3}?${WORKPLACE})|(?:someone|somebody|people) (?:in|at|from) (?:your|ur) (?:warehouse|store|team|shop|company|staff))`;
const MISCONDUCT = String.raw`(?:(?:was|were|is|are|got|been|being|acted)\s+(?:so |very |extremely |incredibly |really |super |unbelievably |absolutely |completely |totally |openly |just )*(?:rude|racist|sexist|abusive|aggressive|hostile|disrespectful|insulting|sarcastic|condescending|inappropriate|drunk|intoxicated|high|threatening|violent|harassing|homophobic|transphobic|discriminatory|unprofessional|mean|nasty|creepy|vulgar|obnoxious|belligerent)|harass(?:ed|ing)|harrass(?:ed|ing)|assaulted|groped|touched me|threatened|yelled at|shouted at|screamed at|swore at|sworn at|cursed at|insulted|mocked|humiliated|discriminated against|racially profiled|profiled|followed me|hung up on|lied to|lied about|lying to|stole|steals|has stolen|pocketed|made (?:a |an |some )?(?:racist|sexist|homophobic|inappropriate|rude|offensive|crude|sexual|nasty) (?:comments?|remarks?|jokes?|gestures?|slurs?|advances?)|laughed at (?:me|us|my)|(?:threw|kicked|tossed|hurled|flung|smashed|stomped on|dumped) (?:my|the|our) (?:\w+ )?(?:parcel|package|receipt|item|box|change|card|money|stuff|bag|order|delivery)|spat|pushed me|grabbed|hit me|called me (?:a |an )?(?:\w+ )?(?:stupid|idiot|liar|thief|names|crazy|dumb|fat|ugly|scammer|fraud|criminal|racist|slur|b-word|n-word|bitch))`;

const STAFF_MENTION = new RegExp(String.raw`\b${STAFF}\b`);

export const MISCONDUCT_RULES: readonly SignalRule[] = [
  // "the cashier at your Main St store was incredibly rude", "your agent hung up on me twice"
  { signal: 'misconduct_allegation', pattern: rx`\b${STAFF}\b(?:[^.!?;\n]{0,40}?)\b${MISCONDUCT}\b` },
  {
    signal: 'misconduct_allegation',
    pattern: rx`\b(?:took|kept|opened)\b (?:my|the|our) (?:\w+ )?(?:money|cash|change|earrings?|ring|necklace|jewel\w*|items?|package|parcel|wallet|purse|card|phone|stuff|belongings)\b`,
    when: (ctx) => STAFF_MENTION.test(ctx.sentence),
  },
  {
    signal: 'misconduct_allegation',
    pattern: rx`\b(?:treated|spoken to|talked to|handled)\s+(?:\w+ )?(?:horribly|badly|terribly|like (?:dirt|garbage|trash|a criminal|a thief)|disrespectfully|rudely|appallingly|awfully|with contempt)\s+by\b|\bbecause of my (?:skin|race|colou?r|religion|accent|ethnicity|gender|disability|hijab|turban|sexuality)\b`,
  },
];
