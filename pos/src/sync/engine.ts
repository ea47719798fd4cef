import { getDevice, setMeta } from '../db/meta.ts';
import { nextDueAt, pruneDelivered, recoverInFlight } from '../db/outbox.ts';
import type { PosDb } from '../db/PosDb.ts';
import { describeFailure, fetchPullPage, isAuthFailure, postEvents, type TransportFailure } from './api.ts';
import { pullAll, type PullProgress } from './pull.ts';
import { pushAll } from './push.ts';

export const SYNC_INTERVAL_MS = 30_000;

export interface EngineStatus {
  /** a round is running */
  busy: boolean;
  /** the pull's progress while it runs */
  pull: PullProgress | null;
  /** the server answered the last request (null: not tried yet) */
  reachable: boolean | null;
  /** the device token was refused (revoked): the till must be registered again */
  authProblem: boolean;
  lastError: string | null;
}

export interface SyncEngineOptions {
  db: PosDb;
  fetchFn?: typeof fetch;
  intervalMs?: number;
  onStatus?: (s: EngineStatus) => void;
  now?: () => Date;
}

/**
 * Runs sync rounds: push the outbox, then pull the catalogue deltas. A round starts every
 * 30 s, on the browser's `online` event, when a sale is recorded (kick) and when the
 * earliest backoff expires.
 *
 * Races:
 *  - one round at a time per tab: a kick during a round only asks for one more round after
 *    it, so a burst of sales makes two rounds, not twenty concurrent pushes;
 *  - one round at a time per till across tabs: the round holds a Web Lock
 *    (`ifAvailable`: a tab that finds it taken skips, the holder is doing the work). Where
 *    Web Locks are missing, the outbox claim (a transaction) and the pull's cursor check
 *    keep two tabs from doing harm, only duplicate work;
 *  - the push goes first: sales leave the till as early as possible, and the pull after
 *    it sees customer balances that include them.
 */
export class SyncEngine {
  private status: EngineStatus = { busy: false, pull: null, reachable: null, authProblem: false, lastError: null };
  private running: Promise<void> | null = null;
  private again = false;
  private interval: ReturnType<typeof setInterval> | undefined;
  private backoffTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly onOnline = () => void this.kick();

  constructor(private readonly options: SyncEngineOptions) {}

  private get now(): Date {
    return this.options.now?.() ?? new Date();
  }

  private set(patch: Partial<EngineStatus>): void {
    this.status = { ...this.status, ...patch };
    this.options.onStatus?.(this.status);
  }

  async start(): Promise<void> {
    this.stop();
    // A reload mid-push left events 'sending': send them again (the server is idempotent).
    await recoverInFlight(this.options.db, this.now);
    window.addEventListener('online', this.onOnline);
    this.interval = setInterval(() => void this.kick(), this.options.intervalMs ?? SYNC_INTERVAL_MS);
    void this.kick();
  }

  stop(): void {
    window.removeEventListener('online', this.onOnline);
    clearInterval(this.interval);
    clearTimeout(this.backoffTimer);
    this.interval = undefined;
  }

  /** Asks for a round now; resolves when the round (and any it queued) is over. */
  kick(): Promise<void> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = (async () => {
      try {
        do {
          this.again = false;
          await this.withLock(() => this.round());
        } while (this.again);
      } finally {
        this.running = null;
      }
    })();
    return this.running;
  }

  private async withLock(fn: () => Promise<void>): Promise<void> {
    const locks = typeof navigator !== 'undefined' ? navigator.locks : undefined;
    if (!locks) return fn();
    await locks.request('shopbook-pos-sync', { ifAvailable: true }, async (lock) => {
      if (lock) await fn();
    });
  }

  private failed(f: TransportFailure): void {
    this.set({ reachable: f.kind === 'network' ? false : true, authProblem: isAuthFailure(f), lastError: describeFailure(f) });
  }

  private async round(): Promise<void> {
    const { db } = this.options;
    const device = await getDevice(db);
    if (!device) return;
    // Offline, a request can only fail and push every event's backoff further out.
    if (typeof navigator !== 'undefined' && !navigator.onLine) {
      this.set({ reachable: false });
      return;
    }
    const transport = { fetchFn: this.options.fetchFn };
    this.set({ busy: true });
    try {
      const push = await pushAll(db, (events) => postEvents(device.token, events, transport), device.deviceId, { now: () => this.now });
      if (push.failure) this.failed(push.failure);
      const pull = await pullAll(
        db,
        (entity, since, limit) => fetchPullPage(device.token, entity, since, limit, transport),
        (p) => this.set({ pull: p }),
      );
      if (!pull.ok) this.failed(pull.failure);
      if (!push.failure && pull.ok) {
        await setMeta(db, 'lastSyncAt', this.now.toISOString());
        this.set({ reachable: true, authProblem: false, lastError: null });
      }
      await pruneDelivered(db, this.now);
    } finally {
      this.set({ busy: false, pull: null });
      await this.scheduleBackoff();
    }
  }

  /** Wakes up when the earliest retry is due, rather than waiting for the next 30 s tick. */
  private async scheduleBackoff(): Promise<void> {
    clearTimeout(this.backoffTimer);
    if (this.interval === undefined) return; // stopped
    const due = await nextDueAt(this.options.db);
    if (due === undefined) return;
    const wait = Math.max(250, due - this.now.getTime());
    if (wait < (this.options.intervalMs ?? SYNC_INTERVAL_MS)) {
      this.backoffTimer = setTimeout(() => void this.kick(), wait);
    }
  }
}
