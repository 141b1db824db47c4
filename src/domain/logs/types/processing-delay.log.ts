import { BACK_OFFICE, SUPPLIER_AND_BACK_OFFICE, type LogRequirement, type LogTypeDef } from '../log-type.js';

// R000-03: back office logs orders at risk of delay and escalates to the supplier to follow up and
// confirm the cause. R001-02 / R001-10: CS needs the reason, the new (then actual) ship date, a
// realistic delivery estimate, and what it may offer the customer.

const CAUSE_AND_DATE: LogRequirement[] = [
  { kind: 'field', field: 'cause', why: 'confirm the cause of the delay (R000-03)' },
  { kind: 'field', field: 'newShipDate', why: 'CS needs the new ship date (R001-02, R001-10)' },
];

export const PROCESSING_DELAY: LogTypeDef = {
  key: 'processing_delay',
  label: 'Processing delay',
  rules: ['R000-03', 'R001-02', 'R001-10'],
  categories: ['processing_delay', 'shipping_delay', 'order_status'],
  openableBy: BACK_OFFICE,
  initialState: 'at_risk',
  states: [
    { key: 'at_risk', label: 'At risk of delay', waitingOn: 'back_office' },
    { key: 'supplier_follow_up', label: 'Supplier following up', waitingOn: 'supplier' },
    { key: 'cause_confirmed', label: 'Cause and new date confirmed', waitingOn: 'back_office' },
    { key: 'cs_informed', label: 'CS informed (what it may offer)', waitingOn: 'supplier' },
    { key: 'shipped', label: 'Shipped', waitingOn: null, terminal: true },
    { key: 'cancelled', label: 'Cancelled', waitingOn: null, terminal: true },
  ],
  transitions: [
    { from: ['at_risk'], to: 'supplier_follow_up', label: 'Escalate to the supplier (R000-03)', by: BACK_OFFICE },
    { from: ['supplier_follow_up'], to: 'cause_confirmed', label: 'Confirm cause and new ship date', by: SUPPLIER_AND_BACK_OFFICE, requires: CAUSE_AND_DATE },
    { from: ['at_risk'], to: 'cause_confirmed', label: 'Confirm cause and new ship date', by: BACK_OFFICE, requires: CAUSE_AND_DATE },
    {
      from: ['cause_confirmed'], to: 'cs_informed', label: 'Tell CS the reason, date and offer (R001-10)', by: BACK_OFFICE,
      requires: [{ kind: 'field', field: 'csMayOffer', why: 'say what CS may offer: nothing, a discount, free shipping… (R001-10)' }],
    },
    { from: ['cause_confirmed', 'cs_informed'], to: 'supplier_follow_up', label: 'The date slipped: back to the supplier', by: BACK_OFFICE, noteRequired: true },
    {
      from: ['cs_informed'], to: 'shipped', label: 'Shipped', by: SUPPLIER_AND_BACK_OFFICE,
      requires: [{ kind: 'field', field: 'actualShipDate', why: 'CS needs the actual ship date (R001-02)' }],
    },
    { from: ['at_risk', 'supplier_follow_up', 'cause_confirmed', 'cs_informed'], to: 'cancelled', label: 'Cancel', by: BACK_OFFICE, noteRequired: true },
  ],
  fields: [
    { key: 'originalShipDate', label: 'Promised ship date', type: 'date', editableBy: BACK_OFFICE },
    {
      key: 'cause', label: 'Cause', type: 'enum', editableBy: SUPPLIER_AND_BACK_OFFICE,
      options: ['stock_shortage', 'supplier_delay', 'order_volume', 'quality_check', 'payment_review', 'address_hold', 'carrier_pickup', 'other'],
    },
    { key: 'causeDetail', label: 'Cause in words', type: 'text', editableBy: SUPPLIER_AND_BACK_OFFICE },
    { key: 'newShipDate', label: 'New ship date', type: 'date', editableBy: SUPPLIER_AND_BACK_OFFICE },
    { key: 'deliveryEstimate', label: 'Realistic delivery estimate', type: 'date', editableBy: SUPPLIER_AND_BACK_OFFICE, help: 'Under-promise (R001-16)' },
    {
      key: 'csMayOffer', label: 'CS may offer', type: 'enum_list', editableBy: BACK_OFFICE,
      options: ['nothing', 'discount', 'free_shipping', 'expedited_shipping', 'store_credit'],
    },
    { key: 'offerDetail', label: 'Offer detail (e.g. 10% off)', type: 'text', editableBy: BACK_OFFICE },
    { key: 'actualShipDate', label: 'Actual ship date', type: 'date', editableBy: SUPPLIER_AND_BACK_OFFICE },
    { key: 'carrier', label: 'Carrier', type: 'text', editableBy: SUPPLIER_AND_BACK_OFFICE },
    { key: 'tracking', label: 'Tracking number', type: 'text', editableBy: SUPPLIER_AND_BACK_OFFICE },
  ],
  supplier: {
    // The supplier sees the task once back office hands it over; what CS offers the customer is not its business.
    states: ['supplier_follow_up', 'cause_confirmed', 'cs_informed', 'shipped'],
    fields: ['originalShipDate', 'cause', 'causeDetail', 'newShipDate', 'deliveryEstimate', 'actualShipDate', 'carrier', 'tracking'],
    customer: [],
    order: ['number', 'placedAt', 'fulfillment', 'neededBy'],
  },
};
