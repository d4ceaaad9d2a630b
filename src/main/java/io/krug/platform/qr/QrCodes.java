package io.krug.platform.qr;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.awt.image.BufferedImage;
import java.awt.image.WritableRaster;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import javax.imageio.ImageIO;

/**
 * Draws a token (a member card, an event ticket) as a QR code (ZXing, error correction M, the 4-module quiet zone ISO/IEC 18004 asks for): SVG markup with one path of
 * horizontal runs, and a PNG of {@value #PNG_SCALE} pixels per module.
 */
public final class QrCodes {

	public static final int MARGIN = 4;

	public static final int PNG_SCALE = 8;

	private static final Map<EncodeHintType, Object> HINTS = Map.of(EncodeHintType.ERROR_CORRECTION,
			ErrorCorrectionLevel.M, EncodeHintType.MARGIN, MARGIN);

	private QrCodes() {
	}

	/** The modules including the quiet zone, one bit per module. */
	public static BitMatrix matrix(String text) {
		try {
			return new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 0, 0, HINTS);
		}
		catch (WriterException ex) {
			throw new IllegalStateException("Cannot encode a token of " + text.length() + " characters as QR; indicates a bug", ex);
		}
	}

	/** Standalone SVG in module units (scale it with CSS); dark modules are one path of {@code h}-runs. */
	public static String svg(String text) {
		BitMatrix matrix = matrix(text);
		int width = matrix.getWidth();
		int height = matrix.getHeight();
		StringBuilder path = new StringBuilder();
		for (int y = 0; y < height; y++) {
			int x = 0;
			while (x < width) {
				if (!matrix.get(x, y)) {
					x++;
					continue;
				}
				int start = x;
				while (x < width && matrix.get(x, y)) {
					x++;
				}
				int run = x - start;
				path.append('M').append(start).append(' ').append(y).append('h').append(run).append("v1h-")
					.append(run).append('z');
			}
		}
		return """
				<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 %d %d" shape-rendering="crispEdges" \
				role="img" aria-label="QR code"><rect width="%d" height="%d" fill="#fff"/>\
				<path fill="#000" d="%s"/></svg>""".formatted(width, height, width, height, path);
	}

	public static byte[] png(String text) {
		BitMatrix matrix = matrix(text);
		int width = matrix.getWidth() * PNG_SCALE;
		int height = matrix.getHeight() * PNG_SCALE;
		BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_BINARY);
		WritableRaster raster = image.getRaster();
		for (int y = 0; y < height; y++) {
			for (int x = 0; x < width; x++) {
				raster.setSample(x, y, 0, matrix.get(x / PNG_SCALE, y / PNG_SCALE) ? 0 : 1);
			}
		}
		var out = new ByteArrayOutputStream();
		try {
			ImageIO.write(image, "png", out);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toByteArray();
	}
}
