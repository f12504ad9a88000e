import type { Page } from '@playwright/test'
import type { SourceSlide } from 'slidev-addon-audience/lib/deck-source'
// The check that a Mermaid diagram really rendered. Slidev draws each diagram
// inside the open shadow root of its `.mermaid` element; when Mermaid fails,
// Slidev shows the error text instead. Used on the deck and on a broken fixture.
import { expect } from '@playwright/test'

/** Labels written in the diagram source: `["…"]`, `(["…"])`, `{{"…"}}`, `-- "…" -->`. */
export function diagramLabels(code: string): string[] {
  const quoted = [
    ...code.matchAll(/"([^"]+)"/g),
  ].map(m => m[1])
  return quoted.map(l => l.replace(/<br\s*\/?>/g, ' ').replace(/\s+/g, ' ').trim())
}

interface Rendered { svg: boolean, title: string, text: string }

/** What is wrong with the diagrams of `slide` right now; empty when all rendered. */
export async function diagramProblems(page: Page, slide: SourceSlide): Promise<string[]> {
  const rendered: Rendered[] = await page.evaluate((n) => {
    const root = document.querySelector(`.slidev-page-${n}`)
    return [
      ...(root?.querySelectorAll('.mermaid') ?? []),
    ].map((host) => {
      const svg = host.shadowRoot?.querySelector('svg')
      // The words a person sees: every text node of the SVG except its <style>.
      const words: string[] = []
      const walker = document.createTreeWalker(host.shadowRoot ?? host, NodeFilter.SHOW_TEXT)
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        if (!node.parentElement?.closest('style'))
          words.push(node.textContent ?? '')
      }
      return {
        svg: !!svg,
        title: svg?.querySelector('title')?.textContent ?? '',
        text: words.join(' ').replace(/\s+/g, ' '),
      }
    })
  }, slide.no)
  const errorText = await page.locator(`.slidev-page-${slide.no} pre.text-wrap`).allTextContents()
  const problems: string[] = []
  if (errorText.length)
    problems.push(`Mermaid error: ${errorText.join(' | ').slice(0, 300)}`)
  if (rendered.length !== slide.diagrams.length)
    problems.push(`${rendered.length} of ${slide.diagrams.length} diagram(s) rendered`)
  slide.diagrams.forEach((d, i) => {
    const r = rendered[i]
    if (!r?.svg)
      return problems.push(`diagram ${i + 1} ("${d.accTitle}") has no SVG`)
    if (/syntax error|parse error/i.test(r.text))
      problems.push(`diagram ${i + 1} shows an error: ${r.text.slice(0, 200)}`)
    if (r.title !== d.accTitle)
      problems.push(`diagram ${i + 1} has title "${r.title}", expected "${d.accTitle}"`)
    const missing = diagramLabels(d.code).filter(l => !r.text.includes(l))
    if (missing.length)
      problems.push(`diagram ${i + 1} ("${d.accTitle}") lacks labels: ${missing.join('; ')}`)
  })
  return problems
}

/**
 * Waits until every diagram of `slide` rendered an SVG with its title and labels
 * and no error text; fails naming the slide and what is wrong otherwise.
 */
export async function expectDiagramsRendered(page: Page, slide: SourceSlide, timeout = 15_000): Promise<void> {
  await expect.poll(() => diagramProblems(page, slide), {
    message: `diagrams of slide ${slide.no} ("${slide.title}")`,
    timeout,
  }).toEqual([])
}
