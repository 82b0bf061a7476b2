/// <reference lib="dom" />
import { ipcRenderer } from 'electron'

/**
 * The preload exposes no API of its own: it hands the page the one MessagePort on which the core
 * serves the contract. Everything the page may do is then decided by the core, not by this file.
 */
ipcRenderer.on('vigie:port', (event) => {
  const [port] = event.ports
  if (port) window.postMessage('vigie:port', '*', [port])
})
