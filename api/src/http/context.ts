import type { SessionUser } from '@shopbook/shared';
import type { Db } from '../db/client.ts';

export interface Clock {
  now(): Date;
}

export interface AppConfig {
  /** Absolute session lifetime and idle timeout. */
  sessionTtlMs: number;
  sessionIdleMs: number;
  /** Failed logins tolerated per account and per address within the window. */
  loginWindowMs: number;
  maxFailuresPerAccount: number;
  maxFailuresPerAddress: number;
  secureCookies: boolean;
  /** Take the client address from X-Forwarded-For (only behind a trusted proxy). */
  trustProxy: boolean;
}

export const defaultConfig: AppConfig = {
  sessionTtlMs: 12 * 60 * 60 * 1000,
  sessionIdleMs: 30 * 60 * 1000,
  loginWindowMs: 15 * 60 * 1000,
  maxFailuresPerAccount: 10,
  maxFailuresPerAddress: 100,
  secureCookies: false,
  trustProxy: false,
};

export interface AppDeps {
  db: Db;
  clock: Clock;
  config: AppConfig;
}

/** A registered till, resolved from its bearer token. */
export interface DeviceContext {
  id: string;
  storeId: string;
  warehouseId: string;
}

export interface AppEnv {
  Variables: {
    deps: AppDeps;
    user: SessionUser | undefined;
    sessionTokenHash: string | undefined;
    device: DeviceContext | undefined;
  };
}

export const systemClock: Clock = { now: () => new Date() };
