/**
 * The site's Content-Security-Policy: only its own scripts, styles, images and fonts, no plugins,
 * no inline script or style (so no `style="…"` attributes and no `onclick=…` either). It is set
 * as a `<meta http-equiv>` in every page by src/layouts/Base.astro, which works on any static
 * host, and as a header in public/_headers for hosts that read that file; the header adds
 * `frame-ancestors`, which a meta tag cannot carry. tests/security.test.ts checks the two agree.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  // 'wasm-unsafe-eval' lets the search compile Pagefind's WebAssembly; it allows no JavaScript
  // eval. Found when the search test ran behind the _headers policy: the meta tag does not reach
  // Pagefind's worker, the header does, and without it search fails on hosts that send it.
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self'",
  // data: for the search box's icon, which Pagefind's stylesheet draws as an inline SVG image.
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
].join('; ');
