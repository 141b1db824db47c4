// safety_issue (R001-13 P1, R001-15 red flag, R003-06 foreign objects and injury are L4).
// Counted: an injury, medical attention after using the product, a severe allergic reaction, a foreign
// object in the product, or a product hazard (fire, smoke, shock, swelling battery, exposed wiring).
// Not counted: a minor reaction with no medical care ("slight rash, went away"), which R003-02 keeps at
// L1 as a minor adverse reaction; questions about allergens; a product merely arriving broken.
import { rx, type MatchContext, type SignalRule } from './signal-rule.js';

const MEDICAL = String.raw`(?:the er|an er|the a&e|a&e|a and e|emergency room|the emergency department|urgent care|hospital|hospitali[sz]ed|ambulance|911|999|112|paramedics?|(?:a |the |my |our |his |her )?(?:doctor|dr|gp|physician|pediatrician|paediatrician|dermatologist|allergist|vet|dentist)|poison control|epi-?pen|epinephrine|adrenaline|antihistamines?|benadryl|prednisone|prednisolone|cortisone|antibiotics?|steroids?|stitches|medical (?:attention|care|help|treatment)|hospital treatment)`;
/** Words that say something happened to a body; medical care is only a safety signal after one. */
const HARM = /\b(?:reaction|scrap\w*|graz\w*|accident|rash|swell\w*|swollen|hives|burn\w*|cut|cuts|bleed\w*|bled|injur\w*|hurt|pain|sick|vomit\w*|throw(?:ing)? up|chok\w*|swallow\w*|breath\w*|allerg\w*|bruise\w*|fell|fall|shock\w*|poison\w*|blister\w*|infect\w*|sting\w*|itch\w*|irritat\w*|broke out|break out|wound|fractur\w*|concussion|scald\w*|faint\w*|dizz\w*|seizure)\b/;

const BODY = String.raw`(?:hand|hands|finger|fingers|thumb|arm|leg|foot|feet|toe|face|eye|eyes|mouth|lip|lips|tongue|throat|skin|scalp|head|neck|back|knee|chest|stomach|tooth|teeth|gums|nose|ear|wrist|palm)`;
/** Someone who can get hurt; "my button fell out" is not an injury. */
const ANIMATE = String.raw`(?:i|he|she|we|they|(?:my|our|his|her|their|the) (?:\w+ )?(?:son|daughter|kid|kids|child|children|baby|toddler|wife|husband|partner|mom|mum|dad|mother|father|dog|cat|puppy|kitten|pet|friend|grandson|granddaughter|niece|nephew|brother|sister|boy|girl|grandma|grandpa))`;
const INJURED = String.raw`(?:cut|sliced|gashed|burn(?:ed|t)|scald(?:ed)?|injur(?:ed|y|ies)|hurt|bleeding|bled|electrocuted|fractured|sprained|choked|choking|bruised|blistered|lacerat\w*|punctured|stabbed)`;

