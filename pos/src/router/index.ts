import type { Pinia } from 'pinia';
import { createRouter, createWebHistory, type RouterHistory } from 'vue-router';
import { useSessionStore } from '../stores/session.ts';
import LoginView from '../views/LoginView.vue';
import TillShell from '../views/TillShell.vue';

declare module 'vue-router' {
  interface RouteMeta {
    requiresSession?: boolean;
  }
}

/**
 * Views are imported eagerly: the whole till is precached anyway, and a lazy chunk that
 * failed to load offline would be one more way to strand a cashier.
 */
export function createPosRouter(pinia: Pinia, history: RouterHistory = createWebHistory(import.meta.env.BASE_URL)) {
  const router = createRouter({
    history,
    routes: [
      { path: '/', name: 'till', component: TillShell, meta: { requiresSession: true } },
      { path: '/login', name: 'login', component: LoginView },
      { path: '/:rest(.*)*', redirect: '/' },
    ],
  });

  router.beforeEach((to) => {
    const session = useSessionStore(pinia);
    if (to.meta.requiresSession && !session.signedIn) return { name: 'login' };
    if (to.name === 'login' && session.signedIn) return { name: 'till' };
    return true;
  });

  return router;
}
