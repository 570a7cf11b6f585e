import { describe, expect, test } from 'vitest';
import { fitWithin, isAcceptedType, MAX_PHOTO_EDGE } from './photos.js';

describe('fitWithin', () => {
  test('shrinks a phone photo so its longer edge is the limit, keeping the shape', () => {
    expect(fitWithin(4000, 3000)).toEqual({ width: MAX_PHOTO_EDGE, height: 1200 });
    expect(fitWithin(3000, 4000)).toEqual({ width: 1200, height: MAX_PHOTO_EDGE });
  });

  test('never enlarges a small image', () => {
    expect(fitWithin(800, 600)).toEqual({ width: 800, height: 600 });
  });

  test('keeps at least one pixel on a very thin image', () => {
    expect(fitWithin(16000, 2)).toEqual({ width: MAX_PHOTO_EDGE, height: 1 });
  });
});

test('only the types the server stores are accepted as they are', () => {
  expect(isAcceptedType('image/jpeg')).toBe(true);
  expect(isAcceptedType('application/pdf')).toBe(true);
  expect(isAcceptedType('image/heic')).toBe(false);
});
