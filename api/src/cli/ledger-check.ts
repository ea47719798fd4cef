import { openDatabase } from '../db/client.ts';
import { loadEnv } from '../env.ts';
import { ledgerCheck } from '../features/inventory/levels.queries.ts';

/**
 * `pnpm ledger:check`: every stock level equals the sum of its moves and the journal's
 * inventory equals the value of the stock. Exits 1 and lists the differences otherwise.
 */
const env = loadEnv();
const database = await openDatabase({ url: env.DATABASE_URL, dataDir: env.dataDir });
try {
  await database.migrate();
  const result = await ledgerCheck(database.db);
  console.log(`levels checked: ${result.levelsChecked}`);
  console.log(`journal inventory: ${result.journalInventory}, stock value: ${result.stockValue} (minor units)`);
  for (const d of result.levelDifferences) {
    console.log(`DIFF product ${d.productId} warehouse ${d.warehouseId} batch ${d.batchId}: level ${d.levelQty} / ${d.levelValue}, moves ${d.movesQty} / ${d.movesValue}`);
  }
  console.log(result.ok ? 'ledger OK' : 'ledger has DIFFERENCES');
  process.exitCode = result.ok ? 0 : 1;
} finally {
  await database.close();
}
