// The broker `npm run present` embeds (Aedes), on the WebSocket path `/live` of the
// server that serves the deck, so a phone needs one address. Its rules are the shipped
// Mosquitto ACL's (lib/live/rules.ts), applied as Mosquitto applies them:
// - anyone may connect without credentials; a user name is accepted only as
//   "presenter" with the presenter's key as password (Mosquitto: the password file);
// - a client may subscribe to any filter, and is sent only what the ACL lets it read,
//   retained messages included (Mosquitto checks reads on delivery too);
// - a publish the ACL does not allow is refused: Mosquitto drops it, Aedes closes the
//   connection; either way nothing moves and the retained state stays the presenter's.
import type { Server as HttpServer, IncomingMessage } from 'node:http'
import type { Duplex } from 'node:stream'
import type { Rules } from './rules'
import { Buffer } from 'node:buffer'
import { timingSafeEqual } from 'node:crypto'
import { Aedes } from 'aedes'
import { createWebSocketStream, WebSocketServer } from 'ws'
import { may } from './rules'
import { INBOX, LIVE_PATH, PRESENTER_USER } from './topics'

/** The largest message either broker takes (docs/mosquitto/mosquitto.conf: max_packet_size). */
export const MAX_PACKET = 1024 * 1024
/**
 * What one connection may send to its inbox: a burst of INBOX_BURST messages, then one
 * every 1000 / INBOX_PER_SECOND ms; beyond that its publish is refused, which closes the
 * connection (Mosquitto has no such limit: there the presenter's view drops the excess).
 */
export const INBOX_BURST = 20
export const INBOX_PER_SECOND = 1

export interface EmbeddedBroker {
  aedes: Aedes
  /** Ends every connection and the broker. */
  close: () => Promise<void>
}

function same(a: Buffer, b: Buffer): boolean {
  return a.length === b.length && timingSafeEqual(a, b)
}

/** The broker with the room's rules; `key` is the presenter's password. */
export async function createBroker(key: string, rules: Rules): Promise<Aedes> {
  const secret = Buffer.from(key)
  // The user each client connected as; clients without one are the anonymous audience.
  const users = new WeakMap<object, string>()
  const buckets = new WeakMap<object, { tokens: number, at: number }>()
  const flooding = (client: object) => {
    const now = Date.now()
    const b = buckets.get(client) ?? { tokens: INBOX_BURST, at: now }
    b.tokens = Math.min(INBOX_BURST, b.tokens + (now - b.at) * INBOX_PER_SECOND / 1000)
    b.at = now
    buckets.set(client, b)
    if (b.tokens < 1)
      return true
    b.tokens--
    return false
  }
  return Aedes.createBroker({
    authenticate(client, username, password, done) {
      if (username === undefined && password === undefined)
        return done(null, true)
      if (username === PRESENTER_USER && password && same(Buffer.from(password), secret)) {
        users.set(client, PRESENTER_USER)
        return done(null, true)
      }
      // CONNACK 5, "not authorized", as Mosquitto answers.
      done(Object.assign(new Error('not authorized'), { returnCode: 5 }), false)
    },
    authorizePublish(client, packet, callback) {
      const user = client
        ? users.get(client)
        : undefined
      if (packet.payload.length > MAX_PACKET || !may(rules, user, 'write', packet.topic, client?.id))
        return callback(new Error(`not allowed to publish to ${packet.topic}`))
      if (client && user !== PRESENTER_USER && packet.topic.startsWith(`${INBOX}/`) && flooding(client))
        return callback(new Error(`${client.id} sends to its inbox too fast`))
      callback(null)
    },
    authorizeSubscribe(_client, subscription, callback) {
      callback(null, subscription)
    },
    authorizeForward(client, packet) {
      return may(rules, users.get(client), 'read', packet.topic, client.id)
        ? packet
        : null
    },
  })
}

/**
 * Serves the broker at `LIVE_PATH` on `server` (WebSocket, MQTT's "mqtt" subprotocol);
 * any other upgrade is refused. `allowed(req)` vets each request first (its Host).
 */
export async function attachBroker(server: HttpServer, key: string, rules: Rules, allowed: (req: IncomingMessage) => boolean = () => true): Promise<EmbeddedBroker> {
  const aedes = await createBroker(key, rules)
  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_PACKET + 1024 })
  const onUpgrade = (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    const path = new URL(req.url ?? '/', 'http://live').pathname
    if (path !== LIVE_PATH || !allowed(req)) {
      socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n')
      return
    }
    wss.handleUpgrade(req, socket, head, (ws) => {
      aedes.handle(createWebSocketStream(ws), req)
    })
  }
  server.on('upgrade', onUpgrade)
  return {
    aedes,
    close: () => new Promise<void>((resolve) => {
      server.off('upgrade', onUpgrade)
      for (const ws of wss.clients)
        ws.terminate()
      wss.close()
      aedes.close(() => resolve())
    }),
  }
}
