import type { Router } from 'vue-router'
import { PRESENTER_PAGES, WHOAMI } from './room-contract'

// A page loaded from the room server was already checked there; a move inside the app
// to a presenter's page (the nav bar's button) is not. An audience device goes to the
// server for it instead, which shows the one page saying it needs the key.
export function presenterPagesFromTheServer(router: Router): void {
  if (!import.meta.hot)
    return
  let presenter: Promise<boolean> | undefined
  router.beforeEach(async (to, from) => {
    if (!from.matched.length || !PRESENTER_PAGES.test(to.path))
      return
    // Without the room's guard (`npm run dev`) there is no answer: nothing to keep.
    presenter ??= fetch(WHOAMI).then(r => r.json()).then(a => a.presenter !== false, () => true)
    if (!await presenter) {
      location.assign(router.resolve(to).href)
      return false
    }
  })
}
