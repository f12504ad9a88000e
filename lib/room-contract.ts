// What the room server (lib/room.ts) and the pages it serves agree on; no Node code
// here, so the browser can import it too.
export const KEY_QUERY = 'key'
export const KEY_HEADER = 'x-presenter-key'
/** GET here: `{ "presenter": true | false }`. */
export const WHOAMI = '/__room/presenter'
/** Pages that only serve the presenter: a device without the key gets a page saying so. */
export const PRESENTER_PAGES = /^\/(?:presenter|notes|notes-edit|entry)(?:\/|$)/
