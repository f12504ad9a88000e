// The argument of Haotian's "Layered Paradox" (2025-06-17) as data.
// Components read it, and one slide shows the `model` region as code,
// so the words on the slides and the types cannot drift apart.

/** Which field a stack belongs to; shown with its own hue and icon on every slide. */
export interface Named {
  id: 'ai' | 'crypto'
  label: string
}

// In the model: `gives` is what a layer brings; `leaves` is the gap it leaves for the
// next layer, or what users are left with; `carries` is what it hands up, in a word or
// two: the capability an AI layer adds, the problem a crypto layer moves; `arc` says
// what L1, L2 and L3 amount to; `driver` is what pushes the field up a layer and `kpi`
// what counts as winning.
export interface Layer {
  level: 'L1' | 'L2' | 'L3'
  name: string
  gives: string
  leaves: string
  carries: string
}
// #region model
export interface Field extends Named {
  pattern: 'capability progression' | 'problem transfer'
  arc: [string, string, string]
  driver: string
  kpi: string
  layers: [Layer, Layer, Layer]
}
// #endregion model

export const ai: Field = {
  id: 'ai',
  label: 'AI',
  pattern: 'capability progression',
  arc: ['lays the foundation', 'makes up for shortcomings', 'integrates'],
  driver: 'Technical competition',
  kpi: 'Model capability',
  layers: [
    {
      level: 'L1',
      name: 'LLMs',
      gives: 'Language understanding and generation',
      leaves: 'Weak at logic and maths',
      carries: 'language',
    },
    {
      level: 'L2',
      name: 'Reasoning models',
      gives: 'Complex maths and code debugging (DeepSeek R1)',
      leaves: 'Responses stay passive',
      carries: 'logic, maths',
    },
    {
      level: 'L3',
      name: 'Agents',
      gives: 'Plan tasks, call tools, run workflows',
      leaves: 'Users: smarter, more useful',
      carries: 'active execution',
    },
  ],
}

export const crypto: Field = {
  id: 'crypto',
  label: 'Crypto',
  pattern: 'problem transfer',
  arc: ['has a bottleneck', 'patches it', 'scatters'],
  driver: 'Tokenomics',
  kpi: 'TVL and token price',
  layers: [
    {
      level: 'L1',
      name: 'Public chains',
      gives: 'The base chain',
      leaves: 'Not enough performance',
      carries: 'bottleneck',
    },
    {
      level: 'L2',
      name: 'Rollups',
      gives: 'Lower gas, more TPS',
      leaves: 'Scattered liquidity, scarce apps',
      carries: 'scattered liquidity',
    },
    {
      level: 'L3',
      name: 'App chains',
      gives: 'Vertical application chains',
      leaves: 'No synergy, more fragmented UX',
      carries: 'fragmentation',
    },
  ],
}

export const fields = [ai, crypto] as const

export const source = {
  title: 'Capability Leap vs. Problem Shifting: the "Layered Paradox" of AI and Crypto',
  author: 'Haotian',
  published: '2025-06-17',
  length: '3-minute read',
} as const

export type FieldId = Field['id']

/** Look a field up by id, as slides name it: `<LayerStack field="ai" />`. */
export function fieldById(id: FieldId): Field {
  return id === 'ai' ? ai : crypto
}
