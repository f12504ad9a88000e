// The argument of Haotian's "Layered Paradox" (2025-06-17) as data.
// Components read it, and one slide shows the `model` region as code,
// so the words on the slides and the types cannot drift apart.

/** Which field a stack belongs to; shown with its own hue and icon on every slide. */
export interface Named {
  id: 'ai' | 'crypto'
  label: string
}

// In the model: a layer's `arc` is what it amounts to in its field's story; `leaves` is
// the gap it leaves for the next layer, or what users are left with; `carries` is what it
// hands up, in a word or two: the capability an AI layer adds, the problem a crypto layer
// moves. `driver` is what pushes a field up a layer, `kpi` what counts as winning, and
// `verdict` the article's one-line summary of what the field's layering is doing.
export interface Layer {
  level: 'L1' | 'L2' | 'L3'
  name: string
  arc: string
  leaves: string
  carries: string
}
// #region model
export interface Field extends Named {
  pattern: 'capability progression' | 'problem transfer'
  driver: string
  kpi: string
  verdict: string
  layers: [Layer, Layer, Layer]
}
// #endregion model

export const ai: Field = {
  id: 'ai',
  label: 'AI',
  pattern: 'capability progression',
  driver: 'Technical competition',
  kpi: 'Model capability',
  verdict: 'Solving technical problems',
  layers: [
    {
      level: 'L1',
      name: 'LLMs',
      arc: 'lays the foundation',
      leaves: 'Weak at logic and maths',
      carries: 'language',
    },
    {
      level: 'L2',
      name: 'Reasoning models',
      arc: 'makes up for shortcomings',
      leaves: 'Responses stay passive',
      carries: 'logic, maths',
    },
    {
      level: 'L3',
      name: 'Agents',
      arc: 'integrates',
      leaves: 'Users: smarter, more useful',
      carries: 'active execution',
    },
  ],
}

export const crypto: Field = {
  id: 'crypto',
  label: 'Crypto',
  pattern: 'problem transfer',
  driver: 'Tokenomics',
  kpi: 'TVL and token price',
  verdict: 'Packaging financial products?',
  layers: [
    {
      level: 'L1',
      name: 'Public chains',
      arc: 'has a bottleneck',
      leaves: 'Not enough performance',
      carries: 'bottleneck',
    },
    {
      level: 'L2',
      name: 'Rollups',
      arc: 'patches it',
      leaves: 'Scattered liquidity, scarce apps',
      carries: 'scattered liquidity',
    },
    {
      level: 'L3',
      name: 'App chains',
      arc: 'scatters',
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
  return id === 'ai'
    ? ai
    : crypto
}
