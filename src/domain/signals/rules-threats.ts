// Threat signals: legal_threat (R002-02, R001-15, R003-06), review_threat (R002-05),
// media_attention (R001-13, R001-15) and cancellation_threat (R001-13).
// A mention alone is not a threat: "is it legal to ship", "write a review", "press-on nails",
// "please cancel my order" are ordinary requests. Each rule needs the threatening frame.
import { I_WILL, YOU, YOUR, hasThreatFrame, rx, sentenceHas, type SignalRule } from './signal-rule.js';

const LAWYER = String.raw`(?:lawyer|lawer|laywer|attorney|attorny|atorney|attourney|solicitor|legal (?:team|counsel|department|dept|representative|representation|advisor|adviser|aid)|barrister|counsel)s?`;
const OWN_LAWYER = String.raw`(?:lawyer|lawer|laywer|attorney|attorny|atorney|attourney|solicitor|barrister|legal counsel|counsel)s?`;
const RELATIVE = String.raw`(?:husband|wife|partner|brother|sister|dad|father|mom|mum|mother|son|daughter|uncle|aunt|cousin|friend|best friend|neighbou?r|boyfriend|girlfriend|fiance|fiancee)`;

export const LEGAL_THREAT_RULES: readonly SignalRule[] = [
  // "my lawyer will be in touch", "expect a letter from my lawyer", "next step is my attorney"
  { signal: 'legal_threat', pattern: rx`\b(?:my|our) ${OWN_LAWYER}\b(?! friend)` },
  // "our legal department" also pays invoices; it is a threat when it is about to act
  {
    signal: 'legal_threat',
    pattern: rx`\b(?:my|our) legal (?:team|department|dept|representative|advisor|adviser)s?\b`,
    when: (ctx) => hasThreatFrame(ctx) || /\b(?:copied|cc|ccd|informed|involved|aware|in touch|contact(?:ing)? you)\b/.test(ctx.sentence),
  },
  // "I've contacted a lawyer", "gonna get a lawyer involved", "consulting an attorney"
  {
    signal: 'legal_threat',
    pattern: rx`\b(?:get|getting|got|hire|hiring|hired|contact|contacting|contacted|call|calling|called|involve|involving|involved|consult|consulting|consulted|speak(?:ing)? (?:to|with)|spoke(?:n)? (?:to|with)|talk(?:ing|ed)? (?:to|with)|retain|retained|retaining|bring(?:ing)? in|hand(?:ing)? (?:this|it) (?:over )?to|pass(?:ing)? (?:this|it) (?:on )?to|see(?:ing)?|seek(?:ing)?) (?:a |an |some |the |our |my own )?(?:good |family |consumer |real )?${LAWYER}\b`,
  },
  { signal: 'legal_threat', pattern: rx`\b${LAWYER} (?:will|would|is going to|are going to|(?:will )?be in touch|involved|letter|is drafting|are drafting|has been (?:copied|informed|cc)|have been (?:copied|informed))` },
  { signal: 'legal_threat', pattern: rx`\b(?:my|our) ${RELATIVE} is (?:a|an) ${LAWYER}\b` },
  {
    signal: 'legal_threat',
    pattern: rx`\blegal (?:action|proceedings?|steps|remed(?:y|ies)|route|routes|recourse|measures|claim|avenues?|options|means|channels)\b|\b(?:pursue|pursuing|take|taking|deal with|handle) (?:this|it|the matter|things)? ?(?:further )?legally\b`,
  },
  // "sue" must look like the verb: "Sue at your store" is a name.
  {
    signal: 'legal_threat',
    pattern: rx`\b(?:will|ll|ill|to|gonna|and|or|would|could|can|should|shall|might|may|i|we|then|just) (?:be )?sue\b|\bsue (?:you|u|ya|your|ur|the|this|them|for|over|yall)\b|\bsu(?:e)?ing (?:you|u|ya|yall|your|ur|them|the company|this company|for|over)\b|\b(?:im|i am|were|we are|be|start|started|consider|considering|thinking (?:about|of)|intention of|threaten(?:ing)?|no choice but) su(?:e)?ing\b|\blaw ?suits?\b|\bclass action\b`,
  },
  {
    signal: 'legal_threat',
    pattern: rx`\b(?:take|taking|took|see|seeing|drag|dragging|bring|bringing|haul|hauling) (?:${YOU}|your company|this|them|it|this company|you guys) ?(?:to|in|into) (?:small claims )?court\b|\bsmall claims\b|\bcourt (?:case|action|claim)\b`,
  },
  { signal: 'legal_threat', pattern: rx`\b(?:seek|seeking|sought|get|getting|take|taking|took|obtain|obtaining|sought) (?:some |proper |independent )?legal (?:advice|counsel|help|assistance)\b` },
  { signal: 'legal_threat', pattern: rx`\b(?:summons|subpoena|served (?:with )?(?:legal )?papers|legal papers)\b`, when: hasThreatFrame },
  {
    signal: 'legal_threat',
    pattern: rx`\battorney generals?\b|\b(?:demand letter|cease and desist|letter before action|formal legal notice)\b|\b(?:report|reporting|complain|complaint|file|filing|contact|contacting)\b[^.!?;\n]{0,40}?\b(?:ftc|trading standards|consumer protection (?:agency|bureau|office|authority)|cfpb)\b`,
  },
];

