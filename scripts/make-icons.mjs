// Draws the add-in's icons (16, 32 and 80 px PNGs in addin/assets/): two people over a table, white on
// teal. Run once when the design changes; the PNGs are committed.
import { mkdirSync, writeFileSync } from "node:fs";
import { deflateSync } from "node:zlib";

const TEAL = [15, 108, 108, 255];
const WHITE = [255, 255, 255, 255];
const CLEAR = [0, 0, 0, 0];

function pixel(size, x, y) {
  const u = (x + 0.5) / size;
  const v = (y + 0.5) / size;
  const r = 0.14;
  // Rounded square background.
  const dx = Math.max(r - u, 0, u - (1 - r));
  const dy = Math.max(r - v, 0, v - (1 - r));
  if (dx * dx + dy * dy > r * r) return CLEAR;
  const head = (cx) => (u - cx) ** 2 + (v - 0.3) ** 2 < 0.011;
  const body = (cx) => Math.abs(u - cx) < 0.13 && v > 0.43 && v < 0.62 && (u - cx) ** 2 + (v - 0.55) ** 2 < 0.03;
  const desk = u > 0.14 && u < 0.86 && v > 0.66 && v < 0.76;
  return head(0.33) || head(0.67) || body(0.33) || body(0.67) || desk ? WHITE : TEAL;
}

function crc32(buf) {
  let c = ~0;
  for (const b of buf) {
    c ^= b;
    for (let k = 0; k < 8; k++) c = c & 1 ? (c >>> 1) ^ 0xedb88320 : c >>> 1;
  }
  return ~c >>> 0;
}

function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

function png(size) {
  const rows = [];
  for (let y = 0; y < size; y++) {
    const row = [0];
    for (let x = 0; x < size; x++) {
      // 4× supersampling for smooth edges.
      const acc = [0, 0, 0, 0];
      for (let sy = 0; sy < 4; sy++) for (let sx = 0; sx < 4; sx++) {
        const p = pixel(size * 4, x * 4 + sx, y * 4 + sy);
        for (let k = 0; k < 4; k++) acc[k] += p[k];
      }
      row.push(...acc.map((a) => Math.round(a / 16)));
    }
    rows.push(Buffer.from(row));
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // RGBA
  return Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk("IHDR", header), chunk("IDAT", deflateSync(Buffer.concat(rows))), chunk("IEND", Buffer.alloc(0))]);
}

const out = new URL("../addin/assets/", import.meta.url);
mkdirSync(out, { recursive: true });
for (const size of [16, 32, 80]) writeFileSync(new URL(`icon-${size}.png`, out), png(size));
