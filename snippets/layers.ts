// The argument of Haotian's "Layered Paradox" (2025-06-17) as data: the words the
// slides, the diagrams' checks, the reading view and one slide (the `model` region) share.

/** Which field a stack belongs to; shown with its own hue and icon on every slide. */
export interface Named {
  id: 'ai' | 'crypto'
  label: string
}

// `role` is the layer's part in the article's own summary ("L1 lays the foundation");
// `carries` what it brings, in a word or two: the capability an AI layer adds, the
// problem a crypto layer leaves for the next. `named` is who the article names in its
// crux, `chases` what they are after, `users` where the article leaves them.
export interface Layer {
  level: 'L1' | 'L2' | 'L3'
  name: string
  role: string
  carries: string
}
// #region model
export interface Field extends Named {
  pattern: 'capability progression' | 'problem transfer'
  named: string
  chases: string
  users: string
  layers: [Layer, Layer, Layer]
}
// #endregion model

export const ai: Field = {
  id: 'ai',
  label: 'AI',
  pattern: 'capability progression',
  named: 'OpenAI, Anthropic, DeepSeek',
  chases: 'Increasing model capabilities',
  users: 'smarter, more useful AI',
  layers: [
    {
      level: 'L1',
      name: 'LLMs',
      role: 'lays the foundation',
      carries: 'language',
    },
    {
      level: 'L2',
      name: 'Reasoning models',
      role: 'makes up for the shortcomings',
      carries: 'logic, maths',
    },
    {
      level: 'L3',
      name: 'Agents',
      role: 'does integration',
      carries: 'active execution',
    },
  ],
}

export const crypto: Field = {
  id: 'crypto',
  label: 'Crypto',
  pattern: 'problem transfer',
  named: 'Each L2',
  chases: 'Its core KPI: TVL and token price',
  users: 'experience more fragmented',
  layers: [
    {
      level: 'L1',
      name: 'Public chains',
      role: 'has a bottleneck',
      carries: 'not enough performance',
    },
    {
      level: 'L2',
      name: 'Rollups',
      role: 'is patched',
      carries: 'liquidity dispersed, apps scarce',
    },
    {
      level: 'L3',
      name: 'App chains',
      role: 'is chaotic and scattered',
      carries: 'independent, no synergy',
    },
  ],
}

export const fields = [ai, crypto] as const

/** The article's summary, one question over both fields. */
export const verdict = 'One is solving technical problems, and the other is packaging financial products?'

/** The talk's own one-line glosses for a room from both fields, not the article's. */
export interface Gloss { term: string, field: FieldId, line: string }
export const glossary: Gloss[] = [
  { term: 'Reasoning model', field: 'ai', line: 'an LLM that works step by step before answering' },
  { term: 'Agent', field: 'ai', line: 'AI that plans a task and uses tools to do it' },
  { term: 'Rollup', field: 'crypto', line: 'an L2 that batches transactions onto its L1' },
  { term: 'Gas', field: 'crypto', line: 'the fee for a transaction' },
  { term: 'TPS', field: 'crypto', line: 'transactions per second' },
  { term: 'TVL', field: 'crypto', line: 'total value locked in a chain\'s apps' },
]

export const source = {
  title: 'Capability Leap vs. Problem Shifting: the "Layered Paradox" of AI and Crypto',
  author: 'Haotian',
  published: '2025-06-17',
  length: '3-minute read',
  /** What each paragraph is about, by number (0: title and byline), for a slide's provenance. */
  paragraphs: [
    'title and byline',
    'the opening question',
    'AI\'s layering logic',
    'the AI example',
    'capability progression',
    'crypto\'s layering logic',
    'the crypto example',
    'problem transfer',
    'the crux',
    'the verdict',
    'the caveat',
  ],
} as const

export type FieldId = Field['id']

/** Look a field up by id, as slides name it: `<FieldBadge field="ai" />`. */
export function fieldById(id: FieldId): Field {
  return id === 'ai'
    ? ai
    : crypto
}
