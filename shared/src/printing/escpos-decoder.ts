import { type PrintAlign, alignedText } from './print-commands.ts';

/**
 * Reads ESC/POS bytes back: exactly the commands `escpos.ts` emits (and a few close
 * relatives), anything else is an error naming the byte and its offset. For tests that
 * compare what a printer would receive with the receipt that was meant, and for
 * looking at captured print jobs.
 *
 * `items` has the shape of the layout's commands (lines with their alignment, bold and
 * size; QR codes, barcodes, drawer kicks, cuts), so a test can compare the two directly;
 * `ops` is every command in order with its parameters.
 */

export type DecodedOp =
  | { op: 'init' }
  | { op: 'chinese'; on: boolean }
  | { op: 'codeTable'; n: number }
  | { op: 'align'; align: PrintAlign }
  | { op: 'bold'; on: boolean }
  | { op: 'printMode'; n: number }
  | { op: 'size'; width: number; height: number }
  | { op: 'font'; n: number }
  | { op: 'text'; text: string }
  | { op: 'lf' }
  | { op: 'feed'; lines: number }
  | { op: 'qr'; data: string; model: number; moduleSize: number; errorLevel: number }
  | { op: 'barcode'; system: number; data: string; height: number; moduleWidth: number; hri: number }
  | { op: 'image'; width: number; height: number; bits: Uint8Array }
  | { op: 'drawer'; pin: 2 | 5; onMs: number; offMs: number }
  | { op: 'cut'; mode: 'full' | 'partial'; feedToCutter: boolean; feed: number };

export type DecodedItem =
  | { kind: 'line'; text: string; align: PrintAlign; bold: boolean; size: 1 | 2 }
  | { kind: 'qr'; data: string }
  | { kind: 'barcode'; symbology: 'code128' | 'other'; data: string }
  | { kind: 'image'; width: number; height: number }
  | { kind: 'drawer' }
  | { kind: 'feed'; lines: number }
  | { kind: 'cut' };

export interface DecodedEscPos {
  ops: DecodedOp[];
  items: DecodedItem[];
  /** The text of every printed line, in order. */
  lines: string[];
  /** Alignment of each QR code, barcode and image, in order (they are not lines). */
  symbolAlign: PrintAlign[];
}

export class EscPosDecodeError extends Error {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(`${message} at byte ${offset}`);
    this.name = 'EscPosDecodeError';
  }
}

const ESC = 0x1b;
const GS = 0x1d;
const FS = 0x1c;
const LF = 0x0a;
const CR = 0x0d;

const ALIGNS: readonly PrintAlign[] = ['left', 'center', 'right'];

interface Segment {
  bytes: number[];
  bold: boolean;
  width: number;
  height: number;
  chinese: boolean;
}

function decodeSegment(s: Segment, at: number): string {
  const bytes = Uint8Array.from(s.bytes);
  if (!s.chinese) return String.fromCharCode(...bytes); // ASCII only (checked when read)
  try {
    return new TextDecoder('gb18030', { fatal: true }).decode(bytes);
  } catch {
    throw new EscPosDecodeError('text is not valid GB18030', at);
  }
}

/** Code 128 data as sent with GS k 73: "{A"/"{B"/"{C" switch code sets, "{{" is a "{". */
function code128Text(bytes: readonly number[], at: number): string {
  let set: 'A' | 'B' | 'C' | null = null;
  let out = '';
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i]!;
    if (b === 0x7b) {
      const next = bytes[++i];
      if (next === 0x7b) out += '{';
      else if (next === 0x41 || next === 0x42 || next === 0x43) set = String.fromCharCode(next) as 'A' | 'B' | 'C';
      else if (next === undefined) throw new EscPosDecodeError('Code 128 data ends in "{"', at);
      // {1..{4 and {S are function codes; nothing to print.
      continue;
    }
    if (set === null) throw new EscPosDecodeError('Code 128 data must start with a code set ({A, {B or {C)', at);
    out += set === 'C' ? String(b).padStart(2, '0') : String.fromCharCode(b);
  }
  return out;
}

