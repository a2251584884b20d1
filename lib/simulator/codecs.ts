// Just enough of WAV, MP3 and Ogg/Opus to make real, playable audio whose length follows the text,
// and to measure uploaded reference audio. No encoder: MP3 and Opus come from checked-in samples
// (encoded without a bit reservoir, so any run of their frames decodes on its own) and are repeated.

const CJK = /[\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff\uff00-\uffef]/;
const PENTATONIC = [261.63, 293.66, 329.63, 392.0, 440.0, 523.25, 587.33, 659.25];
const MAX_SPEECH_SECONDS = 90;

/** Only what follows an `<|endofprompt|>` instruction is spoken; tags like `[laughter]` are not words. */
function spokenUnits(text: string): string[] {
  const marker = text.lastIndexOf("<|endofprompt|>");
  const spoken = (marker >= 0 ? text.slice(marker + "<|endofprompt|>".length) : text).replace(/\[[a-z_]+\]/gi, " ");
  return [...spoken];
}

function unitSeconds(ch: string): number {
  if (CJK.test(ch)) return 0.22;
  if (/[\p{L}\p{N}]/u.test(ch)) return 0.065;
  return 0.09;
}

export function speechSeconds(text: string, speed: number): number {
  const voiced = spokenUnits(text).reduce((sum, ch) => sum + unitSeconds(ch), 0);
  return Math.min(MAX_SPEECH_SECONDS, 0.3 + voiced / speed);
}

/** 16-bit mono PCM: one soft note per character (a pentatonic scale, so it sounds pleasant), rests for spaces. */
export function synthPcm(text: string, sampleRate: number, speed: number, gainDb: number): Buffer {
  const total = Math.ceil(speechSeconds(text, speed) * sampleRate);
  const out = Buffer.alloc(total * 2);
  const amplitude = Math.min(0.95, 0.3 * 10 ** (gainDb / 20)) * 32767;
  const fade = Math.floor(sampleRate * 0.008);
  let at = Math.floor(sampleRate * 0.15);
  for (const ch of spokenUnits(text)) {
    const length = Math.floor((unitSeconds(ch) / speed) * sampleRate);
    if (at + length > total) break;
    if (/[\p{L}\p{N}]/u.test(ch)) {
      const freq = PENTATONIC[(ch.codePointAt(0) ?? 0) % PENTATONIC.length] as number;
      const step = (2 * Math.PI * freq) / sampleRate;
      for (let i = 0; i < length; i++) {
        const envelope = Math.min(1, i / fade, (length - i) / fade);
        const sample = (0.7 * Math.sin(step * i) + 0.3 * Math.sin(2 * step * i)) * envelope * amplitude;
        out.writeInt16LE(Math.round(sample), (at + i) * 2);
      }
    }
    at += length;
  }
  return out;
}

export function wavFile(pcm: Buffer, sampleRate: number): Buffer {
  const header = Buffer.alloc(44);
  header.write("RIFF", 0, "ascii");
  header.writeUInt32LE(36 + pcm.length, 4);
  header.write("WAVEfmt ", 8, "ascii");
  header.writeUInt32LE(16, 16); // fmt chunk size
  header.writeUInt16LE(1, 20); // PCM
  header.writeUInt16LE(1, 22); // mono
  header.writeUInt32LE(sampleRate, 24);
  header.writeUInt32LE(sampleRate * 2, 28); // byte rate
  header.writeUInt16LE(2, 32); // block align
  header.writeUInt16LE(16, 34); // bits per sample
  header.write("data", 36, "ascii");
  header.writeUInt32LE(pcm.length, 40);
  return Buffer.concat([header, pcm]);
}

/** Seconds of a RIFF/WAVE file from its fmt and data chunks, or null if it is not one. */
export function wavSeconds(data: Buffer): number | null {
  if (data.length < 12 || data.toString("ascii", 0, 4) !== "RIFF" || data.toString("ascii", 8, 12) !== "WAVE")
    return null;
  let byteRate = 0;
  for (let at = 12; at + 8 <= data.length; ) {
    const id = data.toString("ascii", at, at + 4);
    const size = data.readUInt32LE(at + 4);
    if (id === "fmt " && at + 16 <= data.length) byteRate = data.readUInt32LE(at + 16);
    // A streamed WAV may declare a bogus data size; trust what is actually there.
    if (id === "data") return byteRate > 0 ? Math.min(size, data.length - at - 8) / byteRate : null;
    at += 8 + size + (size % 2);
  }
  return null;
}

const MP3_BITRATES_V1 = [0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320];
const MP3_BITRATES_V2 = [0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160];
const MP3_RATES: Record<number, number[]> = {
  3: [44100, 48000, 32000],
  2: [22050, 24000, 16000],
  0: [11025, 12000, 8000],
};

interface Mp3Frame {
  data: Buffer;
  sampleRate: number;
  samples: number;
}

