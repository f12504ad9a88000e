// Slidev's private modules this deck imports, in one place with why. @slidev/client
// exports `useNav` and a few composables as its API; these paths are its internals and
// may change in any release (checked on Slidev 53). tests/slidev-internals.spec.ts fails
// when a file imports one that is not listed here, or when one listed is no longer used.
export const SLIDEV_INTERNALS: Record<string, string> = {
  '@slidev/client/env.ts':
    'configs: the headmatter at run time (title, exportFilename, download), for the handout link and the reading view\'s title',
  '@slidev/client/setup/pwa.ts':
    'pwaCaching, pwaReady: the offline state the app\'s reading view shows (`slidev` dev; the built site\'s reading page registers the worker itself)',
  '@slidev/client/composables/useClicks.ts':
    'createFixedClicks: a slide at its last click, for the reading view',
  '@slidev/client/composables/useNav.ts':
    'useFixedNav: a navigation fixed on one slide, as Slidev\'s print view renders it',
  '@slidev/client/constants.ts':
    'CLICKS_MAX: "every click revealed"',
  '@slidev/client/internals/PrintSlideClick.vue':
    'Slidev\'s own print renderer of one slide, so the reading view and handout draw slides as the PDF does',
  '@slidev/client/internals/IconButton.vue':
    'the nav bar\'s button, so the reading-view and handout buttons look like Slidev\'s own',
  '@slidev/client/composables/useTimer.ts':
    'the presenter\'s timer, for the pacing badge and the `t` shortcut',
  '@slidev/client/builtin/Mermaid.vue':
    'Slidev\'s Mermaid renderer, loaded lazily by components/Mermaid.vue, which takes its place',
}
