import type { Permission } from '@shopbook/shared';
import type { RouteLocationRaw, RouteMeta } from 'vue-router';

export interface GuardState {
  /** null while unknown (the API could not be asked); treated as not required. */
  setupRequired: boolean | null;
  loggedIn: boolean;
  can(permission: Permission | undefined): boolean;
}

export interface GuardTarget {
  name?: string | symbol | null | undefined;
  fullPath: string;
  meta: RouteMeta;
}

/**
 * Where a navigation may go, as a pure function of what we know about the system and
 * the user: `true` lets it through, anything else is the redirect.
 * Order matters: an unfinished setup outranks everything (there are no users yet), then
 * the session, then the page's permission.
 */
export function decideNavigation(to: GuardTarget, s: GuardState): true | RouteLocationRaw {
  if (s.setupRequired) return to.name === 'setup' ? true : { name: 'setup' };
  if (to.name === 'setup') return s.loggedIn ? { name: 'home' } : { name: 'login' };
  if (to.meta.public) return s.loggedIn ? { name: 'home' } : true;
  if (!s.loggedIn) {
    const keep = to.fullPath !== '/' && to.name !== 'home';
    return { name: 'login', query: keep ? { redirect: to.fullPath } : {} };
  }
  if (!s.can(to.meta.permission)) return { name: 'forbidden' };
  return true;
}
