import { defineAppSetup } from '@slidev/types'
import { READING_END, READING_SLIDE_FOOT } from 'slidev-addon-audience/reading/contract'
import { defineAsyncComponent } from 'vue'

// What the talk adds to the addon's reading view and handout: under each slide, where
// its content comes from; after the last, the glossary. Loaded with the reading view,
// not with the slides.
export default defineAppSetup(({ app }) => {
  app.component(READING_SLIDE_FOOT, defineAsyncComponent(() => import('../components/Provenance.vue')))
  app.component(READING_END, defineAsyncComponent(() => import('../components/ReadingGlossary.vue')))
})
