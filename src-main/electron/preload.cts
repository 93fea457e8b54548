// The sandboxed preload. A sandboxed renderer cannot load an ESM preload, so this file is
// CommonJS and is bundled with the bridge into one preload.cjs that requires only 'electron'.
import type * as Electron from 'electron';
import type * as Bridge from './preload-bridge';

/* eslint-disable @typescript-eslint/no-require-imports -- CommonJS loads its modules with require() */
const { contextBridge, ipcRenderer } = require('electron') as typeof Electron;
const { exposeBridge } = require('./preload-bridge') as typeof Bridge;

exposeBridge(contextBridge, ipcRenderer);
