import { axeFindings } from './support/accessibility'
import { expect, test } from './support/deck'
import { AXE_EXEMPTIONS } from './support/exemptions'

// axe and the diagram contrast check run at every step of the talk in
// tests/walking-the-talk.spec.ts; here, that no exemption outlives its finding.

test('every exemption in tests/support/exemptions.ts still matches a finding', async ({ deck }) => {
  await deck.open(1)
  const findings = await axeFindings(deck.page)
  for (const exemption of AXE_EXEMPTIONS) {
    expect(findings.filter(f => f.exempt && f.rule === exemption.rule), `exemption "${exemption.rule}" on ${exemption.selector} no longer matches a finding: remove it`).not.toEqual([])
  }
})
