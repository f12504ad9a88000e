import type { ShownQuestion, Tally } from '../lib/live/audience'
import type { RoomPhone } from '../lib/live/room-voice'
// The room talking back on the static reading page of a live talk (./live-page.ts), in
// plain DOM as the rest of the page: the discussion's prompts (the list the build wrote,
// `data-room-vote`) become the radio group "Vote" with the tally as bars; the bar gets
// "Questions", a dialog with the shown questions (an upvote each, once) and the form to
// ask one (the textbox "Your question", "Send question", the answer announced). The same
// rules as the slides' components (lib/live/audience.ts), the same stores, so the slides
// and the reading page of one phone are one voter.
import { ASK_ANSWER, askProblem, noteAsked, noteUpvoted, noteVote, percent, QUESTION_MAX, questionId, questionLength, storedVote, upvotedIds, votesText as votes } from '../lib/live/audience'

export const VOICE_CSS = `
.voice-vote { display: grid; gap: 0.6rem; margin: 0.5rem 0; font-size: 1.1rem; line-height: 1.3; }
.voice-row { display: grid; gap: 0.3rem; padding: 0.5rem 0.8rem;
  border-left: 6px solid var(--lp-line); border-radius: 6px; background: var(--lp-surface); }
.voice-row label { display: flex; align-items: center; gap: 0.6rem; min-height: 44px; cursor: pointer; }
.voice-row input { width: 1.4rem; height: 1.4rem; flex: none; accent-color: var(--lp-ink); }
.voice-count { font-weight: 700; font-variant-numeric: tabular-nums; }
.voice-bar { height: 0.5rem; border-radius: 4px; background: var(--lp-bg); overflow: hidden; }
.voice-bar > span { display: block; height: 100%; background: var(--lp-ink); }
.voice-total { margin: 0; color: var(--lp-muted); }
.voice-dialog { width: min(36rem, calc(100vw - 1rem)); max-height: calc(100dvh - 1rem); padding: 1rem;
  border: 2px solid var(--lp-ink); border-radius: 8px; background: var(--lp-bg); color: var(--lp-ink); }
.voice-dialog::backdrop { background: rgb(0 0 0 / 0.5); }
.voice-head { display: flex; justify-content: space-between; align-items: center; gap: 1rem; }
.voice-head h2 { margin: 0; font-size: 1.3rem; }
.voice-dialog form { display: flex; flex-direction: column; gap: 0.4rem; margin: 0.8rem 0; }
.voice-dialog label { font-weight: 700; }
.voice-dialog textarea { width: 100%; padding: 0.4rem; border: 2px solid var(--lp-ink); border-radius: 6px;
  background: var(--lp-bg); color: var(--lp-ink); font: inherit; }
.voice-form-row { display: flex; flex-wrap: wrap; align-items: center; justify-content: space-between; gap: 0.5rem; }
.voice-chars { color: var(--lp-muted); font-size: 0.9rem; }
.voice-answer { margin: 0; min-height: 1.4em; }
.voice-list { margin: 0; padding: 0; list-style: none; display: grid; gap: 0.5rem; }
.voice-list li { padding: 0.4rem 0.6rem; border-left: 6px solid var(--lp-ink); border-radius: 6px; background: var(--lp-surface); }
.voice-list li.answered { border-left-color: var(--lp-line); }
.voice-list p { margin: 0; overflow-wrap: anywhere; }
.voice-meta { display: flex; flex-wrap: wrap; align-items: center; gap: 0.5rem; color: var(--lp-muted); }
.voice-meta strong { color: var(--lp-ink); }
`

function el<K extends keyof HTMLElementTagNameMap>(tag: K, props: Partial<HTMLElementTagNameMap[K]> = {}, ...children: (Node | string)[]): HTMLElementTagNameMap[K] {
  const e = Object.assign(document.createElement(tag), props)
  e.append(...children)
  return e
}

/** The prompts the build wrote as a list become the vote. */
function voteOn(list: HTMLElement, phone: RoomPhone, connected: () => boolean): void {
  const prompts = [
    ...list.querySelectorAll('li'),
  ].map(li => (li.textContent ?? '').trim())
  const group = el('div', { className: 'voice-vote' })
  group.setAttribute('role', 'radiogroup')
  group.setAttribute('aria-label', 'Vote')
  const mine = storedVote(localStorage)
  const rows = prompts.map((prompt, i) => {
    const input = el('input', {
      type: 'radio',
      name: 'voice-vote',
      value: String(i),
      checked: mine === i,
    })
    input.addEventListener('change', () => {
      if (!connected())
        return
      noteVote(localStorage, i)
      void phone.vote(i)
    })
    const count = el('span', { className: 'voice-count' }, `${votes(0)} · 0%`)
    const fill = el('span')
    const bar = el('span', { className: 'voice-bar' }, fill)
    bar.setAttribute('aria-hidden', 'true')
    group.append(el('div', { className: 'voice-row' }, el('label', {}, input, el('span', {}, prompt)), count, bar))
    return { count, fill }
  })
  const total = el('p', { className: 'voice-total' }, `${votes(0)} so far`)
  total.setAttribute('aria-live', 'polite')
  list.replaceWith(group, total)
  phone.onTally((tally: Tally) => {
    rows.forEach(({ count, fill }, i) => {
      const n = tally.counts[i] ?? 0
      const share = percent(n, tally.total)
      count.textContent = `${votes(n)} · ${share}%`
      fill.style.width = `${share}%`
    })
    total.textContent = `${votes(tally.total)} so far`
  })
}

