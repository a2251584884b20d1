import { deleteVoice, listVoices, speech, transcribe, uploadVoice } from "./audio";
import { siliconflowCompletions } from "./completions";
import { glmChat, glmModels } from "./glm";
import { glmAsyncResult, glmSubmitVideo } from "./glm-video";
import { type Ctx, type Handler, sendJson } from "./http";
import { glmImages, siliconflowImages } from "./images";
import type { SimProvider } from "./log";
import { SF_MODELS } from "./models";
import { siliconflowChat } from "./siliconflow-chat";
import { submitVideo, videoStatus } from "./video";
import { glmWebSearch } from "./web-search";

function siliconflowModels(ctx: Ctx): void {
  const type = ctx.query.get("type");
  const subType = ctx.query.get("sub_type");
  const data = SF_MODELS.filter((m) => (!type || m.type === type) && (!subType || m.subType === subType)).map((m) => ({
    id: m.id,
    object: "model",
    created: 0,
    owned_by: "",
  }));
  sendJson(ctx, 200, { object: "list", data });
}

/**
 * GET /user/info. SiliconFlow retired it in 2026-08 ("userinfo 接口将停止服务" in its release notes)
 * and now answers HTTP 410 (rikkahub #1811; kelivo 67646fa7 turned its balance lookup off). The 410
 * body is not in any capture found: this one is reconstructed in the provider's usual error form.
 * Config `userInfo: "balance"` brings back the old answer (upstream-contract.md, "Account").
 */
function userInfo(ctx: Ctx): void {
  if (ctx.state.config.userInfo === "retired") {
    sendJson(ctx, 410, { code: 410, message: "This API is no longer available.", data: null });
    return;
  }
  sendJson(ctx, 200, {
    code: 20000,
    message: "OK",
    status: true,
    data: {
      id: "sim-user-0001",
      name: "Demo User",
      image: "",
      email: "demo@example.com",
      isAdmin: false,
      balance: "88.50",
      status: "normal",
      introduction: "",
      role: "",
      chargeBalance: "10.00",
      totalBalance: "98.50",
    },
  });
}

const ROUTES: Record<SimProvider, Record<string, Handler>> = {
  siliconflow: {
    "POST /chat/completions": siliconflowChat,
    "POST /completions": siliconflowCompletions,
    "POST /images/generations": siliconflowImages,
    "POST /video/submit": submitVideo,
    "POST /video/status": videoStatus,
    "POST /audio/speech": speech,
    "POST /uploads/audio/voice": uploadVoice,
    "GET /audio/voice/list": listVoices,
    "POST /audio/voice/deletions": deleteVoice,
    "POST /audio/transcriptions": transcribe,
    "GET /models": siliconflowModels,
    "GET /user/info": userInfo,
  },
  glm: {
    "POST /chat/completions": glmChat,
    "POST /images/generations": glmImages,
    "POST /videos/generations": glmSubmitVideo,
    "GET /models": glmModels,
    "POST /web_search": glmWebSearch,
  },
};

/** Routes with an id as the last path segment, e.g. GLM's GET /async-result/{id}. */
const PARAM_ROUTES: Record<SimProvider, Record<string, Handler>> = {
  siliconflow: {},
  glm: { "GET /async-result/": glmAsyncResult },
};

export function findRoute(provider: SimProvider, method: string, path: string): Handler | undefined {
  const clean = path.replace(/\/+$/, "");
  const exact = ROUTES[provider][`${method} ${clean}`];
  if (exact) return exact;
  const slash = clean.lastIndexOf("/");
  return slash > 0 ? PARAM_ROUTES[provider][`${method} ${clean.slice(0, slash + 1)}`] : undefined;
}
