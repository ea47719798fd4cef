import type { PurchaseOrder, PurchaseReceipt } from '../../api/purchasing.ts';
import type { Receipt } from '../../api/receipts.ts';
import type { Transfer } from '../../api/stock-documents.ts';
import { documentFormat } from './document-format.ts';
import { documentWords, type DocumentLanguage } from './document-words.ts';
import { col, present, type PrintDocument } from './print-document.ts';

/** Who and where, looked up by the API around the document itself. */
export interface DocumentContext {
  companyName: string;
  /** Base currency of the books. */
  currency: string;
  language: DocumentLanguage;
  timeZone?: string;
  supplier?: { name: string; code: string; taxNumber: string; contact: string; phone: string; address: string } | null;
  /** Warehouse id → "code name". */
  warehouses: Record<string, string>;
  /** Product id → unit code, for documents whose lines do not carry it. */
  units?: Record<string, string>;
}

function supplierParty(ctx: DocumentContext, w: ReturnType<typeof documentWords>) {
  const s = ctx.supplier;
  if (!s) return [];
  return [
    {
      heading: w.supplier,
      fields: present([
        { label: w.name, value: `${s.name} (${s.code})` },
        { label: w.taxNumber, value: s.taxNumber },
        { label: w.contact, value: [s.contact, s.phone].filter(Boolean).join(' ') },
        { label: w.address, value: s.address },
      ]),
    },
  ];
}

const base = (ctx: DocumentContext) => ({ language: ctx.language, issuer: ctx.companyName, taxSummary: null, amountInWords: null });

/** A purchase order as sent to the supplier: prices before tax in the order's currency. */
export function purchaseOrderDocument(o: PurchaseOrder, ctx: DocumentContext): PrintDocument {
  const w = documentWords(ctx.language);
  const f = documentFormat(ctx.language, o.currency, ctx.timeZone);
  return {
    ...base(ctx),
    kind: 'purchase-order',
    title: w.titles['purchase-order'],
    number: o.number,
    meta: present([
      { label: w.date, value: f.date(o.sentAt ?? o.approvedAt ?? o.createdAt) },
      { label: w.expected, value: o.expectedDate ? f.date(o.expectedDate) : '' },
      { label: w.currency, value: o.currency },
      { label: w.reference, value: o.reference },
    ]),
    parties: [...supplierParty(ctx, w), { heading: w.shipTo, fields: [{ label: w.warehouse, value: ctx.warehouses[o.warehouseId] ?? o.warehouseCode }] }],
    lines: {
      columns: [
        col('no', w.lineNo, 4, 'right'),
        col('sku', w.sku, 12),
        col('item', w.item, 30),
        col('unit', w.unit, 6, 'center'),
        col('qty', w.qty, 8, 'right'),
        col('price', w.unitPrice, 11, 'right'),
        col('rate', w.taxRate, 7, 'right'),
        col('net', w.net, 12, 'right'),
      ],
      rows: o.lines.map((l) => ({
        no: String(l.lineNo),
        sku: l.itemCode || l.sku,
        item: l.name,
        unit: w.units[l.unit] ?? l.unit,
        qty: f.qty(l.qty),
        price: f.amount(l.price),
        rate: f.rate(l.taxRateBp),
        net: f.amount(l.net),
      })),
    },
    totals: [
      { label: w.net, value: f.money(o.totals.net), strong: false },
      { label: w.tax, value: f.money(o.totals.tax), strong: false },
      { label: w.gross, value: f.money(o.totals.gross), strong: true },
    ],
    notes: [o.note, w.pricesExcludeTax].filter(Boolean),
    signatures: [w.preparedBy, w.approvedBy, w.supplierSignature],
  };
}

/** A goods received note for a receipt against a purchase order: received, accepted and rejected. */
export function purchaseReceiptDocument(r: PurchaseReceipt, ctx: DocumentContext): PrintDocument {
  const w = documentWords(ctx.language);
  const f = documentFormat(ctx.language, ctx.currency, ctx.timeZone);
  return {
    ...base(ctx),
    kind: 'purchase-receipt',
    title: w.titles['purchase-receipt'],
    number: r.number,
    meta: present([
      { label: w.date, value: f.date(r.postedAt ?? r.createdAt) },
      { label: w.order, value: r.orderNumber },
      { label: w.warehouse, value: ctx.warehouses[r.warehouseId] ?? r.warehouseCode },
      { label: w.reference, value: r.reference },
    ]),
    parties: supplierParty(ctx, w),
    lines: {
      columns: [
        col('no', w.lineNo, 4, 'right'),
        col('sku', w.sku, 12),
        col('item', w.item, 28),
        col('batch', w.batch, 12),
        col('received', w.received, 9, 'right'),
        col('accepted', w.accepted, 9, 'right'),
        col('rejected', w.rejected, 9, 'right'),
        col('reason', w.rejectReason, 14),
      ],
      rows: r.lines.map((l) => ({
        no: String(l.lineNo),
        sku: l.sku,
        item: l.name,
        batch: [l.batchNo, l.expiryDate && `${w.expiry} ${l.expiryDate}`].filter(Boolean).join(' '),
        received: f.qty(l.qtyReceived),
        accepted: f.qty(l.qtyAccepted),
        rejected: f.qty(l.qtyRejected),
        reason: l.rejectReason,
      })),
    },
    totals: r.value === null ? [] : [{ label: w.value, value: f.money(r.value), strong: true }],
    notes: [r.note].filter(Boolean),
    signatures: [w.deliveredBy, w.warehouseKeeper, w.receivedBy],
  };
}

