import { describe, it, expect } from 'vitest';
import { windowOptions } from '../../../src-main/electron/window';

describe('the main window', () => {
  const options = windowOptions('/app/desktop/preload.cjs');
  const web = options.webPreferences!;

  it('isolates and sandboxes the renderer, with Node nowhere', () => {
    expect(web.contextIsolation).toBe(true);
    expect(web.sandbox).toBe(true);
    expect(web.nodeIntegration).toBe(false);
    expect(web.nodeIntegrationInWorker).toBe(false);
    expect(web.nodeIntegrationInSubFrames).toBe(false);
  });

  it('keeps web security on and closes the doors the checklist names', () => {
    expect(web.webSecurity).toBe(true);
    expect(web.allowRunningInsecureContent).toBe(false);
    expect(web.webviewTag).toBe(false);
    expect(web.navigateOnDragDrop).toBe(false);
    // Items 9–11 of the checklist: left unset.
    expect(web.experimentalFeatures).toBeUndefined();
    expect(web.enableBlinkFeatures).toBeUndefined();
  });

  it('loads only the bundled preload and fetches nothing remote for spell-checking', () => {
    expect(web.preload).toBe('/app/desktop/preload.cjs');
    expect(web.spellcheck).toBe(false);
  });

  it('waits for the first frame before showing', () => {
    expect(options.show).toBe(false);
  });
});
