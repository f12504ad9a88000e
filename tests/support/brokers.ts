import type { Server } from 'node:http'
import type { EmbeddedBroker } from 'slidev-addon-audience/lib/live/broker'
import type { RunningBroker } from 'slidev-addon-audience/lib/live/mosquitto'
import { createServer } from 'node:http'
import { attachBroker } from 'slidev-addon-audience/lib/live/broker'
import { freePort, mosquitto } from 'slidev-addon-audience/lib/live/mosquitto'
import { loadRules } from 'slidev-addon-audience/lib/live/rules'
import { LIVE_PATH } from 'slidev-addon-audience/lib/live/topics'

export { bridgeConf, mosquitto } from 'slidev-addon-audience/lib/live/mosquitto'
export type { RunningBroker } from 'slidev-addon-audience/lib/live/mosquitto'

// The two brokers the live path runs on, started as their docs say, on loopback and on
// free ports: the embedded one (Aedes, lib/live/broker.ts) and Mosquitto with the shipped
// configuration (docs/mosquitto/), its password file made with mosquitto_passwd.
export const BROKERS = ['embedded', 'mosquitto'] as const
export type BrokerKind = typeof BROKERS[number]

async function embedded(key: string): Promise<RunningBroker> {
  const port = await freePort()
  const rules = loadRules()
  let server: Server | undefined
  let broker: EmbeddedBroker | undefined
  const start = async () => {
    server = createServer((_req, res) => res.writeHead(404).end())
    broker = await attachBroker(server, key, rules)
    await new Promise<void>(resolve => server!.listen(port, '127.0.0.1', () => resolve()))
  }
  const stop = async () => {
    await broker?.close()
    server?.closeAllConnections()
    await new Promise(resolve => server?.close(resolve))
  }
  await start()
  return { url: `ws://127.0.0.1:${port}${LIVE_PATH}`, start, stop }
}

export async function startBroker(kind: BrokerKind, key: string): Promise<RunningBroker> {
  return kind === 'embedded'
    ? embedded(key)
    : mosquitto(key)
}
