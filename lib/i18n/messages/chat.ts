// Strings for the chat slice: add keys to both dictionaries. Names the tests use (ui-contract.md)
// are marked "contract"; keep them.
export const en = {
  "chat.conversations": "Conversations", // contract: nav name; also the drawer toggle on small screens
  "chat.newChat": "New chat", // contract
  "chat.untitled": "New chat",
  "chat.sidebar.show": "Show conversations",
  "chat.sidebar.hide": "Hide conversations",
  "chat.search.label": "Search conversations", // contract
  "chat.search.placeholder": "Search titles and messages",
  "chat.search.empty": "Nothing matches “{query}”.",
  "chat.search.count": "{count} found",
  "chat.search.comparison": "Comparison",
  "chat.list.pinned": "Pinned",
  "chat.list.recent": "Recent",
  "chat.list.empty": "No conversations yet. Ask something to start one.",
  "chat.row.actions": "Actions for {title}",
  "chat.row.rename": "Rename",
  "chat.row.renameLabel": "Conversation name",
  "chat.row.pin": "Pin",
  "chat.row.unpin": "Unpin",
  "chat.row.delete": "Delete",
  "chat.row.exportMarkdown": "Export as Markdown",
  "chat.deleted": "Deleted “{title}”.",
  "chat.undo": "Undo",
  "chat.log.label": "Messages",
  "chat.empty.title": "What can I help with?",
  "chat.empty.hint": "Pick a model below and ask anything. Conversations are kept in this browser only.",
  "chat.starter.heading": "Or start with an example",
  "chat.starter.reasoning.title": "Reason step by step",
  "chat.starter.reasoning.prompt":
    "A bat and a ball cost 1.10 dollars in total. The bat costs 1.00 dollar more than the ball. How much does the ball cost? Think it through step by step.",
  "chat.starter.table.title": "A table with math and code",
  "chat.starter.table.prompt":
    "Compare bubble sort, merge sort and quicksort in a table with their time complexity, then show a short Python merge sort.",
  "chat.starter.vision.title": "Describe a picture",
  "chat.starter.vision.prompt": "What is in this picture? Describe it in a few sentences.",
  "chat.starter.long.title": "A long, structured answer",
  "chat.starter.long.prompt":
    "Write a detailed guide to how a web browser turns a URL into pixels on the screen, with a section for each step.",
  "chat.starter.usesModel": "Sent with {model}",
  "chat.starter.imageName": "landscape.png",
  "chat.notFound.title": "This conversation is not here",
  "chat.notFound.body":
    "It may have been deleted, or it was made in another browser. Conversations are stored in the browser that made them.",
  "chat.input.label": "Message", // contract
  "chat.input.placeholder": "Ask anything (Enter to send, Shift+Enter for a new line)",
  "chat.send": "Send", // contract
  "chat.stop": "Stop", // contract
  "chat.waiting": "Waiting for the model…",
  "chat.actions.copy": "Copy", // contract
  "chat.actions.copied": "Copied",
  "chat.actions.regenerate": "Regenerate", // contract
  "chat.actions.edit": "Edit", // contract
  "chat.actions.continue": "Continue", // contract
  "chat.edit.label": "Edit message",
  "chat.edit.save": "Save & send",
  "chat.edit.cancel": "Cancel",
  "chat.version.prev": "Previous version",
  "chat.version.next": "Next version",
  "chat.version.label": "Version {index} of {count}",
  "chat.reasoning.thinking": "Thinking…",
  "chat.reasoning.thoughtFor": "Thought for {seconds} s",
  "chat.reasoning.thought": "Thought process",
  "chat.reasoning.continued": "After Continue",
  "chat.notice.stopped": "Stopped. The reply so far is kept; Continue carries it on.",
  "chat.notice.interrupted": "This reply was cut off before it finished. What arrived is kept; Continue carries it on.",
  "chat.notice.length":
    "The reply reached the max tokens limit. Continue carries it on, or raise Max tokens in Chat settings.",
  "chat.notice.sensitive": "The provider's content filter stopped this reply. Rephrase the request and try again.",
  "chat.notice.risky":
    "The provider flagged this content as risky and stopped the reply. Rephrase the request and try again.",
  "chat.notice.elsewhere": "This reply is still being written in another tab.",
  "chat.usage.reply": "{input} in · {output} out",
  "chat.usage.reasoning": "{reasoning} reasoning",
  "chat.usage.conversation": "Tokens: {input} in · {output} out · {reasoning} reasoning",
  "chat.usage.conversationTitle": "Tokens used by every reply in this conversation, as the provider counted them",
  "chat.scrollToLatest": "Scroll to latest",
  "chat.model.label": "Model", // contract
  "chat.model.search": "Search models",
  "chat.model.loading": "Loading models…",
  "chat.model.none": "No model matches.",
  "chat.model.empty": "No chat models are available.",
  "chat.provider.siliconflow": "SiliconFlow",
  "chat.provider.glm": "Zhipu GLM",
  "chat.provider.unreachable":
    "{provider} cannot be reached from this server right now, so its models cannot answer. Check the server's network, or try again in a moment.",
  "chat.provider.problem": "{provider} is not available right now: {message}",
  "chat.provider.checkAgain": "Check again",
  "chat.badge.reasoning": "Reasoning",
  "chat.badge.vision": "Vision",
  "chat.badge.tools": "Tools",
  "chat.badge.free": "Free",
  "chat.settings.open": "Chat settings", // contract
  "chat.settings.title": "Chat settings",
  "chat.settings.scope": "This conversation · {model}",
  "chat.settings.close": "Close chat settings",
  "chat.settings.systemPrompt": "System prompt", // contract
  "chat.settings.systemPromptHint": "How the assistant should behave in this conversation",
  "chat.settings.temperature": "Temperature", // contract
  "chat.settings.topP": "Top P", // contract
  "chat.settings.topK": "Top K",
  "chat.settings.minP": "Min P",
  "chat.settings.maxTokens": "Max tokens", // contract
  "chat.settings.frequencyPenalty": "Frequency penalty",
  "chat.settings.stop": "Stop sequences",
  "chat.settings.stopHint": "one per line",
  "chat.settings.thinking": "Thinking", // contract
  "chat.settings.thinkingHint": "Let the model reason before it answers",
  "chat.settings.thinkingBudget": "Thinking budget", // contract
  "chat.settings.invalid": "This value is not accepted. Change it or leave the field empty.",
  "chat.settings.reset": "Reset to defaults",
  "chat.settings.done": "Done",
  "chat.settings.help.temperature": "Higher is more varied and creative, lower is more focused.",
  "chat.settings.help.topP": "Samples only from the most likely words that add up to this share.",
  "chat.settings.help.topK": "Samples only from this many most likely words (-1: no limit).",
  "chat.settings.help.minP": "Drops words less likely than this share of the top word.",
  "chat.settings.help.maxTokens": "The longest reply, in tokens; a longer one stops with a notice.",
  "chat.settings.help.frequencyPenalty": "Above 0 discourages repeating the same words.",
  "chat.settings.help.thinkingBudget": "How many tokens the model may spend thinking.",
  "chat.settings.help.reasoningEffort": "How hard the model thinks before it answers.",
  "chat.attach.button": "Attach image", // contract
  "chat.attach.remove": "Remove {name}",
  "chat.attach.preparing": "Preparing images…",
  "chat.attach.type": "“{name}” is not an image. Attach JPG, PNG, WebP or GIF files.",
  "chat.attach.size": "“{name}” is larger than 20 MB. Attach a smaller image.",
  "chat.attach.corrupt": "“{name}” could not be read as an image. The file may be damaged.",
  "chat.attach.count": "{model} takes at most {max} images per message.",
  "chat.attach.noVision": "{model} cannot see images. Pick a vision model, or remove the images.",
  "chat.attach.urlOnly":
    "{model} takes image links only, and this server has no public address (PUBLIC_BASE_URL) to serve your images from. Pick a model that accepts uploaded images.",
  "chat.attach.switchTo": "Use {model}",
  "chat.attach.detail": "Image detail",
  "chat.attach.detail.auto": "Auto",
  "chat.attach.detail.low": "Low",
  "chat.attach.detail.high": "High",
  "chat.attach.tokens": "≈ {count} image tokens",
  "chat.attach.thumbnails": "Attached images",
  "chat.attach.budget.reduced":
    "To keep this request under the size limit, {count} earlier image(s) went at a lower resolution.",
  "chat.attach.budget.omitted":
    "To keep this request under the size limit, the {count} earliest image(s) were left out; the model was told so. Attach an image again to ask about it.",
  // Sent to the model (not shown): the language follows the cut-off reply's, not the page's.
  "chat.continueInstruction":
    "Your previous reply was cut off. Continue it exactly where it stopped: do not repeat anything, do not add a preamble.",
} as const;

export type ChatKey = keyof typeof en;
