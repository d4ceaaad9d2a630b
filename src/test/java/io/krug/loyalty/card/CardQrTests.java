package io.krug.loyalty.card;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import com.google.zxing.qrcode.encoder.Encoder;
import io.krug.platform.qr.QrCodes;
import io.krug.platform.qr.QrCodesTests;
import io.krug.platform.tenancy.ProgramId;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class CardQrTests {

	final String token = new CardTokenCodec(CardTokenCodecTests.key(7)).encode(new CardTokenCodec.Claims(
			new ProgramId(UUID.randomUUID()), UUID.randomUUID(), Instant.parse("2026-11-23T10:16:00Z")), new byte[4]);

	@Test
	void aCardTokenFitsAVersion5CodeOf45ModulesWithItsQuietZone() throws Exception {
		var code = Encoder.encode(token, ErrorCorrectionLevel.M);
		assertThat(code.getVersion().getVersionNumber()).isEqualTo(5);
		assertThat(QrCodes.matrix(token).getWidth()).isEqualTo(45);
		assertThat(QrCodesTests.decode(QrCodesTests.image(QrCodes.matrix(token), 4))).isEqualTo(token);
	}
}
