"use client";

import { lazy, Suspense, useCallback, useEffect, useId, useRef, useState } from "react";
import { BudgetNotice } from "@/components/cost/budget-notice";
import { ConversationCost } from "@/components/cost/conversation-cost";
import { AssistantGreeting } from "@/components/organize/assistant-badge";
import { WebSearchSwitch } from "@/components/search/web-search-switch";
import { ExportAlert } from "@/components/share/export-alert";
import { SelectionBar, SelectMessagesButton } from "@/components/share/message-selection";
import { ErrorAlert } from "@/components/ui/error-alert";
import { SlidersIcon } from "@/components/ui/icons";
import { selectArtifactIsOpen, useArtifacts } from "@/lib/artifacts/client/store";
import { conversationActions } from "@/lib/chat/client/db";
import { useConversation } from "@/lib/chat/client/hooks";
import { defaultModel, modelInfo, rememberModel } from "@/lib/chat/client/models";
import { checkFitsContext, fitSettings } from "@/lib/chat/client/outgoing";
import { type OutgoingImage, selectSession, selectStorageError, useChatSessions } from "@/lib/chat/client/sessions";
import { useSettingsNotices } from "@/lib/chat/client/settings-notices";
import { NEW_CHAT, selectNewChat, selectSettingsOpen, useChatUI } from "@/lib/chat/client/ui";
import type { ChatModelRef, ChatSettings } from "@/lib/chat/contract";
import { usePlaygroundDraft } from "@/lib/chat/playground/client/store";
import { reconcileSettings, type SettingChange, withClamped } from "@/lib/chat/reconcile";
import { checkBudget } from "@/lib/cost/client/budget-check";
import { AppError, type AppErrorJSON } from "@/lib/errors";
import { useT } from "@/lib/i18n/client";
import { selectNewChatDefaults, useNewChatDefaults } from "@/lib/organize/client/defaults-store";
import { defaultChatSettings, newChatModel } from "@/lib/organize/new-chat-defaults";
import { useModels } from "@/lib/providers/client/models";
import { useExport } from "@/lib/share/client/export-store";
import { yieldToMain } from "@/lib/yield";
import { ChatHeader } from "./chat-header";
import { Composer } from "./composer";
import { MessageList } from "./message-list";
import { preloadAssistantMessage } from "./message-row";
import { ModelPicker } from "./model-picker";
import { ProviderNotice } from "./provider-notice";
import { type StarterKind, StarterPrompts, starterImage } from "./starter-prompts";
import { EffortPicker, ThinkingSwitch } from "./thinking-controls";
import { useConversationId } from "./use-conversation";
import { useIntentPreload } from "./use-intent-preload";

// The artifact panel (its markdown scan of the thread, diagram and page previews) opens from a
// reply's Preview button; its code loads then.
const ArtifactPanel = lazy(() =>
  import("@/components/artifacts/artifact-panel").then((m) => ({ default: m.ArtifactPanel })),
);
// The settings panel (sliders, number fields, the tools and JSON editors) opens on a click: its code
// loads then, not with the page (issue 25, the first load of /chat).
const ChatSettingsPanel = lazy(() => import("./chat-settings-panel").then((m) => ({ default: m.ChatSettingsPanel })));

