// `npm run present`: give the talk to a room. The deck is served on the local network
// by Slidev's own server and kept in step on every device by its sync; only the
// presenter's devices can move it (lib/room.ts). Nothing it does leaves the network.
//
//   npm run present                          # every interface, port 3030, a new key
//   PRESENTER_KEY=… npm run present -- --port 4000 --bind 192.168.1.20
import process from 'node:process'
import { parseArgs } from 'node:util'
import QRCode from 'qrcode'
import { fail } from '../lib/options'
import { generateKey, KEY_ENV } from '../lib/room'
import { startRoom } from '../lib/room-server'

const { values: args } = parseArgs({
  options: {
    port: { type: 'string', default: '3030' },
    bind: { type: 'string', default: '0.0.0.0' },
    help: { type: 'boolean', default: false },
  },
})
if (args.help) {
  console.log('npm run present -- [--port N (3030)] [--bind ADDRESS (0.0.0.0)]; the key is PRESENTER_KEY, or a new one')
  process.exit(0)
}
const port = Number(args.port)
if (!Number.isInteger(port) || port < 1 || port > 65535)
  fail(`--port must be a port number (got "${args.port}").`)
const fromEnv = process.env[KEY_ENV]?.trim()
if (fromEnv !== undefined && fromEnv.length > 0 && fromEnv.length < 12)
  fail(`${KEY_ENV} must be 12 characters or more: anyone in the room may try to guess it.`)
const key = fromEnv || generateKey()

let room: Awaited<ReturnType<typeof startRoom>>
try {
  room = await startRoom({ key, port, bind: args.bind })
}
catch (e) {
  fail((e as Error).message)
}

const qr = await QRCode.toString(room.url, { type: 'terminal', small: true })
console.log(`
  The room follows the talk at   ${room.url}
${qr.replace(/^/gm, '    ')}
  Presenter (laptop, and a phone as a remote; keep it to yourself):
                                 ${room.presenterUrl}
  ${fromEnv
    ? `The key is ${KEY_ENV}.`
    : `A new key for this run; set ${KEY_ENV} to keep one across restarts.`}
  The cover's QR code points to the room's address. Ctrl+C ends the talk.
`)

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    room.stop().then(() => process.exit(0))
  })
}
room.child.on('exit', code => process.exit(code ?? 0))
