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
  /** The vote's tally, as the room sees it (the presenter's view writes it). */
  tally: 'talk/tally',
  /** The questions the presenter shows, by votes. */
  questions: 'talk/questions',
  /** Under it, the presenter's record of what the room sent, in pieces (lib/live/audience.ts): the presenter's eyes only. */
  moderation: 'talk/moderation',
} as const

/**
 * Where a phone sends a vote, a question or an upvote: its own inbox, named by its MQTT
 * client id (the broker lets a client write there and nowhere else), read by the presenter.
 */
export const INBOX = 'talk/inbox'
export function inboxTopic(clientId: string, kind: 'vote' | 'question' | 'upvote'): string {
  return `${INBOX}/${clientId}/${kind}`
}
/** The client id and kind of an inbox topic, or undefined for any other topic. */
export function fromInbox(topic: string): { clientId: string, kind: string } | undefined {
  const parts = topic.split('/')
  if (parts.length !== 4 || `${parts[0]}/${parts[1]}` !== INBOX)
    return undefined
  return { clientId: parts[2], kind: parts[3] }
}
/** Where a phone keeps its own name for the inbox: one per phone, every page of it. */
export const DEVICE_STORE = 'lp:device'
/** This phone's vote, so a page that reloads shows it. */
export const VOTE_STORE = 'lp:vote'
/** When this phone sent its latest questions, so it holds itself to the limit. */
export const ASKED_STORE = 'lp:asked'
/** The questions this phone upvoted. */
export const UPVOTED_STORE = 'lp:upvoted'

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
