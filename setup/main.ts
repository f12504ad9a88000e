import { defineAppSetup } from '@slidev/types'
import { openOnPhone } from './reading'

export default defineAppSetup(({ router }) => {
  openOnPhone(router)
})
