import QRCode from "qrcode";

/**
 * An SVG QR code drawn on the server, so pages need no script and print sharply. Medium error
 * correction survives a crease in a printout; black on white scans on cheap phone cameras.
 */
export function qrSvg(text: string): Promise<string> {
  return QRCode.toString(text, { type: "svg", errorCorrectionLevel: "M", margin: 2, color: { dark: "#000000", light: "#ffffff" } });
}
