import { zh as auth } from "./messages/zh/auth";
import { zh as chat } from "./messages/zh/chat";
import { zh as chatFit } from "./messages/zh/chat-fit";
import { zh as checks } from "./messages/zh/checks";
import { zh as common } from "./messages/zh/common";
import { zh as compare } from "./messages/zh/compare";
import { zh as cost } from "./messages/zh/cost";
import { zh as data } from "./messages/zh/data";
import { zh as errors } from "./messages/zh/errors";
import { zh as images } from "./messages/zh/images";
import { zh as json } from "./messages/zh/json";
import { zh as markdown } from "./messages/zh/markdown";
import { zh as organize } from "./messages/zh/organize";
import { zh as playground } from "./messages/zh/playground";
import { zh as settings } from "./messages/zh/settings";
import { zh as share } from "./messages/zh/share";
import { zh as shell } from "./messages/zh/shell";
import { zh as speech } from "./messages/zh/speech";
import { zh as video } from "./messages/zh/video";

// Every Simplified Chinese string: a chunk of its own in the browser, loaded when the page is in
// Chinese (lib/i18n/index.ts loadDictionary); the server has it from the start (preloaded.ts).
export const zh = {
  ...common,
  ...errors,
  ...checks,
  ...shell,
  ...settings,
  ...auth,
  ...chat,
  ...chatFit,
  ...markdown,
  ...images,
  ...video,
  ...speech,
  ...data,
  ...playground,
  ...json,
  ...share,
  ...cost,
  ...compare,
  ...organize,
};
