import type { DocumentTable, PrintDocument } from '@shopbook/shared';
import PDFDocument from 'pdfkit';
import { documentFont } from './pdf-font.ts';

/**
 * Draws a laid-out document on A4 with pdfkit, the same blocks in the same order as the
 * back office's HTML: issuer and title, number and fields, parties, lines (the header
 * repeats on each page), tax per rate, totals, the total in words, notes, signatures.
 */
const MARGIN = 40;
const A4 = { width: 595.28, height: 841.89 };
const WIDTH = A4.width - 2 * MARGIN;
const BOTTOM = A4.height - MARGIN;
const PAD = 3;

type Doc = PDFKit.PDFDocument;

function ensureRoom(doc: Doc, height: number): void {
  if (doc.y + height > BOTTOM) doc.addPage();
}

function widths(table: DocumentTable, total: number): number[] {
  const sum = table.columns.reduce((s, c) => s + c.width, 0);
  return table.columns.map((c) => (c.width / sum) * total);
}

function rowHeight(doc: Doc, cells: string[], ws: number[], size: number): number {
  doc.fontSize(size);
  return Math.max(...cells.map((c, i) => doc.heightOfString(c || ' ', { width: ws[i]! - 2 * PAD }))) + 2 * PAD;
}

function drawRow(doc: Doc, cells: string[], ws: number[], aligns: ('left' | 'right' | 'center')[], size: number, shade: boolean, height: number): void {
  doc.fontSize(size);
  const top = doc.y;
  let x = MARGIN;
  cells.forEach((c, i) => {
    if (shade) doc.rect(x, top, ws[i]!, height).fillAndStroke('#f0f0f0', '#888');
    else doc.rect(x, top, ws[i]!, height).stroke('#888');
    doc.fillColor('#000').text(c, x + PAD, top + PAD, { width: ws[i]! - 2 * PAD, align: aligns[i] });
    x += ws[i]!;
  });
  doc.x = MARGIN;
  doc.y = top + height;
}

/** A table whose header starts every page it runs onto; a row never splits across pages. */
function table(doc: Doc, t: DocumentTable, size = 8.5, total = WIDTH): void {
  const ws = widths(t, total);
  const aligns = t.columns.map((c) => c.align);
  const labels = t.columns.map((c) => c.label);
  const headerHeight = rowHeight(doc, labels, ws, size);
  const cells = t.rows.map((r) => t.columns.map((c) => r[c.key] ?? ''));
  ensureRoom(doc, headerHeight + (cells[0] ? rowHeight(doc, cells[0], ws, size) : 0));
  drawRow(doc, labels, ws, aligns, size, true, headerHeight);
  for (const c of cells) {
    const h = rowHeight(doc, c, ws, size);
    if (doc.y + h > BOTTOM) {
      doc.addPage();
      drawRow(doc, labels, ws, aligns, size, true, headerHeight);
    }
    drawRow(doc, c, ws, aligns, size, false, h);
  }
}

function fieldsBlock(doc: Doc, heading: string, fields: { label: string; value: string }[], x: number, width: number, top: number): number {
  doc.fontSize(9).fillColor('#555').text(heading, x, top, { width });
  let y = doc.y + 2;
  for (const f of fields) {
    doc.fontSize(9).fillColor('#000').text(`${f.label}：${f.value}`, x, y, { width });
    y = doc.y + 1;
  }
  return y;
}

function render(doc: Doc, d: PrintDocument): void {
  doc.fontSize(10).fillColor('#555').text(d.issuer, { align: 'center' });
  doc.fontSize(18).fillColor('#000').text(d.title, { align: 'center' });
  doc.moveDown(0.3);
  const meta = [`${d.language === 'en' ? 'No.' : '单号'}：${d.number}`, ...d.meta.map((m) => `${m.label}：${m.value}`)].join('    ');
  doc.fontSize(9).text(meta, { align: 'right' });
  doc.moveDown(0.6);

  if (d.parties.length) {
    const top = doc.y;
    const colWidth = (WIDTH - 16 * (d.parties.length - 1)) / d.parties.length;
    const bottoms = d.parties.map((p, i) => fieldsBlock(doc, p.heading, p.fields, MARGIN + i * (colWidth + 16), colWidth, top));
    doc.x = MARGIN;
    doc.y = Math.max(...bottoms) + 8;
  }

  table(doc, d.lines);
  doc.moveDown(0.5);

  if (d.taxSummary?.rows.length) {
    ensureRoom(doc, 60);
    table(doc, d.taxSummary, 8.5, WIDTH * 0.55);
    doc.moveDown(0.5);
  }

  for (const t of d.totals) {
    ensureRoom(doc, 16);
    doc.fontSize(t.strong ? 11 : 9.5).text(`${t.label}：${t.value}`, MARGIN, doc.y, { width: WIDTH, align: 'right' });
  }

  if (d.amountInWords) {
    doc.moveDown(0.5);
    ensureRoom(doc, 50);
    const top = doc.y;
    doc.fontSize(10).text(`${d.amountInWords.label}：${d.amountInWords.zh}    ${d.amountInWords.figure}`, MARGIN + PAD, top + PAD, { width: WIDTH - 2 * PAD });
    doc.fontSize(9).text(d.amountInWords.en, MARGIN + PAD, doc.y + 2, { width: WIDTH - 2 * PAD });
    doc.rect(MARGIN, top, WIDTH, doc.y - top + PAD).stroke('#888');
    doc.y += PAD;
  }

  if (d.notes.length) {
    doc.moveDown(0.5);
    doc.fontSize(8.5).fillColor('#555').text(d.notes.join('  ·  '), MARGIN, doc.y, { width: WIDTH });
    doc.fillColor('#000');
  }

  if (d.signatures.length) {
    ensureRoom(doc, 40);
    doc.moveDown(2);
    const top = doc.y;
    const w = WIDTH / d.signatures.length;
    d.signatures.forEach((s, i) => doc.fontSize(9.5).text(`${s}：`, MARGIN + i * w, top, { width: w }));
  }
}

/** The document as PDF bytes; metadata names it for the file list of a PDF reader. */
export function documentPdf(d: PrintDocument): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A4', margin: MARGIN, info: { Title: `${d.title} ${d.number}`, Author: d.issuer } });
  doc.registerFont('doc', documentFont());
  doc.font('doc');
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  render(doc, d);
  doc.end();
  return done;
}
