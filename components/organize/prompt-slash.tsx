"use client";

import Link from "next/link";
import { type FormEvent, type KeyboardEvent, type ReactNode, type RefObject, useId, useMemo, useState } from "react";
import { Button } from "@/components/ui/button";
import { Dialog, DialogClose } from "@/components/ui/dialog";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { useI18n } from "@/lib/i18n/client";
import { usePrompts } from "@/lib/organize/client/hooks";
import { fillPrompt, filterPrompts, promptVariables } from "@/lib/organize/client/prompts";
import type { SavedPrompt } from "@/lib/organize/contract";

const MAX_SHOWN = 8;

/** The "/" query of a draft: the whole draft is "/words" on one line. */
function slashQuery(text: string): string | null {
  return /^\/[^\n]*$/.test(text) ? text.slice(1) : null;
}

/**
 * Typing "/" at the start of the message box lists saved prompts (filtered by what follows); arrows
 * move, Enter or Tab picks, Escape closes. A prompt with {{variables}} asks for them in a small form.
 * The box stays a textbox: the list is tied to it with aria-controls / aria-activedescendant.
 */
export function usePromptSlash({
  text,
  inputRef,
  onChange,
}: {
  text: string;
  inputRef: RefObject<HTMLTextAreaElement | null>;
  onChange: (text: string) => void;
}): {
  onKeyDown: (e: KeyboardEvent) => boolean;
  inputProps: { "aria-controls"?: string; "aria-activedescendant"?: string };
  element: ReactNode;
} {
  const { t, locale } = useI18n();
  const listId = useId();
  const query = slashQuery(text);
  const [dismissed, setDismissed] = useState<string | null>(null);
  const prompts = usePrompts(locale);
  const matches = useMemo(
    () => (query === null || !prompts ? [] : filterPrompts(prompts, query).slice(0, MAX_SHOWN)),
    [prompts, query],
  );
  // The highlighted option, reset to the first whenever the query changes.
  const [cursor, setCursor] = useState({ query, index: 0 });
  const active = cursor.query === query ? Math.min(cursor.index, Math.max(0, matches.length - 1)) : 0;
  const setActive = (f: (i: number) => number) => setCursor({ query, index: f(active) });
  const [filling, setFilling] = useState<SavedPrompt | null>(null);
  const open = query !== null && dismissed !== text && prompts !== undefined;

  const choose = (p: SavedPrompt) => {
    if (promptVariables(p.body).length > 0) setFilling(p);
    else {
      onChange(p.body);
      inputRef.current?.focus();
    }
  };

  const onKeyDown = (e: KeyboardEvent): boolean => {
    if (!open || e.nativeEvent.isComposing) return false;
    if (e.key === "Escape") {
      e.preventDefault();
      setDismissed(text);
      return true;
    }
    if (matches.length === 0) return false;
    if (e.key === "ArrowDown" || e.key === "ArrowUp") {
      e.preventDefault();
      setActive((i) => (i + (e.key === "ArrowDown" ? 1 : -1) + matches.length) % matches.length);
      return true;
    }
    if ((e.key === "Enter" && !e.shiftKey) || e.key === "Tab") {
      e.preventDefault();
      const p = matches[active];
      if (p) choose(p);
      return true;
    }
    return false;
  };

  const optionId = (i: number) => `${listId}-${i}`;
  const element = (
    <>
      {open && (
        <div className="mb-2 rounded-xl border border-zinc-200 bg-white p-1 shadow-lg dark:border-zinc-700 dark:bg-zinc-900">
          {matches.length > 0 ? (
            <div id={listId} role="listbox" aria-label={t("prompts.picker")}>
              {matches.map((p, i) => (
                <div
                  key={p.id}
                  id={optionId(i)}
                  role="option"
                  tabIndex={-1}
                  aria-selected={i === active}
                  // Keep the focus in the message box while the pointer picks.
                  onMouseDown={(e) => e.preventDefault()}
                  onClick={() => choose(p)}
                  onKeyDown={() => {}}
                  className={`cursor-pointer rounded-lg px-3 py-1.5 text-sm ${
                    i === active ? "bg-violet-50 dark:bg-violet-950/60" : "hover:bg-zinc-100 dark:hover:bg-zinc-800"
                  }`}
                >
                  <span className="font-medium">{p.title}</span>
                  <span className="ml-2 truncate text-zinc-500 dark:text-zinc-400">{p.body.slice(0, 80)}</span>
                </div>
              ))}
            </div>
          ) : (
            <p className="px-3 py-1.5 text-sm text-zinc-500 dark:text-zinc-400">
              <Link href="/prompts" className="underline">
                {t("prompts.picker.empty")}
              </Link>
            </p>
          )}
        </div>
      )}
      <FillDialog
        key={filling?.id ?? "none"}
        prompt={filling}
        onClose={() => setFilling(null)}
        onInsert={(filled) => {
          setFilling(null);
          onChange(filled);
          requestAnimationFrame(() => inputRef.current?.focus());
        }}
      />
    </>
  );
  return {
    onKeyDown,
    inputProps:
      open && matches.length > 0 ? { "aria-controls": listId, "aria-activedescendant": optionId(active) } : {},
    element,
  };
}

function FillDialog({
  prompt,
  onClose,
  onInsert,
}: {
  prompt: SavedPrompt | null;
  onClose: () => void;
  onInsert: (text: string) => void;
}) {
  const { t } = useI18n();
  const formId = useId();
  const names = prompt ? promptVariables(prompt.body) : [];
  const [values, setValues] = useState<Record<string, string>>({});
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (prompt) onInsert(fillPrompt(prompt.body, values));
  };
  return (
    <Dialog
      open={prompt !== null}
      onOpenChange={(next) => !next && onClose()}
      title={t("prompts.fill.title", { title: prompt?.title ?? "" })}
      size="sm"
      footer={
        <>
          <DialogClose>
            <Button variant="secondary">{t("assistants.cancel")}</Button>
          </DialogClose>
          <Button type="submit" form={formId}>
            {t("prompts.fill.insert")}
          </Button>
        </>
      }
    >
      <form id={formId} onSubmit={submit} className="space-y-3">
        {names.map((name, i) => (
          <Field key={name} label={name}>
            <Input
              autoFocus={i === 0}
              value={values[name] ?? ""}
              onChange={(e) => setValues((v) => ({ ...v, [name]: e.target.value }))}
            />
          </Field>
        ))}
      </form>
    </Dialog>
  );
}