export const SAFETY_RULES: readonly SignalRule[] = [
  // medical attention after something happened: "ended up in the ER", "had to see a doctor"
  {
    signal: 'safety_issue',
    pattern: rx`\b(?:ended up (?:in|at)|went to|go to|gone to|taken to|rushed to|had to (?:go to|see|visit|call|use|take|get)|at the|in the|called|call|needed|need|required|seeing|saw|seen|see|visit(?:ed)?|prescribed|gave (?:me|him|her|us)|treated (?:at|by|in)|admitted to|in)\s+${MEDICAL}\b`,
    when: (ctx: MatchContext) => HARM.test(ctx.text) && !/\b(?:work|works|working|worked) (?:in|at) (?:the |an )?(?:er|hospital|emergency)\b/.test(ctx.sentence),
  },
  {
    signal: 'safety_issue',
    pattern: rx`\b(?:my |the |our |his |her )?(?:doctor|dr|gp|physician|pediatrician|paediatrician|dermatologist|allergist|vet)\b (?:\w+ )?(?:says|said|thinks|confirmed|prescribed|diagnosed|told (?:me|us)|gave (?:me|him|her|us)|put (?:me|him|her) on|sent (?:me|him|her|us) to|referred (?:me|him|her|us))\b`,
    when: (ctx: MatchContext) => HARM.test(ctx.text),
  },
  // severe reactions
  {
    signal: 'safety_issue',
    pattern: rx`\b(?:severe|serious|major|violent|extreme|dangerous|life[- ]threatening|bad|nasty|deep) (?:allergic )?(?:reaction|allergic reaction|burns?|rash|swelling|injur(?:y|ies)|cut|cuts|bleeding|blisters?|gash|wound)\b|\banaphyla\w*|\banaphylactic\b`,
  },
  { signal: 'safety_issue', pattern: rx`\b(?:throat|tongue|lips?|airways?|face|eyes?) (?:started |began |was |were |is |got |had )?(?:to )?(?:swell\w*|swollen|closing|closed up|close up|puff(?:ed|ing)? up|blew up)\b` },
  { signal: 'safety_issue', pattern: rx`\b(?:couldnt|could not|cant|cannot|could barely|barely|hard to|trouble|difficulty|struggling to|struggled to|unable to) breath\w*\b` },
  // injuries: "cut her finger", "burned my hand", "chemical burns", "my kid nearly choked"
  { signal: 'safety_issue', pattern: rx`\b${ANIMATE}\b(?: \w+){0,2}? ${INJURED}\b(?: \w+){0,2}? (?:${BODY}|myself|himself|herself|themselves|badly|him|her|me|us)\b` },
  {
    signal: 'safety_issue',
    pattern: rx`\b(?:${INJURED}|broke|burned|burnt) (?:my|his|her|their|our) ${BODY}\b|\b(?:chemical|electrical|second[- ]degree|first[- ]degree|third[- ]degree) burns?\b|\b(?:needed|got|had|required) stitches\b`,
  },
  { signal: 'safety_issue', pattern: rx`\b${ANIMATE}\b(?: \w+){0,2}? (?:nearly |almost )?(?:choked|swallowed|fell out|has a (?:bruise|cut|burn|bump|wound)|got (?:sick|hurt|burned|burnt|cut|injured|shocked|ill))\b` },
  // foreign objects in the product
  {
    signal: 'safety_issue',
    pattern: rx`\b(?:piece|pieces|bits?|shards?|fragments?|chunks?|slivers?|splinters?|shavings?) of (?:glass|metal|plastic|wood|wire|stone|rock|bone|rubber)\b|\b(?:glass|metal|plastic|wire) (?:shards?|pieces?|fragments?|slivers?|splinters?|shavings?)\b`,
  },
  {
    signal: 'safety_issue',
    pattern: rx`\b(?:found|find|finding|there (?:was|is|were|are)|theres)\b (?:a |an |some |two |tiny |small |little |long |live |dead )*(?:hairs?|insects?|bugs?|flies|fly|cockroach(?:es)?|roach(?:es)?|worms?|maggots?|mou?ld|beetles?|ants?|spiders?|needles?|band-?aids?)\b(?! (?:tie|ties|clip|clips|band|bands|dryer|brush|dye|oil|serum|spray|straightener|mask|care|polish|loss|growth|fall|thinning|breakage|swatter))`,
    when: (ctx: MatchContext) => !/\b(?:app|website|site|checkout|page|software|code|system|login|bug report)\b/.test(ctx.sentence) || /\bdead\b/.test(ctx.sentence),
  },
  { signal: 'safety_issue', pattern: rx`\bdead (?:bug|insect|fly|cockroach|roach|mouse|spider|beetle|worm)s?\b|\b(?:hair|insect|bug|worm|maggot)s? (?:baked|stuck|floating|sealed|inside|in (?:my|the) (?:food|jar|bottle|tub|packet|bag|box|cookies|bread|cake|powder|cream|honey|drink|meal|snack|product))\b` },
  // hazards
  {
    signal: 'safety_issue',
    pattern: rx`\b(?:fire|burn|choking|safety|electrical|shock|health|tripping|strangulation) hazard\b|\b(?:caught|catch|catching|set (?:\w+ ){0,2}on|almost set|nearly set|went up in|burst into|bursts into) (?:on )?(?:fire|flames?)\b`,
  },
  {
    signal: 'safety_issue',
    pattern: rx`\boverheat\w*|\bover-heat\w*|\bsmoke (?:came|coming|pouring|billowing) (?:out|from)\b|\b(?:started|began|starts|keeps|kept) (?:smoking|sparking|melting)\b|\bsparks? (?:flew|came out|coming out|flying)\b|\bsparked\b(?! (?:my|joy|interest|a |an |the |some|debate|conversation))|\bexplod(?:ed|es|ing)\b|\bon fire\b|\b(?:plug|socket|cable|wire|charger|cord|outlet|adapter|battery|casing)s? (?:has |had |have |was |is )?(?:melted|melting|started melting|burnt|scorched)\b|\bscorch\w*`,
    when: (ctx: MatchContext) => !/\b(?:sale|sales|price|prices|deal|deals|inbox|notifications|popularity|demand)\b/.test(ctx.sentence),
  },
  {
    signal: 'safety_issue',
    pattern: rx`\bbatter(?:y|ies) (?:is |are |was |were |has |have |started |began )?(?:swell\w*|swollen|bulging|puffed|leak\w*|exploded|melted|hot)\b|\bexposed wir\w*|\bwiring (?:is |was )?exposed\b|\blive wires?\b|\belectric(?:al)? shocks?\b|\b(?:shocked|electrocuted) (?:me|my|him|her|us)\b|\bgot (?:a |an )?(?:electric )?shock\b|\b(?:leaks?|leaking|spill\w*|spray\w*) (?:boiling|hot|scalding)\b|\bscald\w*`,
  },
  {
    signal: 'safety_issue',
    pattern: rx`\b(?:charger|cable|cord|plug|socket|outlet|battery|batteries|adapter|lamp|heater|kettle|toaster|appliance|device|unit|machine|blender|dryer|straightener|iron|fan|stove|oven|microwave|phone|laptop|e-?bike|scooter|power ?bank|light|bulb|wire|wiring|candle|it)\b (?:was|is|were|are|started|began|kept|keeps|starts) (?:smoking|sparking|melting|sizzling|burning up|on fire|overheating|catching fire)\b`,
  },
  {
    signal: 'safety_issue',
    pattern: rx`\b(?:found|there (?:was|is|were|are)|theres)\b (?:a |an |some |two )?(?:\w+ )?(?:screw|nail|staple|stone|pebble|bone|wire|bolt|washer|pin|glass|metal|plastic)s? (?:baked |stuck |hidden |embedded )?(?:in|inside|into) (?:my |the |our |a )?(?:\w+ )?(?:bread|food|meal|cake|cookies?|biscuits?|cereal|granola|bar|snack|powder|supplement|capsules?|pills?|tablets?|drink|bottle|jar|tub|sandwich|salad|soup|chocolate|candy|sweets|dog food|cat food|pet food|treats?|jam|honey|sauce|cream|lotion|serum|smoothie|yogurt|yoghurt|coffee|tea)\b`,
  },
  { signal: 'safety_issue', pattern: rx`\b(?:its|it is|this is|thats|that is|which is|they are|theyre) (?:really |very |extremely |genuinely |seriously |actually |downright )?(?:dangerous|unsafe|a hazard|a danger|hazardous|a death trap)\b` },
  { signal: 'safety_issue', pattern: rx`\b(?:baby|babys|child|childs|kid|kids|toddler|someone|somebody|fingers?|head|pet)\b[^.!?;\n]{0,30}?\b(?:could|can|might|will|would) (?:easily )?(?:get )?(?:stuck|trapped|strangled|hurt|injured|electrocuted|burned|burnt|cut|choke)\b` },
  { signal: 'safety_issue', pattern: rx`\bsomeone (?:is going to|will|could) (?:get (?:hurt|burned|burnt|scalded|injured|killed|electrocuted)|die)\b|\b(?:dangerous|unsafe|not safe) (?:to use|for (?:kids|children|babies|pets))\b` },
];
