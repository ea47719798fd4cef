/**
 * Hardware check for receipt printers: prints a sample sale (split payment, Chinese and
 * English names), a return and a Z report on a real network printer, or writes the
 * ESC/POS bytes to a file to send some other way (`nc HOST 9100 < sample.bin`, a USB
 * printer's device file, a serial port).
 *
 *   pnpm --filter @shopbook/tests exec tsx printing/print-sample.ts --host 192.168.1.50 [--port 9100] [--paper 58|80] [--lang zh-CN|en] [--scan qr|code128]
 *   pnpm --filter @shopbook/tests exec tsx printing/print-sample.ts --out sample.bin --paper 58
 *
 * What to look at on the paper: Chinese prints (the printer is in GB18030/GBK mode),
 * the amount column lines up on Chinese and English rows, the store name is double
 * size, the QR code scans to the sale id, the drawer opens once (the sale is partly
 * cash), the paper is cut after each document.
 */
import { writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { sendToPrinter } from '@shopbook/api/features/printing/tcp-printer';
import { escPosBytes, layoutReturnReceipt, layoutSaleReceipt, layoutZReport, zReport, type PaperWidth, type ReceiptLanguage } from '@shopbook/shared';
import { colaReturn, mixedNamesSale, productNames, splitPaymentSale, store } from '@shopbook/shared/printing/test-fixtures';

const { values } = parseArgs({
  options: {
    host: { type: 'string' },
    port: { type: 'string', default: '9100' },
    paper: { type: 'string', default: '80' },
    lang: { type: 'string', default: 'zh-CN' },
    scan: { type: 'string', default: 'qr' },
    out: { type: 'string' },
  },
});
if (!values.host && !values.out) {
  console.error('give --host (and --port) of a network printer, or --out FILE');
  process.exit(2);
}
const options = {
  paper: (values.paper === '58' ? 58 : 80) as PaperWidth,
  language: (values.lang === 'en' ? 'en' : 'zh-CN') as ReceiptLanguage,
  scanCode: values.scan === 'code128' ? ('code128' as const) : ('qr' as const),
};
const ctx = { store, productNames, cashierName: '张三', tillName: 'Till 1', occurredAt: new Date() };
const sale = splitPaymentSale();
const mixed = mixedNamesSale();
const ret = colaReturn();
const documents = [
  layoutSaleReceipt(sale, ctx, options),
  layoutSaleReceipt(mixed, { ...ctx, customer: { name: '李四', code: 'C001' } }, options),
  layoutReturnReceipt(ret, { ...ctx, originalReceiptNo: sale.receiptNo }, options),
  layoutZReport(
    zReport({ sales: [sale, mixed], returns: [ret], cashMovements: [{ amount: 5000, reason: 'float' }], openingFloat: 20000 }),
    { store, cashierName: '张三', tillName: 'Till 1', shiftId: 'SAMPLE', closedAt: new Date(), counted: [{ tender: 'cash', amount: 25000 }] },
    options,
  ),
];
const jobs = await Promise.all(documents.map((d) => escPosBytes(d)));

if (values.out) {
  const all = new Uint8Array(jobs.reduce((n, j) => n + j.length, 0));
  let at = 0;
  for (const j of jobs) {
    all.set(j, at);
    at += j.length;
  }
  await writeFile(values.out, all);
  console.log(`wrote ${all.length} bytes (${jobs.length} documents) to ${values.out}`);
} else {
  const target = { host: values.host!, port: Number(values.port) };
  for (const [i, job] of jobs.entries()) {
    const outcome = await sendToPrinter(target, job, 15_000);
    console.log(`${documents[i]!.title}: ${outcome.ok ? `printed ${outcome.bytes} bytes in ${outcome.ms} ms` : `${outcome.code}: ${outcome.message}`}`);
    if (!outcome.ok) process.exit(1);
  }
}