export function decodeEscPos(input: Uint8Array): DecodedEscPos {
  const ops: DecodedOp[] = [];
  const items: DecodedItem[] = [];
  const symbolAlign: PrintAlign[] = [];
  const state = { align: 'left' as PrintAlign, bold: false, width: 1, height: 1, chinese: false, qr: { model: 2, moduleSize: 3, errorLevel: 48, data: '' }, hri: 0, barHeight: 162, barWidth: 3 };
  let segments: Segment[] = [];
  let lineAlign: PrintAlign | null = null;
  let i = 0;

  const need = (n: number) => {
    if (i + n > input.length) throw new EscPosDecodeError(`command needs ${n} more byte(s), only ${input.length - i} left`, i);
  };
  const byte = () => {
    need(1);
    return input[i++]!;
  };
  const reset = () => {
    Object.assign(state, { align: 'left', bold: false, width: 1, height: 1, chinese: false, hri: 0, barHeight: 162, barWidth: 3 });
  };
  const segment = () => {
    const last = segments[segments.length - 1];
    if (last && last.bold === state.bold && last.width === state.width && last.height === state.height && last.chinese === state.chinese) return last;
    const s: Segment = { bytes: [], bold: state.bold, width: state.width, height: state.height, chinese: state.chinese };
    segments.push(s);
    lineAlign ??= state.align;
    return s;
  };
  const endLine = (at: number) => {
    const text = segments.map((s) => decodeSegment(s, at)).join('');
    if (text) ops.push({ op: 'text', text });
    const printed = segments.filter((s) => s.bytes.length > 0);
    const first = printed[0];
    items.push({
      kind: 'line',
      text,
      align: lineAlign ?? state.align,
      bold: printed.length > 0 && printed.every((s) => s.bold),
      size: (first ? first.width : state.width) >= 2 ? 2 : 1,
    });
    segments = [];
    lineAlign = null;
  };
  const pending = () => segments.some((s) => s.bytes.length > 0);

  while (i < input.length) {
    const at = i;
    const b = byte();
    if (b === LF) {
      ops.push({ op: 'lf' });
      endLine(at);
      continue;
    }
    if (b === CR) continue;
    if (b === ESC) {
      const c = byte();
      switch (c) {
        case 0x40: // ESC @
          ops.push({ op: 'init' });
          reset();
          break;
        case 0x61: {
          // ESC a n
          const n = byte() % 48;
          if (n > 2) throw new EscPosDecodeError(`ESC a ${n} is not an alignment`, at);
          state.align = ALIGNS[n]!;
          ops.push({ op: 'align', align: state.align });
          break;
        }
        case 0x45: // ESC E n
          state.bold = (byte() & 1) === 1;
          ops.push({ op: 'bold', on: state.bold });
          break;
        case 0x21: {
          // ESC ! n
          const n = byte();
          state.bold = (n & 0x08) !== 0;
          state.height = n & 0x10 ? 2 : 1;
          state.width = n & 0x20 ? 2 : 1;
          ops.push({ op: 'printMode', n });
          break;
        }
        case 0x74: // ESC t n
          ops.push({ op: 'codeTable', n: byte() });
          break;
        case 0x4d: // ESC M n
          ops.push({ op: 'font', n: byte() % 48 });
          break;
        case 0x64: {
          // ESC d n: print what is pending, feed n lines
          const n = byte();
          let lines = n;
          if (pending()) {
            endLine(at);
            lines -= 1;
          }
          ops.push({ op: 'feed', lines: n });
          if (lines > 0) items.push({ kind: 'feed', lines });
          break;
        }
        case 0x70: {
          // ESC p m t1 t2
          const m = byte();
          const on = byte();
          const off = byte();
          ops.push({ op: 'drawer', pin: (m & 1) === 1 ? 5 : 2, onMs: on * 2, offMs: off * 2 });
          items.push({ kind: 'drawer' });
          break;
        }
        default:
          throw new EscPosDecodeError(`unknown command ESC 0x${c.toString(16).padStart(2, '0')}`, at);
      }
      continue;
    }
    if (b === GS) {
      const c = byte();
      switch (c) {
        case 0x21: {
          // GS ! n
          const n = byte();
          state.width = (n >> 4) + 1;
          state.height = (n & 0x0f) + 1;
          ops.push({ op: 'size', width: state.width, height: state.height });
          break;
        }
        case 0x28: {
          // GS ( k pL pH cn fn ...
          if (byte() !== 0x6b) throw new EscPosDecodeError('only GS ( k (2D codes) is understood', at);
          const len = byte() + 256 * byte();
          need(len);
          const body = input.subarray(i, i + len);
          i += len;
          const [cn, fn, ...rest] = body;
          if (cn !== 49) throw new EscPosDecodeError(`GS ( k symbol ${cn} is not QR (49)`, at);
          if (fn === 65) state.qr.model = rest[0]! - 48;
          else if (fn === 67) state.qr.moduleSize = rest[0]!;
          else if (fn === 69) state.qr.errorLevel = rest[0]!;
          else if (fn === 80) state.qr.data = String.fromCharCode(...rest.slice(1));
          else if (fn === 81) {
            if (pending()) throw new EscPosDecodeError('QR code printed in the middle of a line', at);
            ops.push({ op: 'qr', data: state.qr.data, model: state.qr.model, moduleSize: state.qr.moduleSize, errorLevel: state.qr.errorLevel });
            items.push({ kind: 'qr', data: state.qr.data });
            symbolAlign.push(state.align);
          } else throw new EscPosDecodeError(`GS ( k QR function ${fn} is not understood`, at);
          break;
        }
        case 0x48: // GS H n: HRI position
          state.hri = byte() % 48;
          break;
        case 0x66: // GS f n: HRI font
          byte();
          break;
        case 0x68: // GS h n
          state.barHeight = byte();
          break;
        case 0x77: // GS w n
          state.barWidth = byte();
          break;
        case 0x6b: {
          // GS k m ...
          const m = byte();
          let data: number[];
          if (m <= 6) {
            data = [];
            for (let d = byte(); d !== 0; d = byte()) data.push(d);
          } else {
            const n = byte();
            need(n);
            data = [...input.subarray(i, i + n)];
            i += n;
          }
          if (pending()) throw new EscPosDecodeError('barcode printed in the middle of a line', at);
          const text = m === 73 ? code128Text(data, at) : String.fromCharCode(...data);
          ops.push({ op: 'barcode', system: m, data: text, height: state.barHeight, moduleWidth: state.barWidth, hri: state.hri });
          items.push({ kind: 'barcode', symbology: m === 73 ? 'code128' : 'other', data: text });
          symbolAlign.push(state.align);
          break;
        }
        case 0x76: {
          // GS v 0 m xL xH yL yH d1...dk: raster bit image, x bytes a row
          if (byte() !== 0x30) throw new EscPosDecodeError('only GS v 0 (raster image) is understood', at);
          byte(); // m: density
          const rowBytes = byte() + 256 * byte();
          const height = byte() + 256 * byte();
          need(rowBytes * height);
          const bits = input.slice(i, i + rowBytes * height);
          i += rowBytes * height;
          if (pending()) throw new EscPosDecodeError('image printed in the middle of a line', at);
          ops.push({ op: 'image', width: rowBytes * 8, height, bits });
          items.push({ kind: 'image', width: rowBytes * 8, height });
          symbolAlign.push(state.align);
          break;
        }
        case 0x56: {
          // GS V m [n]
          const m = byte();
          if (pending()) endLine(at);
          if (m === 0 || m === 48 || m === 1 || m === 49) ops.push({ op: 'cut', mode: m % 48 === 0 ? 'full' : 'partial', feedToCutter: false, feed: 0 });
          else if (m === 65 || m === 66) ops.push({ op: 'cut', mode: m === 65 ? 'full' : 'partial', feedToCutter: true, feed: byte() });
          else throw new EscPosDecodeError(`GS V ${m} is not a cut`, at);
          items.push({ kind: 'cut' });
          break;
        }
        default:
          throw new EscPosDecodeError(`unknown command GS 0x${c.toString(16).padStart(2, '0')}`, at);
      }
      continue;
    }
    if (b === FS) {
      const c = byte();
      if (c === 0x26) state.chinese = true; // FS &
      else if (c === 0x2e) state.chinese = false; // FS .
      else throw new EscPosDecodeError(`unknown command FS 0x${c.toString(16).padStart(2, '0')}`, at);
      ops.push({ op: 'chinese', on: state.chinese });
      continue;
    }
    if (b < 0x20 || b === 0x7f) throw new EscPosDecodeError(`unexpected control byte 0x${b.toString(16).padStart(2, '0')}`, at);
    // Text. In Chinese mode a lead byte 0x81–0xFE starts a 2-byte character, or a 4-byte one
    // when the next byte is a digit (GB18030).
    if (b >= 0x80 && !state.chinese) throw new EscPosDecodeError(`text byte 0x${b.toString(16)} outside ASCII without Chinese mode (FS &)`, at);
    const s = segment();
    s.bytes.push(b);
    if (b >= 0x80) {
      if (b === 0x80 || b === 0xff) throw new EscPosDecodeError(`0x${b.toString(16)} is not a GB18030 lead byte`, at);
      const second = byte();
      s.bytes.push(second);
      if (second >= 0x30 && second <= 0x39) {
        need(2);
        s.bytes.push(input[i++]!, input[i++]!);
      }
    }
  }
  if (pending()) endLine(input.length);
  return { ops, items, lines: items.flatMap((it) => (it.kind === 'line' ? [it.text] : [])), symbolAlign };
}

