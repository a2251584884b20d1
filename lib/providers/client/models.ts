"use client";

import { useEffect } from "react";
import { create } from "zustand";
import { apiJson } from "@/lib/api-client";
import { AppError, type AppErrorJSON } from "@/lib/errors";
import type { ModelInfo } from "../catalog";
import type { ModelType } from "../catalog-types";
import { type ModelsResponse, modelsPath } from "../contract";

// The one model-list loader of the browser: each type is fetched once per page and shared by every
// picker (chat, compare, assistants, prices, images, video, speech); a retry replaces it for all.

interface ModelList {
  status: "idle" | "loading" | "ready" | "error";
  models: ModelInfo[];
  /** A provider whose list failed (the other one still shows). */
  providerErrors: ModelsResponse["errors"];
  /** The request itself failed (no list at all). */
  error: AppErrorJSON | null;
}

const EMPTY: ModelList = { status: "idle", models: [], providerErrors: [], error: null };

interface ModelListsState {
  lists: Partial<Record<ModelType, ModelList>>;
}

const initialModelListsState: ModelListsState = { lists: {} };

// No actions in the store: loadModels below is the only writer (it also dedupes requests in flight).
const useModelLists = create<ModelListsState>()(() => initialModelListsState);

const selectModelList = (type: ModelType) => (s: ModelListsState) => s.lists[type] ?? EMPTY;

const listOf = (type: ModelType): ModelList => selectModelList(type)(useModelLists.getState());

function setList(type: ModelType, patch: Partial<ModelList>) {
  useModelLists.setState((s) => ({ lists: { ...s.lists, [type]: { ...(s.lists[type] ?? EMPTY), ...patch } } }));
}

const inFlight = new Map<ModelType, Promise<void>>();

/** Loads a type's list unless it is loaded or loading (`force` reloads it); resolves when it settles. */
export function loadModels(type: ModelType, force = false): Promise<void> {
  const running = inFlight.get(type);
  if (running) return running;
  if (!force && listOf(type).status === "ready") return Promise.resolve();
  setList(type, { status: "loading", error: null });
  const done = apiJson<ModelsResponse>(modelsPath(type))
    .then((res) => setList(type, { status: "ready", models: res.models, providerErrors: res.errors }))
    .catch((err: unknown) => setList(type, { status: "error", error: AppError.from(err).toJSON() }))
    .finally(() => inFlight.delete(type));
  inFlight.set(type, done);
  return done;
}

/** The list as it stands, outside React (stores and actions). */
export function currentModels(type: ModelType): ModelList {
  return listOf(type);
}

/** A type's model list; the first component to ask starts the load. */
export function useModels(type: ModelType): ModelList {
  const list = useModelLists(selectModelList(type));
  const idle = list.status === "idle";
  useEffect(() => {
    if (idle) void loadModels(type);
  }, [idle, type]);
  return list;
}
