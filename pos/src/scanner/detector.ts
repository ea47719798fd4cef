/**
 * Tells a keyboard-wedge barcode scanner from a person, wherever focus is.
 *
 * A USB or Bluetooth scanner is a keyboard that types a whole code within a few
 * milliseconds and presses Enter. A person types one key every 100 ms or more. So every
 * printable key is held back (preventDefault) first:
 *  - Enter arrives after at least `minLength` characters that came at scanner speed (the
 *    median interval, Enter included, at most `maxIntervalMs`): a scan. The code goes to
 *    onScan and nothing reaches the focused field, not even the Enter.
 *  - otherwise (a pause of `pauseMs`, a slow Enter, an arrow or Backspace, a shortcut): a
 *    person. The held characters go back to the field they were typed into, in order,
 *    before the next key is handled; the person sees their typing arrive `pauseMs` late.
 *
 * Stalls. A scanner's code is sometimes cut by a gap: a Bluetooth scanner delivers keys in
 * radio packets, and a busy main thread (a re-render, GC, a loaded tablet) can run the pause
 * timer before the scanner's next keys. The characters released by such a pause are kept
 * "retractable" for a moment: if scanner-speed keys follow within `joinGapMs` (stalls of a
 * quarter of a second happen on a loaded tablet) and end in Enter, the released piece is
 * taken back out of the field and the whole code is one scan.
 * The median (not the mean) interval is what makes this safe: one or two stalls do not move
 * it, while a person's typing never has a median anywhere near 40 ms. A piece is joined only
 * if it was itself typed at scanner speed, so a person's "abc" before a scan stays theirs.
 *
 * Timing comes from each event's own timeStamp (when the key was pressed), not from when the
 * handler runs. Left alone: modifier keys on their own (Shift for capital letters in a code),
 * key auto-repeat, IME composition (pinyin input), password fields and anything inside an
 * element marked `data-no-scan`.
 */
export interface ScanDetectorOptions {
  onScan: (code: string) => void;
  /** characters typed by a person while no text field had focus (e.g. start a search) */
  onStrayText?: (text: string) => void;
  /** stray text given back by onStrayText turned out to be the start of a scan: take it back */
  onStrayRetract?: (text: string) => void;
  /** slowest median interval of a scan, ms (a scanner is at 1–10 ms, a person at 80+); default 40 */
  maxIntervalMs?: number;
  /** a pause this long gives held characters back as typing, ms */
  pauseMs?: number;
  /** the longest gap inside one scan, across which a released piece is taken back, ms */
  joinGapMs?: number;
  /** shorter codes are never scans (a person may hit "1", Enter quickly) */
  minLength?: number;
  /**
   * Whether a code is complete as this shop's codes go (a GTIN with its check digit, a
   * receipt number). Lets a scan cut by a long stall be put back together safely.
   */
  isComplete?: (code: string) => boolean;
}

const MODIFIERS = new Set(['Shift', 'Control', 'Alt', 'AltGraph', 'Meta', 'CapsLock', 'NumLock', 'Fn', 'OS']);

interface Key {
  key: string;
  time: number;
  target: EventTarget | null;
}

/** Where released characters went, so they can be taken back. */
type Placement = { kind: 'field'; el: HTMLInputElement | HTMLTextAreaElement; start: number; text: string } | { kind: 'stray'; text: string };

interface Released {
  keys: Key[];
  placements: Placement[];
}

function isTextField(el: unknown): el is HTMLInputElement | HTMLTextAreaElement {
  if (el instanceof HTMLTextAreaElement) return !el.readOnly && !el.disabled;
  if (!(el instanceof HTMLInputElement)) return false;
  const textLike = ['text', 'search', 'tel', 'url', 'email', 'number', 'password', ''];
  return textLike.includes(el.type) && !el.readOnly && !el.disabled;
}

function optedOut(target: EventTarget | null): boolean {
  if (!(target instanceof Element)) return false;
  if (target instanceof HTMLInputElement && target.type === 'password') return true;
  return target.closest('[data-no-scan]') !== null;
}

