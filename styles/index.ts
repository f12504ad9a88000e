// Fonts come from npm (Fontsource) and are bundled into the site: no font CDN.
// fonts.css declares their Latin faces only (see there why).
import './fonts.css'
import './deck.css'
