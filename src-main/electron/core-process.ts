/** Entry of the utility process that hosts the core: one Core, served over the parent port. */
import type { ParentPort } from 'electron';
import { Core } from '../core/host';
import { serveCore } from './core-server';

const parentPort = process.parentPort as ParentPort | undefined;
if (!parentPort) {
  console.error('core-process.js runs inside the Quire desktop app (an Electron utility process), not on its own.');
  process.exit(1);
}

serveCore(
  new Core({ indexInBackground: true }),
  {
    postMessage: (message) => parentPort.postMessage(message),
    onMessage: (listener) => parentPort.on('message', (event) => listener(event.data)),
  },
  (code) => process.exit(code),
);
