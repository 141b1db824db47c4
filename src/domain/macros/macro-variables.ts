// The variables a macro may use and the filters that format them (issue 5 item 3). A template
// naming anything else is refused when it is saved, so a typo never reaches a customer.

/** What a variable holds decides how it is printed and which filters apply. */
export type MacroValueKind = 'text' | 'instant' | 'money';

export interface MacroVariableSpec {
  kind: MacroValueKind;
  description: string;
}

export const MACRO_VARIABLES = {
  'customer.firstName': { kind: 'text', description: "The customer's first name (first word of the name)" },
  'customer.lastName': { kind: 'text', description: "The customer's last name (the rest of the name)" },
  'customer.name': { kind: 'text', description: "The customer's full name" },
  'customer.email': { kind: 'text', description: "The customer's email address" },
  'customer.id': { kind: 'text', description: "The customer's id in the store platform" },
  'order.number': { kind: 'text', description: 'The order number' },
  'order.placedAt': { kind: 'instant', description: 'When the order was placed' },
  'order.shippedAt': { kind: 'instant', description: 'When the order shipped' },
  'order.deliveredAt': { kind: 'instant', description: 'When the carrier delivered it' },
  'order.neededBy': { kind: 'instant', description: 'The date the customer needs it by (event or deadline)' },
  'order.total': { kind: 'money', description: 'The order total with its currency' },
  'order.fulfillment': { kind: 'text', description: 'Fulfillment state (not_picked, packed, shipped, delivered, …)' },
  'order.destination': { kind: 'text', description: 'Where it ships (domestic or international)' },
  'case.id': { kind: 'text', description: 'The case number' },
  'case.subject': { kind: 'text', description: 'The case subject' },
  'case.category': { kind: 'text', description: 'The case category' },
  'case.priority': { kind: 'text', description: 'The case priority (P1–P4)' },
  'case.promisedResolution': { kind: 'text', description: 'What was promised to the customer (R001-16)' },
  'case.promisedBy': { kind: 'instant', description: 'By when it was promised (R001-16)' },
  'agent.name': { kind: 'text', description: 'The name of the person replying' },
  'agent.firstName': { kind: 'text', description: 'The first name of the person replying' },
} as const satisfies Record<string, MacroVariableSpec>;

export type MacroVariable = keyof typeof MACRO_VARIABLES;

export function isMacroVariable(name: string): name is MacroVariable {
  return Object.hasOwn(MACRO_VARIABLES, name);
}

/**
 * A filter, what it applies to and whether it takes a quoted argument. `default` is the only way
 * to let a missing value pass; without it a missing value becomes a placeholder the agent fills.
 */
export interface MacroFilterSpec {
  appliesTo: readonly MacroValueKind[];
  argument: 'none' | 'required';
  description: string;
}

export const MACRO_FILTERS = {
  date: { appliesTo: ['instant'], argument: 'none', description: 'Long date in the desk time zone: November 24, 2026' },
  weekday: { appliesTo: ['instant'], argument: 'none', description: 'Weekday and date: Tuesday, November 24' },
  datetime: { appliesTo: ['instant'], argument: 'none', description: 'Date and time with the zone: November 24, 2026 at 3:00 PM EST' },
  upper: { appliesTo: ['text'], argument: 'none', description: 'UPPER CASE' },
  lower: { appliesTo: ['text'], argument: 'none', description: 'lower case' },
  default: { appliesTo: ['text', 'instant', 'money'], argument: 'required', description: 'Text to use when the value is missing: default:"there"' },
} as const satisfies Record<string, MacroFilterSpec>;

export type MacroFilterName = keyof typeof MACRO_FILTERS;

export function isMacroFilter(name: string): name is MacroFilterName {
  return Object.hasOwn(MACRO_FILTERS, name);
}

/** Money as the store keeps it: integer minor units plus the decimal string for display. */
export interface MacroMoney {
  decimal: string;
  currency: string;
}

export type MacroValue = string | MacroMoney;

/** Values per variable; a missing or empty one renders as a placeholder to fill. */
export type MacroContext = Partial<Record<MacroVariable, MacroValue | null>>;
