package dev.funcboot.trigger.stream;

import java.util.AbstractMap;
import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * A record's metadata, read from the record the first time anything asks: a function that never
 * looks at its invocation context (most of them) costs no map per record. Read-only, and read on
 * the consumer thread that made it (an invocation's context may be handed to another thread, so
 * the map it builds is published safely all the same).
 */
public final class LazyMetadata extends AbstractMap<String, Object> {

	private final Supplier<Map<String, Object>> reader;

	private volatile Map<String, Object> map;

	public LazyMetadata(Supplier<Map<String, Object>> reader) {
		this.reader = reader;
	}

	private Map<String, Object> map() {
		Map<String, Object> map = this.map;
		if (map == null) {
			map = Collections.unmodifiableMap(this.reader.get());
			this.map = map;
		}
		return map;
	}

	@Override
	public Set<Entry<String, Object>> entrySet() {
		return map().entrySet();
	}

	@Override
	public Object get(Object key) {
		return map().get(key);
	}

	@Override
	public boolean containsKey(Object key) {
		return map().containsKey(key);
	}

	@Override
	public int size() {
		return map().size();
	}

	/** Whether anything has asked yet (the record was read). */
	public boolean isRead() {
		return this.map != null;
	}

}
