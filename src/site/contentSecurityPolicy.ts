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

/**
 * The policy `npm run dev` pages carry: the published one with inline scripts and styles allowed,
 * because Vite's development server puts every stylesheet in an inline `<style>` and its client,
 * Astro's toolbar and the error overlay run inline code. Everything else stays as published, so
 * an image or font from another site fails in development just as it would on the public site.
 * Built pages never carry this policy (tests/security.test.ts).
 */
export const DEV_CONTENT_SECURITY_POLICY = CONTENT_SECURITY_POLICY.replace(
  "script-src 'self'",
  "script-src 'self' 'unsafe-inline'",
).replace("style-src 'self'", "style-src 'self' 'unsafe-inline'");
