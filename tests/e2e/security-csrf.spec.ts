import http from "node:http";
import type { AddressInfo } from "node:net";
import { expect, test } from "./support/fixtures";
import { loopback, signInFrom } from "./support/from-address";

// Issue 17 finding 3 in the browser: a page on another origin of the same site (here another port of
// 127.0.0.1, as a sibling subdomain would be) makes Chromium send a text/plain form and no-cors
// fetches to the app, cookies and all. The app must refuse them, and the simulator's log must show
// that nothing reached the provider.

const CHAT = {
  id: "c1",
  model: { provider: "siliconflow", id: "Qwen/Qwen2.5-7B-Instruct" },
  messages: [{ id: "u1", role: "user", parts: [{ type: "text", text: "spend the credits" }] }],
};
const IMAGES = {
  provider: "siliconflow",
  model: "black-forest-labs/FLUX.1-schnell",
  prompt: "a lighthouse",
  size: "1024x1024",
  batchSize: 1,
};

/**
 * The classic text/plain trick: name + "=" + value reads as one JSON document. The form posts into an
 * iframe (which the API's X-Frame-Options: DENY then leaves blank) so both forms can go at once.
 */
function jsonForm(id: string, action: string, body: object): string {
  const json = JSON.stringify({ ...body, pad: "" });
  const name = json.slice(0, -2);
  return `<form id="${id}" method="POST" action="${action}" enctype="text/plain" target="${id}-frame">
    <input type="hidden" name='${name.replace(/'/g, "&#39;")}' value='"}'></form>
    <iframe name="${id}-frame"></iframe>`;
}

function attackerPage(app: string): string {
  return `<!doctype html><title>attacker</title>
  ${jsonForm("chat", `${app}/api/chat`, CHAT)}
  ${jsonForm("images", `${app}/api/images`, IMAGES)}
  <script>
    const post = (path, body) => fetch(${JSON.stringify(app)} + path, {
      method: "POST", mode: "no-cors", credentials: "include",
      headers: { "content-type": "text/plain" }, body: JSON.stringify(body),
    }).catch(() => undefined);
    Promise.all([post("/api/chat", ${JSON.stringify(CHAT)}), post("/api/images", ${JSON.stringify(IMAGES)})]).then(() => {
      document.getElementById("chat").submit();
      document.getElementById("images").submit();
      document.title = "sent";
    });
  </script>`;
}

async function serveAttacker(app: string): Promise<{ url: string; close(): Promise<void> }> {
  const server = http.createServer((_req, res) => {
    res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
    res.end(attackerPage(app));
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`,
    close: () => new Promise((r) => server.close(() => r())),
  };
}

for (const locked of [false, true]) {
  test(`a same-site page cannot spend credits ${locked ? "with the victim's session" : "without an access code"}`, async ({
    page,
    sim,
    baseURL,
    lockedURL,
    locale,
  }) => {
    const app = locked ? lockedURL : (baseURL as string);
    if (locked) {
      // The victim is signed in (the cookie is SameSite=Lax: a same-site page's requests carry it).
      const cookie = await signInFrom(loopback(locale, 60), lockedURL);
      const [name, value] = cookie.split("=") as [string, string];
      await page.context().addCookies([{ name, value, url: lockedURL }]);
    }
    const attacker = await serveAttacker(app);
    try {
      const refused: string[] = [];
      page.on("response", (res) => {
        const url = new URL(res.url());
        if (url.origin === new URL(app).origin && url.pathname.startsWith("/api/")) {
          refused.push(`${res.request().method()} ${url.pathname} ${res.status()}`);
        }
      });
      await page.goto(attacker.url);
      await expect(page).toHaveTitle("sent");
      // Two no-cors fetches and two form posts reached the app, and each was refused.
      await expect.poll(() => refused.length).toBe(4);
      expect(refused.sort()).toEqual([
        "POST /api/chat 403",
        "POST /api/chat 403",
        "POST /api/images 403",
        "POST /api/images 403",
      ]);
      const spent = (await sim.log()).filter((e) => /chat\/completions|images\/generations/.test(e.path));
      expect(spent).toEqual([]);
    } finally {
      await attacker.close();
    }
  });
}
