export const SECURITY_HEADERS: Record<string, string> = {
  "x-content-type-options": "nosniff",
  "referrer-policy": "strict-origin-when-cross-origin",
  "x-frame-options": "DENY",
  // The microphone is for voice input on this origin only; nothing else is granted.
  "permissions-policy": "microphone=(self), camera=(), geolocation=(), payment=(), usb=(), interest-cohort=()",
  "cross-origin-opener-policy": "same-origin",
};

/**
 * Scripts run only with this request's nonce ('strict-dynamic' lets Next's loader add
 * chunks). Styles allow inline attributes because React and the virtualized lists set
 * them. Images and media stay local: no markup in a reply (a diagram's styles, an imported
 * file) can make the page fetch a remote URL. A remote image the user clicks to load is
 * shown in a frame of its own (REMOTE_IMAGE_FRAME), whose policy allows just that.
 */
export function contentSecurityPolicy(nonce: string, dev: boolean): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' blob: data:",
    "media-src 'self' blob:",
    "font-src 'self' data:",
    `connect-src 'self'${dev ? " ws:" : ""}`,
    "worker-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

/** The static document that shows one remote image a user asked for (public/remote-image.*). */
export const REMOTE_IMAGE_FRAME = "/remote-image.html";

/** Its headers: it may load remote images and its own script, nothing else, only inside this app. */
export const REMOTE_IMAGE_FRAME_HEADERS: Record<string, string> = {
  "content-security-policy": [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'unsafe-inline'",
    "img-src http: https:",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'self'",
  ].join("; "),
  "referrer-policy": "no-referrer",
  "x-content-type-options": "nosniff",
  "x-frame-options": "SAMEORIGIN",
};
