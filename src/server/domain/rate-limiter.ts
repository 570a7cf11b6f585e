/**
 * A fixed-window counter per key, in memory: enough for one server process guarding a public page.
 * `take` answers whether one more request fits and counts it when it does.
 */
export function createRateLimiter(options: { limit: number; windowMs: number; now?: () => number }) {
  const now = options.now ?? Date.now;
  const windows = new Map<string, { start: number; count: number }>();
  return {
    take(key: string): boolean {
      const t = now();
      // Forget finished windows now and then so the map cannot grow without bound.
      if (windows.size > 10_000) {
        for (const [k, w] of windows) {
          if (t - w.start >= options.windowMs) {
            windows.delete(k);
          }
        }
      }
      const window = windows.get(key);
      if (!window || t - window.start >= options.windowMs) {
        windows.set(key, { start: t, count: 1 });
        return true;
      }
      if (window.count >= options.limit) {
        return false;
      }
      window.count++;
      return true;
    },
  };
}

export type RateLimiter = ReturnType<typeof createRateLimiter>;

/** The image type of uploaded bytes by their signature (JPEG, PNG, WebP), or null. */
export function imageType(bytes: Uint8Array): 'image/jpeg' | 'image/png' | 'image/webp' | null {
  if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) {
    return 'image/jpeg';
  }
  if (bytes[0] === 0x89 && bytes[1] === 0x50 && bytes[2] === 0x4e && bytes[3] === 0x47) {
    return 'image/png';
  }
  const ascii = (from: number, to: number) => String.fromCharCode(...bytes.subarray(from, to));
  if (bytes.length > 12 && ascii(0, 4) === 'RIFF' && ascii(8, 12) === 'WEBP') {
    return 'image/webp';
  }
  return null;
}
