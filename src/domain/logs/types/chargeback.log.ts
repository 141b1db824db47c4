import type { Role } from '../../access/roles.js';
import type { LogTypeDef } from '../log-type.js';

// R000-08: the chargebacks & high fraud risk log — platform chargebacks (Shopify), chargeback
// service cases (Chargeback.io) and high-risk orders — kept by back office and compliance (Kim and
// Loise in the SOP) and seen by nobody else below leadership (R003-06: chargebacks and fraud are L4).
// The evidence deadline is the entry's due time: a warning ahead of it and a breach at it.

/** Who works the log: the roles that may read restricted cases. Compliance manages it (Loise). */
export const CHARGEBACK_DESK: readonly Role[] = ['back_office', 'compliance', 'leadership', 'admin'];

export const CHARGEBACK_SOURCES = ['platform_chargeback', 'chargeback_service', 'high_risk_order'] as const;

/** A warning two days before the evidence is due: time to gather tracking, photos and messages. */
export const CHARGEBACK_WARN_BEFORE_MINUTES = 48 * 60;

const DISPUTES = ['platform_chargeback', 'chargeback_service'] as const;

export const CHARGEBACK: LogTypeDef = {
  key: 'chargeback',
  label: 'Chargeback or high fraud risk',
  rules: ['R000-08', 'R003-06'],
  categories: ['chargeback', 'fraud'],
  restricted: true,
  openableBy: CHARGEBACK_DESK,
  initialState: 'needs_response',
  states: [
    { key: 'needs_response', label: 'Needs a response: gather and submit the evidence', waitingOn: 'back_office' },
    { key: 'submitted', label: 'Evidence submitted: waiting for the decision', waitingOn: 'back_office' },
    { key: 'won', label: 'Won (or the order cleared)', waitingOn: null, terminal: true },
    { key: 'lost', label: 'Lost or accepted', waitingOn: null, terminal: true },
  ],
  transitions: [
    {
      from: ['needs_response'], to: 'submitted', label: 'Submit the evidence', by: CHARGEBACK_DESK,
      requires: [
        { kind: 'field', field: 'evidenceSummary', why: 'say what was submitted (tracking, photos, messages)' },
        { kind: 'field', field: 'evidenceSubmittedAt', why: 'when the evidence went to the platform or service' },
        { kind: 'field', field: 'amountMinor', when: { field: 'source', oneOf: DISPUTES }, why: 'the disputed amount, in minor units' },
        { kind: 'field', field: 'currency', when: { field: 'amountMinor', filled: true }, why: 'the currency of the amount' },
      ],
    },
    { from: ['submitted'], to: 'won', label: 'Won', by: CHARGEBACK_DESK },
    { from: ['submitted'], to: 'lost', label: 'Lost', by: CHARGEBACK_DESK },
    // Accepting a chargeback (or cancelling a fraudulent order) without a fight is a decision worth a reason.
    { from: ['needs_response'], to: 'lost', label: 'Accept without a response', by: CHARGEBACK_DESK, noteRequired: true },
  ],
  dueFromField: { field: 'evidenceDueAt', until: ['submitted', 'won', 'lost'] },
  dueAlert: { warnBeforeMinutes: CHARGEBACK_WARN_BEFORE_MINUTES },
  fields: [
    { key: 'source', label: 'Source', type: 'enum', options: CHARGEBACK_SOURCES, requiredAtOpen: true, editableBy: CHARGEBACK_DESK },
    { key: 'platform', label: 'Platform or service (Shopify, PayPal, Chargeback.io)', type: 'text', editableBy: CHARGEBACK_DESK },
    { key: 'externalRef', label: 'Dispute or service case id', type: 'text', editableBy: CHARGEBACK_DESK },
    { key: 'reasonCode', label: 'Reason code', type: 'text', editableBy: CHARGEBACK_DESK },
    { key: 'amountMinor', label: 'Amount (minor units)', type: 'integer', editableBy: CHARGEBACK_DESK },
    { key: 'currency', label: 'Currency', type: 'currency', editableBy: CHARGEBACK_DESK },
    { key: 'evidenceDueAt', label: 'Evidence due by', type: 'datetime', editableBy: CHARGEBACK_DESK },
    { key: 'riskLevel', label: 'Fraud risk', type: 'enum', options: ['medium', 'high'], editableBy: CHARGEBACK_DESK },
    { key: 'evidenceSummary', label: 'Evidence submitted', type: 'longtext', editableBy: CHARGEBACK_DESK },
    { key: 'evidenceSubmittedAt', label: 'Evidence submitted at', type: 'datetime', editableBy: CHARGEBACK_DESK },
    { key: 'outcomeAt', label: 'Decided at', type: 'datetime', editableBy: CHARGEBACK_DESK },
    { key: 'notes', label: 'Notes', type: 'longtext', editableBy: CHARGEBACK_DESK },
    { key: 'platformStatus', label: 'Status on the platform', type: 'text', editableBy: [], derived: true, help: 'set from the platform\'s dispute webhooks' },
  ],
};
