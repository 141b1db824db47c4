// Answers of /api/v1/macros: the server's view types (type-only, erased from the bundle).

export type {
  MacroDetailView as MacroDetail, MacroVersionView as MacroVersion, MacroView as Macro,
} from '../../../services/macros/macro-view.js';
export type { MacroListView as MacroBoard } from '../../../services/macros/list-macros.js';
