"use client";

import { Component, type ReactNode } from "react";
import { useT } from "@/lib/i18n/client";

// Nothing a model writes may take more than its own message down: if rendering one message
// throws, that message shows its text as written, with a note, and the rest of the page (the
// thread, the sidebar, the composer) carries on. The next change of the text tries again.

function Fallback({ text }: { text: string }) {
  const t = useT();
  return (
    <div data-testid="markdown-fallback" className="min-w-0">
      <p role="note" className="mb-2 text-xs text-amber-700 dark:text-amber-400">
        {t("markdown.fallback")}
      </p>
      <div className="whitespace-pre-wrap break-words text-[15px] leading-7">{text}</div>
    </div>
  );
}

interface Props {
  text: string;
  children: ReactNode;
}

interface State {
  failed: boolean;
  /** The text the current state belongs to. */
  text: string;
}

export class MarkdownBoundary extends Component<Props, State> {
  state: State = { failed: false, text: this.props.text };

  static getDerivedStateFromError(): Partial<State> {
    return { failed: true };
  }

  static getDerivedStateFromProps(props: Props, state: State): Partial<State> | null {
    // A new text (the stream went on, a regenerated reply) gets a fresh attempt.
    return props.text !== state.text ? { text: props.text, failed: false } : null;
  }

  componentDidCatch(error: unknown): void {
    console.error("[markdown] a message could not be rendered", error);
  }

  render(): ReactNode {
    return this.state.failed ? <Fallback text={this.props.text} /> : this.props.children;
  }
}
