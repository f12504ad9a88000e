// Slidev's client is published as source; some of its templates (PrintSlideClick.vue,
// which the reading view renders) read its compile-time flags, declared in env.d.ts for
// scripts and here for templates.
export {}

declare module 'vue' {
  interface ComponentCustomProperties {
    __SLIDEV_FEATURE_DRAWINGS__: boolean
    __SLIDEV_FEATURE_DRAWINGS_PERSIST__: boolean
  }
}
