import { CS_AND_BACK_OFFICE, type LogTypeDef } from '../log-type.js';

// R001-08: an item returned at a store is checked: resellable → back to stock, damaged → returns
// area; then the return is processed in the system and inventory updated, the same day.

export const STORE_RETURN: LogTypeDef = {
  key: 'store_return',
  label: 'Store return',
  rules: ['R001-08'],
  categories: ['store_return', 'store_exchange'],
  openableBy: CS_AND_BACK_OFFICE,
  initialState: 'received',
  skuField: 'sku',
  states: [
    { key: 'received', label: 'Received: check the condition', waitingOn: 'store' },
    { key: 'back_to_stock', label: 'Back to stock', waitingOn: 'back_office' },
    { key: 'in_returns_area', label: 'In the returns area', waitingOn: 'back_office' },
    { key: 'processed', label: 'Processed, inventory updated', waitingOn: null, terminal: true },
    { key: 'cancelled', label: 'Cancelled', waitingOn: null, terminal: true },
  ],
  transitions: [
    {
      from: ['received'], to: 'back_to_stock', label: 'Resellable: back to stock', by: CS_AND_BACK_OFFICE,
      requires: [{ kind: 'field', field: 'condition', equals: 'resellable', why: 'only a resellable item goes back to stock (R001-08)' }],
    },
    {
      from: ['received'], to: 'in_returns_area', label: 'Damaged: to the returns area', by: CS_AND_BACK_OFFICE,
      requires: [{ kind: 'field', field: 'condition', equals: 'damaged', why: 'a damaged item goes to the returns area (R001-08)' }],
    },
    {
      from: ['back_to_stock', 'in_returns_area'], to: 'processed', label: 'Return processed, inventory updated', by: CS_AND_BACK_OFFICE,
      requires: [
        { kind: 'field', field: 'returnRef', why: 'process the return in the system (R001-08)' },
        { kind: 'field', field: 'inventoryUpdated', equals: true, why: 'update the inventory (R001-08)' },
      ],
    },
    { from: ['received'], to: 'cancelled', label: 'Cancel', by: CS_AND_BACK_OFFICE, noteRequired: true },
  ],
  fields: [
    { key: 'sku', label: 'SKU', type: 'sku', requiredAtOpen: true, editableBy: CS_AND_BACK_OFFICE },
    { key: 'quantity', label: 'Units', type: 'integer', requiredAtOpen: true, editableBy: CS_AND_BACK_OFFICE },
    { key: 'storeName', label: 'Store', type: 'text', requiredAtOpen: true, editableBy: CS_AND_BACK_OFFICE },
    { key: 'condition', label: 'Condition', type: 'enum', options: ['resellable', 'damaged'], editableBy: CS_AND_BACK_OFFICE },
    { key: 'conditionNote', label: 'Condition note', type: 'text', editableBy: CS_AND_BACK_OFFICE },
    { key: 'returnRef', label: 'Return reference in the system', type: 'text', editableBy: CS_AND_BACK_OFFICE },
    { key: 'inventoryUpdated', label: 'Inventory updated', type: 'boolean', editableBy: CS_AND_BACK_OFFICE },
  ],
};
