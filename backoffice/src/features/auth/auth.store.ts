import type { Permission, SessionUser } from '@shopbook/shared';
import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import { ApiRequestError } from '../../api/client.ts';
import { authApi } from './auth.api.ts';
import { clearSessionData } from './clear-session-data.ts';

export const useAuthStore = defineStore('auth', () => {
  const user = ref<SessionUser | null>(null);
  /** True once we asked the API who we are; the router waits for it. */
  const checked = ref(false);

  const isLoggedIn = computed(() => user.value !== null);
  const permissions = computed(() => new Set(user.value?.permissions ?? []));

  function can(permission: Permission | undefined): boolean {
    return permission === undefined || permissions.value.has(permission);
  }

  /** Who is signed in, from the session cookie. A 401 just means nobody. */
  async function fetchMe(): Promise<void> {
    try {
      user.value = (await authApi.me()).user;
    } catch (err) {
      if (!(err instanceof ApiRequestError) || err.status !== 401) throw err;
      user.value = null;
    } finally {
      checked.value = true;
    }
  }

  async function login(username: string, password: string): Promise<SessionUser> {
    const res = await authApi.login({ username, password });
    clearSessionData();
    user.value = res.user;
    checked.value = true;
    return res.user;
  }

  async function logout(): Promise<void> {
    try {
      await authApi.logout();
    } finally {
      // Even if the API is unreachable, forget the user here; the cookie expires on its own.
      forget();
    }
  }

  /** Called when the API answers 401: the session ended elsewhere. */
  function forget(): void {
    clearSessionData();
    user.value = null;
    checked.value = true;
  }

  return { user, checked, isLoggedIn, can, fetchMe, login, logout, forget };
});
