import { AGENTS, BACK_OFFICE, CS_AND_BACK_OFFICE, type LogTypeDef } from '../log-type.js';

// R000-11: photos of broken, missing, incorrect or misfit items are kept with the entry.
// R001-03 wrong item: verify the pick history, is the right item in stock, ship a replacement,
// email a return label when the wrong item must come back. R001-04 damaged: packing issue → coach
// the packer, carrier damage → file a claim, replacement if in stock.

export const ITEM_ISSUE: LogTypeDef = {
  key: 'item_issue',
  label: 'Item issue (damaged, wrong, missing, misfit)',
  rules: ['R000-11', 'R001-03', 'R001-04'],
  categories: ['damaged_item', 'wrong_item', 'missing_item', 'defective_item', 'packaging_issue'],
  openableBy: CS_AND_BACK_OFFICE,
  initialState: 'reported',
  skuField: 'sku',
  states: [
    { key: 'reported', label: 'Reported: photo and assessment', waitingOn: 'back_office' },
    { key: 'assessed', label: 'Assessed', waitingOn: 'back_office' },
    { key: 'replacement_sent', label: 'Replacement sent', waitingOn: 'agents' },
    { key: 'resolved', label: 'Resolved', waitingOn: null, terminal: true },
    { key: 'cancelled', label: 'Cancelled', waitingOn: null, terminal: true },
  ],
  transitions: [
    {
      from: ['reported'], to: 'assessed', label: 'Assess', by: BACK_OFFICE,
      requires: [
        { kind: 'evidence', evidence: 'photo', why: 'attach a photo of the item as received (R000-11, R001-04)' },
        { kind: 'field', field: 'pickHistoryChecked', equals: true, when: { field: 'issueKind', equals: 'wrong_item' }, why: 'verify the pick history (R001-03)' },
        { kind: 'field', field: 'damageSource', when: { field: 'issueKind', equals: 'damaged' }, why: 'our packing or the carrier? (R001-04)' },
        { kind: 'field', field: 'replacementInStock', why: 'is the right item in stock? (R001-03, R001-04)' },
      ],
    },
    {
      from: ['assessed'], to: 'replacement_sent', label: 'Ship the replacement', by: BACK_OFFICE,
      requires: [
        { kind: 'field', field: 'replacementInStock', equals: true, why: 'a replacement ships only when it is in stock (R001-04)' },
        { kind: 'field', field: 'replacementShipDate', why: 'CS needs the replacement ship date (R001-03)' },
        { kind: 'field', field: 'returnRequired', when: { field: 'issueKind', equals: 'wrong_item' }, why: 'CS needs to know whether the wrong item must come back (R001-03)' },
      ],
    },
    {
      from: ['assessed', 'replacement_sent'], to: 'resolved', label: 'Resolve', by: CS_AND_BACK_OFFICE,
      requires: [
        { kind: 'field', field: 'packerCoached', equals: true, when: { field: 'damageSource', equals: 'packing' }, why: 'a packing issue means coaching the packer (R001-04)' },
        { kind: 'field', field: 'carrierClaimRef', when: { field: 'damageSource', equals: 'carrier' }, why: 'carrier damage means filing a claim (R001-04)' },
        { kind: 'field', field: 'returnLabelSent', equals: true, when: { field: 'returnRequired', equals: true }, why: 'email the return label for the wrong item (R001-03)' },
      ],
    },
    { from: ['reported', 'assessed'], to: 'cancelled', label: 'Cancel', by: CS_AND_BACK_OFFICE, noteRequired: true },
  ],
  fields: [
    { key: 'issueKind', label: 'Issue', type: 'enum', options: ['damaged', 'wrong_item', 'missing_item', 'misfit'], requiredAtOpen: true, editableBy: CS_AND_BACK_OFFICE },
    { key: 'sku', label: 'SKU concerned', type: 'sku', editableBy: CS_AND_BACK_OFFICE },
    { key: 'expectedSku', label: 'SKU that should have come', type: 'sku', editableBy: CS_AND_BACK_OFFICE },
    { key: 'description', label: 'What the customer reports', type: 'longtext', editableBy: CS_AND_BACK_OFFICE },
    { key: 'albumUrl', label: 'Photo album link', type: 'url', editableBy: CS_AND_BACK_OFFICE, help: 'R000-11: the album is linked from the entry' },
    { key: 'pickHistoryChecked', label: 'Pick history checked', type: 'boolean', editableBy: BACK_OFFICE },
    { key: 'damageSource', label: 'Damage caused by', type: 'enum', options: ['packing', 'carrier', 'manufacturing', 'unknown'], editableBy: BACK_OFFICE },
    { key: 'packerCoached', label: 'Packer coached', type: 'boolean', editableBy: BACK_OFFICE },
    { key: 'carrierClaimRef', label: 'Carrier claim reference', type: 'text', editableBy: BACK_OFFICE },
    { key: 'betterPackaging', label: 'Better packaging for this item', type: 'text', editableBy: BACK_OFFICE },
    { key: 'recurring', label: 'Recurring problem', type: 'boolean', editableBy: BACK_OFFICE },
    { key: 'replacementInStock', label: 'Replacement in stock', type: 'boolean', editableBy: BACK_OFFICE },
    { key: 'canReshipToday', label: 'Can reship today', type: 'boolean', editableBy: BACK_OFFICE },
    { key: 'replacementSku', label: 'Replacement SKU', type: 'sku', editableBy: BACK_OFFICE },
    { key: 'replacementShipDate', label: 'Replacement ship date', type: 'date', editableBy: BACK_OFFICE },
    { key: 'replacementTracking', label: 'Replacement tracking', type: 'text', editableBy: BACK_OFFICE },
    { key: 'returnRequired', label: 'Wrong item must come back', type: 'boolean', editableBy: BACK_OFFICE },
    { key: 'returnLabelSent', label: 'Return label emailed', type: 'boolean', editableBy: AGENTS },
  ],
};
