import { readdirSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SHELL_PAGES, serviceWorkerScript } from "@/lib/pwa/service-worker";

// The generated worker run against a real HTTP server, in a minimal worker scope: Cache Storage
// kept in memory with the browser's semantics for what the worker uses (open, put, add, match,
// keys, delete). Issue 17 finding 12 (versioned cache, pruned on activate) and issue 18 bug 6
// (every page's shell and chunks precached; /chat/<id> answered with a conversation page).

let server: Server;
let origin = "";
const requests: string[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    const path = req.url ?? "/";
    requests.push(path);
    if (path.startsWith("/_next/static/") || path.startsWith("/icons/") || path === "/manifest.webmanifest") {
      res.writeHead(200, { "content-type": "application/javascript" }).end(`// ${path}`);
      return;
    }
    const page = path.replace(/\W+/g, "-");
    // Each page names its own chunk, as Next's HTML does in script tags and in the flight data.
    res.writeHead(200, { "content-type": "text/html" }).end(
      `<html><script src="/_next/static/chunks/${page}.js"></script>` +
        `<script>self.__next_f.push([1,"I:[\\"/_next/static/chunks/lazy${page}.js\\"]"])</script>` +
        // How Turbopack names a worker's chunks: percent-encoded in the worker URL's fragment.
        `<script>new Worker("/_next/static/chunks/w.js#params=%5B%22%2F_next%2Fstatic%2Fchunks%2Fworker${page}.js%22%5D")</script>` +
        `<body>page ${path}</body></html>`,
    );
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

class MemoryCache {
  entries = new Map<string, Response>();
  async put(request: Request | string, response: Response) {
    this.entries.set(typeof request === "string" ? request : request.url, response.clone());
  }
  async add(url: string) {
    const res = await fetch(url);
    if (!res.ok) throw new TypeError("bad response");
    await this.put(url, res);
  }
  async match(request: Request | string) {
    return this.entries.get(typeof request === "string" ? request : request.url)?.clone();
  }
}

class MemoryCacheStorage {
  stores = new Map<string, MemoryCache>();
  async open(name: string) {
    if (!this.stores.has(name)) this.stores.set(name, new MemoryCache());
    return this.stores.get(name)!;
  }
  async keys() {
    return [...this.stores.keys()];
  }
  async delete(name: string) {
    return this.stores.delete(name);
  }
}

type Listener = (event: unknown) => void;

// Navigation requests cannot be constructed outside a browser: the worker sees a plain object with
// a request's fields, and its fetch goes to the URL.
interface NavigationRequest {
  url: string;
  method: "GET";
  mode: "navigate";
}
const online = ((input: string | NavigationRequest, init?: RequestInit) =>
  fetch(typeof input === "string" ? input : input.url, init)) as typeof fetch;

/** Runs the worker script in a fresh scope; returns a way to dispatch its events. */
function startWorker(version: string, caches: MemoryCacheStorage, network: typeof fetch = online) {
  const listeners = new Map<string, Listener>();
  const state = { skipped: false, claimed: false };
  const self = {
    location: new URL(`${origin}/sw.js`),
    addEventListener: (type: string, fn: Listener) => listeners.set(type, fn),
    skipWaiting: async () => {
      state.skipped = true;
    },
    clients: {
      claim: async () => {
        state.claimed = true;
      },
    },
  };
  new Function("self", "caches", "fetch", serviceWorkerScript(version))(self, caches, network);
  const lifecycle = async (type: "install" | "activate") => {
    const pending: Promise<unknown>[] = [];
    listeners.get(type)!({ waitUntil: (p: Promise<unknown>) => pending.push(p) });
    await Promise.all(pending);
  };
  const navigate = async (path: string): Promise<Response | undefined> => {
    let answer: Promise<Response> | undefined;
    const pending: Promise<unknown>[] = [];
    listeners.get("fetch")!({
      request: { url: `${origin}${path}`, method: "GET", mode: "navigate" } satisfies NavigationRequest,
      respondWith: (p: Promise<Response>) => {
        answer = p;
      },
      waitUntil: (p: Promise<unknown>) => pending.push(p),
    });
    const res = await answer;
    await Promise.all(pending);
    return res;
  };
  return { state, lifecycle, navigate };
}

const offline = (() => Promise.reject(new TypeError("Failed to fetch"))) as typeof fetch;

describe("service worker", () => {
  it("precaches every page's shell and the chunks its HTML names, in a cache named for the build", async () => {
    const caches = new MemoryCacheStorage();
    const worker = startWorker("build-a", caches);
    await worker.lifecycle("install");
    expect(worker.state.skipped).toBe(true);
    expect(await caches.keys()).toEqual(["siliconplay-build-a"]);
    const cached = [...(await caches.open("siliconplay-build-a")).entries.keys()].map((u) => u.slice(origin.length));
    expect(cached).toContain("/_next/static/chunks/w.js");
    for (const page of SHELL_PAGES) {
      expect(cached).toContain(page);
      const name = page.replace(/\W+/g, "-");
      expect(cached).toContain(`/_next/static/chunks/${name}.js`);
      expect(cached).toContain(`/_next/static/chunks/lazy${name}.js`);
      expect(cached).toContain(`/_next/static/chunks/worker${name}.js`);
    }
  });

  it("precaches every page the app has (a page added under app/ must be added to SHELL_PAGES)", () => {
    const pages: string[] = [];
    const walk = (dir: string, route: string) => {
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        if (!entry.isDirectory()) {
          if (entry.name === "page.tsx") pages.push(route || "/");
          continue;
        }
        // Route groups add nothing to the path; an optional catch-all page is both `/x` and `/x/<id>`.
        if (/^\(.+\)$/.test(entry.name)) walk(join(dir, entry.name), route);
        else if (/^\[\[\.\.\..+\]\]$/.test(entry.name)) {
          walk(join(dir, entry.name), route);
          pages.push(`${route}/_`);
        } else walk(join(dir, entry.name), `${route}/${entry.name}`);
      }
    };
    walk(resolve(__dirname, "../../app"), "");
    // `/` redirects to /chat; /login is reached only online (signing in needs the server).
    const expected = pages.filter((p) => p !== "/" && p !== "/login").sort();
    expect([...SHELL_PAGES].sort()).toEqual(expected);
  });

  it("on activate deletes every older cache of this app, and only those", async () => {
    const caches = new MemoryCacheStorage();
    await caches.open("siliconplay-shell-v1");
    await caches.open("siliconplay-build-a");
    await caches.open("someone-elses-cache");
    const worker = startWorker("build-b", caches);
    await worker.lifecycle("install");
    await worker.lifecycle("activate");
    expect((await caches.keys()).sort()).toEqual(["siliconplay-build-b", "someone-elses-cache"]);
    expect(worker.state.claimed).toBe(true);
  });

  it("offline, opens each page from its shell and any conversation from a conversation page", async () => {
    const caches = new MemoryCacheStorage();
    await startWorker("build-c", caches).lifecycle("install");
    const worker = startWorker("build-c", caches, offline);
    expect(await (await worker.navigate("/images"))!.text()).toContain("page /images");
    expect(await (await worker.navigate("/video"))!.text()).toContain("page /video");
    expect(await (await worker.navigate("/"))!.text()).toContain("page /chat<");
    // Not the /chat page: its server HTML differs from a conversation's and would not hydrate.
    expect(await (await worker.navigate("/chat/4694fbed-6d16-4f5e"))!.text()).toContain("page /chat/_");
    expect(await (await worker.navigate("/compare/9f1c2d3e"))!.text()).toContain("page /compare/_");
    expect(await (await worker.navigate("/assistants"))!.text()).toContain("page /assistants");
    expect(await (await worker.navigate("/prompts"))!.text()).toContain("page /prompts");
    const unknown = await (await worker.navigate("/nowhere"))!.text();
    expect(unknown).toContain("SiliconPlay");
    expect(unknown).toContain("You are offline");
    expect(unknown).toContain("当前处于离线状态");
  });

  it("online, serves the network and refreshes the shell a conversation page stands for", async () => {
    const caches = new MemoryCacheStorage();
    const worker = startWorker("build-d", caches);
    await worker.navigate("/chat/abc");
    const shell = await (await caches.open("siliconplay-build-d")).match(`${origin}/chat/_`);
    expect(await shell?.text()).toContain("page /chat/abc");
  });
});
