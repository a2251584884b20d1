// Dragging a conversation row onto a folder: the row puts its id under this type.
export const CONVERSATION_DRAG_TYPE = "application/x-siliconplay-conversation";

export function draggedConversation(e: { dataTransfer: DataTransfer | null }): string | null {
  return e.dataTransfer?.getData(CONVERSATION_DRAG_TYPE) || null;
}

export function carriesConversation(e: { dataTransfer: DataTransfer | null }): boolean {
  return !!e.dataTransfer?.types.includes(CONVERSATION_DRAG_TYPE);
}
