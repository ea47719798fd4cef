import { describe, expect, it, vi } from 'vitest';
import { formatBytes, freeBytes, isLowOnStorage, requestPersistentStorage } from './quota.ts';

describe('isLowOnStorage', () => {
  it('warns below 10 % free', () => {
    expect(isLowOnStorage({ usage: 95, quota: 100 })).toBe(true);
    expect(isLowOnStorage({ usage: 90, quota: 100 })).toBe(false);
    expect(isLowOnStorage({ usage: 10, quota: 100 })).toBe(false);
  });

  it('stays quiet when the browser gives no numbers', () => {
    expect(isLowOnStorage(null)).toBe(false);
    expect(isLowOnStorage({})).toBe(false);
    expect(isLowOnStorage({ usage: 5, quota: 0 })).toBe(false);
  });
});

describe('freeBytes and formatBytes', () => {
  it('computes and formats what is left', () => {
    expect(freeBytes({ usage: 100, quota: 1124 })).toBe(1024);
    expect(formatBytes(512)).toBe('512 B');
    expect(formatBytes(1536)).toBe('1.5 KB');
    expect(formatBytes(5 * 1024 ** 3)).toBe('5.0 GB');
  });
});

describe('requestPersistentStorage', () => {
  it('asks once and reports the answer', async () => {
    const persist = vi.fn(async () => true);
    expect(await requestPersistentStorage({ persist } as unknown as StorageManager)).toBe(true);
    expect(persist).toHaveBeenCalledTimes(1);
  });

  it('returns null when unsupported or failing', async () => {
    expect(await requestPersistentStorage(undefined)).toBeNull();
    expect(await requestPersistentStorage({} as StorageManager)).toBeNull();
    const persist = vi.fn(async () => {
      throw new Error('denied');
    });
    expect(await requestPersistentStorage({ persist } as unknown as StorageManager)).toBeNull();
  });
});
