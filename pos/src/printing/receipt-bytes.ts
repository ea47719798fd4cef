import {
  drawerKickBytes,
  escPosBytes,
  layoutReturnReceipt,
  layoutSaleReceipt,
  layoutZReport,
  LayoutBuilder,
  PAPER_COLUMNS,
  type PaperWidth,
  type ReceiptLanguage,
  type ReceiptStore,
  type TenderAmount,
} from '@shopbook/shared';
import type { ReturnRecord, SaleRecord } from '../db/sale.ts';
import type { ShiftRecord } from '../db/shift.ts';

/** What a receipt needs besides the document: who and where, and how the printer is set up. */
export interface ReceiptSetup {
  store: ReceiptStore;
  tillName: string | null;
  language: ReceiptLanguage;
  paper: PaperWidth;
}

function namesOf(lines: readonly { lineId: string; productId: string }[], labels: SaleRecord['labels']): Record<string, string> {
  return Object.fromEntries(lines.flatMap((l) => (labels[l.lineId] ? [[l.productId, labels[l.lineId]!.name]] : [])));
}

/**
 * The customer's receipt as ESC/POS bytes. The first print of a sale paid (partly) in cash
 * opens the drawer (the layout adds the kick); a reprint is marked as one and never does.
 */
export function saleReceiptBytes(record: SaleRecord, setup: ReceiptSetup, reprint = false): Promise<Uint8Array> {
  const layout = layoutSaleReceipt(
    record.sale,
    {
      store: setup.store,
      productNames: namesOf(record.sale.lines, record.labels),
      cashierName: record.cashierName,
      occurredAt: record.createdAt,
      customer: record.customerName ? { name: record.customerName } : null,
      tillName: setup.tillName,
    },
    { language: setup.language, paper: setup.paper, reprint, ...(reprint ? { openDrawer: false } : {}) },
  );
  return escPosBytes(layout);
}

export function returnReceiptBytes(record: ReturnRecord, setup: ReceiptSetup, originalReceiptNo: string | null, reprint = false): Promise<Uint8Array> {
  const layout = layoutReturnReceipt(
    record.ret,
    {
      store: setup.store,
      productNames: namesOf(record.ret.lines, record.labels),
      cashierName: record.cashierName,
      occurredAt: record.createdAt,
      tillName: setup.tillName,
      originalReceiptNo,
    },
    { language: setup.language, paper: setup.paper, reprint, ...(reprint ? { openDrawer: false } : {}) },
  );
  return escPosBytes(layout);
}

/**
 * A closed shift's Z report, with what was counted against what was expected. It never
 * opens the drawer: the cash was counted before the shift was closed.
 */
export function zReportBytes(shift: ShiftRecord, setup: ReceiptSetup, reprint = false): Promise<Uint8Array> {
  if (!shift.report || !shift.closedAt) throw new Error('only a closed shift has a Z report');
  const layout = layoutZReport(
    shift.report,
    {
      store: setup.store,
      cashierName: shift.cashierName,
      tillName: setup.tillName,
      shiftId: shift.id,
      openedAt: shift.openedAt,
      closedAt: shift.closedAt,
      counted: shift.counted as TenderAmount[] | null,
    },
    { language: setup.language, paper: setup.paper, reprint, openDrawer: false },
  );
  return escPosBytes(layout);
}

/** A short page that proves the printer, the code page and the cutter work. */
export function testPageBytes(setup: ReceiptSetup, lines: readonly string[]): Promise<Uint8Array> {
  const b = new LayoutBuilder(PAPER_COLUMNS[setup.paper]);
  b.text(setup.store.name, { align: 'center', bold: true, size: 2 });
  for (const line of lines) b.text(line, { align: 'center' });
  b.rule();
  b.blank();
  b.cut();
  return escPosBytes(b.build('test'));
}

export { drawerKickBytes };
