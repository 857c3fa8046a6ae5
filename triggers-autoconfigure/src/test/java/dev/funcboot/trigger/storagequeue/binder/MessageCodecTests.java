package dev.funcboot.trigger.storagequeue.binder;

import java.nio.charset.StandardCharsets;

import dev.funcboot.functions.binding.QueueOptions.MessageEncoding;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class MessageCodecTests {

	private static final byte[] ORDER = "{\"id\":\"ä-1\"}".getBytes(StandardCharsets.UTF_8);

	@Test
	void base64IsWhatAzureFunctionsWrites() {
		String text = MessageCodec.encode(MessageEncoding.BASE64, ORDER);
		assertThat(text).isEqualTo("eyJpZCI6IsOkLTEifQ==");
		assertThat(MessageCodec.decode(MessageEncoding.BASE64, text)).isEqualTo(ORDER);
	}

	@Test
	void noneKeepsTheTextAsUtf8() {
		String text = MessageCodec.encode(MessageEncoding.NONE, ORDER);
		assertThat(text).isEqualTo("{\"id\":\"ä-1\"}");
		assertThat(MessageCodec.decode(MessageEncoding.NONE, text)).isEqualTo(ORDER);
	}

	@Test
	void base64ToleratesLineBreaksSomeToolsAdd() {
		assertThat(MessageCodec.decode(MessageEncoding.BASE64, "eyJpZCI6IsOkLT\r\nEifQ==")).isEqualTo(ORDER);
	}

	@Test
	void textThatIsNotBase64FailsWithTheFixInsteadOfDecodingPartly() {
		assertThatIllegalArgumentException().isThrownBy(() -> MessageCodec.decode(MessageEncoding.BASE64, "{\"id\":1}"))
			.withMessageContaining("not Base64")
			.withMessageContaining("message-encoding=none");
	}

}
