package dev.funcboot.demo.orders;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** Orders in the embedded H2 database (a file, so they survive a restart). */
@Repository
public class OrderRepository {

	private final JdbcClient jdbc;

	public OrderRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public Order save(NewOrder order, Instant now) {
		KeyHolder keys = new GeneratedKeyHolder();
		this.jdbc.sql("INSERT INTO orders (product, quantity, customer, created_at) VALUES (?, ?, ?, ?)")
			.params(order.product(), order.quantity(), order.customer(), Timestamp.from(now))
			.update(keys, "id");
		long id = keys.getKey().longValue();
		return new Order(id, order.product(), order.quantity(), order.customer(), now);
	}

	public Optional<Order> find(long id) {
		return this.jdbc.sql("SELECT id, product, quantity, customer, created_at FROM orders WHERE id = ?")
			.param(id)
			.query((rs, row) -> new Order(rs.getLong(1), rs.getString(2), rs.getInt(3), rs.getString(4),
					rs.getTimestamp(5).toInstant()))
			.optional();
	}

	public List<Order> recent(int limit) {
		return this.jdbc
			.sql("SELECT id, product, quantity, customer, created_at FROM orders ORDER BY id DESC LIMIT ?")
			.param(limit)
			.query((rs, row) -> new Order(rs.getLong(1), rs.getString(2), rs.getInt(3), rs.getString(4),
					rs.getTimestamp(5).toInstant()))
			.list();
	}

	public int deleteOlderThan(Instant cutoff) {
		return this.jdbc.sql("DELETE FROM orders WHERE created_at < ?").param(Timestamp.from(cutoff)).update();
	}

}
