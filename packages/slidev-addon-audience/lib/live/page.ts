// Whether this page is in a live talk, and whether it is the presenter's: read from the
// page alone, with nothing fetched, so every page can ask (setup/main.ts, the static
// reading page) and only a live one goes on to load the connection (./connect.ts).
import { randomHex } from './audience'
import { brokerUrls, DEVICE_STORE, KEY_QUERY, KEY_STORE, LIVE_META, ROOM_ATTRIBUTE } from './topics'

export interface LiveTalk {
  /** The broker's addresses, in order. */
  servers: string[]
  /** The room's address (`npm run present`), for the cover's QR code; '' on a hosted site. */
  room: string
}

/** The live talk this page is in, from its meta tag, or undefined. */
export function liveTalk(doc: Document = document): LiveTalk | undefined {
  const meta = doc.querySelector<HTMLMetaElement>(`meta[name="${LIVE_META}"]`)
  const servers = meta
    ? brokerUrls(meta.content, location.href)
    : []
  if (!servers.length)
    return undefined
  return { servers, room: meta!.getAttribute(ROOM_ATTRIBUTE) ?? '' }
}

/**
 * The presenter's key: taken from the address (`?key=`) into this tab's storage (the
 * caller then takes it out of the address, so it is not bookmarked, shared or shown on
 * a projector), or the one this tab was given before; '' for the audience.
 */
export function presenterKey(): string {
  const given = new URLSearchParams(location.search).get(KEY_QUERY)
  if (given)
    sessionStorage.setItem(KEY_STORE, given)
  return sessionStorage.getItem(KEY_STORE) ?? ''
}

/**
 * This page's MQTT client id, `<device>.<page>`: the device's part is kept in the
 * browser (the same for the slides and the reading page, so a phone has one vote), the
 * page's is new each time (two pages of one phone must not take each other's connection).
 */
export function liveClientId(): string {
  // Outside a browser (a tool, a test in Node), each connection is a device of its own.
  const store = globalThis.localStorage as Storage | undefined
  let device = store?.getItem(DEVICE_STORE) ?? ''
  if (!/^[\da-f]{12}$/.test(device)) {
    device = randomHex(6)
    store?.setItem(DEVICE_STORE, device)
  }
  return `${device}.${randomHex(3)}`
}
