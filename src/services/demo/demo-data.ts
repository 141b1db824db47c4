// Content of the demo desk: what real customers write for each kind of case. Written for Ladder.

export const DEMO_PASSWORD = 'ladder-demo-password';

export const DEMO_TEAMS = [
  { key: 'first_line', name: 'First line (L1)', kind: 'support' },
  { key: 'leads', name: 'Leads (L2)', kind: 'support' },
  { key: 'second_line', name: 'Second line (L3)', kind: 'escalations' },
  { key: 'second_line_web', name: 'Second line — web store', kind: 'escalations' },
  { key: 'second_line_marketplace', name: 'Second line — marketplace', kind: 'escalations' },
  { key: 'retail_escalations', name: 'Retail escalations', kind: 'escalations' },
  { key: 'escalations_leadership', name: 'Escalations leadership (L4)', kind: 'escalations' },
  { key: 'back_office', name: 'Back office', kind: 'back_office' },
  { key: 'supplier', name: 'Fulfillment supplier', kind: 'supplier' },
  { key: 'compliance', name: 'Compliance & finance', kind: 'compliance' },
] as const;

export const DEMO_USERS = [
  { email: 'admin@demo.ladder', name: 'Desk Admin', role: 'admin', team: null },
  { email: 'agent@demo.ladder', name: 'First-line Agent', role: 'agent', team: 'first_line' },
  { email: 'agent2@demo.ladder', name: 'Second Agent', role: 'agent', team: 'first_line' },
  { email: 'lead@demo.ladder', name: 'Shift Lead', role: 'lead', team: 'leads' },
  { email: 'escalations@demo.ladder', name: 'Escalations Agent', role: 'escalations', team: 'second_line' },
  { email: 'leadership@demo.ladder', name: 'Escalations Leader', role: 'leadership', team: 'escalations_leadership' },
  { email: 'backoffice@demo.ladder', name: 'Back Office', role: 'back_office', team: 'back_office' },
  { email: 'supplier@demo.ladder', name: 'Supplier Desk', role: 'supplier', team: 'supplier' },
  { email: 'compliance@demo.ladder', name: 'Compliance Lead', role: 'compliance', team: 'compliance' },
] as const;

export const FIRST_NAMES = ['Ava', 'Noah', 'Mia', 'Liam', 'Zoe', 'Ethan', 'Priya', 'Mateo', 'Hana', 'Omar', 'Lena', 'Kofi', 'Sofia', 'Yuki', 'Jonas', 'Amara', 'Diego', 'Ines', 'Ravi', 'Chloe'];
export const LAST_NAMES = ['Nguyen', 'Smith', 'Garcia', 'Okafor', 'Rossi', 'Kim', 'Müller', 'Silva', 'Haddad', 'Brown', 'Kowalski', 'Patel', 'Dubois', 'Sato', 'Jensen'];

export const PRODUCTS = [
  { sku: 'RING-GLD-07', name: 'gold stacking ring' },
  { sku: 'NECK-PRL-18', name: 'pearl pendant necklace' },
  { sku: 'EAR-HOOP-S', name: 'small hoop earrings' },
  { sku: 'SERUM-VC-30', name: 'vitamin C serum' },
  { sku: 'CREAM-NT-50', name: 'night cream' },
  { sku: 'BRC-CHN-SL', name: 'silver chain bracelet' },
];

/** Opening messages per category; {product} and {order} are filled in. */
export const OPENERS: Record<string, string[]> = {
  order_status: ['Hi, where is my order {order}? It has been a week.', 'Can you tell me when {order} will arrive?'],
  damaged_item: ['My {product} arrived damaged, the box was crushed.', 'The {product} came broken. Order {order}.'],
  wrong_item: ['I ordered the {product} but received something else entirely.', 'Wrong item in order {order}, this is not what I bought.'],
  missing_item: ['The {product} was missing from my package.', 'Only half of order {order} arrived, the {product} is not in the box.'],
  defective_item: ['The clasp on my {product} does not close.', 'My {product} stopped working after two days.'],
  delivered_not_received: ['Tracking says delivered but nothing is here.', 'Order {order} shows delivered, I never got it.'],
  adverse_reaction: ['I got a mild rash after using the {product}.', 'My skin is a bit red after the {product}, is that normal?'],
  out_of_stock: ['I was told the {product} is out of stock after I paid. What now?'],
  incorrect_address: ['I typed my street wrong on order {order}, can you fix it?'],
  processing_delay: ['My order {order} still has not shipped after 5 days.'],
  refund_request: ['I would like a refund for the {product}.', 'Please refund order {order}, I returned it last week.'],
  return_request: ['How do I return the {product}? It does not suit me.'],
  order_cancel: ['Please cancel order {order}.'],
  address_update: ['I moved, please ship {order} to my new address.'],
  chargeback: ['(Shopify) A chargeback was opened on order {order}.'],
  fraud: ['(Risk) Order {order} flagged high risk: billing and shipping countries differ.'],
  promo_not_working: ['The WELCOME10 code does not work at checkout.'],
  store_pickup: ['I am picking up order {order} at the store today.'],
  failed_delivery: ['The courier failed to deliver {order} again.'],
  product_information: ['Is the {product} nickel free?'],
  incident_report: ['Several customers report the {product} clasp breaking this week.'],
  injury: ['The {product} cut my finger, I needed stitches.'],
};

/** Follow-ups that carry the SOPs' escalation triggers (R002, R001-15). */
export const ESCALATING_FOLLOW_UPS = [
  'This is ridiculous. If this is not fixed I will have my attorney contact you.',
  'I want to speak to your manager right now.',
  'I am going to dispute this charge with my bank.',
  'I will post about this on Instagram and leave a 1-star review.',
  'Call me, I will not do this over email.',
  'If I do not hear back today I will cancel my order.',
  'I already opened a PayPal case.',
  'I am a journalist writing about online shops that ignore customers.',
];

export const CALM_FOLLOW_UPS = [
  'Thanks, any update?',
  'Okay, I will wait for your reply.',
  'Here is the photo you asked for.',
  'Thank you for the quick help!',
];

export const AGENT_REPLIES = [
  'Thanks for reaching out — I am looking into this now and will update you today.',
  'I am sorry about this. Could you send a photo of the item so we can arrange a replacement?',
  'I have checked with our warehouse; your order ships tomorrow and I will send tracking.',
];
