/** What the session, address and size checks read of a request: a web Request fits, and so does the Node adapter (node-handler.ts). */
export interface RequestHead {
  readonly headers: { get(name: string): string | null };
}
