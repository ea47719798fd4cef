import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { attachScanDetector } from './detector.ts';

/**
 * jsdom gives synthetic key events no default action, so the browser's "a key typed into a
 * focused field inserts its character" is simulated by a listener on the field that runs
 * after the detector (capture on window) and only for events nobody prevented. Time is
 * driven by fake timers: each event's timeStamp is Date.now() when it is created.
 */
let input: HTMLInputElement;
let other: HTMLInputElement;
let scans: string[];
let stray: string[];
let detach: () => void;
let enters: number;

function browserDefault(this: HTMLInputElement, e: KeyboardEvent): void {
  if (e.defaultPrevented) return;
  if (e.key === 'Enter') enters += 1;
  else if (e.key.length === 1) {
    this.value += e.key;
    this.dispatchEvent(new Event('input', { bubbles: true }));
  }
}

beforeEach(() => {
  vi.useFakeTimers({ now: 1_000_000 });
  document.body.innerHTML = '<input id="a" /><input id="b" /><button id="btn">x</button><input id="pin" type="password" />';
  input = document.getElementById('a') as HTMLInputElement;
  other = document.getElementById('b') as HTMLInputElement;
  for (const el of [input, other, document.getElementById('pin') as HTMLInputElement]) el.addEventListener('keydown', browserDefault);
  scans = [];
  stray = [];
  enters = 0;
  detach = attachScanDetector({
    onScan: (c) => scans.push(c),
    onStrayText: (t) => stray.push(t),
    onStrayRetract: (t) => stray.push(`-${t}`),
  });
});
afterEach(() => {
  detach();
  vi.useRealTimers();
});

function key(target: Element, k: string, init: KeyboardEventInit = {}): KeyboardEvent {
  const e = new KeyboardEvent('keydown', { key: k, bubbles: true, cancelable: true, ...init });
  target.dispatchEvent(e);
  return e;
}

/** Types `text` then Enter into `target`, one key every `delayMs`. */
function type(target: Element, text: string, delayMs: number, enter = true): void {
  for (const ch of text) {
    key(target, ch);
    vi.advanceTimersByTime(delayMs);
  }
  if (enter) key(target, 'Enter');
}

