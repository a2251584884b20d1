import "server-only";
import {
  convertToModelMessages,
  type Experimental_DownloadFunction,
  experimental_streamTextLowMemory as streamText,
} from "ai";
import { outputTokens } from "@/lib/chat/context";
import type { ChatMessage } from "@/lib/chat/contract";
import { CHAT_BODY_MAX_BYTES, chatRequestSchema } from "@/lib/chat/contract";
import { playgroundCall, withPrefix } from "@/lib/chat/playground/server/call";
import { toCallSettings } from "@/lib/chat/server/call-settings";
import { refuseForeignFileUrls } from "@/lib/chat/server/file-sources";
import { checkAttachments, prepareThread } from "@/lib/chat/server/messages";
import { createMetadataTracker } from "@/lib/chat/server/metadata";
import { chatModelInfo, getChatModel } from "@/lib/chat/server/model";
import { uiMessageSse } from "@/lib/chat/server/sse-response";
import { appErrorFromStream } from "@/lib/chat/server/stream-guard";
import { trimToContext } from "@/lib/chat/server/trim";
import { createUIChunker } from "@/lib/chat/server/ui-chunks";
import { getEnv } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { parseJsonBody } from "@/lib/http/handler";
import type { NodeHandler } from "@/lib/http/node-handler";
import { planWebSearch } from "@/lib/search/server/plan";
import { publicErrorJSON } from "@/lib/security/redact";
import { isUploadUrl, publishInlineImages } from "@/lib/uploads/publish";
import { uploadStore } from "@/lib/uploads/store";
import { upstreamDispatched } from "@/lib/upstream";

// Providers stream a few characters per chunk, hundreds a second; the browser redraws at most every
// 80 ms. Deltas that come within 25 ms of the last one written leave as one chunk: a fraction of the
// socket writes here and of the per-chunk parsing in the browser, for at most 25 ms of added delay
// after the first token (which is never held). CHAT_COALESCE_MS=0 sends every delta as it came (the
// benchmarks compare both: `npm run bench load`, `npm run bench compare`).
const COALESCE_MS = coalesceSetting(process.env.CHAT_COALESCE_MS);

function coalesceSetting(value: string | undefined): number {
  const n = Number(value);
  return value !== undefined && value !== "" && Number.isInteger(n) && n >= 0 && n <= 1000 ? n : 25;
}

// POST /api/chat, served by pages/api/chat.ts (why a Pages Router route, and its checks: see there).

const HEADERS = {
  // no-transform keeps a compressing proxy (or `next start`'s gzip) from holding chunks back.
  "cache-control": "no-store, no-transform",
  "x-accel-buffering": "no",
};

// Neither this server nor the provider fetches a URL a client supplied: file parts are data: URLs
// (inlined) or links this server published for a URL-only model (refuseForeignFileUrls checks that
// first), which pass as they are (PUBLIC_BASE_URL may be plain http on a private network). Anything
// else that reaches the SDK's download step is refused here too.
const refuseDownload: Experimental_DownloadFunction = async (files) =>
  files.map((file) => {
    // null = not downloaded: the URL goes to the provider as it is.
    if (isUploadUrl(file.url.toString(), getEnv().publicBaseUrl)) return null;
    throw new AppError("bad_request", {
      detail: "messages: attachment URL not accepted",
      key: "error.chat.imagesAsFiles",
    });
  });

