package io.krug.events.internal;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.util.Map;

/** Draws a ticket code as a QR code (ZXing, error correction M, 2-module quiet zone) in standalone SVG. */
final class QrSvg {

	private static final Map<EncodeHintType, Object> HINTS = Map.of(EncodeHintType.ERROR_CORRECTION,
			ErrorCorrectionLevel.M, EncodeHintType.MARGIN, 2);

	private QrSvg() {
	}

	/** SVG in module units (scale it with CSS); the dark modules are one path of horizontal runs. */
	static String of(String text) {
		BitMatrix matrix;
		try {
			matrix = new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 0, 0, HINTS);
		}
		catch (WriterException ex) {
			throw new IllegalStateException("Cannot encode a ticket code as QR; indicates a bug", ex);
		}
		int size = matrix.getWidth();
		StringBuilder path = new StringBuilder();
		for (int y = 0; y < matrix.getHeight(); y++) {
			int x = 0;
			while (x < size) {
				if (!matrix.get(x, y)) {
					x++;
					continue;
				}
				int start = x;
				while (x < size && matrix.get(x, y)) {
					x++;
				}
				path.append('M').append(start).append(' ').append(y).append('h').append(x - start).append("v1h-")
					.append(x - start).append('z');
			}
		}
		return """
				<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 %d %d" shape-rendering="crispEdges" \
				role="img" aria-label="Event ticket QR code"><rect width="%d" height="%d" fill="#fff"/>\
				<path fill="#000" d="%s"/></svg>""".formatted(size, matrix.getHeight(), size, matrix.getHeight(), path);
	}
}
