import { useEffect, useRef } from 'react';

function isTyping(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  if (!el) return false;
  return el.tagName === 'INPUT' || el.tagName === 'TEXTAREA' || el.tagName === 'SELECT' || el.isContentEditable;
}

/**
 * j/k or the arrows move through a list and Enter opens the current item (issue 8), unless the
 * reader is typing; Escape leaves a field for the list.
 */
export function useListKeys(count: number, active: number, onMove: (index: number) => void, onOpen: (index: number) => void): void {
  const state = useRef({ count, active, onMove, onOpen });
  state.current = { count, active, onMove, onOpen };
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.metaKey || e.ctrlKey || e.altKey) return;
      if (isTyping(e.target)) {
        if (e.key === 'Escape') (e.target as HTMLElement).blur();
        return;
      }
      const s = state.current;
      const move = (delta: number) => {
        e.preventDefault();
        if (s.count > 0) s.onMove(Math.max(0, Math.min(s.count - 1, s.active + delta)));
      };
      if (e.key === 'j' || e.key === 'ArrowDown') move(1);
      else if (e.key === 'k' || e.key === 'ArrowUp') move(-1);
      else if (e.key === 'Enter' && !(e.target instanceof HTMLAnchorElement) && !(e.target instanceof HTMLButtonElement) && s.count > 0) {
        e.preventDefault();
        s.onOpen(s.active);
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);
}
