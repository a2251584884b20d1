import { createHash, generateKeyPairSync, randomBytes, sign } from "node:crypto";

// The simulator serves generated media over HTTPS on the providers' real host names, so the app's
// downloader runs its https rule and certificate check as it does in production. The certificate is
// made here at start-up (nothing to commit, nothing to expire between runs) and is trusted only by a
// server configured to use the simulator as its media network (MEDIA_TEST_NETWORK, or demo mode).

interface SimCertificate {
  /** PEM certificate: hand it to the client as its only extra trust anchor. */
  cert: string;
  /** PEM PKCS#8 private key, never leaves the simulator process. */
  key: string;
  /** SHA-256 of the DER certificate, for logs and tests. */
  fingerprint: string;
}

// Minimal DER (X.690) writer: just the types an X.509 v3 certificate needs.
function der(tag: number, content: Buffer): Buffer {
  const n = content.length;
  let length: Buffer;
  if (n < 0x80) length = Buffer.from([n]);
  else {
    const bytes: number[] = [];
    for (let v = n; v > 0; v = Math.floor(v / 256)) bytes.unshift(v & 0xff);
    length = Buffer.from([0x80 | bytes.length, ...bytes]);
  }
  return Buffer.concat([Buffer.from([tag]), length, content]);
}

const seq = (...parts: Buffer[]) => der(0x30, Buffer.concat(parts));
const set = (...parts: Buffer[]) => der(0x31, Buffer.concat(parts));
const explicit = (n: number, inner: Buffer) => der(0xa0 + n, inner);
const octets = (b: Buffer) => der(0x04, b);
const utf8 = (s: string) => der(0x0c, Buffer.from(s, "utf8"));
const bool = (v: boolean) => der(0x01, Buffer.from([v ? 0xff : 0]));

function oid(dotted: string): Buffer {
  const [a = 0, b = 0, ...rest] = dotted.split(".").map(Number);
  const bytes = [a * 40 + b];
  for (const n of rest) {
    const chunk: number[] = [];
    for (let v = n; ; v = Math.floor(v / 128)) {
      chunk.unshift((v & 0x7f) | (chunk.length ? 0x80 : 0));
      if (v < 128) break;
    }
    bytes.push(...chunk);
  }
  return der(0x06, Buffer.from(bytes));
}

/**
 * A DER INTEGER from unsigned big-endian bytes: minimal (DER forbids a leading zero byte unless the
 * next byte's top bit is set; OpenSSL refuses such a key or certificate with "illegal padding",
 * which a random serial starting with 0x00 hit about once in 256 simulator starts) and positive.
 */
export function derInteger(b: Buffer): Buffer {
  let start = 0;
  while (start < b.length - 1 && b[start] === 0 && ((b[start + 1] ?? 0) & 0x80) === 0) start++;
  const v = b.subarray(start);
  return der(0x02, v[0] !== undefined && v[0] & 0x80 ? Buffer.concat([Buffer.from([0]), v]) : v);
}

function utcTime(d: Date): Buffer {
  const p = (n: number) => String(n).padStart(2, "0");
  const s = `${p(d.getUTCFullYear() % 100)}${p(d.getUTCMonth() + 1)}${p(d.getUTCDate())}${p(d.getUTCHours())}${p(d.getUTCMinutes())}${p(d.getUTCSeconds())}Z`;
  return der(0x17, Buffer.from(s, "ascii"));
}

function bitString(b: Buffer): Buffer {
  return der(0x03, Buffer.concat([Buffer.from([0]), b]));
}

const ECDSA_SHA256 = seq(oid("1.2.840.10045.4.3.2"));

function extension(id: string, critical: boolean, value: Buffer): Buffer {
  return seq(oid(id), ...(critical ? [bool(true)] : []), octets(value));
}

/** A fresh self-signed P-256 certificate for `hosts` (exact names only), valid for a day either side of now. */
export function selfSignedCertificate(
  hosts: readonly string[],
  commonName = "provider simulator media",
): SimCertificate {
  const { privateKey, publicKey } = generateKeyPairSync("ec", { namedCurve: "P-256" });
  const spki = publicKey.export({ type: "spki", format: "der" });
  const serial = randomBytes(16);
  serial[0] = (serial[0] ?? 0) & 0x7f;
  const name = seq(set(seq(oid("2.5.4.3"), utf8(commonName))));
  const now = Date.now();
  const san = seq(...hosts.map((h) => der(0x82, Buffer.from(h, "ascii"))));
  const extensions = seq(
    extension("2.5.29.19", true, seq(bool(true))), // basicConstraints CA: it is its own trust anchor
    extension("2.5.29.15", true, bitString(Buffer.from([0x84]))), // keyUsage digitalSignature, keyCertSign
    extension("2.5.29.37", false, seq(oid("1.3.6.1.5.5.7.3.1"))), // extKeyUsage serverAuth
    extension("2.5.29.17", false, san),
  );
  const tbs = seq(
    explicit(0, derInteger(Buffer.from([2]))),
    derInteger(serial),
    ECDSA_SHA256,
    name,
    seq(utcTime(new Date(now - 86_400_000)), utcTime(new Date(now + 86_400_000 * 365))),
    name,
    spki,
    explicit(3, extensions),
  );
  const signature = sign("sha256", tbs, privateKey);
  const certDer = seq(tbs, ECDSA_SHA256, bitString(signature));
  const body = certDer
    .toString("base64")
    .replace(/(.{64})/g, "$1\n")
    .trimEnd();
  return {
    cert: `-----BEGIN CERTIFICATE-----\n${body}\n-----END CERTIFICATE-----\n`,
    key: privateKey.export({ type: "pkcs8", format: "pem" }).toString(),
    fingerprint: createHash("sha256").update(certDer).digest("hex"),
  };
}
