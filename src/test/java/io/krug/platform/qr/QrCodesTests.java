package io.krug.platform.qr;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import com.google.zxing.qrcode.encoder.Encoder;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.util.Map;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.AlphaChars;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.xml.sax.InputSource;

public class QrCodesTests {

	/** As long as a member card token (see CardQrTests): a version-5 code. */
	final String token = "ab".repeat(34);

	@Test
	void aSeventyCharacterTokenIsAVersion5CodeOf45ModulesWithItsQuietZone() throws Exception {
		var code = Encoder.encode(token, ErrorCorrectionLevel.M);
		assertThat(code.getVersion().getVersionNumber()).isEqualTo(5);
		assertThat(QrCodes.matrix(token).getWidth()).isEqualTo(37 + 2 * QrCodes.MARGIN);
	}

	@Property(tries = 200)
	void everyTokenDrawnAsSvgOrPngReadsBack(@ForAll @StringLength(min = 1, max = 80) @AlphaChars String text)
			throws Exception {
		String svg = QrCodes.svg(text);
		String d = ((Element) parse(svg).getElementsByTagNameNS("http://www.w3.org/2000/svg", "path").item(0))
			.getAttribute("d");
		int size = QrCodes.matrix(text).getWidth();
		assertThat(decode(image(rasterize(d, size), 4))).isEqualTo(text);
		assertThat(decode(ImageIO.read(new ByteArrayInputStream(QrCodes.png(text))))).isEqualTo(text);
	}

	@Test
	void thePngDecodesBackToTheToken() throws Exception {
		BufferedImage image = ImageIO.read(new ByteArrayInputStream(QrCodes.png(token)));
		assertThat(image.getWidth()).isEqualTo(45 * QrCodes.PNG_SCALE).isEqualTo(image.getHeight());
		assertThat(decode(image)).isEqualTo(token);
	}

	@Test
	void theSvgIsWellFormedAndDrawsTheSameCode() throws Exception {
		Document svg = parse(QrCodes.svg(token));
		Element root = svg.getDocumentElement();
		assertThat(root.getLocalName()).isEqualTo("svg");
		assertThat(root.getAttribute("viewBox")).isEqualTo("0 0 45 45");
		assertThat(root.getAttribute("shape-rendering")).isEqualTo("crispEdges");
		assertThat(svg.getElementsByTagNameNS("http://www.w3.org/2000/svg", "path").getLength()).isOne();
		String d = ((Element) svg.getElementsByTagNameNS("http://www.w3.org/2000/svg", "path").item(0))
			.getAttribute("d");
		BitMatrix drawn = rasterize(d, 45);
		assertThat(drawn).isEqualTo(QrCodes.matrix(token));
		assertThat(decode(image(drawn, 4))).isEqualTo(token);
	}

	public static Document parse(String xml) throws Exception {
		var factory = DocumentBuilderFactory.newInstance();
		factory.setNamespaceAware(true);
		factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
		return factory.newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
	}

	/** Paints the path's {@code M x y h n v1 h-n z} runs, failing on anything else. */
	public static BitMatrix rasterize(String d, int size) {
		assertThat(d).matches("(M\\d+ \\d+h(\\d+)v1h-\\2z)+");
		BitMatrix matrix = new BitMatrix(size);
		var run = Pattern.compile("M(\\d+) (\\d+)h(\\d+)v1h-\\d+z").matcher(d);
		while (run.find()) {
			matrix.setRegion(Integer.parseInt(run.group(1)), Integer.parseInt(run.group(2)),
					Integer.parseInt(run.group(3)), 1);
		}
		return matrix;
	}

	public static BufferedImage image(BitMatrix matrix, int scale) {
		var image = new BufferedImage(matrix.getWidth() * scale, matrix.getHeight() * scale,
				BufferedImage.TYPE_INT_RGB);
		for (int y = 0; y < image.getHeight(); y++) {
			for (int x = 0; x < image.getWidth(); x++) {
				image.setRGB(x, y, matrix.get(x / scale, y / scale) ? 0x000000 : 0xFFFFFF);
			}
		}
		return image;
	}

	/**
	 * Reads a QR code from a pure, unrotated image of it. ZXing's finder-pattern detector misreads about 1 % of
	 * perfect synthetic version-5 codes (measured: 61 of 6,000 random card tokens, each of which decodes with
	 * {@code PURE_BARCODE}), so the test reads the modules directly instead of racing that heuristic.
	 */
	public static String decode(BufferedImage image) throws Exception {
		int[] pixels = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
		var source = new RGBLuminanceSource(image.getWidth(), image.getHeight(), pixels);
		return new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(source)),
				Map.of(DecodeHintType.PURE_BARCODE, Boolean.TRUE)).getText();
	}
}
