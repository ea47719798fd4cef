import { afterEach, describe, expect, it } from 'vitest';
import type { PosDb } from '../db/PosDb.ts';
import { openTestDb } from '../db/testDb.ts';
import { LOCKOUT_MS, MAX_PIN_FAILURES, checkPin, lockoutState } from './lockout.ts';
import { hashPin, parsePinHash, verifyPin } from './pin.ts';

let db: PosDb;
afterEach(async () => {
  await db?.delete();
});

describe('verifyPin', () => {
  it('checks a PIN against the server’s PBKDF2-SHA256 form', async () => {
    const stored = await hashPin('1234', 2000);
    expect(stored).toMatch(/^pbkdf2-sha256\$2000\$[\w-]+\$[\w-]{43}$/);
    expect(await verifyPin('1234', stored)).toBe(true);
    expect(await verifyPin('1235', stored)).toBe(false);
    expect(await verifyPin('1234', null)).toBe(false);
    expect(await verifyPin('abcd', stored)).toBe(false);
  });

  it('matches a hash made by Node’s own pbkdf2, as the server makes them', async () => {
    const { pbkdf2Sync } = await import('node:crypto');
    const salt = Buffer.from('0123456789abcdef');
    const hash = pbkdf2Sync('5678', salt, 1000, 32, 'sha256');
    const stored = `pbkdf2-sha256$1000$${salt.toString('base64url')}$${hash.toString('base64url')}`;
    expect(await verifyPin('5678', stored)).toBe(true);
    expect(await verifyPin('5679', stored)).toBe(false);
  });

  it('refuses stored forms it does not know', () => {
    expect(parsePinHash('scrypt$1$2$3')).toBeNull();
    expect(parsePinHash('pbkdf2-sha256$0$AA$AA')).toBeNull();
    expect(parsePinHash('pbkdf2-sha256$1000$AAAA$AAAA')).toBeNull(); // hash not 32 bytes
  });
});

describe('checkPin lock-out', () => {
  const cashier = async () => ({ id: 'c1', pinHash: await hashPin('1234') });

  it('locks a cashier out for 5 minutes after 5 wrong PINs, and a right PIN does not get in meanwhile', async () => {
    db = openTestDb();
    const c = await cashier();
    let clock = 1_000_000;
    const now = () => clock;
    for (let i = 1; i < MAX_PIN_FAILURES; i++) {
      expect(await checkPin(db, c, '0000', now)).toEqual({ ok: false, reason: 'wrong', attemptsLeft: MAX_PIN_FAILURES - i });
    }
    expect(await checkPin(db, c, '0000', now)).toEqual({ ok: false, reason: 'locked', until: clock + LOCKOUT_MS });
    clock += LOCKOUT_MS - 1;
    expect(await checkPin(db, c, '1234', now)).toMatchObject({ ok: false, reason: 'locked' });
    clock += 1;
    expect(await checkPin(db, c, '1234', now)).toEqual({ ok: true });
    expect(await lockoutState(db, 'c1', clock)).toEqual({ failures: 0, lockedUntil: null });
  });

  it('survives a reload: the count is in Dexie', async () => {
    db = openTestDb();
    const c = await cashier();
    const now = () => 5_000_000;
    for (let i = 0; i < 3; i++) await checkPin(db, c, '9999', now);
    db.close();
    await db.open();
    expect(await checkPin(db, c, '9999', now)).toMatchObject({ reason: 'wrong', attemptsLeft: 1 });
    expect(await checkPin(db, c, '9999', now)).toMatchObject({ reason: 'locked' });
    db.close();
    await db.open();
    expect(await checkPin(db, c, '1234', now)).toMatchObject({ reason: 'locked' });
  });

  it('counts per cashier, and a right PIN resets the count', async () => {
    db = openTestDb();
    const a = await cashier();
    const b = { id: 'c2', pinHash: a.pinHash };
    for (let i = 0; i < 4; i++) await checkPin(db, a, '0000');
    expect(await checkPin(db, b, '1234')).toEqual({ ok: true });
    expect(await checkPin(db, a, '1234')).toEqual({ ok: true });
    expect(await checkPin(db, a, '0000')).toMatchObject({ attemptsLeft: 4 });
  });

  it('says when a cashier has no PIN yet', async () => {
    db = openTestDb();
    expect(await checkPin(db, { id: 'x', pinHash: null }, '1234')).toEqual({ ok: false, reason: 'no_pin' });
  });
});