function median(values: number[]): number {
  if (values.length === 0) return Infinity;
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/**
 * Puts text into a field as if typed: at the caret, with an `input` event so v-model sees
 * it. execCommand('insertText') keeps the browser's undo stack; where it is missing or
 * refused (jsdom, number inputs in some engines) the value is edited directly. Returns
 * where the text starts, to take it back if needed.
 */
export function insertIntoField(el: HTMLInputElement | HTMLTextAreaElement, text: string): number {
  let start = el.value.length;
  try {
    start = el.selectionStart ?? el.value.length;
  } catch {
    // type=number has no selection
  }
  if (document.activeElement === el && typeof document.execCommand === 'function') {
    try {
      if (document.execCommand('insertText', false, text)) return start;
    } catch {
      // fall through to the direct edit
    }
  }
  try {
    el.setRangeText(text, start, el.selectionEnd ?? start, 'end');
  } catch {
    el.value += text;
  }
  el.dispatchEvent(new InputEvent('input', { bubbles: true, data: text, inputType: 'insertText' }));
  return start;
}

/** Takes released text back out of a field, if it is still where it was put. */
function retract(p: Placement, onStray?: (text: string) => void): void {
  if (p.kind === 'stray') return onStray?.(p.text);
  const { el, start, text } = p;
  if (el.value.slice(start, start + text.length) !== text) return; // edited since: leave it
  el.value = el.value.slice(0, start) + el.value.slice(start + text.length);
  try {
    el.setSelectionRange(start, start);
  } catch {
    // no selection API
  }
  el.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'deleteContentBackward' }));
}

export class ScanDetector {
  private held: Key[] = [];
  /** pieces released by a pause that a scan may still claim, oldest first */
  private recent: Released[] = [];
  private timer: ReturnType<typeof setTimeout> | undefined;
  private deferrals = 0;
  private readonly maxInterval: number;
  private readonly pause: number;
  private readonly joinGap: number;
  private readonly minLength: number;

  constructor(private readonly options: ScanDetectorOptions) {
    // ~30 ms is the textbook line; 40 leaves headroom for a loaded tablet, where even a real
    // scanner's keys reach the page unevenly, and is still half the fastest person's pace.
    this.maxInterval = options.maxIntervalMs ?? 40;
    this.pause = options.pauseMs ?? 50;
    this.joinGap = options.joinGapMs ?? 400;
    this.minLength = options.minLength ?? 4;
  }

  /** The keydown handler; install in the capture phase of window so it runs first. */
  readonly handleKeydown = (e: KeyboardEvent): void => {
    if (e.isComposing || e.key === 'Process' || e.keyCode === 229) return this.personActs();
    if (MODIFIERS.has(e.key)) return;
    if (optedOut(e.target)) return this.personActs();
    const time = e.timeStamp;
    const last = this.held.at(-1);
    if (last && time - last.time > this.pause) this.releaseHeld(true);

    if (e.key === 'Enter') {
      const code = this.scanEndingAt(time);
      if (code !== null) {
        e.preventDefault();
        e.stopImmediatePropagation();
        this.options.onScan(code);
      } else {
        this.personActs(); // the person's Enter then does what Enter does, after their text
      }
      return;
    }
    const printable = e.key.length === 1 && !e.ctrlKey && !e.metaKey && !e.altKey;
    if (!printable || e.repeat) {
      // Backspace, arrows, Tab, F-keys, shortcuts, a key held down (auto-repeat): a person.
      // The held text goes in first; the key itself then does what it does.
      return this.personActs();
    }
    e.preventDefault();
    this.held.push({ key: e.key, time, target: e.target });
    clearTimeout(this.timer);
    this.deferrals = 0;
    this.timer = setTimeout(this.onPause, this.pause);
  };

  /**
   * The pause timer. Where the browser can tell that input is already queued (Chromium's
   * isInputPending), a busy main thread waits for it instead of cutting the code in two.
   */
  private readonly onPause = (): void => {
    const scheduling = (navigator as Navigator & { scheduling?: { isInputPending?: () => boolean } }).scheduling;
    if (scheduling?.isInputPending?.() && this.deferrals < 20) {
      this.deferrals += 1;
      this.timer = setTimeout(this.onPause, 5);
      return;
    }
    this.releaseHeld(true);
  };

  private fast(keys: Key[], end?: number, limit = this.maxInterval): boolean {
    const times = keys.map((k) => k.time);
    if (end !== undefined) times.push(end);
    if (times.length < 2) return true;
    return median(times.slice(1).map((t, i) => t - times[i]!)) <= limit;
  }

