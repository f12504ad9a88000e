import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { ROOM_NETWORK_PORT, ROOM_PORT } from './servers'

// What the room spec and playwright.room.config.ts agree on.
export const ROOM_KEY = 'test-presenter-key-7f3a9c2e'
/** Every connection the room server's processes tried (tests/support/no-way-out.ts). */
export const CONNECTIONS_LOG = join(tmpdir(), `lp-room-connections-${ROOM_PORT}.log`)
/** The presenter's laptop reaches the server as itself. */
export const ROOM_URL = `http://127.0.0.1:${ROOM_PORT}`
// The audience's devices come from another host name, as a phone on the venue's
// network does (Slidev lets localhost's own pages write; the browser maps the name to
// 127.0.0.1). The phone's traffic goes through a proxy the spec can cut.
export const AUDIENCE_HOST = 'audience.localhost'
export const AUDIENCE_URL = `http://${AUDIENCE_HOST}:${ROOM_PORT}`
export const PHONE_URL = `http://${AUDIENCE_HOST}:${ROOM_NETWORK_PORT}`
