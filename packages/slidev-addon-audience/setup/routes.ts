import { defineRoutesSetup } from '@slidev/types'

// The app's reading view (reading/ReadingView.vue): what the build captures as the
// static reading page, the handout's page (/read?handout), and /read under `slidev`
// dev. A separate chunk, never fetched by the slides (the cover's budget).
export default defineRoutesSetup(routes => [
  {
    name: 'read',
    path: '/read',
    component: () => import('../reading/ReadingView.vue'),
  },
  ...routes,
])
