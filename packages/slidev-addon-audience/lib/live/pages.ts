// The pages of a built site in a live talk: each HTML page gets the `lp-live` meta tag
// (./topics.ts) with the broker's addresses, and its Content-Security-Policy meta tag
// lets it connect to them. Two callers:
// - the room (`npm run present`, ./room.ts) serves the pages so, with its own broker
//   or the one --broker (LIVE_URL) names, and the room's address for the cover's QR code;
// - a build with LIVE_URL (scripts/build.ts) writes them so into dist/: a hosted copy
//   follows that broker, whatever host serves it. The hosts' headers allow `wss:` in
//   connect-src; each page's own policy narrows that to 'self' and its brokers (a
//   page is held to both), so a page without LIVE_URL connects to nothing but 'self'.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { READ_PAGE } from '../../reading/contract'
import { precache } from '../precache'
import { LIVE_META, ROOM_ATTRIBUTE } from './topics'

/** The brokers a hosted build follows, and the room's when --broker is not given. */
export const BROKER_ENV = 'LIVE_URL'

/** The addresses LIVE_URL names (space-separated, several for a bridged pair). */
export function brokersFromEnv(env: NodeJS.ProcessEnv): string[] {
  return env[BROKER_ENV]?.split(/\s+/).filter(Boolean) ?? []
}

/**
 * What is wrong with these broker addresses, or undefined: each must be a WebSocket
 * address; a hosted build's must be wss:// (a page served over HTTPS may not open ws://).
 */
export function checkBrokers(brokers: string[], secure: boolean): string | undefined {
  const shape = secure
    ? /^wss:\/\/[^/\s]/
    : /^wss?:\/\/[^/\s]/
  const bad = brokers.find(b => !shape.test(b) || !URL.canParse(b))
  if (bad !== undefined) {
    return secure
      ? `${BROKER_ENV} must name secure WebSocket addresses, wss://… (got "${bad}"): a hosted page is served over HTTPS.`
      : `--broker must be a WebSocket address, ws://… or wss://… (got "${bad}").`
  }
}

/** The policy with the brokers' origins allowed to connect to (they are not 'self'). */
export function allowBrokers(policy: string, brokers: string[]): string {
  if (!brokers.length)
    return policy
  const origins = [
    ...new Set(brokers.map(b => new URL(b).origin.replace(/^http/, 'ws'))),
  ]
  return policy.replace(/connect-src ([^;]*)/, (_, sources: string) => `connect-src ${[
    ...new Set([
      ...sources.trim().split(/\s+/),
      ...origins,
    ]),
  ].join(' ')}`)
}

const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;')

const META_TAG = new RegExp(`<meta name="${LIVE_META}"[^>]*>\\n?`)

export interface LiveAddresses {
  /** The broker's addresses as the pages name them: `/live`, or `wss://…`. */
  servers: string[]
  /** The external brokers, whose origins the page's policy must allow. */
  brokers: string[]
  /** The room's address, for the cover's QR code; '' on a hosted site. */
  room: string
}

/** One built page, in a live talk: with the `lp-live` meta tag (in place of one it had). */
export function livePage(html: string, { servers, brokers, room }: LiveAddresses, file = 'the page'): string {
  const page = html
    .replace(META_TAG, '')
    // The policy in the page is HTML-escaped (&#39;self&#39;).
    .replace(/(<meta http-equiv="Content-Security-Policy" content=")([^"]*)/, (_, tag: string, policy: string) =>
      tag + allowBrokers(policy.replace(/&#39;/g, '\''), brokers).replace(/'/g, '&#39;'))
  const at = page.indexOf('</head>')
  if (at < 0)
    throw new Error(`${file} has no </head>: is it a built page?`)
  const meta = `<meta name="${LIVE_META}" content="${escape(servers.join(' '))}"${room
    ? ` ${ROOM_ATTRIBUTE}="${escape(room)}"`
    : ''}>`
  return `${page.slice(0, at)}${meta}\n${page.slice(at)}`
}

/** Every HTML page of the built site in `dist`, by file name, through `transform`. */
export function sitePages(dist: string, transform: (html: string, file: string) => string): Map<string, string> {
  const pages = new Map<string, string>()
  for (const file of readdirSync(dist).filter(f => f.endsWith('.html')))
    pages.set(file, transform(readFileSync(join(dist, file), 'utf8'), file))
  if (!pages.has('index.html'))
    throw new Error(`${dist} has no index.html: build the deck first (npm run build).`)
  return pages
}

/** A hosted build in a live talk: every page of `dist` follows `brokers`, offline copies too. */
export function writeLivePages(dist: string, brokers: string[]): void {
  const pages = sitePages(dist, (html, file) => livePage(html, { servers: brokers, brokers, room: '' }, file))
  for (const [file, html] of pages)
    writeFileSync(join(dist, file), html)
  // The service worker precaches these two pages by revision: theirs changed.
  precache(dist, ['index.html', READ_PAGE])
}
