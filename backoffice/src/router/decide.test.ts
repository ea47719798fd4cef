import type { Permission } from '@shopbook/shared';
import { describe, expect, it } from 'vitest';
import { decideNavigation, type GuardState } from './decide.ts';

const dashboard = { name: 'dashboard', fullPath: '/dashboard', meta: { permission: 'dashboard.view' as Permission } };
const login = { name: 'login', fullPath: '/login', meta: { public: true } };
const setup = { name: 'setup', fullPath: '/setup', meta: {} };

function state(over: Partial<GuardState> = {}): GuardState {
  return { setupRequired: false, loggedIn: true, can: () => true, ...over };
}

describe('decideNavigation', () => {
  it('sends everything to the setup wizard while setup is required', () => {
    expect(decideNavigation(dashboard, state({ setupRequired: true, loggedIn: false }))).toEqual({ name: 'setup' });
    expect(decideNavigation(login, state({ setupRequired: true, loggedIn: false }))).toEqual({ name: 'setup' });
    expect(decideNavigation(setup, state({ setupRequired: true, loggedIn: false }))).toBe(true);
  });

  it('keeps people out of the wizard once setup is done', () => {
    expect(decideNavigation(setup, state({ loggedIn: false }))).toEqual({ name: 'login' });
    expect(decideNavigation(setup, state())).toEqual({ name: 'home' });
  });

  it('sends visitors to login and remembers where they were going', () => {
    expect(decideNavigation(dashboard, state({ loggedIn: false }))).toEqual({
      name: 'login',
      query: { redirect: '/dashboard' },
    });
    expect(decideNavigation({ name: 'home', fullPath: '/', meta: {} }, state({ loggedIn: false }))).toEqual({
      name: 'login',
      query: {},
    });
  });

  it('lets visitors see the login page but moves signed-in users past it', () => {
    expect(decideNavigation(login, state({ loggedIn: false }))).toBe(true);
    expect(decideNavigation(login, state())).toEqual({ name: 'home' });
  });

  it('refuses a page whose permission the user lacks', () => {
    const cannot = state({ can: (p) => p === undefined });
    expect(decideNavigation(dashboard, cannot)).toEqual({ name: 'forbidden' });
    expect(decideNavigation(dashboard, state())).toBe(true);
  });

  it('treats an unknown setup state as done', () => {
    expect(decideNavigation(dashboard, state({ setupRequired: null, loggedIn: false }))).toMatchObject({ name: 'login' });
  });
});