const PLATFORM = String.raw`(?:trustpilot|trust pilot|yelp|google(?: reviews?)?|facebook|fb|instagram|insta|ig|twitter|x|tiktok|tik tok|reddit|youtube|amazon|ebay|etsy|social media|socials|online|the internet|the web|everywhere|every review site|review sites?|bbb|better business bureau|nextdoor|threads|linkedin)`;
const BAD_REVIEW = String.raw`(?:\b(?:1|one|0|zero|no)[- ]?stars?|bad|negative|terrible|scathing|very honest|brutally honest|awful|horrible|poor|low|damning|nasty|angry|horrendous|lousy|appalling)`;

export const REVIEW_THREAT_RULES: readonly SignalRule[] = [
  // "I'll leave a 1-star review on Trustpilot", "expect a very honest Google review"
  { signal: 'review_threat', pattern: rx`${BAD_REVIEW} (?:${PLATFORM} )?(?:review|rating|feedback|write-?up)s?\b`, when: hasThreatFrame },
  { signal: 'review_threat', pattern: rx`\b(?:1|one|zero|0)[- ]?stars?\b(?! hotel)` },
  { signal: 'review_threat', pattern: rx`\b(?:my|the) review\b[^.!?;\n]{0,30}?\b(?:will|is going to|gonna) (?:reflect|say|tell|show|mention)|\b(?:drafted|drafting|written|writing|started writing|started on|posting|typing) (?:up )?my (?:\w+ )?review\b|\b(?:my|the|this) review\b[^.!?;\n]{0,30}?\b(?:will|is going to|gonna) (?:be )?(?:brutal|scathing|harsh|bad|negative|ugly|savage|damning|not (?:pretty|nice|kind|good|positive))\b` },
  // "Fix this or I'm posting about it on Facebook", "going on TikTok", "putting it on Twitter"
  {
    signal: 'review_threat',
    pattern: rx`\b(?:post|posting|put|putting|share|sharing|write|writing|blast|blasting|tweet|tweeting|go|going|expose|exposing|air|airing|vent|venting|complain|complaining|upload|uploading|plaster|plastering)\b(?: (?!on\b|to\b|in\b)[\w-]+){0,5}? (?:(?:on|to|across|all over|in) (?:my |every |all )?${PLATFORM}|(?:to|for|with) (?:my |all my )?(?:[\d.,]+\s?[km]?\+? )?(?:followers|subscribers|audience|fans|readers|viewers)|everywhere|online)\b`,
    when: hasThreatFrame,
  },
  {
    signal: 'review_threat',
    pattern: rx`\b(?:everyone|everybody|the world|people|all my (?:friends|followers|family)|the whole internet|my (?:friends|followers|family|network))\b[^.!?;\n]{0,30}?\b(?:will|is going to|are going to|gonna|going to|shall) (?:hear|know|see|find out|learn)\b|\bmake sure (?:everyone|everybody|people|the world|all my \w+|others)\b[^.!?;\n]{0,20}?\b(?:knows?|hears?|sees?|finds? out|learns?)\b`,
  },
  { signal: 'review_threat', pattern: rx`\b(?:theyre|they are|they will|theyll|everyone|everybody|people|the world|all of them) (?:is |are )?(?:going to|gonna|will|shall) (?:hear|know|find out|learn) about (?:this|it|you|your|how)\b` },
  {
    signal: 'review_threat',
    pattern: rx`\b(?:make|making|film|filming|record|recording|do|doing|post|posting|upload|uploading|write|writing) (?:a |my |an entire |a whole )?(?:video|tiktok|reel|post|thread|tweet|youtube video|story|vlog|blog post)s? (?:about|on|exposing) (?:this|you|your|it|my experience|how)\b`,
    when: hasThreatFrame,
  },
  // "I'll tell everyone in my social site to not order on ur site"
  {
    signal: 'review_threat',
    pattern: rx`\btell(?:ing)? (?:everyone|everybody|all my (?:\w+ ){0,2}\w+|my (?:\w+ )?\w+|people|others|the world|all)\b[^.!?;\n]{0,40}?\b(?:not to|to not|never to|to never|to avoid|to stay away|to boycott|about (?:this|you|your|how)|how (?:you|u|your|this company|they)|what (?:you|u|happened))\b`,
    when: hasThreatFrame,
  },
  { signal: 'review_threat', pattern: rx`\bwarn(?:ing)? (?:everyone|everybody|people|others|other (?:customers|shoppers|buyers|people)|my (?:friends|followers|family|group)|the (?:public|world))\b`, when: hasThreatFrame },
  {
    signal: 'review_threat',
    pattern: rx`\b(?:see what happens to|watch|say goodbye to|kiss goodbye)\b[^.!?;\n]{0,15}?${YOUR} (?:ratings?|reviews?|reputation|stars?)\b|\b${YOUR} (?:\w+ )?(?:ratings?|reputation|reviews?|stars?|score) (?:will|are going to|is going to|gonna|(?:is|are) about to|(?:is|are) going to) (?:suffer|tank|drop|take a hit|plummet|fall|go down)`,
  },
  { signal: 'review_threat', pattern: rx`\bshare (?:this|my) (?:experience|story|ordeal)\b[^.!?;\n]{0,40}?\b(?:${PLATFORM}|review sites?|with everyone)\b`, when: hasThreatFrame },
  {
    signal: 'review_threat',
    pattern: rx`\b(?:report|reporting|complain|complaining|complaint|file|filing|contact|contacting|go|going|take|taking)\b[^.!?;\n]{0,40}?\b(?:bbb|better business bureau)\b`,
  },
  { signal: 'review_threat', pattern: rx`\b(?:trustpilot|yelp) is going to (?:love|hear)\b|\b(?:leave|leaving|give|giving|post|posting)\b (?:you |u )?(?:a )?(?:bad|negative|terrible) (?:feedback|rating|review)\b` },
];

