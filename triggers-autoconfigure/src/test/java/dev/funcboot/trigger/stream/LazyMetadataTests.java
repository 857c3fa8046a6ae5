package dev.funcboot.trigger.stream;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.entry;

class LazyMetadataTests {

	private final AtomicInteger reads = new AtomicInteger();

	private final LazyMetadata metadata = new LazyMetadata(() -> {
		this.reads.incrementAndGet();
		Map<String, Object> map = new LinkedHashMap<>();
		map.put("topic", "orders");
		map.put("offset", 42L);
		return map;
	});

	@Test
	void theRecordIsReadOnlyWhenSomethingAsksAndThenOnce() {
		assertThat(this.metadata.isRead()).isFalse();
		assertThat(this.reads).hasValue(0);
		assertThat(this.metadata.get("offset")).isEqualTo(42L);
		assertThat(this.metadata).containsExactly(entry("topic", "orders"), entry("offset", 42L));
		assertThat(this.metadata.containsKey("topic")).isTrue();
		assertThat(this.metadata).hasSize(2).isEqualTo(Map.of("topic", "orders", "offset", 42L));
		assertThat(this.metadata.isRead()).isTrue();
		assertThat(this.reads).hasValue(1);
	}

	@Test
	void itIsReadOnly() {
		assertThatExceptionOfType(UnsupportedOperationException.class)
			.isThrownBy(() -> this.metadata.put("offset", 7L));
		assertThatExceptionOfType(UnsupportedOperationException.class)
			.isThrownBy(() -> this.metadata.entrySet().clear());
		assertThat(this.metadata.get("offset")).isEqualTo(42L);
	}

}
