import type { Pinia } from 'pinia';
import { createRouter, createWebHistory, type RouterHistory } from 'vue-router';
import { useDeviceStore } from '../stores/device.ts';
import { useSessionStore } from '../stores/session.ts';
import PinView from '../views/PinView.vue';
import SetupView from '../views/SetupView.vue';
import TillShell from '../views/TillShell.vue';

declare module 'vue-router' {
  interface RouteMeta {
    /** needs a registered device */
    requiresDevice?: boolean;
    /** needs a cashier unlocked with a PIN */
    requiresCashier?: boolean;
  }
}

/**
 * setup (no device) → lock (PIN) → till. Views are imported eagerly: the whole till is
 * precached anyway, and a lazy chunk that failed to load offline would be one more way to
 * strand a cashier.
 */
export function createPosRouter(pinia: Pinia, history: RouterHistory = createWebHistory(import.meta.env.BASE_URL)) {
  const router = createRouter({
    history,
    routes: [
      { path: '/', name: 'till', component: TillShell, meta: { requiresDevice: true, requiresCashier: true } },
      { path: '/lock', name: 'lock', component: PinView, meta: { requiresDevice: true } },
      { path: '/setup', name: 'setup', component: SetupView },
      // The first version's sign-in page: the till is now set up once, then PIN-unlocked.
      { path: '/login', redirect: '/setup' },
      { path: '/:rest(.*)*', redirect: '/' },
    ],
  });

  router.beforeEach((to) => {
    const device = useDeviceStore(pinia);
    const session = useSessionStore(pinia);
    if (to.meta.requiresDevice && !device.registered) return { name: 'setup' };
    if (to.name === 'setup' && device.registered) return { name: session.signedIn ? 'till' : 'lock' };
    if (to.meta.requiresCashier && !session.signedIn) return { name: 'lock' };
    if (to.name === 'lock' && session.signedIn) return { name: 'till' };
    return true;
  });

  return router;
}
