import { AppError, readErrorResponse } from "@/lib/errors";

/** GET/POST our own API and return JSON, or throw the AppError the route sent. */
export async function apiJson<T>(input: string, init?: RequestInit): Promise<T> {
  let res: Response;
  try {
    res = await fetch(input, init);
  } catch (err) {
    if (err instanceof DOMException && err.name === "AbortError") throw err;
    throw new AppError("network", {
      message: {
        en: "Could not reach the app's server. Check your connection and try again.",
        zh: "无法连接应用服务器。请检查网络后重试。",
      },
    });
  }
  if (!res.ok) throw await readErrorResponse(res);
  return (await res.json()) as T;
}