/**
 * Decoded bytes as the paper would show them, one string per printed line, in the same
 * form as `layoutText` (lines aligned within the width, double-size lines at their
 * normal characters, `[QR …]`, `[CODE128 …]`, `-- cut --`), so a test can compare what
 * a printer received with the receipt it expected, line for line.
 */
export function decodedText(decoded: DecodedEscPos, columns: number): string[] {
  const out: string[] = [];
  let symbol = 0;
  for (const it of decoded.items) {
    if (it.kind === 'line') out.push(alignedText(it.text, it.align, Math.floor(columns / it.size)).trimEnd());
    else if (it.kind === 'qr') out.push(alignedText(`[QR ${it.data}]`, decoded.symbolAlign[symbol++] ?? 'left', columns).trimEnd());
    else if (it.kind === 'barcode') out.push(alignedText(`[CODE128 ${it.data}]`, decoded.symbolAlign[symbol++] ?? 'left', columns).trimEnd());
    else if (it.kind === 'image') out.push(alignedText(`[IMAGE ${it.width}x${it.height}]`, decoded.symbolAlign[symbol++] ?? 'left', columns).trimEnd());
    else if (it.kind === 'feed') for (let n = 0; n < it.lines; n++) out.push('');
    else if (it.kind === 'cut') out.push('-- cut --');
  }
  return out;
}
