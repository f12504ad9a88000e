import type { addSyncMethod } from '@slidev/client'
import type { MqttClient } from 'mqtt'
// Slidev's sync state (`addSyncMethod`) over an MQTT broker: each channel the room
// carries (topics.ts) is one retained topic. Every device follows what arrives; only a
// presenter (connected with the key) publishes, and the broker's rules are what make
// that so: an audience device's write would be refused anyway, so it sends none.
// - A late joiner gets the live state at once: it is retained.
// - After the broker restarts (an embedded one loses its retained state), a presenter
//   publishes its state again on reconnecting.
// - Presenter views follow each other: Slidev's presenter ignores state another
//   presenter moved (both are "presenter"), so to a presenter another's move arrives
//   as a viewer's. Its own messages, echoed back, are dropped.
import { topicOf } from './topics'

/** What Slidev's public `addSyncMethod` takes. */
type Sync = Parameters<typeof addSyncMethod>[0]
interface Moved { lastUpdate?: { id?: string, type?: string } }

export function mqttSync(client: MqttClient, presenter: boolean): Sync {
  return {
    init<State extends object>(channelKey: string, onUpdate: (data: Partial<State>) => void) {
      const topic = topicOf(channelKey)
      if (!topic)
        return undefined
      let sent = ''
      const ownIds = new Set<string>()
      client.subscribe(topic, { qos: 1 })
      client.on('message', (t, payload) => {
        if (t !== topic)
          return
        const text = payload.toString()
        if (!text || text === sent)
          return
        let data: State & Moved
        try {
          data = JSON.parse(text)
        }
        catch {
          return
        }
        if (typeof data !== 'object' || data === null)
          return
        const id = data.lastUpdate?.id
        if (presenter && id && ownIds.has(id))
          return
        if (presenter && data.lastUpdate?.type === 'presenter') {
          data = {
            ...data,
            lastUpdate: { ...data.lastUpdate, type: 'viewer' },
          }
        }
        onUpdate(data)
      })
      if (!presenter)
        return undefined
      const publish = () => client.publish(topic, sent, { qos: 1, retain: true })
      client.on('connect', () => {
        if (sent)
          publish()
      })
      return (state: State, updating?: boolean) => {
        if (updating)
          return
        const id = (state as Moved).lastUpdate?.id
        if (id)
          ownIds.add(id)
        sent = JSON.stringify(state)
        publish()
      }
    },
  }
}
