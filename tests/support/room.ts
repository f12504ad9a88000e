import type { Page } from '@playwright/test'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { expect } from '@playwright/test'
import { MOSQUITTO_ROOM_PORT, MOSQUITTO_WS_PORT, ROOM_NETWORK_PORT, ROOM_PORT } from './servers'

// What the room specs, tests/support/rooms.ts and playwright.room.config.ts agree on.
export const ROOM_KEY = 'test-presenter-key-7f3a9c2e'
/** Every connection the rooms' processes tried (tests/support/no-way-out.ts). */
export const CONNECTIONS_LOG = join(tmpdir(), `lp-room-connections-${ROOM_PORT}.log`)

export interface RoomUnderTest {
  /** Which broker its pages follow. */
  broker: 'embedded' | 'mosquitto'
  /** The presenter's laptop and the audience's, on the room's address. */
  url: string
  /** The phone's way in: through a network the spec can cut, where there is one. */
  phoneUrl: string
  /** Where the broker is, as an MQTT.js client connects to it. */
  brokerUrl: string
}

export const ROOMS: RoomUnderTest[] = [
  {
    broker: 'embedded',
    url: `http://127.0.0.1:${ROOM_PORT}`,
    phoneUrl: `http://127.0.0.1:${ROOM_NETWORK_PORT}`,
    brokerUrl: `ws://127.0.0.1:${ROOM_PORT}/live`,
  },
  {
    broker: 'mosquitto',
    url: `http://127.0.0.1:${MOSQUITTO_ROOM_PORT}`,
    phoneUrl: `http://127.0.0.1:${MOSQUITTO_ROOM_PORT}`,
    brokerUrl: `ws://127.0.0.1:${MOSQUITTO_WS_PORT}`,
  },
]

/** The room specs (playwright.room.config.ts; the main config leaves them out). */
export const ROOM_SPECS = [
  'the-room-follows-the-talk.spec.ts',
  'the-room-survives-a-restart.spec.ts',
  'the-room-votes-and-asks.spec.ts',
  'the-room-writes-its-report.spec.ts',
]

/**
 * The presenter view on `page` jumps to slide `no` as a presenter does it from the
 * keyboard: Slidev's "Goto" box (g, the number, Enter). One move for the room, where
 * `presentUpTo` makes one a slide.
 */
export async function presentAt(page: Page, no: number): Promise<void> {
  await page.keyboard.press('g')
  const box = page.locator('#slidev-goto-input')
  await expect(box).toBeFocused()
  await box.fill(String(no))
  await box.press('Enter')
  await expect(page).toHaveURL(new RegExp(`/${no}(\\?|$)`))
}

/** The presenter view on `page` moves on to slide `no` with the keyboard, a slide at a time. */
export async function presentUpTo(page: Page, no: number): Promise<void> {
  const at = () => Number(new URL(page.url()).pathname.split('/').pop())
  while (at() !== no) {
    const from = at()
    await page.keyboard.press(from < no
      ? 'ArrowDown'
      : 'ArrowUp')
    await expect.poll(at).not.toBe(from)
  }
}
