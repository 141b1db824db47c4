import type { Role } from '../access/roles.js';
import { can } from '../access/permissions.js';
import { exposureOf, roleMaySeeLog } from './log-exposure.js';
import { LOG_TYPES } from './log-registry.js';
import type { LogFieldDef, LogTypeDef } from './log-type.js';

/**
 * The templates as a form needs them (GET /api/v1/logs/types): fields with type, options, whether
 * required to open and whether this role may write them; states with whose move it is; moves with
 * who makes them and what each needs. The supplier gets only the types and fields it works with.
 */
export function describeLogTypes(role: Role) {
  return LOG_TYPES.filter((t) => (role !== 'supplier' || t.supplier !== undefined) && (!t.restricted || can(role, 'restricted.read'))).map((t) => describeLogType(t, role));
}

export function describeLogType(type: LogTypeDef, role: Role) {
  const exposure = exposureOf(type, role);
  const visible = new Set(exposure.fields);
  return {
    key: type.key,
    label: type.label,
    rules: type.rules,
    categories: type.categories,
    youMayOpen: type.openableBy.includes(role),
    openableBy: type.openableBy,
    initialState: type.initialState,
    skuField: type.skuField ?? null,
    dueWithinMinutes: type.dueWithinMinutes ?? null,
    fields: type.fields.filter((f) => visible.has(f.key)).map((f) => describeField(f, role)),
    states: type.states
      .filter((s) => roleMaySeeLog(type, s.key, role))
      .map((s) => ({ key: s.key, label: s.label, waitingOn: s.waitingOn, terminal: s.terminal === true })),
    transitions: type.transitions.map((t) => ({
      from: t.from, to: t.to, label: t.label, by: t.by, youMay: t.by.includes(role), noteRequired: t.noteRequired === true, requires: t.requires ?? [],
    })),
    supplierSees: type.supplier ?? null,
  };
}

function describeField(f: LogFieldDef, role: Role) {
  return {
    key: f.key,
    label: f.label,
    type: f.type,
    options: f.options ?? null,
    requiredAtOpen: f.requiredAtOpen === true,
    derived: f.derived === true,
    editableBy: f.editableBy,
    youMayEdit: !f.derived && f.editableBy.includes(role),
    help: f.help ?? null,
  };
}