  /**
   * The scanned code if the keys up to this Enter are a scan, else null (nothing changed).
   *
   * Candidates are the held keys alone, then with each earlier released piece joined in
   * front. Which one wins:
   *  1. with `isComplete` (the app knows what its codes look like: GTINs with a valid check
   *     digit, receipt numbers), the longest candidate that is a complete code, joining
   *     pieces up to `LOOSE_JOIN_MS` back: a person cannot produce the missing half of an
   *     EAN-13 with a valid check digit by accident, so the join is safe even across a long
   *     stall;
   *  2. otherwise the longest candidate that joins strictly: each piece within `joinGapMs`,
   *     itself no slower than the pause, and never two one-key pieces in a row (that is a
   *     person typing key by key).
   * Either way the whole code must be scanner-fast by its median interval.
   */
  private scanEndingAt(enterTime: number): string | null {
    const LOOSE_JOIN_MS = 2000;
    type Candidate = { keys: Key[]; claimed: number; strict: boolean };
    const candidates: Candidate[] = [{ keys: [...this.held], claimed: 0, strict: true }];
    let keys = [...this.held];
    let strict = true;
    for (let i = this.recent.length - 1; i >= 0; i--) {
      const piece = this.recent[i]!;
      const gap = (keys[0]?.time ?? enterTime) - piece.keys.at(-1)!.time;
      if (gap > LOOSE_JOIN_MS) break;
      const before = this.recent[i - 1];
      const keyByKey = piece.keys.length === 1 && before?.keys.length === 1 && piece.keys[0]!.time - before.keys[0]!.time <= this.joinGap;
      if (gap > this.joinGap || !this.fast(piece.keys, undefined, this.pause) || keyByKey) strict = false;
      keys = [...piece.keys, ...keys];
      candidates.push({ keys, claimed: candidates.length, strict });
    }
    const text = (c: Candidate) => c.keys.map((k) => k.key).join('');
    const plausible = (c: Candidate) => {
      const last = c.keys.at(-1);
      return !!last && c.keys.length >= this.minLength && enterTime - last.time <= this.joinGap && this.fast(c.keys, enterTime);
    };
    const complete = this.options.isComplete;
    const chosen =
      (complete ? [...candidates].reverse().find((c) => plausible(c) && complete(text(c))) : undefined) ??
      [...candidates].reverse().find((c) => c.strict && plausible(c));
    if (!chosen) return null;
    const taken = this.recent.splice(this.recent.length - chosen.claimed, chosen.claimed);
    for (const piece of taken.reverse()) for (const p of [...piece.placements].reverse()) retract(p, this.options.onStrayRetract);
    this.clearHeld();
    this.recent = [];
    return text(chosen);
  }

  private clearHeld(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.held = [];
  }

  /** A person did something only a person does: give back what is held, forget old pieces. */
  private personActs(): void {
    this.releaseHeld(false);
    this.recent = [];
  }

  /** Gives held characters back as typing, to the field each was typed into. */
  private releaseHeld(retractable: boolean): void {
    const held = this.held;
    this.clearHeld();
    if (held.length === 0) return;
    const placements: Placement[] = [];
    let i = 0;
    while (i < held.length) {
      const target = held[i]!.target;
      let text = '';
      while (i < held.length && held[i]!.target === target) text += held[i++]!.key;
      const el = isTextField(target) && target.isConnected ? target : isTextField(document.activeElement) ? document.activeElement : null;
      if (el) placements.push({ kind: 'field', el, start: insertIntoField(el, text), text });
      else {
        this.options.onStrayText?.(text);
        placements.push({ kind: 'stray', text });
      }
    }
    if (!retractable) return;
    this.recent.push({ keys: held, placements });
    // Only the last few pieces can ever join a scan.
    if (this.recent.length > 16) this.recent.shift();
  }

  /** Gives back whatever is held (on detach). */
  release(): void {
    this.personActs();
  }

  dispose(): void {
    this.clearHeld();
    this.recent = [];
  }
}

/** Installs a detector on the window (capture phase); returns the function that removes it. */
export function attachScanDetector(options: ScanDetectorOptions, target: Window = window): () => void {
  const detector = new ScanDetector(options);
  target.addEventListener('keydown', detector.handleKeydown, { capture: true });
  return () => {
    target.removeEventListener('keydown', detector.handleKeydown, { capture: true });
    detector.release();
    detector.dispose();
  };
}
