import { defineAppSetup } from '@slidev/types'
import { openOnPhone } from './reading'
import { takeOverSnapshot } from './snapshot'

export default defineAppSetup(async ({ router }) => {
  openOnPhone(router)
  await takeOverSnapshot(router)
})
