import { defineAppSetup } from '@slidev/types'
import { followLive } from '../lib/live/app'
import { openOnPhone } from '../reading/app-hooks'
import { takeOverSnapshot } from '../reading/takeover'

export default defineAppSetup(async ({ router }) => {
  openOnPhone(router)
  followLive(router)
  await takeOverSnapshot(router)
  // Slidev mounts the app once its setups are done: let that be a task of its own,
  // not the tail of the one that ran its modules, so a tap can get in between.
  await new Promise(resolve => setTimeout(resolve, 0))
})
