package dev.funcboot.trigger.storagequeue.binder;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import dev.funcboot.functions.binding.QueueOptions.MessageEncoding;

/**
 * Maps payload bytes to the text a Storage queue message holds, and back. Decoding is strict:
 * text that is not Base64 under {@link MessageEncoding#BASE64} is an error (the message is
 * poison), never silently truncated; whitespace (line breaks some tools add) is ignored.
 */
public final class MessageCodec {

	private MessageCodec() {
	}

	public static String encode(MessageEncoding encoding, byte[] payload) {
		return switch (encoding) {
			case BASE64 -> Base64.getEncoder().encodeToString(payload);
			case NONE -> new String(payload, StandardCharsets.UTF_8);
		};
	}

	/**
	 * @throws IllegalArgumentException saying what is wrong when the text is not valid for the
	 * encoding
	 */
	public static byte[] decode(MessageEncoding encoding, String text) {
		return switch (encoding) {
			case BASE64 -> decodeBase64(text);
			case NONE -> text.getBytes(StandardCharsets.UTF_8);
		};
	}

	private static byte[] decodeBase64(String text) {
		String compact = text.replaceAll("\\s", "");
		try {
			return Base64.getDecoder().decode(compact);
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalArgumentException("The message text is not Base64 (" + ex.getMessage()
					+ ") but the binding expects message-encoding=base64; send it Base64-encoded, or set "
					+ "message-encoding=none if producers write plain text", ex);
		}
	}

}
