// What the live path's broker, its rules and the pages agree on; no Node code here, so
// the browser can import it too. One broker carries one talk: its state is one
// retained topic per Slidev sync channel (`<title> - shared`, `<title> - drawings`).
export const LIVE_PATH = '/live'
/** The presenter's user name on both brokers; the password is the presenter's key. */
export const PRESENTER_USER = 'presenter'
export const TOPIC = {
  /** Slidev's shared state: slide, click, timer, who moved it last. */
  nav: 'talk/nav',
  /** The slides' drawings. */
  drawings: 'talk/drawings',
} as const

/** The topic of a Slidev sync channel, or undefined for one the room does not carry. */
export function topicOf(channelKey: string): string | undefined {
  if (channelKey.endsWith(' - shared'))
    return TOPIC.nav
  if (channelKey.endsWith(' - drawings'))
    return TOPIC.drawings
}

/**
 * The page's sign that it is in a live talk: `<meta name="lp-live" content="…">`, with
 * the broker's addresses, space-separated (a path like `/live` is this page's own
 * server). `npm run present` writes it into the pages it serves; a build with LIVE_URL
 * carries it. A page without it loads nothing of the live path.
 */
export const LIVE_META = 'lp-live'
/** On the same tag, `data-room`: the room's address, which the cover's QR code shows. */
export const ROOM_ATTRIBUTE = 'data-room'
/** The presenter's address carries the key once, as `?key=…`; the page keeps it in this tab. */
export const KEY_QUERY = 'key'
export const KEY_STORE = 'lp:presenter-key'
/** Where `npm run present` serves the room's QR code, under the deck's base. */
export const ROOM_QR = 'room-qr.svg'

/** The broker addresses `content` names, as WebSocket URLs, resolved against the page's address. */
export function brokerUrls(content: string, page: string): string[] {
  return content.split(/\s+/).filter(Boolean).map((raw) => {
    const url = new URL(raw, page)
    url.protocol = url.protocol.replace(/^http/, 'ws')
    return url.href
  })
}
