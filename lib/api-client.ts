import { AppError, readErrorResponse } from "@/lib/errors";

/** A request that sends `body` as JSON (POST unless said otherwise), for apiJson or fetch. */
export function jsonRequest(body: unknown, signal?: AbortSignal, method = "POST"): RequestInit {
  return { method, headers: { "content-type": "application/json" }, body: JSON.stringify(body), signal };
}

/** GET/POST our own API and return JSON, or throw the AppError the route sent. */
export async function apiJson<T>(input: string, init?: RequestInit): Promise<T> {
  let res: Response;
  try {
    res = await fetch(input, init);
  } catch (err) {
    if (err instanceof DOMException && err.name === "AbortError") throw err;
    throw new AppError("network", {
      key: "error.app.unreachable",
    });
  }
  if (!res.ok) throw await readErrorResponse(res);
  return (await res.json()) as T;
}
