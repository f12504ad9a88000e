import type { Browser, BrowserContext, Page } from '@playwright/test'
import { readFileSync } from 'node:fs'
import { expect, test } from '@playwright/test'
import mqtt from 'mqtt'
import { markdownText } from 'slidev-addon-audience/lib/live/report'
import { inboxTopic } from 'slidev-addon-audience/lib/live/topics'
import { axeFindings } from './support/accessibility'
import { pageErrors } from './support/page-errors'
import { heldUpright } from './support/reading'
import { presentAt, ROOM_KEY, ROOMS } from './support/room'

// The room talking back in a talk given with `npm run present`, on each broker: the
// presenter's laptop (the presenter view, with the key), two phones held upright on the
// reading page (one light, one dark) and a laptop of the audience on the slides. The
// tests of a room run in order, as the talk does.

const PROMPTS = [
  'An AI layer that moved a problem instead of solving it?',
  'A crypto layer that was a real capability leap?',
]
const DISCUSSION = 18
const QUESTIONS_SLIDE = 21

interface Device { context: BrowserContext, page: Page, errors: string[] }

async function device(browser: Browser, options: Parameters<Browser['newContext']>[0]): Promise<Device> {
  const context = await browser.newContext(options)
  const page = await context.newPage()
  return {
    context,
    page,
    errors: pageErrors(page),
  }
}

function votes(n: number, share: number) {
  return `${n} ${n === 1
    ? 'vote'
    : 'votes'} · ${share}%`
}

