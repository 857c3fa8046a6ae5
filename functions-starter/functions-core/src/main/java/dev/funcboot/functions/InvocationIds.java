package dev.funcboot.functions;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Invocation ids: random version-4 UUIDs from {@link ThreadLocalRandom}, which unlike
 * {@link UUID#randomUUID()} does not contend on a shared {@code SecureRandom}. Ids correlate
 * logs; they are not secrets.
 */
public final class InvocationIds {

	private InvocationIds() {
	}

	public static String next() {
		ThreadLocalRandom random = ThreadLocalRandom.current();
		long most = (random.nextLong() & ~0xF000L) | 0x4000L;
		long least = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
		return new UUID(most, least).toString();
	}

}
