// Answers of /api/v1/macros (src/services/macros/macro-view.ts, list-macros.ts).

export interface Macro {
  id: string;
  folder: string;
  title: string;
  active: boolean;
  /** The version in force (R000-13). */
  version: number;
  body: string;
  variables: string[];
  placeholders: string[];
  updatedAt: string;
}

export interface MacroVersion {
  version: number;
  body: string;
  authorId: string | null;
  createdAt: string;
  changeNote: string | null;
  current: boolean;
}

export interface MacroDetail extends Macro {
  versions: MacroVersion[];
}

export interface MacroBoard {
  folders: { name: string; count: number }[];
  items: Macro[];
}
