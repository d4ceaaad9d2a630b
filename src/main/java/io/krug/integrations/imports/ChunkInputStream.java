package io.krug.integrations.imports;

import java.io.InputStream;
import java.util.function.IntFunction;
import org.jspecify.annotations.Nullable;

/** A stored file read back chunk after chunk, so only one chunk is in memory at a time. */
final class ChunkInputStream extends InputStream {

	private final IntFunction<byte @Nullable []> chunks;

	private byte @Nullable [] current = new byte[0];

	private int seq;

	private int position;

	/** @param chunks the chunk with the sequence number, {@code null} after the last */
	ChunkInputStream(IntFunction<byte @Nullable []> chunks) {
		this.chunks = chunks;
	}

	@Override
	public int read() {
		byte[] one = new byte[1];
		return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
	}

	@Override
	public int read(byte[] buffer, int offset, int length) {
		while (current != null && position >= current.length) {
			current = chunks.apply(seq++);
			position = 0;
		}
		if (current == null) {
			return -1;
		}
		int n = Math.min(length, current.length - position);
		System.arraycopy(current, position, buffer, offset, n);
		position += n;
		return n;
	}
}
