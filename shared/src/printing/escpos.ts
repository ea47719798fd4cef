import type { Connection } from 'escpos-buffer';
import { base64ToBytes } from './print-job.ts';
import type { PrintAlign, ReceiptLayout } from './print-commands.ts';
import { printableText } from './text-width.ts';

/**
 * Abstract layout → ESC/POS bytes, produced by `escpos-buffer` over an in-memory
 * connection. The printer is driven in its Chinese mode (FS &), where text is GB18030
 * (GBK for the characters a GBK printer knows): escpos-buffer encodes every line with
 * iconv-lite. What escpos-buffer has no call for (Code 128, GS V cut) is written as
 * raw ESC/POS to the same connection, in order.
 *
 * escpos-buffer is loaded on first use, not when `@shopbook/shared` is imported: it
 * uses Node's `Buffer`, which a browser lacks unless the app provides it (see
 * `escPosSupported`). The back office, which never prints ESC/POS, never loads it.
 */

export interface EscPosOptions {
  /** Drawer kick connector pin: 2 (default) or 5. */
  drawerPin?: 2 | 5;
  /** QR module size in dots (1–16); default 6 on 80 mm paper, 4 on narrower. */
  qrModuleSize?: number;
  /** Code 128 bar height in dots; default 80 (10 mm at 203 dpi). */
  barcodeHeight?: number;
  /** 'partial' (default) or 'full' cut after feeding to the cutter; 'none' for printers without one. */
  cut?: 'partial' | 'full' | 'none';
}

type EscposModule = typeof import('escpos-buffer');
type EpsonClass = typeof import('escpos-buffer/dist/profile/Epson.js').default;

const ESC = 0x1b;
const GS = 0x1d;

/** escpos-buffer is CommonJS; Node, Vite and vitest hand its exports over differently. */
function unwrap<T>(mod: unknown, found: (m: unknown) => boolean): T {
  let m = mod;
  for (let i = 0; i < 3 && m && !found(m); i++) m = (m as { default?: unknown }).default;
  if (!m || !found(m)) throw new Error('escpos-buffer did not load as expected');
  return m as T;
}

let loading: Promise<{ lib: EscposModule; Epson: EpsonClass }> | undefined;

function loadEscpos() {
  loading ??= Promise.all([import('escpos-buffer'), import('escpos-buffer/dist/profile/Epson.js')]).then(
    ([lib, epson]) => ({
      lib: unwrap<EscposModule>(lib, (m) => typeof (m as EscposModule).Printer === 'function'),
      Epson: unwrap<EpsonClass>(epson, (m) => typeof m === 'function'),
    }),
    (error: unknown) => {
      loading = undefined;
      throw error;
    },
  );
  return loading;
}

/**
 * Whether this runtime can build ESC/POS bytes: escpos-buffer needs a global `Buffer`
 * (Node has one; a browser app must install one, e.g. the `buffer` package, before
 * printing).
 */
export function escPosSupported(): boolean {
  return typeof (globalThis as { Buffer?: unknown }).Buffer === 'function';
}

/** An in-memory escpos-buffer connection that keeps plain bytes. */
class ByteSink implements Connection {
  private chunks: Uint8Array[] = [];

  async open(): Promise<void> {
    this.chunks = [];
  }

  async write(data: Uint8Array): Promise<void> {
    this.chunks.push(Uint8Array.from(data));
  }

  async close(): Promise<void> {}

  bytes(): Uint8Array {
    const out = new Uint8Array(this.chunks.reduce((n, c) => n + c.length, 0));
    let at = 0;
    for (const c of this.chunks) {
      out.set(c, at);
      at += c.length;
    }
    return out;
  }
}

/** Code 128 code set B, HRI text below, centred by the caller. */
function code128(data: string, height: number, dotsAvailable: number): Uint8Array {
  // "{B" selects code set B; a literal "{" is written "{{".
  const payload = [...`{B${data.replace(/\{/g, '{{')}`].map((c) => c.charCodeAt(0));
  const modules = 11 * (data.length + 3) + 2;
  const moduleWidth = modules * 3 <= dotsAvailable ? 3 : 2;
  return Uint8Array.from([
    GS, 0x48, 2, // GS H: HRI below
    GS, 0x66, 0, // GS f: HRI in font A
    GS, 0x68, height, // GS h: bar height
    GS, 0x77, moduleWidth, // GS w: module width
    GS, 0x6b, 73, payload.length, ...payload, // GS k m=73 (CODE128) n d1..dn
  ]);
}

