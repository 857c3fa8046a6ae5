package dev.funcboot.durable.store.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;

import dev.funcboot.durable.store.ActivityWorkItem;
import dev.funcboot.durable.store.InstanceState;

/** The statements that differ between databases: inserting if absent, and claiming work. */
interface DialectSql {

	/** Inserts an instance row holding only its id unless one exists; waits for a concurrent insert. */
	void insertInstanceIfAbsent(Connection connection, String id) throws SQLException;

	/**
	 * Leases the instance whose oldest deliverable visible message is oldest, among instances no
	 * other worker holds; null when there is none.
	 * @return the instance's row (an instance without status for a placeholder row)
	 */
	InstanceState claimInstance(Connection connection, String owner, String token, Instant now, Instant until)
			throws SQLException;

	/** Leases the oldest visible activity call, counting the hand-out; null when there is none. */
	ActivityWorkItem claimActivity(Connection connection, String owner, String token, Instant now, Instant until)
			throws SQLException;

}