/** "Questions" in the bar: the shown questions, and a question to ask. */
function questionsIn(bar: HTMLElement, phone: RoomPhone, connected: () => boolean): void {
  const open = el('button', { type: 'button', className: 'reading-btn voice-open' }, 'Questions')
  const close = el('button', { type: 'button', className: 'reading-btn' }, 'Close')
  const text = el('textarea', { id: 'voice-question', rows: 3, dir: 'auto' })
  const chars = el('span', { id: 'voice-chars', className: 'voice-chars' }, `0 of ${QUESTION_MAX} characters`)
  text.setAttribute('aria-describedby', 'voice-chars')
  const answer = el('p', { className: 'voice-answer' })
  answer.setAttribute('role', 'status')
  const form = el('form', {}, el('label', { htmlFor: 'voice-question' }, 'Your question'), text, el('div', { className: 'voice-form-row' }, chars, el('button', { type: 'submit', className: 'reading-btn' }, 'Send question')), answer)
  const list = el('ol', { className: 'voice-list' })
  const none = el('p', {}, 'None shown yet.')
  const dialog = el('dialog', { className: 'voice-dialog' }, el('div', { className: 'voice-head' }, el('h2', {}, 'Questions'), close), form, el('h2', {}, 'Shown'), none, list)
  dialog.setAttribute('aria-label', 'Questions')
  document.body.append(dialog)
  open.addEventListener('click', () => dialog.showModal())
  close.addEventListener('click', () => dialog.close())
  bar.querySelector('nav')?.append(open) ?? bar.append(open)

  text.addEventListener('input', () => {
    chars.textContent = `${questionLength(text.value)} of ${QUESTION_MAX} characters`
  })
  form.addEventListener('submit', (e) => {
    e.preventDefault()
    const problem = askProblem(text.value, localStorage)
    if (problem || !connected()) {
      answer.textContent = problem || ASK_ANSWER.offline
      return
    }
    answer.textContent = ASK_ANSWER.sending
    phone.ask(questionId(), text.value).then(() => {
      noteAsked(localStorage)
      text.value = ''
      chars.textContent = `0 of ${QUESTION_MAX} characters`
      answer.textContent = ASK_ANSWER.sent
    }, () => {
      answer.textContent = ASK_ANSWER.failed
    })
  })

  phone.onQuestions((questions: ShownQuestion[]) => {
    const given = upvotedIds(localStorage)
    none.hidden = questions.length > 0
    open.textContent = questions.length
      ? `Questions (${questions.length})`
      : 'Questions'
    list.replaceChildren(...questions.map((q) => {
      const meta = el('p', { className: 'voice-meta' })
      if (q.answered)
        meta.append(el('strong', {}, 'Answered'))
      meta.append(el('span', {}, votes(q.up)))
      if (!q.answered) {
        const up = el('button', {
          type: 'button',
          className: 'reading-btn',
          disabled: given.has(q.id),
        }, given.has(q.id)
          ? 'Upvoted'
          : 'Upvote')
        up.setAttribute('aria-pressed', String(given.has(q.id)))
        up.setAttribute('aria-label', `Upvote: ${q.text}`)
        up.addEventListener('click', () => {
          given.add(q.id)
          noteUpvoted(localStorage, q.id)
          up.disabled = true
          up.textContent = 'Upvoted'
          up.setAttribute('aria-pressed', 'true')
          void phone.upvote(q.id)
        })
        meta.append(up)
      }
      // The question as text: whatever it holds, it is never markup.
      return el('li', {
        className: q.answered ? 'answered' : '',
      }, el('p', { dir: 'auto' }, q.text), meta)
    }))
  })
}

/** Once the page is connected to the talk: the vote, and the questions. */
export function roomVoice(view: HTMLElement, bar: HTMLElement, phone: RoomPhone, connected: () => boolean): void {
  document.head.append(el('style', { textContent: VOICE_CSS }))
  // The page draws the whole talk a slide at a time: the vote's slide may come later.
  const lists = () => {
    for (const list of view.querySelectorAll<HTMLElement>('[data-room-vote]'))
      voteOn(list, phone, connected)
  }
  lists()
  new MutationObserver(lists).observe(view, { childList: true, subtree: true })
  questionsIn(bar, phone, connected)
}
