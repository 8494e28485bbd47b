/**
 * A flat two-part badge in the style of shields.io, as SVG text. Widths are estimated from the
 * character count (no font metrics on the server) and the text is fitted with textLength, so a
 * long stage name never overflows.
 */
const escapeXml = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

export function badgeSvg(input: { label: string; value: string; title: string; href: string; tone: "active" | "muted" }): string {
  const charWidth = 6.6;
  const pad = 8;
  const lw = Math.round(input.label.length * charWidth + 2 * pad);
  const vw = Math.round(input.value.length * charWidth + 2 * pad);
  const w = lw + vw;
  const colour = input.tone === "active" ? "#17467f" : "#475569";
  const text = (x: number, width: number, s: string) =>
    `<text x="${x}" y="14" textLength="${width - 2 * pad}" lengthAdjust="spacingAndGlyphs">${escapeXml(s)}</text>`;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="20" role="img" aria-label="${escapeXml(input.title)}">
<title>${escapeXml(input.title)}</title>
<a href="${escapeXml(input.href)}" target="_blank">
<rect width="${lw}" height="20" fill="#0f2f57"/>
<rect x="${lw}" width="${vw}" height="20" fill="${colour}"/>
<g fill="#fff" font-family="Verdana,DejaVu Sans,sans-serif" font-size="11">
${text(pad, lw, input.label)}
${text(lw + pad, vw, input.value)}
</g>
</a>
</svg>
`;
}
