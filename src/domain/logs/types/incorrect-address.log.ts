import {
  AGENTS, CS_AND_BACK_OFFICE, EVERYONE_WHO_LOGS, SUPPLIER_AND_BACK_OFFICE, type LogRequirement, type LogTypeDef,
} from '../log-type.js';

// R000-05: the supplier logs orders whose shipping address, phone, name or tax number must be
// confirmed; agents contact the customer; an internal note with a screenshot of the entry goes on
// the ticket (R000-12). Each detail to confirm needs its confirmed value before the move.

const CONFIRMED_VALUE: Record<string, string> = {
  shipping_address: 'confirmedAddress',
  phone: 'confirmedPhone',
  name: 'confirmedName',
  tax_number: 'confirmedTaxNumber',
};

const CONFIRMATION: LogRequirement[] = [
  ...Object.entries(CONFIRMED_VALUE).map(([detail, field]): LogRequirement => ({
    kind: 'field', field, when: { field: 'fieldsToConfirm', includes: detail }, why: `the customer's confirmed ${detail.replace('_', ' ')} (R000-05)`,
  })),
  { kind: 'evidence', evidence: 'customer_confirmation', why: 'record when and how the customer confirmed (customerConfirmedAt, confirmationChannel)' },
  { kind: 'evidence', evidence: 'screenshot_note', why: 'add an internal note with a screenshot of the log entry to the ticket (R000-05, R000-12)' },
];

export const INCORRECT_ADDRESS: LogTypeDef = {
  key: 'incorrect_address',
  label: 'Incorrect address',
  rules: ['R000-05', 'R000-12'],
  categories: ['incorrect_address', 'address_update'],
  openableBy: EVERYONE_WHO_LOGS,
  initialState: 'reported',
  states: [
    { key: 'reported', label: 'Reported: contact the customer', waitingOn: 'agents' },
    { key: 'contacting_customer', label: 'Contacting the customer', waitingOn: 'agents', awaits: 'customer' },
    { key: 'confirmed', label: 'Confirmed by the customer', waitingOn: 'supplier' },
    { key: 'updated', label: 'Shipping details updated', waitingOn: null, terminal: true },
    { key: 'cancelled', label: 'Cancelled', waitingOn: null, terminal: true },
  ],
  transitions: [
    { from: ['reported'], to: 'contacting_customer', label: 'Contact the customer', by: AGENTS },
    { from: ['reported', 'contacting_customer'], to: 'confirmed', label: 'Record the confirmation', by: AGENTS, requires: CONFIRMATION },
    { from: ['confirmed'], to: 'updated', label: 'Shipping details updated', by: SUPPLIER_AND_BACK_OFFICE },
    { from: ['confirmed'], to: 'contacting_customer', label: 'Still wrong: ask the customer again', by: SUPPLIER_AND_BACK_OFFICE, noteRequired: true },
    { from: ['reported', 'contacting_customer', 'confirmed'], to: 'cancelled', label: 'Cancel', by: CS_AND_BACK_OFFICE, noteRequired: true },
  ],
  fields: [
    {
      key: 'fieldsToConfirm', label: 'Details to confirm', type: 'enum_list', requiredAtOpen: true, editableBy: EVERYONE_WHO_LOGS,
      options: Object.keys(CONFIRMED_VALUE),
    },
    { key: 'problem', label: 'What looks wrong', type: 'text', requiredAtOpen: true, editableBy: EVERYONE_WHO_LOGS },
    { key: 'addressOnFile', label: 'Shipping address on file', type: 'longtext', editableBy: EVERYONE_WHO_LOGS },
    { key: 'phoneOnFile', label: 'Phone on file', type: 'text', editableBy: EVERYONE_WHO_LOGS },
    { key: 'nameOnFile', label: 'Name on file', type: 'text', editableBy: EVERYONE_WHO_LOGS },
    { key: 'taxNumberOnFile', label: 'Tax number on file', type: 'text', editableBy: EVERYONE_WHO_LOGS },
    { key: 'confirmedAddress', label: 'Confirmed shipping address', type: 'longtext', editableBy: AGENTS },
    { key: 'confirmedPhone', label: 'Confirmed phone', type: 'text', editableBy: AGENTS },
    { key: 'confirmedName', label: 'Confirmed name', type: 'text', editableBy: AGENTS },
    { key: 'confirmedTaxNumber', label: 'Confirmed tax number', type: 'text', editableBy: AGENTS },
    { key: 'customerConfirmedAt', label: 'Customer confirmed at', type: 'datetime', editableBy: AGENTS },
    { key: 'confirmationChannel', label: 'Confirmed by', type: 'enum', options: ['email', 'phone', 'chat', 'sms'], editableBy: AGENTS },
    { key: 'contactAttempts', label: 'Contact attempts', type: 'integer', editableBy: AGENTS },
  ],
  supplier: {
    // The address task shows the details being confirmed — never payments, order value or history.
    fields: [
      'fieldsToConfirm', 'problem', 'addressOnFile', 'phoneOnFile', 'nameOnFile', 'taxNumberOnFile',
      'confirmedAddress', 'confirmedPhone', 'confirmedName', 'confirmedTaxNumber', 'customerConfirmedAt',
    ],
    customer: ['name', 'phone'],
    order: ['number', 'fulfillment', 'destination'],
  },
};
