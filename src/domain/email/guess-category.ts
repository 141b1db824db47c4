// A first category for a case opened from an email, read from the subject and the new text. A
// person corrects it; the guess only has to route the case to a sensible first queue. Rules are
// checked in order, so the more specific (damaged, wrong item) win over the general (refund).

const RULES: readonly { category: string; pattern: RegExp }[] = [
  { category: 'chargeback', pattern: /\b(chargeback|charge ?back|paypal (case|dispute)|disputed? (the )?(charge|payment))\b/i },
  { category: 'damaged_item', pattern: /\b(damaged|broken|smashed|cracked|shattered|arrived (broken|damaged))\b/i },
  { category: 'wrong_item', pattern: /\b(wrong (item|size|colou?r|product|order)|not what i ordered|incorrect item)\b/i },
  { category: 'missing_item', pattern: /\b(missing (item|part|piece)s?|item (is |was )?missing|not in the (box|package|parcel))\b/i },
  { category: 'delivered_not_received', pattern: /\b(says? (it was )?delivered|marked (as )?delivered|never (received|arrived|got))\b/i },
  { category: 'order_cancel', pattern: /\bcancel(l?ing|l?ed|lation)?\b.{0,40}\border\b|\border\b.{0,40}\bcancel/i },
  { category: 'address_update', pattern: /\b(change|update|wrong|correct)\b.{0,30}\b(shipping |delivery )?address\b/i },
  { category: 'return_request', pattern: /\b(return|send (it|them) back|exchange)\b/i },
  { category: 'refund_request', pattern: /\b(refund|money back|reimburse)/i },
  { category: 'order_status', pattern: /\b(where is my (order|package|parcel)|track(ing)?|not (yet )?(arrived|received|shipped)|delivery (date|status)|when will)\b/i },
];

/** The first matching category that the policy in force knows; otherwise `fallback`. */
export function guessEmailCategory(text: string, known: (category: string) => boolean, fallback: string): string {
  for (const rule of RULES) if (rule.pattern.test(text) && known(rule.category)) return rule.category;
  return fallback;
}

const ORDER_NUMBER = /\bORD-\d{8}-\d{4}\b/i;

/** An order number in the SOP's format (R004-02) quoted in the mail, to link the order. */
export function findOrderNumber(text: string): string | null {
  return ORDER_NUMBER.exec(text)?.[0]?.toUpperCase() ?? null;
}