/** Unit costs arrive in minor units with 4 decimals ('150.5000'); a line's value is qty × cost, rounded. */
function lineValue(qty: string, unitCostMinor: string): number {
  return Math.round(Number(qty) * Number(unitCostMinor));
}

/** A goods received note for a receipt without an order (opening stock, a delivery off the van). */
export function goodsReceiptDocument(r: Receipt, ctx: DocumentContext): PrintDocument {
  const w = documentWords(ctx.language);
  const f = documentFormat(ctx.language, ctx.currency, ctx.timeZone);
  const total = r.lines.reduce((s, l) => s + lineValue(l.qty, l.unitCost), 0);
  return {
    ...base(ctx),
    kind: 'goods-receipt',
    title: w.titles['goods-receipt'],
    number: r.number,
    meta: present([
      { label: w.date, value: f.date(r.postedAt ?? r.createdAt) },
      { label: w.warehouse, value: ctx.warehouses[r.warehouseId] ?? '' },
      { label: w.reference, value: r.reference },
      { label: w.currency, value: ctx.currency },
    ]),
    parties: supplierParty(ctx, w),
    lines: {
      columns: [
        col('no', w.lineNo, 4, 'right'),
        col('sku', w.sku, 12),
        col('item', w.item, 32),
        col('batch', w.batch, 14),
        col('qty', w.qty, 9, 'right'),
        col('cost', w.unitCost, 11, 'right'),
        col('value', w.value, 12, 'right'),
      ],
      rows: r.lines.map((l, i) => ({
        no: String(i + 1),
        sku: l.sku,
        item: l.name,
        batch: [l.batchNo, l.expiryDate && `${w.expiry} ${l.expiryDate}`].filter(Boolean).join(' '),
        qty: f.qty(l.qty),
        cost: f.amount(Math.round(Number(l.unitCost))),
        value: f.amount(lineValue(l.qty, l.unitCost)),
      })),
    },
    totals: [{ label: w.total, value: f.money(total), strong: true }],
    notes: [r.note].filter(Boolean),
    signatures: [w.deliveredBy, w.warehouseKeeper, w.receivedBy],
  };
}

/** The delivery note that travels with a transfer: what was asked, shipped and (once known) received. */
export function deliveryNoteDocument(t: Transfer, ctx: DocumentContext): PrintDocument {
  const w = documentWords(ctx.language);
  const f = documentFormat(ctx.language, ctx.currency, ctx.timeZone);
  return {
    ...base(ctx),
    kind: 'delivery-note',
    title: w.titles['delivery-note'],
    number: t.number,
    meta: present([{ label: w.date, value: f.date(t.shippedAt ?? t.createdAt) }]),
    parties: [
      { heading: w.from, fields: [{ label: w.warehouse, value: ctx.warehouses[t.fromWarehouseId] ?? t.fromWarehouseCode }] },
      { heading: w.to, fields: [{ label: w.warehouse, value: ctx.warehouses[t.toWarehouseId] ?? t.toWarehouseCode }] },
    ],
    lines: {
      columns: [
        col('no', w.lineNo, 4, 'right'),
        col('sku', w.sku, 12),
        col('item', w.item, 32),
        col('unit', w.unit, 6, 'center'),
        col('batch', w.batch, 12),
        col('asked', w.asked, 9, 'right'),
        col('shipped', w.shipped, 9, 'right'),
        col('received', w.received, 9, 'right'),
      ],
      rows: t.lines.map((l) => ({
        no: String(l.lineNo),
        sku: l.sku,
        item: l.serials.length ? `${l.name} (${l.serials.join(', ')})` : l.name,
        unit: w.units[l.unit] ?? l.unit,
        batch: l.batchNo ?? '',
        asked: f.qty(l.qty),
        shipped: l.qtyShipped === null ? '' : f.qty(l.qtyShipped),
        // Left blank until received, for the receiving store to fill in by hand.
        received: l.qtyReceived === null ? '' : f.qty(l.qtyReceived),
      })),
    },
    totals: [],
    notes: [t.note].filter(Boolean),
    signatures: [w.deliveredBy, w.receivedBy],
  };
}
