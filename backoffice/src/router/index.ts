import { createRouter, createWebHistory, type Router } from 'vue-router';
import { useAuthStore } from '../features/auth/auth.store.ts';
import { useSetupStatusStore } from '../features/setup/setup-status.store.ts';
import { decideNavigation } from './decide.ts';
import { routes } from './routes.ts';

export function createAppRouter(): Router {
  const router = createRouter({ history: createWebHistory(import.meta.env.BASE_URL), routes });

  router.beforeEach(async (to) => {
    const setup = useSetupStatusStore();
    const auth = useAuthStore();
    // First navigation (and any after a failed ask): learn whether setup is due, then who we are.
    if (setup.required === null) await setup.fetchStatus();
    if (setup.required === false && !auth.checked) {
      try {
        await auth.fetchMe();
      } catch {
        auth.forget(); // API unreachable: show the login page, which reports the error on submit
      }
    }
    return decideNavigation(to, { setupRequired: setup.required, loggedIn: auth.isLoggedIn, can: auth.can });
  });

  return router;
}
