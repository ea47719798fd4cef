import 'element-plus/dist/index.css';
import './styles.css';
import { createPinia } from 'pinia';
import { createApp } from 'vue';
import App from './App.vue';
import { createPosI18n } from './i18n/index.ts';
import { registerServiceWorker } from './pwa/register.ts';
import { createPosRouter } from './router/index.ts';
import { useSessionStore } from './stores/session.ts';
import { useSyncStore } from './stores/sync.ts';

async function start(): Promise<void> {
  const app = createApp(App);
  const pinia = createPinia();
  app.use(pinia);
  app.use(createPosI18n());

  // The saved session decides the first screen, so it is read before the router starts:
  // a reload while offline must land in the till, not flash the login.
  try {
    await useSessionStore(pinia).restore();
  } catch (e) {
    console.error('could not read the saved session', e);
  }
  useSyncStore(pinia).start();

  app.use(createPosRouter(pinia));
  registerServiceWorker(pinia);
  app.mount('#app');
}

void start();
