// Draws the PWA icons (the favicon's design: a roof over a floor line on green) as PNGs without any
// image library: a few distance tests per pixel, 4× supersampled, written with node:zlib.
// Run once after changing the design: `node scripts/make-icons.mjs`; the PNGs are checked in.
import fs from 'node:fs';
import zlib from 'node:zlib';

const GREEN = [0x1f, 0x6f, 0x43];
const WHITE = [255, 255, 255];

function distToSegment(px, py, ax, ay, bx, by) {
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}

/** The colour at (x, y) in the favicon's 64×64 space; `maskable` fills the corners (the OS rounds them). */
function colourAt(x, y, maskable) {
  const r = maskable ? 0 : 12;
  const cx = Math.min(Math.max(x, r), 64 - r);
  const cy = Math.min(Math.max(y, r), 64 - r);
  if (Math.hypot(x - cx, y - cy) > r) {
    return null;
  }
  // A maskable icon keeps its drawing inside the middle 80% (the safe zone).
  const s = maskable ? 0.8 : 1;
  const u = 32 + (x - 32) / s;
  const v = 32 + (y - 32) / s;
  const roof = [
    [14, 40, 32, 16],
    [32, 16, 50, 40],
    [50, 40, 14, 40],
  ];
  const onRoof = roof.some(([ax, ay, bx, by]) => distToSegment(u, v, ax, ay, bx, by) <= 2.5);
  const onFloor = distToSegment(u, v, 12, 48, 52, 48) <= 2.5;
  return onRoof || onFloor ? WHITE : GREEN;
}

function png(size, maskable) {
  const raw = Buffer.alloc((size * 4 + 1) * size);
  const n = 4;
  for (let py = 0; py < size; py++) {
    raw[py * (size * 4 + 1)] = 0;
    for (let px = 0; px < size; px++) {
      const sum = [0, 0, 0, 0];
      for (let sy = 0; sy < n; sy++) {
        for (let sx = 0; sx < n; sx++) {
          const c = colourAt(
            ((px + (sx + 0.5) / n) / size) * 64,
            ((py + (sy + 0.5) / n) / size) * 64,
            maskable,
          );
          if (c) {
            sum[0] += c[0];
            sum[1] += c[1];
            sum[2] += c[2];
            sum[3] += 255;
          }
        }
      }
      const covered = sum[3] / 255;
      const o = py * (size * 4 + 1) + 1 + px * 4;
      raw[o] = covered ? sum[0] / covered : 0;
      raw[o + 1] = covered ? sum[1] / covered : 0;
      raw[o + 2] = covered ? sum[2] / covered : 0;
      raw[o + 3] = sum[3] / (n * n);
    }
  }
  const chunk = (type, data) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(zlib.crc32(body));
    return Buffer.concat([len, body, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // RGBA
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', zlib.deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const dir = new URL('../src/web/public/icons/', import.meta.url);
fs.mkdirSync(dir, { recursive: true });
fs.writeFileSync(new URL('icon-192.png', dir), png(192, false));
fs.writeFileSync(new URL('icon-512.png', dir), png(512, false));
fs.writeFileSync(new URL('icon-maskable-512.png', dir), png(512, true));
fs.writeFileSync(new URL('apple-touch-icon.png', dir), png(180, true));
