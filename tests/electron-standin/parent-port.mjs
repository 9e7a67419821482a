// Preloaded into a process the stand-in's utilityProcess.fork starts: Electron's
// `process.parentPort` over Node's IPC channel (messages arrive as { data, ports }). As with
// Electron's message port, what the parent posts before the child listens is queued, not lost.
import { EventEmitter } from 'node:events';

const port = new EventEmitter();
const queued = [];
let listening = false;
port.postMessage = (message) => {
  if (process.connected) process.send?.(message);
};
port.start = () => {};
port.on('newListener', (event) => {
  if (event !== 'message' || listening) return;
  listening = true;
  // After the listener is added (newListener fires before).
  queueMicrotask(() => queued.splice(0).forEach((data) => port.emit('message', { data, ports: [] })));
});
process.on('message', (data) => {
  if (listening) port.emit('message', { data, ports: [] });
  else queued.push(data);
});
process.parentPort = port;
