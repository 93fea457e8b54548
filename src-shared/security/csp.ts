/**
 * The renderer's Content-Security-Policy, the same for the desktop app (app://) and the browser
 * edition: only our own scripts, no eval, no framing, no outside connections. Styles allow
 * 'unsafe-inline' because Mantine and the CSS Custom Highlight rules are injected at run time;
 * scripts never are.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
  "form-action 'none'",
].join('; ');
