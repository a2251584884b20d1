import { deflateSync } from "node:zlib";
import { prng } from "./http";

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

function crc32(data: Buffer): number {
  let c = 0xffffffff;
  for (const byte of data) c = (CRC_TABLE[(c ^ byte) & 0xff] as number) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function pngChunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const typed = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typed));
  return Buffer.concat([length, typed, crc]);
}

/** Encodes 8-bit RGB pixels (row-major, no padding) as a PNG. */
export function encodePng(width: number, height: number, rgb: Buffer): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = 2; // colour type: truecolour
  const stride = width * 3;
  const raw = Buffer.alloc((stride + 1) * height);
  for (let y = 0; y < height; y++) {
    raw[y * (stride + 1)] = 0; // filter: none
    rgb.copy(raw, y * (stride + 1) + 1, y * stride, (y + 1) * stride);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk("IHDR", header),
    pngChunk("IDAT", deflateSync(raw, { level: 3 })),
    pngChunk("IEND", Buffer.alloc(0)),
  ]);
}

function hsl(h: number, s: number, l: number): [number, number, number] {
  const a = s * Math.min(l, 1 - l);
  const f = (n: number) => {
    const k = (n + h * 12) % 12;
    return Math.round(255 * (l - a * Math.max(-1, Math.min(k - 3, 9 - k, 1))));
  };
  return [f(0), f(8), f(4)];
}

/**
 * A picture that is a function of the seed: a two-colour gradient at a seeded angle, soft bands
 * and a disc. Different prompts or seeds give visibly different images, which is all a UI test needs.
 */
export function renderPattern(width: number, height: number, seed: number): Buffer {
  const rand = prng(seed);
  const hue = rand();
  const c1 = hsl(hue, 0.65, 0.55);
  const c2 = hsl((hue + 0.3 + rand() * 0.4) % 1, 0.6, 0.35);
  const c3 = hsl((hue + 0.5) % 1, 0.7, 0.7);
  const angle = rand() * Math.PI * 2;
  const dx = Math.cos(angle);
  const dy = Math.sin(angle);
  const bands = 2 + Math.floor(rand() * 6);
  const cx = width * (0.25 + rand() * 0.5);
  const cy = height * (0.25 + rand() * 0.5);
  const r2 = (Math.min(width, height) * (0.12 + rand() * 0.2)) ** 2;
  const span = Math.abs(dx) * width + Math.abs(dy) * height || 1;
  const offset = Math.min(0, dx * width) + Math.min(0, dy * height);
  const rgb = Buffer.alloc(width * height * 3);
  let i = 0;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const t = (x * dx + y * dy - offset) / span;
      const band = 0.5 + 0.5 * Math.sin(t * bands * Math.PI * 2);
      const m = t * 0.8 + band * 0.2;
      let r = c1[0] + (c2[0] - c1[0]) * m;
      let g = c1[1] + (c2[1] - c1[1]) * m;
      let b = c1[2] + (c2[2] - c1[2]) * m;
      if ((x - cx) ** 2 + (y - cy) ** 2 < r2) {
        r = (r + c3[0] * 2) / 3;
        g = (g + c3[1] * 2) / 3;
        b = (b + c3[2] * 2) / 3;
      }
      rgb[i++] = r;
      rgb[i++] = g;
      rgb[i++] = b;
    }
  }
  return encodePng(width, height, rgb);
}