/** The chat column: header, the thread, and the composer with its model and settings. */
export function ChatView() {
  const t = useT();
  const settingsId = useId();
  const conversationId = useConversationId();
  const artifactOpen = useArtifacts(selectArtifactIsOpen);
  // A stored conversation shows replies as soon as its rows are read: fetch their renderer meanwhile.
  useEffect(() => {
    if (conversationId) void preloadAssistantMessage().catch(() => {});
  }, [conversationId]);
  const { conversation, all, thread, versions } = useConversation(conversationId);
  const session = useChatSessions(selectSession(conversationId));
  const storageError = useChatSessions(selectStorageError);
  const models = useModels("chat").models;
  const newChat = useChatUI(selectNewChat);
  const settingsOpen = useChatUI(selectSettingsOpen);
  const busy = session?.busy ?? false;
  const [starterError, setStarterError] = useState<AppErrorJSON | null>(null);
  const [starting, setStarting] = useState(false);

  const defaults = useNewChatDefaults(selectNewChatDefaults);
  useEffect(() => useNewChatDefaults.getState().load(), []);
  const model: ChatModelRef =
    conversation?.model ?? newChatModel(newChat.model, defaults, models, () => defaultModel(models));
  const settings: ChatSettings =
    (conversationId ? conversation?.settings : (newChat.settings ?? defaultChatSettings(defaults))) ?? {};

  const allRef = useRef(all);
  allRef.current = all;
  const onStep = useCallback(
    (messageId: string, delta: number) => {
      if (allRef.current && conversationId)
        void conversationActions.showSibling(conversationId, allRef.current, messageId, delta);
    },
    [conversationId],
  );

  useIntentPreload();

  // Selecting messages to export belongs to one conversation: opening another one ends it.
  // biome-ignore lint/correctness/useExhaustiveDependencies: the conversation changing is the trigger
  useEffect(() => () => useExport.getState().stopSelecting(), [conversationId]);

  // Escape stops the reply wherever the focus is (popups that use Escape mark it handled).
  useEffect(() => {
    if (!busy || !conversationId) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key === "Escape" && !e.defaultPrevented) useChatSessions.getState().stop(conversationId);
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, [busy, conversationId]);

  const noticeKey = conversationId ?? NEW_CHAT;
  const info = modelInfo(models, model);
  const reportAdjusted = (
    modelId: string,
    clamped: SettingChange[],
    unused: ReturnType<typeof reconcileSettings>["unused"] = [],
  ) => useSettingsNotices.getState().report(noticeKey, { model: modelId, clamped, unused });

  const changeSettings = (next: ChatSettings) => {
    if (conversationId && conversation) void conversationActions.update(conversationId, { settings: next });
    else useChatUI.getState().setNewChatSettings(next);
  };
  // Another model may take narrower ranges: values are clamped to them and the change is shown, never
  // dropped quietly (issue 18).
  const changeModel = (ref: ChatModelRef) => {
    rememberModel(ref);
    const fitted = reconcileSettings(modelInfo(models, ref), settings);
    const next = fitted.clamped.length > 0 ? (withClamped(settings, fitted.clamped) as ChatSettings) : undefined;
    if (conversationId && conversation) {
      void conversationActions.update(conversationId, next ? { model: ref, settings: next } : { model: ref });
    } else {
      useChatUI.getState().setNewChatModel(ref);
      if (next) useChatUI.getState().setNewChatSettings(next);
    }
    useSettingsNotices.getState().dismiss(noticeKey);
    reportAdjusted(ref.id, fitted.clamped, fitted.unused);
  };

  /** `ref`: a model other than the picked one (an example prompt that needs vision or thinking). */
  const send = async (text: string, images: OutgoingImage[], ref: ChatModelRef = model) => {
    const info = modelInfo(models, ref);
    // Refused here, before anything is stored: the composer shows why and keeps the text.
    const fitted = fitSettings(info, settings);
    checkFitsContext(info, { text, images }, fitted.settings);
    await checkBudget(info.free);
    let sendSettings = settings;
    if (fitted.clamped.length > 0) {
      sendSettings = withClamped(settings, fitted.clamped) as ChatSettings;
      changeSettings(sendSettings);
      reportAdjusted(info.id, fitted.clamped);
    }
    const playground = conversationId ? undefined : usePlaygroundDraft.getState().draft;
    const id = await useChatSessions
      .getState()
      .send({ conversationId, text, model: ref, settings: sendSettings, images, playground });
    if (!conversationId) usePlaygroundDraft.getState().reset();
    if (!conversationId) {
      useSettingsNotices.getState().move(NEW_CHAT, id);
      await yieldToMain();
      useChatUI.getState().resetNewChat();
      // The URL takes the new id without a navigation: the page (and the stream) stay as they are.
      window.history.replaceState(null, "", `/chat/${encodeURIComponent(id)}`);
    }
  };

  // An example prompt: sent with the model it needs (said on its button). That model is the new
  // conversation's, not the user's choice for the next one: the picker's default stays as it was.
  const sendStarter = (kind: StarterKind, prompt: string, ref: ChatModelRef) => {
    if (starting) return;
    setStarterError(null);
    setStarting(true);
    void (async () => {
      try {
        const images = kind === "vision" ? [await starterImage(t("chat.starter.imageName"))] : [];
        await send(prompt, images, ref);
      } catch (err) {
        setStarterError(AppError.from(err).toJSON());
      } finally {
        setStarting(false);
      }
    })();
  };

  if (conversationId && conversation === null) {
    return (
      <section className="flex flex-1 flex-col">
        <ChatHeader conversation={null} />
        <div className="mx-auto my-16 max-w-md px-4 text-center" data-testid="conversation-missing">
          <h1 className="text-xl font-semibold">{t("chat.notFound.title")}</h1>
          <p className="mt-3 text-zinc-600 dark:text-zinc-400">{t("chat.notFound.body")}</p>
        </div>
      </section>
    );
  }

  const loading = !!conversationId && (conversation === undefined || all === undefined);
  // Values this model takes and that differ from its defaults: the settings button shows a dot.
  const customSettings = Object.keys(reconcileSettings(info, settings).settings).length > 0;
  return (
    <div className="flex min-h-0 min-w-0 flex-1">
      <section className="flex min-h-0 min-w-0 flex-1 flex-col" aria-busy={loading || undefined}>
        <ChatHeader
          conversation={conversation ?? null}
          extra={
            <>
              <ConversationCost messages={all} />
              {conversationId && thread.length > 0 && (
                <SelectMessagesButton conversationId={conversationId} disabled={busy} />
              )}
            </>
          }
        />
        {storageError && (
          <div className="mx-auto w-full max-w-chat px-4 pt-2">
            <ErrorAlert error={storageError} onDismiss={() => useChatSessions.getState().clearStorageError()} />
          </div>
        )}
        {starterError && (
          <div className="mx-auto w-full max-w-chat px-4 pt-2">
            <ErrorAlert error={starterError} onDismiss={() => setStarterError(null)} />
          </div>
        )}
        <ExportAlert />
        {loading ? (
          // Mounted once the rows are here, so the list opens at its end in one go.
          <div className="min-h-0 flex-1" />
        ) : (
          <MessageList
            key={conversationId ?? NEW_CHAT}
            conversationId={conversationId ?? NEW_CHAT}
            thread={thread}
            versions={versions}
            busy={busy}
            replyId={session?.replyId ?? null}
            onStep={onStep}
            empty={
              conversation?.assistant ? (
                <AssistantGreeting assistant={conversation.assistant} />
              ) : (
                <div className="flex min-h-full flex-col items-center justify-center px-4 py-6 text-center">
                  <h2 className="text-2xl font-semibold tracking-tight">{t("chat.empty.title")}</h2>
                  <p className="mt-2 max-w-md text-sm text-zinc-500 dark:text-zinc-400">{t("chat.empty.hint")}</p>
                  {!conversationId && (
                    <StarterPrompts model={info} models={models} disabled={busy || starting} onPick={sendStarter} />
                  )}
                </div>
              )
            }
          />
        )}
        {conversation && <SelectionBar conversation={conversation} thread={thread} busy={busy} />}
        <BudgetNotice settledKey={`${conversationId}:${busy}`} />
        <ProviderNotice provider={model.provider} />
        <Composer
          draftKey={conversationId ?? NEW_CHAT}
          busy={busy}
          onSend={send}
          onStop={() => conversationId && useChatSessions.getState().stop(conversationId)}
          placeholder={t("chat.input.placeholder")}
          model={info}
          models={models}
          onPickModel={changeModel}
          toolbar={
            <>
              <ModelPicker value={model} onChange={changeModel} />
              <button
                type="button"
                aria-expanded={settingsOpen}
                aria-controls={settingsOpen ? settingsId : undefined}
                aria-describedby={customSettings ? `${settingsId}-active` : undefined}
                data-active={customSettings || undefined}
                onClick={() => useChatUI.getState().setSettingsOpen(!settingsOpen)}
                className={`relative flex items-center gap-1.5 rounded-lg px-2 py-1.5 text-sm text-zinc-600 hover:bg-zinc-100 dark:text-zinc-300 dark:hover:bg-zinc-800 ${
                  settingsOpen ? "bg-zinc-100 dark:bg-zinc-800" : ""
                }`}
              >
                <SlidersIcon size={15} />
                <span className="max-sm:sr-only">{t("chat.settings.open")}</span>
                {customSettings && (
                  <span
                    data-testid="settings-active"
                    title={t("chat.settings.active")}
                    className="size-1.5 rounded-full bg-violet-500"
                  />
                )}
              </button>
              {customSettings && (
                <span id={`${settingsId}-active`} hidden>
                  {t("chat.settings.active")}
                </span>
              )}
              <ThinkingSwitch model={info} settings={settings} onChange={changeSettings} />
              <EffortPicker model={info} settings={settings} onChange={changeSettings} />
              <WebSearchSwitch />
            </>
          }
        />
      </section>
      {artifactOpen && (
        <Suspense fallback={null}>
          <ArtifactPanel thread={thread} />
        </Suspense>
      )}
      {settingsOpen && (
        <Suspense fallback={null}>
          <ChatSettingsPanel
            key={`${conversationId ?? NEW_CHAT} ${model.provider}:${model.id}`}
            panelId={settingsId}
            model={model}
            settings={settings}
            onChange={changeSettings}
            onClose={() => useChatUI.getState().setSettingsOpen(false)}
            onAdjusted={(changes) => reportAdjusted(model.id, changes)}
          />
        </Suspense>
      )}
    </div>
  );
}
