import { useSyncExternalStore } from 'react';
import type { Filters } from '../pages/queues/queue-filters';

// Saved queue views (issue 8 item 5): a queue plus its filters under a name, kept in this browser
// per person (localStorage) — a view is a personal shortcut, not shared desk state, and needs no
// server table. A broken or foreign entry is dropped rather than trusted.

export interface SavedView {
  id: string;
  name: string;
  queueKey: string;
  filters: Filters;
}

const EVENT = 'ladder:saved-views';
const keyOf = (userId: string) => `ladder.savedViews.${userId}`;
const snapshots = new Map<string, { raw: string | null; views: SavedView[] }>();

function isView(v: unknown): v is SavedView {
  const x = v as SavedView;
  return typeof x?.id === 'string' && typeof x.name === 'string' && typeof x.queueKey === 'string' && typeof x.filters === 'object' && x.filters !== null;
}

function read(userId: string): SavedView[] {
  let raw: string | null = null;
  try {
    raw = window.localStorage.getItem(keyOf(userId));
  } catch {
    raw = null;
  }
  const cached = snapshots.get(userId);
  if (cached && cached.raw === raw) return cached.views;
  let views: SavedView[] = [];
  try {
    const parsed = raw ? (JSON.parse(raw) as unknown) : [];
    views = Array.isArray(parsed) ? parsed.filter(isView) : [];
  } catch {
    views = [];
  }
  snapshots.set(userId, { raw, views });
  return views;
}

function write(userId: string, views: SavedView[]): void {
  try {
    window.localStorage.setItem(keyOf(userId), JSON.stringify(views));
  } catch {
    // storage full or disabled: the view lives until the page reloads
  }
  window.dispatchEvent(new Event(EVENT));
}

function subscribe(onChange: () => void): () => void {
  window.addEventListener(EVENT, onChange);
  window.addEventListener('storage', onChange);
  return () => {
    window.removeEventListener(EVENT, onChange);
    window.removeEventListener('storage', onChange);
  };
}

export function useSavedViews(userId: string): SavedView[] {
  return useSyncExternalStore(subscribe, () => read(userId));
}

export function saveView(userId: string, view: Omit<SavedView, 'id'>): SavedView {
  const saved = { ...view, id: `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}` };
  write(userId, [...read(userId).filter((v) => v.name !== view.name), saved]);
  return saved;
}

export function deleteView(userId: string, id: string): void {
  write(userId, read(userId).filter((v) => v.id !== id));
}
