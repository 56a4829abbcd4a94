/**
 * The site's Content-Security-Policy: only its own scripts, styles, images and fonts, no plugins,
 * no inline script or style (so no `style="…"` attributes and no `onclick=…` either). It is set
 * as a `<meta http-equiv>` in every page by src/layouts/Base.astro, which works on any static
 * host, and as a header in public/_headers for hosts that read that file; the header adds
 * `frame-ancestors`, which a meta tag cannot carry. tests/security.test.ts checks the two agree.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self'",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
].join('; ');
