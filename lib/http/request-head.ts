/** What the session, address, origin and size checks read of a request: a web Request fits, and so does the Node adapter (node-handler.ts). */
export interface RequestHead {
  readonly headers: { get(name: string): string | null };
  readonly method?: string;
  /** The TCP peer's address when the adapter has the socket (a web Request carries it as a stamp: lib/http/peer.ts). */
  readonly peerAddress?: string;
}
