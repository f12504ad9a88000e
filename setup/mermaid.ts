import { defineMermaidSetup } from '@slidev/types'

// One Mermaid theme for light and dark. Mermaid computes colours once, so the
// diagrams draw with the deck's CSS variables instead: they inherit into the
// diagram's shadow root and switch with the colour scheme, on screen and in the PDF.
// Nodes get their field with `class X ai` / `class X crypto` in the diagram source.
const themeCSS = `
  svg { color: var(--lp-ink); }
  .node rect, .node polygon, .node circle, .node path {
    fill: var(--lp-surface) !important; stroke: var(--lp-line) !important; stroke-width: 2px !important;
  }
  .node .nodeLabel, .node .nodeLabel p, .node text { color: var(--lp-ink) !important; fill: var(--lp-ink) !important; }
  .node.ai rect, .node.ai polygon { fill: var(--lp-ai-soft) !important; stroke: var(--lp-ai) !important; }
  .node.crypto rect, .node.crypto polygon { fill: var(--lp-crypto-soft) !important; stroke: var(--lp-crypto) !important; }
  .node.problem polygon { fill: var(--lp-surface) !important; stroke: var(--lp-crypto) !important; stroke-dasharray: 5 3; }
  .cluster rect { fill: transparent !important; stroke: var(--lp-line) !important; stroke-dasharray: 6 4; }
  .cluster .nodeLabel, .cluster-label .nodeLabel, .cluster text { color: var(--lp-ink) !important; fill: var(--lp-ink) !important; }
  .flowchart-link, .edgePath .path { stroke: var(--lp-line) !important; stroke-width: 2px !important; }
  marker path, .marker, .arrowheadPath { fill: var(--lp-line) !important; stroke: var(--lp-line) !important; }
  .edgeLabel, .edgeLabel p, .edgeLabel span, .labelBkg { background: var(--lp-surface) !important; background-color: var(--lp-surface) !important; color: var(--lp-ink) !important; }
  .edgeLabel rect { fill: var(--lp-surface) !important; }
`

// Mermaid 12 made ELK the default flowchart layout and "neo" the default look. The
// diagrams were drawn for dagre and the classic look (the contrast gate measures
// them so), and ELK's layout engine would add its code to the build: keep both.
export default defineMermaidSetup(() => ({
  theme: 'base',
  layout: 'dagre',
  look: 'classic',
  fontFamily: '"Inter Variable", Inter, system-ui, sans-serif',
  themeVariables: {
    fontSize: '20px',
  },
  flowchart: {
    htmlLabels: true,
    useMaxWidth: true,
    padding: 10,
    // Labels wrap at 240 px, not 200: a layer's name stays on one line.
    wrappingWidth: 240,
    rankSpacing: 30,
    nodeSpacing: 30,
    subGraphTitleMargin: { top: 6, bottom: 6 },
  },
  themeCSS,
}))
