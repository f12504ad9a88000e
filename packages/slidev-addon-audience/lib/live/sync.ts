import type { addSyncMethod } from '@slidev/client'
import type { MqttClient } from 'mqtt'
// Slidev's sync state (`addSyncMethod`) over an MQTT broker: each channel the room
// carries (topics.ts) is one retained topic. Every device follows what arrives; only a
// presenter (connected with the key) publishes, and the broker's rules are what make
// that so: an audience device's write would be refused anyway, so it sends none.
// - A late joiner gets the live state at once: it is retained.
// - After the broker restarts (an embedded one loses its retained state), the presenter
//   view whose move is the latest publishes it again on reconnecting (one that followed
//   another's move since does not); a presenter view that opens where the broker holds
//   no talk publishes its own slide.
// - A presenter view that moves before the state the broker held reaches it (pressed as
//   it opens or reconnects) keeps its move: that held state is older, and following it
//   would send the room back.
// - Presenter views follow each other: Slidev's presenter ignores state another
//   presenter moved (both are "presenter"), so to a presenter another's move arrives
//   as a viewer's. Its own messages, echoed back, are dropped.
// - Slidev's sync state ignores an update that arrives while the page is still patching
//   its own state (the tick after a local write, which a page following the talk makes
//   as it follows), so the latest state is handed on again, every REDELIVERY_MS, until
//   the page holds it or REDELIVERIES have gone by. Only to followers: a presenter
//   view's own move wins (Slidev's rule), and handing states on between presenter views
//   keeps their older states going round.
import { TOPIC, topicOf } from './topics'

/** What Slidev's public `addSyncMethod` takes. */
type Sync = Parameters<typeof addSyncMethod>[0]
interface Moved { lastUpdate?: { id?: string, type?: string } }

export const REDELIVERY_MS = 25
export const REDELIVERIES = 10
/** How long a presenter view waits, once subscribed, for the talk the broker holds. */
export const HELD_WAIT_MS = 500

/** Whether `current` holds every field of `data` but the stamp of who moved it last. */
function holds(current: object, data: object): boolean {
  return Object.entries(data).every(([key, value]) =>
    key === 'lastUpdate' || JSON.stringify((current as Record<string, unknown>)[key]) === JSON.stringify(value))
}

/** Hands `data` to `onUpdate`, and again while `current` does not hold it; returns a stop. */
function deliver<State extends object>(onUpdate: (data: Partial<State>) => void, current: State | undefined, data: Partial<State>): () => void {
  let left = REDELIVERIES
  let timer: ReturnType<typeof setTimeout> | undefined
  const hand = () => {
    onUpdate(data)
    if (current && left-- > 0) {
      timer = setTimeout(() => {
        if (!holds(current, data))
          hand()
      }, REDELIVERY_MS)
    }
  }
  hand()
  return () => clearTimeout(timer)
}

/**
 * Subscribes to `topic` and hands on each state that arrives there, parsed, with its
 * text and whether it is the one the broker held (retained, sent on subscribing) rather
 * than a move as it is made; `subscribed` is called once the broker has taken the
 * subscription.
 */
export function onState<State extends object>(client: MqttClient, topic: string, handle: (data: State, text: string, held: boolean) => void, subscribed?: () => void): void {
  client.subscribe(topic, { qos: 1 }, (error) => {
    if (!error)
      subscribed?.()
  })
  client.on('message', (t, payload, packet) => {
    if (t !== topic)
      return
    const text = payload.toString()
    let data: unknown
    try {
      data = JSON.parse(text)
    }
    catch {
      return
    }
    if (typeof data === 'object' && data !== null)
      handle(data as State, text, packet.retain)
  })
}

export function mqttSync(client: MqttClient, presenter: boolean): Sync {
  return {
    init<State extends object>(channelKey: string, onUpdate: (data: Partial<State>) => void, current?: State) {
      const topic = topicOf(channelKey)
      if (!topic)
        return undefined
      let sent = ''
      // Whether this view's state is its own latest move (what it sent), not one it followed.
      let own = false
      let stop = () => {}
      const ownIds = new Set<string>()
      const publish = () => client.publish(topic, sent, { qos: 1, retain: true })
      let heard = false
      onState<State & Moved>(client, topic, (state, text, held) => {
        heard = true
        if (text === sent)
          return
        let data = state
        const id = data.lastUpdate?.id
        if (presenter && ((id && ownIds.has(id)) || (held && own)))
          return
        own = false
        if (presenter && data.lastUpdate?.type === 'presenter') {
          data = {
            ...data,
            lastUpdate: { ...data.lastUpdate, type: 'viewer' },
          }
        }
        stop()
        // Only a follower is handed a state again. A presenter view's own move wins over one
        // that fell to it, as in Slidev; handing states on between presenter views would keep
        // each one's older state going round, and pull the other back to it.
        stop = deliver(onUpdate, presenter ? undefined : current, data)
      }, () => {
        // A presenter view that opens where the broker holds no talk (a new broker, a
        // hosted site's first presenter) starts it: its slide is the live one, for every
        // device already there and each late joiner, before its first move.
        if (!presenter || topic !== TOPIC.nav)
          return
        setTimeout(() => {
          const moved = (current as Moved | undefined)?.lastUpdate
          if (heard || sent || moved?.type !== 'presenter')
            return
          ownIds.add(moved.id ?? '')
          sent = JSON.stringify(current)
          own = true
          publish()
        }, HELD_WAIT_MS)
      })
      if (!presenter)
        return undefined
      client.on('connect', () => {
        if (own)
          publish()
      })
      return (state: State, updating?: boolean) => {
        if (updating)
          return
        // The talk's position is the presenter view's: a slides window on the presenter's
        // laptop (Slidev lets it write too) does not move the room.
        if (topic === TOPIC.nav && (state as Moved).lastUpdate?.type !== 'presenter')
          return
        const id = (state as Moved).lastUpdate?.id
        if (id)
          ownIds.add(id)
        sent = JSON.stringify(state)
        own = true
        publish()
      }
    },
  }
}
