import { BACK_OFFICE, CS_AND_BACK_OFFICE, type LogTypeDef } from '../log-type.js';
import { RUSH_ANSWERS } from '../rush-answer.js';

// R001-05: whether a rush or change can be done follows from the order's fulfillment state, which
// the system reads (the `answer` field is derived, never typed); CS gets yes/no, by when, a reason.

const RUSH = { field: 'requestKind', equals: 'rush' } as const;

export const RUSH_CHANGE: LogTypeDef = {
  key: 'rush_change',
  label: 'Rush or change request',
  rules: ['R001-05', 'R001-10'],
  categories: ['rush_request', 'order_change', 'address_update', 'order_cancel'],
  openableBy: CS_AND_BACK_OFFICE,
  initialState: 'requested',
  states: [
    { key: 'requested', label: 'Requested', waitingOn: 'back_office' },
    { key: 'approved', label: 'Approved: doing it', waitingOn: 'back_office' },
    { key: 'done', label: 'Done', waitingOn: null, terminal: true },
    { key: 'declined', label: 'Declined', waitingOn: null, terminal: true },
    { key: 'cancelled', label: 'Cancelled', waitingOn: null, terminal: true },
  ],
  transitions: [
    {
      from: ['requested'], to: 'approved', label: 'Yes: approve with a by-when', by: BACK_OFFICE,
      requires: [
        { kind: 'field', field: 'answer', oneOf: ['yes', 'needs_unpack_approval'], why: 'too late once shipped; check the order status first if unknown (R001-05)' },
        { kind: 'field', field: 'unpackApproved', equals: true, when: { field: 'answer', equals: 'needs_unpack_approval' }, why: 'the order is already picked or packed: approve unpacking it (R001-05)' },
        { kind: 'field', field: 'byWhen', why: 'CS needs by when (R001-05)' },
        { kind: 'field', field: 'requestedChange', when: { field: 'requestKind', equals: 'change' }, why: 'what exactly changes' },
      ],
    },
    {
      from: ['requested', 'approved'], to: 'declined', label: 'No: decline with a reason', by: BACK_OFFICE,
      requires: [{ kind: 'field', field: 'reason', why: 'CS needs a clear reason (R001-05)' }],
    },
    {
      from: ['approved'], to: 'done', label: 'Done', by: BACK_OFFICE,
      requires: [
        { kind: 'field', field: 'shippedAt', when: RUSH, why: 'rushed: shipped when (R001-10)' },
        { kind: 'field', field: 'carrier', when: RUSH, why: 'rushed: via which carrier (R001-10)' },
        { kind: 'field', field: 'tracking', when: RUSH, why: 'rushed: tracking number (R001-10)' },
      ],
    },
    { from: ['requested', 'approved'], to: 'cancelled', label: 'Cancel (customer withdrew)', by: CS_AND_BACK_OFFICE, noteRequired: true },
  ],
  fields: [
    { key: 'requestKind', label: 'Request', type: 'enum', options: ['rush', 'change'], requiredAtOpen: true, editableBy: CS_AND_BACK_OFFICE },
    { key: 'requestedChange', label: 'What to change', type: 'longtext', editableBy: CS_AND_BACK_OFFICE },
    { key: 'customerNeedsBy', label: 'Customer needs it by', type: 'datetime', editableBy: CS_AND_BACK_OFFICE },
    {
      key: 'answer', label: 'Can we do it?', type: 'enum', options: RUSH_ANSWERS, editableBy: [], derived: true,
      help: 'From the order: not picked → yes; picked or packed → needs an unpack approval; shipped → no',
    },
    { key: 'fulfillmentSeen', label: 'Order state when answered', type: 'text', editableBy: [], derived: true },
    { key: 'unpackApproved', label: 'Unpacking approved', type: 'boolean', editableBy: BACK_OFFICE },
    { key: 'byWhen', label: 'By when', type: 'datetime', editableBy: BACK_OFFICE },
    { key: 'reason', label: 'Reason (if no)', type: 'text', editableBy: BACK_OFFICE },
    { key: 'shippedAt', label: 'Shipped at', type: 'datetime', editableBy: BACK_OFFICE },
    { key: 'carrier', label: 'Carrier', type: 'text', editableBy: BACK_OFFICE },
    { key: 'tracking', label: 'Tracking number', type: 'text', editableBy: BACK_OFFICE },
  ],
};
