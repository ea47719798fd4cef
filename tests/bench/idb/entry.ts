// The till's own catalogue and sale code, bundled for the browser benchmark.
import { newId, saleV1 } from '@shopbook/shared';
import { commitSale, findByBarcode, PosDb, searchByNamePrefix, upsertProducts, type ProductInput } from '../../../pos/src/db/index.ts';

const WORDS = ['可口', '可乐', '雪碧', '矿泉', '饼干', '薯片', '牛奶', '酸奶', '面包', '大米', '食用', '油', '酱油', '醋', '纸巾', '牙膏', '洗发', '水果', '苹果', '香蕉', '绿茶', '红茶', '咖啡', '啤酒'];
const BRANDS = ['康师傅', '统一', '农夫', '伊利', '蒙牛', '光明', '海天', '维达', '乐事', '奥利奥', 'Nestle', 'Lays', 'Coca-Cola', 'Oreo'];

function ean13(n: number): string {
  const body = `69${String(n).padStart(10, '0')}`;
  let sum = 0;
  for (let i = 0; i < 12; i++) sum += Number(body[i]) * (i % 2 ? 3 : 1);
  return body + ((10 - (sum % 10)) % 10);
}

export function makeProduct(i: number): ProductInput {
  const name = `${BRANDS[i % BRANDS.length]} ${WORDS[(i * 7) % WORDS.length]}${WORDS[(i * 13 + 3) % WORDS.length]} ${(i % 97) + 1}号`;
  return {
    id: `00000000-0000-7000-8000-${String(i).padStart(12, '0')}`, sku: `SKU-${i}`, name, categoryId: null, unit: 'each', taxRateBp: 1300,
    priceMinor: 100 + (i % 5000), barcodes: [ean13(i)], revision: i,
  };
}

const percentile = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))]!;

async function openFresh(name: string): Promise<PosDb> {
  await new Promise<void>((resolve) => {
    const req = indexedDB.deleteDatabase(name);
    req.onsuccess = req.onerror = req.onblocked = () => resolve();
  });
  const db = new PosDb(name);
  await db.open();
  return db;
}

let db: PosDb;

const bench = {
  /** The till's first full load: pages of 1000 as the pull delivers them, search keys computed. */
  async load(total: number) {
    db = await openFresh('bench-till');
    const t0 = performance.now();
    for (let i = 0; i < total; i += 1000) {
      await upsertProducts(db, Array.from({ length: Math.min(1000, total - i) }, (_, k) => makeProduct(i + k)));
    }
    return performance.now() - t0;
  },
  /** Baseline: the same records (keys precomputed) put with raw IndexedDB, one transaction per page. */
  async rawLoad(total: number) {
    const raw = await openFresh('bench-raw');
    const records = Array.from({ length: Math.min(total, 20_000) }, (_, i) => ({ ...makeProduct(i), nameNorm: `n${i}`, pinyinKeys: [`k${i}`] }));
    raw.close();
    const idb: IDBDatabase = await new Promise((resolve, reject) => {
      const req = indexedDB.open('bench-raw-plain', 1);
      req.onupgradeneeded = () => {
        const s = req.result.createObjectStore('products', { keyPath: 'id' });
        s.createIndex('barcodes', 'barcodes', { multiEntry: true });
        s.createIndex('nameNorm', 'nameNorm');
      };
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    const t0 = performance.now();
    for (let i = 0; i < records.length; i += 1000) {
      await new Promise<void>((resolve, reject) => {
        const tx = idb.transaction('products', 'readwrite');
        for (const r of records.slice(i, i + 1000)) tx.objectStore('products').put(r);
        tx.oncomplete = () => resolve();
        tx.onerror = () => reject(tx.error);
      });
    }
    const perRecord = (performance.now() - t0) / records.length;
    idb.close();
    indexedDB.deleteDatabase('bench-raw-plain');
    return perRecord * total;
  },
  async barcode(samples: number, total: number) {
    const times: number[] = [];
    const raw: number[] = [];
    const idb = db.backendDB();
    for (let s = 0; s < samples; s++) {
      const code = ean13(Math.floor((s * 7919) % total));
      let t0 = performance.now();
      const hit = await findByBarcode(db, code);
      times.push(performance.now() - t0);
      if (!hit) throw new Error(`no product for ${code}`);
      t0 = performance.now();
      await new Promise((resolve) => {
        const req = idb.transaction('products').objectStore('products').index('barcodes').get(code);
        req.onsuccess = () => resolve(req.result);
      });
      raw.push(performance.now() - t0);
    }
    return { p95: percentile(times, 95), rawP95: percentile(raw, 95) };
  },
  async prefix(samples: number) {
    const times: number[] = [];
    const raw: number[] = [];
    const idb = db.backendDB();
    const queries = ['康师傅', 'ksf', 'nf', 'nestle', 'yl', 'oreo', 'ht', 'coca'];
    for (let s = 0; s < samples; s++) {
      const q = queries[s % queries.length]!;
      let t0 = performance.now();
      const hits = await searchByNamePrefix(db, q, 20);
      times.push(performance.now() - t0);
      if (hits.length === 0) throw new Error(`nothing for ${q}`);
      t0 = performance.now();
      await new Promise((resolve) => {
        const req = idb.transaction('products').objectStore('products').index('nameNorm').getAll(IDBKeyRange.bound(q, `${q}\uffff`), 20);
        req.onsuccess = () => resolve(req.result);
      });
      raw.push(performance.now() - t0);
    }
    return { p95: percentile(times, 95), rawP95: percentile(raw, 95) };
  },
  async commit(samples: number) {
    const times: number[] = [];
    const ids = { storeId: newId(), warehouseId: newId(), cashierId: newId() };
    for (let s = 0; s < samples; s++) {
      const t0 = performance.now();
      await commitSale(db, ({ receiptSeq }) => {
        const saleId = newId();
        const line = { lineId: newId(), productId: newId(), batchId: null, qty: '1', unitPrice: 350, listPrice: 350, overrideReason: null, discount: 0, taxRateBp: 1300, net: 310, tax: 40, gross: 350 };
        return {
          sale: saleV1.parse({
            v: 1, saleId, receiptNo: `B-${receiptSeq}`, ...ids, shiftId: null, customerId: null, pricesIncludeTax: true, lines: [line], cartDiscount: 0,
            totals: { net: 310, tax: 40, gross: 350, discount: 0 }, payments: [{ tender: 'cash', amount: 350, tendered: 350, reference: null }], change: 0, approvedBy: null,
          }),
          cashierName: 'bench', customerName: null, labels: {},
        };
      });
      times.push(performance.now() - t0);
    }
    return { p95: percentile(times, 95), median: percentile(times, 50) };
  },
};

(window as unknown as { bench: typeof bench }).bench = bench;
document.title = 'ready';
