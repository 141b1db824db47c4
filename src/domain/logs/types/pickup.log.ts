import { AGENTS, EVERYONE_WHO_LOGS, SUPPLIER_AND_BACK_OFFICE, type LogTypeDef } from '../log-type.js';

// R000-06: the supplier logs orders the customer must pick up; agents email the pickup
// instructions. R001-09: a store pickup is verified picked and packed, labelled "STORE PICKUP",
// the store notified, ready within 2 hours, and released only on an ID check.

const STORE = { field: 'pickupKind', equals: 'store' } as const;

export const PICKUP: LogTypeDef = {
  key: 'pickup',
  label: 'Pickup order',
  rules: ['R000-06', 'R001-09'],
  categories: ['pickup_order', 'store_pickup'],
  openableBy: EVERYONE_WHO_LOGS,
  initialState: 'logged',
  dueWithinMinutes: { minutes: 120, when: STORE, until: ['ready', 'customer_notified', 'collected', 'cancelled'] },
  states: [
    { key: 'logged', label: 'Logged: prepare for pickup', waitingOn: 'supplier' },
    { key: 'ready', label: 'Ready: send the customer instructions', waitingOn: 'agents' },
    { key: 'customer_notified', label: 'Customer has the instructions', waitingOn: 'store', awaits: 'customer' },
    { key: 'collected', label: 'Collected', waitingOn: null, terminal: true },
    { key: 'cancelled', label: 'Cancelled', waitingOn: null, terminal: true },
  ],
  transitions: [
    {
      from: ['logged'], to: 'ready', label: 'Ready for pickup', by: SUPPLIER_AND_BACK_OFFICE,
      requires: [
        { kind: 'field', field: 'readyAt', why: 'when the order was ready for pickup' },
        { kind: 'field', field: 'pickedAndPacked', equals: true, when: STORE, why: 'verify the order is picked and packed (R001-09)' },
        { kind: 'field', field: 'labelled', equals: true, when: STORE, why: 'label it "STORE PICKUP" and move it to the pickup area (R001-09)' },
        { kind: 'field', field: 'storeNotifiedAt', when: STORE, why: 'notify the store when it is ready (R001-09)' },
      ],
    },
    {
      from: ['ready'], to: 'customer_notified', label: 'Email the pickup instructions', by: AGENTS,
      requires: [
        { kind: 'field', field: 'pickupInstructions', why: 'the pickup instructions the customer was sent (R000-06)' },
        { kind: 'field', field: 'instructionsSentAt', why: 'when the instructions were sent (R000-06)' },
      ],
    },
    {
      from: ['customer_notified'], to: 'collected', label: 'Collected', by: EVERYONE_WHO_LOGS,
      requires: [
        { kind: 'field', field: 'collectedAt', why: 'when the customer collected it' },
        { kind: 'field', field: 'idChecked', equals: true, when: STORE, why: 'the store releases the order only after an ID check (R001-09)' },
      ],
    },
    { from: ['logged', 'ready', 'customer_notified'], to: 'cancelled', label: 'Cancel (not collected, order cancelled)', by: EVERYONE_WHO_LOGS, noteRequired: true },
  ],
  fields: [
    { key: 'pickupKind', label: 'Pickup at', type: 'enum', options: ['store', 'carrier_point'], requiredAtOpen: true, editableBy: EVERYONE_WHO_LOGS },
    { key: 'location', label: 'Store or pickup point', type: 'text', requiredAtOpen: true, editableBy: EVERYONE_WHO_LOGS },
    { key: 'pickedAndPacked', label: 'Verified picked and packed', type: 'boolean', editableBy: SUPPLIER_AND_BACK_OFFICE },
    { key: 'labelled', label: 'Labelled STORE PICKUP, in the pickup area', type: 'boolean', editableBy: SUPPLIER_AND_BACK_OFFICE },
    { key: 'readyAt', label: 'Ready at', type: 'datetime', editableBy: SUPPLIER_AND_BACK_OFFICE },
    { key: 'storeNotifiedAt', label: 'Store notified at', type: 'datetime', editableBy: SUPPLIER_AND_BACK_OFFICE },
    { key: 'pickupInstructions', label: 'Pickup instructions sent', type: 'longtext', editableBy: AGENTS },
    { key: 'instructionsSentAt', label: 'Instructions sent at', type: 'datetime', editableBy: AGENTS },
    { key: 'idChecked', label: 'Customer ID checked', type: 'boolean', editableBy: EVERYONE_WHO_LOGS },
    { key: 'collectedAt', label: 'Collected at', type: 'datetime', editableBy: EVERYONE_WHO_LOGS },
  ],
  supplier: {
    fields: ['pickupKind', 'location', 'pickedAndPacked', 'labelled', 'readyAt', 'storeNotifiedAt', 'instructionsSentAt', 'idChecked', 'collectedAt'],
    // The name is what the ID is checked against; no contact details.
    customer: ['name'],
    order: ['number', 'fulfillment'],
  },
};
