package io.krug.loyalty.card;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import com.google.zxing.qrcode.encoder.Encoder;
import io.krug.platform.tenancy.ProgramId;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.time.Instant;
import java.util.UUID;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.xml.sax.InputSource;

class QrCodesTests {

	final String token = new CardTokenCodec(CardTokenCodecTests.key(7)).encode(new CardTokenCodec.Claims(
			new ProgramId(UUID.randomUUID()), UUID.randomUUID(), Instant.parse("2026-11-23T10:16:00Z")), new byte[4]);

	@Test
	void aCardTokenFitsAVersion5CodeOf41ModulesWithItsQuietZone() throws Exception {
		var code = Encoder.encode(token, ErrorCorrectionLevel.M);
		assertThat(code.getVersion().getVersionNumber()).isEqualTo(5);
		assertThat(code.getMatrix().getWidth()).isEqualTo(37);
		assertThat(QrCodes.matrix(token).getWidth()).isEqualTo(37 + 2 * QrCodes.MARGIN);
	}

	@Test
	void thePngDecodesBackToTheToken() throws Exception {
		BufferedImage image = ImageIO.read(new ByteArrayInputStream(QrCodes.png(token)));
		assertThat(image.getWidth()).isEqualTo(41 * QrCodes.PNG_SCALE).isEqualTo(image.getHeight());
		assertThat(decode(image)).isEqualTo(token);
	}

	@Test
	void theSvgIsWellFormedAndDrawsTheSameCode() throws Exception {
		Document svg = parse(QrCodes.svg(token));
		Element root = svg.getDocumentElement();
		assertThat(root.getLocalName()).isEqualTo("svg");
		assertThat(root.getAttribute("viewBox")).isEqualTo("0 0 41 41");
		assertThat(root.getAttribute("shape-rendering")).isEqualTo("crispEdges");
		assertThat(svg.getElementsByTagNameNS("http://www.w3.org/2000/svg", "path").getLength()).isOne();
		String d = ((Element) svg.getElementsByTagNameNS("http://www.w3.org/2000/svg", "path").item(0))
			.getAttribute("d");
		BitMatrix drawn = rasterize(d, 41);
		assertThat(drawn).isEqualTo(QrCodes.matrix(token));
		assertThat(decode(image(drawn, 4))).isEqualTo(token);
	}

	static Document parse(String xml) throws Exception {
		var factory = DocumentBuilderFactory.newInstance();
		factory.setNamespaceAware(true);
		factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
		return factory.newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
	}

	/** Paints the path's {@code M x y h n v1 h-n z} runs, failing on anything else. */
	static BitMatrix rasterize(String d, int size) {
		assertThat(d).matches("(M\\d+ \\d+h(\\d+)v1h-\\2z)+");
		BitMatrix matrix = new BitMatrix(size);
		var run = Pattern.compile("M(\\d+) (\\d+)h(\\d+)v1h-\\d+z").matcher(d);
		while (run.find()) {
			matrix.setRegion(Integer.parseInt(run.group(1)), Integer.parseInt(run.group(2)),
					Integer.parseInt(run.group(3)), 1);
		}
		return matrix;
	}

	static BufferedImage image(BitMatrix matrix, int scale) {
		var image = new BufferedImage(matrix.getWidth() * scale, matrix.getHeight() * scale,
				BufferedImage.TYPE_INT_RGB);
		for (int y = 0; y < image.getHeight(); y++) {
			for (int x = 0; x < image.getWidth(); x++) {
				image.setRGB(x, y, matrix.get(x / scale, y / scale) ? 0x000000 : 0xFFFFFF);
			}
		}
		return image;
	}

	/** Reads a QR code from an image the way a scanner would: no hints, detection included. */
	static String decode(BufferedImage image) throws Exception {
		int[] pixels = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
		var source = new RGBLuminanceSource(image.getWidth(), image.getHeight(), pixels);
		return new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(source))).getText();
	}
}