/** MPEG audio layer III frames, skipping an ID3v2 tag and any bytes between frames. */
function mp3Frames(data: Buffer): Mp3Frame[] {
  const frames: Mp3Frame[] = [];
  let at = 0;
  if (data.toString("latin1", 0, 3) === "ID3" && data.length >= 10) {
    at = 10 + (((data[6] ?? 0) << 21) | ((data[7] ?? 0) << 14) | ((data[8] ?? 0) << 7) | (data[9] ?? 0));
  }
  while (at + 4 <= data.length) {
    const header = data.readUInt32BE(at);
    const version = (header >>> 19) & 3;
    const layer = (header >>> 17) & 3;
    const bitrateIndex = (header >>> 12) & 15;
    const rateIndex = (header >>> 10) & 3;
    if (
      header >>> 21 !== 0x7ff ||
      version === 1 ||
      layer !== 1 ||
      bitrateIndex === 0 ||
      bitrateIndex === 15 ||
      rateIndex === 3
    ) {
      at++;
      continue;
    }
    const v1 = version === 3;
    const bitrate = ((v1 ? MP3_BITRATES_V1 : MP3_BITRATES_V2)[bitrateIndex] ?? 0) * 1000;
    const sampleRate = MP3_RATES[version]?.[rateIndex] ?? 44100;
    const length = Math.floor(((v1 ? 144 : 72) * bitrate) / sampleRate) + ((header >>> 9) & 1);
    if (at + length > data.length) break;
    frames.push({ data: data.subarray(at, at + length), sampleRate, samples: v1 ? 1152 : 576 });
    at += length;
  }
  return frames;
}

export function mp3Seconds(data: Buffer): number {
  return mp3Frames(data).reduce((sum, f) => sum + f.samples / f.sampleRate, 0);
}

/** Repeats the sample's frames until `seconds` of audio. */
export function repeatMp3(sample: Buffer, seconds: number): Buffer {
  const frames = mp3Frames(sample);
  const out: Buffer[] = [];
  let time = 0;
  for (let i = 0; time < seconds && frames.length > 0; i++) {
    const frame = frames[i % frames.length] as Mp3Frame;
    out.push(frame.data);
    time += frame.samples / frame.sampleRate;
  }
  return Buffer.concat(out);
}

const OGG_CRC = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n << 24;
    for (let k = 0; k < 8; k++) c = c & 0x80000000 ? (c << 1) ^ 0x04c11db7 : c << 1;
    table[n] = c >>> 0;
  }
  return table;
})();

function oggCrc(page: Buffer): number {
  let crc = 0;
  for (const byte of page) crc = ((crc << 8) ^ (OGG_CRC[((crc >>> 24) ^ byte) & 0xff] as number)) >>> 0;
  return crc;
}

function oggPackets(data: Buffer): { serial: number; packets: Buffer[] } {
  const packets: Buffer[] = [];
  let serial = 0;
  let pending: Buffer[] = [];
  for (let at = 0; at + 27 <= data.length && data.toString("ascii", at, at + 4) === "OggS"; ) {
    serial = data.readUInt32LE(at + 14);
    const segments = data[at + 26] ?? 0;
    let body = at + 27 + segments;
    for (let s = 0; s < segments; s++) {
      const lace = data[at + 27 + s] ?? 0;
      pending.push(data.subarray(body, body + lace));
      body += lace;
      if (lace < 255) {
        packets.push(Buffer.concat(pending));
        pending = [];
      }
    }
    at = body;
  }
  return { serial, packets };
}

/** Samples (at 48 kHz) in one Opus packet, from its TOC byte (RFC 6716, section 3.1). */
function opusSamples(packet: Buffer): number {
  const toc = packet[0] ?? 0;
  const config = toc >> 3;
  const frameMs =
    config < 12
      ? ([10, 20, 40, 60][config % 4] as number)
      : config < 16
        ? ([10, 20][config % 2] as number)
        : ([2.5, 5, 10, 20][config % 4] as number);
  const code = toc & 3;
  const frames = code === 0 ? 1 : code === 3 ? (packet[1] ?? 0) & 0x3f : 2;
  return frames * frameMs * 48;
}

function oggPage(serial: number, sequence: number, granule: number, flags: number, packets: Buffer[]): Buffer {
  const lacing: number[] = [];
  for (const packet of packets) {
    let left = packet.length;
    while (left >= 255) {
      lacing.push(255);
      left -= 255;
    }
    lacing.push(left);
  }
  const header = Buffer.alloc(27);
  header.write("OggS", 0, "ascii");
  header[5] = flags;
  header.writeBigInt64LE(BigInt(granule), 6);
  header.writeUInt32LE(serial, 14);
  header.writeUInt32LE(sequence, 18);
  header[26] = lacing.length;
  const page = Buffer.concat([header, Buffer.from(lacing), ...packets]);
  page.writeUInt32LE(oggCrc(page), 22);
  return page;
}

/** Re-paginates the sample's audio packets, repeated until `seconds`, into a fresh Ogg/Opus stream. */
export function repeatOpus(sample: Buffer, seconds: number): Buffer {
  const { serial, packets } = oggPackets(sample);
  const [head, tags, ...audio] = packets;
  if (!head || !tags || audio.length === 0) return sample;
  const pages = [oggPage(serial, 0, 0, 2, [head]), oggPage(serial, 1, 0, 0, [tags])];
  const target = seconds * 48000;
  let granule = 0;
  let batch: Buffer[] = [];
  for (let i = 0; granule < target; i++) {
    const packet = audio[i % audio.length] as Buffer;
    batch.push(packet);
    granule += opusSamples(packet);
    // About one second per page, and always well under the 255-segment limit.
    if (batch.length === 50 || granule >= target) {
      pages.push(oggPage(serial, pages.length, granule, granule >= target ? 4 : 0, batch));
      batch = [];
    }
  }
  return Buffer.concat(pages);
}
