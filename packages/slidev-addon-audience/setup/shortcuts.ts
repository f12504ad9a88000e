import type { ShortcutOptions } from '@slidev/types'
import { useTimer } from '@slidev/client/composables/useTimer.ts'
import { defineShortcutsSetup } from '@slidev/types'

// Slidev's presenter view starts its timer only from buttons that appear on mouse
// hover; `t` starts and pauses it, so the talk can be given from the keyboard alone.
export default defineShortcutsSetup((_nav, base: ShortcutOptions[]) => {
  const { toggle } = useTimer()
  return [
    ...base,
    { name: 'timer_toggle', key: 't', fn: toggle },
  ]
})
