import { CHAT_BODY_MAX_BYTES } from "@/lib/chat/contract";
import { chatReply } from "@/lib/chat/server/handler";
import { nodeApiHandler } from "@/lib/http/node-handler";

// /api/chat is the one Pages Router route: a Pages API route gets Node's request and response as
// they are, where an App Router handler would get a web Request built from them and hand back a
// Response that Next writes out again. Measured with `npm run bench ttfb -- --compare-url` (two
// servers started together, ten runs in both roles), that round trip cost 0.5-1.1 ms of every reply's
// first token on Node 20, 0.8 ms typically. The reply's code lives in lib/chat/server (handler.ts and
// the modules it calls), its schema in lib/chat/contract.ts, its tests in tests/unit/chat-*; the checks
// it passes first are named below.
// Checked again (issue 19) with three routes in one build, side by side (`npm run bench load --
// --paths …`, 500 concurrent replies, 6 rounds each over two runs, machine load average 20-30):
// this route 19.9 ms CPU per reply (16.7-23.0), the same reply behind an App Router handler 20.4
// (19.7-23.3), and an App Router handler with the SDK's own toUIMessageStream and
// createUIMessageStreamResponse 23.4 (22.6-28.5). The router alone is within the spread; the SDK's
// stream stages cost ~17% more CPU per reply, which the 3 ms target cannot spare, so the
// chunker and SSE writer (lib/chat/server/ui-chunks.ts, sse-response.ts) stay, and with them this route,
// which writes their chunks to the socket without a web stream in between.
// next.config.ts bundles this route's dependencies, so `server-only` resolves as it does in app/.

export const config = {
  api: { bodyParser: false, responseLimit: false },
  // Long replies from reasoning models run for minutes.
  maxDuration: 300,
};

// A reply is a generation: it counts against RATE_LIMIT_PER_MINUTE like images and speech.
// A JSON body only (415 otherwise), from this app's own pages only (lib/security/origin.ts).
export default nodeApiHandler(chatReply, {
  method: "POST",
  rateLimit: true,
  body: "json",
  maxBodyBytes: CHAT_BODY_MAX_BYTES,
});