export const chatReply: NodeHandler = async (request) => {
  const body = parseJsonBody(await request.bytes(CHAT_BODY_MAX_BYTES), chatRequestSchema);
  const uiMessages = body.messages as unknown as ChatMessage[];

  // Everything that can be refused is refused here, before a byte goes upstream.
  const info = chatModelInfo(body.model);
  const call = toCallSettings(info, body.settings);
  // Tools, JSON mode and prefix completion (lib/chat/playground): refused here or added to the call.
  const playground = playgroundCall(info, { ...body, thinking: body.settings?.thinking, messages: uiMessages }, call);
  const env = getEnv();
  refuseForeignFileUrls(uiMessages, env.publicBaseUrl);
  checkAttachments(info, uiMessages, { publishesImages: !!env.publicBaseUrl });
  const prepared = prepareThread(uiMessages, { continue: body.continue });
  // Web search (lib/search): refused without a GLM key; for models that cannot search, the search runs here.
  const search = await planWebSearch({
    enabled: body.webSearch,
    info,
    thread: prepared.messages,
    continued: body.continue ? uiMessages.at(-1) : undefined,
    signal: request.signal,
  });
  // The oldest turns that do not fit the window are left out here, and the reply says how many.
  const thread = trimToContext(info, prepared.messages, {
    systemPrompt: search.budgetPrompt([body.settings?.systemPrompt, playground.promptExtra].filter(Boolean).join("\n")),
    maxTokens: body.settings?.maxTokens,
    keepLast: prepared.partial !== undefined ? 2 : 1,
  });
  // Always a max_tokens: without one the providers apply a small default of their own that thinking
  // spends first (upstream-contract.md, late 2026: "Default output cap"; chatbox #2093).
  call.maxOutputTokens = outputTokens(info, thread.promptTokens, body.settings?.maxTokens);
  const { model } = await getChatModel(body.model, info);
  // GLM-4V-Flash fetches images by URL: publish each inline image under PUBLIC_BASE_URL.
  const sent =
    info.visionUrlOnly && env.publicBaseUrl
      ? await publishInlineImages(thread.messages, {
          publicBaseUrl: env.publicBaseUrl,
          ttlMs: env.uploadUrlTtlSeconds * 1000,
          store: uploadStore(env.redisUrl),
        })
      : thread.messages;
  const messages = search.messages(await convertToModelMessages(sent));

  const tracker = createMetadataTracker({
    model: body.model,
    continuation: prepared.partial !== undefined,
    contextTrimmed: thread.dropped,
    extra: playground.metadata,
  });
  // Registered before streamText, which may start the upstream request at once.
  const dispatched = upstreamDispatched(request.signal);
  // The single-consumer variant: the reply is read once, by the UI stream below, so streamText's
  // replay buffer (a tee per reader) and its content records are pure cost on every chunk. Callbacks
  // and the finish part (usage, raw finish reason) are the same.
  const result = streamText({
    model,
    ...call,
    messages,
    tools: playground.tools,
    toolChoice: playground.toolChoice,
    abortSignal: request.signal,
    // The upstream client already retries before the first byte; a second layer would multiply tries.
    maxRetries: 0,
    // No telemetry integration is registered here; left on, the SDK still copies and redacts the call's
    // events and opens diagnostics-channel contexts for each call and step before the request goes out.
    telemetry: { isEnabled: false },
    experimental_download: refuseDownload,
    ...search.streamOptions(call.providerOptions),
    onChunk: ({ chunk }) => tracker.observe(chunk.type),
    onError: ({ error }) => {
      const appError = appErrorFromStream(body.model.provider, error);
      if (appError.code === "internal") console.error("[api/chat] stream error", error);
    },
  });

  // No tee to keep the stream running after the browser leaves: Stop aborts request.signal, which
  // closes the upstream connection, and nothing here waits for the end of the reply. The parts become
  // UI message chunks as toUIMessageStream makes them, inside the SSE encoder (lib/chat/server/ui-chunks.ts).
  return uiMessageSse(result.stream, {
    headers: HEADERS,
    ready: dispatched,
    coalesceMs: COALESCE_MS,
    toChunks: search.chunks(
      withPrefix(
        createUIChunker({
          sendReasoning: true,
          messageMetadata: tracker.metadata,
          // The client rebuilds the typed error with AppError.fromJSON (see lib/chat/client/errors.ts).
          onError: (error) => JSON.stringify(publicErrorJSON(appErrorFromStream(body.model.provider, error))),
        }),
        playground.prefix,
      ),
    ),
  });
};
