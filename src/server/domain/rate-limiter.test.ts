import { expect, it } from 'vitest';
import { createRateLimiter, imageType } from './rate-limiter.js';

it('allows `limit` requests per key and window', () => {
  let now = 0;
  const limiter = createRateLimiter({ limit: 2, windowMs: 1000, now: () => now });
  expect([limiter.take('a'), limiter.take('a'), limiter.take('a'), limiter.take('b')]).toEqual([
    true,
    true,
    false,
    true,
  ]);
  now = 1000;
  expect(limiter.take('a')).toBe(true);
});

it('recognises images by their signature, not their name', () => {
  expect(imageType(Uint8Array.from([0xff, 0xd8, 0xff, 0xe0]))).toBe('image/jpeg');
  expect(imageType(Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d]))).toBe('image/png');
  expect(imageType(Buffer.from('RIFF....WEBPVP8 '))).toBe('image/webp');
  expect(imageType(Buffer.from('%PDF-1.4'))).toBeNull();
});
