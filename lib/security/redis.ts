import "server-only";
import net from "node:net";
import tls from "node:tls";

// A minimal RESP client: the rate limiter needs one atomic EVAL, which does not
// justify a Redis library in the server bundle.

type Reply = string | number | null | Reply[] | Error;

/** An error Redis answered (a bad command), as opposed to Redis being unreachable. */
export class RedisReplyError extends Error {
  override name = "RedisReplyError";
}

function encode(args: (string | number)[]): Buffer {
  const parts = [`*${args.length}\r\n`];
  for (const a of args) {
    const s = String(a);
    parts.push(`$${Buffer.byteLength(s)}\r\n${s}\r\n`);
  }
  return Buffer.from(parts.join(""));
}

/** Parses one reply from buf at offset; returns null when more bytes are needed. */
function parse(buf: Buffer, offset: number): { value: Reply; next: number } | null {
  const end = buf.indexOf("\r\n", offset);
  if (end < 0) return null;
  const type = String.fromCharCode(buf[offset] ?? 0);
  const line = buf.toString("utf8", offset + 1, end);
  const after = end + 2;
  switch (type) {
    case "+":
      return { value: line, next: after };
    case "-":
      return { value: new RedisReplyError(line), next: after };
    case ":":
      return { value: Number(line), next: after };
    case "$": {
      const len = Number(line);
      if (len < 0) return { value: null, next: after };
      if (buf.length < after + len + 2) return null;
      return { value: buf.toString("utf8", after, after + len), next: after + len + 2 };
    }
    case "*": {
      const count = Number(line);
      if (count < 0) return { value: null, next: after };
      const items: Reply[] = [];
      let pos = after;
      for (let i = 0; i < count; i++) {
        const item = parse(buf, pos);
        if (!item) return null;
        items.push(item.value);
        pos = item.next;
      }
      return { value: items, next: pos };
    }
    default:
      throw new Error(`Unexpected Redis reply type ${type}`);
  }
}

/** How long a command may take before Redis counts as down, and how long it then stays "down". */
export const REDIS_COMMAND_TIMEOUT_MS = 1_000;
export const REDIS_RETRY_AFTER_MS = 5_000;

export class RedisClient {
  private socket: net.Socket | null = null;
  private buffer = Buffer.alloc(0);
  private pending: { resolve: (r: Reply) => void; reject: (e: Error) => void }[] = [];
  private connecting: Promise<net.Socket> | null = null;
  // After a failure, commands fail at once until this time: a stopped or unreachable Redis must not
  // make every request wait for a connect attempt (callers fall back to local state meanwhile).
  private downUntil = 0;

  constructor(
    private readonly url: string,
    private readonly timeoutMs = REDIS_COMMAND_TIMEOUT_MS,
    private readonly retryAfterMs = REDIS_RETRY_AFTER_MS,
  ) {}

  private connect(): Promise<net.Socket> {
    if (this.socket && !this.socket.destroyed) return Promise.resolve(this.socket);
    this.connecting ??= new Promise<net.Socket>((resolve, reject) => {
      const u = new URL(this.url);
      const port = Number(u.port || 6379);
      const socket =
        u.protocol === "rediss:"
          ? tls.connect({ host: u.hostname, port, servername: u.hostname })
          : net.connect(port, u.hostname);
      socket.setTimeout(this.timeoutMs);
      const fail = (err: Error) => {
        this.socket = null;
        this.connecting = null;
        for (const p of this.pending.splice(0)) p.reject(err);
        reject(err);
      };
      socket.once("error", fail);
      socket.on("timeout", () => socket.destroy(new Error("Redis connection timed out")));
      socket.on("close", () => fail(new Error("Redis connection closed")));
      socket.on("data", (chunk) => this.onData(chunk));
      socket.once(u.protocol === "rediss:" ? "secureConnect" : "connect", async () => {
        socket.setTimeout(0);
        this.socket = socket;
        this.connecting = null;
        try {
          if (u.password)
            await this.send(
              u.username
                ? ["AUTH", decodeURIComponent(u.username), decodeURIComponent(u.password)]
                : ["AUTH", decodeURIComponent(u.password)],
            );
          const db = u.pathname.replace("/", "");
          if (db) await this.send(["SELECT", db]);
          resolve(socket);
        } catch (err) {
          socket.destroy();
          reject(err as Error);
        }
      });
    });
    return this.connecting;
  }

  private onData(chunk: Buffer) {
    this.buffer = Buffer.concat([this.buffer, chunk]);
    let offset = 0;
    for (;;) {
      const parsed = parse(this.buffer, offset);
      if (!parsed) break;
      offset = parsed.next;
      const waiter = this.pending.shift();
      if (!waiter) continue;
      if (parsed.value instanceof Error) waiter.reject(parsed.value);
      else waiter.resolve(parsed.value);
    }
    this.buffer = this.buffer.subarray(offset);
  }

  private send(args: (string | number)[]): Promise<Reply> {
    return new Promise((resolve, reject) => {
      if (!this.socket) return reject(new Error("Redis is not connected"));
      this.pending.push({ resolve, reject });
      this.socket.write(encode(args));
    });
  }

  /** One command; rejects within the timeout when Redis is down, slow or unreachable. */
  async command(args: (string | number)[]): Promise<Reply> {
    if (Date.now() < this.downUntil) throw new Error("Redis is unavailable (retrying shortly)");
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        // A late reply would be matched to the wrong waiter: drop the connection and start over.
        this.socket?.destroy();
        reject(new Error(`Redis did not answer within ${this.timeoutMs} ms`));
      }, this.timeoutMs);
    });
    try {
      return await Promise.race([this.connect().then(() => this.send(args)), deadline]);
    } catch (err) {
      if (!(err instanceof RedisReplyError)) this.downUntil = Date.now() + this.retryAfterMs;
      throw err;
    } finally {
      clearTimeout(timer);
    }
  }

  close() {
    this.socket?.destroy();
    this.socket = null;
  }
}

const shared = Symbol.for("siliconplay.redis-clients");
const g = globalThis as unknown as { [shared]?: Map<string, RedisClient> };

/** One connection per URL for the whole process (rate limits, sessions and uploads share it). */
export function sharedRedis(url: string): RedisClient {
  g[shared] ??= new Map();
  let client = g[shared].get(url);
  if (!client) {
    client = new RedisClient(url);
    g[shared].set(url, client);
  }
  return client;
}
