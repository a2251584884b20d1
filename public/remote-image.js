// One remote image the user asked to see, in a sandboxed frame of its own. The app's pages may load
// no remote image at all (their CSP says img-src 'self' blob: data:), so nothing in a reply — a
// diagram, a style, an imported file — can make the browser fetch a stranger's URL unseen. This
// document is the exception the user's click creates: it shows exactly the URL in its fragment
// (never sent to any server), without a Referer, and tells the chat page its size or failure.
(() => {
  const post = (message) => parent.postMessage({ source: "siliconplay-remote-image", ...message }, "*");
  let url = null;
  try {
    url = new URL(decodeURIComponent(location.hash.slice(1)));
  } catch {
    url = null;
  }
  if (!url || (url.protocol !== "https:" && url.protocol !== "http:")) {
    post({ ok: false });
    return;
  }
  const img = new Image();
  img.referrerPolicy = "no-referrer";
  img.decoding = "async";
  img.alt = "";
  img.onload = () => post({ ok: true, width: img.naturalWidth, height: img.naturalHeight });
  img.onerror = () => post({ ok: false });
  img.src = url.href;
  document.body.appendChild(img);
})();
