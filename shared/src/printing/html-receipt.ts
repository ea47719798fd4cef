import { code128Svg } from './code128.ts';
import { logoDataUrl } from './logo.ts';
import type { PrintLine, ReceiptLayout } from './print-commands.ts';

/**
 * The fallback when no ESC/POS printer is reachable: the same layout as a self-contained
 * HTML page for the browser's print dialog (no scripts, no external resources). Tabular
 * lines become rows of cells sized in proportion to their columns, so they stay aligned
 * whatever the font; QR codes, which a page cannot draw without a library, become a
 * Code 128 barcode of the receipt number.
 */

export interface HtmlReceiptOptions {
  /** The page's `lang`; default 'zh-CN'. */
  lang?: string;
  /** Paper width in mm; default 58 for up to 32 columns, else 80. */
  paperWidthMm?: number;
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

function classes(line: PrintLine, extra: string): string {
  const names = [extra];
  if (line.bold) names.push('b');
  if (line.size === 2) names.push('s2');
  if (line.align !== 'left') names.push(line.align === 'center' ? 'c' : 'r');
  return names.join(' ');
}

function lineHtml(line: PrintLine, columns: number): string {
  if (/^(-+|=+)$/.test(line.text) && !line.cells) return `<div class="rule${line.text.startsWith('=') ? ' double' : ''}"></div>`;
  if (line.cells) {
    const width = columns / line.size;
    // Left cells take the room that is left and may wrap; right cells (amounts) keep at
    // least their share of the line and never wrap, so columns line up row after row.
    const cells = line.cells
      .map((c) => {
        const share = `${((c.width / width) * 100).toFixed(3)}%`;
        return c.align === 'right'
          ? `<span class="cell r" style="min-width:${share}">${escapeHtml(c.text.trim())}</span>`
          : `<span class="cell l" style="flex-basis:${share}">${escapeHtml(c.text.trimEnd())}</span>`;
      })
      .join('');
    return `<div class="${classes(line, 'row')}">${cells}</div>`;
  }
  return `<div class="${classes(line, 'line')}">${line.text.trim() ? escapeHtml(line.text) : '&nbsp;'}</div>`;
}

const STYLE = `
@page { margin: 2mm; }
html, body { margin: 0; padding: 0; background: #fff; color: #000; }
.receipt { box-sizing: border-box; padding: 2mm; line-height: 1.4; font-family: "Noto Sans Mono CJK SC", "Sarasa Mono SC", "Microsoft YaHei Mono", "SimSun", ui-monospace, monospace; }
.line, .row { white-space: pre-wrap; overflow-wrap: anywhere; min-height: 1.4em; }
.row { display: flex; align-items: baseline; }
.cell { box-sizing: border-box; }
.cell.l { flex: 1 1 auto; min-width: 0; white-space: pre-wrap; overflow-wrap: anywhere; }
.cell.r { flex: 0 0 auto; white-space: pre; text-align: right; }
.b { font-weight: bold; }
.s2 { font-size: 1.8em; line-height: 1.3; }
.c { text-align: center; }
.r { text-align: right; }
.rule { border-top: 1px dashed #000; margin: .5em 0; }
.rule.double { border-top-style: double; border-top-width: 3px; }
.symbol { text-align: center; margin: .5em 0; }
.symbol svg, .symbol img { max-width: 100%; height: auto; }
.logo img { image-rendering: pixelated; }
@media screen {
  body { background: #e5e7eb; }
  .receipt { background: #fff; margin: 1em auto; box-shadow: 0 1px 4px rgba(0, 0, 0, .25); }
}
@media print {
  .receipt { width: 100% !important; }
}
`;

/** A complete HTML document for the receipt, ready for an iframe and `print()`. */
export function receiptHtml(layout: ReceiptLayout, options: HtmlReceiptOptions = {}): string {
  const paper = options.paperWidthMm ?? (layout.columns <= 32 ? 58 : 80);
  // A monospace column is about 0.6 em: size the font so the printer's columns fill the
  // printable width (paper less 2 mm padding each side), as they do on thermal paper.
  const fontPx = (((paper - 4) * 96) / 25.4 / (layout.columns * 0.6)).toFixed(2);
  const body: string[] = [];
  for (const c of layout.commands) {
    if (c.kind === 'line') body.push(lineHtml(c, layout.columns));
    else if (c.kind === 'barcode') body.push(`<div class="symbol">${code128Svg(c.data)}</div>`);
    else if (c.kind === 'image') {
      // 203 dpi thermal heads print 8 dots a millimetre.
      body.push(`<div class="symbol logo"><img alt="" src="${logoDataUrl(c)}" style="width:${c.width / 8}mm"></div>`);
    } else if (c.kind === 'qr' && c.alt) body.push(`<div class="symbol">${code128Svg(c.alt)}</div>`);
  }
  return [
    '<!doctype html>',
    `<html lang="${escapeHtml(options.lang ?? 'zh-CN')}">`,
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(layout.title)}</title>`,
    `<style>${STYLE}</style>`,
    '</head>',
    '<body>',
    `<main class="receipt" style="width:${paper}mm;font-size:${fontPx}px">`,
    ...body,
    '</main>',
    '</body>',
    '</html>',
  ].join('\n');
}
