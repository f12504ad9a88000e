import type { Page } from '@playwright/test'

// What went wrong on a page, as the room's and the hosted site's specs check it: uncaught
// errors, console errors and any JavaScript dialog (alert, confirm) the page opened.

/** Starts recording `page`'s errors; the list fills as they happen. */
export function pageErrors(page: Page): string[] {
  const errors: string[] = []
  page.on('pageerror', e => errors.push(`page error: ${e.message}`))
  page.on('console', (m) => {
    if (m.type() === 'error')
      errors.push(`console error: ${m.text()}`)
  })
  page.on('dialog', d => errors.push(`dialog: ${d.type()} ${d.message()}`))
  return errors
}
