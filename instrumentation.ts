export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { validateEnvOrExit } = await import("./lib/startup");
    validateEnvOrExit();
    // Route handlers learn the client's socket address from a stamp written here, since the web
    // Request Next hands them has headers only (lib/http/peer.ts, lib/auth/client-address.ts).
    const { installPeerStamp } = await import("./lib/http/peer");
    installPeerStamp();
  }
}
