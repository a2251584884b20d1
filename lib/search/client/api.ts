import { apiJson } from "@/lib/api-client";
import { readWebSearchStatus, type WebSearchStatus } from "../contract";

/** Whether the web search switch can work on this server, and what it needs when it cannot. */
export async function fetchWebSearchStatus(init?: RequestInit): Promise<WebSearchStatus> {
  return readWebSearchStatus(await apiJson<unknown>("/api/search", init));
}
