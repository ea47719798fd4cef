import { describe, expect, it } from 'vitest';
import { isUuidV7, newId, uuidV7Time } from './uuidv7.ts';

describe('newId', () => {
  it('mints version-7 ids that sort by creation time', () => {
    const before = Date.now();
    const ids = Array.from({ length: 200 }, () => newId());
    expect(ids.every(isUuidV7)).toBe(true);
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(ids).size).toBe(ids.length);
    expect(uuidV7Time(ids[0]!)).toBeGreaterThanOrEqual(before);
  });

  it('rejects other uuid versions', () => {
    expect(isUuidV7('0e5b1c9a-1d2f-4c3b-8a4e-5f6a7b8c9d0e')).toBe(false);
    expect(() => uuidV7Time('nope')).toThrow(/UUIDv7/);
  });
});