/**
 * GS v 0: a raster bit image, rows of dots MSB first. escpos-buffer draws images with
 * ESC * column bands, which many GB18030 printers render with gaps between bands; the
 * raster command prints in one pass on every ESC/POS printer since the TM-T88III.
 */
function rasterImage(width: number, height: number, data: string): Uint8Array {
  const bits = base64ToBytes(data);
  const rowBytes = width / 8;
  return Uint8Array.from([GS, 0x76, 0x30, 0, rowBytes & 0xff, rowBytes >> 8, height & 0xff, height >> 8, ...bits]);
}

/** Turns a laid-out receipt into the bytes for an ESC/POS printer. */
export async function escPosBytes(layout: ReceiptLayout, options: EscPosOptions = {}): Promise<Uint8Array> {
  if (!escPosSupported()) {
    throw new Error('ESC/POS needs a global Buffer (escpos-buffer uses it): install one before printing, or use the HTML receipt');
  }
  const { lib, Epson } = await loadEscpos();
  const { Align, Drawer, Model, Printer, Style } = lib;
  const columns = layout.columns;
  const profile = new Epson({
    model: 'ESC/POS GB18030',
    profile: 'epson',
    brand: 'Generic',
    columns,
    feed: 0,
    fonts: [{ name: 'Font A', columns }],
    codepage: 'gb18030',
    // ESC @ resets the printer; FS & (the code page "command") enters Chinese mode.
    initialize: '\x1B@',
    codepages: [{ code: 'gb18030', command: '\x1C&' }],
  });
  const sink = new ByteSink();
  const printer = await Printer.CONNECT(new Model(profile), sink);
  const align = (a: PrintAlign) => (a === 'center' ? Align.Center : a === 'right' ? Align.Right : Align.Left);
  const dots = columns * 12;

  for (const c of layout.commands) {
    switch (c.kind) {
      case 'line': {
        const text = printableText(c.text);
        if (c.size === 2) {
          // GS ! (withStyle) doubles Chinese and Latin alike; ESC ! would leave Chinese small.
          await printer.withStyle({ width: 2, height: 2, bold: c.bold, align: align(c.align) }, () => printer.writeln(text));
        } else {
          await printer.writeln(text, c.bold ? Style.Bold : 0, align(c.align));
        }
        break;
      }
      case 'qr':
        await printer.setAlignment(Align.Center);
        await printer.qrcode(c.data, options.qrModuleSize ?? (columns >= 40 ? 6 : 4));
        await printer.setAlignment(Align.Left);
        break;
      case 'barcode':
        await printer.setAlignment(Align.Center);
        await sink.write(code128(c.data, options.barcodeHeight ?? 80, dots));
        await printer.setAlignment(Align.Left);
        break;
      case 'image':
        await printer.setAlignment(Align.Center);
        await sink.write(rasterImage(c.width, c.height, c.data));
        await printer.setAlignment(Align.Left);
        break;
      case 'drawer':
        await printer.drawer(options.drawerPin === 5 ? Drawer.Second : Drawer.First, 120, 240);
        break;
      case 'cut':
        // GS V 66 0: feed to the cutter, then cut (partial); 65 cuts fully.
        if (options.cut !== 'none') await sink.write(Uint8Array.from([GS, 0x56, options.cut === 'full' ? 65 : 66, 0]));
        break;
    }
  }
  await printer.close();
  return sink.bytes();
}

/** The bytes that only open the cash drawer (the till's "no sale" button). */
export function drawerKickBytes(pin: 2 | 5 = 2): Uint8Array {
  return Uint8Array.from([ESC, 0x40, ESC, 0x70, pin === 5 ? 1 : 0, 60, 120]);
}
