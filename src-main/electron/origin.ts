/** The one origin the desktop renderer is served from, and the only one trusted to call the core. */
export const APP_SCHEME = 'app';
export const APP_HOST = 'quire';
export const APP_ENTRY_URL = `${APP_SCHEME}://${APP_HOST}/index.html`;

/**
 * True for URLs on the app origin. Compared by protocol and host: for a custom scheme WHATWG
 * `URL.origin` is the opaque "null", which would match any other opaque origin.
 */
export function isAppUrl(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST && parsed.username === '' && parsed.password === '';
  } catch {
    return false;
  }
}
