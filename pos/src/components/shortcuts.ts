/** Till actions a PC keyboard reaches without the mouse; listed in the help dialog (F1). */
export type ShortcutAction = 'help' | 'search' | 'customer' | 'camera' | 'park' | 'parked' | 'discount' | 'pay' | 'returns' | 'removeLine';

export const SHORTCUTS: readonly { key: string; label: string; action: ShortcutAction | 'close'; help: string }[] = [
  { key: 'F1', label: 'F1', action: 'help', help: 'f1' },
  { key: 'F2', label: 'F2', action: 'search', help: 'f2' },
  { key: 'F3', label: 'F3', action: 'customer', help: 'f3' },
  { key: 'F4', label: 'F4', action: 'camera', help: 'f4' },
  { key: 'F6', label: 'F6', action: 'park', help: 'f6' },
  { key: 'F7', label: 'F7', action: 'parked', help: 'f7' },
  { key: 'F8', label: 'F8', action: 'discount', help: 'f8' },
  { key: 'F9', label: 'F9', action: 'pay', help: 'f9' },
  { key: 'F10', label: 'F10', action: 'returns', help: 'f10' },
  { key: 'Delete', label: 'Del', action: 'removeLine', help: 'del' },
  { key: 'Escape', label: 'Esc', action: 'close', help: 'esc' },
];

/** The action for a key press, or null; Delete only counts outside text fields. */
export function shortcutFor(e: KeyboardEvent): ShortcutAction | null {
  if (e.ctrlKey || e.metaKey || e.altKey) return null;
  const hit = SHORTCUTS.find((s) => s.key === e.key);
  if (!hit || hit.action === 'close') return null;
  if (hit.action === 'removeLine') {
    const el = e.target;
    if (el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement || (el instanceof HTMLElement && el.isContentEditable)) return null;
  }
  return hit.action;
}
