// What the static reading page does, one function each. Add a feature here.
import type { Feature } from './reading-page'
import { anchor } from './anchor'
import { controls } from './controls'
import { live } from './live'
import { offline } from './offline'
import { wholeTalk } from './whole-talk'

export const FEATURES: Feature[] = [
  controls,
  anchor,
  offline,
  wholeTalk,
  live,
]
