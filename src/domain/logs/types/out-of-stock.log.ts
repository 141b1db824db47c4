import { BACK_OFFICE, EVERYONE_WHO_LOGS, SUPPLIER_AND_BACK_OFFICE, type LogRequirement, type LogTypeDef } from '../log-type.js';

// R000-02: the supplier (or an agent) logs the order, back office proposes alternatives, the
// supplier sources from those options. R001-06: physical check, real count to CS, outcome
// substitute / backorder / refund, other orders affected, inventory discrepancy reported.

const OUTCOME: LogRequirement[] = [
  { kind: 'field', field: 'physicalCount', why: 'the real stock count after a physical check goes to CS (R001-06)' },
  { kind: 'field', field: 'outcome', why: 'choose substitute, backorder or refund (R001-06)' },
  {
    kind: 'field', field: 'substituteSku', memberOf: 'alternatives', when: { field: 'outcome', equals: 'substitute' },
    why: 'the substitute must be one of the alternatives back office proposed (R000-02)',
  },
  { kind: 'field', field: 'restockDate', when: { field: 'outcome', equals: 'backorder' }, why: 'CS needs to know when we will have it (R001-06)' },
];

export const OUT_OF_STOCK: LogTypeDef = {
  key: 'out_of_stock',
  label: 'Out of stock',
  rules: ['R000-02', 'R001-06', 'R001-10'],
  categories: ['out_of_stock', 'inventory_discrepancy', 'backorder', 'restock_inquiry'],
  openableBy: EVERYONE_WHO_LOGS,
  initialState: 'reported',
  skuField: 'sku',
  states: [
    { key: 'reported', label: 'Reported: physical check and alternatives', waitingOn: 'back_office' },
    { key: 'alternatives_proposed', label: 'Alternatives proposed', waitingOn: 'supplier' },
    { key: 'sourcing', label: 'Supplier sourcing', waitingOn: 'supplier' },
    { key: 'resolved', label: 'Resolved', waitingOn: null, terminal: true },
    { key: 'cancelled', label: 'Cancelled', waitingOn: null, terminal: true },
  ],
  transitions: [
    {
      from: ['reported'], to: 'alternatives_proposed', label: 'Propose alternatives', by: BACK_OFFICE,
      requires: [
        { kind: 'field', field: 'physicalCount', why: 'the real stock count after a physical check goes to CS (R001-06)' },
        { kind: 'field', field: 'alternatives', why: 'list the SKUs the supplier may source from (R000-02)' },
      ],
    },
    { from: ['alternatives_proposed'], to: 'sourcing', label: 'Start sourcing from the alternatives', by: SUPPLIER_AND_BACK_OFFICE },
    { from: ['sourcing'], to: 'alternatives_proposed', label: 'None available: ask back office for others', by: SUPPLIER_AND_BACK_OFFICE, noteRequired: true },
    { from: ['sourcing'], to: 'resolved', label: 'Record the outcome', by: SUPPLIER_AND_BACK_OFFICE, requires: OUTCOME },
    // Back office may settle it at once (a backorder or a refund) without sending it to the supplier.
    { from: ['reported'], to: 'resolved', label: 'Record the outcome', by: BACK_OFFICE, requires: OUTCOME },
    { from: ['reported', 'alternatives_proposed', 'sourcing'], to: 'cancelled', label: 'Cancel (logged in error, order cancelled)', by: BACK_OFFICE, noteRequired: true },
  ],
  fields: [
    { key: 'sku', label: 'SKU out of stock', type: 'sku', requiredAtOpen: true, editableBy: EVERYONE_WHO_LOGS },
    { key: 'productName', label: 'Product', type: 'text', editableBy: EVERYONE_WHO_LOGS },
    { key: 'quantity', label: 'Units ordered', type: 'integer', editableBy: EVERYONE_WHO_LOGS },
    { key: 'systemCount', label: 'Stock the system showed', type: 'integer', editableBy: SUPPLIER_AND_BACK_OFFICE, help: 'For the inventory discrepancy report (R001-06)' },
    { key: 'physicalCount', label: 'Real count after a physical check', type: 'integer', editableBy: SUPPLIER_AND_BACK_OFFICE },
    { key: 'restockDate', label: 'Restock date', type: 'date', editableBy: SUPPLIER_AND_BACK_OFFICE, help: 'When will we have it? (R001-06)' },
    { key: 'alternatives', label: 'Alternatives (SKUs)', type: 'sku_list', editableBy: BACK_OFFICE, help: 'Back office proposes; the supplier sources from these (R000-02)' },
    { key: 'outcome', label: 'Outcome', type: 'enum', options: ['substitute', 'backorder', 'refund'], editableBy: SUPPLIER_AND_BACK_OFFICE },
    { key: 'substituteSku', label: 'Substitute SKU', type: 'sku', editableBy: SUPPLIER_AND_BACK_OFFICE },
    { key: 'affectedOrderNumbers', label: 'Other orders affected', type: 'order_numbers', editableBy: EVERYONE_WHO_LOGS, help: 'Orders with the same SKU are linked automatically; name others here' },
    { key: 'note', label: 'Note', type: 'longtext', editableBy: EVERYONE_WHO_LOGS },
  ],
  supplier: {
    fields: ['sku', 'productName', 'quantity', 'systemCount', 'physicalCount', 'restockDate', 'alternatives', 'outcome', 'substituteSku', 'affectedOrderNumbers', 'note'],
    customer: [],
    order: ['number', 'fulfillment', 'placedAt'],
  },
};
