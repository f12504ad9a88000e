// `npm run present`: give the talk to a room. The built site (dist/, built first when it
// is missing or older than the deck's sources) is served on the local network with the
// live talk's broker on the same address (lib/live/room.ts): every device follows the
// presenter, and only the presenter's key moves the talk. Nothing leaves the network
// unless --broker names a broker elsewhere.
//
//   npm run present                          # every interface, port 3030, a new key
//   PRESENTER_KEY=… npm run present -- --port 4000 --bind 192.168.1.20 --host talk.local
//   PRESENTER_KEY=… npm run present -- --broker wss://mqtt.example.org/mqtt
import { existsSync, readdirSync, statSync } from 'node:fs'
import { join, resolve } from 'node:path'
import process from 'node:process'
import { parseArgs } from 'node:util'
import QRCode from 'qrcode'
import { loadDeck } from '../lib/deck-source'
import { BROKER_ENV, brokersFromEnv, checkBrokers } from '../lib/live/pages'
import { recordTalk } from '../lib/live/recorder'
import { newKey, startRoom } from '../lib/live/room'
import { fail } from '../lib/options'
import { script, tsx } from '../lib/run'

const KEY_ENV = 'PRESENTER_KEY'

const { values: args } = parseArgs({
  options: {
    'port': { type: 'string', default: '3030' },
    'bind': { type: 'string', default: '0.0.0.0' },
    'host': { type: 'string', multiple: true, default: [] },
    'broker': { type: 'string', multiple: true, default: [] },
    'dist': { type: 'string', default: 'dist' },
    'no-build': { type: 'boolean', default: false },
    'report': { type: 'string', default: 'reports' },
    'help': { type: 'boolean', default: false },
  },
})
if (args.help) {
  console.log(`npm run present -- [--port N (3030)] [--bind ADDRESS (0.0.0.0)] [--host NAME]…
  [--broker wss://… (or ${BROKER_ENV}; several for a bridged pair)] [--dist DIR (dist)] [--no-build]
  [--report DIR (reports): where the talk's report goes when the room stops]
The key is ${KEY_ENV}, or a new one; with --broker it is the presenter's password there.`)
  process.exit(0)
}
const port = Number(args.port)
if (!Number.isInteger(port) || port < 0 || port > 65535)
  fail(`--port must be a port number (got "${args.port}").`)
const fromEnv = process.env[KEY_ENV]?.trim()
if (fromEnv !== undefined && fromEnv.length > 0 && fromEnv.length < 12)
  fail(`${KEY_ENV} must be 12 characters or more: anyone in the room may try to guess it.`)
const brokers = args.broker.length
  ? args.broker
  : brokersFromEnv(process.env)
const badBroker = checkBrokers(brokers, false)
if (badBroker)
  fail(badBroker)
if (brokers.length && !fromEnv)
  fail(`With --broker, ${KEY_ENV} must be the presenter's password on that broker.`)
const key = fromEnv || newKey()

// The deck's own sources: a newer one than the build means the build is stale.
const SOURCES = [
  'slides.md',
  'pages',
  'components',
  'layouts',
  'public',
  'styles',
  'setup',
  'snippets',
  'reading',
  'lib',
  'vite.config.ts',
  'package-lock.json',
]
function newest(path: string): number {
  if (!existsSync(path))
    return 0
  const stat = statSync(path)
  if (!stat.isDirectory())
    return stat.mtimeMs
  return Math.max(0, ...readdirSync(path).map(f => newest(join(path, f))))
}
const dist = resolve(args.dist)
const built = existsSync(join(dist, 'index.html'))
  ? statSync(join(dist, 'index.html')).mtimeMs
  : 0
if (!args['no-build'] && (!built || Math.max(...SOURCES.map(newest)) > built)) {
  console.log(built
    ? `The deck changed since ${args.dist}/ was built: building it again…`
    : 'Building the deck first…')
  // The room writes the live talk into the pages it serves: the build is the plain site
  // (LIVE_URL is for a hosted build, and may name ws://, which a hosted build refuses).
  if (!tsx(script('build.ts'), ['--out', dist], {
    env: { [BROKER_ENV]: undefined },
  }).ok) {
    fail('The build failed; nothing is served.')
  }
}

let room: Awaited<ReturnType<typeof startRoom>>
try {
  room = await startRoom({
    key,
    port,
    bind: args.bind,
    dist,
    hosts: args.host,
    brokers,
  })
}
catch (e) {
  fail((e as Error).message)
}
// Asked as a phone would, before anyone is told the address.
const local = `http://${['0.0.0.0', '::'].includes(args.bind)
  ? '127.0.0.1'
  : args.bind}:${room.port}/`
if (!await fetch(local).then(r => r.ok, () => false))
  fail(`The room does not answer at ${local}.`)

const qr = await QRCode.toString(room.url, { type: 'terminal', small: true })
console.log(`
  The room follows the talk at   ${room.url}
${qr.replace(/^/gm, '    ')}
  Presenter (laptop, and a phone as a remote; keep it to yourself):
                                 ${room.presenterUrl}
  Live: ${brokers.length
    ? `the broker at ${brokers.join(', ')}`
    : `this server's broker, ${room.url.replace(/^http/, 'ws').replace(/\/$/, '')}/live`}
  ${fromEnv
    ? `The key is ${KEY_ENV}.`
    : `A new key for this run; set ${KEY_ENV} to keep one across restarts.`}
  The cover's QR code points to the room's address. Ctrl+C ends the talk.
`)

// What the room said and how long each slide took: written beside the deck when the room stops.
const deck = await loadDeck()
const recorder = recordTalk(brokers[0] ?? `${local.replace(/^http/, 'ws')}live`, key, new Map(deck.slides.map(s => [s.no, s.title])))
let stopping = false
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    // A second Ctrl+C ends it whatever is still going.
    if (stopping)
      process.exit(1)
    stopping = true
    const files = recorder.write(resolve(args.report), String(deck.headmatter.title ?? 'The talk'))
    console.log(files.length
      ? `\n  The talk's report: ${files.join(', ')}`
      : '\n  Nothing happened in the room: no report.')
    recorder.stop()
    room.stop().then(() => process.exit(0))
  })
}
