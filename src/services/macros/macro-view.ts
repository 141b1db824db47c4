import type { MacroRecord, MacroVersionRecord } from '../../store/repositories/macro.repository.js';
import { macroTemplateSlots, parseMacroTemplate } from '../../domain/macros/macro-template.js';

export interface MacroView {
  id: string;
  folder: string;
  title: string;
  active: boolean;
  /** The version in force (R000-13). */
  version: number;
  body: string;
  /** What the text uses: variables Ladder fills and blanks the agent fills. */
  variables: string[];
  placeholders: string[];
  createdAt: string;
  createdById: string | null;
  updatedAt: string;
  updatedById: string | null;
}

export interface MacroVersionView {
  version: number;
  body: string;
  authorId: string | null;
  createdAt: string;
  changeNote: string | null;
  current: boolean;
}

export interface MacroDetailView extends MacroView {
  /** Every version, newest first; the first is the one in force. */
  versions: MacroVersionView[];
}

const idOf = (n: number | null) => (n === null ? null : String(n));

export function presentMacro(m: MacroRecord): MacroView {
  // Stored bodies were validated on save; a body that no longer parses (the variable list shrank)
  // still shows, with no slots, rather than hiding the macro.
  let slots: { variables: string[]; placeholders: string[] } = { variables: [], placeholders: [] };
  try {
    slots = macroTemplateSlots(parseMacroTemplate(m.body));
  } catch {
    // keep the empty slots
  }
  return {
    id: String(m.id),
    folder: m.folder,
    title: m.title,
    active: m.active,
    version: m.currentVersion,
    body: m.body,
    variables: slots.variables,
    placeholders: slots.placeholders,
    createdAt: m.createdAt,
    createdById: idOf(m.createdById),
    updatedAt: m.updatedAt,
    updatedById: idOf(m.updatedById),
  };
}

export function presentMacroVersion(v: MacroVersionRecord, currentVersion: number): MacroVersionView {
  return { version: v.version, body: v.body, authorId: idOf(v.authorId), createdAt: v.createdAt, changeNote: v.changeNote, current: v.version === currentVersion };
}