describe('scan detector', () => {
  it('treats a fast burst ending in Enter as a scan, even with focus in a field, and nothing leaks into it', () => {
    input.focus();
    type(input, '6901234567892', 3);
    expect(scans).toEqual(['6901234567892']);
    expect(input.value).toBe('');
    expect(enters).toBe(0); // the scanner's Enter does not submit the field's form
    vi.advanceTimersByTime(1000);
    expect(input.value).toBe('');
  });

  it('treats slow typing as a person: each character arrives in the field, no scan', () => {
    input.focus();
    type(input, '1234', 120);
    vi.advanceTimersByTime(200);
    expect(scans).toEqual([]);
    expect(input.value).toBe('1234');
    expect(enters).toBe(1); // the person's Enter does what Enter does
  });

  it('a burst that is fast but too short is typing (a person hitting "1", Enter)', () => {
    input.focus();
    type(input, '12', 5);
    expect(scans).toEqual([]);
    expect(input.value).toBe('12');
    expect(enters).toBe(1);
  });

  it('a quick typist without Enter gets the text back after the pause, in order', () => {
    input.focus();
    type(input, 'cola', 20, false);
    expect(input.value).toBe('');
    vi.advanceTimersByTime(60);
    expect(input.value).toBe('cola');
    expect(scans).toEqual([]);
  });

  it('a fast typist (45 ms a key, never pausing long enough to release) is still a person', () => {
    input.focus();
    type(input, '6901234', 45);
    expect(scans).toEqual([]);
    expect(input.value).toBe('6901234');
    expect(enters).toBe(1);
  });

  it('gives held text back before Backspace or an arrow is handled', () => {
    input.focus();
    key(input, 'a');
    key(input, 'Backspace');
    expect(input.value).toBe('a');
  });

  it('ignores Shift so codes with capitals still scan', () => {
    input.focus();
    for (const ch of 'S01-A3F9C2-000001') {
      if (/[A-Z]/.test(ch)) key(input, 'Shift');
      key(input, ch, { shiftKey: /[A-Z]/.test(ch) });
      vi.advanceTimersByTime(2);
    }
    key(input, 'Enter');
    expect(scans).toEqual(['S01-A3F9C2-000001']);
    expect(input.value).toBe('');
  });

  it('scans with focus on a button or nowhere, and a person typing there starts a search', () => {
    (document.getElementById('btn') as HTMLButtonElement).focus();
    type(document.body, '6901234567892', 2);
    expect(scans).toEqual(['6901234567892']);
    type(document.body, 'kkkl', 150, false);
    vi.advanceTimersByTime(100);
    expect(stray.join('')).toBe('kkkl');
  });

  it('puts text back into the field it was typed in', () => {
    input.focus();
    key(input, 'x');
    other.focus();
    vi.advanceTimersByTime(100);
    expect(input.value).toBe('x');
    expect(other.value).toBe('');
  });

  it('leaves password fields and IME composition alone', () => {
    const pin = document.getElementById('pin') as HTMLInputElement;
    pin.focus();
    type(pin, '123456', 2);
    expect(scans).toEqual([]);
    expect(pin.value).toBe('123456');
    input.focus();
    const e = key(input, 'Process', { isComposing: true } as KeyboardEventInit);
    expect(e.defaultPrevented).toBe(false);
  });

  it('recovers a scan cut by a stall: the piece given back is taken out of the field again', () => {
    input.focus();
    type(input, '6910', 3, false);
    vi.advanceTimersByTime(95); // the pause timer fires mid-code (busy tablet, Bluetooth packet)
    expect(input.value).toBe('6910');
    type(input, '015838007', 3);
    expect(scans).toEqual(['6910015838007']);
    expect(input.value).toBe('');
  });

  it('recovers stalls after the first key and twice in one code', () => {
    input.focus();
    type(input, '6', 120, false);
    type(input, '91001', 3, false);
    vi.advanceTimersByTime(80);
    type(input, '5', 90, false);
    type(input, '838007', 3);
    expect(scans).toEqual(['6910015838007']);
    expect(input.value).toBe('');
  });

  it('takes back stray text a stall gave to the search', () => {
    type(document.body, '6910', 3, false);
    vi.advanceTimersByTime(100);
    type(document.body, '015838007', 3);
    expect(scans).toEqual(['6910015838007']);
    expect(stray).toEqual(['6910', '-6910']);
  });

  it('never claims what a person typed key by key just before scanning', () => {
    input.focus();
    type(input, 'abc', 120, false);
    type(input, '6910015838007', 3);
    expect(scans).toEqual(['6910015838007']);
    expect(input.value).toBe('abc');
  });

  it('a person typing 4+ digits key by key and Enter is never a scan, whatever the stalls', () => {
    input.focus();
    type(input, '12345678', 110);
    expect(scans).toEqual([]);
    expect(input.value).toBe('12345678');
  });

  it('a held-down key (auto-repeat) is a person', () => {
    input.focus();
    key(input, '0');
    for (let i = 0; i < 6; i++) {
      vi.advanceTimersByTime(2);
      key(input, '0', { repeat: true });
    }
    key(input, 'Enter');
    expect(scans).toEqual([]);
    expect(input.value).toBe('0000000');
  });

  it('with a code-shape check, puts back a code cut by stalls on the first two keys', () => {
    detach();
    detach = attachScanDetector({ onScan: (c) => scans.push(c), isComplete: (c) => /^\d{13}$/.test(c) && c.startsWith('69') });
    input.focus();
    type(input, '6', 90, false);
    type(input, '9', 90, false); // two one-key pieces in a row: without the check, a person
    type(input, '10015838007', 3);
    expect(scans).toEqual(['6910015838007']);
    expect(input.value).toBe('');
  });

  it('with a code-shape check, joins across a stall longer than the strict window', () => {
    detach();
    detach = attachScanDetector({ onScan: (c) => scans.push(c), isComplete: (c) => /^\d{13}$/.test(c) });
    input.focus();
    type(input, '691001', 3, false);
    vi.advanceTimersByTime(900);
    type(input, '5838007', 3);
    expect(scans).toEqual(['6910015838007']);
    expect(input.value).toBe('');
  });

  it('with a code-shape check, a person’s text before a complete scan stays theirs', () => {
    detach();
    detach = attachScanDetector({ onScan: (c) => scans.push(c), isComplete: (c) => /^\d{13}$/.test(c) });
    input.focus();
    type(input, 'ab', 120, false);
    type(input, '6910015838007', 3);
    expect(scans).toEqual(['6910015838007']);
    expect(input.value).toBe('ab');
  });

  it('scans twice in a row', () => {
    input.focus();
    type(input, '6901234567892', 2);
    vi.advanceTimersByTime(300);
    type(input, '6909876543210', 2);
    expect(scans).toEqual(['6901234567892', '6909876543210']);
    expect(input.value).toBe('');
  });

  it('stops listening when detached', () => {
    detach();
    input.focus();
    type(input, '6901234567892', 2);
    expect(scans).toEqual([]);
    expect(input.value).toBe('6901234567892');
    detach = () => undefined;
  });
});