export const MEDIA_ATTENTION_RULES: readonly SignalRule[] = [
  {
    signal: 'media_attention',
    pattern: rx`\b(?:im|i am|as|being) (?:a|an) (?:\w+ )?(?:journalist|reporter|editor|blogger|vlogger|influencer|youtuber|content creator|tiktoker|instagrammer|podcaster|columnist|correspondent|writer for|presenter|news anchor)\b`,
  },
  {
    signal: 'media_attention',
    pattern: rx`\b(?:contact|contacted|contacting|call|calling|called|email|emailed|emailing|tell|telling|told|go|going|went|gone|reach(?:ed)? out|reaching out|talk|talking|talked|speak|speaking|spoke(?:n)?|tip(?:ping|ped)? off|alert(?:ed|ing)?|write|writing|wrote|send|sending|sent|get|getting|forward(?:ed|ing)?|report(?:ed|ing)?)\b[^.!?;\n]{0,30}?\b(?:the press|the media|(?:the )?local (?:news|paper|newspaper|tv|media|radio)|(?:the )?news(?:papers?| station| channel| outlets?| desk| team)|(?:a |the )?(?:journalists?|reporters?)|(?:the )?(?:tv|radio) stations?|consumer (?:affairs|watchdog|rights) (?:show|team|programme|program|column|reporter)|watchdog)\b`,
  },
  {
    signal: 'media_attention',
    pattern: rx`\b(?:reporters?|journalists?|news (?:crew|team|station|outlet|desk)|tv station|newspapers?|producers?)\b (?:\w+ )?(?:wants?|would like|is going|are going|asked|contacted|reached out|is interested|are interested|is covering|are covering|interviewed|to interview|called me)\b`,
  },
  {
    signal: 'media_attention',
    pattern: rx`\b(?:bbc|cnn|fox news|nbc|cbs|abc news|sky news|itv news|channel \d+ news|daily mail|the guardian|the sun|new york times|washington post|the local paper|watchdog)\b`,
    when: (ctx) => /\b(?:story|stories|love|loves|interested|contact|contacting|contacted|call|calling|tell|telling|hear|report|cover|covering|expose)\b/.test(ctx.sentence),
  },
  {
    signal: 'media_attention',
    pattern: rx`\b(?:running|writing|publishing|doing|preparing|working on|putting together) (?:a |an )?(?:story|piece|article|segment|report|feature|expose) (?:about|on) (?:you|your|this|the company|how)\b`,
  },
  { signal: 'media_attention', pattern: rx`\b(?:the )?(?:media|press|news) (?:will|would|is going to|are going to|gonna) (?:love|hear|be interested|have a field day|want)\b|\bconsumer (?:affairs show|column|watchdog|champion|desk|programme|program)\b` },
  {
    signal: 'media_attention',
    pattern: rx`\b(?:go(?:ing|ne|es)? viral|went viral|viral (?:post|video|tweet|thread|tiktok|complaint|story))\b|\b(?:blowing up|trending) on (?:twitter|x|tiktok|instagram|reddit|facebook|social media)\b`,
  },
  {
    signal: 'media_attention',
    pattern: rx`\b(?:\d+(?:[.,]\d+)?\s?(?:k|m|thousand|million)\+?|\d{1,3},\d{3}(?:,\d{3})?|\d{4,}|thousands of|millions of|hundreds of thousands of|tens of thousands of)\s+(?:followers|subscribers|subs|fans|readers|viewers|listeners|shares|retweets|views|likes)\b|\b(?:a|my) (?:large|huge|big|massive) (?:audience|following|platform)\b|\b\d+(?:[.,]\d+)?\s?(?:k|m)\+? on (?:ig|instagram|tiktok|youtube|twitter|x)\b`,
  },
  { signal: 'media_attention', pattern: rx`\bmy (?:followers|subscribers|audience|readers|viewers|listeners|fans) (?:will|are going to|gonna|would|trust|need to know|deserve to know|are waiting|want to know)\b` },
  {
    signal: 'media_attention',
    pattern: rx`\bhas seen my (?:thread|tweet|post|video|tiktok|reel)\b|\bmy (?:thread|tweet|post|video|tiktok|reel) (?:about|on) (?:${YOU}|${YOUR}|this)\b[^.!?;\n]{0,40}?\b(?:has|have|got|is|already)\b[^.!?;\n]{0,20}?\b(?:seen|shares|views|likes|retweets|viral|blowing up|trending)\b`,
  },
  { signal: 'media_attention', pattern: rx`\b(?:going|go|be|ending up|end up) (?:on|in|into) my (?:podcast|blog|vlog|show|column|newsletter|channel|youtube channel)\b|\b(?:feature|mention|cover|discuss|talk about) (?:this|you|your company)\b[^.!?;\n]{0,20}?\bon my (?:podcast|blog|channel|show)\b` },
];

