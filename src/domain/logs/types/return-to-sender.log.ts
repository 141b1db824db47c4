import { AGENTS, CS_AND_BACK_OFFICE, EVERYONE_WHO_LOGS, SUPPLIER_AND_BACK_OFFICE, type LogTypeDef } from '../log-type.js';

// R000-06: the supplier logs orders returned to sender; agents contact the customer; when the
// customer wants a reshipment the shipping address is confirmed first — so no move reaches
// "reshipped" except through "address_confirmed".

export const RETURN_TO_SENDER: LogTypeDef = {
  key: 'return_to_sender',
  label: 'Return to sender (RTS)',
  rules: ['R000-06'],
  categories: ['return_to_sender', 'failed_delivery'],
  openableBy: EVERYONE_WHO_LOGS,
  initialState: 'logged',
  states: [
    { key: 'logged', label: 'Logged: contact the customer', waitingOn: 'agents' },
    { key: 'customer_contacted', label: 'Customer contacted', waitingOn: 'agents', awaits: 'customer' },
    { key: 'address_confirmed', label: 'Address confirmed: reship', waitingOn: 'supplier' },
    { key: 'reshipped', label: 'Reshipped', waitingOn: null, terminal: true },
    { key: 'closed_no_reship', label: 'Closed: refund or credit instead', waitingOn: null, terminal: true },
    { key: 'cancelled', label: 'Cancelled', waitingOn: null, terminal: true },
  ],
  transitions: [
    {
      from: ['logged'], to: 'customer_contacted', label: 'Contact the customer', by: AGENTS,
      requires: [{ kind: 'field', field: 'contactedAt', why: 'when the customer was emailed (R000-06)' }],
    },
    {
      from: ['customer_contacted'], to: 'address_confirmed', label: 'Customer wants a reshipment: address confirmed', by: AGENTS,
      requires: [
        { kind: 'field', field: 'customerChoice', equals: 'reship', why: 'a reshipment is what the customer asked for' },
        { kind: 'field', field: 'confirmedAddress', why: 'confirm the shipping address before reshipping (R000-06)' },
        { kind: 'evidence', evidence: 'customer_confirmation', why: 'record when and how the customer confirmed the address (R000-06)' },
      ],
    },
    {
      from: ['address_confirmed'], to: 'reshipped', label: 'Reshipped', by: SUPPLIER_AND_BACK_OFFICE,
      requires: [{ kind: 'field', field: 'reshipTracking', why: 'the tracking number of the reshipment' }],
    },
    {
      from: ['customer_contacted'], to: 'closed_no_reship', label: 'Customer chose a refund or credit', by: CS_AND_BACK_OFFICE,
      requires: [{ kind: 'field', field: 'customerChoice', oneOf: ['refund', 'store_credit'], why: 'the customer chose a refund or store credit' }],
    },
    { from: ['logged', 'customer_contacted', 'address_confirmed'], to: 'cancelled', label: 'Cancel', by: CS_AND_BACK_OFFICE, noteRequired: true },
  ],
  fields: [
    {
      key: 'rtsReason', label: 'Why it came back', type: 'enum', requiredAtOpen: true, editableBy: EVERYONE_WHO_LOGS,
      options: ['refused', 'undeliverable_address', 'unclaimed', 'damaged_in_transit', 'other'],
    },
    { key: 'carrier', label: 'Carrier', type: 'text', editableBy: EVERYONE_WHO_LOGS },
    { key: 'returnedAt', label: 'Back at the warehouse at', type: 'datetime', editableBy: SUPPLIER_AND_BACK_OFFICE },
    { key: 'contactedAt', label: 'Customer emailed at', type: 'datetime', editableBy: AGENTS },
    { key: 'customerChoice', label: 'Customer wants', type: 'enum', options: ['reship', 'refund', 'store_credit'], editableBy: AGENTS },
    { key: 'confirmedAddress', label: 'Confirmed shipping address', type: 'longtext', editableBy: AGENTS },
    { key: 'customerConfirmedAt', label: 'Customer confirmed at', type: 'datetime', editableBy: AGENTS },
    { key: 'confirmationChannel', label: 'Confirmed by', type: 'enum', options: ['email', 'phone', 'chat', 'sms'], editableBy: AGENTS },
    { key: 'reshipTracking', label: 'Reshipment tracking', type: 'text', editableBy: SUPPLIER_AND_BACK_OFFICE },
  ],
  supplier: {
    fields: ['rtsReason', 'carrier', 'returnedAt', 'customerChoice', 'confirmedAddress', 'reshipTracking'],
    customer: ['name'],
    order: ['number', 'fulfillment', 'shippedAt'],
  },
};
