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
