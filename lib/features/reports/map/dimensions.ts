/** The map's drawing size (SVG user units), shared by the server that projects the outlines and the page that shows them. */
export const MAP_WIDTH = 800;
export const MAP_HEIGHT = 300;
