// The names gate: what a screen reader announces for pictures. Every Mermaid SVG must
// point at its accTitle with aria-labelledby and at its accDescr with aria-describedby;
// every image needs alt text; any other SVG is either named or hidden from assistive tech.
import type { Page } from '@playwright/test'
import type { SourceSlide } from 'slidev-addon-audience/lib/deck-source'

interface Named { kind: 'diagram' | 'img' | 'svg', label: string, description: string, what: string }

export function accDescr(code: string): string {
  return /accDescr:\s*(.+)/.exec(code)?.[1].trim() ?? ''
}

export async function nameProblems(page: Page, slide: SourceSlide): Promise<string[]> {
  const found: Named[] = await page.evaluate((n) => {
    const root = document.querySelector(`.slidev-page-${n}`)!
    const text = (scope: Document | ShadowRoot, ids: string | null) => (ids ?? '').split(/\s+/).filter(Boolean).map(id => scope.getElementById(id)?.textContent?.trim() ?? '').join(' ').trim()
    const out: Named[] = []
    for (const host of root.querySelectorAll('.mermaid')) {
      const shadow = host.shadowRoot
      const svg = shadow?.querySelector('svg')
      if (!shadow || !svg)
        continue
      out.push({
        kind: 'diagram',
        label: text(shadow, svg.getAttribute('aria-labelledby')),
        description: text(shadow, svg.getAttribute('aria-describedby')),
        what: 'diagram',
      })
    }
    for (const img of root.querySelectorAll('img')) {
      out.push({
        kind: 'img',
        label: img.getAttribute('alt')?.trim() ?? '',
        description: '',
        what: `image ${img.getAttribute('src')}`,
      })
    }
    for (const svg of root.querySelectorAll('svg')) {
      // Icons inside a button or link are named by it (axe checks those names).
      if (svg.closest('[aria-hidden="true"], button, a'))
        continue
      const label = svg.getAttribute('aria-label') ?? text(document, svg.getAttribute('aria-labelledby')) ?? ''
      out.push({
        kind: 'svg',
        label: label || (svg.querySelector(':scope > title')?.textContent?.trim() ?? ''),
        description: '',
        what: `svg ${svg.getAttribute('class') ?? ''}`.trim(),
      })
    }
    return out
  }, slide.no)

  const problems: string[] = []
  const diagrams = found.filter(f => f.kind === 'diagram')
  diagrams.forEach((d, i) => {
    const source = slide.diagrams[i]
    const title = source?.accTitle ?? ''
    const descr = source
      ? accDescr(source.code)
      : ''
    if (!d.label)
      problems.push(`diagram ${i + 1} has no name: add accTitle to its Mermaid source (aria-labelledby is empty)`)
    else if (title && d.label !== title)
      problems.push(`diagram ${i + 1} is named "${d.label}", not its accTitle "${title}"`)
    if (!d.description)
      problems.push(`diagram ${i + 1} has no description: add accDescr to its Mermaid source (aria-describedby is empty)`)
    else if (descr && d.description !== descr)
      problems.push(`diagram ${i + 1} is described as "${d.description.slice(0, 60)}…", not by its accDescr`)
  })
  for (const f of found.filter(f => f.kind !== 'diagram' && !f.label)) {
    problems.push(f.kind === 'img'
      ? `${f.what} has no alt text`
      : `${f.what} has no name and is not aria-hidden`)
  }
  return problems
}
