// Fonts come from npm (Fontsource) and are bundled into the site: no font CDN.
import '@fontsource-variable/inter'
import '@fontsource/fira-code/400.css'
import './deck.css'
