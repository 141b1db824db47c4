import { BACK_OFFICE, CS_AND_BACK_OFFICE, type LogTypeDef } from '../log-type.js';

// R001-07: a store needs an item from the warehouse: weigh store against warehouse priority, pull
// the stock or give the store a wait time, and document the transfer.

export const STORE_TRANSFER: LogTypeDef = {
  key: 'store_transfer',
  label: 'Store transfer request',
  rules: ['R001-07'],
  categories: ['store_transfer'],
  openableBy: CS_AND_BACK_OFFICE,
  initialState: 'requested',
  skuField: 'sku',
  states: [
    { key: 'requested', label: 'Requested: weigh priority', waitingOn: 'back_office' },
    { key: 'pulling', label: 'Pulling from warehouse stock', waitingOn: 'back_office' },
    { key: 'waiting', label: 'Store waits (warehouse priority)', waitingOn: 'back_office' },
    { key: 'transferred', label: 'Transferred', waitingOn: null, terminal: true },
    { key: 'cancelled', label: 'Cancelled', waitingOn: null, terminal: true },
  ],
  transitions: [
    {
      from: ['requested'], to: 'pulling', label: 'Store has priority: pull stock', by: BACK_OFFICE,
      requires: [{ kind: 'field', field: 'priority', equals: 'store', why: 'pull from warehouse stock only when the store has priority (R001-07)' }],
    },
    {
      from: ['requested'], to: 'waiting', label: 'Warehouse has priority: give a wait time', by: BACK_OFFICE,
      requires: [
        { kind: 'field', field: 'priority', equals: 'warehouse', why: 'the store waits only when the warehouse has priority (R001-07)' },
        { kind: 'field', field: 'availableBy', why: 'give the store a wait time (R001-07)' },
      ],
    },
    { from: ['waiting'], to: 'pulling', label: 'Stock free: pull it', by: BACK_OFFICE },
    {
      from: ['pulling'], to: 'transferred', label: 'Transferred', by: BACK_OFFICE,
      requires: [
        { kind: 'field', field: 'transferRef', why: 'document the transfer (R001-07)' },
        { kind: 'field', field: 'transferredAt', why: 'when it left the warehouse' },
      ],
    },
    { from: ['requested', 'pulling', 'waiting'], to: 'cancelled', label: 'Cancel', by: CS_AND_BACK_OFFICE, noteRequired: true },
  ],
  fields: [
    { key: 'sku', label: 'SKU', type: 'sku', requiredAtOpen: true, editableBy: CS_AND_BACK_OFFICE },
    { key: 'quantity', label: 'Units', type: 'integer', requiredAtOpen: true, editableBy: CS_AND_BACK_OFFICE },
    { key: 'storeName', label: 'Store', type: 'text', requiredAtOpen: true, editableBy: CS_AND_BACK_OFFICE },
    { key: 'customerWaiting', label: 'A customer is waiting in the store', type: 'boolean', editableBy: CS_AND_BACK_OFFICE, help: 'Store customers are here now (R001-07, R001-13)' },
    { key: 'priority', label: 'Who goes first', type: 'enum', options: ['store', 'warehouse'], editableBy: BACK_OFFICE },
    { key: 'availableBy', label: 'Available to the store by', type: 'datetime', editableBy: BACK_OFFICE },
    { key: 'transferRef', label: 'Transfer document', type: 'text', editableBy: BACK_OFFICE },
    { key: 'transferredAt', label: 'Transferred at', type: 'datetime', editableBy: BACK_OFFICE },
  ],
};
