package dev.funcboot.trigger.http;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;

import dev.funcboot.functions.annotation.AuthLevel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class FunctionKeysTests {

	@TempDir
	Path directory;

	private KeysProperties configured() {
		KeysProperties properties = new KeysProperties();
		properties.setMaster("master-0123456789abcdef");
		properties.getHost().put("default", "host-0123456789abcdef");
		properties.getFunctions().put("orders", Map.of("default", "orders-0123456789abcdef"));
		properties.getFunctions().put("billing", Map.of("default", "billing-0123456789abcdef"));
		return properties;
	}

	@Test
	void checksEachAuthLevel() {
		FunctionKeys keys = new FunctionKeys(configured(), null);
		assertThat(keys.check(AuthLevel.ANONYMOUS, "orders", null)).isEqualTo(FunctionKeys.Check.GRANTED);
		assertThat(keys.check(AuthLevel.FUNCTION, "orders", null)).isEqualTo(FunctionKeys.Check.MISSING);
		assertThat(keys.check(AuthLevel.FUNCTION, "orders", "")).isEqualTo(FunctionKeys.Check.MISSING);
		assertThat(keys.check(AuthLevel.FUNCTION, "orders", "orders-0123456789abcdef"))
			.isEqualTo(FunctionKeys.Check.GRANTED);
		assertThat(keys.check(AuthLevel.FUNCTION, "orders", "host-0123456789abcdef"))
			.isEqualTo(FunctionKeys.Check.GRANTED);
		assertThat(keys.check(AuthLevel.FUNCTION, "orders", "master-0123456789abcdef"))
			.isEqualTo(FunctionKeys.Check.GRANTED);
		assertThat(keys.check(AuthLevel.FUNCTION, "orders", "billing-0123456789abcdef"))
			.isEqualTo(FunctionKeys.Check.FORBIDDEN);
		assertThat(keys.check(AuthLevel.FUNCTION, "orders", "orders-0123456789abcdeX"))
			.isEqualTo(FunctionKeys.Check.INVALID);
		assertThat(keys.check(AuthLevel.ADMIN, "orders", "host-0123456789abcdef"))
			.isEqualTo(FunctionKeys.Check.FORBIDDEN);
		assertThat(keys.check(AuthLevel.ADMIN, "orders", "orders-0123456789abcdef"))
			.isEqualTo(FunctionKeys.Check.FORBIDDEN);
		assertThat(keys.check(AuthLevel.ADMIN, "orders", "master-0123456789abcdef"))
			.isEqualTo(FunctionKeys.Check.GRANTED);
	}

	@Test
	void changesSurviveARestartWhenAStoreIsConfigured() throws Exception {
		FunctionKeys first = new FunctionKeys(configured(), new KeyFile(this.directory));
		String generated = first.putFunctionKey("orders", "ci", null);
		first.putHostKey("ops", "ops-key-0123456789abcdef");
		first.deleteFunctionKey("billing", "default");
		first.rotateMaster("new-master-0123456789abcdef");
		Path file = this.directory.resolve("keys.json");
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");

		FunctionKeys second = new FunctionKeys(configured(), new KeyFile(this.directory));
		assertThat(second.functionKeys("orders")).containsEntry("ci", generated);
		assertThat(second.hostKeys()).containsEntry("ops", "ops-key-0123456789abcdef");
		assertThat(second.functionKeys("billing")).doesNotContainKey("default");
		assertThat(second.check(AuthLevel.ADMIN, "x", "new-master-0123456789abcdef"))
			.isEqualTo(FunctionKeys.Check.GRANTED);
		assertThat(second.check(AuthLevel.ADMIN, "x", "master-0123456789abcdef")).isEqualTo(FunctionKeys.Check.INVALID);
		assertThat(second.check(AuthLevel.FUNCTION, "billing", "billing-0123456789abcdef"))
			.isEqualTo(FunctionKeys.Check.INVALID);
	}

	@Test
	void generatesAndPersistsAMasterKeyWhenNoneIsConfigured() {
		FunctionKeys first = new FunctionKeys(new KeysProperties(), new KeyFile(this.directory));
		assertThat(first.isMasterGenerated()).isTrue();
		assertThat(first.masterKey()).hasSizeGreaterThanOrEqualTo(40);
		FunctionKeys second = new FunctionKeys(new KeysProperties(), new KeyFile(this.directory));
		assertThat(second.isMasterGenerated()).isFalse();
		assertThat(second.masterKey()).isEqualTo(first.masterKey());
		assertThat(new FunctionKeys(new KeysProperties(), null).masterKey()).isNotEqualTo(first.masterKey());
	}

	@Test
	void rejectsWeakKeys() {
		FunctionKeys keys = new FunctionKeys(configured(), null);
		assertThatIllegalArgumentException().isThrownBy(() -> keys.putHostKey("x", "short"))
			.withMessageContaining("16 characters");
		assertThatIllegalArgumentException().isThrownBy(() -> keys.putHostKey("x", "has a space 0123456789"));
	}

}
