import { defineRoutesSetup } from '@slidev/types'

// The reading view: every slide in one page that scrolls, with its notes. Its code
// is a separate chunk, fetched only when the view is shown (the cover's budget).
export default defineRoutesSetup(routes => [
  {
    name: 'read',
    path: '/read',
    component: () => import('../components/ReadingView.vue'),
  },
  ...routes,
])
