import type { LogoRaster } from './logo.ts';
import { padEndColumns, padStartColumns, printableText, textWidth, wrapColumns } from './text-width.ts';

/**
 * The abstract receipt: what to print, already laid out in columns, independent of the
 * printer language. `escpos.ts` turns it into ESC/POS bytes, `html-receipt.ts` into a
 * page for the browser's print dialog.
 */

export type PrintAlign = 'left' | 'center' | 'right';

/** One column of a tabular line; widths add up to the line's width. */
export interface PrintCell {
  text: string;
  width: number;
  align: 'left' | 'right';
}

export interface PrintLine {
  kind: 'line';
  /**
   * Exactly what the printer gets for this line. Left-aligned rows are padded to the
   * full width here; centred and right-aligned lines are not padded (the printer aligns
   * them). Never wider than `columns / size`.
   */
  text: string;
  align: PrintAlign;
  bold: boolean;
  /** 2 = double width and double height: the line holds half as many columns. */
  size: 1 | 2;
  /** For tabular lines: the cells `text` was built from, for renderers without fixed columns. */
  cells?: PrintCell[];
}

export type PrintCommand =
  | PrintLine
  /**
   * A QR code (model 2), centred. Data is printable ASCII. `alt` is a short ASCII code
   * for the same document (the receipt number) that renderers without QR codes (the
   * HTML receipt) print as a Code 128 barcode instead.
   */
  | { kind: 'qr'; data: string; alt?: string }
  /** A Code 128 barcode (code set B) with its text below, centred. Data is printable ASCII. */
  | { kind: 'barcode'; symbology: 'code128'; data: string }
  /** A raster image (the store's logo), centred. */
  | ({ kind: 'image' } & LogoRaster)
  /** Open the cash drawer (pulse on the drawer kick connector). */
  | { kind: 'drawer' }
  /** Feed past the cutter and cut. */
  | { kind: 'cut' };

export interface ReceiptLayout {
  /** Characters per line in the normal font: 32 on 58 mm paper, 48 on 80 mm. */
  columns: number;
  /** For the HTML page title and logs: the receipt number or report name. */
  title: string;
  commands: PrintCommand[];
}

export const PAPER_COLUMNS = { 58: 32, 80: 48 } as const;
export type PaperWidth = keyof typeof PAPER_COLUMNS;

export interface LineStyle {
  align?: PrintAlign;
  bold?: boolean;
  size?: 1 | 2;
}

const ASCII_DATA = /^[\x20-\x7e]+$/;

/** Builds a layout line by line; every method keeps each line within the width. */
export class LayoutBuilder {
  readonly commands: PrintCommand[] = [];

  constructor(readonly columns: number) {
    if (!Number.isInteger(columns) || columns < 16 || columns > 96) {
      throw new RangeError(`columns must be an integer from 16 to 96, got ${columns}`);
    }
  }

  /** Columns available to a line of the given size. */
  widthFor(size: 1 | 2 = 1): number {
    return Math.floor(this.columns / size);
  }

  private push(text: string, style: LineStyle, cells?: PrintCell[]): void {
    const line: PrintLine = { kind: 'line', text, align: style.align ?? 'left', bold: style.bold ?? false, size: style.size ?? 1 };
    if (cells) line.cells = cells;
    this.commands.push(line);
  }

  /** Free text, wrapped; `\n` starts a new line; empty input prints nothing. */
  text(text: string, style: LineStyle = {}): this {
    const width = this.widthFor(style.size);
    for (const paragraph of text.split(/\r?\n/)) {
      if (printableText(paragraph).trim() === '') continue;
      for (const line of wrapColumns(paragraph, width)) this.push(line, style);
    }
    return this;
  }

  blank(): this {
    this.push('', {});
    return this;
  }

  rule(char: '-' | '=' = '-'): this {
    this.push(char.repeat(this.columns), {});
    return this;
  }

  /**
   * A label on the left and a value on the right edge. A label too long for the line
   * wraps, with the value on its last line; a value too long to share a line goes on a
   * line of its own, right-aligned.
   */
  row(label: string, value: string, style: Omit<LineStyle, 'align'> = {}): this {
    const width = this.widthFor(style.size);
    const right = printableText(value);
    const rw = textWidth(right);
    const labelWidth = width - rw - 1;
    if (labelWidth < 4) {
      this.text(label, style);
      return this.cellsLine([{ text: right, width, align: 'right' }], style);
    }
    const lines = wrapColumns(label, labelWidth);
    for (const line of lines.slice(0, -1)) this.push(line, style);
    return this.cellsLine(
      [
        { text: lines[lines.length - 1] ?? '', width: width - rw, align: 'left' },
        { text: right, width: rw, align: 'right' },
      ],
      style,
    );
  }

