// Slidev's slide canvas: its default canvasWidth (980) at the deck's 16:9, rounded up.
// The pre-rendered slide scales it as the app does; the tests measure against it.
export const CANVAS = { width: 980, height: 552 }
