import 'element-plus/dist/index.css';
import './styles.css';
// First: escpos-buffer, loaded later for receipts, expects Node's global Buffer.
import './printing/buffer-global.ts';
import { createPinia } from 'pinia';
import { createApp } from 'vue';
import App from './App.vue';
import { createPosI18n } from './i18n/index.ts';
import { registerServiceWorker } from './pwa/register.ts';
import { createPosRouter } from './router/index.ts';
import { useDeviceStore } from './stores/device.ts';
import { usePrinterStore } from './stores/printer.ts';
import { useSessionStore } from './stores/session.ts';
import { useSyncStore } from './stores/sync.ts';

async function start(): Promise<void> {
  const app = createApp(App);
  const pinia = createPinia();
  app.use(pinia);
  app.use(createPosI18n());

  // The registration and the cashier decide the first screen, so they are read before the
  // router starts: a reload while offline must land in the till, not flash the set-up.
  try {
    await useDeviceStore(pinia).restore();
    await useSessionStore(pinia).restore();
  } catch (e) {
    console.error('could not read the saved device or cashier', e);
  }
  // The engine does nothing until the till is registered; it checks on every round.
  useSyncStore(pinia).start(undefined, true);
  // Receipts left unprinted by a reload or a crash go out again.
  void usePrinterStore(pinia).start().catch((e: unknown) => console.error('could not start the receipt printer', e));

  app.use(createPosRouter(pinia));
  registerServiceWorker(pinia);
  app.mount('#app');
}

void start();