  /**
   * A table row: the first cell wraps within its width (continuation lines carry only
   * it), the other cells are right-aligned numbers on the first line. Widths must add up
   * to the line width.
   */
  tableRow(cells: readonly string[], widths: readonly number[], style: Omit<LineStyle, 'align'> = {}): this {
    const width = this.widthFor(style.size);
    const total = widths.reduce((a, b) => a + b, 0);
    if (total !== width || cells.length !== widths.length) throw new RangeError(`table widths ${widths.join('+')} must add up to ${width}`);
    const [first = '', ...rest] = cells.map(printableText);
    const firstLines = wrapColumns(first, widths[0]!);
    for (const [i, cell] of rest.entries()) {
      if (textWidth(cell) > widths[i + 1]!) throw new RangeError(`"${cell}" is wider than its column (${widths[i + 1]})`);
    }
    this.cellsLine(
      [
        { text: firstLines[0] ?? '', width: widths[0]!, align: 'left' },
        ...rest.map((text, i): PrintCell => ({ text, width: widths[i + 1]!, align: 'right' })),
      ],
      style,
    );
    for (const line of firstLines.slice(1)) this.push(line, style);
    return this;
  }

  private cellsLine(cells: PrintCell[], style: Omit<LineStyle, 'align'>): this {
    const text = cells.map((c) => (c.align === 'left' ? padEndColumns(c.text, c.width) : padStartColumns(c.text, c.width))).join('');
    this.push(text.trimEnd(), { ...style, align: 'left' }, cells);
    return this;
  }

  qr(data: string, alt?: string): this {
    if (!ASCII_DATA.test(data)) throw new RangeError('QR data must be printable ASCII');
    this.commands.push(alt !== undefined && ASCII_DATA.test(alt) ? { kind: 'qr', data, alt } : { kind: 'qr', data });
    return this;
  }

  barcode(data: string): this {
    if (!ASCII_DATA.test(data)) throw new RangeError('Code 128 data must be printable ASCII');
    this.commands.push({ kind: 'barcode', symbology: 'code128', data });
    return this;
  }

  /** A raster image no wider than the paper's 12 dots a column. */
  image(raster: LogoRaster): this {
    if (raster.width > this.columns * 12) throw new RangeError(`an image ${raster.width} dots wide does not fit ${this.columns} columns`);
    this.commands.push({ kind: 'image', width: raster.width, height: raster.height, data: raster.data });
    return this;
  }

  drawer(): this {
    this.commands.push({ kind: 'drawer' });
    return this;
  }

  cut(): this {
    this.commands.push({ kind: 'cut' });
    return this;
  }

  build(title: string): ReceiptLayout {
    return { columns: this.columns, title, commands: [...this.commands] };
  }
}

/**
 * The layout as plain text, one string per printed line, aligned the way the printer
 * aligns them; double-size lines are shown at their normal characters. For logs,
 * previews and tests.
 */
export function layoutText(layout: ReceiptLayout): string[] {
  const out: string[] = [];
  for (const c of layout.commands) {
    if (c.kind === 'line') out.push(alignedText(c.text, c.align, Math.floor(layout.columns / c.size)).trimEnd());
    else if (c.kind === 'qr') out.push(alignedText(`[QR ${c.data}]`, 'center', layout.columns).trimEnd());
    else if (c.kind === 'barcode') out.push(alignedText(`[CODE128 ${c.data}]`, 'center', layout.columns).trimEnd());
    else if (c.kind === 'image') out.push(alignedText(`[IMAGE ${c.width}x${c.height}]`, 'center', layout.columns).trimEnd());
    else if (c.kind === 'cut') out.push('-- cut --');
  }
  return out;
}

/** Where an aligned line's text lands within `width` columns (what the printer does with ESC a). */
export function alignedText(text: string, align: PrintAlign, width: number): string {
  const room = Math.max(0, width - textWidth(text));
  if (align === 'center') return ' '.repeat(Math.floor(room / 2)) + text;
  if (align === 'right') return ' '.repeat(room) + text;
  return text;
}
