// Reads an image's type and size from its first bytes. The browser stores and shows whatever the
// server returns, so the type comes from the bytes, not from the provider's Content-Type: an HTML
// error page or anything else that is not a picture never becomes a stored "image".

interface ImageInfo {
  mime: "image/png" | "image/jpeg" | "image/webp" | "image/gif";
  width: number;
  height: number;
}

function png(b: Uint8Array, v: DataView): ImageInfo | null {
  const sig = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (b.length < 24 || !sig.every((x, i) => b[i] === x)) return null;
  return { mime: "image/png", width: v.getUint32(16), height: v.getUint32(20) };
}

function gif(b: Uint8Array, v: DataView): ImageInfo | null {
  if (b.length < 10 || String.fromCharCode(...b.subarray(0, 4)) !== "GIF8") return null;
  return { mime: "image/gif", width: v.getUint16(6, true), height: v.getUint16(8, true) };
}

function webp(b: Uint8Array, v: DataView): ImageInfo | null {
  const ascii = (from: number, to: number) => String.fromCharCode(...b.subarray(from, to));
  if (b.length < 30 || ascii(0, 4) !== "RIFF" || ascii(8, 12) !== "WEBP") return null;
  const chunk = ascii(12, 16);
  if (chunk === "VP8X") {
    const w = 1 + ((b[24] ?? 0) | ((b[25] ?? 0) << 8) | ((b[26] ?? 0) << 16));
    const h = 1 + ((b[27] ?? 0) | ((b[28] ?? 0) << 8) | ((b[29] ?? 0) << 16));
    return { mime: "image/webp", width: w, height: h };
  }
  if (chunk === "VP8 ") {
    return { mime: "image/webp", width: v.getUint16(26, true) & 0x3fff, height: v.getUint16(28, true) & 0x3fff };
  }
  if (chunk === "VP8L") {
    const bits = v.getUint32(21, true);
    return { mime: "image/webp", width: (bits & 0x3fff) + 1, height: ((bits >> 14) & 0x3fff) + 1 };
  }
  return null;
}

function jpeg(b: Uint8Array, v: DataView): ImageInfo | null {
  if (b.length < 4 || b[0] !== 0xff || b[1] !== 0xd8) return null;
  let i = 2;
  while (i + 9 < b.length) {
    if (b[i] !== 0xff) return null;
    const marker = b[i + 1] ?? 0;
    // Fill bytes and markers without a length.
    if (marker === 0xff) {
      i++;
      continue;
    }
    if (marker === 0xd8 || marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
      i += 2;
      continue;
    }
    const length = v.getUint16(i + 2);
    // Start-of-frame markers (baseline, progressive, …) carry the size; C4, C8 and CC do not.
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      return { mime: "image/jpeg", height: v.getUint16(i + 5), width: v.getUint16(i + 7) };
    }
    i += 2 + length;
  }
  return null;
}

/** The image's type and dimensions, or null when the bytes are not a PNG, JPEG, WebP or GIF. */
export function sniffImage(bytes: Uint8Array): ImageInfo | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (const read of [png, jpeg, webp, gif]) {
    const info = read(bytes, view);
    if (info) return info.width > 0 && info.height > 0 ? info : null;
  }
  return null;
}
