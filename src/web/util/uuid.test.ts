import { afterEach, expect, test, vi } from 'vitest';
import { newUuid } from './uuid.js';

const V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

afterEach(() => {
  vi.unstubAllGlobals();
});

test('makes distinct version-4 UUIDs', () => {
  const a = newUuid();
  expect(a).toMatch(V4);
  expect(newUuid()).not.toBe(a);
});

test('works without crypto.randomUUID (plain http on a village network)', () => {
  const real = globalThis.crypto;
  vi.stubGlobal('crypto', {
    getRandomValues: <T extends ArrayBufferView>(bytes: T) => real.getRandomValues(bytes),
  });
  expect(newUuid()).toMatch(V4);
});
