package io.krug.integrations.imports;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Guesses how a file is written from its first {@value #SAMPLE} bytes: UTF-8 (with or without a byte-order mark)
 * when they decode as UTF-8, otherwise Windows-1251 (what Russian Excel saves as "CSV"); and the separator of a
 * CSV header line: whichever of {@code ;}, tab and {@code ,} it has most of ({@code ,} on a tie or none).
 */
final class TextDetection {

	static final int SAMPLE = 64 * 1024;

	static final Charset WINDOWS_1251 = Charset.forName("windows-1251");

	private TextDetection() {
	}

	/** The stream's charset; the stream is left where it was, after a UTF-8 byte-order mark if it had one. */
	static Charset charset(BufferedInputStream in) throws IOException {
		in.mark(SAMPLE + 3);
		byte[] sample = in.readNBytes(SAMPLE);
		in.reset();
		if (sample.length >= 3 && (sample[0] & 0xFF) == 0xEF && (sample[1] & 0xFF) == 0xBB
				&& (sample[2] & 0xFF) == 0xBF) {
			in.skipNBytes(3);
			return StandardCharsets.UTF_8;
		}
		return isUtf8(sample, sample.length < SAMPLE) ? StandardCharsets.UTF_8 : WINDOWS_1251;
	}

	/** Whether the bytes are UTF-8; a sequence cut at the end of a partial sample is allowed. */
	static boolean isUtf8(byte[] bytes, boolean complete) {
		CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
			.onMalformedInput(CodingErrorAction.REPORT)
			.onUnmappableCharacter(CodingErrorAction.REPORT);
		CharBuffer out = CharBuffer.allocate(bytes.length + 1);
		return !decoder.decode(ByteBuffer.wrap(bytes), out, complete).isError();
	}

	static char separator(String headerLine) {
		long semicolons = headerLine.chars().filter(c -> c == ';').count();
		long tabs = headerLine.chars().filter(c -> c == '\t').count();
		long commas = headerLine.chars().filter(c -> c == ',').count();
		if (semicolons > commas && semicolons >= tabs) {
			return ';';
		}
		return tabs > commas ? '\t' : ',';
	}
}
