import { describe, expect, it } from 'vitest';
import * as shared from '../index.ts';

describe('printing exports for the till and the API', () => {
  it('are reachable from the package root', () => {
    for (const name of [
      'layoutSaleReceipt',
      'layoutReturnReceipt',
      'layoutZReport',
      'layoutText',
      'escPosBytes',
      'escPosSupported',
      'drawerKickBytes',
      'receiptHtml',
      'decodeEscPos',
      'decodedText',
      'parseReceiptScan',
      'bytesToBase64',
      'textWidth',
      'wrapColumns',
      'LayoutBuilder',
    ]) {
      expect(typeof (shared as Record<string, unknown>)[name], name).toBe('function');
    }
    expect(shared.printJobRequestSchema.safeParse({ printerId: '0190f5e8-3b2a-7c41-9d2e-5f6a7b8c9d0e', bytes: 'G0A=' }).success).toBe(true);
    expect(shared.storePrinterInputSchema.safeParse({ storeId: '0190f5e8-3b2a-7c41-9d2e-5f6a7b8c9d0e', name: 'Front', host: '10.0.0.9' }).success).toBe(true);
    expect(shared.PAPER_COLUMNS).toEqual({ 58: 32, 80: 48 });
  });
});