for (const room of ROOMS) {
  test.describe(`the room talks back on the ${room.broker} broker`, () => {
    test.describe.configure({ mode: 'serial' })
    let presenter: Device
    let light: Device
    let dark: Device
    let laptop: Device

    test.beforeAll(async ({ browser }) => {
      presenter = await device(browser, {
        baseURL: room.url,
        viewport: { width: 1280, height: 720 },
      })
      light = await device(browser, {
        baseURL: room.url,
        ...heldUpright(),
        colorScheme: 'light',
      })
      dark = await device(browser, {
        baseURL: room.url,
        ...heldUpright(),
        colorScheme: 'dark',
      })
      laptop = await device(browser, {
        baseURL: room.url,
        viewport: { width: 1280, height: 720 },
      })
    })
    test.afterAll(async () => {
      for (const d of [presenter, light, dark, laptop])
        await d?.context.close()
    })

    async function jumpTo(no: number): Promise<void> {
      await presentAt(presenter.page, no)
      await expect(laptop.page).toHaveURL(new RegExp(`/${no}(\\?|$)`))
    }
    const phoneVote = (d: Device) => d.page.getByRole('radiogroup', { name: 'Vote' })
    const slideVote = () => laptop.page.locator(`.slidev-page-${DISCUSSION}`).getByRole('radiogroup', { name: 'Vote' })
    const presenterTally = () => presenter.page.locator('.slidev-page-18 .room-vote').first()
    async function questionsDialog(d: Device) {
      await d.page.getByRole('button', { name: /^Questions/ }).click()
      return d.page.getByRole('dialog', { name: 'Questions' })
    }

    test('three phones vote, change their votes; every screen shows the tally live, one vote a phone', async () => {
      await presenter.page.goto(`/presenter?key=${ROOM_KEY}`)
      await laptop.page.goto('/')
      await light.page.goto('/')
      await dark.page.goto('/')
      await jumpTo(DISCUSSION)
      for (const phone of [light, dark]) {
        await expect(phoneVote(phone)).toBeVisible()
        await expect(phoneVote(phone).getByRole('radio')).toHaveCount(2)
      }
      await expect(slideVote().getByRole('radio')).toHaveCount(2)
      // The presenter's views show the tally, with nothing to vote with.
      await expect(presenterTally()).toBeVisible()
      await expect(presenter.page.getByRole('radio')).toHaveCount(0)

      await phoneVote(light).getByRole('radio', { name: PROMPTS[0] }).check()
      await phoneVote(dark).getByRole('radio', { name: PROMPTS[1] }).check()
      await slideVote().getByRole('radio', { name: PROMPTS[1] }).check()
      await expect(presenterTally()).toContainText(`${votes(1, 33)}`)
      await expect(presenterTally()).toContainText(`${votes(2, 67)}`)
      await expect(light.page.getByText('3 votes so far')).toBeVisible()
      await expect(laptop.page.locator(`.slidev-page-${DISCUSSION}`).getByText('3 votes so far')).toBeVisible()

      // The light phone changes its mind, then clicks both ways again and again: still one vote.
      for (let i = 0; i < 5; i++) {
        await phoneVote(light).getByRole('radio', { name: PROMPTS[1] }).check()
        await phoneVote(light).getByRole('radio', { name: PROMPTS[0] }).check()
      }
      await phoneVote(light).getByRole('radio', { name: PROMPTS[1] }).check()
      await expect(presenterTally()).toContainText(votes(3, 100))
      await expect(presenterTally()).toContainText('3 votes so far')
      await expect(dark.page.getByText('3 votes so far')).toBeVisible()
      // A phone whose page reloads keeps its vote, and still has one.
      await dark.page.reload()
      await expect(phoneVote(dark).getByRole('radio', { name: PROMPTS[1] })).toBeChecked()
      await expect(dark.page.getByText('3 votes so far')).toBeVisible()
    })

    test('a question is sent, reaches the presenter only, is shown, upvoted once a phone and answered; as text, whatever it holds', async () => {
      const ask = await questionsDialog(light)
      const box = ask.getByRole('textbox', { name: 'Your question' })
      const send = ask.getByRole('button', { name: 'Send question' })
      const said = ask.getByRole('status')
      await send.click()
      await expect(said).toHaveText('Write a question first.')
      await box.fill('y'.repeat(281))
      await send.click()
      await expect(said).toHaveText('A question is at most 280 characters; this one has 281.')
      const markup = '<img src=x onerror="document.title=\'owned\'"><b>Is</b> a rollup a layer? مرحبا 🚀'
      await box.fill(markup)
      await send.click()
      await expect(said).toHaveText('Question sent')
      await expect(box).toHaveValue('')
      await ask.getByRole('button', { name: 'Close' }).click()

      // From the slides, through the nav bar.
      await laptop.page.mouse.move(40, 700)
      await laptop.page.getByRole('button', { name: 'Ask a question' }).click()
      const fromSlides = laptop.page.getByRole('dialog', { name: 'Ask a question' })
      await fromSlides.getByRole('textbox', { name: 'Your question' }).fill('Where do agents get their tokens?')
      await fromSlides.getByRole('button', { name: 'Send question' }).click()
      await expect(fromSlides.getByRole('status')).toHaveText('Question sent')
      await fromSlides.getByRole('button', { name: 'Close' }).click()

      // The presenter has both, new; no phone sees either yet.
      await presenter.page.getByRole('button', { name: 'Questions (2 new)' }).click()
      const moderation = presenter.page.getByRole('dialog', { name: 'Questions' })
      await expect(moderation.getByRole('listitem')).toHaveCount(2)
      const other = await questionsDialog(dark)
      await expect(other.getByText('None shown yet.')).toBeVisible()
      await expect(other.getByRole('listitem')).toHaveCount(0)

      await moderation.getByRole('button', { name: `Show: ${markup}` }).click()
      await moderation.getByRole('button', { name: 'Show: Where do agents get their tokens?' }).click()
      await expect(other.getByRole('listitem')).toHaveCount(2)
      // Shown as it was written: the markup is text, and ran nothing.
      const shown = other.getByRole('listitem').filter({ hasText: 'a rollup' })
      await expect(shown.locator('p').first()).toHaveText(markup)
      await expect(shown.locator('b, img')).toHaveCount(0)
      expect(await dark.page.title()).not.toBe('owned')

      // Upvoted by both phones, once each, however often.
      const upvote = (d: Device) => d.page.getByRole('dialog', { name: 'Questions' }).getByRole('button', { name: 'Upvote: Where do agents get their tokens?' })
      await upvote(dark).click()
      await expect(upvote(dark)).toBeDisabled()
      const mine = await questionsDialog(light)
      await upvote(light).click()
      await expect(moderation.getByRole('listitem').filter({ hasText: 'agents' })).toContainText('2 votes')
      // Sorted by votes on every phone.
      await expect(mine.getByRole('listitem').first()).toContainText('Where do agents get their tokens?')
      await expect(mine.getByRole('listitem').first()).toContainText('2 votes')

      await moderation.getByRole('button', { name: 'Answered: Where do agents get their tokens?' }).click()
      await expect(mine.getByRole('listitem').filter({ hasText: 'agents' })).toContainText('Answered')
      await expect(mine.getByRole('listitem').last()).toContainText('agents')
      await moderation.getByRole('button', { name: 'Close' }).click()
      await mine.getByRole('button', { name: 'Close' }).click()
      await other.getByRole('button', { name: 'Close' }).click()

      // The questions slide shows them to the room.
      await jumpTo(QUESTIONS_SLIDE)
      const onSlide = laptop.page.locator(`.slidev-page-${QUESTIONS_SLIDE}`).getByRole('region', { name: 'Your questions' })
      await expect(onSlide.getByRole('listitem')).toHaveCount(2)
      await expect(onSlide.getByRole('listitem').first()).toContainText('a rollup')
      await expect(onSlide.getByRole('listitem').last()).toContainText('Answered')
      for (const d of [presenter, light, dark, laptop])
        expect(d.errors).toEqual([])
    })

    test('accessible in both schemes: axe finds nothing on the phone\'s vote and questions, or on the slides\', by keyboard too', async () => {
      await jumpTo(DISCUSSION)
      for (const phone of [light, dark]) {
        await expect(phoneVote(phone)).toBeVisible()
        expect((await axeFindings(phone.page)).filter(f => !f.exempt)).toEqual([])
        await questionsDialog(phone)
        expect((await axeFindings(phone.page)).filter(f => !f.exempt)).toEqual([])
        // Nothing of it is covered on the 390×844 phone: every control in the dialog is the top element where it is.
        const covered = await phone.page.getByRole('dialog', { name: 'Questions' }).evaluate(d => [
          ...d.querySelectorAll('button, textarea'),
        ].filter((c) => {
          const r = c.getBoundingClientRect()
          const top = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2)
          return r.height > 0 && r.bottom <= innerHeight && !(top === c || c.contains(top))
        }).map(c => c.textContent))
        expect(covered).toEqual([])
        await phone.page.keyboard.press('Escape')
      }
      expect((await axeFindings(laptop.page)).filter(f => !f.exempt)).toEqual([])
      // The vote by keyboard: Tab reaches the group, an arrow changes the vote.
      await slideVote().getByRole('radio', { name: PROMPTS[1] }).focus()
      await laptop.page.keyboard.press('ArrowUp')
      await expect(slideVote().getByRole('radio', { name: PROMPTS[0] })).toBeChecked()
      await expect(presenterTally()).toContainText(votes(1, 33))
    })

    test('the presenter view stays usable with 500 questions; the report saves', async () => {
      const clients = await Promise.all(Array.from({ length: 500 }, (_, i) => new Promise<mqtt.MqttClient>((resolve, reject) => {
        const c = mqtt.connect(room.brokerUrl, { clientId: `${(0xA00000000000 + i).toString(16)}.000000`, reconnectPeriod: 0 })
        c.once('connect', () => resolve(c))
        c.once('error', reject)
      })))
      try {
        await Promise.all(clients.map((c, i) => c.publishAsync(inboxTopic(c.options.clientId!, 'question'), JSON.stringify({ id: 'many', text: `Question number ${i + 1}` }), { qos: 1, retain: true })))
        const open = presenter.page.getByRole('button', { name: /^Questions \(\d+ new\)$/ })
        await expect(open).toHaveAccessibleName('Questions (500 new)', { timeout: 30_000 })
        await open.click()
        const moderation = presenter.page.getByRole('dialog', { name: 'Questions' })
        await expect(moderation.getByRole('listitem')).toHaveCount(502)
        const started = Date.now()
        await moderation.getByRole('button', { name: 'Show: Question number 500', exact: true }).click()
        await expect(moderation.getByRole('listitem').filter({ hasText: 'Question number 500' })).toContainText('shown')
        const ms = Date.now() - started
        test.info().annotations.push({ type: 'show one of 502 questions', description: `${ms} ms` })
        expect(ms).toBeLessThan(3000)

        const download = presenter.page.waitForEvent('download')
        await moderation.getByRole('button', { name: 'Save report (Markdown)' }).click()
        const file = await (await download).path()
        const report = readFileSync(file, 'utf8')
        expect(report).toContain('## The vote')
        expect(report).toContain(`- ${markdownText(PROMPTS[0])}: 1 of 3 (33%)`)
        expect(report).toContain('| answered | 2 | Where do agents get their tokens? |')
        expect(report).toMatch(/\| 18 \| Your turn: where does the analogy break\? \| \d+:\d\d \|/)
        await moderation.getByRole('button', { name: 'Close' }).click()
      }
      finally {
        clients.forEach(c => c.end(true))
      }
    })
  })
}
