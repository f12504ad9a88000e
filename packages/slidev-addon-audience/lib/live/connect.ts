import type { MqttClient } from 'mqtt'
import type { LiveTalk } from './page'
// A page's connection to the live talk's broker (MQTT over WebSocket, MQTT.js), for the
// slides (./app.ts) and the static reading page (reading/live-page.ts). Only a page
// in a live talk (its `lp-live` meta tag) imports this module, and with it MQTT.js.
// - Several broker addresses (a bridged pair): when one cannot be reached, the next.
// - Reconnects by itself every second; a retained state arrives again on each connect.
// - With the presenter's key: connects as the presenter. A key the broker refuses is
//   forgotten, and the page starts again as the audience's.
import mqtt from 'mqtt'
import { liveClientId } from './page'
import { KEY_STORE, PRESENTER_USER } from './topics'

/** Not authorized (CONNACK 5, MQTT 3.1.1): the broker refused the key. */
const REFUSED = 5

export function connectLive(talk: LiveTalk, key = ''): MqttClient {
  let at = 0
  let connected = false
  const client = mqtt.connect(talk.servers[0], {
    reconnectPeriod: 1000,
    connectTimeout: 4000,
    protocolVersion: 4,
    // Its default keeps time in a worker made from a blob, which the CSP (worker-src 'self') refuses.
    timerVariant: 'native',
    clean: true,
    // The phone's inbox is named by it (lib/live/topics.ts).
    clientId: liveClientId(),
    ...(key
      ? { username: PRESENTER_USER, password: key }
      : {}),
    // Called before every attempt: the next address after one that failed.
    transformWsUrl: () => talk.servers[at % talk.servers.length],
  })
  client.on('connect', () => {
    connected = true
  })
  client.on('close', () => {
    if (!connected)
      at++
    connected = false
  })
  client.on('error', (e) => {
    if ((e as { code?: number }).code === REFUSED && key) {
      // Once: the page starts again without it, as the audience.
      client.end(true)
      sessionStorage.removeItem(KEY_STORE)
      location.reload()
    }
  })
  return client
}
