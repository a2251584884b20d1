import { randomBytes } from "node:crypto";
import { encodePng } from "../../../lib/simulator/png";

// Test pictures made in Node, so the vision specs need no binary fixtures.

/** A PNG of one colour. */
export function solidPng(width: number, height: number, rgb: [number, number, number] = [200, 80, 40]): Buffer {
  const pixels = Buffer.alloc(width * height * 3);
  for (let i = 0; i < pixels.length; i += 3) pixels.set(rgb, i);
  return encodePng(width, height, pixels);
}

/** Random pixels: the worst case for JPEG, so the prepared image lands near the size cap. */
export function noisePng(width: number, height: number): Buffer {
  return encodePng(width, height, randomBytes(width * height * 3));
}

/** Width and height from a JPEG's SOF marker. */
export function jpegSize(bytes: Buffer): { width: number; height: number } {
  let i = 2;
  while (i < bytes.length) {
    if (bytes[i] !== 0xff) throw new Error("not a JPEG marker");
    const marker = bytes[i + 1] as number;
    const length = bytes.readUInt16BE(i + 2);
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      return { height: bytes.readUInt16BE(i + 5), width: bytes.readUInt16BE(i + 7) };
    }
    i += 2 + length;
  }
  throw new Error("no SOF marker");
}

/**
 * An animated GIF whose frames are each one colour. LZW with 8-bit codes and a clear code every
 * 100 pixels never grows the code width, so every code is one byte: no bit packing needed.
 */
export function animatedGif(width: number, height: number, frames: [number, number, number][]): Buffer {
  const out: number[] = [];
  const u16 = (n: number) => out.push(n & 0xff, n >> 8);
  out.push(...Buffer.from("GIF89a"));
  u16(width);
  u16(height);
  // Global colour table of 128 entries (2^(6+1)); the frames' colours first.
  out.push(0xf6, 0, 0);
  for (let i = 0; i < 128; i++) out.push(...(frames[i] ?? [0, 0, 0]));
  // Loop forever.
  out.push(0x21, 0xff, 0x0b, ...Buffer.from("NETSCAPE2.0"), 0x03, 0x01, 0x00, 0x00, 0x00);
  frames.forEach((_, index) => {
    out.push(0x21, 0xf9, 0x04, 0x00, 50, 0, 0x00, 0x00);
    out.push(0x2c, 0, 0, 0, 0);
    u16(width);
    u16(height);
    out.push(0x00, 7);
    const codes: number[] = [];
    for (let p = 0; p < width * height; p++) {
      if (p % 100 === 0) codes.push(128);
      codes.push(index);
    }
    codes.push(129);
    for (let i = 0; i < codes.length; i += 255) {
      const block = codes.slice(i, i + 255);
      out.push(block.length, ...block);
    }
    out.push(0x00);
  });
  out.push(0x3b);
  return Buffer.from(out);
}
