import type { Header } from '@netlify/headers-parser'
// The HTTP headers each host sends for a path, read from the committed deploy
// configurations with the hosts' own parsers and matched the way each host matches:
// Netlify's `[[headers]]` (netlify.toml, and a `_headers` file in the published folder)
// with @netlify/headers-parser, every matching rule applying; Vercel's `headers`
// (vercel.json) with @vercel/routing-utils, a later rule overriding an earlier one.
// The tests' static server sends them, so the tests run under what the hosts send.
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { parseAllHeaders } from '@netlify/headers-parser'
import { sourceToRegex } from '@vercel/routing-utils'

export type HeaderHost = 'netlify' | 'vercel'
export type HeadersFor = (path: string) => Record<string, string>

/** What both hosts send for a static file when no rule names a Cache-Control. */
const HOST_DEFAULTS: Record<string, string> = { 'Cache-Control': 'public, max-age=0, must-revalidate' }

/** A Content-Security-Policy's directives: each name with its sources. */
export function directives(policy: string): Record<string, string[]> {
  return Object.fromEntries(policy.split(';').map(d => d.trim().split(/\s+/)).filter(d => d[0]).map(([name, ...values]) => [name, values]))
}

/** CSP directives a `<meta>` tag cannot carry (the browser ignores them, with an error). */
const HEADER_ONLY_DIRECTIVES = [
  'frame-ancestors',
  'report-uri',
  'report-to',
  'sandbox',
]

function withDefaults(found: Record<string, string>): Record<string, string> {
  const names = new Set(Object.keys(found).map(k => k.toLowerCase()))
  return {
    ...Object.fromEntries(Object.entries(HOST_DEFAULTS).filter(([k]) => !names.has(k.toLowerCase()))),
    ...found,
  }
}

/** Netlify's rules from `root`/netlify.toml and, when `publish` has one, its `_headers` file. */
export async function netlifyHeaders(root = '.', publish?: string): Promise<HeadersFor> {
  const headersFile = publish && join(publish, '_headers')
  const { headers, errors } = await parseAllHeaders({
    headersFiles: headersFile && existsSync(headersFile)
      ? [headersFile]
      : [],
    netlifyConfigPath: join(root, 'netlify.toml'),
    configHeaders: undefined,
    minimal: false,
  })
  if (errors.length)
    throw new Error(`netlify.toml headers: ${errors.map(e => e.message).join('; ')}`)
  return (path) => {
    const found: Record<string, string> = {}
    for (const rule of headers as Header[]) {
      if (!rule.forRegExp.test(path))
        continue
      // Netlify sends every matching rule's values; one header named twice is joined.
      for (const [name, value] of Object.entries(rule.values)) {
        found[name] = found[name]
          ? `${found[name]}, ${value}`
          : value
      }
    }
    return withDefaults(found)
  }
}

/** Vercel's rules from `root`/vercel.json. */
export function vercelHeaders(root = '.'): HeadersFor {
  const config = JSON.parse(readFileSync(join(root, 'vercel.json'), 'utf8')) as { headers?: { source: string, headers: { key: string, value: string }[] }[] }
  const rules = (config.headers ?? []).map(rule => ({
    match: new RegExp(sourceToRegex(rule.source).src),
    headers: rule.headers,
  }))
  return (path) => {
    const found: Record<string, string> = {}
    for (const rule of rules) {
      if (rule.match.test(path))
        rule.headers.forEach(({ key, value }) => found[key] = value)
    }
    return withDefaults(found)
  }
}

export async function hostHeaders(host: HeaderHost, root = '.', publish?: string): Promise<HeadersFor> {
  return host === 'netlify'
    ? netlifyHeaders(root, publish)
    : vercelHeaders(root)
}

/**
 * What a page may connect to, by its own policy: 'self'. The hosts' headers also allow
 * `wss:`, for a build that follows a broker elsewhere (LIVE_URL), whose pages then add
 * that broker's origin here (lib/live/pages.ts); a page is held to both policies.
 */
const PAGE_CONNECT = 'connect-src \'self\''

/**
 * The policy the pages carry when the deck's netlify.toml names none (a deck that has not
 * written one, like Slidev's starter): scripts from the site itself and from the origins its
 * own page names in a `<script src>` (Slidev adds X's and Bluesky's embed scripts for a deck
 * that shows a post; their frames come from the same origins), and 'unsafe-eval' when the deck
 * runs code on its slides (`runsCode`: a `{monaco-run}` block); workers and connections only
 * from the site; no plugins, no form posts; the pictures, style sheets and fonts a deck names
 * by address (its Unsplash cover, Google Fonts) from any https origin.
 */
export function defaultContentSecurityPolicy(html = '', runsCode = false): string {
  const named = [
    ...new Set([
      ...html.matchAll(/<script\b[^>]*\ssrc="(https:\/\/[^"/]+)/g),
    ].map(m => m[1])),
  ]
  return [
    ['default-src', '\'self\''],
    [
      'script-src',
      '\'self\'',
      ...runsCode
        ? ['\'unsafe-eval\'']
        : [],
      ...named,
    ],
    [
      'style-src',
      '\'self\'',
      '\'unsafe-inline\'',
      'https:',
    ],
    [
      'img-src',
      '\'self\'',
      'data:',
      'blob:',
      'https:',
    ],
    [
      'font-src',
      '\'self\'',
      'data:',
      'https:',
    ],
    ...named.length
      ? [
          ['frame-src', ...named],
        ]
      : [],
    ['connect-src', '\'self\''],
    ['worker-src', '\'self\''],
    ['manifest-src', '\'self\''],
    ['object-src', '\'none\''],
    ['base-uri', '\'self\''],
    ['form-action', '\'none\''],
    ['frame-ancestors', '\'none\''],
  ].map(d => d.join(' ')).join('; ')
}

/**
 * The Content-Security-Policy Netlify sends for the pages (the default above for the page
 * `html` when netlify.toml names none), less what a `<meta>` tag cannot carry, and with
 * connect-src narrowed to the page's own (PAGE_CONNECT): written into the built pages, for
 * hosts that send no headers (GitHub Pages) and on every host.
 */
export async function metaContentSecurityPolicy(root = '.', html = '', runsCode = false): Promise<string> {
  const policy = (await netlifyHeaders(root))('/index.html')['Content-Security-Policy'] ?? defaultContentSecurityPolicy(html, runsCode)
  return policy.split(';').map(d => d.trim()).filter(d => d && !HEADER_ONLY_DIRECTIVES.includes(d.split(/\s+/)[0])).map(d => d.startsWith('connect-src')
    ? PAGE_CONNECT
    : d).join('; ')
}
