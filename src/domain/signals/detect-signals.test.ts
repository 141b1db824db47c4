import { describe, expect, it } from 'vitest';
import { SIGNALS, type Signal } from '../policy/vocabulary.js';
import { detectSignals } from './detect-signals.js';

const signalsOf = (text: string): Signal[] => detectSignals(text).map((d) => d.signal);

describe('detectSignals: ordinary phrasing from the contract', () => {
  it.each<[string, Signal]>([
    ["I'll have my attorney contact you", 'legal_threat'],
    ["I'm going to dispute this with my bank", 'chargeback_threat'],
    ["call me, I won't do this over email", 'phone_call_request'],
    ['I want to speak to your manager', 'manager_demand'],
    ["I'll leave a 1-star review on Trustpilot", 'review_threat'],
    ["I'm reporting you to the BBB", 'review_threat'],
    ["Ship it by Friday or I'm cancelling the order", 'cancellation_threat'],
  ])('"%s" is %s (R002-02, R002-05, R002-06, R002-07, R001-13)', (text, signal) => {
    expect(signalsOf(text)).toContain(signal);
  });

  it('an opened chargeback or PayPal case is chargeback_opened, not a threat (R002-06)', () => {
    expect(signalsOf('I already filed a chargeback.')).toEqual(['chargeback_opened']);
    expect(signalsOf("I've opened a PayPal case.")).toEqual(['chargeback_opened']);
  });

  it('reports the evidence in the customer\'s own wording', () => {
    expect(detectSignals("I'll have my ATTORNEY contact you")).toEqual([{ signal: 'legal_threat', evidence: 'my ATTORNEY' }]);
  });

  it('reports each signal at most once per message, in the contract order', () => {
    const found = signalsOf('Call me. Call me now!! CALL ME. Get me a manager, and call me.');
    expect(found).toEqual(['manager_demand', 'phone_call_request']);
    expect([...found].sort((a, b) => SIGNALS.indexOf(a) - SIGNALS.indexOf(b))).toEqual(found);
  });

  it('finds nothing in an empty or ordinary message', () => {
    expect(signalsOf('')).toEqual([]);
    expect(signalsOf('Hi, when will order ORD-20261101-0042 ship?')).toEqual([]);
  });
});

describe('detectSignals: negation (contract: "no need for a lawyer")', () => {
  it.each([
    'No need for a lawyer, I just want the right size.',
    "I'm not going to sue anyone.",
    'I have no intention of suing.',
    "I won't dispute it, I just want an update.",
    "I don't want to do a chargeback, please just refund me.",
    "I don't want to call, email is fine.",
    "Please don't call me, I'm at work.",
    "I'm not going to leave a bad review.",
    "I don't need a manager, just tell me when it ships.",
  ])('"%s" has no signal', (text) => {
    expect(signalsOf(text)).toEqual([]);
  });

  it('a negation inside an if-clause does not cancel the threat after it (R002-02)', () => {
    expect(signalsOf("If I don't get my money back I'm calling my lawyer.")).toContain('legal_threat');
    expect(signalsOf("If this isn't fixed by Friday I'll dispute it with my bank.")).toContain('chargeback_threat');
  });

  it('a rhetorical negative question is still a request (R002-02, R002-07)', () => {
    expect(signalsOf("Why won't you let me talk to a manager?")).toEqual(['manager_demand']);
    expect(signalsOf("Why can't you just call me?")).toEqual(['phone_call_request']);
  });

  it('"don\'t make me" and double negation are threats', () => {
    expect(signalsOf("Don't make me go on Reddit about this.")).toEqual(['review_threat']);
    expect(signalsOf("Don't think I won't take this to court.")).toEqual(['legal_threat']);
  });
});

describe('detectSignals: quoted and reported text is not the customer speaking', () => {
  it('ignores ">" quoted lines and the reply history', () => {
    const reply = 'Thanks, the refund arrived.\n\nOn Mon, Nov 3, 2025 at 9:14 AM Support <help@shop.example> wrote:\n> You can open a PayPal dispute or ask for a supervisor.\n> Please call us.';
    expect(signalsOf(reply)).toEqual([]);
    expect(signalsOf('> If you want to speak to a manager, reply here.\nAll good now, thanks!')).toEqual([]);
  });

  it('ignores phrases in double quotes and reported policy wording', () => {
    expect(signalsOf('Your email said "you may open a PayPal dispute or contact a supervisor". When is my refund?')).toEqual([]);
    expect(signalsOf('The refund policy page says no exceptions on final sale items. Does that include clearance?')).toEqual([]);
    expect(signalsOf('Your site says “lawyers and nurses get 10% off”. How do I claim it?')).toEqual([]);
  });

  it('ignores agent wording pasted into the message', () => {
    expect(signalsOf('Thank you for contacting us. A supervisor will review your refund and we will call you back.')).toEqual([]);
    expect(signalsOf('If you would like to speak with a manager, please reply to this email.')).toEqual([]);
  });

  it('still counts the customer\'s own sentence after a quote', () => {
    expect(signalsOf('You wrote "we will call you". Nobody did. Call me today.')).toEqual(['phone_call_request']);
  });
});

