// The macros a new desk starts with: the four warehouse-to-CS templates of the escalations log
// (R001-10), with their "____" and "[why]" blanks turned into variables and [[blanks]], and the
// support classics the SOPs call for. Leads edit them from here on; every edit is a new version.

export interface MacroSeed {
  folder: string;
  title: string;
  body: string;
  /** Change note of the first version: where the macro comes from. */
  note: string;
}

const GREETING = 'Hi {{customer.firstName | default:"there"}},';
const SIGN_OFF = 'Best regards,\n{{agent.firstName}}';

export const DEFAULT_MACROS: readonly MacroSeed[] = [
  // R001-10: updates from the warehouse / back office to the CS team (internal wording).
  {
    folder: 'Updates to CS',
    title: 'Order delayed',
    body: 'Order #{{order.number}} delayed. Reason: [[why]]. New ship date: [[new ship date]]. CS can offer: [[discount / free shipping]]',
    note: 'R001-10 template "When Order is Delayed"',
  },
  {
    folder: 'Updates to CS',
    title: 'Item out of stock',
    body: 'Item SKU [[SKU]] out of stock. Count: [[real count]]. Restock: [[restock date]]. Substitute: SKU [[substitute SKU]]',
    note: 'R001-10 template "When Item Out of Stock"',
  },
  {
    folder: 'Updates to CS',
    title: 'Rush order completed',
    body: 'Order #{{order.number}} rushed. Shipped [[time]] via [[carrier]]. Tracking: [[tracking number]]. Arrives: [[date]]',
    note: 'R001-10 template "When Rush Order Completed"',
  },
  {
    folder: 'Updates to CS',
    title: 'Problem fixed',
    body: 'Order #{{order.number}} resolved. [[action taken]]. Customer receives [[when]]. No further action.',
    note: 'R001-10 template "When Problem Fixed"',
  },

  // R001-02: where is my order — tracking if shipped, an honest timeline if not, a solution if late.
  {
    folder: 'Order status',
    title: 'Where is my order — shipped',
    body: `${GREETING}

Thank you for reaching out about order #{{order.number}}. It shipped on {{order.shippedAt | date}} with [[carrier]], and your tracking number is [[tracking number]].

The carrier's latest update: [[latest tracking status]]. Based on that, you can expect it by [[delivery estimate]]. If it hasn't arrived by then, reply to this email and I will look into it right away.

${SIGN_OFF}`,
    note: 'R001-02 WISMO, shipped: provide tracking and check the carrier status',
  },
  {
    folder: 'Order status',
    title: 'Where is my order — not shipped yet',
    body: `${GREETING}

Thank you for checking in on order #{{order.number}}, placed on {{order.placedAt | date}}. It has not shipped yet: [[honest reason]].

We expect it to ship by [[ship date]] and to reach you around [[delivery estimate]]. I am keeping an eye on it and will update you if anything changes.

${SIGN_OFF}`,
    note: 'R001-02 WISMO, not shipped: give an honest timeline',
  },
  {
    folder: 'Order status',
    title: 'Order delayed — new ship date',
    body: `${GREETING}

I am sorry: order #{{order.number}} is delayed because [[reason for delay]]. The new ship date is [[new ship date]], and it should reach you around [[delivery estimate]].

To make up for the wait, [[what we can offer: discount / free shipping]].

${SIGN_OFF}`,
    note: 'R001-02 delayed: explain why and offer a solution; R001-10 "CS can offer"',
  },

  // R001-04, R000-11: photos first, then packer coaching or a carrier claim, and a replacement.
  {
    folder: 'Item issues',
    title: 'Damaged item — photo request',
    body: `${GREETING}

I am sorry your order #{{order.number}} arrived damaged. So we can put this right quickly, could you reply with:
- a photo of the damaged item, and
- a photo of the box and packaging it came in, with the shipping label visible.

As soon as we have them we will [[next step: ship a replacement / refund]].

${SIGN_OFF}`,
    note: 'R001-04 damaged item: ask for a photo; R000-11 photos are kept as proof',
  },
  {
    folder: 'Item issues',
    title: 'Wrong item received',
    body: `${GREETING}

I am sorry you received the wrong item in order #{{order.number}}. We have confirmed the correct item and will ship it on [[replacement ship date]].

About the item you received: [[return it with the attached label / keep it]].

${SIGN_OFF}`,
    note: 'R001-03 wrong item: ship date of the replacement and whether to return the wrong item',
  },

  // R000-05, R000-06: confirmations the supplier needs before it can ship or reship.
  {
    folder: 'Address & delivery',
    title: 'Confirm shipping details',
    body: `${GREETING}

Before we can ship order #{{order.number}}, we need to confirm your [[details to confirm: shipping address / phone number / name / tax number]].

Could you reply with the correct details exactly as they should appear on the parcel? We will ship as soon as we hear from you.

${SIGN_OFF}`,
    note: 'R000-05 incorrect address: confirm shipping address, phone, name or tax number',
  },
  {
    folder: 'Address & delivery',
    title: 'Ready for pickup',
    body: `${GREETING}

Good news: order #{{order.number}} is ready for pickup at [[store name and address]]. Opening hours: [[opening hours]].

Please bring a photo ID; the order is released to the person named on it. We will hold it until [[last pickup date]].

${SIGN_OFF}`,
    note: 'R000-06 pickup instructions; R001-09 the store releases the order on ID',
  },
  {
    folder: 'Address & delivery',
    title: 'Returned to sender — confirm address to reship',
    body: `${GREETING}

The carrier returned order #{{order.number}} to us ([[reason given by the carrier]]). We would be happy to send it again.

Before we do, please confirm the shipping address: [[address on file]]. Is this correct, or should we use a different one?

${SIGN_OFF}`,
    note: 'R000-06 RTS: confirm the shipping address before a reshipment',
  },

  // R002-06: a threatened chargeback is reassured first, then escalated (escalate after sending).
  {
    folder: 'Billing & disputes',
    title: 'Chargeback threatened — reassure (then escalate)',
    body: `${GREETING}

I understand your frustration, and I want to make this right. There is no need to go through your bank: [[what we are doing to resolve it]], and you will hear from us by [[date]].

A bank dispute can take weeks; we can settle this much faster directly. I have passed your case to a senior colleague who will follow it through.

${SIGN_OFF}`,
    note: 'R002-06 chargeback threatened: reassure the customer, then escalate',
  },
];
