/**
 * The native extras of the control window (window.pupitreNative), over IPC. Sandboxed preload:
 * only `electron`'s renderer modules are available here, and nothing of Node leaks to the page.
 * Each function is a fixed call: the page never gets ipcRenderer itself.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { NATIVE_CHANNELS, type NativeBridge } from '../shared/api/native';

const bridge: NativeBridge = {
  platform: process.platform,
  appVersion: () => ipcRenderer.invoke(NATIVE_CHANNELS.appVersion),
  displays: () => ipcRenderer.invoke(NATIVE_CHANNELS.displays),
  identifyDisplays: () => ipcRenderer.invoke(NATIVE_CHANNELS.identifyDisplays),
  setOutputDisplay: (id: number | null) => ipcRenderer.invoke(NATIVE_CHANNELS.setOutputDisplay, id),
};

contextBridge.exposeInMainWorld('pupitreNative', bridge);