describe('detectSignals: unrelated uses of trigger words', () => {
  it.each([
    'Please make sure the invoice shows my full legal name.',
    'Sue at your downtown store was super helpful!',
    'Do you sell court shoes in a wide fit?',
    'Where can I write a review for the lavender candle?',
    'Can you review my order before it ships?',
    "I'm the manager of a small bakery and want to order 50 gift boxes.",
    'I want to talk to a human agent, not a bot.',
    "What's your chargeback policy for international orders?",
    'Press-on nails arrived missing two sizes.',
    'You can call me Sam.',
    'Please cancel my order #4471.',
    'Everything arrived except for the blue scarf.',
    "I'll be at the store around 5pm to pick it up.",
    'I was charged twice for the same order, please refund one.',
  ])('"%s" has no signal', (text) => {
    expect(signalsOf(text)).toEqual([]);
  });
});

describe('detectSignals: abusive language (R002-03)', () => {
  it.each(['What the f*ck is this', 'this is bullsh1t', 'F U C K your service', 'Fuuuuck this', 'you stupid b!tch', 'what the f*** is going on', 'you a$$hole'])(
    'obfuscated expletive "%s" counts',
    (text) => {
      expect(signalsOf(text)).toContain('abusive_language');
    },
  );

  it('an insult aimed at staff counts; criticism of the service does not', () => {
    expect(signalsOf('You people are complete idiots.')).toEqual(['abusive_language']);
    expect(signalsOf('U all are useless')).toEqual(['abusive_language']);
    expect(signalsOf('Your service has been pathetic lately.')).toEqual([]);
  });

  it('a mild intensifier in a calm request does not count; aimed at staff it does', () => {
    expect(signalsOf('cancel this goddamn order')).toEqual([]);
    expect(signalsOf('This damn box was crushed.')).toEqual([]);
    expect(signalsOf('Damn you and your fake tracking numbers.')).toEqual(['abusive_language']);
  });

  it('a strong expletive counts even in a calm request', () => {
    expect(signalsOf("I'd like to see the fucking invoice")).toEqual(['abusive_language']);
  });

  it('names and words that contain profanity do not count', () => {
    for (const text of ['My name is Dick Harrison.', 'Do you ship to Scunthorpe?', 'Does the cocktail shaker come in gold?', 'The shuttlecocks arrived crushed.']) {
      expect(signalsOf(text)).toEqual([]);
    }
  });
});

describe('detectSignals: safety, store, exception, fraud', () => {
  it('a minor reaction without medical care is not a safety issue (R003-02)', () => {
    expect(signalsOf('I got a slight rash but it went away on its own.')).toEqual([]);
    expect(signalsOf('I had a severe allergic reaction and ended up in the ER.')).toEqual(['safety_issue']);
    expect(signalsOf('There was a piece of glass in my protein powder.')).toEqual(['safety_issue']);
  });

  it('waiting_at_store needs the customer at the store now (R001-13)', () => {
    expect(signalsOf("I'm at the store right now and they can't find my order.")).toEqual(['waiting_at_store']);
    expect(signalsOf('I went to the store yesterday.')).toEqual([]);
  });

  it('an exception request differs from a policy question (R004-08)', () => {
    expect(signalsOf("I know it's past the 30 days but can you make an exception?")).toEqual(['exception_request']);
    expect(signalsOf('Do you waive shipping for orders over $50?')).toEqual([]);
  });

  it('fraud is an unauthorized charge, not calling the store a scam (R001-15)', () => {
    expect(signalsOf('Someone used my credit card to place this order.')).toEqual(['fraud_suspected']);
    expect(signalsOf('You guys are fraud')).toEqual(['abusive_language']);
  });

  it('uncooperative and solution_rejected are detected in their explicit forms (R002-04)', () => {
    expect(signalsOf("I'm not sending you any photos.")).toEqual(['uncooperative']);
    expect(signalsOf("That's not acceptable, I don't want store credit.")).toEqual(['solution_rejected']);
    expect(signalsOf("I can't find my receipt, is a bank statement OK?")).toEqual([]);
  });
});
