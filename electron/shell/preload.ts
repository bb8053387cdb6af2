/** The preload: only contextBridge, only our channels, never ipcRenderer itself. */
import { contextBridge, ipcRenderer } from 'electron';
import { createBridge } from './bridge';

contextBridge.exposeInMainWorld('newsdesk', createBridge(ipcRenderer));