const CANCEL = String.raw`(?:cancel+(?:ing|ed|ation)?|cancle|cacel|cansel)`;
/** Present or future forms only: "and I cancelled on Tuesday" is a past fact, not a threat. */
const CANCEL_NOW = String.raw`(?:(?:cancel|cancle|cacel|cansel)(?:l?ing|l?ation)?)`;
const ULTIMATUM = /\b(?:if|unless|until|till|or|otherwise|one more|another|keep (?:this|it|that) up|again|any longer|anymore|any more|last (?:chance|warning)|by (?:today|tonight|tomorrow|monday|tuesday|wednesday|thursday|friday|saturday|sunday|the end of))\b/;
const CANCEL_OBJECT = String.raw`(?:(?:the|my|this|your|all|the whole|this whole|all (?:my|three|two|\d+)|my other(?: \w+)?) )?(?:order|orders|subscription|membership|account|plan|purchase|everything|it|them|the lot|the whole thing|this)`;

export const CANCELLATION_THREAT_RULES: readonly SignalRule[] = [
  // "I'm about to cancel", "I will cancel my membership", "thinking about cancelling"
  {
    signal: 'cancellation_threat',
    pattern: rx`\b(?:${I_WILL}|(?:will|going to|gonna|ill) have to|ready to|about to|prepared to|thinking (?:about|of)|considering|seriously considering|this close to|close to|on the verge of|on the brink of|at the point of|about ready to|tempted to|might|may just|might just|will just|ill just|ill be)\s+(?:just\s+)?(?:have to\s+)?(?:go ahead and\s+)?${CANCEL_NOW}\b`,
  },
  // ultimatums: "ship it today or I'm canceling", "give me a date or I'm pulling the order"
  {
    signal: 'cancellation_threat',
    pattern: rx`\b(?:or|otherwise|else)\s+(?:i|im|ill|i will|i am|we|well|were)\s+(?:just\s+)?(?:going to\s+|gonna\s+)?(?:${CANCEL_NOW}|pull(?:ing)? (?:the|my) (?:order|orders|plug))\b`,
  },
  // "one more delay and I cancel", "keep this up and I'm cancelling"
  {
    signal: 'cancellation_threat',
    pattern: rx`\band\s+(?:i|im|ill|i will|i am|we|were)\s+(?:just\s+)?(?:going to\s+|gonna\s+)?${CANCEL_NOW}\b`,
    when: (ctx) => ULTIMATUM.test(ctx.sentence),
  },
  // "if it doesn't ship by Friday I'm cancelling the order"
  { signal: 'cancellation_threat', pattern: rx`\b(?:im|i am|were|we are) (?:just |definitely )?cancel+ing\b`, when: (ctx) => ULTIMATUM.test(ctx.sentence) },
  { signal: 'cancellation_threat', pattern: rx`\bconsider (?:this|the|my) (?:order|subscription|purchase)s? ${CANCEL}\b` },
  {
    signal: 'cancellation_threat',
    pattern: rx`\b(?:and|or) (?:the|my|this|your) (?:order|subscription|membership|purchase)s? (?:is|are|gets|get|will be|goes) ${CANCEL}\b`,
    when: (ctx) => ULTIMATUM.test(ctx.sentence),
  },
  { signal: 'cancellation_threat', pattern: rx`\b(?:maybe|perhaps|honestly|probably) (?:i|we) should (?:just )?${CANCEL_NOW}\b|\b(?:might|may) as well (?:just )?${CANCEL_NOW}\b` },
  { signal: 'cancellation_threat', pattern: rx`\b(?:im|i am|were|we are|ill be|i will be) pulling (?:the|my|this) order\b` },
  // "do I need to cancel? because I will"
  { signal: 'cancellation_threat', pattern: rx`\b${CANCEL}(?: ${CANCEL_OBJECT})?\?\s*(?:because|cause|coz|cuz) (?:i|we) (?:will|would)\b` },
  // "cancel and buy elsewhere / offline"
  {
    signal: 'cancellation_threat',
    pattern: rx`\b${CANCEL}\b[^.!?;\n]{0,40}?\b(?:buy|order|shop|purchase|get (?:it|one|them))\b (?:it |them |one )?(?:elsewhere|offline|somewhere else|from (?:amazon|another (?:store|shop|site|seller)|someone else|a competitor|your competitor))\b`,
    when: sentenceHas(/\b(?:if|better|rather|ready|going|gonna|will|ill|just|and)\b/),
  },
];

